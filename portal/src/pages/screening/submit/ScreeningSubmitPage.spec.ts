import { flushPromises, mount } from '@vue/test-utils';
import { shanghaiDate } from '@xinfang/domain';
import { defineAbilityFor, packAbilityRules, type AbilityUser, type AppAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportDisputeFragment, ScreeningPeriodsQuery, ScreeningReportDetailFragment, SessionUserFragment } from '@/gql/graphql';
import { byTestId, click, formItemOf, mustFind, textOf, typeInto } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import ScreeningSubmitPage from './ScreeningSubmitPage.vue';
import { monthsBefore } from '../period';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const TOWNSHIP = '22222222-2222-4222-8222-222222222222';
const VILLAGE = '33333333-3333-4333-8333-333333333333';
const BUREAU = '44444444-4444-4444-8444-444444444444';
const REPORT = '99999999-9999-4999-8999-999999999999';

type Period = ScreeningPeriodsQuery['screeningPeriods'][number];

const period = (periodStart: string, periodEnd: string, dueDate: string, status: Period['status'], report: Period['report'] = null): Period => ({
  periodStart,
  periodEnd,
  dueDate,
  status,
  report,
});
// Oldest first, as the server lists them: the page shows the newest first.
const PERIODS: Period[] = [
  period('2026-04-01', '2026-04-15', '2026-04-18', 'SUBMITTED', {
    id: REPORT,
    isZeroReport: true,
    disputeCount: 0,
    submittedOn: '2026-04-16',
    reviewedAt: null,
    correctionCount: 0,
    canCorrect: true,
    vetoEvidence: false,
  }),
  period('2026-04-16', '2026-04-30', '2026-05-03', 'MISSING'),
  period('2026-05-01', '2026-05-15', '2026-05-18', 'DUE'),
];

const reportDispute = (id: string, status: ReportDisputeFragment['status']): ReportDisputeFragment => ({
  id,
  category: { code: 'LAND', name: '土地征收与使用' },
  parties: `当事人${id}`,
  headcount: 2,
  summary: `纠纷${id}`,
  riskLevel: 'GENERAL',
  status,
  arisenOn: '2026-04-02',
  resolveBy: '2026-05-30',
  isOverdue: false,
  isLinked: false,
  escalatedAt: null,
});
const REPORT_DETAIL: ScreeningReportDetailFragment = {
  id: REPORT,
  version: 3,
  unit: { id: VILLAGE, name: '石桥村', kind: 'VILLAGE' },
  periodStart: '2026-04-01',
  periodEnd: '2026-04-15',
  dueDate: '2026-04-18',
  status: 'SUBMITTED',
  isZeroReport: false,
  disputeCount: 2,
  note: null,
  submittedOn: '2026-04-16',
  submittedByName: '石桥村信息员',
  reviewedAt: null,
  reviewedByName: null,
  correctionCount: 0,
  vetoEvidence: false,
  canCorrect: true,
  canReview: false,
  disputes: [reportDispute('open', 'OPEN'), reportDispute('working', 'RESOLVING')],
  concealedDisputes: [],
  history: [{ id: 'h1', type: 'SUBMITTED', actorName: '石桥村信息员', at: '2026-04-16T02:00:00.000Z', note: null }],
};

const RULES = { data: { screeningRules: [{ id: 'r1', unitKind: 'VILLAGE', cadence: 'HALF_MONTHLY', dueAfterDays: 3, effectiveFrom: '2024-01-01' }] } };
const CATEGORIES = { data: { petitionCategories: [{ code: 'LAND', name: '土地征收与使用' }, { code: 'LABOUR', name: '劳动和社会保障' }] } };

const user = (over: Partial<AbilityUser>): AbilityUser => ({
  id: 'u1',
  roles: ['VILLAGE'],
  unitId: VILLAGE,
  unitKind: 'VILLAGE',
  countyId: COUNTY,
  townshipId: TOWNSHIP,
  villageId: VILLAGE,
  ...over,
});

/** Signs the user in as the store reads it: the page takes the unit from the session. */
function signIn(ability: AppAbility, u: AbilityUser, name: string): void {
  const sessionUser: SessionUserFragment = {
    id: u.id,
    username: 'shiqiao',
    displayName: `${name}信息员`,
    roles: [...u.roles],
    unitId: u.unitId,
    unit: { id: u.unitId, name, kind: u.unitKind, countyId: u.countyId, townshipId: u.townshipId, villageId: u.villageId, path: [] },
  };
  localStorage.setItem('xinfang.session', JSON.stringify({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', rules: packAbilityRules(ability), user: sessionUser }));
}

// The date pickers of the dispute form are slow to mount in happy-dom and not under test here.
const STUBS = { ElDatePicker: true };

async function renderPage(handlers: FakeHandlers = {}, u: AbilityUser = user({}), name = '石桥村') {
  const ability = defineAbilityFor(u);
  const server = fakeServer({
    ScreeningPeriods: () => ({ data: { screeningPeriods: PERIODS } }),
    ScreeningRules: () => RULES,
    PetitionCategories: () => CATEGORIES,
    ...handlers,
  });
  const { plugins, router } = portalPlugins(ability, server);
  signIn(ability, u, name);
  await router.push('/screening/submit');
  await router.isReady();
  const wrapper = mount(ScreeningSubmitPage, { global: { plugins, stubs: STUBS }, attachTo: document.body });
  return { wrapper, server };
}

const rows = () => [...document.querySelectorAll('[data-testid="screening-periods"] .el-table__body-wrapper tr.el-table__row')];

describe('排查报送, the submission page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('lists the unit’s periods of the last three months, newest first, with their statuses', async () => {
    const { server } = await renderPage();
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    const today = shanghaiDate();
    expect(server.callsOf('ScreeningPeriods')).toEqual([{ unitId: VILLAGE, from: monthsBefore(today, 3), to: today }]);
    expect(rows().map((r) => r.querySelector('[data-testid^="period-status-"]')?.getAttribute('data-status'))).toEqual(['DUE', 'MISSING', 'SUBMITTED']);
    expect(textOf('period-status-2026-04-16')).toBe('未报送');
    expect(textOf('period-2026-05-01')).toBe('2026年5月上半月');
    expect(textOf('screening-submit-subtitle')).toContain('石桥村每半月排查一次矛盾纠纷，每期结束后 3 天内报送');
    // A period without a report takes a zero report or disputes; a submitted one is opened.
    expect(byTestId('zero-report-2026-04-16')).not.toBeNull();
    expect(byTestId('report-disputes-2026-05-01')).not.toBeNull();
    expect(byTestId('zero-report-2026-04-01')).toBeNull();
    expect(byTestId('view-report-2026-04-01')).not.toBeNull();
    expect(byTestId('correct-report-2026-04-01')).not.toBeNull();
    expect(textOf('period-report-2026-04-01')).toContain('零报告');
  });

  it('sends a zero report, with no disputes, only once confirmed, and reloads the periods', async () => {
    const { server } = await renderPage({
      SubmitScreeningReport: () => ({ data: { submitScreeningReport: { id: 'new', periodStart: '2026-04-16', status: 'LATE', isZeroReport: true, disputeCount: 0 } } }),
    });
    await vi.waitFor(() => expect(byTestId('zero-report-2026-04-16')).not.toBeNull());
    await click('zero-report-2026-04-16');
    await vi.waitFor(() => expect(textOf('zero-report-text')).toContain('2026年4月下半月（2026-04-16 至 2026-04-30）'));
    expect(server.callsOf('SubmitScreeningReport')).toEqual([]);

    await click('zero-report-confirm');
    await vi.waitFor(() =>
      expect(server.callsOf('SubmitScreeningReport')).toEqual([
        { input: { unitId: VILLAGE, periodStart: '2026-04-16', isZeroReport: true, disputes: [], note: null } },
      ]),
    );
    await vi.waitFor(() => expect(server.callsOf('ScreeningPeriods')).toHaveLength(2));
    await vi.waitFor(() => expect(textOf()).toContain('已报送2026年4月下半月的零报告'));
  });

  it('sends nothing when the zero report is cancelled', async () => {
    const { server } = await renderPage();
    await vi.waitFor(() => expect(byTestId('zero-report-2026-05-01')).not.toBeNull());
    await click('zero-report-2026-05-01');
    await click('zero-report-cancel');
    await flushPromises();
    expect(server.callsOf('SubmitScreeningReport')).toEqual([]);
  });

  it('checks the dispute form before sending it: category, parties and summary are required', async () => {
    const { server } = await renderPage();
    await vi.waitFor(() => expect(byTestId('report-disputes-2026-05-01')).not.toBeNull());
    await click('report-disputes-2026-05-01');
    await vi.waitFor(() => expect(byTestId('dispute-parties-0')).not.toBeNull());

    await click('dispute-form-submit');
    // Each field's message comes from its own asynchronous validation: wait for all three.
    await vi.waitFor(() => {
      expect(formItemOf('dispute-parties-0')).toContain('请填写当事人');
      expect(formItemOf('dispute-category-0')).toContain('请选择纠纷类别');
      expect(formItemOf('dispute-summary-0')).toContain('请填写纠纷概要');
    });
    expect(server.callsOf('SubmitScreeningReport')).toEqual([]);

    // Filled in, a second dispute added and removed again, it goes as one report.
    await chooseOption('dispute-category-0', '土地征收与使用');
    await typeInto('dispute-parties-0', '  石桥村三组张某与李某 ');
    await typeInto('dispute-summary-0', '宅基地边界争议');
    await click('dispute-risk-0-MAJOR');
    await click('dispute-add-row');
    expect(byTestId('dispute-parties-1')).not.toBeNull();
    await click('dispute-remove-1');
    expect(byTestId('dispute-parties-1')).toBeNull();

    await click('dispute-form-submit');
    await vi.waitFor(() =>
      expect(server.callsOf('SubmitScreeningReport')).toEqual([
        {
          input: {
            unitId: VILLAGE,
            periodStart: '2026-05-01',
            isZeroReport: false,
            disputes: [{ categoryCode: 'LAND', parties: '石桥村三组张某与李某', headcount: 2, summary: '宅基地边界争议', riskLevel: 'MAJOR', arisenOn: null, resolveBy: null }],
            note: null,
          },
        },
      ]),
    );
  });

  it('shows a field the server refused beside that field of that dispute', async () => {
    await renderPage({ SubmitScreeningReport: () => ({ error: { code: 'BAD_USER_INPUT', field: 'disputes.0.parties' } }) });
    await vi.waitFor(() => expect(byTestId('report-disputes-2026-05-01')).not.toBeNull());
    await click('report-disputes-2026-05-01');
    await vi.waitFor(() => expect(byTestId('dispute-parties-0')).not.toBeNull());
    await chooseOption('dispute-category-0', '劳动和社会保障');
    await typeInto('dispute-parties-0', '某公司与工人');
    await typeInto('dispute-summary-0', '拖欠工资');
    await click('dispute-form-submit');
    await vi.waitFor(() => expect(formItemOf('dispute-parties-0')).toContain('当事人不能为空，且不超过 500 字'));
  });

  it('reloads the periods when someone else reported the period meanwhile', async () => {
    const { server } = await renderPage({ SubmitScreeningReport: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'ALREADY_SUBMITTED', field: 'periodStart' } }) });
    await vi.waitFor(() => expect(byTestId('zero-report-2026-05-01')).not.toBeNull());
    await click('zero-report-2026-05-01');
    await click('zero-report-confirm');
    await vi.waitFor(() => expect(textOf()).toContain('本期已报送，如需修改请更正报告'));
    await vi.waitFor(() => expect(server.callsOf('ScreeningPeriods')).toHaveLength(2));
  });

  it('corrects a report from its row: withdraws only untouched disputes, and asks for a reason', async () => {
    const { server } = await renderPage({
      ScreeningReport: () => ({ data: { screeningReport: REPORT_DETAIL } }),
      CorrectScreeningReport: () => ({ data: { correctScreeningReport: { ...REPORT_DETAIL, version: 4, correctionCount: 1 } } }),
    });
    await vi.waitFor(() => expect(byTestId('correct-report-2026-04-01')).not.toBeNull());
    await click('correct-report-2026-04-01');
    // Straight to the correction, once the report is in.
    await vi.waitFor(() => expect(byTestId('correct-reason')).not.toBeNull());
    const checkbox = (id: string) => mustFind<HTMLInputElement>(`[data-testid="correct-withdraw-${id}"] input`);
    expect(checkbox('open').disabled).toBe(false);
    expect(checkbox('working').disabled).toBe(true);

    // A zero report cannot keep the dispute that is being worked on.
    await click(mustFind('[data-testid="correct-zero"]'));
    expect(checkbox('open').checked).toBe(true);
    await typeInto('correct-reason', '误报');
    await click('correct-submit');
    await vi.waitFor(() => expect(textOf('correct-error')).toContain('零报告不能列有纠纷：请撤回已报告的纠纷'));
    expect(server.callsOf('CorrectScreeningReport')).toEqual([]);

    // Withdrawing the one reported in error, with a reason, is sent with the version read.
    await click(mustFind('[data-testid="correct-zero"]'));
    await typeInto('correct-reason', '');
    await click('correct-submit');
    await vi.waitFor(() => expect(formItemOf('correct-reason')).toContain('请填写更正原因'));
    await typeInto('correct-reason', '一组的纠纷重复报告');
    await click('correct-submit');
    await vi.waitFor(() =>
      expect(server.callsOf('CorrectScreeningReport')).toEqual([
        { input: { id: REPORT, version: 3, isZeroReport: false, addDisputes: [], withdrawDisputeIds: ['open'], reason: '一组的纠纷重复报告' } },
      ]),
    );
    await vi.waitFor(() => expect(server.callsOf('ScreeningPeriods')).toHaveLength(2));
  });

  it('tells a user whose unit does not screen so, and asks the server nothing', async () => {
    const bureau = user({ roles: ['BUREAU'], unitId: BUREAU, unitKind: 'BUREAU', townshipId: null, villageId: null });
    const { server } = await renderPage({}, bureau, '县群众工作局');
    await vi.waitFor(() => expect(textOf('screening-submit-not-screening')).toContain('本单位不需要报送矛盾纠纷排查'));
    expect(server.callsOf('ScreeningPeriods')).toEqual([]);
  });
});

/** Opens an Element Plus select by its data-testid and clicks the option with this text. */
async function chooseOption(testid: string, text: string): Promise<void> {
  mustFind(`[data-testid="${testid}"] .el-select__wrapper`).click();
  await flushPromises();
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === text);
  if (!option) throw new Error(`No option ${text}`);
  option.click();
  await flushPromises();
}
