import { randomInt } from 'node:crypto';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  COLLECTIVE_HEADCOUNT,
  PERIODS,
  addDays,
  canTransition,
  daysBetween,
  isCalendarDate,
  isValidIdNumber,
  petitionDeadlines,
  shanghaiDate,
  warningFor,
  type AssignMode,
  type Deadlines,
  type HolidayCalendar,
  type PetitionAction,
  type PetitionStatus,
  type Satisfaction,
  type Warning,
} from '@xinfang/domain';
import { subject, type Action } from '@xinfang/permissions';
import { accessibleWhere, isEverything, isNothing } from '../../common/access.js';
import type { RequestContext } from '../../common/context.js';
import { exportRows } from '../../common/export.js';
import { text, wholeNumber } from '../../common/input.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { pageArgs, toConnection } from '../../common/pagination.js';
import { expectVersion } from '../../common/write.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { Unit } from '../unit/unit.entity.js';
import { isUuid } from '../unit/unit.service.js';
import { PetitionCategory, CategoryRoute } from './petition-category.entity.js';
import { PetitionEvent } from './petition-event.entity.js';
import { Petition } from './petition.entity.js';
import type { PetitionFilter, PetitionMatchInput, RegisterPetitionInput } from './petition.types.js';
import { appendEvent } from './timeline.service.js';

const TERRITORIAL = new Set(['COUNTY', 'TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP']);
const HANDLERS = new Set(['DEPARTMENT', 'TOWNSHIP', 'BUREAU']);
const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PHONE = /^[0-9+\-() ]{5,20}$/;
const ALL_ACTIONS: PetitionAction[] = [
  'accept', 'decline', 'assign', 'object', 'notify', 'answer', 'requestExtension', 'decideExtension',
  'rate', 'requestReview', 'decideReview', 'close', 'followUp', 'instruct',
];

/** The receipt code given to the petitioner: 10 characters that cannot be misread, as XXXXX-XXXXX. */
export function newReceiptCode(): string {
  const chars = Array.from({ length: 10 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Characters pairs of a text, for a rough "same matter" likeness that works on Chinese. */
function bigrams(s: string): Set<string> {
  const clean = s.replace(/\s+/g, '');
  const set = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) set.add(clean.slice(i, i + 2));
  return set;
}
function likeness(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

export interface ActionContext {
  petition: Petition;
  em: EntityManager;
  today: string;
  calendar: HolidayCalendar;
}

/** Petitions: registration, every transition, and reading within the caller's scope. */
export class PetitionService {
  private readonly calendars = new CalendarService();

  today(): string {
    return shanghaiDate();
  }

  calendarFor(em: EntityManager, countyId: string): Promise<HolidayCalendar> {
    return this.calendars.forCounty(em, countyId);
  }

  deadlines(p: Petition, calendar: HolidayCalendar): Deadlines {
    return petitionDeadlines(
      {
        status: p.status,
        receivedAt: p.receivedAt,
        acceptedAt: p.acceptedAt,
        assignedAt: p.assignedAt,
        noticeSentAt: p.noticeSentAt,
        extensionDays: p.extensionStatus === 'APPROVED' ? p.extensionDays : 0,
        answeredAt: p.answeredAt,
        reviewRequestedAt: p.reviewRequestedAt,
        reviewDecidedAt: p.reviewDecidedAt,
        reReviewRequestedAt: p.reReviewRequestedAt,
        reReviewDecidedAt: p.reReviewDecidedAt,
        hearingDays: p.hearingDays,
      },
      calendar,
    );
  }

  warning(p: Petition): Warning {
    return warningFor(p.currentDeadline, this.today());
  }

  // ---------------------------------------------------------------- reading

  /** The SQL condition for a filter, inside the caller's scope. */
  private async where(ctx: RequestContext, filter: PetitionFilter): Promise<FilterQuery<Petition>> {
    const where: FilterQuery<Petition>[] = [accessibleWhere<Petition>(ctx.ability, 'read', 'Petition')];
    if (filter.status?.length) where.push({ status: { $in: filter.status } });
    if (filter.channel?.length) where.push({ channel: { $in: filter.channel } });
    if (filter.kind?.length) where.push({ kind: { $in: filter.kind } });
    if (filter.categoryCode?.length) where.push({ categoryCode: { $in: filter.categoryCode } });
    if (filter.isKeyMatter !== undefined && filter.isKeyMatter !== null) where.push({ isKeyMatter: filter.isKeyMatter });
    if (filter.isBacklog !== undefined && filter.isBacklog !== null) where.push({ isBacklog: filter.isBacklog });
    if (filter.receivedFrom) where.push({ receivedAt: { $gte: filter.receivedFrom } });
    if (filter.receivedTo) where.push({ receivedAt: { $lte: filter.receivedTo } });
    if (filter.unitId) {
      const unit = isUuid(filter.unitId) ? await ctx.em.findOne(Unit, { $and: [{ id: filter.unitId }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit')] }) : null;
      if (!unit) throw notFound('Unit');
      const located: FilterQuery<Petition> =
        unit.kind === 'COUNTY' ? { countyId: unit.id }
        : unit.kind === 'TOWNSHIP' ? { townshipId: unit.id }
        : unit.kind === 'VILLAGE' ? { villageId: unit.id }
        : { locationUnitId: unit.id };
      where.push({ $or: [located, { handlingUnitId: unit.id }] });
    }
    if (filter.warning?.length) {
      const today = this.today();
      const parts: FilterQuery<Petition>[] = [];
      if (filter.warning.includes('RED')) parts.push({ currentDeadline: { $lt: today } });
      if (filter.warning.includes('YELLOW')) parts.push({ currentDeadline: { $gte: today, $lte: addDays(today, 3) } });
      if (filter.warning.includes('NONE')) parts.push({ $or: [{ currentDeadline: null }, { currentDeadline: { $gt: addDays(today, 3) } }] });
      where.push({ $or: parts });
    }
    if (filter.text?.trim()) {
      const like = `%${filter.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(this.textMatch(ctx, like));
    }
    if (filter.mine && ctx.user) {
      where.push(this.myWork(ctx.user.unitId, ctx.user.roles));
    }
    return { $and: where };
  }

  /**
   * A search matches only what the caller would see. Only rows whose subject and content it may read
   * can match at all, or the search would tell the accused unit what the accusation says; and where it
   * may not know who petitioned, the texts are searched as it reads them, without the petitioner's
   * name, ID number, phone and address, or the match itself would say who petitioned. The number
   * matches for anyone who may see the petition at all.
   */
  private textMatch(ctx: RequestContext, like: string): FilterQuery<Petition> {
    const texts = [accessibleWhere<Petition>(ctx.ability, 'read', 'Petition', 'content'), accessibleWhere<Petition>(ctx.ability, 'read', 'Petition', 'subject')];
    const knowsPetitioner = accessibleWhere<Petition>(ctx.ability, 'read', 'Petition', 'petitioner');
    const plain: FilterQuery<Petition> = { $or: [{ subject: { $ilike: like } }, { content: { $ilike: like } }] };
    const redacted = (column: 'subject' | 'content'): FilterQuery<Petition> => ({
      [raw((alias: string) => `petition_text_without_petitioner(${alias}.${column}, ${alias}.petitioner_name, ${alias}.petitioner_id_number, ${alias}.petitioner_phone, ${alias}.petitioner_address) ilike ?`, [like])]: [],
    });
    // Where the caller knows who petitioned, the plain texts; everywhere, the texts as a reader who
    // does not know would see them. A term without "*" that matches the redacted text matches the
    // plain text too, so the second branch finds nothing more for a reader who knows.
    const redactedMatch: FilterQuery<Petition> = { $or: [redacted('subject'), redacted('content')] };
    const seen: FilterQuery<Petition> = isNothing(knowsPetitioner)
      ? redactedMatch
      : isEverything(knowsPetitioner)
        ? plain
        : { $or: [{ $and: [knowsPetitioner, plain] }, redactedMatch] };
    return { $or: [{ number: { $ilike: like } }, { $and: [...texts, seen] }] };
  }

  /** What waits on the caller's unit: for the bureau, registration and routing; for a handler, its cases. */
  private myWork(unitId: string, roles: readonly string[]): FilterQuery<Petition> {
    const parts: FilterQuery<Petition>[] = [
      { handlingUnitId: unitId, status: { $in: ['IN_PROGRESS'] } },
      { handlingUnitId: unitId, extensionStatus: 'REQUESTED', status: 'IN_PROGRESS' },
    ];
    if (roles.includes('BUREAU')) {
      parts.push({ status: { $in: ['REGISTERED', 'ACCEPTED', 'ANSWERED', 'REVIEW', 'RE_REVIEW'] } });
      parts.push({ extensionStatus: 'REQUESTED', status: 'IN_PROGRESS' });
    }
    if (roles.includes('COUNTY_LEADER')) parts.push({ extensionStatus: 'REQUESTED', status: 'IN_PROGRESS' });
    return { $or: parts };
  }

  async list(ctx: RequestContext, filter: PetitionFilter = {}, first?: number | null, after?: string | null) {
    const { limit, offset } = pageArgs(first, after);
    const where = await this.where(ctx, filter);
    const orderBy =
      filter.sort === 'RECEIVED_ASC' ? [{ receivedAt: 'asc' as const }, { number: 'asc' as const }]
      : filter.sort === 'RECEIVED_DESC' ? [{ receivedAt: 'desc' as const }, { number: 'desc' as const }]
      : [{ currentDeadline: 'asc nulls last' as const }, { receivedAt: 'asc' as const }, { number: 'asc' as const }];
    const [rows, total] = await ctx.em.findAndCount(Petition, where, { orderBy, limit, offset });
    return toConnection(rows, total, offset);
  }

  /** Every row of a filter, for the Excel export (the same scope and filter as the list); too many are refused. */
  async all(ctx: RequestContext, filter: PetitionFilter = {}): Promise<Petition[]> {
    return exportRows(ctx, Petition, await this.where(ctx, filter), { orderBy: [{ receivedAt: 'desc' }, { number: 'desc' }] });
  }

  /** One petition, or NOT_FOUND when it does not exist or lies outside the caller's scope. */
  async get(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<Petition> {
    if (!isUuid(id)) throw notFound('Petition');
    const petition = await em.findOne(Petition, { $and: [{ id }, accessibleWhere<Petition>(ctx.ability, 'read', 'Petition')] });
    if (!petition) throw notFound('Petition');
    return petition;
  }

  /** A readable petition, or null (for links such as `repeatOf`). */
  async readable(ctx: RequestContext, id: string | null): Promise<Petition | null> {
    if (!id) return null;
    return ctx.em.findOne(Petition, { $and: [{ id }, accessibleWhere<Petition>(ctx.ability, 'read', 'Petition')] });
  }

  async events(ctx: RequestContext, petition: Petition): Promise<PetitionEvent[]> {
    return ctx.em.find(PetitionEvent, { petitionId: petition.id }, { orderBy: { seq: 'asc' } });
  }

  /**
   * Likely earlier petitions of the same petitioner: by ID number, or by name and phone. Only among
   * petitions whose petitioner the caller may read, since a match on identity reveals identity.
   */
  async matches(ctx: RequestContext, input: PetitionMatchInput) {
    const idNumber = input.petitioner.idNumber?.trim().toUpperCase() || null;
    const name = input.petitioner.name?.trim() || null;
    const phone = input.petitioner.phone?.trim() || null;
    const who: FilterQuery<Petition>[] = [];
    if (idNumber) who.push({ petitionerIdNumber: idNumber });
    if (name && phone) who.push({ petitionerName: name, petitionerPhone: phone });
    if (who.length === 0) return [];
    const rows = await ctx.em.find(
      Petition,
      {
        $and: [
          accessibleWhere<Petition>(ctx.ability, 'read', 'Petition'),
          accessibleWhere<Petition>(ctx.ability, 'read', 'Petition', 'petitioner'),
          { $or: who },
        ],
      },
      { orderBy: { receivedAt: 'desc' }, limit: 50 },
    );
    const matches = rows.map((p) => {
      const reasons: string[] = [];
      if (idNumber && p.petitionerIdNumber === idNumber) reasons.push('SAME_ID_NUMBER');
      if (name && phone && p.petitionerName === name && p.petitionerPhone === phone) reasons.push('SAME_NAME_AND_PHONE');
      if (input.categoryCode && p.categoryCode === input.categoryCode) reasons.push('SAME_CATEGORY');
      if (input.subject && likeness(input.subject, p.subject) >= 0.3) reasons.push('SIMILAR_SUBJECT');
      const sameMatter = reasons.includes('SAME_CATEGORY') || reasons.includes('SIMILAR_SUBJECT');
      return { petition: p, reasons, sameMatter };
    });
    for (const m of matches) await ctx.loaders.personalRead.load({ petitionId: m.petition.id, fields: ['petitioner'], via: 'matches' });
    return matches.sort((a, b) => Number(b.sameMatter) - Number(a.sameMatter)).slice(0, 20);
  }

  /** The public receipt page: by code alone; the stage and the dates, nothing personal. */
  async byReceipt(em: EntityManager, code: string) {
    const normalised = code.trim().toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (normalised.length !== 10) throw notFound('Receipt');
    const petition = await em.findOne(Petition, { receiptCode: `${normalised.slice(0, 5)}-${normalised.slice(5)}` });
    if (!petition) throw notFound('Receipt');
    const calendar = await this.calendarFor(em, petition.countyId);
    return {
      id: petition.id,
      number: petition.number,
      version: petition.version,
      status: petition.status,
      receivedAt: petition.receivedAt,
      deadlines: this.deadlines(petition, calendar),
      acceptedAt: petition.acceptedAt,
      answeredAt: petition.answeredAt,
      closedAt: petition.closedAt,
      satisfaction: petition.satisfaction,
      canRate: this.canRate(petition),
    };
  }

  private canRate(p: Petition): boolean {
    return !!p.answeredAt && p.satisfaction === null && ['ANSWERED', 'REVIEW', 'RE_REVIEW'].includes(p.status);
  }

  /** The actions the caller may take on this petition now: its rules, the state, and each action's own guards. */
  async availableActions(ctx: RequestContext, p: Petition): Promise<string[]> {
    if (!ctx.user) return [];
    const today = this.today();
    const calendar = await ctx.loaders.calendar.load(p.countyId);
    return ALL_ACTIONS.filter((action) => ctx.ability.can(action, subject('Petition', p)) && canTransition(action, p.status) && !this.guard(action, p, today, calendar));
  }

  /** Why an action cannot be taken now beyond the state and the rules, or null. */
  private guard(action: PetitionAction, p: Petition, today: string, calendar: HolidayCalendar): { reason: string; message: string } | null {
    const d = this.deadlines(p, calendar);
    switch (action) {
      case 'object':
        if (d.objectionBy && today > d.objectionBy) return { reason: 'OBJECTION_PERIOD_OVER', message: `Objections were due by ${d.objectionBy}.` };
        return null;
      case 'requestExtension':
        if (p.extensionStatus !== 'NONE') return { reason: 'EXTENSION_ALREADY_REQUESTED', message: 'A petition gets one extension at most.' };
        return null;
      case 'decideExtension':
        if (p.extensionStatus !== 'REQUESTED') return { reason: 'NO_EXTENSION_REQUESTED', message: 'No extension is waiting for a decision.' };
        return null;
      case 'rate':
        if (!this.canRate(p)) return { reason: 'NOT_RATEABLE', message: 'The answer has been rated already, or is not out yet.' };
        return null;
      case 'requestReview':
        if (p.status === 'REVIEW' && !p.reviewDecidedAt) return { reason: 'REVIEW_PENDING', message: 'The review has not been decided yet.' };
        if (d.appealRequestBy && today > d.appealRequestBy) return { reason: 'APPEAL_PERIOD_OVER', message: `A request was due by ${d.appealRequestBy}.` };
        return null;
      case 'decideReview':
        if (p.status === 'REVIEW' && p.reviewDecidedAt) return { reason: 'REVIEW_DECIDED', message: 'The review is decided; a re-review must be requested first.' };
        return null;
      case 'close':
        if (p.status === 'REVIEW' && !p.reviewDecidedAt) return { reason: 'REVIEW_PENDING', message: 'Decide the review before closing.' };
        if (p.status === 'RE_REVIEW') return { reason: 'REVIEW_PENDING', message: 'Decide the re-review: that closes the matter.' };
        return null;
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- writing

  async register(ctx: RequestContext, input: RegisterPetitionInput): Promise<Petition> {
    if (!ctx.user) throw forbidden();
    const user = ctx.user;
    if (!ctx.ability.can('create', 'Petition')) throw forbidden();
    const subjectText = text(input.subject, 'subject', 200)!;
    const contentText = text(input.content, 'content', 20000)!;
    const name = text(input.petitioner.name, 'petitioner.name', 100)!;
    const idNumber = text(input.petitioner.idNumber, 'petitioner.idNumber', 18, false)?.toUpperCase() ?? null;
    if (idNumber && !isValidIdNumber(idNumber)) throw badInput('The ID number is not a valid 18-character resident ID number.', { field: 'petitioner.idNumber', reason: 'INVALID_ID_NUMBER' });
    const phone = text(input.petitioner.phone, 'petitioner.phone', 20, false);
    if (phone && !PHONE.test(phone)) throw badInput('The phone number is not valid.', { field: 'petitioner.phone' });
    const address = text(input.petitioner.address, 'petitioner.address', 200, false);
    const respondentName = text(input.respondentName, 'respondentName', 100, false);
    const today = this.today();
    if (!isCalendarDate(input.receivedAt) || input.receivedAt > today || input.receivedAt < '2000-01-01') {
      throw badInput('The day received must be a real date, not in the future.', { field: 'receivedAt' });
    }
    wholeNumber(input.headcount, 'headcount', 1, 100000, 'Headcount');
    if (!(await ctx.em.findOne(PetitionCategory, { code: input.categoryCode }))) throw badInput(`Unknown category ${input.categoryCode}.`, { field: 'categoryCode' });

    return ctx.em.transactional(async (em) => {
      const location = isUuid(input.locationUnitId) ? await em.findOne(Unit, { $and: [{ id: input.locationUnitId }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit')] }) : null;
      if (!location) throw notFound('Unit');
      if (!TERRITORIAL.has(location.kind)) throw badInput('A petition is located in the county, a township, a village or a village group.', { field: 'locationUnitId' });
      let respondentUnitId: string | null = null;
      if (input.respondentUnitId) {
        // The accused unit need not be inside the registering unit's scope, but it must be of this county.
        const respondent = isUuid(input.respondentUnitId) ? await em.findOne(Unit, { id: input.respondentUnitId, countyId: location.countyId }) : null;
        if (!respondent) throw notFound('Unit');
        respondentUnitId = respondent.id;
      }
      let repeatOfId: string | null = null;
      if (input.repeatOfId) repeatOfId = (await this.get(ctx, input.repeatOfId, em)).id;

      const p = new Petition();
      Object.assign(p, {
        countyId: location.countyId,
        townshipId: location.townshipId,
        villageId: location.villageId,
        locationUnitId: location.id,
        channel: input.channel,
        kind: input.kind,
        categoryCode: input.categoryCode,
        subject: subjectText,
        content: contentText,
        receivedAt: input.receivedAt,
        headcount: input.headcount,
        isCollective: input.headcount >= COLLECTIVE_HEADCOUNT,
        isSkipLevel: input.isSkipLevel ?? false,
        isInitial: !repeatOfId,
        repeatOfId,
        respondentUnitId,
        respondentName,
        petitionerName: name,
        petitionerIdNumber: idNumber,
        petitionerPhone: phone,
        petitionerAddress: address,
        status: 'REGISTERED' as PetitionStatus,
        registeredById: user.id,
      });
      if (!ctx.ability.can('create', subject('Petition', p))) throw forbidden('You may register petitions of your own territory only.');
      const county = await em.findOneOrFail(Unit, { id: location.countyId });
      const year = Number(input.receivedAt.slice(0, 4));
      const [seq] = await em.getConnection().execute<Array<{ last_value: number }>>(
        `insert into petition_sequence (county_id, year, last_value) values (?, ?, 1)
         on conflict (county_id, year) do update set last_value = petition_sequence.last_value + 1 returning last_value`,
        [county.id, year],
        'all',
        em.getTransactionContext(),
      );
      p.number = `${county.code ?? 'XF'}-${year}-${String(seq!.last_value).padStart(5, '0')}`;
      p.receiptCode = newReceiptCode();
      const calendar = await this.calendarFor(em, p.countyId);
      p.currentDeadline = this.deadlines(p, calendar).current;
      em.persist(p);
      await appendEvent(em, {
        petitionId: p.id,
        countyId: p.countyId,
        type: 'REGISTERED',
        actorUserId: user.id,
        actorUnitId: user.unitId,
        actorName: await this.unitName(em, user.unitId),
        fromStatus: null,
        toStatus: 'REGISTERED',
        data: { channel: p.channel, receivedAt: p.receivedAt, repeatOf: repeatOfId },
      });
      return p;
    });
  }

  private async unitName(em: EntityManager, unitId: string): Promise<string> {
    return (await em.findOne(Unit, { id: unitId }))?.name ?? '—';
  }

  /**
   * The frame of every transition: one transaction; the petition loaded through the caller's read
   * scope (NOT_FOUND outside it), the action asked of the ability (FORBIDDEN), the version compared
   * (CONFLICT), the state and the action's own guards checked (BAD_USER_INPUT), then the change, its
   * timeline event and the new current deadline, all or nothing.
   */
  async act(
    ctx: RequestContext,
    id: string,
    version: number,
    action: PetitionAction,
    change: (a: ActionContext) => Promise<{ type: string; note?: string | null; data?: Record<string, unknown> }>,
  ): Promise<Petition> {
    if (!ctx.user) throw forbidden();
    const user = ctx.user;
    return ctx.em.transactional(async (em) => {
      const p = await this.get(ctx, id, em);
      if (!ctx.ability.can(action as Action, subject('Petition', p))) throw forbidden();
      expectVersion(p, version);
      if (!canTransition(action, p.status)) {
        throw badInput(`A petition that is ${p.status} cannot be given the action ${action}.`, { reason: 'INVALID_TRANSITION', status: p.status });
      }
      const today = this.today();
      const calendar = await this.calendarFor(em, p.countyId);
      const blocked = this.guard(action, p, today, calendar);
      if (blocked) throw badInput(blocked.message, { reason: blocked.reason });
      const from = p.status;
      const event = await change({ petition: p, em, today, calendar });
      p.currentDeadline = this.deadlines(p, calendar).current;
      await appendEvent(em, {
        petitionId: p.id,
        countyId: p.countyId,
        type: event.type,
        actorUserId: user.id,
        actorUnitId: user.unitId,
        actorName: await this.unitName(em, user.unitId),
        fromStatus: from,
        toStatus: p.status,
        note: event.note ?? null,
        data: event.data ?? null,
      });
      return p;
    });
  }

  accept(ctx: RequestContext, id: string, version: number) {
    return this.act(ctx, id, version, 'accept', async ({ petition: p, em, today }) => {
      if (p.repeatOfId) {
        const earlier = await em.findOne(Petition, { id: p.repeatOfId });
        if (earlier?.isFinal) throw badInput('The matter was decided finally on re-review; a repeat of it is not accepted again.', { reason: 'FINAL_MATTER' });
      }
      p.status = 'ACCEPTED';
      p.acceptedAt = today;
      return { type: 'ACCEPTED' };
    });
  }

  decline(ctx: RequestContext, id: string, version: number, reason: string) {
    return this.act(ctx, id, version, 'decline', async ({ petition: p }) => {
      p.declineReason = text(reason, 'reason', 2000)!;
      p.status = 'NOT_ACCEPTED';
      return { type: 'DECLINED', note: p.declineReason };
    });
  }

  assign(ctx: RequestContext, id: string, version: number, handlingUnitId: string, mode: AssignMode) {
    return this.act(ctx, id, version, 'assign', async ({ petition: p, em, today }) => {
      const unit = isUuid(handlingUnitId) ? await em.findOne(Unit, { id: handlingUnitId, countyId: p.countyId }) : null;
      if (!unit) throw notFound('Unit');
      if (!HANDLERS.has(unit.kind)) throw badInput('A petition is handled by a department, a township or the bureau.', { field: 'handlingUnitId', reason: 'NOT_A_HANDLER' });
      if (p.respondentUnitId && unit.id === p.respondentUnitId) {
        throw badInput('A petition is never given to the unit it complains about.', { field: 'handlingUnitId', reason: 'ACCUSED_UNIT' });
      }
      if (p.kind === 'ACCUSATION' && unit.function !== 'DISCIPLINE_COMMISSION') {
        throw badInput('An accusation goes to the discipline commission.', { field: 'handlingUnitId', reason: 'ACCUSATION_TO_DISCIPLINE' });
      }
      const previous = p.handlingUnitId;
      p.handlingUnitId = unit.id;
      p.handlingMode = mode;
      p.assignedAt = today;
      p.status = 'IN_PROGRESS';
      return { type: 'ASSIGNED', data: { handlingUnitId: unit.id, handlingUnit: unit.name, mode, previous } };
    });
  }

  object(ctx: RequestContext, id: string, version: number, reason: string) {
    return this.act(ctx, id, version, 'object', async ({ petition: p }) => {
      const note = text(reason, 'reason', 2000)!;
      const from = p.handlingUnitId;
      p.handlingUnitId = null;
      p.handlingMode = null;
      p.assignedAt = null;
      p.status = 'ACCEPTED';
      return { type: 'OBJECTED', note, data: { from } };
    });
  }

  notify(ctx: RequestContext, id: string, version: number, note: string | null | undefined, sentAt: string | null | undefined) {
    return this.act(ctx, id, version, 'notify', async ({ petition: p, today }) => {
      const day = sentAt ?? today;
      if (!isCalendarDate(day) || day > today || day < p.receivedAt) throw badInput('The notice date must lie between receipt and today.', { field: 'sentAt' });
      p.noticeSentAt = day;
      return { type: 'NOTIFIED', note: text(note, 'note', 2000, false), data: { sentAt: day } };
    });
  }

  answer(ctx: RequestContext, id: string, version: number, answerText: string, answeredAt: string | null | undefined) {
    return this.act(ctx, id, version, 'answer', async ({ petition: p, today }) => {
      const day = answeredAt ?? today;
      if (!isCalendarDate(day) || day > today || (p.acceptedAt && day < p.acceptedAt)) throw badInput('The answer date must lie between acceptance and today.', { field: 'answeredAt' });
      p.answerText = text(answerText, 'text', 20000)!;
      p.answeredAt = day;
      p.status = 'ANSWERED';
      return { type: 'ANSWERED', note: p.answerText, data: { answeredAt: day } };
    });
  }

  requestExtension(ctx: RequestContext, id: string, version: number, days: number, reason: string) {
    return this.act(ctx, id, version, 'requestExtension', async ({ petition: p }) => {
      if (!Number.isInteger(days) || days < 1 || days > PERIODS.maxExtension) throw badInput(`An extension is 1 to ${PERIODS.maxExtension} days.`, { field: 'days' });
      p.extensionReason = text(reason, 'reason', 2000)!;
      p.extensionDays = days;
      p.extensionStatus = 'REQUESTED';
      return { type: 'EXTENSION_REQUESTED', note: p.extensionReason, data: { days } };
    });
  }

  decideExtension(ctx: RequestContext, id: string, version: number, approve: boolean, note: string | null | undefined) {
    return this.act(ctx, id, version, 'decideExtension', async ({ petition: p }) => {
      p.extensionStatus = approve ? 'APPROVED' : 'REJECTED';
      if (!approve) p.extensionDays = 0;
      return { type: 'EXTENSION_DECIDED', note: text(note, 'note', 2000, false), data: { approved: approve, days: p.extensionDays } };
    });
  }

  rate(ctx: RequestContext, id: string, version: number, satisfaction: Satisfaction) {
    return this.act(ctx, id, version, 'rate', async ({ petition: p, today }) => {
      p.satisfaction = satisfaction;
      p.ratedAt = today;
      return { type: 'RATED', data: { satisfaction, via: 'BUREAU' } };
    });
  }

  /** The petitioner rates with the receipt code alone (信访工作条例 art. 21). */
  async rateByReceipt(em: EntityManager, id: string, version: number, receiptCode: string, satisfaction: Satisfaction): Promise<void> {
    await em.transactional(async (tx) => {
      const code = receiptCode.trim().toUpperCase();
      const p = isUuid(id) ? await tx.findOne(Petition, { id, receiptCode: code }) : null;
      if (!p) throw notFound('Receipt');
      expectVersion(p, version);
      if (!this.canRate(p)) throw badInput('The answer has been rated already, or is not out yet.', { reason: 'NOT_RATEABLE' });
      const from = p.status;
      p.satisfaction = satisfaction;
      p.ratedAt = this.today();
      await appendEvent(tx, {
        petitionId: p.id,
        countyId: p.countyId,
        type: 'RATED',
        actorUserId: null,
        actorUnitId: null,
        actorName: '信访人',
        fromStatus: from,
        toStatus: p.status,
        data: { satisfaction, via: 'RECEIPT' },
      });
    });
  }

  requestReview(ctx: RequestContext, id: string, version: number, requestedAt: string | null | undefined) {
    return this.act(ctx, id, version, 'requestReview', async ({ petition: p, today }) => {
      const day = requestedAt ?? today;
      if (!isCalendarDate(day) || day > today) throw badInput('The request date may not be in the future.', { field: 'requestedAt' });
      p.hearingDays = 0;
      if (p.status === 'ANSWERED') {
        p.reviewRequestedAt = day;
        p.status = 'REVIEW';
        return { type: 'REVIEW_REQUESTED', data: { stage: 'REVIEW', requestedAt: day } };
      }
      p.reReviewRequestedAt = day;
      p.status = 'RE_REVIEW';
      return { type: 'REVIEW_REQUESTED', data: { stage: 'RE_REVIEW', requestedAt: day } };
    });
  }

  decideReview(ctx: RequestContext, id: string, version: number, decision: string, hearingDays: number | null | undefined) {
    return this.act(ctx, id, version, 'decideReview', async ({ petition: p, today }) => {
      const note = text(decision, 'decision', 20000)!;
      if (hearingDays !== null && hearingDays !== undefined) {
        if (!Number.isInteger(hearingDays) || hearingDays < 0 || hearingDays > 365) throw badInput('Hearing days must be 0 to 365.', { field: 'hearingDays' });
        p.hearingDays = hearingDays;
      }
      if (p.status === 'REVIEW') {
        p.reviewDecidedAt = today;
        p.satisfaction = null;
        return { type: 'REVIEW_DECIDED', note, data: { stage: 'REVIEW', hearingDays: p.hearingDays } };
      }
      p.reReviewDecidedAt = today;
      p.isFinal = true;
      p.status = 'CLOSED';
      p.closedAt = today;
      return { type: 'REVIEW_DECIDED', note, data: { stage: 'RE_REVIEW', final: true, hearingDays: p.hearingDays } };
    });
  }

  close(ctx: RequestContext, id: string, version: number, settled: boolean | null | undefined, note: string | null | undefined) {
    return this.act(ctx, id, version, 'close', async ({ petition: p, today }) => {
      p.status = 'CLOSED';
      p.closedAt = today;
      if (settled !== null && settled !== undefined) p.petitionerSettled = settled;
      return { type: 'CLOSED', note: text(note, 'note', 2000, false), data: { settled: p.petitionerSettled } };
    });
  }

  followUp(ctx: RequestContext, id: string, version: number, note: string, settled: boolean | null | undefined) {
    return this.act(ctx, id, version, 'followUp', async ({ petition: p }) => {
      if (settled !== null && settled !== undefined) p.petitionerSettled = settled;
      return { type: 'FOLLOW_UP', note: text(note, 'note', 2000)!, data: { settled: p.petitionerSettled } };
    });
  }

  instruct(ctx: RequestContext, id: string, version: number, instruction: string) {
    return this.act(ctx, id, version, 'instruct', async () => ({ type: 'INSTRUCTION', note: text(instruction, 'instruction', 2000)! }));
  }

  /** Marks a key matter or backlog (bureau). */
  async flag(ctx: RequestContext, id: string, version: number, isKeyMatter: boolean | null | undefined, isBacklog: boolean | null | undefined) {
    if (!ctx.user) throw forbidden();
    const user = ctx.user;
    return ctx.em.transactional(async (em) => {
      const p = await this.get(ctx, id, em);
      if (!ctx.ability.can('flag', subject('Petition', p))) throw forbidden();
      expectVersion(p, version);
      if (isKeyMatter !== null && isKeyMatter !== undefined) p.isKeyMatter = isKeyMatter;
      if (isBacklog !== null && isBacklog !== undefined) p.isBacklog = isBacklog;
      await appendEvent(em, {
        petitionId: p.id,
        countyId: p.countyId,
        type: 'FLAGGED',
        actorUserId: user.id,
        actorUnitId: user.unitId,
        actorName: await this.unitName(em, user.unitId),
        fromStatus: p.status,
        toStatus: p.status,
        data: { isKeyMatter: p.isKeyMatter, isBacklog: p.isBacklog },
      });
      return p;
    });
  }

  /** Proposes the handling unit (属地管理、归口办理): accusations to the discipline commission, else the category's department, else the location's township. */
  async proposeHandler(ctx: RequestContext, categoryCode: string, kind: string, locationUnitId: string): Promise<Unit | null> {
    const location = isUuid(locationUnitId) ? await ctx.em.findOne(Unit, { $and: [{ id: locationUnitId }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit')] }) : null;
    if (!location) throw notFound('Unit');
    if (kind === 'ACCUSATION') return ctx.em.findOne(Unit, { countyId: location.countyId, function: 'DISCIPLINE_COMMISSION' });
    const route = await ctx.em.findOne(CategoryRoute, { countyId: location.countyId, categoryCode });
    if (route) return ctx.em.findOne(Unit, { id: route.unitId });
    return location.townshipId ? ctx.em.findOne(Unit, { id: location.townshipId }) : null;
  }

  /** Backlog by age: a petition open two years or more is flagged (run at start and every hour). */
  async flagBacklogByAge(em: EntityManager): Promise<number> {
    const cutoff = addDays(this.today(), -730);
    // Plain SQL: the flag follows from the records, it is nobody's edit, and must not move versions.
    const result = await em.getConnection().execute<{ affectedRows?: number }>(
      `update petition set is_backlog = true where not is_backlog and received_at <= ? and status not in ('CLOSED', 'NOT_ACCEPTED')`,
      [cutoff],
      'run',
    );
    return result.affectedRows ?? 0;
  }

  daysLeft(p: Petition): number | null {
    return p.currentDeadline ? daysBetween(this.today(), p.currentDeadline) : null;
  }
}
