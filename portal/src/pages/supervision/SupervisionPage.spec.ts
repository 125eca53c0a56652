import { mount } from '@vue/test-utils';
import { defineAbilityFor, type AppAbility } from '@xinfang/permissions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupervisionOrderRowFragment } from '@/gql/graphql';
import { byTestId, click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import SupervisionPage from './SupervisionPage.vue';
import { orderFilterToVariables, orderStateFromQuery, orderStateToQuery } from './supervision-filter';
import { supervisionErrorMessage } from './supervision-errors';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const LAND = '33333333-3333-4333-8333-333333333333';
const GROUP = '66666666-6666-4666-8666-666666666666';
const PETITION = '00000000-0000-4000-8000-0000000000a1';

const row = (over: Partial<SupervisionOrderRowFragment>): SupervisionOrderRowFragment => ({
  id: '00000000-0000-4000-8000-000000000001',
  number: '督〔2026〕1号',
  status: 'ISSUED',
  targetKind: 'PETITION',
  warning: 'RED',
  dueOn: '2026-11-30',
  issuedOn: '2026-11-20',
  reportedOn: null,
  closedOn: null,
  reopenCount: 0,
  unit: { id: LAND, name: '县自然资源局', kind: 'DEPARTMENT' },
  petition: { id: PETITION, number: 'SFX-2024-00042' },
  conferenceTask: null,
  ...over,
});
const ROWS = [row({}), row({ id: '00000000-0000-4000-8000-000000000002', number: '督〔2026〕2号', status: 'REOPENED', warning: 'YELLOW', reopenCount: 1 })];
const connection = (rows: SupervisionOrderRowFragment[], totalCount = rows.length) => ({
  totalCount,
  edges: rows.map((node) => ({ node })),
  pageInfo: { hasNextPage: false, endCursor: null },
});
const UNITS = {
  data: {
    units: [
      { id: COUNTY, name: '示范县', kind: 'COUNTY', parentId: null, sortOrder: 0 },
      { id: LAND, name: '县自然资源局', kind: 'DEPARTMENT', parentId: COUNTY, sortOrder: 1 },
    ],
  },
};
const HANDLERS: FakeHandlers = {
  SupervisionOrders: () => ({ data: { supervisionOrders: connection(ROWS, 2) } }),
  SupervisionUnits: () => UNITS,
  SupervisionPetitionCandidates: () => ({
    data: { petitions: { edges: [{ node: { id: PETITION, number: 'SFX-2024-00042', subject: '宅基地确权纠纷', isKeyMatter: true, isBacklog: false, handlingUnit: { id: LAND, name: '县自然资源局' } } }] } },
  }),
};

const supervisor = () => defineAbilityFor({ id: 'sup', roles: ['SUPERVISOR'], unitId: GROUP, unitKind: 'SUPERVISION_GROUP', countyId: COUNTY, townshipId: null, villageId: null });
const land = () => defineAbilityFor({ id: 'land', roles: ['DEPARTMENT'], unitId: LAND, unitKind: 'DEPARTMENT', countyId: COUNTY, townshipId: null, villageId: null });

async function renderPage(ability: AppAbility, path = '/supervision', handlers: FakeHandlers = {}) {
  const server = fakeServer({ ...HANDLERS, ...handlers });
  const { plugins, router } = portalPlugins(ability, server);
  await router.push(path);
  await router.isReady();
  mount(SupervisionPage, { global: { plugins }, attachTo: document.body });
  return { server, router };
}
const bodyRows = () => [...document.querySelectorAll('[data-testid="supervision-table"] .el-table__body-wrapper tr.el-table__row')];

describe('the supervision filter in the address bar', () => {
  it('reads the tab, number, unit, warning and year, and sends only what narrows', () => {
    const state = orderStateFromQuery({ tab: 'open', q: ' 督 ', unit: LAND, warning: 'RED', year: '2026', page: '2' });
    expect(state.filter).toEqual({ tab: 'open', text: '督', unitId: LAND, warning: 'RED', year: '2026' });
    expect(state.page).toBe(1);
    expect(orderFilterToVariables(state.filter)).toEqual({ open: true, text: '督', unitId: LAND, warning: 'RED', year: 2026 });
    expect(orderFilterToVariables({ ...state.filter, tab: 'REPORTED', text: '', unitId: '', warning: '', year: '' })).toEqual({ statuses: ['REPORTED'] });
    expect(orderStateToQuery(state)).toEqual({ tab: 'open', q: '督', unit: LAND, warning: 'RED', year: '2026' });
    expect(orderStateFromQuery({ tab: 'x', unit: 'no', warning: 'NONE', year: '26' }).filter).toEqual({ tab: 'all', text: '', unitId: '', warning: '', year: '' });
  });

  it('words the module’s refusals in Chinese', () => {
    const t = (key: string) => key;
    const refused = (extensions: Record<string, unknown>) => ({ graphQLErrors: [{ extensions }] as never, networkError: undefined });
    expect(supervisionErrorMessage(refused({ code: 'BAD_USER_INPUT', reason: 'DUE_IN_THE_PAST', field: 'dueOn' }), t)).toBe('supervision.errors.DUE_IN_THE_PAST');
    expect(supervisionErrorMessage(refused({ code: 'BAD_USER_INPUT', field: 'items[0].tasks[1].dueOn' }), t)).toBe('supervision.errors.field.taskDueOn');
    expect(supervisionErrorMessage(refused({ code: 'BAD_USER_INPUT', field: 'requirement' }), t)).toBe('supervision.errors.field.requirement');
    expect(supervisionErrorMessage(refused({ code: 'FORBIDDEN' }), t)).toBe('supervision.errors.FORBIDDEN');
    expect(supervisionErrorMessage(refused({ code: 'CONFLICT' }), t)).toBe('error.CONFLICT');
  });
});

describe('督查督办', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists the orders with their unit, petition, status, warning and due day', async () => {
    const { server } = await renderPage(land());
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(textOf('supervision-title')).toBe('督查督办');
    expect(server.callsOf('SupervisionOrders')[0]).toEqual({ filter: {}, first: 20, after: null });
    const [first, second] = bodyRows();
    expect(first!.querySelector('[data-testid="order-number"]')?.getAttribute('href')).toBe('/supervision/00000000-0000-4000-8000-000000000001');
    expect(first!.querySelector('[data-testid="order-petition"]')?.getAttribute('href')).toBe(`/petitions/${PETITION}`);
    expect(first!.querySelector('[data-testid="order-unit"]')?.textContent).toBe('县自然资源局');
    expect(first!.querySelector('[data-testid="order-status"]')?.textContent?.trim()).toBe('待反馈');
    expect(first!.querySelector('[data-testid="warning-RED"]')?.textContent?.trim()).toBe('红色预警');
    expect(second!.textContent).toContain('退回重办');
    expect(second!.textContent).toContain('退回 1 次');
    // Only the supervision group issues orders.
    expect(byTestId('supervision-issue')).toBeNull();
  });

  it('has status tabs, each a filter of the address', async () => {
    const { server, router } = await renderPage(land(), '/supervision?tab=REPORTED');
    await vi.waitFor(() => expect(server.callsOf('SupervisionOrders')).toEqual([{ filter: { statuses: ['REPORTED'] }, first: 20, after: null }]));
    const tabs = [...document.querySelectorAll('[data-testid="supervision-tabs"] [role="tab"]')];
    expect(tabs.map((t) => t.textContent?.trim())).toEqual(['全部', '待反馈', '待审核', '已办结']);
    await click(tabs[1]!);
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ tab: 'open' }));
    await vi.waitFor(() => expect(server.callsOf('SupervisionOrders').at(-1)).toEqual({ filter: { open: true }, first: 20, after: null }));
  });

  it('exports the ledger as filtered', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:ledger');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { server } = await renderPage(land(), '/supervision?tab=open&warning=RED', {
      ExportSupervisionOrders: () => ({ data: { exportSupervisionOrders: { filename: '督办台账.xlsx', contentType: 'application/octet-stream', rows: 2, base64: btoa('PK') } } }),
    });
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(2));
    await click('supervision-export');
    await vi.waitFor(() => expect(downloads).toEqual(['督办台账.xlsx']));
    expect(server.callsOf('ExportSupervisionOrders')).toEqual([{ filter: { open: true, warning: 'RED' } }]);
    await vi.waitFor(() => expect(textOf()).toContain('已导出 2 件督办单'));
  });

  it('says when there are none', async () => {
    await renderPage(land(), '/supervision', { SupervisionOrders: () => ({ data: { supervisionOrders: connection([]) } }) });
    await vi.waitFor(() => expect(textOf('supervision-empty')).toContain('暂无督办单'));
  });

  it('lets the supervision group issue an order on a petition found by its number, to its handling unit by default', async () => {
    const { server, router } = await renderPage(supervisor(), '/supervision', {
      IssueSupervisionOrder: () => ({ data: { issueSupervisionOrder: { id: '00000000-0000-4000-8000-000000000009', number: '督〔2026〕9号' } } }),
    });
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(2));
    await click('supervision-issue');
    await vi.waitFor(() => expect(byTestId('issue-order-form')).not.toBeNull());
    await vi.waitFor(() => expect(server.callsOf('SupervisionPetitionCandidates')).toEqual([{}]));
    // Nothing chosen: the form says what it lacks and sends nothing.
    await click('issue-order-submit');
    await vi.waitFor(() => expect(textOf('issue-order-dialog')).toContain('请选择信访事项'));
    expect(server.callsOf('IssueSupervisionOrder')).toEqual([]);

    await click(mustFind('[data-testid="issue-order-petition"]'));
    await vi.waitFor(() => expect(document.querySelectorAll('.el-select-dropdown__item').length).toBeGreaterThan(0));
    await click([...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.includes('SFX-2024-00042'))!);
    const requirement = mustFind<HTMLTextAreaElement>('[data-testid="issue-order-requirement"] textarea, textarea[data-testid="issue-order-requirement"]');
    requirement.value = ' 一个月内核实补偿标准并反馈 ';
    requirement.dispatchEvent(new Event('input', { bubbles: true }));
    await click('issue-order-submit');
    await vi.waitFor(() => expect(server.callsOf('IssueSupervisionOrder')).toHaveLength(1));
    const { input } = server.callsOf('IssueSupervisionOrder')[0] as { input: Record<string, string> };
    expect(input).toMatchObject({ petitionId: PETITION, unitId: LAND, requirement: '一个月内核实补偿标准并反馈' });
    expect(input.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/supervision/00000000-0000-4000-8000-000000000009'), { timeout: 10_000 });
  });

  it('shows a refused issue beside its field', async () => {
    const { server } = await renderPage(supervisor(), '/supervision', {
      IssueSupervisionOrder: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'DUE_IN_THE_PAST', field: 'dueOn' } }),
    });
    await click('supervision-issue');
    await vi.waitFor(() => expect(server.callsOf('SupervisionPetitionCandidates')).toHaveLength(1));
    await click(mustFind('[data-testid="issue-order-petition"]'));
    await vi.waitFor(() => expect(document.querySelectorAll('.el-select-dropdown__item').length).toBeGreaterThan(0));
    await click([...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.includes('SFX-2024-00042'))!);
    const requirement = mustFind<HTMLTextAreaElement>('[data-testid="issue-order-requirement"] textarea, textarea[data-testid="issue-order-requirement"]');
    requirement.value = '核实';
    requirement.dispatchEvent(new Event('input', { bubbles: true }));
    await click('issue-order-submit');
    const dueItem = () => [...document.querySelectorAll('[data-testid="issue-order-form"] .el-form-item')].find((item) => item.querySelector('label')?.textContent?.includes('反馈期限'));
    await vi.waitFor(() => expect(dueItem()?.textContent).toContain('期限须为今天或以后的日期'));
  });
});
