import { mount } from '@vue/test-utils';
import { defineAbilityFor } from '@xinfang/permissions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisputeDetailFragment, DisputeRowFragment } from '@/gql/graphql';
import { byTestId, click, formItemOf, mustFind, textOf, typeInto } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import DisputesPage from './DisputesPage.vue';
import { emptyLedgerFilter, formatRate, ledgerFilterToVariables, ledgerStateFromQuery, ledgerStateToQuery } from './dispute-filter';
import { shownDisputeActions } from './dispute-actions';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const TOWNSHIP = '22222222-2222-4222-8222-222222222222';
const VILLAGE = '33333333-3333-4333-8333-333333333333';
const BUREAU = '44444444-4444-4444-8444-444444444444';
const D1 = 'd0000000-0000-4000-8000-000000000001';
const D2 = 'd0000000-0000-4000-8000-000000000002';
const PETITION = 'p0000000-0000-4000-8000-000000000001';

const row = (over: Partial<DisputeRowFragment>): DisputeRowFragment => ({
  id: D1,
  reportedOn: '2026-05-16',
  unit: { id: VILLAGE, name: '石桥村', kind: 'VILLAGE' },
  category: { code: 'LAND', name: '土地征收与使用' },
  parties: '石桥村三组张某与李某',
  headcount: 2,
  summary: '宅基地边界争议',
  riskLevel: 'GENERAL',
  status: 'OPEN',
  resolveBy: '2026-06-15',
  isOverdue: false,
  isLinked: false,
  petition: null,
  ...over,
});
const ROWS = [
  row({}),
  row({ id: D2, summary: '征地补偿分配争议', riskLevel: 'MAJOR', status: 'ESCALATED', isOverdue: true, isLinked: true, petition: { id: PETITION, number: 'SFX-2026-00012' } }),
];

const detail = (over: Partial<DisputeDetailFragment> = {}): DisputeDetailFragment => ({
  id: D1,
  version: 4,
  unit: { id: VILLAGE, name: '石桥村', kind: 'VILLAGE' },
  category: { code: 'LAND', name: '土地征收与使用' },
  parties: '石桥村三组张某与李某',
  headcount: 2,
  summary: '宅基地边界争议',
  riskLevel: 'GENERAL',
  status: 'OPEN',
  arisenOn: '2026-05-02',
  periodStart: '2026-05-01',
  reportedOn: '2026-05-16',
  resolveBy: '2026-06-15',
  resolvedOn: null,
  resolutionNote: null,
  isOverdue: false,
  isLinked: false,
  escalatedAt: null,
  escalatedByName: null,
  escalationNote: null,
  petition: null,
  history: [{ id: 'h1', type: 'SUBMITTED', actorName: '石桥村信息员', at: '2026-05-16T02:00:00.000Z', note: null }],
  availableActions: ['update', 'resolve'],
  ...over,
});

const listAnswer = (rows: DisputeRowFragment[], totalCount = rows.length) => ({
  data: { disputes: { totalCount, edges: rows.map((node) => ({ node })), pageInfo: { hasNextPage: totalCount > rows.length, endCursor: 'bzoxOQ' } } },
});
const SUMMARY = { data: { disputeSummary: { found: 8, resolved: 7, escalated: 1, overdue: 1, resolutionRate: 0.875 } } };
const OPTIONS = {
  data: {
    petitionCategories: [{ code: 'LAND', name: '土地征收与使用' }],
    units: [
      { id: COUNTY, name: '示范县', kind: 'COUNTY', parentId: null, sortOrder: 0 },
      { id: TOWNSHIP, name: '青山乡', kind: 'TOWNSHIP', parentId: COUNTY, sortOrder: 1 },
      { id: VILLAGE, name: '石桥村', kind: 'VILLAGE', parentId: TOWNSHIP, sortOrder: 1 },
    ],
  },
};

const bureau = () => defineAbilityFor({ id: 'u1', roles: ['BUREAU'], unitId: BUREAU, unitKind: 'BUREAU', countyId: COUNTY, townshipId: null, villageId: null });

// The range picker and the unit tree are slow to mount in happy-dom and not under test here.
// The drawer closes at the end of its transition: a real one, not test-utils' stub.
const STUBS = { ElDatePicker: true, ElTreeSelect: true, transition: false };

async function renderPage(path: string, handlers: FakeHandlers = {}) {
  const server = fakeServer({
    Disputes: () => listAnswer(ROWS, 45),
    DisputeSummary: () => SUMMARY,
    PetitionListOptions: () => OPTIONS,
    Dispute: () => ({ data: { dispute: detail() } }),
    ...handlers,
  });
  const { plugins, router } = portalPlugins(bureau(), server);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(DisputesPage, { global: { plugins, stubs: STUBS }, attachTo: document.body });
  await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="disputes-table"] .el-table__body-wrapper tr.el-table__row')).toHaveLength(ROWS.length), { timeout: 10_000 });
  return { wrapper, server, router };
}

/** The action buttons of the dispute drawer, by data-testid. */
const actionButtons = () => [...document.querySelectorAll('[data-testid^="dispute-action-"]')].filter((b) => b.tagName === 'BUTTON').map((b) => b.getAttribute('data-testid'));

describe('矛盾纠纷台账, the dispute ledger', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks for exactly what the address says, and shows the figures of the same filter', async () => {
    const { server } = await renderPage(`/disputes?q=宅基地&status=OPEN,RESOLVING&risk=MAJOR&overdue=1&linked=no&unit=${TOWNSHIP}&from=2026-01-01&to=2026-06-30`);
    const filter = { search: '宅基地', statuses: ['OPEN', 'RESOLVING'], riskLevel: 'MAJOR', overdue: true, linked: false, from: '2026-01-01', to: '2026-06-30', scopeUnitId: TOWNSHIP };
    expect(server.callsOf('Disputes')).toEqual([{ filter, first: 20, after: null }]);
    expect(server.callsOf('DisputeSummary')).toEqual([{ filter }]);
    await vi.waitFor(() => expect(textOf('disputes-summary-rate')).toContain('87.5%'));
    expect(textOf('disputes-summary-found')).toContain('8');
    expect(textOf('disputes-summary-resolved')).toContain('7');
    expect(textOf('disputes-summary-escalated')).toContain('1');
    expect(textOf('disputes-summary-overdue')).toContain('1');
  });

  it('shows a linked petition’s number as a link to it', async () => {
    await renderPage('/disputes');
    const link = byTestId<HTMLAnchorElement>(`dispute-petition-${D2}`)!;
    expect(link.textContent?.trim()).toBe('SFX-2026-00012');
    expect(link.getAttribute('href')).toBe(`/petitions/${PETITION}`);
    expect(byTestId(`dispute-petition-${D1}`)).toBeNull();
  });

  it('offers in the drawer exactly the actions the server allows', async () => {
    const shown = async (availableActions: string[], over: Partial<DisputeDetailFragment> = {}) => {
      document.body.innerHTML = '';
      await renderPage(`/disputes?dispute=${D1}`, { Dispute: () => ({ data: { dispute: detail({ availableActions, ...over }) } }) });
      await vi.waitFor(() => expect(byTestId('dispute-detail')).not.toBeNull());
      return actionButtons();
    };
    expect(await shown(['update', 'resolve'])).toEqual(['dispute-action-resolve', 'dispute-action-update']);
    expect(await shown(['update', 'resolve', 'escalate', 'link'], { riskLevel: 'MAJOR' })).toEqual([
      'dispute-action-resolve',
      'dispute-action-update',
      'dispute-action-escalate',
      'dispute-action-link',
    ]);
    expect(await shown([], { status: 'RESOLVED' })).toEqual([]);
    expect(byTestId('dispute-no-actions')).not.toBeNull();
    expect(shownDisputeActions(['link', 'somethingNew', 'update'])).toEqual(['update', 'link']);
  });

  it('opens a dispute from its row into the address bar, and closes it out of it', async () => {
    const { server, router } = await renderPage('/disputes');
    await click(`dispute-open-${D1}`);
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ dispute: D1 }));
    await vi.waitFor(() => expect(textOf('dispute-summary')).toBe('宅基地边界争议'));
    expect(server.callsOf('Dispute')).toEqual([{ id: D1 }]);
    await click(mustFind('[data-testid="dispute-drawer"] .el-drawer__close-btn'));
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));
  });

  it('asks how a dispute was resolved before marking it resolved, and sends the version', async () => {
    const { server } = await renderPage(`/disputes?dispute=${D1}`, {
      UpdateDispute: () => ({ data: { updateDispute: detail({ version: 5, status: 'RESOLVED', availableActions: [] }) } }),
    });
    await vi.waitFor(() => expect(byTestId('dispute-action-resolve')).not.toBeNull());
    await click('dispute-action-resolve');
    await vi.waitFor(() => expect(byTestId('dispute-update-note')).not.toBeNull());
    await click('dispute-action-submit');
    await vi.waitFor(() => expect(formItemOf('dispute-update-note')).toContain('标记为已化解须写明化解情况'));
    expect(server.callsOf('UpdateDispute')).toEqual([]);

    await typeInto('dispute-update-note', '经村调委会调解，双方达成协议');
    await click('dispute-action-submit');
    await vi.waitFor(() =>
      expect(server.callsOf('UpdateDispute')).toEqual([{ input: { id: D1, version: 4, status: 'RESOLVED', resolutionNote: '经村调委会调解，双方达成协议' } }]),
    );
    // The drawer and the ledger behind it show the dispute as it is now.
    await vi.waitFor(() => expect(server.callsOf('Dispute')).toHaveLength(2));
    await vi.waitFor(() => expect(server.callsOf('Disputes')).toHaveLength(2));
  });

  it('says in Chinese that someone else changed the dispute, and reloads it', async () => {
    const { server } = await renderPage(`/disputes?dispute=${D1}`, {
      Dispute: () => ({ data: { dispute: detail({ riskLevel: 'MAJOR', availableActions: ['update', 'resolve', 'escalate'] }) } }),
      EscalateDispute: () => ({ error: { code: 'CONFLICT' } }),
    });
    await vi.waitFor(() => expect(byTestId('dispute-action-escalate')).not.toBeNull());
    await click('dispute-action-escalate');
    await vi.waitFor(() => expect(byTestId('dispute-escalate-note')).not.toBeNull());
    await typeInto('dispute-escalate-note', '涉及 12 户，情绪激烈');
    await click('dispute-action-submit');
    await vi.waitFor(() => expect(server.callsOf('EscalateDispute')).toEqual([{ id: D1, version: 4, note: '涉及 12 户，情绪激烈' }]));
    await vi.waitFor(() => expect(textOf()).toContain('该矛盾纠纷已被他人修改，已重新载入，请核对后再操作'));
    await vi.waitFor(() => expect(server.callsOf('Dispute')).toHaveLength(2));
  });

  it('links a dispute to a petition of its unit, found by its number, with the version read', async () => {
    const candidate = (id: string, number: string, subject: string | null) => ({ id, number, subject, receivedAt: '2026-06-01', status: 'ACCEPTED', locationUnit: { name: '石桥村' } });
    const { server } = await renderPage(`/disputes?dispute=${D1}`, {
      Dispute: () => ({ data: { dispute: detail({ availableActions: ['update', 'resolve', 'link'] }) } }),
      LinkPetitionCandidates: (variables) =>
        'text' in ((variables.filter as object) ?? {})
          ? { data: { petitions: { edges: [] } } }
          : { data: { petitions: { edges: [{ node: candidate(PETITION, 'SFX-2026-00012', '征地补偿') }, { node: candidate('other', 'SFX-2026-00031', null) }] } } },
      LinkDisputeToPetition: () => ({ data: { linkDisputeToPetition: detail({ version: 5, isLinked: true, petition: { id: PETITION, number: 'SFX-2026-00012', subject: '征地补偿', status: 'ACCEPTED' }, availableActions: ['update', 'resolve'] }) } }),
    });
    await vi.waitFor(() => expect(byTestId('dispute-action-link')).not.toBeNull());
    await click('dispute-action-link');
    // The unit's latest petitions are offered first: where a dispute most likely turned into one.
    await vi.waitFor(() => expect(server.callsOf('LinkPetitionCandidates')).toEqual([{ filter: { unitId: VILLAGE, sort: 'RECEIVED_DESC' } }]));
    await click('dispute-action-submit');
    await vi.waitFor(() => expect(formItemOf('dispute-link-search')).toContain('请选择要关联的信访事项'));

    // A number is found among them; words go to the server.
    mustFind('[data-testid="dispute-link-search"] .el-select__wrapper').click();
    const input = mustFind<HTMLInputElement>('[data-testid="dispute-link-search"] input');
    input.value = '00012';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(server.callsOf('LinkPetitionCandidates').at(-1)).toEqual({ filter: { text: '00012', sort: 'RECEIVED_DESC' } }));
    const option = await vi.waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.dispute-link-popper .el-select-dropdown__item')].map((o) => o.textContent ?? '');
      expect(found).toHaveLength(1);
      expect(found[0]).toContain('SFX-2026-00012');
      return mustFind('.dispute-link-popper .el-select-dropdown__item');
    });
    await click(option);
    await click('dispute-action-submit');
    await vi.waitFor(() => expect(server.callsOf('LinkDisputeToPetition')).toEqual([{ disputeId: D1, petitionId: PETITION, version: 4 }]));
  });

  it('exports the ledger as filtered', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:ledger');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { server } = await renderPage('/disputes?risk=MAJOR', {
      ExportDisputes: () => ({ data: { exportDisputes: { filename: '矛盾纠纷台账-2026-05-20.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: 2, base64: btoa('PK\x03\x04') } } }),
    });
    await click('disputes-export');
    await vi.waitFor(() => expect(downloads).toEqual(['矛盾纠纷台账-2026-05-20.xlsx']));
    expect(server.callsOf('ExportDisputes')).toEqual([{ filter: { riskLevel: 'MAJOR' } }]);
    await vi.waitFor(() => expect(textOf()).toContain('已导出 2 件矛盾纠纷'));
  });
});

describe('the ledger’s address', () => {
  it('round-trips a filter through the address bar and drops what it does not know', () => {
    const state = {
      filter: { ...emptyLedgerFilter(), search: '土地', statuses: ['OPEN' as const], linked: 'yes' as const, overdue: true },
      pageSize: 50,
      page: 1,
      after: null,
      disputeId: D1,
    };
    const query = ledgerStateToQuery(state);
    expect(query).toEqual({ q: '土地', status: 'OPEN', overdue: '1', linked: 'yes', size: '50', dispute: D1 });
    expect(ledgerStateFromQuery(query as Record<string, string>)).toEqual(state);
    expect(ledgerStateFromQuery({ status: 'NOPE', risk: 'HUGE', unit: 'x', from: 'yesterday' }).filter).toEqual(emptyLedgerFilter());
    expect(ledgerFilterToVariables({ ...emptyLedgerFilter(), linked: 'no' })).toEqual({ linked: false });
  });

  it('writes 化解成功率 as a percentage, and nothing when nothing was found', () => {
    expect(formatRate(0.875)).toBe('87.5%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBeNull();
  });
});
