import { mount } from '@vue/test-utils';
import { createAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PetitionListRowFragment } from '@/gql/graphql';
import { click, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import MyWorkPage from '../MyWorkPage.vue';

const row = (id: string, warning: PetitionListRowFragment['warning'], current: string): PetitionListRowFragment => ({
  id,
  number: `SFX-2026-0000${id.slice(-1)}`,
  status: 'IN_PROGRESS',
  kind: 'CLAIM',
  channel: 'LETTER',
  receivedAt: '2026-01-05',
  headcount: 1,
  isCollective: false,
  subject: '反映低保评定不公',
  category: { name: '民政' },
  locationUnit: { name: '石桥村' },
  handlingUnit: { name: '青山乡' },
  deadlines: { current },
  warning,
  isKeyMatter: false,
  isBacklog: false,
  extensionStatus: 'NONE',
});
const ROWS = [row('00000000-0000-4000-8000-000000000001', 'RED', '2026-02-01'), row('00000000-0000-4000-8000-000000000002', 'YELLOW', '2026-03-03')];
const counts = (red: number, yellow: number, none: number) => ({
  data: { red: { totalCount: red }, yellow: { totalCount: yellow }, none: { totalCount: none } },
});
const list = (rows: PetitionListRowFragment[]) => ({
  data: { petitions: { totalCount: rows.length, edges: rows.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } } },
});

async function renderPage(handlers: FakeHandlers) {
  const server = fakeServer(handlers);
  const { plugins, router } = portalPlugins(createAbility([{ action: 'read', subject: 'Petition' }]), server);
  await router.push('/my-work');
  await router.isReady();
  const wrapper = mount(MyWorkPage, { global: { plugins }, attachTo: document.body });
  return { wrapper, server, router };
}

describe('my work', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('counts the cases by warning and lists them soonest deadline first', async () => {
    const { server, router } = await renderPage({ MyWorkCounts: () => counts(1, 1, 5), PetitionList: () => list(ROWS) });
    await vi.waitFor(() => expect(document.querySelectorAll('.el-table__body-wrapper tr.el-table__row')).toHaveLength(2));
    expect(textOf('my-work-count-RED')).toContain('逾期');
    expect(textOf('my-work-count-RED')).toContain('1');
    expect(textOf('my-work-count-YELLOW')).toContain('即将到期');
    expect(textOf('my-work-count-NONE')).toContain('5');
    expect(textOf('my-work-heading')).toContain('共 7 件');
    expect(server.callsOf('PetitionList')[0]).toEqual({ filter: { mine: true, sort: 'DEADLINE' }, first: 20, after: null });

    // A card narrows the list to its warning.
    await click('my-work-count-RED');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ warning: 'RED' }));
    await vi.waitFor(() => expect(server.callsOf('PetitionList').at(-1)).toEqual({ filter: { mine: true, sort: 'DEADLINE', warning: ['RED'] }, first: 20, after: null }));
  });

  it('says 暂无待办 when nothing waits', async () => {
    await renderPage({ MyWorkCounts: () => counts(0, 0, 0), PetitionList: () => list([]) });
    await vi.waitFor(() => expect(textOf('my-work-empty')).toContain('暂无待办'));
  });
});
