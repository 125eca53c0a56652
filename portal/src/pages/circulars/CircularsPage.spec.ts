import { mount } from '@vue/test-utils';
import { defineAbilityFor, type AppAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountabilityRowFragment, CircularRowFragment } from '@/gql/graphql';
import { byTestId, click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import CircularsPage from './CircularsPage.vue';
import { evidenceFilterToVariables, evidenceStateFromQuery, evidenceStateToQuery } from './evidence-filter';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const QINGSHAN = '22222222-2222-4222-8222-222222222222';
const GROUP = '66666666-6666-4666-8666-666666666666';
const CIRCULAR = '00000000-0000-4000-8000-0000000000c1';

const circular: CircularRowFragment = {
  id: CIRCULAR,
  number: '通〔2026〕1号',
  title: '关于青山乡督办事项逾期未反馈的通报',
  failure: '督办单逾期十日未反馈',
  publishedOn: '2026-11-25',
  unit: { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP' },
  order: { id: 'o1', number: '督〔2026〕1号' },
  petition: null,
};
const record: AccountabilityRowFragment = {
  id: 'a1',
  post: '分管副乡长',
  measure: 'ADMONITION',
  measureDetail: null,
  authority: '县纪委监委',
  decidedOn: '2026-11-28',
  reason: '督办事项逾期未反馈',
  unit: { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP' },
  order: { id: 'o1', number: '督〔2026〕1号' },
  circular: { id: CIRCULAR, number: '通〔2026〕1号' },
  petition: null,
};
const page = <T>(rows: T[]) => ({ totalCount: rows.length, edges: rows.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } });
const HANDLERS: FakeHandlers = {
  Circulars: () => ({ data: { circulars: page([circular]) } }),
  Circular: () => ({ data: { circular } }),
  AccountabilityRecords: () => ({ data: { accountabilityRecords: page([record]) } }),
  SupervisionUnits: () => ({ data: { units: [{ id: COUNTY, name: '示范县', kind: 'COUNTY', parentId: null, sortOrder: 0 }, { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP', parentId: COUNTY, sortOrder: 1 }] } }),
};
const supervisor = () => defineAbilityFor({ id: 'sup', roles: ['SUPERVISOR'], unitId: GROUP, unitKind: 'SUPERVISION_GROUP', countyId: COUNTY, townshipId: null, villageId: null });
const township = () => defineAbilityFor({ id: 'qs', roles: ['TOWNSHIP'], unitId: QINGSHAN, unitKind: 'TOWNSHIP', countyId: COUNTY, townshipId: QINGSHAN, villageId: null });

async function renderPage(ability: AppAbility, path = '/circulars', handlers: FakeHandlers = {}) {
  const server = fakeServer({ ...HANDLERS, ...handlers });
  const { plugins, router } = portalPlugins(ability, server);
  await router.push(path);
  await router.isReady();
  mount(CircularsPage, { global: { plugins }, attachTo: document.body });
  return { server, router };
}

describe('the evidence filter in the address bar', () => {
  it('keeps the tab, the unit and the year', () => {
    const state = evidenceStateFromQuery({ tab: 'accountability', unit: QINGSHAN, year: '2026', circular: CIRCULAR });
    expect(state).toMatchObject({ tab: 'accountability', filter: { unitId: QINGSHAN, year: '2026' } });
    expect(evidenceFilterToVariables(state.filter)).toEqual({ unitId: QINGSHAN, year: 2026 });
    // A circular opened is not part of the list's state: a new search closes it.
    expect(evidenceStateToQuery(state)).toEqual({ tab: 'accountability', unit: QINGSHAN, year: '2026' });
    expect(evidenceStateFromQuery({ tab: 'x', year: 'abc' })).toMatchObject({ tab: 'circulars', filter: { unitId: '', year: '' } });
  });
});

describe('通报追责', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('shows every unit the county’s circulars, and only the supervision group 发布通报', async () => {
    const { server } = await renderPage(township());
    await vi.waitFor(() => expect(byTestId('circular-number')).not.toBeNull());
    expect(server.callsOf('Circulars')[0]).toEqual({ filter: {}, first: 20, after: null });
    expect(textOf('circular-title')).toBe('关于青山乡督办事项逾期未反馈的通报');
    expect(textOf('circular-unit')).toBe('青山乡');
    expect(byTestId('circulars-publish')).toBeNull();
    document.body.innerHTML = '';
    await renderPage(supervisor());
    await vi.waitFor(() => expect(byTestId('circulars-publish')).not.toBeNull());
  });

  it('opens a circular in its drawer, from the address', async () => {
    const { router } = await renderPage(township());
    await vi.waitFor(() => expect(byTestId('circular-number')).not.toBeNull());
    await click('circular-number');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ circular: CIRCULAR }));
    await vi.waitFor(() => expect(textOf('circular-detail-failure')).toBe('督办单逾期十日未反馈'));
  });

  it('lists the accountability records on their tab, with their measure and grounds', async () => {
    const { server, router } = await renderPage(supervisor());
    await vi.waitFor(() => expect(byTestId('circular-number')).not.toBeNull());
    const tabs = [...document.querySelectorAll('[data-testid="circulars-tabs"] [role="tab"]')];
    expect(tabs.map((t) => t.textContent?.trim())).toEqual(['通报', '追责']);
    await click(tabs[1]!);
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ tab: 'accountability' }));
    await vi.waitFor(() => expect(textOf('accountability-measure').trim()).toBe('诫勉谈话'));
    expect(server.callsOf('AccountabilityRecords')[0]).toEqual({ filter: {}, first: 20, after: null });
    expect(mustFind('[data-testid="accountability-table"]').textContent).toContain('分管副乡长');
    expect(byTestId('accountability-record')).not.toBeNull();
  });
});
