import { mount } from '@vue/test-utils';
import type { AbilityUser } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHENGGUAN, QINGSHAN, objection, scorecard, signIn, users, veto } from '@/testing/assessment-fixtures';
import { byTestId, click, formItemOf, mustFind, textOf, typeInto } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import AssessmentUnitPage from './AssessmentUnitPage.vue';

// ECharts draws on a canvas happy-dom does not have: the chart is a plain element here.
vi.mock('vue-echarts', () => ({ default: { name: 'VChart', props: ['option'], template: '<div class="v-chart-stub"></div>' } }));

async function render(u: AbilityUser, path: string, handlers: FakeHandlers) {
  const ability = signIn(u);
  const server = fakeServer(handlers);
  const { plugins, router } = portalPlugins(ability, server);
  await router.push(path);
  await router.isReady();
  mount(AssessmentUnitPage, { global: { plugins }, attachTo: document.body });
  return { server, router };
}

const REVIEW = () =>
  scorecard({
    year: 2026,
    stage: 'REVIEW',
    vetoStatus: 'PROPOSED',
    voided: false,
    indicators: scorecard().indicators.map((i) => ({ ...i, peerAverage: null })),
    vetoes: [veto({ id: 'v9', year: 2026, stage: 'REVIEW', status: 'PROPOSED', decidedAt: null, decidedByName: null, decisionReason: null, history: veto().history.slice(0, 1) })],
    objections: [],
  });

describe('a unit’s scorecard', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the total, the rank among the peers, the veto in words with its history, and each indicator against its weight and the peers', async () => {
    const { server } = await render(users.leader(), `/assessment/unit/${QINGSHAN}?year=2025`, { AssessmentResult: () => ({ data: { assessmentResult: scorecard() } }) });
    await vi.waitFor(() => expect(byTestId('scorecard')).not.toBeNull());
    expect(server.callsOf('AssessmentResult')[0]).toEqual({ unitId: QINGSHAN, year: 2025 });
    expect(textOf('scorecard-title')).toBe('青山乡 2025年度考核结果');
    expect(textOf('scorecard-total')).toBe('75.60');
    expect(textOf('scorecard-rank')).toBe('第3名/共3个');
    expect(textOf('scorecard-veto-status')).toContain('已被一票否决，本年度考核结果无效');
    expect(textOf('scorecard-voided')).toContain('已被一票否决');
    expect(textOf('scorecard-veto-item')).toContain('辖区发生越级集体访');
    expect(textOf('scorecard-veto-evidence')).toBe('SFX-2025-00028');
    expect([...document.querySelectorAll('[data-testid="veto-history-step"]')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '系统（依据记录） 提出辖区发生越级集体访（SFX-2025-00028）',
      '示范县 确认否决经县委常委会研究，证据确凿，予以一票否决',
    ]);
    // Each indicator's parts are links to 数据分析's records of the unit over the year.
    expect(textOf('indicator-onTimeRate-points')).toBe('20.71');
    expect(textOf('indicator-onTimeRate-peers')).toBe('19.86');
    const numerator = mustFind<HTMLAnchorElement>('[data-testid="indicator-onTimeRate-numerator"]');
    expect(numerator.textContent).toBe('29');
    expect(numerator.getAttribute('href')).toBe(`/figures/records?figure=onTimeRate&part=NUMERATOR&scope=${QINGSHAN}&from=2025-01-01&to=2025-12-31`);
    expect(mustFind<HTMLAnchorElement>('[data-testid="indicator-onTimeRate-denominator"]').getAttribute('href')).toContain('part=DENOMINATOR');
    expect(textOf('scorecard-indicators')).toContain('无数据（得满分）');
    // The deductions with their records; the objections with their answers.
    expect(textOf('deduction-SKIP_LEVEL_VISIT')).toContain('1 次 × 1.00 分 = 1.00 分');
    expect(textOf('deduction-evidence')).toBe('SFX-2025-00028');
    expect(byTestId('deduction-CIRCULAR')).toBeNull();
    expect(textOf('scorecard-objection-status').trim()).toBe('已维持');
    expect(textOf('scorecard-objection-answer')).toContain('维持原评分');
    // A county leader objects to nothing; a published year takes no objection anyway.
    expect(byTestId('objection-form')).toBeNull();
    // The chart reads as a table too.
    await click(mustFind('[data-testid="indicator-chart-as-table"] input'));
    await vi.waitFor(() => expect(byTestId('indicator-chart-table')).not.toBeNull());
    expect(textOf('indicator-chart-table')).toContain('按期答复率');
    expect(textOf('indicator-chart-table')).toContain('19.86');
  });

  it('leaves the peers’ average out before publication', async () => {
    await render(users.leader(), `/assessment/unit/${QINGSHAN}?year=2026`, { AssessmentResult: () => ({ data: { assessmentResult: REVIEW() } }) });
    await vi.waitFor(() => expect(byTestId('scorecard')).not.toBeNull());
    expect(byTestId('indicator-onTimeRate-peers')).toBeNull();
    expect(textOf('scorecard-indicators')).not.toContain('同类平均');
    expect(textOf('scorecard-veto-status')).toContain('已被提出一票否决，待县委决定');
  });

  it('says "not found" of a unit outside the caller’s view, with no error', async () => {
    await render(users.qingshan(), `/assessment/unit/${CHENGGUAN}?year=2025`, { AssessmentResult: () => ({ error: { code: 'NOT_FOUND' } }) });
    await vi.waitFor(() => expect(byTestId('scorecard-empty')).not.toBeNull());
    expect(textOf('scorecard-empty')).toContain('未找到该单位的考核结果');
    expect(byTestId('scorecard-error')).toBeNull();
  });

  it('says "not found" of an address that names no unit, without asking', async () => {
    const { server } = await render(users.qingshan(), '/assessment/unit/nonsense', {});
    await vi.waitFor(() => expect(byTestId('scorecard-empty')).not.toBeNull());
    expect(server.calls).toEqual([]);
  });

  it('lets the unit itself object during the review, to an indicator or to its veto, the errors in Chinese', async () => {
    let refuse = true;
    const { server } = await render(users.qingshan(), `/assessment/unit/${QINGSHAN}?year=2026`, {
      AssessmentResult: () => ({ data: { assessmentResult: REVIEW() } }),
      ObjectToAssessment: () => (refuse ? { error: { code: 'BAD_USER_INPUT', reason: 'REVIEW_CLOSED' } } : { data: { objectToAssessment: objection({ status: 'OPEN', answer: null }) } }),
    });
    await vi.waitFor(() => expect(byTestId('objection-form')).not.toBeNull());
    await click('objection-submit');
    await vi.waitFor(() => expect(formItemOf('objection-target')).toContain('请选择异议对象'));
    expect(formItemOf('objection-reason')).toContain('请填写异议理由');
    expect(server.callsOf('ObjectToAssessment')).toEqual([]);

    // The targets: each indicator, and the veto not revoked.
    await click(mustFind('[data-testid="objection-target"] .el-select__wrapper'));
    await vi.waitFor(() => expect(byTestId('objection-target-onTimeRate')).not.toBeNull());
    expect(byTestId('objection-target-veto')?.textContent).toContain('辖区发生越级集体访');
    await click('objection-target-onTimeRate');
    await typeInto('objection-reason', '部分超期件系当事人补充材料所致');
    await click('objection-submit');
    await vi.waitFor(() => expect(textOf('objection-error')).toContain('公示期已结束，不能再提出异议'));
    expect(server.callsOf('ObjectToAssessment')).toEqual([{ resultId: `r-${QINGSHAN}`, input: { reason: '部分超期件系当事人补充材料所致', indicatorFigure: 'onTimeRate' } }]);

    refuse = false;
    await click('objection-submit');
    await vi.waitFor(() => expect(server.callsOf('ObjectToAssessment')).toHaveLength(2));
    await vi.waitFor(() => expect(document.body.textContent).toContain('异议已提交，请等待群众工作局答复'));
    // The form is empty again, and says nothing of the fields it emptied.
    await vi.waitFor(() => expect(formItemOf('objection-target')).not.toContain('请选择异议对象'));
    expect(formItemOf('objection-reason')).not.toContain('请填写异议理由');
    expect(byTestId('objection-error')).toBeNull();
  });

  it('offers no objection form to another unit’s scorecard, nor outside the review', async () => {
    await render(users.leader(), `/assessment/unit/${QINGSHAN}?year=2026`, { AssessmentResult: () => ({ data: { assessmentResult: REVIEW() } }) });
    await vi.waitFor(() => expect(byTestId('scorecard')).not.toBeNull());
    expect(byTestId('objection-form')).toBeNull();
    document.body.innerHTML = '';
    await render(users.qingshan(), `/assessment/unit/${QINGSHAN}?year=2025`, { AssessmentResult: () => ({ data: { assessmentResult: scorecard() } }) });
    await vi.waitFor(() => expect(byTestId('scorecard')).not.toBeNull());
    expect(byTestId('objection-form')).toBeNull();
  });
});
