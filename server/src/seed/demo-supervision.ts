import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { Petition } from '../modules/petition/petition.entity.js';
import { appendEvents, type NewEvent } from '../modules/petition/timeline.service.js';
import { tell, type Message } from '../modules/notification/index.js';
import { Conference, ConferenceItem, ConferenceTask } from '../modules/supervision/conference.entity.js';
import { AccountabilityRecord, Circular, SupervisionEvent, SupervisionOrder } from '../modules/supervision/supervision.entity.js';
import { ScreeningReport } from '../modules/screening/screening.entity.js';
import { Unit } from '../modules/unit/unit.entity.js';
import { User } from '../modules/user/user.entity.js';

/**
 * The demo county's hard-case work (docs/domain.md §5), dated in the last full year and this one so
 * that the assessment has evidence to compute from: two joint conferences with decisions and tasks
 * (one task overdue), supervision orders in every state (one met on time, one accepted late, one
 * awaiting the group's decision, one sent back, one due within three days, one overdue, one on a
 * screening report), one circular against a township for the order it missed and one accountability
 * record. Deterministic (no draw): it picks the open hard cases oldest first. Does nothing when the
 * county has orders already or no hard cases.
 */
export async function seedDemoSupervision(em: EntityManager, countyName = '示范县'): Promise<number> {
  return em.transactional(async (tx) => {
    const county = await tx.findOne(Unit, { kind: 'COUNTY', name: countyName });
    if (!county) return 0;
    if ((await tx.count(SupervisionOrder, { countyId: county.id })) > 0) return 0;
    const hard = await tx.find(
      Petition,
      { countyId: county.id, status: { $nin: ['CLOSED', 'NOT_ACCEPTED'] }, $or: [{ isKeyMatter: true }, { isBacklog: true }], kind: { $ne: 'ACCUSATION' } },
      { orderBy: { receivedAt: 'asc', number: 'asc' } },
    );
    if (hard.length < 8) return 0;
    const units = await tx.find(Unit, { countyId: county.id });
    const byId = new Map(units.map((u) => [u.id, u]));
    const byName = new Map(units.map((u) => [u.name, u]));
    const supervisor = await tx.findOneOrFail(User, { countyId: county.id, roles: { $contains: ['SUPERVISOR'] } });
    const bureauUser = await tx.findOneOrFail(User, { countyId: county.id, roles: { $contains: ['BUREAU'] } });
    const leaders = await tx.find(User, { countyId: county.id, roles: { $contains: ['COUNTY_LEADER'] } }, { orderBy: { username: 'desc' } });
    const group = units.find((u) => u.kind === 'SUPERVISION_GROUP')!;
    const bureau = units.find((u) => u.kind === 'BUREAU')!;
    const today = shanghaiDate();
    const year = Number(today.slice(0, 4));
    const lastYear = (md: string) => `${year - 1}-${md}`;
    // A day this year, so many days ago (never before the year's second day).
    const ago = (days: number) => {
      const d = addDays(today, -days);
      return d < `${year}-01-02` ? `${year}-01-02` : d;
    };
    const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const events: NewEvent[] = [];
    const messages: Message[] = [];
    const responsible = (p: Petition) => byId.get(p.handlingUnitId ?? p.townshipId ?? p.locationUnitId)!;
    const step = (p: Petition, day: string, type: string, note: string | null, data: Record<string, unknown>, by: Unit, hour = 10) =>
      events.push({ petitionId: p.id, countyId: county.id, type, actorUserId: null, actorUnitId: by.id, actorName: by.name, fromStatus: p.status, toStatus: p.status, note, data, at: at(day, hour) });

    // ---- supervision orders
    const numbers = new Map<number, number>();
    const numberFor = (day: string) => {
      const y = Number(day.slice(0, 4));
      numbers.set(y, (numbers.get(y) ?? 0) + 1);
      return `督〔${y}〕${numbers.get(y)}号`;
    };
    const orders: SupervisionOrder[] = [];
    interface Plan {
      p: Petition | null;
      unit: Unit;
      issuedOn: string;
      dueOn: string;
      requirement: string;
      reportedOn?: string;
      report?: string;
      reopened?: { on: string; reason: string; dueOn: string };
      acceptedOn?: string;
      report2?: string;
      reportId?: string;
    }
    const township = (p: Petition) => byId.get(p.townshipId ?? p.locationUnitId)!;
    const missed = hard.find((p) => p.townshipId) ?? hard[0]!;
    const rest = hard.filter((p) => p !== missed);
    const zero = await tx.findOne(ScreeningReport, { countyId: county.id, isZeroReport: true, unitKind: 'VILLAGE' }, { orderBy: { periodStart: 'desc' } });
    const plans: Plan[] = [
      // Last year: met on time.
      { p: rest[0]!, unit: responsible(rest[0]!), issuedOn: lastYear('03-10'), dueOn: lastYear('04-10'), requirement: '请责任单位于期限内完成诉求核查，形成书面处理意见并向信访人反馈。', reportedOn: lastYear('04-02'), report: '已完成现场核查，出具书面处理意见，当面向信访人反馈，信访人表示理解。', acceptedOn: lastYear('04-08') },
      // Last year: the township missed it, reported late after a circular; accepted late.
      { p: missed, unit: township(missed), issuedOn: lastYear('06-05'), dueOn: lastYear('06-30'), requirement: '请属地乡镇落实包案化解措施，每周报告稳控情况，期限内报送化解进展。', reportedOn: lastYear('08-20'), report: '已召开协调会，落实专人稳控，化解方案正在推进。', acceptedOn: lastYear('08-28') },
      // This year: awaiting the group's decision.
      { p: rest[1]!, unit: responsible(rest[1]!), issuedOn: ago(40), dueOn: ago(10), requirement: '请按照包案化解方案推进落实，报送阶段性化解情况。', reportedOn: ago(12), report: '已按方案完成第一阶段工作，信访人诉求中的两项已解决，其余正在协调。' },
      // This year: sent back once, due again in a fortnight.
      { p: rest[2]!, unit: responsible(rest[2]!), issuedOn: ago(50), dueOn: ago(20), requirement: '请查明诉求所涉事实，提出依法处理意见。', reportedOn: ago(22), report: '已初步核实情况。', reopened: { on: ago(18), reason: '反馈内容过于笼统，未说明核查依据和处理意见，请补充后重新报送。', dueOn: addDays(today, 14) } },
      // This year: due within three days (yellow).
      { p: rest[3]!, unit: responsible(rest[3]!), issuedOn: ago(25), dueOn: addDays(today, 2), requirement: '请于期限内报送化解方案落实情况及下一步措施。' },
      // This year: overdue (red).
      { p: rest[4]!, unit: responsible(rest[4]!), issuedOn: ago(45), dueOn: ago(5), requirement: '请责任单位主要负责同志亲自过问，限期报送办理结果。' },
      // This year: accepted late.
      { p: rest[5]!, unit: responsible(rest[5]!), issuedOn: ago(90), dueOn: ago(70), requirement: '请落实“一案一策”，报送化解结果。', reportedOn: ago(65), report: '经多次协调，已与信访人达成一致意见，签订息诉罢访协议。', acceptedOn: ago(60) },
    ];
    if (zero) {
      const village = byId.get(zero.unitId)!;
      plans.push({ p: null, unit: village, issuedOn: ago(8), dueOn: addDays(today, 10), requirement: '该村本期报送零报告，但群众反映存在土地流转纠纷，请重新开展排查并如实报告。', reportId: zero.id });
    }
    for (const plan of plans) {
      const o = tx.create(SupervisionOrder, {
        countyId: county.id,
        number: numberFor(plan.issuedOn),
        unitId: plan.unit.id,
        parentUnitId: plan.unit.parentId,
        targetKind: plan.reportId ? 'SCREENING_REPORT' : 'PETITION',
        petitionId: plan.p?.id ?? null,
        screeningReportId: plan.reportId ?? null,
        requirement: plan.requirement,
        dueOn: plan.reopened?.dueOn ?? plan.dueOn,
        issuedOn: plan.issuedOn,
        issuedByUserId: supervisor.id,
        status: plan.acceptedOn ? 'ACCEPTED' : plan.reopened ? 'REOPENED' : plan.reportedOn ? 'REPORTED' : 'ISSUED',
        report: plan.report ?? null,
        reportedOn: plan.reportedOn ?? null,
        closedOn: plan.acceptedOn ?? null,
        reopenCount: plan.reopened ? 1 : 0,
        metOnTime: plan.acceptedOn ? plan.reportedOn! <= plan.dueOn : null,
        createdAt: at(plan.issuedOn),
      } as never);
      orders.push(o);
      const history = (stepName: SupervisionEvent['step'], day: string, by: Unit, note: string | null, dueOn: string | null, hour = 10) =>
        tx.create(SupervisionEvent, { orderId: o.id, step: stepName, at: at(day, hour), actorUserId: stepName === 'REPORTED' ? bureauUser.id : supervisor.id, actorName: by.name, note, dueOn } as never);
      history('ISSUED', plan.issuedOn, group, null, plan.dueOn);
      if (plan.reportedOn) history('REPORTED', plan.reportedOn, plan.unit, plan.report!, null, 15);
      if (plan.reopened) history('REOPENED', plan.reopened.on, group, plan.reopened.reason, plan.reopened.dueOn);
      if (plan.acceptedOn) history('ACCEPTED', plan.acceptedOn, group, null, null);
      if (plan.p) {
        plan.p.isSupervised = true;
        step(plan.p, plan.issuedOn, 'SUPERVISED', plan.requirement, { orderId: o.id, number: o.number, unitId: plan.unit.id, dueOn: plan.dueOn }, group);
        if (plan.acceptedOn) step(plan.p, plan.acceptedOn, 'SUPERVISION_ACCEPTED', null, { orderId: o.id, number: o.number, metOnTime: o.metOnTime }, group);
      }
      if (!plan.acceptedOn && !plan.reportedOn) messages.push({ countyId: county.id, unitId: plan.unit.id, kind: 'ORDER_ISSUED', orderId: o.id, petitionId: plan.p?.id ?? null, dueOn: plan.dueOn, dedupeKey: `ORDER_ISSUED:${o.id}:${plan.unit.id}:` });
      if (plan.reopened) messages.push({ countyId: county.id, unitId: plan.unit.id, kind: 'ORDER_REOPENED', orderId: o.id, petitionId: plan.p?.id ?? null, dueOn: plan.reopened.dueOn, dedupeKey: `ORDER_REOPENED:${o.id}:${plan.unit.id}:1` });
    }

    // ---- the circular against the township that missed its order, and the accountability it led to
    const missedOrder = orders[1]!;
    const circular = tx.create(Circular, {
      countyId: county.id,
      number: `通〔${year - 1}〕1号`,
      title: `关于${township(missed).name}督办事项逾期未反馈的通报`,
      unitId: township(missed).id,
      failure: `${township(missed).name}对${missedOrder.number}督办事项未在规定期限内反馈办理情况，包案化解措施落实不到位，导致信访人多次到县上访。现予以通报，责令限期整改。`,
      orderId: missedOrder.id,
      petitionId: missed.id,
      publishedOn: lastYear('07-15'),
      publishedByUserId: supervisor.id,
      createdAt: at(lastYear('07-15')),
    } as never);
    messages.push({ countyId: county.id, unitId: circular.unitId, kind: 'CIRCULAR_PUBLISHED', circularId: circular.id, dedupeKey: `CIRCULAR_PUBLISHED:${circular.id}:${circular.unitId}:` });
    tx.create(AccountabilityRecord, {
      countyId: county.id,
      unitId: township(missed).id,
      post: '分管信访工作副乡长',
      measure: 'ADMONITION',
      measureDetail: null,
      authority: byName.get('县纪委监委')?.name ?? '县纪委监委',
      decidedOn: lastYear('08-05'),
      reason: `督办事项${missedOrder.number}逾期未反馈，经通报后仍未整改到位。`,
      orderId: missedOrder.id,
      circularId: circular.id,
      petitionId: missed.id,
      recordedByUserId: supervisor.id,
      createdAt: at(lastYear('08-05')),
    } as never);

    // ---- two joint conferences
    const chair = leaders[0] ?? bureauUser;
    const attending = (ps: Petition[]) => [...new Set([bureau.id, group.id, ...ps.map((p) => responsible(p).id)])];
    const conference = (heldOn: string, title: string, venue: string, items: Array<{ p: Petition; decision: string; tasks: Array<{ unit: Unit; description: string; dueOn: string; doneOn?: string }> }>) => {
      const c = tx.create(Conference, {
        countyId: county.id, heldOn, title, chairUserId: chair.id, venue, attendingUnitIds: attending(items.map((i) => i.p)),
        attendees: `${chair.displayName}（主持）、县群众工作局局长、县信访督查组组长及各责任单位分管负责同志`, recordedByUserId: bureauUser.id, createdAt: at(heldOn, 17),
      } as never);
      items.forEach((item, n) => {
        const i = tx.create(ConferenceItem, { conferenceId: c.id, petitionId: item.p.id, position: n + 1, decision: item.decision, createdAt: at(heldOn, 17) } as never);
        for (const t of item.tasks) {
          tx.create(ConferenceTask, {
            countyId: county.id, conferenceId: c.id, itemId: i.id, petitionId: item.p.id, ownerUnitId: t.unit.id, ownerParentUnitId: t.unit.parentId,
            description: t.description, dueOn: t.dueOn, doneOn: t.doneOn ?? null, doneNote: t.doneOn ? '已按会办意见落实。' : null, createdAt: at(heldOn, 17),
          } as never);
        }
        step(item.p, heldOn, 'CONFERENCE_DECISION', item.decision, { conferenceId: c.id, heldOn, title, tasks: item.tasks.length }, bureau, 17);
      });
      return c;
    };
    const [a, b, c2, d] = [rest[6]!, rest[7]!, rest[1]!, rest[4]!];
    conference(lastYear('11-20'), `${year - 1}年第四季度信访积案集中会办`, '县委常委会议室', [
      { p: a, decision: '由责任单位牵头，会同属地乡镇逐户核实，依法依规解决合理诉求；对诉求过高部分做好政策解释。', tasks: [
        { unit: responsible(a), description: '完成逐户核实并形成处理意见', dueOn: lastYear('12-15'), doneOn: lastYear('12-10') },
        { unit: township(a), description: '落实稳控责任人，做好政策解释', dueOn: lastYear('12-20'), doneOn: lastYear('12-18') },
      ] },
      { p: b, decision: '同意责任单位提出的化解方案，由县群众工作局跟踪督促落实。', tasks: [
        { unit: responsible(b), description: '按化解方案兑现相关待遇', dueOn: lastYear('12-31'), doneOn: lastYear('12-28') },
      ] },
    ]);
    conference(ago(15), `${year}年重点信访事项集中会办`, '县政府第一会议室', [
      { p: c2, decision: '责任单位要在两周内拿出具体解决办法，县信访督查组跟踪督办。', tasks: [
        { unit: responsible(c2), description: '提出具体解决办法并报县群众工作局', dueOn: addDays(today, 10) },
      ] },
      { p: d, decision: '属地乡镇和责任单位联合接访，当面答复信访人，防止矛盾激化。', tasks: [
        { unit: township(d), description: '组织联合接访并当面答复信访人', dueOn: ago(3) },
        { unit: responsible(d), description: '提供政策依据和书面答复意见', dueOn: ago(8), doneOn: ago(9) },
      ] },
    ]);

    await tx.flush();
    await appendEvents(tx, events.sort((x, y) => x.at!.getTime() - y.at!.getTime()));
    await tell(tx, messages);
    return orders.length;
  });
}
