import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { serviceWorld, type ServiceWorld } from '../../testing/service-world.js';
import { Petition, PetitionWorkflow } from '../petition/index.js';
import { Unit } from '../unit/index.js';
import { Notification } from './notification.entity.js';
import { NotificationService, sweepNotifications } from './notification.service.js';

// The daily warning sweep and the inbox on the services over real PostgreSQL.

const inbox = new NotificationService();
const workflow = new PetitionWorkflow();

describe('the warning sweep and the inbox (PostgreSQL)', () => {
  let world: ServiceWorld;
  const unit = (name: string) => world.em().findOneOrFail(Unit, { name });
  const day = shanghaiDate();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await serviceWorld({ petitions: false });
    const village = await unit('石桥村');
    const land = await unit('县自然资源局');
    // Five petitions handled by 县自然资源局, their current deadline set to each boundary.
    for (const [name, offset] of [['fourDays', 4], ['threeDays', 3], ['dueToday', 0], ['dayAfter', -1]] as const) {
      let p = await workflow.register(await world.as('bureau'), {
        channel: 'LETTER', kind: 'CLAIM', categoryCode: 'LAND', subject: `预警${name}`, content: '测试预警。', receivedAt: day, headcount: 1,
        locationUnitId: village.id, petitioner: { name: '预警测试人' },
      });
      p = await workflow.accept(await world.as('bureau'), p.id, p.version);
      p = await workflow.assign(await world.as('bureau'), p.id, p.version, land.id, 'ASSIGN');
      await world.em().nativeUpdate(Petition, { id: p.id }, { currentDeadline: addDays(day, offset) });
      ids[name] = p.id;
    }
  });
  afterAll(async () => world?.close());

  it('warns yellow from three days before the deadline through its day, red the day after to the handler, the unit above and the bureau', async () => {
    expect(await sweepNotifications(world.em(), day)).toBeGreaterThan(0);
    const rows = await world.em().find(Notification, { petitionId: { $in: Object.values(ids) } });
    const names = new Map<string, string>((await world.em().find(Unit, {})).map((u) => [u.id, u.name]));
    const told = (name: string) => rows.filter((r) => r.petitionId === ids[name]).map((r) => `${r.kind} ${names.get(r.unitId)}`).sort();
    expect(told('fourDays')).toEqual([]);
    expect(told('threeDays')).toEqual(['WARNING_YELLOW 县自然资源局']);
    expect(told('dueToday')).toEqual(['WARNING_YELLOW 县自然资源局']);
    expect(told('dayAfter')).toEqual(['WARNING_RED 县群众工作局', 'WARNING_RED 县自然资源局', 'WARNING_RED 示范县']);
  });

  it('sweeps once a day: a second run, and two instances at once, add nothing', async () => {
    const before = await world.em().count(Notification, {});
    expect(await sweepNotifications(world.em(), day)).toBeNull();
    const next = addDays(day, 1);
    const [a, b] = await Promise.all([sweepNotifications(world.orm.em.fork(), next), sweepNotifications(world.orm.em.fork(), next)]);
    expect([a, b].filter((x) => x === null)).toHaveLength(1);
    // The next day's yellow warnings are the same ones (same deadline): only the newly red are added.
    const added = (a ?? b)!;
    expect(await world.em().count(Notification, {})).toBe(before + added);
    const tomorrow = await world.em().find(Notification, { petitionId: ids.dueToday! });
    expect(tomorrow.map((n) => n.kind).sort()).toEqual(['WARNING_RED', 'WARNING_RED', 'WARNING_RED', 'WARNING_YELLOW']);
  });

  it('shows a unit only its own inbox, newest first, and keeps read per user', async () => {
    const land = await world.as('land');
    const mine = await inbox.list(land, false);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((n) => n.unitId))).toEqual(new Set([(await unit('县自然资源局')).id]));
    const times = mine.map((n) => n.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(await inbox.list(await world.as('qingshan'), false)).toEqual([]);
    const unread = await inbox.unreadCount(land);
    expect(await inbox.markRead(land, [mine[0]!.id, mine[0]!.id])).toBe(1);
    expect(await inbox.markRead(land, [mine[0]!.id])).toBe(0);
    expect(await inbox.unreadCount(await world.as('land'))).toBe(unread - 1);
    // Another unit's notification is not marked for it, whatever it sends.
    const bureauOwn = (await inbox.list(await world.as('bureau'), false))[0]!;
    expect(await inbox.markRead(await world.as('land'), [bureauOwn.id])).toBe(0);
    expect(await inbox.unreadCount(await world.as('bureau'))).toBeGreaterThan(0);
    // 全部标为已读: every one of the unit's, for this user only.
    const left = await inbox.unreadCount(await world.as('land'));
    expect(await inbox.markAllRead(await world.as('land'))).toBe(left);
    expect(await inbox.unreadCount(await world.as('land'))).toBe(0);
    expect(await inbox.markAllRead(await world.as('land'))).toBe(0);
    expect(await inbox.unreadCount(await world.as('bureau'))).toBeGreaterThan(0);
  });
});
