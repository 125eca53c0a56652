import { mount } from '@vue/test-utils';
import { defineAbilityFor, packAbilityRules, type AbilityUser } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreeningReportDetailFragment, SessionUserFragment } from '@/gql/graphql';
import { byTestId, click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import ScreeningCompliancePage from './ScreeningCompliancePage.vue';
import { currentMonth } from '../period';
import { complianceTotals, rowDepths, type ComplianceRow } from './compliance';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const QINGSHAN = '22222222-2222-4222-8222-222222222222';
const SHIQIAO = '33333333-3333-4333-8333-333333333333';
const BUREAU = '44444444-4444-4444-8444-444444444444';
const QINGSHAN_VILLAGE = '55555555-5555-4555-8555-555555555555';
const GROUP = '66666666-6666-4666-8666-666666666666';
const LAND = '77777777-7777-4777-8777-777777777777';
const REPORT = '99999999-9999-4999-8999-999999999999';

type Period = ComplianceRow['periods'][number];
const p = (periodStart: string, periodEnd: string, status: Period['status'], report: Period['report'] = null): Period => ({
  periodStart,
  periodEnd,
  dueDate: periodEnd,
  status,
  report,
});
const row = (id: string, name: string, kind: ComplianceRow['unit']['kind'], parentId: string, cadence: ComplianceRow['cadence'], periods: Period[], vetoEvidence = 0): ComplianceRow => {
  const count = (s: Period['status']) => periods.filter((x) => x.status === s).length;
  return {
    unit: { id, name, kind },
    parentId,
    cadence,
    expected: periods.length,
    due: count('DUE'),
    submitted: count('SUBMITTED'),
    late: count('LATE'),
    missing: count('MISSING'),
    vetoEvidence,
    periods,
  };
};
const report = (id: string, isZeroReport: boolean, vetoEvidence = false) => ({ id, isZeroReport, disputeCount: isZeroReport ? 0 : 2, vetoEvidence, reviewedAt: null });

// In tree order, as the server lists them: a township, its villages and a village's group; a department.
const ROWS: ComplianceRow[] = [
  row(QINGSHAN, '青山乡', 'TOWNSHIP', COUNTY, 'MONTHLY', [p('2026-05-01', '2026-05-31', 'MISSING')]),
  row(SHIQIAO, '石桥村', 'VILLAGE', QINGSHAN, 'HALF_MONTHLY', [p('2026-05-01', '2026-05-15', 'SUBMITTED', report(REPORT, true, true)), p('2026-05-16', '2026-05-31', 'DUE')], 1),
  row(QINGSHAN_VILLAGE, '青山村', 'VILLAGE', QINGSHAN, 'HALF_MONTHLY', [p('2026-05-01', '2026-05-15', 'SUBMITTED', report('r2', false)), p('2026-05-16', '2026-05-31', 'SUBMITTED', report('r3', true))]),
  row(GROUP, '青山村一组', 'VILLAGE_GROUP', QINGSHAN_VILLAGE, 'WEEKLY', [p('2026-05-04', '2026-05-10', 'LATE', report('r4', true))]),
  row(LAND, '县自然资源局', 'DEPARTMENT', COUNTY, 'MONTHLY', [p('2026-05-01', '2026-05-31', 'SUBMITTED', report('r5', false))]),
];

const DETAIL: ScreeningReportDetailFragment = {
  id: REPORT,
  version: 2,
  unit: { id: SHIQIAO, name: '石桥村', kind: 'VILLAGE' },
  periodStart: '2026-05-01',
  periodEnd: '2026-05-15',
  dueDate: '2026-05-18',
  status: 'SUBMITTED',
  isZeroReport: true,
  disputeCount: 0,
  note: null,
  submittedOn: '2026-05-16',
  submittedByName: '石桥村信息员',
  reviewedAt: null,
  reviewedByName: null,
  correctionCount: 0,
  vetoEvidence: true,
  canCorrect: false,
  canReview: true,
  disputes: [],
  concealedDisputes: [
    {
      id: 'd1',
      category: { code: 'LAND', name: '土地征收与使用' },
      parties: '石桥村三组村民',
      headcount: 12,
      summary: '征地补偿分配争议',
      riskLevel: 'MAJOR',
      status: 'ESCALATED',
      arisenOn: '2026-05-02',
      resolveBy: '2026-06-30',
      isOverdue: false,
      isLinked: true,
      escalatedAt: '2026-06-02T02:00:00.000Z',
    },
  ],
  history: [{ id: 'h1', type: 'SUBMITTED', actorName: '石桥村信息员', at: '2026-05-16T02:00:00.000Z', note: null }],
};

const user = (over: Partial<AbilityUser>): AbilityUser => ({ id: 'u1', roles: ['BUREAU'], unitId: BUREAU, unitKind: 'BUREAU', countyId: COUNTY, townshipId: null, villageId: null, ...over });

async function renderPage(u: AbilityUser, handlers: FakeHandlers = {}, path = '/screening/compliance') {
  const ability = defineAbilityFor(u);
  const server = fakeServer({ ScreeningCompliance: () => ({ data: { screeningCompliance: ROWS } }), ...handlers });
  const { plugins, router } = portalPlugins(ability, server);
  const sessionUser: SessionUserFragment = {
    id: u.id,
    username: 'someone',
    displayName: '某人',
    roles: [...u.roles],
    unitId: u.unitId,
    unit: { id: u.unitId, name: '某单位', kind: u.unitKind, countyId: u.countyId, townshipId: u.townshipId, villageId: u.villageId, path: [] },
  };
  localStorage.setItem('xinfang.session', JSON.stringify({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', rules: packAbilityRules(ability), user: sessionUser }));
  await router.push(path);
  await router.isReady();
  // ECharts draws on a canvas happy-dom does not have; the month picker is slow to mount and not under test.
  const wrapper = mount(ScreeningCompliancePage, { global: { plugins, stubs: { ComplianceChart: true, ElDatePicker: true } }, attachTo: document.body });
  return { wrapper, server, router };
}

const cell = (unit: string, start: string) => mustFind(`[data-testid="compliance-cell-${unit}-${start}"]`);

describe('排查情况, the compliance grid', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('asks for the whole county’s current month for a county-wide role', async () => {
    const { server } = await renderPage(user({}));
    await vi.waitFor(() => expect(byTestId('compliance-grid')).not.toBeNull());
    expect(server.callsOf('ScreeningCompliance')).toEqual([{ month: currentMonth(), scopeUnitId: COUNTY }]);
  });

  it('colours each period’s cell by its status, and only a cell with a report opens', async () => {
    await renderPage(user({}));
    await vi.waitFor(() => expect(byTestId('compliance-grid')).not.toBeNull());
    expect(cell('青山乡', '2026-05-01').dataset.status).toBe('MISSING');
    expect(cell('青山乡', '2026-05-01').className).toContain('status-MISSING');
    expect(cell('青山乡', '2026-05-01').tagName).toBe('SPAN');
    expect(cell('青山乡', '2026-05-01').textContent).toContain('未报送');
    expect(cell('石桥村', '2026-05-01').dataset.status).toBe('SUBMITTED');
    expect(cell('石桥村', '2026-05-01').className).toContain('status-SUBMITTED');
    expect(cell('石桥村', '2026-05-01').tagName).toBe('BUTTON');
    expect(cell('石桥村', '2026-05-01').textContent).toContain('零报告');
    expect(cell('石桥村', '2026-05-16').dataset.status).toBe('DUE');
    expect(cell('青山村一组', '2026-05-04').dataset.status).toBe('LATE');
    expect(cell('青山村一组', '2026-05-04').className).toContain('status-LATE');
    expect(cell('青山村一组', '2026-05-04').textContent).toContain('5/4–5/10');
  });

  it('indents villages under their township and groups under their village, with the counts and the veto marker', async () => {
    await renderPage(user({}));
    await vi.waitFor(() => expect(byTestId('compliance-grid')).not.toBeNull());
    const depthOf = (name: string) => mustFind(`[data-testid="compliance-row-${name}"]`).className;
    expect(depthOf('青山乡')).toBe('depth-0');
    expect(depthOf('石桥村')).toBe('depth-1');
    expect(depthOf('青山村一组')).toBe('depth-2');
    expect(depthOf('县自然资源局')).toBe('depth-0');
    const counts = [...mustFind('[data-testid="compliance-row-石桥村"]').querySelectorAll('td.num')].map((td) => td.textContent?.trim());
    expect(counts).toEqual(['2', '1', '1', '0', '0']);
    expect(textOf('compliance-veto-石桥村')).toContain('否决证据 1');
    expect(byTestId('compliance-veto-青山乡')).toBeNull();
    // The month's totals above the grid.
    expect(textOf('compliance-summary-expected')).toContain('7');
    expect(textOf('compliance-summary-MISSING')).toContain('1');
    expect(textOf('compliance-summary-SUBMITTED')).toContain('4');
    // On time ÷ past their due day: 4 of 6.
    expect(textOf('compliance-summary-rate')).toContain('66.7%');
  });

  it('shows only the units that need attention when asked', async () => {
    await renderPage(user({}));
    await vi.waitFor(() => expect(byTestId('compliance-grid')).not.toBeNull());
    await click(mustFind('[data-testid="compliance-only-problems"] input'));
    await vi.waitFor(() => expect(byTestId('compliance-row-青山村')).toBeNull());
    expect([...document.querySelectorAll('[data-testid^="compliance-row-"]')].map((r) => r.getAttribute('data-testid'))).toEqual([
      'compliance-row-青山乡',
      'compliance-row-石桥村',
      'compliance-row-青山村一组',
    ]);
  });

  it('opens a report from its cell, and the level above reviews it there', async () => {
    const { server } = await renderPage(user({ roles: ['TOWNSHIP'], unitId: QINGSHAN, unitKind: 'TOWNSHIP', townshipId: QINGSHAN }), {
      ScreeningReport: () => ({ data: { screeningReport: DETAIL } }),
      ReviewScreeningReport: () => ({ data: { reviewScreeningReport: { ...DETAIL, version: 3, canReview: false, reviewedAt: '2026-05-20T02:00:00.000Z', reviewedByName: '青山乡群工办' } } }),
    });
    await vi.waitFor(() => expect(byTestId('compliance-grid')).not.toBeNull());
    // A township sees its own unit and those below it.
    expect(server.callsOf('ScreeningCompliance')[0]).toEqual({ month: currentMonth(), scopeUnitId: QINGSHAN });

    await click(cell('石桥村', '2026-05-01'));
    await vi.waitFor(() => expect(byTestId('report-detail')).not.toBeNull());
    expect(server.callsOf('ScreeningReport')).toEqual([{ id: REPORT }]);
    expect(textOf('report-veto')).toContain('征地补偿分配争议');
    expect(textOf('report-no-disputes')).toContain('零报告');
    expect(byTestId('report-correct')).toBeNull();

    await click('report-review');
    await vi.waitFor(() => expect(byTestId('review-submit')).not.toBeNull());
    await click('review-submit');
    await vi.waitFor(() => expect(server.callsOf('ReviewScreeningReport')).toEqual([{ id: REPORT, version: 2, note: null }]));
    // The grid behind follows.
    await vi.waitFor(() => expect(server.callsOf('ScreeningCompliance')).toHaveLength(2));
  });

  it('takes the month from the address bar', async () => {
    const { server } = await renderPage(user({}), {}, '/screening/compliance?month=2026-03');
    await vi.waitFor(() => expect(server.callsOf('ScreeningCompliance')).toEqual([{ month: '2026-03', scopeUnitId: COUNTY }]));
    expect(textOf('compliance-month-title')).toBe('2026年3月');
  });
});

describe('the compliance figures', () => {
  it('puts each unit under the nearest parent in the list, and a unit without one at the top', () => {
    const depths = rowDepths(ROWS);
    expect([...depths.values()]).toEqual([0, 1, 1, 2, 0]);
    expect(rowDepths([{ unit: ROWS[3]!.unit, parentId: QINGSHAN_VILLAGE }]).get(GROUP)).toBe(0);
  });

  it('totals the month and leaves the rate empty when nothing is past its due day', () => {
    expect(complianceTotals(ROWS)).toEqual({ expected: 7, DUE: 1, SUBMITTED: 4, LATE: 1, MISSING: 1, vetoEvidence: 1, onTimeRate: 4 / 6 });
    expect(complianceTotals([ROWS[1]!].map((r) => ({ ...r, submitted: 0, late: 0, missing: 0 }))).onTimeRate).toBeNull();
  });
});
