import { mount } from '@vue/test-utils';
import { createAbility, type AppAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PetitionListRowFragment, ScreeningRemindersQuery } from '@/gql/graphql';
import { byTestId, click, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import MyWorkPage from './MyWorkPage.vue';

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

async function renderPage(handlers: FakeHandlers, ability: AppAbility = createAbility([{ action: 'read', subject: 'Petition' }])) {
  const server = fakeServer(handlers);
  const { plugins, router } = portalPlugins(ability, server);
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

  it('reminds a unit that screens of its reports due soon or missing, with the way to submit them', async () => {
    const reminders: ScreeningRemindersQuery['screeningReminders'] = [
      { unit: { id: 'v', name: '石桥村', kind: 'VILLAGE' }, periodStart: '2026-04-16', periodEnd: '2026-04-30', dueDate: '2026-05-03', status: 'MISSING', daysLeft: -2, own: true },
      { unit: { id: 'v', name: '石桥村', kind: 'VILLAGE' }, periodStart: '2026-05-01', periodEnd: '2026-05-15', dueDate: '2026-05-18', status: 'DUE', daysLeft: 2, own: true },
      { unit: { id: 'g', name: '石桥村一组', kind: 'VILLAGE_GROUP' }, periodStart: '2026-04-27', periodEnd: '2026-05-03', dueDate: '2026-05-04', status: 'MISSING', daysLeft: -1, own: false },
    ];
    const screening = createAbility([
      { action: 'read', subject: 'Petition' },
      { action: 'create', subject: 'ScreeningReport' },
      { action: 'review', subject: 'ScreeningReport' },
    ]);
    const { server } = await renderPage({ MyWorkCounts: () => counts(0, 0, 0), PetitionList: () => list([]), ScreeningReminders: () => ({ data: { screeningReminders: reminders } }) }, screening);
    await vi.waitFor(() => expect(byTestId('screening-reminders')).not.toBeNull());
    expect(server.callsOf('ScreeningReminders')).toHaveLength(1);
    expect(textOf('screening-reminder-own-2026-04-16')).toContain('未报送');
    expect(textOf('screening-reminder-own-2026-04-16')).toContain('2026年4月下半月，已过截止日 2 天，未报送');
    expect(textOf('screening-reminder-own-2026-05-01')).toContain('2 天后截止（2026-05-18）');
    expect(byTestId('screening-reminder-submit-2026-05-01')?.getAttribute('href')).toBe('/screening/submit?period=2026-05-01');
    expect(textOf('screening-reminder-below-石桥村一组-2026-04-27')).toContain('石桥村一组');
  });

  it('shows no reminder when there is nothing to chase, and asks nothing of a user who does not screen', async () => {
    const screening = createAbility([
      { action: 'read', subject: 'Petition' },
      { action: 'create', subject: 'ScreeningReport' },
    ]);
    const { server } = await renderPage({ MyWorkCounts: () => counts(0, 0, 0), PetitionList: () => list([]), ScreeningReminders: () => ({ data: { screeningReminders: [] } }) }, screening);
    await vi.waitFor(() => expect(server.callsOf('ScreeningReminders')).toHaveLength(1));
    await vi.waitFor(() => expect(textOf('my-work-empty')).toContain('暂无待办'));
    expect(byTestId('screening-reminders')).toBeNull();

    document.body.innerHTML = '';
    const other = await renderPage({ MyWorkCounts: () => counts(0, 0, 0), PetitionList: () => list([]) });
    await vi.waitFor(() => expect(textOf('my-work-empty')).toContain('暂无待办'));
    expect(other.server.callsOf('ScreeningReminders')).toEqual([]);
  });
});
