import { mount } from '@vue/test-utils';
import { defineAbilityFor } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationLineFragment } from '@/gql/graphql';
import { byTestId, click } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import InboxPage from './InboxPage.vue';

const PETITION = '00000000-0000-4000-8000-0000000000b1';
const LINES: NotificationLineFragment[] = [
  { id: 'n1', kind: 'WARNING_RED', dueOn: '2026-05-01', createdAt: '2026-05-09T08:00:00Z', read: false, petition: { id: PETITION, number: 'SFX-2026-00021' }, order: null, task: null, circular: null, assessmentYear: null },
  { id: 'n2', kind: 'OWNERSHIP_MISSING', dueOn: null, createdAt: '2026-05-08T08:00:00Z', read: false, petition: { id: 'p2', number: 'SFX-2023-00002' }, order: null, task: null, circular: null, assessmentYear: null },
  { id: 'n3', kind: 'WARNING_YELLOW', dueOn: '2026-05-12', createdAt: '2026-05-07T08:00:00Z', read: true, petition: null, order: null, task: null, circular: null, assessmentYear: null },
];

function inbox(lines: NotificationLineFragment[]): FakeHandlers {
  const read = new Set(lines.filter((n) => n.read).map((n) => n.id));
  return {
    Notifications: (v) => ({ data: { notifications: lines.map((n) => ({ ...n, read: read.has(n.id) })).filter((n) => !v.unreadOnly || !n.read) } }),
    MarkAllNotificationsRead: () => {
      const fresh = lines.filter((n) => !read.has(n.id));
      fresh.forEach((n) => read.add(n.id));
      return { data: { markAllNotificationsRead: fresh.length } };
    },
    MarkNotificationsRead: (v) => {
      const fresh = (v.ids as string[]).filter((id) => !read.has(id));
      fresh.forEach((id) => read.add(id));
      return { data: { markNotificationsRead: fresh.length } };
    },
  };
}

async function renderPage(handlers: FakeHandlers, path = '/inbox') {
  const server = fakeServer(handlers);
  const ability = defineAbilityFor({ id: 'u', roles: ['TOWNSHIP'], unitId: 't', unitKind: 'TOWNSHIP', countyId: 'c', townshipId: 't', villageId: null });
  const { plugins, router } = portalPlugins(ability, server);
  await router.push(path);
  await router.isReady();
  mount(InboxPage, { global: { plugins }, attachTo: document.body });
  return { server, router };
}

const lines = () => [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-list"] [data-testid="notification"]')];
const tab = (name: string) => [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-tabs"] [role="tab"]')].find((t) => t.textContent?.trim() === name);

describe('the inbox page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('opens on the unread notifications, and shows all on its second tab, kept in the address', async () => {
    const { server, router } = await renderPage(inbox(LINES));
    await vi.waitFor(() => expect(lines()).toHaveLength(2));
    expect(byTestId('inbox-title')?.textContent).toBe('站内通知');
    expect(server.callsOf('Notifications')[0]).toEqual({ unreadOnly: true });
    expect(lines().map((l) => l.querySelector('[data-testid="notification-kind"]')?.textContent)).toEqual(['红色预警：已超期', '包案“五个一”未落实']);

    await click(tab('全部') as HTMLElement);
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ tab: 'all' }));
    await vi.waitFor(() => expect(lines()).toHaveLength(3));
    expect(server.callsOf('Notifications').at(-1)).toEqual({ unreadOnly: false });
    expect(lines().map((l) => l.dataset.read)).toEqual(['no', 'no', 'yes']);
    expect(lines()[2]?.textContent).toContain('期限 2026-05-12');
  });

  it('marks one read with its button, and all of them at once', async () => {
    const { server } = await renderPage(inbox(LINES));
    await vi.waitFor(() => expect(lines()).toHaveLength(2));
    await click(lines()[1]?.querySelector('[data-testid="notification-mark-read"]') as HTMLElement);
    await vi.waitFor(() => expect(lines()).toHaveLength(1));
    expect(server.callsOf('MarkNotificationsRead')).toEqual([{ ids: ['n2'] }]);

    await click('inbox-page-mark-all');
    await vi.waitFor(() => expect(byTestId('inbox-page-empty')?.textContent).toContain('暂无未读通知'));
    expect(server.callsOf('MarkAllNotificationsRead')).toHaveLength(1);
    expect(server.callsOf('MarkNotificationsRead')).toHaveLength(1);
    expect(byTestId('inbox-page-mark-all')?.hasAttribute('disabled')).toBe(true);
  });

  it('marks a notification read when its petition is opened', async () => {
    const { server, router } = await renderPage(inbox(LINES), '/inbox?tab=all');
    await vi.waitFor(() => expect(lines()).toHaveLength(3));
    await click(lines()[0]?.querySelector('[data-testid="notification-petition"]') as HTMLElement);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/petitions/${PETITION}`), { timeout: 10_000 });
    expect(server.callsOf('MarkNotificationsRead')).toEqual([{ ids: ['n1'] }]);
  });

  it('names the supervision kinds in Chinese and links each to its order or circular', async () => {
    const supervision: NotificationLineFragment[] = [
      { id: 's1', kind: 'ORDER_ISSUED', dueOn: '2026-12-10', createdAt: '2026-12-01T08:00:00Z', read: false, petition: { id: PETITION, number: 'SFX-2026-00021' }, order: { id: 'o1', number: '督〔2026〕3号' }, task: null, circular: null, assessmentYear: null },
      { id: 's2', kind: 'ORDER_REOPENED', dueOn: '2026-12-20', createdAt: '2026-11-30T08:00:00Z', read: false, petition: null, order: { id: 'o2', number: '督〔2026〕2号' }, task: null, circular: null, assessmentYear: null },
      { id: 's3', kind: 'CIRCULAR_PUBLISHED', dueOn: null, createdAt: '2026-11-29T08:00:00Z', read: false, petition: null, order: null, task: null, circular: { id: 'c1', number: '通〔2026〕1号', title: '通报' }, assessmentYear: null },
      { id: 's4', kind: 'ASSESSMENT_REVIEW', dueOn: '2026-01-19', createdAt: '2026-11-28T08:00:00Z', read: false, petition: null, order: null, task: null, circular: null, assessmentYear: 2025 },
    ];
    const { router } = await renderPage(inbox(supervision));
    await vi.waitFor(() => expect(lines()).toHaveLength(4));
    expect(lines().map((l) => l.querySelector('[data-testid="notification-kind"]')?.textContent)).toEqual(['收到督办单', '督办反馈被退回重办', '本单位被通报', '考核结果公示：可对本单位结果提出异议']);
    expect(lines()[3]?.querySelector('[data-testid="notification-assessment"]')?.textContent?.trim()).toBe('2025年度考核结果');
    expect(lines()[0]?.querySelector('[data-testid="notification-order"]')?.textContent?.trim()).toBe('督办单 督〔2026〕3号');
    expect(lines()[2]?.querySelector('[data-testid="notification-circular"]')?.textContent?.trim()).toBe('通报 通〔2026〕1号');
    await click(lines()[0]?.querySelector('[data-testid="notification-order"]') as HTMLElement);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/supervision/o1'), { timeout: 10_000 });
  });

  it('says 暂无通知 when the unit has none', async () => {
    await renderPage(inbox([]), '/inbox?tab=all');
    await vi.waitFor(() => expect(byTestId('inbox-page-empty')?.textContent).toContain('暂无通知'));
  });

  it('says why when the inbox cannot be read', async () => {
    await renderPage({ Notifications: () => ({ error: { code: 'SERVICE_UNAVAILABLE' } }) });
    await vi.waitFor(() => expect(byTestId('inbox-error')).not.toBeNull());
  });
});
