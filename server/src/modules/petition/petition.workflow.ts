import type { EntityManager } from '@mikro-orm/postgresql';
import {
  COLLECTIVE_HEADCOUNT,
  PERIODS,
  PHONE_PATTERN,
  canTransition,
  isCalendarDate,
  isTerritorialUnitKind,
  isValidIdNumber,
  type AssignMode,
  type HolidayCalendar,
  type PetitionAction,
  type PetitionStatus,
  type Satisfaction,
} from '@xinfang/domain';
import { subject, type Action } from '@xinfang/permissions';
import type { SignedInContext } from '../../common/context.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { text, wholeNumber } from '../../common/input.js';
import { ancestryOf } from '../../common/located.entity.js';
import { expectVersion } from '../../common/write.js';
import { calendarOf } from '../calendar/index.js';
import { isCategory } from '../reference/index.js';
import { nameOf, requireUnit, unitById, unitInCounty } from '../unit/index.js';
import { isFinalMatter } from './petition.links.js';
import { Petition } from './petition.entity.js';
import { requirePetition } from './petition.queries.js';
import { backlogCutoff, guard, keepDeadlines, newReceiptCode, today } from './petition.rules.js';
import type { RegisterPetitionInput } from './petition.types.js';
import { appendEvent } from './timeline.service.js';

const HANDLERS = new Set(['DEPARTMENT', 'TOWNSHIP', 'BUREAU']);

export interface ActionContext {
  petition: Petition;
  em: EntityManager;
  today: string;
  calendar: HolidayCalendar;
}

/**
 * The petition workflow (docs/domain.md §4): registration, every transition and the flags. Each
 * write reads its petition through the caller's scope (`requirePetition`: NOT_FOUND outside it)
 * inside its transaction, then asks the ability for the action, compares the version, checks the
 * state and the action's guard, and writes the change with its timeline event, all or nothing.
 */
export class PetitionWorkflow {
  async register(ctx: SignedInContext, input: RegisterPetitionInput): Promise<Petition> {
    const user = ctx.user;
    if (!ctx.ability.can('create', 'Petition')) throw forbidden();
    const subjectText = text(input.subject, 'subject', 200)!;
    const contentText = text(input.content, 'content', 20000)!;
    const name = text(input.petitioner.name, 'petitioner.name', 100)!;
    const idNumber = text(input.petitioner.idNumber, 'petitioner.idNumber', 18, false)?.toUpperCase() ?? null;
    if (idNumber && !isValidIdNumber(idNumber)) throw badInput('The ID number is not a valid 18-character resident ID number.', { field: 'petitioner.idNumber', reason: 'INVALID_ID_NUMBER' });
    const phone = text(input.petitioner.phone, 'petitioner.phone', 20, false);
    if (phone && !PHONE_PATTERN.test(phone)) throw badInput('The phone number is not valid.', { field: 'petitioner.phone' });
    const address = text(input.petitioner.address, 'petitioner.address', 200, false);
    const respondentName = text(input.respondentName, 'respondentName', 100, false);
    const day = today();
    if (!isCalendarDate(input.receivedAt) || input.receivedAt > day || input.receivedAt < '2000-01-01') {
      throw badInput('The day received must be a real date, not in the future.', { field: 'receivedAt' });
    }
    wholeNumber(input.headcount, 'headcount', 1, 100000, 'Headcount');
    if (!(await isCategory(ctx.em, input.categoryCode))) throw badInput(`Unknown category ${input.categoryCode}.`, { field: 'categoryCode' });

    return ctx.em.transactional(async (em) => {
      const location = await requireUnit(ctx, input.locationUnitId, em);
      if (!isTerritorialUnitKind(location.kind)) throw badInput('A petition is located in the county, a township, a village or a village group.', { field: 'locationUnitId' });
      let respondentUnitId: string | null = null;
      if (input.respondentUnitId) {
        // The accused unit need not be inside the registering unit's scope, but it must be of this county.
        const respondent = await unitInCounty(em, input.respondentUnitId, location.countyId);
        if (!respondent) throw notFound('Unit');
        respondentUnitId = respondent.id;
      }
      let repeatOfId: string | null = null;
      if (input.repeatOfId) repeatOfId = (await requirePetition(ctx, input.repeatOfId, em)).id;

      const p = new Petition();
      Object.assign(p, {
        ...ancestryOf(location),
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
      const county = (await unitById(em, location.countyId))!;
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
      const calendar = await calendarOf(em, p.countyId);
      keepDeadlines(p, calendar);
      em.persist(p);
      await appendEvent(em, {
        petitionId: p.id,
        countyId: p.countyId,
        type: 'REGISTERED',
        actorUserId: user.id,
        actorUnitId: user.unitId,
        actorName: await nameOf(em, user.unitId),
        fromStatus: null,
        toStatus: 'REGISTERED',
        data: { channel: p.channel, receivedAt: p.receivedAt, repeatOf: repeatOfId },
      });
      return p;
    });
  }

  /**
   * The frame of every transition: one transaction; the petition loaded through the caller's read
   * scope (NOT_FOUND outside it), the action asked of the ability (FORBIDDEN), the version compared
   * (CONFLICT), the state and the action's own guards checked (BAD_USER_INPUT), then the change, its
   * timeline event and the new current deadline, all or nothing.
   */
  async act(
    ctx: SignedInContext,
    id: string,
    version: number,
    action: PetitionAction,
    change: (a: ActionContext) => Promise<{ type: string; note?: string | null; data?: Record<string, unknown> }>,
  ): Promise<Petition> {
    const user = ctx.user;
    return ctx.em.transactional(async (em) => {
      const p = await requirePetition(ctx, id, em);
      if (!ctx.ability.can(action as Action, subject('Petition', p))) throw forbidden();
      expectVersion(p, version);
      if (!canTransition(action, p.status)) {
        throw badInput(`A petition that is ${p.status} cannot be given the action ${action}.`, { reason: 'INVALID_TRANSITION', status: p.status });
      }
      const day = today();
      const calendar = await calendarOf(em, p.countyId);
      const blocked = guard(action, p, day, calendar);
      if (blocked) throw badInput(blocked.message, { reason: blocked.reason });
      const from = p.status;
      const event = await change({ petition: p, em, today: day, calendar });
      keepDeadlines(p, calendar);
      await appendEvent(em, {
        petitionId: p.id,
        countyId: p.countyId,
        type: event.type,
        actorUserId: user.id,
        actorUnitId: user.unitId,
        actorName: await nameOf(em, user.unitId),
        fromStatus: from,
        toStatus: p.status,
        note: event.note ?? null,
        data: event.data ?? null,
      });
      return p;
    });
  }

  accept(ctx: SignedInContext, id: string, version: number) {
    return this.act(ctx, id, version, 'accept', async ({ petition: p, em, today }) => {
      if (p.repeatOfId) {
        if (await isFinalMatter(em, p.repeatOfId)) throw badInput('The matter was decided finally on re-review; a repeat of it is not accepted again.', { reason: 'FINAL_MATTER' });
      }
      p.status = 'ACCEPTED';
      p.acceptedAt = today;
      return { type: 'ACCEPTED' };
    });
  }

  decline(ctx: SignedInContext, id: string, version: number, reason: string) {
    return this.act(ctx, id, version, 'decline', async ({ petition: p }) => {
      p.declineReason = text(reason, 'reason', 2000)!;
      p.status = 'NOT_ACCEPTED';
      return { type: 'DECLINED', note: p.declineReason };
    });
  }

  assign(ctx: SignedInContext, id: string, version: number, handlingUnitId: string, mode: AssignMode) {
    return this.act(ctx, id, version, 'assign', async ({ petition: p, em, today }) => {
      const unit = await unitInCounty(em, handlingUnitId, p.countyId);
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

  object(ctx: SignedInContext, id: string, version: number, reason: string) {
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

  notify(ctx: SignedInContext, id: string, version: number, note: string | null | undefined, sentAt: string | null | undefined) {
    return this.act(ctx, id, version, 'notify', async ({ petition: p, today }) => {
      const day = sentAt ?? today;
      if (!isCalendarDate(day) || day > today || day < p.receivedAt) throw badInput('The notice date must lie between receipt and today.', { field: 'sentAt' });
      p.noticeSentAt = day;
      return { type: 'NOTIFIED', note: text(note, 'note', 2000, false), data: { sentAt: day } };
    });
  }

  answer(ctx: SignedInContext, id: string, version: number, answerText: string, answeredAt: string | null | undefined) {
    return this.act(ctx, id, version, 'answer', async ({ petition: p, today }) => {
      const day = answeredAt ?? today;
      if (!isCalendarDate(day) || day > today || (p.acceptedAt && day < p.acceptedAt)) throw badInput('The answer date must lie between acceptance and today.', { field: 'answeredAt' });
      p.answerText = text(answerText, 'text', 20000)!;
      p.answeredAt = day;
      p.status = 'ANSWERED';
      return { type: 'ANSWERED', note: p.answerText, data: { answeredAt: day } };
    });
  }

  requestExtension(ctx: SignedInContext, id: string, version: number, days: number, reason: string) {
    return this.act(ctx, id, version, 'requestExtension', async ({ petition: p }) => {
      if (!Number.isInteger(days) || days < 1 || days > PERIODS.maxExtension) throw badInput(`An extension is 1 to ${PERIODS.maxExtension} days.`, { field: 'days' });
      p.extensionReason = text(reason, 'reason', 2000)!;
      p.extensionDays = days;
      p.extensionStatus = 'REQUESTED';
      return { type: 'EXTENSION_REQUESTED', note: p.extensionReason, data: { days } };
    });
  }

  decideExtension(ctx: SignedInContext, id: string, version: number, approve: boolean, note: string | null | undefined) {
    return this.act(ctx, id, version, 'decideExtension', async ({ petition: p }) => {
      p.extensionStatus = approve ? 'APPROVED' : 'REJECTED';
      if (!approve) p.extensionDays = 0;
      return { type: 'EXTENSION_DECIDED', note: text(note, 'note', 2000, false), data: { approved: approve, days: p.extensionDays } };
    });
  }

  rate(ctx: SignedInContext, id: string, version: number, satisfaction: Satisfaction) {
    return this.act(ctx, id, version, 'rate', async ({ petition: p, today }) => {
      p.satisfaction = satisfaction;
      p.ratedAt = today;
      return { type: 'RATED', data: { satisfaction, via: 'BUREAU' } };
    });
  }

  requestReview(ctx: SignedInContext, id: string, version: number, requestedAt: string | null | undefined) {
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

  decideReview(ctx: SignedInContext, id: string, version: number, decision: string, hearingDays: number | null | undefined) {
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

  close(ctx: SignedInContext, id: string, version: number, settled: boolean | null | undefined, note: string | null | undefined, resolvedHarmoniously?: boolean | null) {
    return this.act(ctx, id, version, 'close', async ({ petition: p, today }) => {
      p.status = 'CLOSED';
      p.closedAt = today;
      if (settled !== null && settled !== undefined) p.petitionerSettled = settled;
      if (resolvedHarmoniously !== null && resolvedHarmoniously !== undefined) p.resolvedHarmoniously = resolvedHarmoniously;
      return { type: 'CLOSED', note: text(note, 'note', 2000, false), data: { settled: p.petitionerSettled, resolvedHarmoniously: p.resolvedHarmoniously } };
    });
  }

  followUp(ctx: SignedInContext, id: string, version: number, note: string, settled: boolean | null | undefined) {
    return this.act(ctx, id, version, 'followUp', async ({ petition: p }) => {
      if (settled !== null && settled !== undefined) p.petitionerSettled = settled;
      return { type: 'FOLLOW_UP', note: text(note, 'note', 2000)!, data: { settled: p.petitionerSettled } };
    });
  }

  instruct(ctx: SignedInContext, id: string, version: number, instruction: string) {
    return this.act(ctx, id, version, 'instruct', async () => ({ type: 'INSTRUCTION', note: text(instruction, 'instruction', 2000)! }));
  }

  /** Marks a key matter (with its reason) or backlog (bureau). */
  async flag(ctx: SignedInContext, id: string, version: number, isKeyMatter: boolean | null | undefined, isBacklog: boolean | null | undefined, reason?: string | null) {
    const user = ctx.user;
    const why = text(reason, 'reason', 2000, false);
    return ctx.em.transactional(async (em) => {
      const p = await requirePetition(ctx, id, em);
      if (!ctx.ability.can('flag', subject('Petition', p))) throw forbidden();
      expectVersion(p, version);
      if (isKeyMatter !== null && isKeyMatter !== undefined) {
        p.isKeyMatter = isKeyMatter;
        p.keyMatterReason = isKeyMatter ? (why ?? p.keyMatterReason) : null;
      }
      if (isBacklog !== null && isBacklog !== undefined) p.isBacklog = isBacklog;
      await appendEvent(em, {
        petitionId: p.id,
        countyId: p.countyId,
        type: 'FLAGGED',
        actorUserId: user.id,
        actorUnitId: user.unitId,
        actorName: await nameOf(em, user.unitId),
        fromStatus: p.status,
        toStatus: p.status,
        note: why,
        data: { isKeyMatter: p.isKeyMatter, isBacklog: p.isBacklog },
      });
      return p;
    });
  }

  /** Backlog by age: a petition open two years or more is flagged (run at start and every hour). */
  async flagBacklogByAge(em: EntityManager): Promise<number> {
    const cutoff = backlogCutoff();
    // Plain SQL: the flag follows from the records, it is nobody's edit, and must not move versions.
    const result = await em.getConnection().execute<{ affectedRows?: number }>(
      `update petition set is_backlog = true where not is_backlog and received_at <= ? and status not in ('CLOSED', 'NOT_ACCEPTED')`,
      [cutoff],
      'run',
    );
    return result.affectedRows ?? 0;
  }
}
