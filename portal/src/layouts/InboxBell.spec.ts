import { mount } from '@vue/test-utils';
import { createAbility, defineAbilityFor, type AppAbility } from '@xinfang/permissions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationLineFragment } from '@/gql/graphql';
import { byTestId, click } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import InboxBell from './InboxBell.vue';
import MainLayout from './MainLayout.vue';

const PETITION = '00000000-0000-4000-8000-0000000000a1';
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const LINES: NotificationLineFragment[] = [
  { id: 'n1', kind: 'WARNING_RED', dueOn: '2026-05-01', createdAt: minutesAgo(5), read: false, petition: { id: PETITION, number: 'SFX-2026-00017' }, order: null, task: null, circular: null, assessmentYear: null },
  { id: 'n2', kind: 'WARNING_YELLOW', dueOn: '2026-05-12', createdAt: minutesAgo(180), read: false, petition: null, order: null, task: null, circular: null, assessmentYear: null },
  { id: 'n3', kind: 'OWNERSHIP_MISSING', dueOn: null, createdAt: minutesAgo(3 * 24 * 60), read: true, petition: { id: 'p3', number: 'SFX-2024-00003' }, order: null, task: null, circular: null, assessmentYear: null },
];

const bureau = () => defineAbilityFor({ id: 'u', roles: ['BUREAU'], unitId: 'b', unitKind: 'BUREAU', countyId: 'c', townshipId: null, villageId: null });
const admin = () => defineAbilityFor({ id: 'a', roles: ['ADMIN'], unitId: 'c', unitKind: 'COUNTY', countyId: 'c', townshipId: null, villageId: null });

/** An inbox on the fake server: the count follows what has been marked read. */
function inbox(lines: NotificationLineFragment[]): FakeHandlers {
  const read = new Set(lines.filter((n) => n.read).map((n) => n.id));
  return {
    UnreadNotificationCount: () => ({ data: { unreadNotificationCount: lines.filter((n) => !read.has(n.id)).length } }),
    Notifications: (v) => ({ data: { notifications: lines.map((n) => ({ ...n, read: read.has(n.id) })).filter((n) => !v.unreadOnly || !n.read) } }),
    MarkAllNotificationsRead: () => {
      const fresh = lines.filter((n) => !read.has(n.id));
      fresh.forEach((n) => read.add(n.id));
      return { data: { markAllNotificationsRead: fresh.length } };
    },
    MarkNotificationsRead: (v) => {
      const ids = v.ids as string[];
      const fresh = ids.filter((id) => !read.has(id));
      fresh.forEach((id) => read.add(id));
      return { data: { markNotificationsRead: fresh.length } };
    },
  };
}

async function renderBell(handlers: FakeHandlers, ability: AppAbility = bureau()) {
  const server = fakeServer(handlers);
  const { plugins, router } = portalPlugins(ability, server);
  await router.push('/inbox');
  await router.isReady();
  const wrapper = mount(InboxBell, { global: { plugins }, attachTo: document.body });
  return { wrapper, server, router };
}

const bell = () => byTestId('inbox-bell');

describe('the inbox bell in the header', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the unread count as a badge, and says it in words for the ear', async () => {
    await renderBell(inbox(LINES));
    await vi.waitFor(() => expect(byTestId('inbox-bell-label')?.textContent).toBe('站内通知（2条未读）'));
    expect(byTestId('inbox-bell-badge')?.querySelector('.el-badge__content')?.textContent?.trim()).toBe('2');
  });

  it('hides the badge when nothing is unread', async () => {
    await renderBell(inbox([]));
    await vi.waitFor(() => expect(byTestId('inbox-bell-label')?.textContent).toBe('站内通知（0条未读）'));
    const badge = byTestId('inbox-bell-badge')?.querySelector<HTMLElement>('.el-badge__content');
    expect(!badge || badge.style.display === 'none').toBe(true);
  });

  it('opens on the newest notifications: the kind in words, the petition as a link, the deadline and how long ago; unread ones stand out', async () => {
    await renderBell(inbox(LINES));
    await click('inbox-bell');
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="inbox-popover"] [data-testid="notification"]')).toHaveLength(3));
    const lines = [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-popover"] [data-testid="notification"]')];
    expect(lines.map((l) => l.querySelector('[data-testid="notification-kind"]')?.textContent)).toEqual(['红色预警：已超期', '黄色预警：期限将至', '包案“五个一”未落实']);
    expect(lines.map((l) => l.dataset.read)).toEqual(['no', 'no', 'yes']);
    expect(lines.map((l) => l.classList.contains('unread'))).toEqual([true, true, false]);
    expect(lines[0]?.textContent).toContain('未读');
    const link = lines[0]?.querySelector<HTMLAnchorElement>('[data-testid="notification-petition"]');
    expect(link?.textContent?.trim()).toBe('信访事项 SFX-2026-00017');
    expect(link?.getAttribute('href')).toBe(`/petitions/${PETITION}`);
    expect(lines[0]?.querySelector('[data-testid="notification-due"]')?.textContent).toBe('期限 2026-05-01');
    expect(lines[0]?.querySelector('[data-testid="notification-age"]')?.textContent).toBe('5分钟前');
    expect(lines[1]?.querySelector('[data-testid="notification-petition"]')).toBeNull();
    expect(lines[1]?.textContent).toContain('本单位无权查看该信访事项');
    expect(lines[2]?.querySelector('[data-testid="notification-due"]')).toBeNull();
    expect(byTestId('inbox-view-all')?.getAttribute('href')).toBe('/inbox');
  });

  it('says 暂无通知 when the inbox is empty', async () => {
    await renderBell(inbox([]));
    await click('inbox-bell');
    await vi.waitFor(() => expect(byTestId('inbox-empty')?.textContent).toContain('暂无通知'));
  });

  it('marks a notification read when its petition is opened, and counts one fewer', async () => {
    const { server, router } = await renderBell(inbox(LINES));
    await click('inbox-bell');
    await vi.waitFor(() => expect(byTestId('notification-petition')).not.toBeNull());
    await click('notification-petition');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/petitions/${PETITION}`), { timeout: 10_000 });
    expect(server.callsOf('MarkNotificationsRead')).toEqual([{ ids: ['n1'] }]);
    await vi.waitFor(() => expect(byTestId('inbox-bell-label')?.textContent).toBe('站内通知（1条未读）'));
  });

  it('marks every notification of the unit read at once, on the server, not only those shown', async () => {
    const { server } = await renderBell(inbox(LINES));
    await click('inbox-bell');
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="notification"]')).toHaveLength(3));
    await click('inbox-mark-all');
    await vi.waitFor(() => expect(byTestId('inbox-bell-label')?.textContent).toBe('站内通知（0条未读）'));
    expect(server.callsOf('MarkAllNotificationsRead')).toHaveLength(1);
    expect(server.callsOf('MarkNotificationsRead')).toEqual([]);
    await vi.waitFor(() => expect([...document.querySelectorAll<HTMLElement>('[data-testid="notification"]')].map((l) => l.dataset.read)).toEqual(['yes', 'yes', 'yes']));
  });

  it('asks for the count again on every navigation, and every minute while the page is visible', async () => {
    const ticks: Array<() => void> = [];
    vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms?: number) => {
      if (ms === 60_000) ticks.push(fn);
      return 0 as unknown as ReturnType<typeof setInterval>;
    }) as typeof setInterval);
    const { server, router } = await renderBell(inbox(LINES));
    const asked = () => server.callsOf('UnreadNotificationCount').length;
    await vi.waitFor(() => expect(asked()).toBe(1));

    await router.push('/my-work');
    await vi.waitFor(() => expect(asked()).toBe(2));

    expect(ticks).toHaveLength(1);
    ticks[0]?.();
    await vi.waitFor(() => expect(asked()).toBe(3));

    // A page in a background tab does not ask.
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    ticks[0]?.();
    await new Promise((r) => setTimeout(r, 50));
    expect(asked()).toBe(3);
    // Back in view, it asks at once.
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(asked()).toBe(4));
  });
});

describe('the header', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  async function renderLayout(ability: AppAbility) {
    const server = fakeServer(inbox(LINES));
    const { plugins, router } = portalPlugins(ability, server);
    await router.push('/login');
    await router.isReady();
    mount(MainLayout, { global: { plugins, stubs: { RouterView: true } }, attachTo: document.body });
    return server;
  }

  it('gives every unit’s user the bell', async () => {
    await renderLayout(bureau());
    await vi.waitFor(() => expect(byTestId('inbox-bell-label')?.textContent).toBe('站内通知（2条未读）'));
  });

  it('shows the administrator, whose inbox is always empty, no bell and asks nothing', async () => {
    const server = await renderLayout(admin());
    await new Promise((r) => setTimeout(r, 50));
    expect(bell()).toBeNull();
    expect(server.calls).toEqual([]);
  });

  it('shows no bell to a user without rules', async () => {
    await renderLayout(createAbility([]));
    expect(bell()).toBeNull();
  });
});
