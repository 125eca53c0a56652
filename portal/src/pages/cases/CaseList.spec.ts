import { mount } from '@vue/test-utils';
import { createAbility } from '@xinfang/permissions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseListRowFragment } from '@/gql/graphql';
import { click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import BacklogPage from './BacklogPage.vue';
import KeyMattersPage from './KeyMattersPage.vue';
import { caseStateFromQuery, caseStateToQuery, figureVariables } from './case-filter';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const TOWNSHIP = '22222222-2222-4222-8222-222222222222';

const row = (over: Partial<CaseListRowFragment>): CaseListRowFragment => ({
  id: '00000000-0000-4000-8000-000000000001',
  number: 'SFX-2024-00001',
  status: 'IN_PROGRESS',
  subject: '反映征地补偿款未足额发放',
  isKeyMatter: true,
  isBacklog: false,
  ageDays: 812,
  lastActionAt: '2026-11-20T03:00:00.000Z',
  locationUnit: { name: '青山村' },
  handlingUnit: { name: '青山乡' },
  ownership: { isOwned: false, missing: ['LEADER', 'STABILITY_PLAN'], leader: null },
  ...over,
});
const ROWS = [
  row({}),
  row({
    id: '00000000-0000-4000-8000-000000000002',
    number: 'SFX-2025-00002',
    ageDays: 400,
    handlingUnit: null,
    ownership: { isOwned: true, missing: [], leader: { id: 'l1', displayName: '县长 李明' } },
  }),
];

const connection = (rows: CaseListRowFragment[], totalCount = rows.length) => ({
  totalCount,
  edges: rows.map((node) => ({ node })),
  pageInfo: { hasNextPage: totalCount > rows.length, endCursor: 'bzoxOQ' },
});
const figures = (all: number, owned: number) => ({ all: { totalCount: all }, owned: { totalCount: owned }, notOwned: { totalCount: all - owned } });
const OPTIONS = {
  data: {
    units: [
      { id: COUNTY, name: '示范县', kind: 'COUNTY', parentId: null, sortOrder: 0 },
      { id: TOWNSHIP, name: '青山乡', kind: 'TOWNSHIP', parentId: COUNTY, sortOrder: 1 },
    ],
  },
};

const HANDLERS: FakeHandlers = {
  KeyMatterList: () => ({ data: { keyMatters: connection(ROWS, 25) } }),
  KeyMatterFigures: () => ({ data: figures(25, 9) }),
  BacklogList: () => ({ data: { backlog: connection(ROWS.map((r) => ({ ...r, isBacklog: true }))) } }),
  BacklogFigures: () => ({ data: figures(2, 1) }),
  CaseListOptions: () => OPTIONS,
};

async function renderPage(page: typeof KeyMattersPage | typeof BacklogPage, path: string, handlers: FakeHandlers = {}, rows = ROWS.length) {
  const server = fakeServer({ ...HANDLERS, ...handlers });
  const { plugins, router } = portalPlugins(createAbility([{ action: 'read', subject: 'Petition' }]), server);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(page, { global: { plugins }, attachTo: document.body });
  if (rows > 0) await vi.waitFor(() => expect(bodyRows()).toHaveLength(rows), { timeout: 10_000 });
  return { wrapper, server, router };
}

const bodyRows = () => [...document.querySelectorAll('.el-table__body-wrapper tr.el-table__row')];

describe('the hard-case filter in the address bar', () => {
  it('reads what it knows, drops the rest, and writes back only what differs from the defaults', () => {
    const state = caseStateFromQuery({ q: ' 补偿 ', unit: TOWNSHIP, owned: 'no', open: 'maybe', age: 'OVER_FIVE', size: '50' });
    expect(state.filter).toEqual({ text: '补偿', unitId: TOWNSHIP, owned: 'no', open: '', age: 'OVER_FIVE' });
    expect(caseStateToQuery(state)).toEqual({ age: 'OVER_FIVE', q: '补偿', unit: TOWNSHIP, owned: 'no', size: '50' });
    expect(caseStateFromQuery({ unit: 'not-an-id', age: 'TEN' }).filter).toEqual({ text: '', unitId: '', owned: '', open: '', age: '' });
  });

  it('counts the figures over the list’s filter with and without ownership, and asks for no age on the key matters', () => {
    const f = { text: '', unitId: TOWNSHIP, owned: 'yes' as const, open: 'yes' as const, age: 'TWO_TO_THREE' as const };
    expect(figureVariables(f, 'key-matters')).toEqual({
      all: { unitId: TOWNSHIP, open: true },
      owned: { unitId: TOWNSHIP, open: true, owned: true },
      notOwned: { unitId: TOWNSHIP, open: true, owned: false },
    });
    expect(figureVariables(f, 'backlog').all).toEqual({ unitId: TOWNSHIP, open: true, age: 'TWO_TO_THREE' });
  });
});

describe('the key matters and backlog pages', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists the key matters with their age, leader and the parts of 五个一 still missing', async () => {
    const { server } = await renderPage(KeyMattersPage, '/key-matters');
    expect(textOf('key-matters-title')).toBe('重点信访事项');
    expect(server.callsOf('KeyMatterList')).toEqual([{ filter: {}, first: 20, after: null }]);
    const [open, owned] = bodyRows();
    expect(open!.querySelector('[data-testid="case-number"]')?.getAttribute('href')).toBe('/petitions/00000000-0000-4000-8000-000000000001');
    expect(open!.querySelector('[data-testid="case-age"]')?.textContent).toBe('812 天');
    expect(open!.querySelector('[data-testid="case-leader"]')?.textContent).toBe('—');
    expect(open!.querySelector('[data-testid="case-ownership"]')?.textContent).toMatch(/缺包案领导\s*缺稳控方案/);
    expect(open!.textContent).toContain('2026-11-20');
    expect(owned!.querySelector('[data-testid="case-leader"]')?.textContent).toBe('县长 李明');
    expect(owned!.querySelector('[data-testid="case-ownership"]')?.textContent?.trim()).toBe('落实');
    expect(owned!.textContent).toContain('未交办');
    // The figures: every case of the filter, owned and not.
    await vi.waitFor(() => expect(textOf('key-matters-figure-all-value')).toBe('25'));
    expect(textOf('key-matters-figure-owned-value')).toBe('9');
    expect(textOf('key-matters-figure-not-owned-value')).toBe('16');
    expect(textOf('key-matters-pager')).toContain('25');
  });

  it('narrows the list to the cases not owned from its figure, in the address', async () => {
    const { server, router } = await renderPage(KeyMattersPage, `/key-matters?unit=${TOWNSHIP}`);
    await click('key-matters-figure-not-owned');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ unit: TOWNSHIP, owned: 'no' }));
    await vi.waitFor(() => expect(server.callsOf('KeyMatterList').at(-1)).toEqual({ filter: { unitId: TOWNSHIP, owned: false }, first: 20, after: null }));
    // The figures keep counting both sides.
    expect(server.callsOf('KeyMatterFigures').at(-1)).toEqual(figureVariables(caseStateFromQuery({ unit: TOWNSHIP }).filter, 'key-matters'));
    expect(mustFind('[data-testid="key-matters-figure-not-owned"]').getAttribute('aria-pressed')).toBe('true');
    // The picked figure again: all of them.
    await click('key-matters-figure-not-owned');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ unit: TOWNSHIP }));
  });

  it('searches by text from the first page', async () => {
    const { server, router } = await renderPage(KeyMattersPage, '/key-matters?open=yes');
    const input = mustFind<HTMLInputElement>('[data-testid="key-matters-text"] input, input[data-testid="key-matters-text"]');
    input.value = ' 征地 ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    mustFind('[data-testid="key-matters-filters"]').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ q: '征地', open: 'yes' }));
    await vi.waitFor(() => expect(server.callsOf('KeyMatterList').at(-1)).toEqual({ filter: { text: '征地', open: true }, first: 20, after: null }));
  });

  it('has the backlog’s age tabs, each a filter of the address', async () => {
    const { server, router } = await renderPage(BacklogPage, '/backlog?age=THREE_TO_FIVE');
    expect(textOf('backlog-title')).toBe('信访积案');
    expect(server.callsOf('BacklogList')).toEqual([{ filter: { age: 'THREE_TO_FIVE' }, first: 20, after: null }]);
    expect(server.callsOf('KeyMatterList')).toEqual([]);
    const tabs = [...document.querySelectorAll('[data-testid="backlog-age"] [role="tab"]')];
    expect(tabs.map((t) => t.textContent?.trim())).toEqual(['全部', '2–3年', '3–5年', '5年以上']);
    expect(tabs[2]!.getAttribute('aria-selected')).toBe('true');
    await click(tabs[3]!);
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ age: 'OVER_FIVE' }));
    await vi.waitFor(() => expect(server.callsOf('BacklogList').at(-1)).toEqual({ filter: { age: 'OVER_FIVE' }, first: 20, after: null }));
    await click(tabs[0]!);
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));
  });

  it('exports the backlog as filtered', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:ledger');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { server } = await renderPage(BacklogPage, '/backlog?age=OVER_FIVE&owned=yes', {
      ExportBacklog: () => ({
        data: { exportBacklog: { filename: '信访积案台账.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: 2, base64: btoa('PK') } },
      }),
    });
    await click('backlog-export');
    await vi.waitFor(() => expect(downloads).toEqual(['信访积案台账.xlsx']));
    expect(server.callsOf('ExportBacklog')).toEqual([{ filter: { owned: true, age: 'OVER_FIVE' } }]);
    await vi.waitFor(() => expect(textOf()).toContain('已导出 2 件信访积案'));
  });

  it('says when there is nothing, and when nothing matches', async () => {
    const empty = { KeyMatterList: () => ({ data: { keyMatters: connection([]) } }), KeyMatterFigures: () => ({ data: figures(0, 0) }) };
    await renderPage(KeyMattersPage, '/key-matters', empty, 0);
    await vi.waitFor(() => expect(textOf('key-matters-empty')).toContain('暂无重点信访事项'));
    document.body.innerHTML = '';
    await renderPage(KeyMattersPage, '/key-matters?owned=no', empty, 0);
    await vi.waitFor(() => expect(textOf('key-matters-empty')).toContain('没有符合条件的重点信访事项'));
  });
});
