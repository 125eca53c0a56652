import { mount } from '@vue/test-utils';
import { cursorForPage } from '@xinfang/domain';
import { defineAbilityFor, packAbilityRules, type AbilityUser } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FigureRateFragment, SessionUserFragment } from '@/gql/graphql';
import { byTestId, click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import FigureRecordsPage from './FigureRecordsPage.vue';
import FiguresPage from './FiguresPage.vue';
import {
  COUNT_NAMES,
  FIGURE_NAMES,
  INTAKE_COUNTS,
  WATCH_COUNTS,
  breakdownRows,
  changeText,
  countLink,
  everyMonth,
  figuresStateFromQuery,
  figuresStateToQuery,
  percent,
  quickPeriodOf,
  quickRange,
  recordsLink,
  recordsPageFromQuery,
  recordsPageToQuery,
  scopeOptions,
  type FigureName,
} from './figures';

// ECharts draws on a canvas happy-dom does not have: the chart is a plain element here.
vi.mock('vue-echarts', () => ({ default: { name: 'VChart', props: ['option'], template: '<div class="v-chart-stub"></div>' } }));

const COUNTY = '11111111-1111-4111-8111-111111111111';
const QINGSHAN = '22222222-2222-4222-8222-222222222222';
const SHIQIAO = '33333333-3333-4333-8333-333333333333';
const BUREAU = '44444444-4444-4444-8444-444444444444';
const LAND = '77777777-7777-4777-8777-777777777777';
const PETITION = '00000000-0000-4000-8000-0000000000a1';
const ORDER = '00000000-0000-4000-8000-0000000000b1';

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key);

describe('the figures’ scope and period in the address bar', () => {
  it('defaults to this year up to today, and keeps a picked scope and period', () => {
    expect(figuresStateFromQuery({}, '2026-05-20')).toEqual({ scope: '', from: '2026-01-01', to: '2026-05-20' });
    expect(figuresStateFromQuery({ scope: QINGSHAN, from: '2025-01-01', to: '2025-12-31' }, '2026-05-20')).toEqual({ scope: QINGSHAN, from: '2025-01-01', to: '2025-12-31' });
    // A reversed or malformed period, a hand-edited scope: the defaults.
    expect(figuresStateFromQuery({ scope: 'x', from: '2026-06-01', to: '2026-05-01' }, '2026-05-20')).toEqual({ scope: '', from: '2026-01-01', to: '2026-05-20' });
    expect(figuresStateToQuery({ scope: '', from: '2026-01-01', to: '2026-05-20' })).toEqual({ from: '2026-01-01', to: '2026-05-20' });
  });

  it('offers this month, this quarter and this year, each to today, and names a hand-picked range custom', () => {
    expect(quickRange('month', '2026-05-20')).toEqual({ from: '2026-05-01', to: '2026-05-20' });
    expect(quickRange('quarter', '2026-05-20')).toEqual({ from: '2026-04-01', to: '2026-05-20' });
    expect(quickRange('year', '2026-05-20')).toEqual({ from: '2026-01-01', to: '2026-05-20' });
    expect(quickPeriodOf({ from: '2026-04-01', to: '2026-05-20' }, '2026-05-20')).toBe('quarter');
    expect(quickPeriodOf({ from: '2026-04-01', to: '2026-04-30' }, '2026-05-20')).toBe('custom');
  });

  it('links a rate’s side to its records with the same scope and period', () => {
    const link = recordsLink('closureRate', 'NUMERATOR', { scope: COUNTY, from: '2026-01-01', to: '2026-05-20' });
    expect(link).toEqual({ name: 'figure-records', query: { figure: 'closureRate', part: 'NUMERATOR', scope: COUNTY, from: '2026-01-01', to: '2026-05-20' } });
    expect(recordsPageFromQuery({ ...link.query, part: 'nonsense', figure: 'closureRate' })).toMatchObject({ figure: 'closureRate', part: 'NUMERATOR', page: 1 });
    expect(recordsPageFromQuery({ figure: 'bogus' }).figure).toBe('');
  });

  it('links a count to the petitions it counts with the same scope and period, and reads it back without a rate’s side', () => {
    const link = countLink('overdue', { scope: COUNTY, from: '2026-01-01', to: '2026-05-20' });
    expect(link).toEqual({ name: 'figure-records', query: { count: 'overdue', scope: COUNTY, from: '2026-01-01', to: '2026-05-20' } });
    const state = recordsPageFromQuery(link.query);
    expect(state).toMatchObject({ figure: '', count: 'overdue', scope: COUNTY, from: '2026-01-01', to: '2026-05-20', page: 1 });
    // Written back: the count, no 分子/分母; a later page keeps the count.
    expect(recordsPageToQuery(state)).toEqual({ count: 'overdue', scope: COUNTY, from: '2026-01-01', to: '2026-05-20' });
    const second = cursorForPage(2, 20);
    expect(recordsPageToQuery({ ...state, page: 2, after: second })).toEqual({ count: 'overdue', scope: COUNTY, from: '2026-01-01', to: '2026-05-20', page: '2', after: second });
    // A rate in the address is what it is about, even beside a count; a rate unknown is not a count either.
    expect(recordsPageFromQuery({ figure: 'closureRate', part: 'DENOMINATOR', count: 'overdue' })).toMatchObject({ figure: 'closureRate', part: 'DENOMINATOR', count: '' });
    expect(recordsPageFromQuery({ figure: 'bogus', count: 'overdue' })).toMatchObject({ figure: '', count: '' });
    // An unknown count is none; a rate's address is written as before.
    expect(recordsPageFromQuery({ count: 'bogus' })).toMatchObject({ figure: '', count: '' });
    expect(recordsPageToQuery(recordsPageFromQuery({ figure: 'closureRate', part: 'NUMERATOR', from: '2026-01-01', to: '2026-05-20' }))).toEqual({
      figure: 'closureRate',
      part: 'NUMERATOR',
      from: '2026-01-01',
      to: '2026-05-20',
    });
  });

  it('groups every count once: the intake, then the warnings and the hard cases', () => {
    expect(INTAKE_COUNTS).toEqual(['received', 'accepted', 'closed', 'harmoniouslyClosed']);
    expect(WATCH_COUNTS).toEqual(['overdue', 'dueSoon', 'keyMatters', 'backlog']);
    expect([...COUNT_NAMES].sort()).toEqual(['accepted', 'backlog', 'closed', 'dueSoon', 'harmoniouslyClosed', 'keyMatters', 'overdue', 'received']);
  });

  it('offers the county, its townships and departments to a county-wide role; a township its villages', () => {
    const units = [
      { id: COUNTY, name: '示范县', kind: 'COUNTY' as const, parentId: null, sortOrder: 0 },
      { id: BUREAU, name: '县信访局', kind: 'BUREAU' as const, parentId: COUNTY, sortOrder: 0 },
      { id: LAND, name: '县自然资源局', kind: 'DEPARTMENT' as const, parentId: COUNTY, sortOrder: 1 },
      { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP' as const, parentId: COUNTY, sortOrder: 2 },
      { id: SHIQIAO, name: '石桥村', kind: 'VILLAGE' as const, parentId: QINGSHAN, sortOrder: 0 },
    ];
    expect(scopeOptions(units, units[0]!).map((u) => u.name)).toEqual(['示范县', '青山乡', '县自然资源局']);
    expect(scopeOptions(units, units[3]!).map((u) => u.name)).toEqual(['青山乡', '石桥村']);
  });

  it('shows no value as 无数据, never 0 % or 100 %, and words the change', () => {
    expect(percent(null, t)).toBe('figures.noData');
    expect(percent(0, t)).toBe('0.0%');
    expect(percent(2 / 3, t)).toBe('66.7%');
    expect(changeText(null, t)).toBe('figures.change.none');
    expect(changeText(0.125, t)).toBe('figures.change.up {"n":"12.5%"}');
    expect(changeText(-0.42, t)).toBe('figures.change.down {"n":"42.0%"}');
  });

  it('fills the months of the period without a petition with zeros', () => {
    const rows = everyMonth([{ key: '2025-12', label: '2025-12', count: 2 }, { key: '2026-03', label: '2026-03', count: 1 }], '2025-11-15', '2026-03-02');
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      ['2025-11', 0],
      ['2025-12', 2],
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
  });

  it('names the channels in the user’s language, the months, and the cases not yet assigned', () => {
    const te = (key: string) => key === 'petition.channel.VISIT';
    expect(breakdownRows('byChannel', [{ key: 'VISIT', label: 'VISIT', count: 3 }], t, te)[0]?.label).toBe('petition.channel.VISIT');
    expect(breakdownRows('byMonth', [{ key: '2026-05', label: '2026-05', count: 3 }], t, te)[0]?.label).toBe('figures.month {"year":2026,"month":5}');
    expect(breakdownRows('byUnit', [{ key: '', label: '', count: 1 }], t, te)[0]?.label).toBe('figures.unassigned');
    expect(breakdownRows('byTownship', [{ key: '', label: '', count: 2 }], t, te)[0]?.label).toBe('figures.countyLevel');
    expect(breakdownRows('closedByMonth', [{ key: '2026-05', label: '2026-05', count: 3 }], t, te)[0]?.label).toBe('figures.month {"year":2026,"month":5}');
  });
});

const rate = (figure: FigureName, numerator: number, denominator: number): FigureRateFragment => ({
  figure,
  label: figure,
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
  definition: `${figure} 的定义`,
  definitionEn: `definition of ${figure}`,
});

function figuresAnswer(scope: { id: string; name: string; kind: string }) {
  const rates = Object.fromEntries(FIGURE_NAMES.map((f) => [f, rate(f, f === 'closureRate' ? 3 : 0, f === 'closureRate' ? 4 : 0)]));
  const changes = Object.fromEntries(FIGURE_NAMES.map((f) => [`${f}Change`, f === 'closureRate' ? 0.125 : null]));
  return {
    data: {
      figures: {
        scopeUnit: scope,
        from: '2026-01-01',
        to: '2026-05-20',
        ...rates,
        ...changes,
        received: 5,
        accepted: 4,
        closed: 3,
        overdue: 1,
        dueSoon: 6,
        keyMatters: 7,
        backlog: 8,
        harmoniouslyClosed: 2,
        byMonth: [{ key: '2026-01', label: '2026-01', count: 5 }],
        byCategory: [{ key: 'LAND', label: '土地征收与使用', count: 5 }],
        byUnit: [{ key: LAND, label: '县自然资源局', count: 4 }, { key: '', label: '', count: 1 }],
        byChannel: [{ key: 'VISIT', label: '来访', count: 5 }],
      },
    },
  };
}

const UNITS = [
  { id: COUNTY, name: '示范县', kind: 'COUNTY', parentId: null, depth: 0, sortOrder: 0 },
  { id: BUREAU, name: '县信访局', kind: 'BUREAU', parentId: COUNTY, depth: 1, sortOrder: 0 },
  { id: LAND, name: '县自然资源局', kind: 'DEPARTMENT', parentId: COUNTY, depth: 1, sortOrder: 1 },
  { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP', parentId: COUNTY, depth: 1, sortOrder: 2 },
  { id: SHIQIAO, name: '石桥村', kind: 'VILLAGE', parentId: QINGSHAN, depth: 2, sortOrder: 0 },
];

const user = (over: Partial<AbilityUser>): AbilityUser => ({ id: 'u1', roles: ['BUREAU'], unitId: BUREAU, unitKind: 'BUREAU', countyId: COUNTY, townshipId: null, villageId: null, ...over });
const township = () => user({ roles: ['TOWNSHIP'], unitId: QINGSHAN, unitKind: 'TOWNSHIP', townshipId: QINGSHAN });

async function render(component: typeof FiguresPage | typeof FigureRecordsPage, u: AbilityUser, path: string, handlers: FakeHandlers = {}) {
  const ability = defineAbilityFor(u);
  const name = (id: string) => UNITS.find((x) => x.id === id)?.name ?? '';
  const server = fakeServer({
    FigureScopeUnits: () => ({ data: { units: u.unitKind === 'TOWNSHIP' ? UNITS.filter((x) => x.id === QINGSHAN || x.parentId === QINGSHAN) : UNITS } }),
    Figures: (v) => figuresAnswer({ id: String(v.scopeUnitId), name: name(String(v.scopeUnitId)), kind: 'COUNTY' }),
    ...handlers,
  });
  const { plugins, router } = portalPlugins(ability, server);
  const sessionUser: SessionUserFragment = {
    id: u.id,
    username: 'someone',
    displayName: '某人',
    roles: [...u.roles],
    unitId: u.unitId,
    unit: { id: u.unitId, name: name(u.unitId), kind: u.unitKind, countyId: u.countyId, townshipId: u.townshipId, villageId: u.villageId, path: [{ id: COUNTY, name: '示范县', kind: 'COUNTY' }] },
  };
  localStorage.setItem('xinfang.session', JSON.stringify({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', rules: packAbilityRules(ability), user: sessionUser }));
  await router.push(path);
  await router.isReady();
  // The date picker is slow to mount and not under test.
  mount(component, { global: { plugins, stubs: { ElDatePicker: true } }, attachTo: document.body });
  return { server, router };
}

describe('数据分析', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('asks a county-wide role for the county’s figures of this year, each rate with its parts linked to its records', async () => {
    const { server } = await render(FiguresPage, user({}), '/figures');
    await vi.waitFor(() => expect(byTestId('figures-rates')).not.toBeNull());
    const [call] = server.callsOf('Figures');
    expect(call).toEqual({ scopeUnitId: COUNTY, ...quickRange('year') });
    expect(textOf('figure-closureRate-label')).toBe('办结率');
    expect(textOf('figure-closureRate-value').trim()).toBe('75.0%');
    expect(textOf('figure-closureRate-numerator')).toBe('3');
    expect(textOf('figure-closureRate-denominator')).toBe('4');
    expect(textOf('figure-closureRate-change')).toContain('同比上升 12.5%');
    expect(textOf('figure-closureRate')).toContain('closureRate 的定义');
    const numerator = mustFind<HTMLAnchorElement>('[data-testid="figure-closureRate-numerator"]');
    expect(numerator.getAttribute('href')).toBe(`/figures/records?figure=closureRate&part=NUMERATOR&scope=${COUNTY}&from=${call?.from as string}&to=${call?.to as string}`);
    // Nothing counted: 无数据, never 0 %.
    expect(textOf('figure-satisfactionRate-value').trim()).toBe('无数据');
    expect(textOf('figure-satisfactionRate-change')).toContain('无同比数据');
    expect(textOf('figures-count-received-value')).toBe('5');
    expect(textOf('figures-scope-name')).toBe('示范县');
  });

  it('shows the counts in two named groups, each a link to the petitions it counts, the warnings in their colours', async () => {
    const { server, router } = await render(FiguresPage, user({}), '/figures');
    await vi.waitFor(() => expect(textOf('figures-count-backlog-value')).toBe('8'));
    const { from, to } = server.callsOf('Figures')[0] as { from: string; to: string };
    const intake = mustFind('[data-testid="figures-counts"]');
    const watch = mustFind('[data-testid="figures-watch"]');
    expect(intake.getAttribute('role')).toBe('group');
    expect(intake.getAttribute('aria-label')).toBe('受理情况');
    expect(watch.getAttribute('aria-label')).toBe('预警与重点');
    expect(document.getElementById('figures-watch-title')?.textContent).toBe('预警与重点');
    expect(watch.closest('section')?.getAttribute('aria-labelledby')).toBe('figures-watch-title');
    const ids = (group: Element) => [...group.querySelectorAll('a.tile')].map((a) => a.getAttribute('data-testid'));
    expect(ids(intake)).toEqual(['figures-count-received', 'figures-count-accepted', 'figures-count-closed', 'figures-count-harmoniouslyClosed']);
    expect(ids(watch)).toEqual(['figures-count-overdue', 'figures-count-dueSoon', 'figures-count-keyMatters', 'figures-count-backlog']);
    expect(textOf('figures-count-overdue')).toContain('逾期');
    expect(textOf('figures-count-dueSoon')).toContain('即将到期');
    expect(textOf('figures-count-keyMatters')).toContain('重点信访事项');
    expect(textOf('figures-count-dueSoon-value')).toBe('6');
    expect(textOf('figures-count-keyMatters-value')).toBe('7');

    const overdue = mustFind<HTMLAnchorElement>('[data-testid="figures-count-overdue"]');
    expect(overdue.getAttribute('href')).toBe(`/figures/records?count=overdue&scope=${COUNTY}&from=${from}&to=${to}`);
    // Its name is its visible words first, then what it opens.
    expect(overdue.getAttribute('aria-label')).toBeNull();
    expect(overdue.textContent).toBe('逾期1期内收到、仍未办结且已超过当前期限查看明细');
    expect(overdue.querySelector('.visually-hidden')?.textContent).toBe('查看明细');
    expect(overdue.getAttribute('style')).toContain('--tile-colour: var(--el-color-danger)');
    expect(mustFind('[data-testid="figures-count-dueSoon"]').getAttribute('style')).toContain('--tile-colour: var(--el-color-warning)');
    for (const c of COUNT_NAMES) expect(mustFind(`[data-testid="figures-count-${c}"]`).getAttribute('href')).toContain(`count=${c}&`);

    await click(mustFind('[data-testid="figures-count-received"]'));
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('figure-records'));
    expect(router.currentRoute.value.query).toEqual({ count: 'received', scope: COUNTY, from, to });
  });

  it('shows each breakdown as a table of the same numbers when asked', async () => {
    await render(FiguresPage, user({}), '/figures');
    await vi.waitFor(() => expect(byTestId('figures-rates')).not.toBeNull());
    expect(byTestId('figures-chart-byUnit-table')).toBeNull();
    await click(mustFind('[data-testid="figures-chart-byUnit-as-table"] input'));
    await vi.waitFor(() => expect(byTestId('figures-chart-byUnit-table')).not.toBeNull());
    const cells = [...mustFind('[data-testid="figures-chart-byUnit-table"]').querySelectorAll('.el-table__body tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(cells).toEqual([
      ['县自然资源局', '4', '80.0%'],
      ['尚未交办', '1', '20.0%'],
    ]);
  });

  it('gives a township its own area and its villages, never the county', async () => {
    const { server } = await render(FiguresPage, township(), '/figures');
    await vi.waitFor(() => expect(byTestId('figures-rates')).not.toBeNull());
    expect(server.callsOf('Figures')[0]).toMatchObject({ scopeUnitId: QINGSHAN });
    expect(textOf('figures-scope-name')).toBe('青山乡');
    await click(mustFind('[data-testid="figures-scope"] .el-select__wrapper'));
    await vi.waitFor(() => expect(byTestId('figures-scope-option-石桥村')).not.toBeNull());
    expect(byTestId('figures-scope-option-示范县')).toBeNull();
    expect(byTestId('figures-scope-option-青山乡')).not.toBeNull();
  });

  it('says so when the server refuses the scope', async () => {
    await render(FiguresPage, township(), `/figures?scope=${COUNTY}`, { Figures: () => ({ error: { code: 'NOT_FOUND' } }) });
    await vi.waitFor(() => expect(byTestId('figures-error')).not.toBeNull());
  });
});

describe('the records behind a rate', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  const COUNTS = () => ({ data: { figures: { scopeUnit: { id: COUNTY, name: '示范县', kind: 'COUNTY' } }, numerator: { totalCount: 1 }, denominator: { totalCount: 2 } } });
  const page = (nodes: unknown[], totalCount = nodes.length) => ({
    data: { figureRecords: { totalCount, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node, i) => ({ cursor: `o:${i}`, node })) } },
  });
  const petition = { __typename: 'Petition', id: PETITION, number: 'SFX-2026-00001', subject: '征地补偿', petitionStatus: 'CLOSED', receivedAt: '2026-02-01', handlingUnit: { id: LAND, name: '县自然资源局' } };

  it('titles the list with the rate and its definition, counts both sides, and links each petition', async () => {
    const { server } = await render(FigureRecordsPage, user({}), `/figures/records?figure=closureRate&part=NUMERATOR&scope=${COUNTY}&from=2026-01-01&to=2026-05-20`, {
      FigureRecordCounts: COUNTS,
      FigureRecords: () => page([petition]),
    });
    await vi.waitFor(() => expect(byTestId(`figure-record-SFX-2026-00001`)).not.toBeNull());
    expect(textOf('figure-records-title')).toBe('办结率');
    expect(textOf('figure-records-definition')).toContain('期内受理的信访事项中');
    expect(textOf('figure-records-tabs')).toContain('分子（1）');
    expect(textOf('figure-records-tabs')).toContain('分母（2）');
    expect(server.callsOf('FigureRecords')[0]).toMatchObject({ figure: 'closureRate', part: 'NUMERATOR', scopeUnitId: COUNTY, from: '2026-01-01', to: '2026-05-20', first: 20 });
    expect(mustFind('[data-testid="figure-record-SFX-2026-00001"]').getAttribute('href')).toBe(`/petitions/${PETITION}`);
    expect(textOf('figure-records-pager')).toContain('1');
  });

  it('opens the denominator on its tab, orders linking to their pages and screening periods as rows', async () => {
    const { server, router } = await render(FigureRecordsPage, user({}), `/figures/records?figure=supervisionOnTimeRate&part=NUMERATOR&scope=${COUNTY}&from=2026-01-01&to=2026-05-20`, {
      FigureRecordCounts: COUNTS,
      FigureRecords: (v) =>
        v.part === 'DENOMINATOR'
          ? page([
              { __typename: 'SupervisionOrder', id: ORDER, number: '督〔2026〕1号', orderStatus: 'ACCEPTED', issuedOn: '2026-03-01', dueOn: '2026-03-15', unit: { id: LAND, name: '县自然资源局' } },
              { __typename: 'ScreeningPeriodType', unit: { id: SHIQIAO, name: '石桥村' }, periodStart: '2026-05-01', periodEnd: '2026-05-15', dueDate: '2026-05-18', periodStatus: 'LATE' },
            ])
          : page([]),
    });
    await vi.waitFor(() => expect(byTestId('figure-records-table')).not.toBeNull());
    await click(mustFind('[data-testid="figure-records-tabs"] #tab-DENOMINATOR'));
    await vi.waitFor(() => expect(router.currentRoute.value.query.part).toBe('DENOMINATOR'));
    await vi.waitFor(() => expect(byTestId('figure-record-督〔2026〕1号')).not.toBeNull());
    expect(server.callsOf('FigureRecords').at(-1)).toMatchObject({ part: 'DENOMINATOR' });
    expect(mustFind('[data-testid="figure-record-督〔2026〕1号"]').getAttribute('href')).toBe(`/supervision/${ORDER}`);
    expect(textOf('figure-records-table')).toContain('石桥村');
    expect(textOf('figure-records-table')).toContain('2026-05-01 – 2026-05-15');
  });

  it('says so for a figure it does not know', async () => {
    await render(FigureRecordsPage, user({}), '/figures/records?figure=bogus', { FigureRecordCounts: COUNTS, FigureRecords: () => page([]) });
    await vi.waitFor(() => expect(byTestId('figure-records-unknown')).not.toBeNull());
  });

  const countPage = (nodes: unknown[], totalCount = nodes.length, hasNextPage = false) => ({
    data: {
      figures: { scopeUnit: { id: COUNTY, name: '示范县', kind: 'COUNTY' } },
      countRecords: { totalCount, pageInfo: { hasNextPage, endCursor: null }, edges: nodes.map((node, i) => ({ cursor: `o:${i}`, node })) },
    },
  });

  it('titles a count’s petitions with its name and what it counts, without 分子 and 分母, and goes back to the same figures', async () => {
    const address = `/figures/records?count=overdue&scope=${COUNTY}&from=2026-01-01&to=2026-05-20`;
    const { server, router } = await render(FigureRecordsPage, user({}), address, { FigureCountRecords: () => countPage([petition], 1) });
    await vi.waitFor(() => expect(byTestId('figure-record-SFX-2026-00001')).not.toBeNull());
    expect(textOf('figure-records-title')).toBe('逾期');
    expect(textOf('figure-records-definition')).toBe('期内收到、至今仍未办结且已超过当前办理期限的信访事项（红色预警）');
    expect(textOf('figure-records-scope')).toBe('示范县 · 2026-01-01 至 2026-05-20');
    expect(byTestId('figure-records-tabs')).toBeNull();
    expect(server.callsOf('FigureCountRecords')).toHaveLength(1);
    expect(server.callsOf('FigureCountRecords')[0]).toMatchObject({ count: 'overdue', scopeUnitId: COUNTY, from: '2026-01-01', to: '2026-05-20', first: 20 });
    // Nothing of the rates is asked for.
    expect(server.callsOf('FigureRecordCounts')).toEqual([]);
    expect(server.callsOf('FigureRecords')).toEqual([]);
    expect(mustFind('[data-testid="figure-record-SFX-2026-00001"]').getAttribute('href')).toBe(`/petitions/${PETITION}`);
    expect(textOf('figure-records-pager')).toContain('1');

    await click(mustFind('[data-testid="figure-records-back"]'));
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('figures'));
    expect(router.currentRoute.value.query).toEqual({ scope: COUNTY, from: '2026-01-01', to: '2026-05-20' });
  });

  it('pages through a count’s petitions, the count kept in the address', async () => {
    const { server, router } = await render(FigureRecordsPage, user({}), `/figures/records?count=received&from=2026-01-01&to=2026-05-20`, {
      FigureCountRecords: (v) => countPage(v.after ? [] : [petition], 25, !v.after),
    });
    await vi.waitFor(() => expect(byTestId('figure-record-SFX-2026-00001')).not.toBeNull());
    expect(textOf('figure-records-title')).toBe('收到信访');
    // No scope in the address: the caller's own county.
    expect(server.callsOf('FigureCountRecords')[0]).toMatchObject({ count: 'received', scopeUnitId: COUNTY });
    expect(textOf('figure-records-page')).toBe('第 1 / 2 页');
    await click(mustFind('[data-testid="figure-records-pager"] .btn-next'));
    await vi.waitFor(() => expect(router.currentRoute.value.query.page).toBe('2'));
    const second = cursorForPage(2, 20);
    expect(router.currentRoute.value.query).toMatchObject({ count: 'received', from: '2026-01-01', to: '2026-05-20', after: second });
    expect(router.currentRoute.value.query.part).toBeUndefined();
    await vi.waitFor(() => expect(server.callsOf('FigureCountRecords').at(-1)).toMatchObject({ count: 'received', first: 20, after: second }));
  });

  it('says of a count it does not know what it says of an unknown figure, and asks for nothing', async () => {
    const { server } = await render(FigureRecordsPage, user({}), '/figures/records?count=bogus', { FigureCountRecords: () => countPage([]) });
    await vi.waitFor(() => expect(byTestId('figure-records-unknown')).not.toBeNull());
    expect(textOf('figure-records-unknown')).toContain('没有这项指标，请从数据分析页进入');
    expect(byTestId('figure-records-tabs')).toBeNull();
    expect(server.calls.filter((c) => c.operation !== 'FigureScopeUnits')).toEqual([]);
  });
});
