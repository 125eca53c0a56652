import { mount } from '@vue/test-utils';
import type { AbilityUser } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentSchemeItemFragment, UnitKind } from '@/gql/graphql';
import { signIn, users, yearInfo } from '@/testing/assessment-fixtures';
import { byTestId, click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import { currentYear } from './assessment';
import { schemeErrorMessage } from './assessment-errors';
import AssessmentPage from './AssessmentPage.vue';
import AssessmentSchemesPage from './AssessmentSchemesPage.vue';
import { weightGap } from './schemes';

vi.mock('vue-echarts', () => ({ default: { name: 'VChart', props: ['option'], template: '<div class="v-chart-stub"></div>' } }));

const YEAR = currentYear();
const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key);

const scheme = (unitKind: UnitKind, over: Partial<AssessmentSchemeItemFragment> = {}): AssessmentSchemeItemFragment => ({
  year: YEAR,
  unitKind,
  indicators: [
    { figure: 'onTimeRate', name: '按期答复率', weight: 25, direction: 'HIGHER_IS_BETTER' },
    { figure: 'satisfactionRate', name: '群众满意率', weight: 45, direction: 'HIGHER_IS_BETTER' },
    { figure: 'repeatRate', name: '重复信访率', weight: 30, direction: 'LOWER_IS_BETTER' },
  ],
  deductions: [
    { kind: 'CIRCULAR', points: 2 },
    { kind: 'SKIP_LEVEL_VISIT', points: 1.5 },
  ],
  weightTotal: 100,
  saved: true,
  frozen: false,
  version: 3,
  updatedAt: `${YEAR}-03-01T02:00:00.000Z`,
  updatedByName: '县群众工作局 王科长',
  ...over,
});
const SCHEMES = (over: Partial<AssessmentSchemeItemFragment> = {}) => ['TOWNSHIP', 'DEPARTMENT', 'VILLAGE'].map((k) => scheme(k as UnitKind, over));

async function render(u: AbilityUser, handlers: FakeHandlers = {}, path = `/assessment/schemes?year=${YEAR}`) {
  const ability = signIn(u);
  const server = fakeServer({ AssessmentSchemes: () => ({ data: { assessmentSchemes: SCHEMES() } }), ...handlers });
  const { plugins, router } = portalPlugins(ability, server);
  await router.push(path);
  await router.isReady();
  mount(AssessmentSchemesPage, { global: { plugins }, attachTo: document.body });
  return { server, router };
}

const township = () => mustFind('[data-testid="scheme-TOWNSHIP"]');
const inTownship = (testid: string) => township().querySelector<HTMLElement>(`[data-testid="${testid}"]`);
async function setNumber(testid: string, value: number): Promise<void> {
  const input = mustFind<HTMLInputElement>(`[data-testid="${testid}"] input`, township());
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
}
const saveButton = () => inTownship('scheme-save') as HTMLButtonElement;

describe('the weights’ total and a refused scheme', () => {
  it('says how far the weights are from 100', () => {
    expect(weightGap(100)).toEqual({ kind: 'exact', points: 0 });
    expect(weightGap(95)).toEqual({ kind: 'short', points: 5 });
    expect(weightGap(105)).toEqual({ kind: 'over', points: 5 });
  });

  it('words the scheme’s own refusals, the sum from the extensions or else the message', () => {
    const refusal = (extensions: Record<string, unknown>, message = 'refused') => ({ graphQLErrors: [{ message, extensions }] as never, networkError: undefined });
    expect(schemeErrorMessage(refusal({ code: 'BAD_USER_INPUT', reason: 'WEIGHTS_NOT_100', sum: 95 }), t)).toBe('assessment.schemes.errors.WEIGHTS_NOT_100 {"sum":95}');
    expect(schemeErrorMessage(refusal({ code: 'BAD_USER_INPUT', reason: 'WEIGHTS_NOT_100' }, 'The weights add up to 110; they must add up to 100.'), t)).toBe(
      'assessment.schemes.errors.WEIGHTS_NOT_100 {"sum":110}',
    );
    expect(schemeErrorMessage(refusal({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_FIGURE' }), t)).toBe('assessment.schemes.errors.DUPLICATE_FIGURE');
    expect(schemeErrorMessage(refusal({ code: 'BAD_USER_INPUT', reason: 'PUBLISHED' }), t)).toBe('assessment.schemes.errors.PUBLISHED');
    expect(schemeErrorMessage(refusal({ code: 'CONFLICT' }), t)).toBe('assessment.schemes.errors.CONFLICT');
    expect(schemeErrorMessage(refusal({ code: 'FORBIDDEN' }), t)).toBe('assessment.errors.FORBIDDEN');
  });
});

describe('考核方案', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('lets the bureau edit a township weight: 105 is 超出5分 and cannot be saved, 100 is saved with its new version', async () => {
    const { server } = await render(users.bureau(), {
      SaveAssessmentScheme: (v) => {
        const input = v.input as { unitKind: UnitKind; indicators: AssessmentSchemeItemFragment['indicators']; deductions: AssessmentSchemeItemFragment['deductions'] };
        return { data: { saveAssessmentScheme: scheme(input.unitKind, { indicators: input.indicators, deductions: input.deductions, version: 4 }) } };
      },
    });
    await vi.waitFor(() => expect(byTestId('scheme-TOWNSHIP')).not.toBeNull());
    expect(server.callsOf('AssessmentSchemes')[0]).toEqual({ year: YEAR });
    expect(textOf('schemes-title')).toBe(`${YEAR}年度考核方案`);
    const tabs = [...document.querySelectorAll('[data-testid="schemes-kinds"] [role="tab"]')];
    expect(tabs.map((x) => x.textContent?.trim())).toEqual(['镇乡', '部门', '村(居)']);
    expect(township().querySelectorAll('[data-testid="scheme-indicators"] .el-table__body tr')).toHaveLength(3);
    expect(inTownship('scheme-total')?.textContent).toContain('100 / 100 分');
    expect(inTownship('scheme-total')?.classList.contains('ok')).toBe(true);
    expect(inTownship('scheme-meta')?.textContent).toContain('第 3 版');
    // Every input has a name of its own.
    for (const input of township().querySelectorAll('input')) expect(input.getAttribute('aria-label') ?? input.id).toBeTruthy();
    expect(mustFind('[data-testid="scheme-weight-0"] input', township()).getAttribute('aria-label')).toBe('第1项指标的权重');

    await setNumber('scheme-weight-0', 30);
    await vi.waitFor(() => expect(inTownship('scheme-total-gap')?.textContent).toBe('超出5分'));
    expect(inTownship('scheme-total-value')?.textContent).toBe('105 / 100 分');
    expect(inTownship('scheme-total')?.classList.contains('off')).toBe(true);
    expect(saveButton().disabled).toBe(true);
    await setNumber('scheme-weight-0', 20);
    await vi.waitFor(() => expect(inTownship('scheme-total-gap')?.textContent).toBe('还差5分'));
    expect(saveButton().disabled).toBe(true);
    await setNumber('scheme-weight-0', 25);
    await vi.waitFor(() => expect(inTownship('scheme-total-gap')?.textContent).toBe('合计 100 分'));
    await setNumber('scheme-deduction-CIRCULAR', 2.5);
    expect(saveButton().disabled).toBe(false);
    await click(saveButton());
    await vi.waitFor(() => expect(server.callsOf('SaveAssessmentScheme')).toHaveLength(1));
    expect(server.callsOf('SaveAssessmentScheme')[0]).toEqual({
      input: {
        year: YEAR,
        unitKind: 'TOWNSHIP',
        indicators: scheme('TOWNSHIP').indicators,
        deductions: [
          { kind: 'CIRCULAR', points: 2.5 },
          { kind: 'SKIP_LEVEL_VISIT', points: 1.5 },
        ],
        version: 3,
      },
    });
    await vi.waitFor(() => expect(document.body.textContent).toContain('考核方案已保存（第 4 版）'));
    await vi.waitFor(() => expect(inTownship('scheme-meta')?.textContent).toContain('第 4 版'));
  });

  it('adds an indicator with the first figure not yet used, named after it, and removes a row', async () => {
    await render(users.bureau());
    await vi.waitFor(() => expect(byTestId('scheme-TOWNSHIP')).not.toBeNull());
    await click(inTownship('scheme-add')!);
    await vi.waitFor(() => expect(township().querySelectorAll('[data-testid="scheme-indicators"] .el-table__body tr')).toHaveLength(4));
    // The new row: the first figure not yet used, named after it; the total is now over.
    expect(mustFind<HTMLInputElement>('input[data-testid="scheme-name-3"]', township()).value).toBe('办结率');
    expect(inTownship('scheme-total-gap')?.textContent).toBe('超出1分');
    expect(saveButton().disabled).toBe(true);
    await click(inTownship('scheme-remove-3')!);
    await vi.waitFor(() => expect(township().querySelectorAll('[data-testid="scheme-indicators"] .el-table__body tr')).toHaveLength(3));
    expect(inTownship('scheme-total-gap')?.textContent).toBe('合计 100 分');
  });

  it('says in Chinese why the server refused a scheme', async () => {
    await render(users.bureau(), { SaveAssessmentScheme: () => ({ error: { code: 'CONFLICT' } }) });
    await vi.waitFor(() => expect(byTestId('scheme-TOWNSHIP')).not.toBeNull());
    await setNumber('scheme-deduction-SKIP_LEVEL_VISIT', 3);
    await click(saveButton());
    await vi.waitFor(() => expect(document.body.textContent).toContain('该考核方案已被他人修改，请刷新后重试'));
  });

  it('shows a township the schemes read-only, with no input and no 保存', async () => {
    await render(users.qingshan());
    await vi.waitFor(() => expect(byTestId('scheme-TOWNSHIP')).not.toBeNull());
    expect(textOf('schemes-read-only')).toContain('考核方案由群众工作局制定');
    expect(township().querySelectorAll('input')).toHaveLength(0);
    expect(inTownship('scheme-save')).toBeNull();
    expect(inTownship('scheme-add')).toBeNull();
    expect(inTownship('scheme-name-0')?.textContent).toBe('按期答复率');
    expect(inTownship('scheme-direction-2')?.textContent).toBe('越低越好');
    expect(inTownship('scheme-deduction-SKIP_LEVEL_VISIT')?.textContent).toBe('1.5 分/次');
  });

  it('freezes a published year’s scheme even for the bureau, and says a scheme not yet saved is the previous year’s or the default', async () => {
    await render(users.bureau(), { AssessmentSchemes: () => ({ data: { assessmentSchemes: SCHEMES({ frozen: true }) } }) });
    await vi.waitFor(() => expect(byTestId('scheme-TOWNSHIP')).not.toBeNull());
    expect(inTownship('scheme-frozen')?.textContent).toContain(`${YEAR}年度考核结果已发布，考核方案已冻结`);
    expect(township().querySelectorAll('input')).toHaveLength(0);
    expect(inTownship('scheme-save')).toBeNull();

    document.body.innerHTML = '';
    await render(users.bureau(), { AssessmentSchemes: () => ({ data: { assessmentSchemes: SCHEMES({ saved: false, version: 0, updatedAt: null, updatedByName: null }) } }) });
    await vi.waitFor(() => expect(byTestId('scheme-TOWNSHIP')).not.toBeNull());
    expect(inTownship('scheme-not-saved')?.textContent).toContain('上一年度方案或默认方案');
    expect(inTownship('scheme-not-saved')?.textContent).toContain(`计算${YEAR}年度考核结果时将按此方案保存`);
    expect(inTownship('scheme-meta')?.textContent).toBe('尚未保存');
    expect(saveButton()).not.toBeNull();
  });

  it('is opened from the results table by 考核方案, for the county leaders too', async () => {
    const ability = signIn(users.leader());
    const server = fakeServer({
      AssessmentYear: (v) => ({ data: { assessmentYear: yearInfo(Number(v.year), 'DRAFT') } }),
      AssessmentResults: () => ({ data: { assessmentResults: [], assessmentSchemes: [] } }),
      AssessmentVetoes: () => ({ data: { assessmentVetoes: [] } }),
      AssessmentObjections: () => ({ data: { assessmentObjections: [], assessmentSchemes: [] } }),
    });
    const { plugins, router } = portalPlugins(ability, server);
    await router.push(`/assessment?year=${YEAR}`);
    await router.isReady();
    mount(AssessmentPage, { global: { plugins }, attachTo: document.body });
    await vi.waitFor(() => expect(byTestId('assessment-schemes')).not.toBeNull());
    expect(textOf('assessment-schemes').trim()).toBe('考核方案');
    await click('assessment-schemes');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/assessment/schemes?year=${YEAR}`));
  });
});
