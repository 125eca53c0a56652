import { mount } from '@vue/test-utils';
import { createAbility } from '@xinfang/permissions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PetitionListRowFragment } from '@/gql/graphql';
import { click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import PetitionsPage from './PetitionsPage.vue';
import { todayInCounty } from './deadline';

/** The date `days` after today in the county. */
const inDays = (days: number) => {
  const [y, m, d] = todayInCounty().split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
};

const COUNTY = '11111111-1111-4111-8111-111111111111';
const TOWNSHIP = '22222222-2222-4222-8222-222222222222';

const row = (over: Partial<PetitionListRowFragment>): PetitionListRowFragment => ({
  id: '00000000-0000-4000-8000-000000000001',
  number: 'SFX-2026-00001',
  status: 'IN_PROGRESS',
  kind: 'CLAIM',
  channel: 'VISIT',
  receivedAt: '2026-01-05',
  headcount: 1,
  isCollective: false,
  subject: '反映征地补偿款未足额发放',
  category: { name: '土地征收与补偿' },
  locationUnit: { name: '青山村' },
  handlingUnit: { name: '青山乡' },
  deadlines: { current: '2026-03-06' },
  warning: 'NONE',
  isKeyMatter: false,
  isBacklog: false,
  extensionStatus: 'NONE',
  ...over,
});
const ROWS = [
  row({ id: '00000000-0000-4000-8000-000000000001', number: 'SFX-2026-00001', warning: 'RED', deadlines: { current: inDays(-3) } }),
  row({ id: '00000000-0000-4000-8000-000000000002', number: 'SFX-2026-00002', warning: 'YELLOW', deadlines: { current: inDays(2) } }),
  row({ id: '00000000-0000-4000-8000-000000000003', number: 'SFX-2026-00003', warning: 'NONE', subject: null, handlingUnit: null }),
];

const listAnswer = (rows: PetitionListRowFragment[], totalCount = rows.length) => ({
  data: { petitions: { totalCount, edges: rows.map((node) => ({ node })), pageInfo: { hasNextPage: totalCount > rows.length, endCursor: 'bzoxOQ' } } },
});
const OPTIONS = {
  data: {
    petitionCategories: [{ code: 'LAND', name: '土地征收与补偿' }],
    units: [
      { id: COUNTY, name: '示范县', kind: 'COUNTY', parentId: null, sortOrder: 0 },
      { id: TOWNSHIP, name: '青山乡', kind: 'TOWNSHIP', parentId: COUNTY, sortOrder: 1 },
    ],
  },
};

// The date-range picker is slow to mount in happy-dom and not under test here (the address is).
const STUBS = { ElDatePicker: true };

async function renderPage(path: string, handlers: FakeHandlers = {}) {
  const server = fakeServer({ PetitionList: () => listAnswer(ROWS, 45), PetitionListOptions: () => OPTIONS, ...handlers });
  const { plugins, router } = portalPlugins(createAbility([{ action: 'read', subject: 'Petition' }]), server);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(PetitionsPage, { global: { plugins, stubs: STUBS }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.findAll('.el-table__body-wrapper tr.el-table__row')).toHaveLength(ROWS.length), { timeout: 10_000 });
  return { wrapper, server, router };
}

const bodyRows = () => [...document.querySelectorAll('.el-table__body-wrapper tr.el-table__row')];

// Element Plus's table and selects take a while to mount in happy-dom on a busy machine.
describe('the petition list page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks the server for exactly what the address says', async () => {
    const { server } = await renderPage(`/petitions?q=补偿&status=IN_PROGRESS,ACCEPTED&warning=RED&unit=${TOWNSHIP}&key=1&from=2026-01-01&to=2026-02-28&sort=DEADLINE&size=50`);
    expect(server.callsOf('PetitionList')).toEqual([
      {
        filter: {
          sort: 'DEADLINE',
          text: '补偿',
          status: ['ACCEPTED', 'IN_PROGRESS'],
          unitId: TOWNSHIP,
          warning: ['RED'],
          isKeyMatter: true,
          receivedFrom: '2026-01-01',
          receivedTo: '2026-02-28',
        },
        first: 50,
        after: null,
      },
    ]);
    // The filter bar shows it.
    expect(mustFind<HTMLInputElement>('[data-testid="petitions-text"] input, input[data-testid="petitions-text"]').value).toBe('补偿');
    expect(textOf('petitions-pager')).toContain('45');
  });

  it('puts a search in the address, from the first page, and the server follows the address', async () => {
    const { server, router } = await renderPage('/petitions?warning=YELLOW');
    const input = mustFind<HTMLInputElement>('input[data-testid="petitions-text"], [data-testid="petitions-text"] input');
    input.value = '  低保 ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Enter in the search box submits the filter form.
    mustFind('[data-testid="petitions-filters"]').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ q: '低保', warning: 'YELLOW' }));
    await vi.waitFor(() => expect(server.callsOf('PetitionList')).toHaveLength(2));
    expect(server.callsOf('PetitionList')[1]).toEqual({ filter: { sort: 'RECEIVED_DESC', text: '低保', warning: ['YELLOW'] }, first: 20, after: null });

    // The next page goes into the address with the cursor it starts after.
    await click(mustFind('[data-testid="petitions-pager"] .btn-next'));
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ q: '低保', warning: 'YELLOW', page: '2', after: 'bzoxOQ' }));
    await vi.waitFor(() => expect(server.callsOf('PetitionList').at(-1)).toMatchObject({ after: 'bzoxOQ' }));

    // 重置 clears it all.
    await click('petitions-reset');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));
  });

  it('colours overdue rows red and rows close to their deadline amber, and says how many days are left', async () => {
    await renderPage('/petitions');
    const [red, yellow, none] = bodyRows();
    expect(red!.className).toContain('warning-red');
    expect(yellow!.className).toContain('warning-yellow');
    expect(none!.className).not.toMatch(/warning-(red|yellow)/);
    expect(red!.textContent).toContain('红色预警');
    expect(yellow!.textContent).toContain('黄色预警');
    expect(red!.querySelector('[data-testid="petition-days-left"]')?.textContent).toBe('逾期 3 天');
    expect(yellow!.querySelector('[data-testid="petition-days-left"]')?.textContent).toBe('剩 2 天');
    // A withheld subject says so; an unassigned case too.
    expect(none!.querySelector('[data-testid="petition-subject"]')?.textContent).toBe('（无权查看）');
    expect(none!.textContent).toContain('未交办');
  });

  it('opens a petition from its number', async () => {
    const { router } = await renderPage('/petitions');
    const link = bodyRows()[1]!.querySelector<HTMLAnchorElement>('[data-testid="petition-number"]')!;
    expect(link.getAttribute('href')).toBe('/petitions/00000000-0000-4000-8000-000000000002');
    await click(link);
    // The detail page is loaded on the way (a lazy route): slow on a busy machine.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('petition-detail'), { timeout: 10_000 });
    expect(router.currentRoute.value.params).toEqual({ id: '00000000-0000-4000-8000-000000000002' });
  });

  it('exports the filter as applied and tells how many rows', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:ledger';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { server } = await renderPage('/petitions?status=IN_PROGRESS&backlog=1', {
      ExportPetitionList: () => ({
        data: { exportPetitions: { filename: '信访台账.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: 45, base64: btoa('PK\x03\x04') } },
      }),
    });
    await click('petitions-export');
    await vi.waitFor(() => expect(downloads).toEqual(['信访台账.xlsx']));
    expect(server.callsOf('ExportPetitionList')).toEqual([{ filter: { sort: 'RECEIVED_DESC', status: ['IN_PROGRESS'], isBacklog: true } }]);
    expect(new TextDecoder().decode(await created[0]!.arrayBuffer())).toBe('PK\x03\x04');
    await vi.waitFor(() => expect(textOf()).toContain('已导出 45 条信访事项'));
  });

  it('says when nothing matches', async () => {
    const server = fakeServer({ PetitionList: () => listAnswer([]), PetitionListOptions: () => OPTIONS });
    const { plugins, router } = portalPlugins(createAbility([{ action: 'read', subject: 'Petition' }]), server);
    await router.push('/petitions?status=CLOSED');
    await router.isReady();
    mount(PetitionsPage, { global: { plugins, stubs: STUBS }, attachTo: document.body });
    await vi.waitFor(() => expect(textOf('petitions-empty')).toContain('没有符合条件的信访事项'));
  });
});
