import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

// The inbox over HTTP (issue 9): the daily sweep has run at start on the demo county.

const INBOX = '{ unreadNotificationCount notifications { id kind dueOn createdAt read petition { id number warning } } }';

describe.each(DATABASE_MODES)('the inbox on %s', (mode) => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  const must = async (u: string, query: string, variables: Record<string, unknown> = {}) => {
    const a = await gql(platform.url, query, variables, tokens[u]);
    expect(a.errors, a.text).toBeUndefined();
    return a.data!;
  };

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    for (const u of ['bureau', 'land', 'qingshan', 'admin', 'secretary']) tokens[u] = await signIn(platform.url, u);
  });
  afterAll(async () => platform?.stop());

  it('tells the bureau of red warnings and of hard cases whose 包案 is missing, newest first, once', async () => {
    const { notifications, unreadNotificationCount } = await must('bureau', INBOX);
    // Nothing read yet: the badge counts the whole inbox, which answers at most 100.
    if (notifications.length < 100) expect(unreadNotificationCount).toBe(notifications.length);
    else expect(unreadNotificationCount).toBeGreaterThanOrEqual(100);
    const kinds = new Set(notifications.map((n: { kind: string }) => n.kind));
    expect(kinds.has('WARNING_RED')).toBe(true);
    expect(kinds.has('OWNERSHIP_MISSING')).toBe(true);
    const times = notifications.map((n: { createdAt: string }) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A red warning about a petition: that petition is red (an order's or a task's names no petition).
    for (const n of notifications.filter((x: { kind: string; petition: unknown }) => x.kind === 'WARNING_RED' && x.petition)) expect(n.petition.warning, n.petition.number).toBe('RED');
    const runs: Array<{ n: number }> = await platform.orm.em.getConnection().execute('select count(*)::int as n from sweep_run');
    expect(runs[0]!.n).toBe(1);
  });

  it('gives each unit its own inbox, its petitions only as far as it may read them', async () => {
    const land = (await must('land', INBOX)).notifications as Array<{ kind: string; petition: { id: string } | null }>;
    expect(land.length).toBeGreaterThan(0);
    expect(land.every((n) => n.kind !== 'OWNERSHIP_MISSING')).toBe(true);
    for (const n of land.filter((x) => x.petition)) expect((await must('land', 'query($id: ID!) { petition(id: $id) { id } }', { id: n.petition!.id })).petition.id).toBe(n.petition!.id);
    expect((await must('admin', INBOX)).notifications).toEqual([]);
    expect(codeOf(await gql(platform.url, INBOX))).toBe('UNAUTHENTICATED');
  });

  it('marks read for the reader only, and ignores another unit’s notifications', async () => {
    const before = await must('land', INBOX);
    const first = before.notifications[0];
    expect((await must('land', 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: [first.id] })).markNotificationsRead).toBe(1);
    const after = await must('land', INBOX);
    expect(after.unreadNotificationCount).toBe(before.unreadNotificationCount - 1);
    expect(after.notifications.find((n: { id: string }) => n.id === first.id).read).toBe(true);
    expect((await must('land', '{ notifications(unreadOnly: true) { id } }')).notifications.map((n: { id: string }) => n.id)).not.toContain(first.id);
    const bureauOne = (await must('bureau', '{ notifications { id } }')).notifications[0].id;
    expect((await must('land', 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: [bureauOne, 'not-an-id'] })).markNotificationsRead).toBe(0);
    // 全部标为已读, however many: the unit's own, for the reader only.
    const unread = (await must('land', INBOX)).unreadNotificationCount;
    expect((await must('land', 'mutation { markAllNotificationsRead }')).markAllNotificationsRead).toBe(unread);
    expect((await must('land', INBOX)).unreadNotificationCount).toBe(0);
    expect((await must('bureau', INBOX)).unreadNotificationCount).toBeGreaterThan(0);
  });
});
