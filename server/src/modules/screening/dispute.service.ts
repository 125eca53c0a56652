import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPUTE_DEFAULT_RESOLVE_DAYS, DISPUTE_STATUS_MOVES, addDays, shanghaiDate, type CalendarDate } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import { readOne, scopedAll, scopedCount, scopedExport, scopedPage } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { likePattern, text, wholeNumber } from '../../common/input.js';
import { ancestryOf, withinUnit } from '../../common/located.entity.js';
import { expectVersion } from '../../common/write.js';
import { requirePetition } from '../petition/index.js';
import { categoryCodes, isCategory } from '../reference/index.js';
import { requireUnit } from '../unit/index.js';
import { Dispute, ScreeningEvent, type ScreeningReport } from './screening.entity.js';
import { actorOf, historyOf } from './screening.events.js';
import type { DisputeFilter, DisputeInput, UpdateDisputeInput } from './screening.types.js';

const MAX_DISPUTES_PER_REPORT = 200;

/** The ledger's order: newest first, then as listed. */
const LEDGER_ORDER = [{ reportedOn: 'desc' as const }, { createdAt: 'desc' as const }, { id: 'asc' as const }];

/**
 * The dispute ledger (矛盾纠纷台账, docs/domain.md §6): the disputes screening found, read within the
 * caller's scope, changed, escalated to the stability team and linked to the petitions they became;
 * and the checks that a report's listed disputes pass before they are made.
 */
export class DisputeService {
  /** The disputes that turned into a petition, as far as the caller may read them. */
  ofPetition(ctx: RequestContext, petitionId: string): Promise<Dispute[]> {
    return scopedAll(ctx, Dispute, 'Dispute', { where: { petitionId }, orderBy: { reportedOn: 'asc' } });
  }

  /** The disputes of a report the caller may read. */
  async disputesOf(ctx: RequestContext, reportId: string): Promise<Dispute[]> {
    return scopedAll(ctx, Dispute, 'Dispute', { where: { reportId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  // ------------------------------------------------------------------ disputes

  async dispute(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<Dispute> {
    return readOne(ctx, Dispute, 'Dispute', id, em);
  }

  async readableDisputes(ctx: RequestContext, ids: string[]): Promise<Dispute[]> {
    if (ids.length === 0) return [];
    return scopedAll(ctx, Dispute, 'Dispute', { where: { id: { $in: ids } }, orderBy: { reportedOn: 'asc' } });
  }

  private async disputeWhere(ctx: RequestContext, filter: DisputeFilter): Promise<FilterQuery<Dispute>> {
    const today = shanghaiDate();
    const where: FilterQuery<Dispute>[] = [];
    if (filter.scopeUnitId) where.push(withinUnit<Dispute>(await requireUnit(ctx, filter.scopeUnitId), 'unitId'));
    if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
    if (filter.riskLevel) where.push({ riskLevel: filter.riskLevel });
    if (filter.categoryCode) where.push({ categoryCode: filter.categoryCode });
    if (filter.overdue === true) where.push({ status: { $ne: 'RESOLVED' }, resolveBy: { $lt: today } });
    if (filter.overdue === false) where.push({ $or: [{ status: 'RESOLVED' }, { resolveBy: null }, { resolveBy: { $gte: today } }] });
    if (filter.linked === true) where.push({ petitionId: { $ne: null } });
    if (filter.linked === false) where.push({ petitionId: null });
    if (filter.from) where.push({ reportedOn: { $gte: filter.from } });
    if (filter.to) where.push({ reportedOn: { $lte: filter.to } });
    const like = likePattern(filter.search);
    if (like) where.push({ $or: [{ summary: { $ilike: like } }, { parties: { $ilike: like } }] });
    return where.length ? { $and: where } : {};
  }

  async listDisputes(ctx: RequestContext, filter: DisputeFilter, first?: number | null, after?: string | null) {
    return scopedPage(ctx, Dispute, 'Dispute', { where: await this.disputeWhere(ctx, filter), orderBy: LEDGER_ORDER, first, after });
  }

  /** Every dispute of a filter, for the Excel ledger; a filter matching more than one export holds is refused. */
  async allDisputes(ctx: RequestContext, filter: DisputeFilter): Promise<Dispute[]> {
    return scopedExport(ctx, Dispute, 'Dispute', { where: await this.disputeWhere(ctx, filter), orderBy: LEDGER_ORDER });
  }

  /** Found, resolved, escalated and overdue disputes of the filter, and the resolution rate. */
  async disputeSummary(ctx: RequestContext, filter: DisputeFilter) {
    const where = await this.disputeWhere(ctx, filter);
    const today = shanghaiDate();
    const count = (more?: FilterQuery<Dispute>) => scopedCount(ctx, Dispute, 'Dispute', { where: more ? { $and: [where, more] } : where });
    const [found, resolved, escalated, overdue] = await Promise.all([
      count(),
      count({ status: 'RESOLVED' }),
      count({ escalatedAt: { $ne: null } }),
      count({ status: { $ne: 'RESOLVED' }, resolveBy: { $lt: today } }),
    ]);
    return { found, resolved, escalated, overdue, resolutionRate: found ? resolved / found : null };
  }

  /** The dispute actions the caller may take now: update, resolve, escalate, link. */
  availableActions(ctx: RequestContext, d: Dispute): string[] {
    const s = subject('Dispute', d);
    const out: string[] = [];
    if (d.status !== 'RESOLVED' && ctx.ability.can('update', s)) out.push('update', 'resolve');
    if (d.status !== 'RESOLVED' && !d.escalatedAt && d.riskLevel === 'MAJOR' && ctx.ability.can('escalate', s)) out.push('escalate');
    if (!d.petitionId && ctx.ability.can('link', s)) out.push('link');
    return out;
  }

  private async changeDispute(ctx: SignedInContext, id: string, version: number, action: 'update' | 'escalate' | 'link', change: (d: Dispute, em: EntityManager) => Promise<{ type: string; note?: string | null; data?: Record<string, unknown> }>) {
    return ctx.em.transactional(async (em) => {
      const d = await this.dispute(ctx, id, em);
      if (!ctx.ability.can(action, subject('Dispute', d))) throw forbidden();
      expectVersion(d, version);
      const event = await change(d, em);
      em.persist(Object.assign(new ScreeningEvent(), { countyId: d.countyId, disputeId: d.id, reportId: d.reportId, ...actorOf(ctx), ...event }));
      await em.flush();
      return d;
    });
  }

  async updateDispute(ctx: SignedInContext, input: UpdateDisputeInput): Promise<Dispute> {
    const today = shanghaiDate();
    return this.changeDispute(ctx, input.id, input.version, 'update', async (d, em) => {
      if (d.status === 'RESOLVED') throw badInput('This dispute is resolved; it can no longer be changed.', { reason: 'RESOLVED' });
      const before = { status: d.status, riskLevel: d.riskLevel, resolveBy: d.resolveBy };
      if (input.categoryCode != null) {
        if (!(await isCategory(em, input.categoryCode))) throw badInput('Choose a category from the list.', { field: 'categoryCode' });
        d.categoryCode = input.categoryCode;
      }
      if (input.parties != null) d.parties = text(input.parties, 'parties', 500)!;
      if (input.summary != null) d.summary = text(input.summary, 'summary', 4000)!;
      if (input.headcount != null) d.headcount = wholeNumber(input.headcount, 'headcount', 1, 100000, 'Headcount');
      if (input.riskLevel != null) d.riskLevel = input.riskLevel;
      if (input.resolveBy != null && input.resolveBy !== d.resolveBy) {
        if (input.resolveBy < today) throw badInput('The resolution deadline cannot be in the past.', { field: 'resolveBy' });
        d.resolveBy = input.resolveBy;
      }
      if (input.resolutionNote != null) d.resolutionNote = text(input.resolutionNote, 'resolutionNote', 4000, false);
      if (input.status != null && input.status !== d.status) {
        if (!DISPUTE_STATUS_MOVES[d.status].includes(input.status)) throw badInput(`A dispute cannot go from ${d.status} to ${input.status} here.`, { field: 'status', reason: 'STATUS_MOVE' });
        if (input.status === 'RESOLVED') {
          if (!d.resolutionNote) throw badInput('Say how it was resolved.', { field: 'resolutionNote' });
          d.resolvedOn = today;
        }
        d.status = input.status;
      }
      return { type: 'DISPUTE_UPDATED', note: input.status === 'RESOLVED' ? d.resolutionNote : null, data: { before, after: { status: d.status, riskLevel: d.riskLevel, resolveBy: d.resolveBy } } };
    });
  }

  /** Hands a major dispute to the stability team (信访维稳工作组). */
  async escalate(ctx: SignedInContext, id: string, version: number, note: string): Promise<Dispute> {
    const why = text(note, 'note', 2000)!;
    return this.changeDispute(ctx, id, version, 'escalate', async (d) => {
      if (d.riskLevel !== 'MAJOR') throw badInput('Only a major dispute is escalated; a general one is resolved locally.', { reason: 'NOT_MAJOR' });
      if (d.status === 'RESOLVED') throw badInput('This dispute is resolved.', { reason: 'RESOLVED' });
      if (d.escalatedAt) throw badInput('This dispute has already been escalated to the stability team.', { reason: 'ESCALATED' });
      d.status = 'ESCALATED';
      d.escalatedAt = new Date();
      d.escalatedByName = ctx.user.displayName;
      d.escalationNote = why;
      return { type: 'ESCALATED', note: why };
    });
  }

  /** Links a dispute to the petition it turned into; the petition must be one the caller may read. */
  async link(ctx: SignedInContext, id: string, version: number, petitionId: string): Promise<Dispute> {
    return this.changeDispute(ctx, id, version, 'link', async (d, em) => {
      if (d.petitionId) throw badInput('This dispute is already linked to a petition.', { reason: 'ALREADY_LINKED' });
      // Read through the transaction: on the embedded database there is one connection, which the
      // transaction holds, so a read through the request's manager would wait for it forever.
      const petition = await requirePetition(ctx, petitionId, em);
      if (petition.countyId !== d.countyId) throw notFound('Petition');
      d.petitionId = petition.id;
      return { type: 'LINKED', data: { petitionId: petition.id, number: petition.number } };
    });
  }


  /**
   * A dispute's history: the submission or correction of its report that reported it (not the
   * report's other steps), then its own changes.
   */
  async disputeHistory(em: EntityManager, d: Pick<Dispute, 'id' | 'reportId'>): Promise<ScreeningEvent[]> {
    const [ofReport, own] = await Promise.all([
      historyOf(em, { reportId: d.reportId, disputeId: null }),
      historyOf(em, { disputeId: d.id }),
    ]);
    const reports = (e: ScreeningEvent) => {
      const listed = e.type === 'SUBMITTED' ? e.data?.disputes : e.type === 'CORRECTED' ? e.data?.added : undefined;
      return Array.isArray(listed) && listed.some((x: { id?: string }) => x.id === d.id);
    };
    return [...ofReport.filter(reports), ...own];
  }


  async checkDisputes(em: EntityManager, inputs: DisputeInput[], period: { periodStart: string; periodEnd: string }, today: CalendarDate) {
    if (inputs.length > MAX_DISPUTES_PER_REPORT) throw badInput(`A report may list at most ${MAX_DISPUTES_PER_REPORT} disputes.`, { field: 'disputes' });
    const codes = await categoryCodes(em);
    return inputs.map((d, i) => {
      const at = (f: string) => `disputes.${i}.${f}`;
      if (!codes.has(d.categoryCode)) throw badInput('Choose a category from the list.', { field: at('categoryCode') });
      wholeNumber(d.headcount, at('headcount'), 1, 100000, 'Headcount');
      const arisenOn = d.arisenOn ?? period.periodStart;
      if (arisenOn > today) throw badInput('A dispute cannot arise in the future.', { field: at('arisenOn') });
      if (arisenOn > period.periodEnd) throw badInput('A dispute that arose after this period belongs to a later period’s report.', { field: at('arisenOn'), reason: 'ARISEN_AFTER_PERIOD' });
      const resolveBy = d.resolveBy ?? addDays(today, DISPUTE_DEFAULT_RESOLVE_DAYS);
      if (resolveBy < today) throw badInput('The resolution deadline cannot be in the past.', { field: at('resolveBy') });
      return {
        categoryCode: d.categoryCode,
        parties: text(d.parties, at('parties'), 500)!,
        headcount: d.headcount,
        summary: text(d.summary, at('summary'), 4000)!,
        riskLevel: d.riskLevel,
        arisenOn,
        resolveBy,
      };
    });
  }

  newDispute(report: ScreeningReport, fields: Awaited<ReturnType<DisputeService['checkDisputes']>>[number], today: CalendarDate, position = 0): Dispute {
    // One millisecond apart, so that a report's disputes keep the order they were listed in.
    const at = new Date(Date.now() + position);
    return Object.assign(new Dispute(), {
      ...fields,
      createdAt: at,
      updatedAt: at,
      ...ancestryOf(report),
      unitId: report.unitId,
      reportId: report.id,
      periodStart: report.periodStart,
      reportedOn: today,
    });
  }
}
