import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { serviceWorld, refusal, type ServiceWorld } from '../../testing/service-world.js';
import { dailySweep } from '../../jobs.js';
import { Notification } from '../notification/index.js';
import { Petition } from '../petition/index.js';
import { Unit } from '../unit/index.js';
import { ConferenceService } from './conference.service.js';
import { Circular, SupervisionOrder } from './supervision.entity.js';
import { SupervisionService } from './supervision.service.js';

// Supervision orders, circulars, accountability and joint conferences on the services over real PostgreSQL.

const supervision = new SupervisionService();
const conferences = new ConferenceService();
const today = shanghaiDate();

describe('supervision and joint conferences (PostgreSQL)', () => {
  let world: ServiceWorld;
  let keyCase: Petition;
  let land: Unit;
  const unit = (name: string) => world.em().findOneOrFail(Unit, { name });
  /** How many steps of a type a petition's timeline has. */
  const steps = async (petitionId: string, type: string) =>
    (await world.em().getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from petition_event where petition_id = ? and type = ?', [petitionId, type]))[0]!.n;

  beforeAll(async () => {
    world = await serviceWorld();
    land = await unit('县自然资源局');
    // A key matter the supervision group may read (key matters are its scope), handled by 县自然资源局.
    keyCase = (await world.em().find(Petition, { isKeyMatter: true, status: { $nin: ['CLOSED', 'NOT_ACCEPTED'] }, kind: { $ne: 'ACCUSATION' } }, { orderBy: { number: 'desc' }, limit: 1 }))[0]!;
  });
  afterAll(async () => world?.close());

  it('loads the demo county’s orders in every state, a circular, an accountability record and two conferences', async () => {
    const orders = await world.em().find(SupervisionOrder, {});
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['ISSUED', 'REPORTED', 'REOPENED', 'ACCEPTED']));
    expect(orders.filter((o) => o.status === 'ACCEPTED').map((o) => o.metOnTime).sort()).toEqual([false, false, true]);
    const circulars = await supervision.circulars(await world.as('shiqiao'));
    expect(circulars.totalCount).toBe(1);
    const bureau = await world.as('bureau');
    expect((await supervision.records(bureau)).totalCount).toBe(1);
    expect((await conferences.conferences(bureau)).totalCount).toBe(2);
    expect((await conferences.tasks(bureau, { overdue: true })).totalCount).toBe(1);
  });

  it('lets only the supervision group issue, and the named unit report; accept closes it on time', async () => {
    const input = { petitionId: keyCase.id, unitId: land.id, requirement: '请于期限内报送办理情况。', dueOn: addDays(today, 5) };
    for (const who of ['bureau', 'land', 'secretary', 'qingshan']) expect((await refusal(supervision.issue(await world.as(who), input))).code).toBe('FORBIDDEN');
    expect((await refusal(supervision.issue(await world.as('supervisor'), { ...input, dueOn: addDays(today, -1) }))).code).toBe('BAD_USER_INPUT');
    expect((await refusal(supervision.issue(await world.as('supervisor'), { ...input, screeningReportId: keyCase.id }))).code).toBe('BAD_USER_INPUT');
    const o = await supervision.issue(await world.as('supervisor'), input);
    expect(o.number).toMatch(/^督〔\d{4}〕\d+号$/);
    expect((await world.em().findOneOrFail(Petition, { id: keyCase.id })).isSupervised).toBe(true);
    expect(await steps(keyCase.id, 'SUPERVISED')).toBe(1);
    expect(await world.em().count(Notification, { orderId: o.id, kind: 'ORDER_ISSUED', unitId: land.id })).toBe(1);

    expect((await refusal(supervision.report(await world.as('hrss'), o.id, o.version, '无关单位'))).code).toBe('NOT_FOUND');
    expect((await refusal(supervision.report(await world.as('supervisor'), o.id, o.version, '督查组'))).code).toBe('FORBIDDEN');
    expect((await refusal(supervision.report(await world.as('land'), o.id, o.version - 1, '旧版本'))).code).toBe('CONFLICT');
    expect((await refusal(supervision.close(await world.as('supervisor'), o.id, o.version, 'ACCEPT', null, null))).code).toBe('BAD_USER_INPUT');
    const reported = await supervision.report(await world.as('land'), o.id, o.version, '已完成核查并答复。');
    expect(reported.status).toBe('REPORTED');
    expect((await refusal(supervision.report(await world.as('land'), o.id, reported.version, '再报'))).code).toBe('BAD_USER_INPUT');
    expect((await refusal(supervision.close(await world.as('land'), o.id, reported.version, 'ACCEPT', null, null))).code).toBe('FORBIDDEN');
    const accepted = await supervision.close(await world.as('supervisor'), o.id, reported.version, 'ACCEPT', '同意办结', null);
    expect([accepted.status, accepted.metOnTime, accepted.closedOn]).toEqual(['ACCEPTED', true, today]);
    expect((await supervision.history(await world.as('land'), accepted)).map((s) => s.step)).toEqual(['ISSUED', 'REPORTED', 'ACCEPTED']);
  });

  it('sends a report back with a reason and a new due day, and the unit reports again', async () => {
    const o = await supervision.issue(await world.as('supervisor'), { petitionId: keyCase.id, unitId: land.id, requirement: '补充材料。', dueOn: today });
    const r = await supervision.report(await world.as('land'), o.id, o.version, '已补充。');
    expect((await refusal(supervision.close(await world.as('supervisor'), o.id, r.version, 'REOPEN', null, addDays(today, 7)))).code).toBe('BAD_USER_INPUT');
    expect((await refusal(supervision.close(await world.as('supervisor'), o.id, r.version, 'REOPEN', '不够具体', null))).code).toBe('BAD_USER_INPUT');
    const back = await supervision.close(await world.as('supervisor'), o.id, r.version, 'REOPEN', '不够具体', addDays(today, 7));
    expect([back.status, back.reopenCount, back.dueOn]).toEqual(['REOPENED', 1, addDays(today, 7)]);
    expect(await world.em().count(Notification, { orderId: o.id, kind: 'ORDER_REOPENED' })).toBe(1);
    const again = await supervision.report(await world.as('land'), o.id, back.version, '已具体说明。');
    expect(again.status).toBe('REPORTED');
  });

  it('publishes circulars to the whole county and keeps accountability to the unit named', async () => {
    const o = (await supervision.orders(await world.as('supervisor'), { unitId: land.id })).edges[0]!.node;
    expect((await refusal(supervision.publish(await world.as('bureau'), { unitId: land.id, title: '通报', failure: '逾期' }))).code).toBe('FORBIDDEN');
    const qingshan = await unit('青山乡');
    expect((await refusal(supervision.publish(await world.as('supervisor'), { unitId: qingshan.id, title: '通报', failure: '逾期', orderId: o.id }))).code).toBe('BAD_USER_INPUT');
    const c = await supervision.publish(await world.as('supervisor'), { unitId: land.id, title: '关于县自然资源局的通报', failure: '督办事项反馈不及时。', orderId: o.id });
    expect(c.petitionId).toBe(o.petitionId);
    expect(await world.em().count(Notification, { circularId: c.id, unitId: land.id })).toBe(1);
    for (const who of ['shiqiao', 'hrss', 'qingshan', 'secretary']) expect((await supervision.circulars(await world.as(who), { unitId: land.id })).totalCount).toBe(1);
    expect((await refusal(supervision.recordAccountability(await world.as('bureau'), { unitId: land.id, post: '副局长', measure: 'CRITICISM', authority: '县纪委监委', decidedOn: today }))).code).toBe('FORBIDDEN');
    expect((await refusal(supervision.recordAccountability(await world.as('supervisor'), { unitId: land.id, post: '副局长', measure: 'OTHER', authority: '县纪委监委', decidedOn: today }))).code).toBe('BAD_USER_INPUT');
    await supervision.recordAccountability(await world.as('supervisor'), { unitId: land.id, post: '副局长', measure: 'CRITICISM', authority: '县纪委监委', decidedOn: today, circularId: c.id });
    expect((await supervision.records(await world.as('land'))).totalCount).toBe(1);
    expect((await supervision.records(await world.as('hrss'))).totalCount).toBe(0);
    expect(await world.em().count(Circular, {})).toBe(2);
  });

  it('records a conference: decisions on the timeline, tasks on the owner unit’s list until done', async () => {
    const leader = (await world.em().findOneOrFail((await import('../user/index.js')).User, { username: 'magistrate' })).id;
    const base = { heldOn: today, title: '集中会办', chairUserId: leader, attendingUnitIds: [land.id], items: [{ petitionId: keyCase.id, decision: '限期解决。', tasks: [{ ownerUnitId: land.id, description: '提出解决办法', dueOn: addDays(today, 2) }] }] };
    expect((await refusal(conferences.record(await world.as('supervisor'), base))).code).toBe('FORBIDDEN');
    expect((await refusal(conferences.record(await world.as('land'), base))).code).toBe('FORBIDDEN');
    expect((await refusal(conferences.record(await world.as('bureau'), { ...base, chairUserId: (await world.as('bureau')).user.id }))).code).toBe('BAD_USER_INPUT');
    expect((await refusal(conferences.record(await world.as('bureau'), { ...base, items: [base.items[0]!, base.items[0]!] }))).code).toBe('BAD_USER_INPUT');
    const before = await steps(keyCase.id, 'CONFERENCE_DECISION');
    const c = await conferences.record(await world.as('bureau'), base);
    expect(await steps(keyCase.id, 'CONFERENCE_DECISION')).toBe(before + 1);
    const mine = await conferences.tasks(await world.as('land'), { mine: true, open: true, conferenceId: c.id });
    expect(mine.totalCount).toBe(1);
    expect((await conferences.tasks(await world.as('hrss'), { conferenceId: c.id })).totalCount).toBe(0);
    const task = mine.edges[0]!.node;
    expect((await refusal(conferences.complete(await world.as('hrss'), task.id, task.version, null))).code).toBe('NOT_FOUND');
    const done = await conferences.complete(await world.as('land'), task.id, task.version, '已提出');
    expect(done.doneOn).toBe(today);
    expect((await refusal(conferences.complete(await world.as('land'), task.id, done.version, null))).code).toBe('BAD_USER_INPUT');
  });

  it('warns of an order at the sweep’s boundaries: nothing four days before, yellow three days before and on the day, red the day after; none once reported', async () => {
    const supervisor = await world.as('supervisor');
    const qingshan = await unit('青山乡');
    // A sweep forty days on, each order's due day set at a boundary of that day.
    const day = addDays(today, 40);
    const made: Record<string, string> = {};
    for (const [name, offset] of [['four', 4], ['three', 3], ['day', 0], ['after', -1]] as const) {
      const o = await supervision.issue(supervisor, { petitionId: keyCase.id, unitId: qingshan.id, requirement: `边界${name}`, dueOn: today });
      await world.em().nativeUpdate(SupervisionOrder, { id: o.id }, { dueOn: addDays(day, offset) });
      made[name] = o.id;
    }
    const reported = await supervision.issue(supervisor, { petitionId: keyCase.id, unitId: qingshan.id, requirement: '已反馈', dueOn: today });
    await supervision.report(await world.as('qingshan'), reported.id, reported.version, '已办');
    await world.em().nativeUpdate(SupervisionOrder, { id: reported.id }, { dueOn: addDays(day, -1) });
    expect(await dailySweep(world.em(), day)).toBeGreaterThan(0);
    const kinds = async (id: string) => (await world.em().find(Notification, { orderId: id, kind: { $in: ['WARNING_YELLOW', 'WARNING_RED'] } })).map((n) => n.kind).sort();
    expect(await kinds(made.four!)).toEqual([]);
    expect(await kinds(made.three!)).toEqual(['WARNING_YELLOW']);
    expect(await kinds(made.day!)).toEqual(['WARNING_YELLOW']);
    // Red to 青山乡, the county above it and the bureau.
    expect(await kinds(made.after!)).toEqual(['WARNING_RED', 'WARNING_RED', 'WARNING_RED']);
    expect(await kinds(reported.id)).toEqual([]);
  });

  it('warns of orders’ and tasks’ due days in the daily sweep: yellow to the unit, red to it, the unit above and the bureau', async () => {
    expect(await dailySweep(world.em(), today)).toBeGreaterThan(0);
    const red = (await world.em().find(SupervisionOrder, { status: 'ISSUED', dueOn: { $lt: today } }))[0]!;
    const told = await world.em().find(Notification, { orderId: red.id, kind: 'WARNING_RED' });
    const bureau = await unit('县群众工作局');
    expect(new Set(told.map((n) => n.unitId))).toEqual(new Set([red.unitId, red.parentUnitId, bureau.id].filter(Boolean)));
    const yellow = (await world.em().find(SupervisionOrder, { status: 'ISSUED', dueOn: addDays(today, 2) }))[0]!;
    expect((await world.em().find(Notification, { orderId: yellow.id, kind: 'WARNING_YELLOW' })).map((n) => n.unitId)).toEqual([yellow.unitId]);
    expect(await world.em().count(Notification, { kind: 'WARNING_RED', taskId: { $ne: null } })).toBeGreaterThan(0);
    const count = await world.em().count(Notification, {});
    expect(await dailySweep(world.em(), today)).toBeNull();
    expect(await world.em().count(Notification, {})).toBe(count);
  });
});
