import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AWAITING_REPORT, addDays, isCalendarDate, shanghaiDate, warningFor, type SupervisionDecision, type Warning } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import { assertCan, readMaybe, readOne, scopedAll, scopedExport, scopedPage } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { badInput, conflict, forbidden, notFound } from '../../common/errors.js';
import { isUuid, likePattern, text, wholeNumber } from '../../common/input.js';
import { expectVersion } from '../../common/write.js';
import { tell } from '../notification/index.js';
import { markSupervised, requirePetition, stepOnTimeline, type Petition } from '../petition/index.js';
import { ScreeningService } from '../screening/index.js';
import { nameOf, requireUnit, unitInCounty } from '../unit/index.js';
import { ConferenceTask } from './conference.entity.js';
import { AccountabilityRecord, Circular, SupervisionEvent, SupervisionOrder } from './supervision.entity.js';
import type { EvidenceFilter, IssueSupervisionOrderInput, PublishCircularInput, RecordAccountabilityInput, SupervisionOrderFilter } from './supervision.types.js';

const today = () => shanghaiDate();
const ORDER_ORDER = [{ issuedOn: 'desc' as const }, { number: 'desc' as const }, { id: 'asc' as const }];
const CIRCULAR_ORDER = [{ publishedOn: 'desc' as const }, { number: 'desc' as const }, { id: 'asc' as const }];
const RECORD_ORDER = [{ decidedOn: 'desc' as const }, { createdAt: 'desc' as const }, { id: 'asc' as const }];

/** A day that is a real date and not in the future (a circular's, a decision's). */
function pastDay(value: string | null | undefined, field: string): string {
  const day = value ?? today();
  if (!isCalendarDate(day) || day > today()) throw badInput(`"${field}" must be a real day, not in the future.`, { field });
  return day;
}

/** A due day: a real date, today or later. */
function dueDay(value: string | null | undefined, field: string): string {
  if (!value || !isCalendarDate(value) || value < today()) throw badInput(`"${field}" must be a real day, today or later.`, { field, reason: 'DUE_IN_THE_PAST' });
  return value;
}

/** Of a year (2000–2099): BAD_USER_INPUT naming the bounds for another number. */
const yearOf = (year: number, column: string) => {
  wholeNumber(year, 'year', 2000, 2099);
  return { [column]: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } };
};

/** The next number of a kind in a county's year: 督〔2026〕7号, 通〔2026〕2号. */
async function nextNumber(em: EntityManager, table: 'supervision_order' | 'circular', prefix: string, countyId: string, day: string): Promise<string> {
  const year = day.slice(0, 4);
  const [row] = await em.getConnection().execute<Array<{ n: number }>>(
    `select count(*)::int as n from ${table} where county_id = ? and number like ?`,
    [countyId, `${prefix}〔${year}〕%`],
    'all',
    em.getTransactionContext(),
  );
  return `${prefix}〔${year}〕${(row?.n ?? 0) + 1}号`;
}

/** Whether an order awaits the named unit's report. */
export const awaitsReport = (o: Pick<SupervisionOrder, 'status'>): boolean => AWAITING_REPORT.includes(o.status);

/** An order's warning: yellow within three days of its due day, red after it, while a report is owed. */
export const orderWarning = (o: Pick<SupervisionOrder, 'status' | 'dueOn'>): Warning => warningFor(awaitsReport(o) ? o.dueOn : null, today());

/**
 * Supervision (督查督办, docs/domain.md §5): the supervision group's orders on a petition, a screening
 * report or a conference task; the named unit's report back; the group's acceptance or sending back;
 * and the evidence the assessment counts — circulars (通报) and accountability records (追责). Only
 * the supervision group writes them (its rules); the named unit reads its own; circulars go to the
 * whole county.
 */
export class SupervisionService {
  private readonly screening = new ScreeningService();

  // ------------------------------------------------------------------ orders

  order(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<SupervisionOrder> {
    return readOne(ctx, SupervisionOrder, 'SupervisionOrder', id, em);
  }

  readableOrder(ctx: RequestContext, id: string | null): Promise<SupervisionOrder | null> {
    return readMaybe(ctx, SupervisionOrder, 'SupervisionOrder', id);
  }

  private async orderWhere(ctx: RequestContext, filter: SupervisionOrderFilter): Promise<FilterQuery<SupervisionOrder>> {
    const where: FilterQuery<SupervisionOrder>[] = [];
    if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
    if (filter.unitId) where.push({ unitId: (await requireUnit(ctx, filter.unitId)).id });
    if (filter.petitionId) where.push({ petitionId: (await requirePetition(ctx, filter.petitionId)).id });
    if (filter.open === true) where.push({ status: { $in: [...AWAITING_REPORT] } });
    if (filter.open === false) where.push({ status: { $nin: [...AWAITING_REPORT] } });
    if (filter.warning === 'RED') where.push({ status: { $in: [...AWAITING_REPORT] }, dueOn: { $lt: today() } });
    if (filter.warning === 'YELLOW') where.push({ status: { $in: [...AWAITING_REPORT] }, dueOn: { $gte: today(), $lte: addDays(today(), 3) } });
    if (filter.warning === 'NONE') where.push({ $or: [{ status: { $nin: [...AWAITING_REPORT] } }, { dueOn: { $gt: addDays(today(), 3) } }] });
    if (filter.year !== undefined && filter.year !== null) where.push(yearOf(filter.year, 'issuedOn'));
    const like = likePattern(filter.text);
    if (like) where.push({ number: { $ilike: like } });
    return where.length ? { $and: where } : {};
  }

  async orders(ctx: RequestContext, filter: SupervisionOrderFilter = {}, first?: number | null, after?: string | null) {
    return scopedPage(ctx, SupervisionOrder, 'SupervisionOrder', { where: await this.orderWhere(ctx, filter), orderBy: ORDER_ORDER, first, after });
  }

  async allOrders(ctx: RequestContext, filter: SupervisionOrderFilter = {}): Promise<SupervisionOrder[]> {
    return scopedExport(ctx, SupervisionOrder, 'SupervisionOrder', { where: await this.orderWhere(ctx, filter), orderBy: ORDER_ORDER });
  }

  /** The orders on one petition the caller may read, oldest first. */
  ordersOn(ctx: RequestContext, petitionId: string): Promise<SupervisionOrder[]> {
    return scopedAll(ctx, SupervisionOrder, 'SupervisionOrder', { where: { petitionId }, orderBy: [{ issuedOn: 'asc' }, { number: 'asc' }] });
  }

  /** An order's history, oldest first: read through the order, which the caller has read in its scope. */
  history(ctx: RequestContext, o: SupervisionOrder): Promise<SupervisionEvent[]> {
    return ctx.em.find(SupervisionEvent, { orderId: o.id }, { orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }

  private async step(ctx: SignedInContext, em: EntityManager, o: SupervisionOrder, step: SupervisionEvent['step'], note: string | null, dueOn: string | null) {
    const e = em.create(SupervisionEvent, { orderId: o.id, step, at: new Date(), actorUserId: ctx.user.id, actorName: await nameOf(em, ctx.user.unitId), note, dueOn });
    em.persist(e);
  }

  /**
   * Issues an order: FORBIDDEN for anyone but the supervision group; BAD_USER_INPUT unless exactly one
   * of a petition, a screening report and a conference task is named, for a requirement that is
   * empty or a due day in the past; NOT_FOUND for a target or unit outside the group's scope. A
   * petition it is issued on becomes supervised (督办件) and the order goes on its timeline; the unit
   * is told in its inbox.
   */
  async issue(ctx: SignedInContext, input: IssueSupervisionOrderInput): Promise<SupervisionOrder> {
    assertCan(ctx.ability, 'create', 'SupervisionOrder');
    const targets = [input.petitionId, input.screeningReportId, input.conferenceTaskId].filter((x) => x);
    if (targets.length !== 1) throw badInput('Name exactly one of a petition, a screening report or a conference task.', { field: 'petitionId', reason: 'ONE_TARGET' });
    const requirement = text(input.requirement, 'requirement', 4000)!;
    const dueOn = dueDay(input.dueOn, 'dueOn');
    try {
      return await ctx.em.transactional(async (em) => {
        const unit = await requireUnit(ctx, input.unitId, em);
        let petition: Petition | null = null;
        const o = new SupervisionOrder();
        if (input.petitionId) {
          petition = await requirePetition(ctx, input.petitionId, em);
          o.targetKind = 'PETITION';
        } else if (input.screeningReportId) {
          o.screeningReportId = (await this.screening.report(ctx, input.screeningReportId, em)).id;
          o.targetKind = 'SCREENING_REPORT';
        } else {
          const task = await readOne(ctx, ConferenceTask, 'ConferenceTask', input.conferenceTaskId!, em);
          o.conferenceTaskId = task.id;
          o.targetKind = 'CONFERENCE_TASK';
          petition = await requirePetition(ctx, task.petitionId, em);
        }
        if (unit.countyId !== ctx.user.countyId) throw badInput('The unit must be of the county.', { field: 'unitId' });
        const day = today();
        Object.assign(o, {
          countyId: ctx.user.countyId,
          number: await nextNumber(em, 'supervision_order', '督', ctx.user.countyId, day),
          unitId: unit.id,
          parentUnitId: unit.parentId,
          petitionId: petition?.id ?? null,
          requirement,
          dueOn,
          issuedOn: day,
          issuedByUserId: ctx.user.id,
        });
        em.persist(o);
        await em.flush();
        await this.step(ctx, em, o, 'ISSUED', null, dueOn);
        if (petition) {
          await markSupervised(em, petition.id);
          await stepOnTimeline(ctx, em, petition, 'SUPERVISED', requirement, { orderId: o.id, number: o.number, unitId: unit.id, dueOn });
        }
        await tell(em, [{ countyId: o.countyId, unitId: unit.id, kind: 'ORDER_ISSUED', orderId: o.id, petitionId: o.petitionId, dueOn, dedupeKey: `ORDER_ISSUED:${o.id}:${unit.id}:` }]);
        return o;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw conflict('Another order was issued at the same moment; try again.');
      throw err;
    }
  }

  /**
   * The named unit reports back: NOT_FOUND outside its scope, FORBIDDEN for a unit the order does not
   * name, CONFLICT for a stale version, BAD_USER_INPUT when no report is owed (already reported, or
   * accepted) or the report is empty.
   */
  async report(ctx: SignedInContext, id: string, version: number, report: string): Promise<SupervisionOrder> {
    return ctx.em.transactional(async (em) => {
      const o = await this.order(ctx, id, em);
      if (!ctx.ability.can('report', subject('SupervisionOrder', o))) throw forbidden('Only the unit the order names reports on it.');
      expectVersion(o, version);
      if (!awaitsReport(o)) throw badInput(o.status === 'ACCEPTED' ? 'This order is closed.' : 'This order’s report is with the supervision group.', { reason: 'NO_REPORT_OWED' });
      o.report = text(report, 'report', 4000)!;
      o.reportedOn = today();
      o.status = 'REPORTED';
      await em.flush();
      await this.step(ctx, em, o, 'REPORTED', o.report, null);
      return o;
    });
  }

  /**
   * The supervision group decides on a report: ACCEPT closes the order (met on time when the report
   * came by its due day); REOPEN sends it back with a reason and a new due day, and tells the unit.
   * BAD_USER_INPUT when there is no report to decide on, REOPEN without a reason or with a due day in
   * the past.
   */
  async close(ctx: SignedInContext, id: string, version: number, decision: SupervisionDecision, reason: string | null | undefined, dueOn: string | null | undefined): Promise<SupervisionOrder> {
    return ctx.em.transactional(async (em) => {
      const o = await this.order(ctx, id, em);
      if (!ctx.ability.can('close', subject('SupervisionOrder', o))) throw forbidden('Only the supervision group decides on a report.');
      expectVersion(o, version);
      if (o.status !== 'REPORTED') throw badInput('There is no report to decide on.', { reason: 'NOT_REPORTED' });
      const petition = o.petitionId ? await requirePetition(ctx, o.petitionId, em).catch(() => null) : null;
      if (decision === 'ACCEPT') {
        const why = text(reason, 'reason', 2000, false);
        o.status = 'ACCEPTED';
        o.closedOn = today();
        o.metOnTime = !!o.reportedOn && o.reportedOn <= o.dueOn;
        await em.flush();
        await this.step(ctx, em, o, 'ACCEPTED', why, null);
        if (petition) await stepOnTimeline(ctx, em, petition, 'SUPERVISION_ACCEPTED', why, { orderId: o.id, number: o.number, metOnTime: o.metOnTime });
        return o;
      }
      const why = text(reason, 'reason', 2000)!;
      const next = dueDay(dueOn, 'dueOn');
      o.status = 'REOPENED';
      o.reopenCount += 1;
      o.dueOn = next;
      await em.flush();
      await this.step(ctx, em, o, 'REOPENED', why, next);
      await tell(em, [{ countyId: o.countyId, unitId: o.unitId, kind: 'ORDER_REOPENED', orderId: o.id, petitionId: o.petitionId, dueOn: next, dedupeKey: `ORDER_REOPENED:${o.id}:${o.unitId}:${o.reopenCount}` }]);
      return o;
    });
  }

  // ------------------------------------------------------------------ circulars

  /** A unit filter names any unit of the county (circulars name units to everyone); the rows stay in scope. */
  private async evidenceWhere<T>(ctx: SignedInContext, filter: EvidenceFilter, dayColumn: string): Promise<FilterQuery<T>> {
    const where: object[] = [];
    if (filter.unitId) {
      const unit = isUuid(filter.unitId) ? await unitInCounty(ctx.em, filter.unitId, ctx.user.countyId) : null;
      if (!unit) throw notFound('Unit');
      where.push({ unitId: unit.id });
    }
    if (filter.year !== undefined && filter.year !== null) where.push(yearOf(filter.year, dayColumn));
    if (filter.petitionId) {
      if (!isUuid(filter.petitionId)) throw notFound('Petition');
      where.push({ petitionId: filter.petitionId });
    }
    return (where.length ? { $and: where } : {}) as FilterQuery<T>;
  }

  circular(ctx: RequestContext, id: string): Promise<Circular> {
    return readOne(ctx, Circular, 'Circular', id);
  }

  readableCircular(ctx: RequestContext, id: string | null): Promise<Circular | null> {
    return readMaybe(ctx, Circular, 'Circular', id);
  }

  async circulars(ctx: SignedInContext, filter: EvidenceFilter = {}, first?: number | null, after?: string | null) {
    return scopedPage(ctx, Circular, 'Circular', { where: await this.evidenceWhere<Circular>(ctx, filter, 'publishedOn'), orderBy: CIRCULAR_ORDER, first, after });
  }

  async allCirculars(ctx: SignedInContext, filter: EvidenceFilter = {}): Promise<Circular[]> {
    return scopedExport(ctx, Circular, 'Circular', { where: await this.evidenceWhere<Circular>(ctx, filter, 'publishedOn'), orderBy: CIRCULAR_ORDER });
  }

  /**
   * Publishes a circular: FORBIDDEN for anyone but the supervision group; BAD_USER_INPUT for an
   * empty title or failure, a day in the future, or an order that names another unit; NOT_FOUND for
   * a unit, order or petition outside its scope. The unit named is told in its inbox.
   */
  async publish(ctx: SignedInContext, input: PublishCircularInput): Promise<Circular> {
    assertCan(ctx.ability, 'create', 'Circular');
    const title = text(input.title, 'title', 200)!;
    const failure = text(input.failure, 'failure', 4000)!;
    const publishedOn = pastDay(input.publishedOn, 'publishedOn');
    try {
      return await ctx.em.transactional(async (em) => {
        const unit = await requireUnit(ctx, input.unitId, em);
        const order = input.orderId ? await this.order(ctx, input.orderId, em) : null;
        if (order && order.unitId !== unit.id) throw badInput('The order names another unit.', { field: 'orderId', reason: 'ORDER_OF_ANOTHER_UNIT' });
        const petitionId = input.petitionId ? (await requirePetition(ctx, input.petitionId, em)).id : (order?.petitionId ?? null);
        const c = em.create(Circular, {
          countyId: ctx.user.countyId,
          number: await nextNumber(em, 'circular', '通', ctx.user.countyId, publishedOn),
          title,
          unitId: unit.id,
          failure,
          orderId: order?.id ?? null,
          petitionId,
          publishedOn,
          publishedByUserId: ctx.user.id,
        } as never);
        await em.flush();
        await tell(em, [{ countyId: c.countyId, unitId: unit.id, kind: 'CIRCULAR_PUBLISHED', circularId: c.id, dedupeKey: `CIRCULAR_PUBLISHED:${c.id}:${unit.id}:` }]);
        return c;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw conflict('Another circular was published at the same moment; try again.');
      throw err;
    }
  }

  // ------------------------------------------------------------------ accountability

  async records(ctx: SignedInContext, filter: EvidenceFilter = {}, first?: number | null, after?: string | null) {
    return scopedPage(ctx, AccountabilityRecord, 'AccountabilityRecord', { where: await this.evidenceWhere<AccountabilityRecord>(ctx, filter, 'decidedOn'), orderBy: RECORD_ORDER, first, after });
  }

  async allRecords(ctx: SignedInContext, filter: EvidenceFilter = {}): Promise<AccountabilityRecord[]> {
    return scopedExport(ctx, AccountabilityRecord, 'AccountabilityRecord', { where: await this.evidenceWhere<AccountabilityRecord>(ctx, filter, 'decidedOn'), orderBy: RECORD_ORDER });
  }

  /**
   * Records accountability: FORBIDDEN for anyone but the supervision group; BAD_USER_INPUT for an
   * empty post or authority, OTHER without its words, a day in the future, or an order or circular
   * that names another unit; NOT_FOUND for a unit, order, circular or petition outside its scope.
   */
  async recordAccountability(ctx: SignedInContext, input: RecordAccountabilityInput): Promise<AccountabilityRecord> {
    assertCan(ctx.ability, 'create', 'AccountabilityRecord');
    const post = text(input.post, 'post', 100)!;
    const authority = text(input.authority, 'authority', 100)!;
    const measureDetail = text(input.measureDetail, 'measureDetail', 500, input.measure === 'OTHER');
    const reason = text(input.reason, 'reason', 4000, false);
    const decidedOn = pastDay(input.decidedOn, 'decidedOn');
    return ctx.em.transactional(async (em) => {
      const unit = await requireUnit(ctx, input.unitId, em);
      const order = input.orderId ? await this.order(ctx, input.orderId, em) : null;
      if (order && order.unitId !== unit.id) throw badInput('The order names another unit.', { field: 'orderId', reason: 'ORDER_OF_ANOTHER_UNIT' });
      const circular = input.circularId ? await readOne(ctx, Circular, 'Circular', input.circularId, em) : null;
      if (circular && circular.unitId !== unit.id) throw badInput('The circular names another unit.', { field: 'circularId', reason: 'CIRCULAR_OF_ANOTHER_UNIT' });
      const petitionId = input.petitionId ? (await requirePetition(ctx, input.petitionId, em)).id : (order?.petitionId ?? circular?.petitionId ?? null);
      const r = em.create(AccountabilityRecord, {
        countyId: ctx.user.countyId,
        unitId: unit.id,
        post,
        measure: input.measure,
        measureDetail,
        authority,
        decidedOn,
        reason,
        orderId: order?.id ?? null,
        circularId: circular?.id ?? null,
        petitionId,
        recordedByUserId: ctx.user.id,
      } as never);
      await em.flush();
      return r;
    });
  }
}
