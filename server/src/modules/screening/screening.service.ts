import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_SCREENING_RULES,
  DISPUTE_DEFAULT_RESOLVE_DAYS,
  DISPUTE_STATUS_MOVES,
  SCREENING_UNIT_KINDS,
  addDays,
  daysBetween,
  isMonth,
  isScreeningUnitKind,
  monthRange,
  screeningOnTimeRate,
  screeningPeriodAt,
  screeningPeriods,
  screeningRuleProblem,
  screeningStatus,
  shanghaiDate,
  type CalendarDate,
  type ScreeningUnitKind,
} from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import { accessibleWhere, accessibleWhereAs } from '../../common/access.js';
import type { RequestContext } from '../../common/context.js';
import { exportRows } from '../../common/export.js';
import { text, wholeNumber } from '../../common/input.js';
import { FIRST_DATE, LAST_DATE } from '../../common/scalars.js';
import { badInput, conflict, forbidden, notFound } from '../../common/errors.js';
import { pageArgs, toConnection } from '../../common/pagination.js';
import { expectVersion } from '../../common/write.js';
import { PetitionCategory } from '../petition/petition-category.entity.js';
import { Petition } from '../petition/petition.entity.js';
import { Unit } from '../unit/unit.entity.js';
import { isUuid } from '../unit/unit.service.js';
import { Dispute, ScreeningEvent, ScreeningReport, ScreeningRule } from './screening.entity.js';
import { vetoEvidence } from './veto-evidence.js';
import type {
  CorrectScreeningReportInput,
  DisputeFilter,
  DisputeInput,
  ScreeningComplianceRow,
  ScreeningPeriodType,
  ScreeningReminder,
  ScreeningRuleInput,
  SubmitScreeningReportInput,
  UpdateDisputeInput,
} from './screening.types.js';

/** The longest span `screeningPeriods` answers at once. */
const MAX_SPAN_DAYS = 800;
const MAX_DISPUTES_PER_REPORT = 200;

/** A report-shaped subject for a unit: what the rules on ScreeningReport and Dispute compare. */
export const shapeOf = (unit: Pick<Unit, 'id' | 'kind' | 'countyId' | 'townshipId' | 'villageId'>) => ({
  unitId: unit.id,
  unitKind: unit.kind,
  countyId: unit.countyId,
  townshipId: unit.townshipId,
  villageId: unit.villageId,
});

/** The units whose screening reports the caller may `action`, as a `WHERE` on `unit`. */
const unitsWhoseReports = (ctx: RequestContext, action: 'read' | 'review') =>
  accessibleWhereAs<Unit>(ctx.ability, action, 'ScreeningReport', { unitId: 'id', unitKind: 'kind' });

const actorOf = (ctx: RequestContext) => ({ actorUserId: ctx.user!.id, actorName: ctx.user!.displayName });

/** Puts each unit after its parent and siblings in their display order. */
function treeOrder(units: Unit[]): Unit[] {
  const children = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const out: Unit[] = [];
  const walk = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.depth - b.depth || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const u of list) {
      out.push(u);
      walk(u.id);
    }
  };
  walk(null);
  return out;
}

/**
 * Dispute screening (domain.md §6): periods and their statuses, submission and correction of
 * reports, review by the next level, the dispute ledger, escalation and links to petitions.
 */
/**
 * A period that has its report already: CONFLICT, the same answer whether the other report was
 * submitted a minute ago or in the same instant (caught by the unique key), so that a client racing
 * another cannot tell the two apart and always reloads.
 */
const alreadySubmitted = () =>
  conflict('This period already has a report; reload it and correct it instead.', { field: 'periodStart', reason: 'ALREADY_SUBMITTED' });

export class ScreeningService {
  today(): CalendarDate {
    return shanghaiDate();
  }

  // ------------------------------------------------------------------ rules and periods

  /** A county's cadence rules, by unit kind. */
  async rules(em: EntityManager, countyId: string): Promise<Map<ScreeningUnitKind, ScreeningRule[]>> {
    const rows = await em.find(ScreeningRule, { countyId }, { orderBy: { effectiveFrom: 'asc' } });
    const map = new Map<ScreeningUnitKind, ScreeningRule[]>();
    for (const r of rows) map.set(r.unitKind, [...(map.get(r.unitKind) ?? []), r]);
    return map;
  }

  /** The rules the caller's county keeps, current and scheduled. */
  async listRules(ctx: RequestContext): Promise<ScreeningRule[]> {
    return ctx.em.find(ScreeningRule, accessibleWhere<ScreeningRule>(ctx.ability, 'read', 'ScreeningRule'), { orderBy: [{ unitKind: 'asc' }, { effectiveFrom: 'asc' }] });
  }

  /** Schedules a new cadence for one unit kind from the first day of a future month (the bureau). */
  async setRule(ctx: RequestContext, input: ScreeningRuleInput): Promise<ScreeningRule> {
    const countyId = ctx.user!.countyId;
    if (!ctx.ability.can('update', subject('ScreeningRule', { countyId }))) throw forbidden();
    if (!(SCREENING_UNIT_KINDS as readonly string[]).includes(input.unitKind)) throw badInput('This unit kind does not screen.', { field: 'unitKind' });
    const problem = screeningRuleProblem(input, this.today());
    if (problem === 'NOT_FIRST_OF_MONTH') throw badInput('A new cadence starts on the first day of a month.', { field: 'effectiveFrom', reason: problem });
    if (problem === 'NOT_IN_FUTURE') throw badInput('A new cadence can only start in a future month: periods already running keep their rules.', { field: 'effectiveFrom', reason: problem });
    if (problem) throw badInput('The due day must be 0 to 15 days after the period ends.', { field: 'dueAfterDays', reason: problem });
    // A week already running across the month's first day would be cut short: it keeps its rules, so
    // the change waits for a month that no running period reaches into.
    const earlier = ((await this.rules(ctx.em, countyId)).get(input.unitKind) ?? []).filter((r) => r.effectiveFrom < input.effectiveFrom);
    const running = screeningPeriodAt(earlier, addDays(input.effectiveFrom, -1));
    if (running && running.periodStart <= this.today() && running.periodEnd >= input.effectiveFrom) {
      throw badInput(`The period ${running.periodStart} – ${running.periodEnd} is running and reaches into that month; choose a later month.`, { field: 'effectiveFrom', reason: 'RUNNING_PERIOD' });
    }
    try {
      return await ctx.em.transactional(async (em) => {
        let rule = await em.findOne(ScreeningRule, { countyId, unitKind: input.unitKind, effectiveFrom: input.effectiveFrom });
        if (!rule) {
          rule = Object.assign(new ScreeningRule(), { countyId, unitKind: input.unitKind, effectiveFrom: input.effectiveFrom });
          em.persist(rule);
        }
        rule.cadence = input.cadence;
        rule.dueAfterDays = input.dueAfterDays;
        return rule;
      });
    } catch (err) {
      // Two first settings of the same month at once: the unique (county, kind, month) keeps one.
      if (err instanceof UniqueConstraintViolationException) throw conflict('Someone set this rule at the same moment; reload to see it.');
      throw err;
    }
  }

  /** Calls off a scheduled rule that has not come into force (the bureau). */
  async cancelRule(ctx: RequestContext, id: string, version: number): Promise<boolean> {
    return ctx.em.transactional(async (em) => {
      const rule = isUuid(id) ? await em.findOne(ScreeningRule, { $and: [{ id }, accessibleWhere<ScreeningRule>(ctx.ability, 'read', 'ScreeningRule')] }) : null;
      if (!rule) throw notFound('Screening rule');
      if (!ctx.ability.can('update', subject('ScreeningRule', rule))) throw forbidden();
      if (rule.effectiveFrom <= this.today()) throw badInput('This rule is already in force; schedule a new one instead.', { reason: 'IN_FORCE' });
      expectVersion(rule, version);
      em.remove(rule);
      await em.flush();
      return true;
    });
  }

  /** A unit the caller may see screening of, or NOT_FOUND. */
  private async screenedUnit(ctx: RequestContext, unitId: string): Promise<Unit> {
    const unit = isUuid(unitId) ? await ctx.em.findOne(Unit, { $and: [{ id: unitId }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit'), unitsWhoseReports(ctx, 'read')] }) : null;
    if (!unit) throw notFound('Unit');
    return unit;
  }

  /**
   * Every period of each unit that overlaps `from`–`to` and has started by today, with its report
   * (read through the caller's scope) and status.
   */
  async periodsOf(ctx: RequestContext, units: Unit[], from: CalendarDate, to: CalendarDate, startedIn?: { first: CalendarDate; last: CalendarDate }): Promise<Map<string, ScreeningPeriodType[]>> {
    const today = this.today();
    const out = new Map<string, ScreeningPeriodType[]>();
    const screening = units.filter((u) => isScreeningUnitKind(u.kind));
    if (screening.length === 0) return out;
    const rulesByCounty = new Map<string, Map<ScreeningUnitKind, ScreeningRule[]>>();
    for (const countyId of new Set(screening.map((u) => u.countyId))) rulesByCounty.set(countyId, await this.rules(ctx.em, countyId));
    const derived = new Map<string, ReturnType<typeof screeningPeriods>>();
    let earliest: CalendarDate | null = null;
    let latest: CalendarDate | null = null;
    for (const u of screening) {
      const rules = rulesByCounty.get(u.countyId)?.get(u.kind as ScreeningUnitKind) ?? [];
      const periods = screeningPeriods(rules, from, to, shanghaiDate(u.createdAt))
        .filter((p) => p.periodStart <= today)
        .filter((p) => !startedIn || (p.periodStart >= startedIn.first && p.periodStart <= startedIn.last));
      derived.set(u.id, periods);
      for (const p of periods) {
        if (!earliest || p.periodStart < earliest) earliest = p.periodStart;
        if (!latest || p.periodStart > latest) latest = p.periodStart;
      }
    }
    const reports = earliest && latest
      ? await ctx.em.find(ScreeningReport, {
          $and: [
            { unitId: { $in: screening.map((u) => u.id) }, periodStart: { $gte: earliest, $lte: latest } },
            accessibleWhere<ScreeningReport>(ctx.ability, 'read', 'ScreeningReport'),
          ],
        })
      : [];
    const byKey = new Map(reports.map((r) => [`${r.unitId}/${r.periodStart}`, r]));
    for (const u of screening) {
      const ref = { id: u.id, name: u.name, kind: u.kind };
      out.set(
        u.id,
        derived.get(u.id)!.map((p) => {
          const report = byKey.get(`${u.id}/${p.periodStart}`) ?? null;
          return { unit: ref, ...p, report, status: screeningStatus(report ?? p, report?.submittedOn ?? null, today) };
        }),
      );
    }
    return out;
  }

  async periods(ctx: RequestContext, unitId: string, from: string, to: string): Promise<ScreeningPeriodType[]> {
    if (from > to) throw badInput('"from" must not be after "to".', { field: 'from' });
    if (daysBetween(from, to) > MAX_SPAN_DAYS) throw badInput(`Ask for at most ${MAX_SPAN_DAYS} days at once.`, { field: 'to' });
    const unit = await this.screenedUnit(ctx, unitId);
    if (!isScreeningUnitKind(unit.kind)) throw badInput('This unit does not screen for disputes.', { field: 'unitId', reason: 'NOT_SCREENING_UNIT' });
    return (await this.periodsOf(ctx, [unit], from, to)).get(unit.id) ?? [];
  }

  /**
   * The consolidated month of a unit and every screening unit below it that the caller may see: a
   * township with its villages and groups, the county with everyone. Periods belong to the month in
   * which they start.
   */
  async compliance(ctx: RequestContext, scopeUnitId: string, month: string): Promise<ScreeningComplianceRow[]> {
    if (!isMonth(month)) throw badInput('"month" must be written YYYY-MM.', { field: 'month' });
    if (`${month}-01` < FIRST_DATE || `${month}-01` > LAST_DATE) throw badInput(`"month" must lie between ${FIRST_DATE.slice(0, 7)} and ${LAST_DATE.slice(0, 7)}.`, { field: 'month' });
    const scope = isUuid(scopeUnitId) ? await ctx.em.findOne(Unit, { $and: [{ id: scopeUnitId }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit')] }) : null;
    if (!scope) throw notFound('Unit');
    const range = monthRange(month);
    const units = treeOrder(
      await ctx.em.find(Unit, {
        $and: [{ path: { $like: `${scope.path}%` }, kind: { $in: [...SCREENING_UNIT_KINDS] } }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit'), unitsWhoseReports(ctx, 'read')],
      }),
    );
    const periods = await this.periodsOf(ctx, units, range.first, addDays(range.last, 0), range);
    const evidence = await this.vetoEvidence(ctx.em, [...periods.values()].flat().map((p) => p.report).filter((r): r is ScreeningReport => !!r?.isZeroReport).map((r) => r.id));
    const rulesByCounty = await this.rules(ctx.em, scope.countyId);
    return units.map((u) => {
      const list = periods.get(u.id) ?? [];
      const count = (s: string) => list.filter((p) => p.status === s).length;
      const [submitted, late, missing] = [count('SUBMITTED'), count('LATE'), count('MISSING')];
      const inForce = (rulesByCounty.get(u.kind as ScreeningUnitKind) ?? []).filter((r) => r.effectiveFrom <= range.first).at(-1)
        ?? (rulesByCounty.get(u.kind as ScreeningUnitKind) ?? []).find((r) => r.effectiveFrom <= range.last);
      return {
        unit: { id: u.id, name: u.name, kind: u.kind },
        parentId: u.parentId,
        cadence: inForce?.cadence ?? null,
        expected: list.length,
        due: count('DUE'),
        submitted,
        late,
        missing,
        onTimeRate: screeningOnTimeRate({ submitted, late, missing }),
        vetoEvidence: list.filter((p) => p.report && (evidence.get(p.report.id)?.length ?? 0) > 0).length,
        periods: list,
      };
    });
  }

  /**
   * What to chase: the caller's own reports due within three days or missing (the last 92 days), and
   * the missing reports (the last 62 days) of the units it reviews.
   */
  async reminders(ctx: RequestContext): Promise<ScreeningReminder[]> {
    const user = ctx.user!;
    const today = this.today();
    const out: ScreeningReminder[] = [];
    const own = await ctx.em.findOne(Unit, { id: user.unitId });
    if (own && isScreeningUnitKind(own.kind) && ctx.ability.can('create', subject('ScreeningReport', shapeOf(own)))) {
      const periods = (await this.periodsOf(ctx, [own], addDays(today, -92), today)).get(own.id) ?? [];
      for (const p of periods) {
        const daysLeft = daysBetween(today, p.dueDate);
        if (p.status === 'MISSING' || (p.status === 'DUE' && daysLeft <= 3)) out.push({ ...p, own: true, daysLeft });
      }
    }
    const reviewable = await ctx.em.find(Unit, {
      $and: [{ kind: { $in: [...SCREENING_UNIT_KINDS] }, id: { $ne: user.unitId } }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit'), unitsWhoseReports(ctx, 'review')],
    });
    const below = await this.periodsOf(ctx, treeOrder(reviewable), addDays(today, -62), today);
    for (const list of below.values()) {
      for (const p of list) if (p.status === 'MISSING') out.push({ ...p, own: false, daysLeft: daysBetween(today, p.dueDate) });
    }
    return out.sort((a, b) => Number(b.own) - Number(a.own) || a.dueDate.localeCompare(b.dueDate));
  }

  // ------------------------------------------------------------------ reports

  async report(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<ScreeningReport> {
    const report = isUuid(id) ? await em.findOne(ScreeningReport, { $and: [{ id }, accessibleWhere<ScreeningReport>(ctx.ability, 'read', 'ScreeningReport')] }) : null;
    if (!report) throw notFound('Screening report');
    return report;
  }

  private async checkDisputes(em: EntityManager, inputs: DisputeInput[], period: { periodStart: string; periodEnd: string }, today: CalendarDate) {
    if (inputs.length > MAX_DISPUTES_PER_REPORT) throw badInput(`A report may list at most ${MAX_DISPUTES_PER_REPORT} disputes.`, { field: 'disputes' });
    const codes = new Set((await em.find(PetitionCategory, {})).map((c) => c.code));
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

  private newDispute(report: ScreeningReport, fields: Awaited<ReturnType<ScreeningService['checkDisputes']>>[number], today: CalendarDate, position = 0): Dispute {
    // One millisecond apart, so that a report's disputes keep the order they were listed in.
    const at = new Date(Date.now() + position);
    return Object.assign(new Dispute(), {
      ...fields,
      createdAt: at,
      updatedAt: at,
      countyId: report.countyId,
      townshipId: report.townshipId,
      villageId: report.villageId,
      unitId: report.unitId,
      reportId: report.id,
      periodStart: report.periodStart,
      reportedOn: today,
    });
  }

  /**
   * Submits a unit's report for one period: FORBIDDEN for a unit that is not the caller's own,
   * BAD_USER_INPUT for a period that is not one of the unit's or has not started, CONFLICT when it
   * already has a report, BAD_USER_INPUT for a zero report with disputes (or a report with none). Nothing is saved when it is refused.
   */
  async submit(ctx: RequestContext, input: SubmitScreeningReportInput): Promise<ScreeningReport> {
    const today = this.today();
    const unit = isUuid(input.unitId) ? await ctx.em.findOne(Unit, { id: input.unitId, countyId: ctx.user!.countyId }) : null;
    if (!unit || !ctx.ability.can('create', subject('ScreeningReport', shapeOf(unit)))) throw forbidden('You can only submit the screening report of your own unit.');
    if (!isScreeningUnitKind(unit.kind)) throw badInput('This unit does not screen for disputes.', { field: 'unitId', reason: 'NOT_SCREENING_UNIT' });
    const rules = (await this.rules(ctx.em, unit.countyId)).get(unit.kind) ?? [];
    const period = screeningPeriods(rules, input.periodStart, input.periodStart, shanghaiDate(unit.createdAt))[0];
    if (!period || period.periodStart !== input.periodStart) throw badInput('This is not the first day of one of the unit’s screening periods.', { field: 'periodStart', reason: 'NOT_A_PERIOD' });
    if (period.periodStart > today) throw badInput('This period has not started yet.', { field: 'periodStart', reason: 'PERIOD_NOT_STARTED' });
    const disputes = input.disputes ?? [];
    if (input.isZeroReport && disputes.length > 0) throw badInput('A zero report cannot list disputes.', { field: 'disputes', reason: 'ZERO_WITH_DISPUTES' });
    if (!input.isZeroReport && disputes.length === 0) throw badInput('List the disputes found, or submit a zero report.', { field: 'disputes', reason: 'NO_DISPUTES' });
    const checked = await this.checkDisputes(ctx.em, disputes, period, today);
    const note = text(input.note, 'note', 2000, false);
    try {
      return await ctx.em.transactional(async (em) => {
        const existing = await em.findOne(ScreeningReport, { unitId: unit.id, periodStart: period.periodStart });
        if (existing) throw alreadySubmitted();
        const report = Object.assign(new ScreeningReport(), {
          countyId: unit.countyId,
          townshipId: unit.townshipId,
          villageId: unit.villageId,
          unitId: unit.id,
          unitKind: unit.kind,
          ...period,
          isZeroReport: input.isZeroReport,
          submittedAt: new Date(),
          submittedOn: today,
          submittedById: ctx.user!.id,
          submittedByName: ctx.user!.displayName,
          note,
          disputeCount: checked.length,
        });
        em.persist(report);
        const rows = checked.map((d, i) => this.newDispute(report, d, today, i));
        em.persist(rows);
        em.persist(Object.assign(new ScreeningEvent(), {
          countyId: unit.countyId,
          reportId: report.id,
          type: 'SUBMITTED',
          ...actorOf(ctx),
          note,
          data: { isZeroReport: input.isZeroReport, disputes: rows.map((d) => ({ id: d.id, summary: d.summary })) },
        }));
        await em.flush();
        return report;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw alreadySubmitted();
      throw err;
    }
  }

  /** Corrects a report that the next level has not reviewed yet; the correction goes on its history. */
  async correct(ctx: RequestContext, input: CorrectScreeningReportInput): Promise<ScreeningReport> {
    const today = this.today();
    const reason = text(input.reason, 'reason', 2000)!;
    return ctx.em.transactional(async (em) => {
      const report = await this.report(ctx, input.id, em);
      if (!ctx.ability.can('update', subject('ScreeningReport', report))) throw forbidden('Only the unit that submitted a report corrects it.');
      if (report.reviewedAt) throw badInput('This report has been reviewed and can no longer be corrected.', { reason: 'ALREADY_REVIEWED' });
      expectVersion(report, input.version);
      // Evidence for a veto (domain.md §8) is kept as it was: a zero report that hid a dispute which
      // became a collective or skip-level petition cannot be corrected afterwards.
      if ((await vetoEvidence(em, [report.id])).get(report.id)?.length) throw badInput('This zero report is evidence for a veto and can no longer be corrected.', { reason: 'VETO_EVIDENCE' });
      const current = await em.find(Dispute, { reportId: report.id });
      const withdraw = [...new Set(input.withdrawDisputeIds ?? [])];
      for (const id of withdraw) {
        const d = current.find((x) => x.id === id);
        if (!d) throw badInput('A dispute to withdraw is not on this report.', { field: 'withdrawDisputeIds' });
        if (d.status !== 'OPEN' || d.petitionId || d.escalatedAt) throw badInput('A dispute that is being worked on, escalated or linked cannot be withdrawn.', { field: 'withdrawDisputeIds', reason: 'DISPUTE_IN_USE' });
      }
      const added = await this.checkDisputes(em, input.addDisputes ?? [], report, today);
      const remaining = current.length - withdraw.length + added.length;
      if (input.isZeroReport && remaining > 0) throw badInput('A zero report cannot list disputes: withdraw them first.', { field: 'isZeroReport', reason: 'ZERO_WITH_DISPUTES' });
      if (!input.isZeroReport && remaining === 0) throw badInput('List the disputes found, or make it a zero report.', { field: 'addDisputes', reason: 'NO_DISPUTES' });
      const before = { isZeroReport: report.isZeroReport, disputeCount: report.disputeCount };
      const withdrawn = current.filter((d) => withdraw.includes(d.id));
      for (const d of withdrawn) em.remove(d);
      const rows = added.map((d, i) => this.newDispute(report, d, today, i));
      em.persist(rows);
      report.isZeroReport = input.isZeroReport;
      report.disputeCount = remaining;
      report.correctionCount += 1;
      em.persist(Object.assign(new ScreeningEvent(), {
        countyId: report.countyId,
        reportId: report.id,
        type: 'CORRECTED',
        ...actorOf(ctx),
        note: reason,
        data: {
          before,
          after: { isZeroReport: report.isZeroReport, disputeCount: remaining },
          added: rows.map((d) => ({ id: d.id, summary: d.summary })),
          withdrawn: withdrawn.map((d) => ({ id: d.id, summary: d.summary })),
        },
      }));
      await em.flush();
      return report;
    });
  }

  /** The next level reviews a report (village → its groups, township → its villages, bureau → townships and departments). */
  async review(ctx: RequestContext, id: string, version: number, note: string | null | undefined): Promise<ScreeningReport> {
    return ctx.em.transactional(async (em) => {
      const report = await this.report(ctx, id, em);
      if (!ctx.ability.can('review', subject('ScreeningReport', report))) throw forbidden('Only the level above reviews a screening report.');
      if (report.reviewedAt) throw badInput('This report has already been reviewed.', { reason: 'ALREADY_REVIEWED' });
      expectVersion(report, version);
      report.reviewedAt = new Date();
      report.reviewedById = ctx.user!.id;
      report.reviewedByName = ctx.user!.displayName;
      em.persist(Object.assign(new ScreeningEvent(), { countyId: report.countyId, reportId: report.id, type: 'REVIEWED', ...actorOf(ctx), note: text(note, 'note', 2000, false) }));
      await em.flush();
      return report;
    });
  }

  async history(em: EntityManager, where: { reportId: string; disputeId: null } | { disputeId: string }): Promise<ScreeningEvent[]> {
    return em.find(ScreeningEvent, where, { orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }

  /**
   * A dispute's history: the submission or correction of its report that reported it (not the
   * report's other steps), then its own changes.
   */
  async disputeHistory(em: EntityManager, d: Pick<Dispute, 'id' | 'reportId'>): Promise<ScreeningEvent[]> {
    const [ofReport, own] = await Promise.all([
      this.history(em, { reportId: d.reportId, disputeId: null }),
      this.history(em, { disputeId: d.id }),
    ]);
    const reports = (e: ScreeningEvent) => {
      const listed = e.type === 'SUBMITTED' ? e.data?.disputes : e.type === 'CORRECTED' ? e.data?.added : undefined;
      return Array.isArray(listed) && listed.some((x: { id?: string }) => x.id === d.id);
    };
    return [...ofReport.filter(reports), ...own];
  }

  /** The disputes of a report the caller may read. */
  async disputesOf(ctx: RequestContext, reportId: string): Promise<Dispute[]> {
    return ctx.em.find(Dispute, { $and: [{ reportId }, accessibleWhere<Dispute>(ctx.ability, 'read', 'Dispute')] }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  async vetoEvidence(em: EntityManager, reportIds: readonly string[]): Promise<Map<string, string[]>> {
    return vetoEvidence(em, reportIds);
  }

  // ------------------------------------------------------------------ disputes

  async dispute(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<Dispute> {
    const d = isUuid(id) ? await em.findOne(Dispute, { $and: [{ id }, accessibleWhere<Dispute>(ctx.ability, 'read', 'Dispute')] }) : null;
    if (!d) throw notFound('Dispute');
    return d;
  }

  async readableDisputes(ctx: RequestContext, ids: string[]): Promise<Dispute[]> {
    if (ids.length === 0) return [];
    return ctx.em.find(Dispute, { $and: [{ id: { $in: ids } }, accessibleWhere<Dispute>(ctx.ability, 'read', 'Dispute')] }, { orderBy: { reportedOn: 'asc' } });
  }

  private async disputeWhere(ctx: RequestContext, filter: DisputeFilter): Promise<FilterQuery<Dispute>> {
    const today = this.today();
    const where: FilterQuery<Dispute>[] = [accessibleWhere<Dispute>(ctx.ability, 'read', 'Dispute')];
    if (filter.scopeUnitId) {
      const unit = isUuid(filter.scopeUnitId) ? await ctx.em.findOne(Unit, { $and: [{ id: filter.scopeUnitId }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit')] }) : null;
      if (!unit) throw notFound('Unit');
      where.push(
        unit.kind === 'COUNTY' ? { countyId: unit.id }
        : unit.kind === 'TOWNSHIP' ? { townshipId: unit.id }
        : unit.kind === 'VILLAGE' ? { villageId: unit.id }
        : { unitId: unit.id },
      );
    }
    if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
    if (filter.riskLevel) where.push({ riskLevel: filter.riskLevel });
    if (filter.categoryCode) where.push({ categoryCode: filter.categoryCode });
    if (filter.overdue === true) where.push({ status: { $ne: 'RESOLVED' }, resolveBy: { $lt: today } });
    if (filter.overdue === false) where.push({ $or: [{ status: 'RESOLVED' }, { resolveBy: null }, { resolveBy: { $gte: today } }] });
    if (filter.linked === true) where.push({ petitionId: { $ne: null } });
    if (filter.linked === false) where.push({ petitionId: null });
    if (filter.from) where.push({ reportedOn: { $gte: filter.from } });
    if (filter.to) where.push({ reportedOn: { $lte: filter.to } });
    if (filter.search?.trim()) {
      const like = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push({ $or: [{ summary: { $ilike: like } }, { parties: { $ilike: like } }] });
    }
    return { $and: where };
  }

  async listDisputes(ctx: RequestContext, filter: DisputeFilter, first?: number | null, after?: string | null) {
    const { limit, offset } = pageArgs(first, after);
    const [rows, total] = await ctx.em.findAndCount(Dispute, await this.disputeWhere(ctx, filter), {
      orderBy: [{ reportedOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      limit,
      offset,
    });
    return toConnection(rows, total, offset);
  }

  /** Every dispute of a filter, for the Excel ledger; a filter matching more than one export holds is refused. */
  async allDisputes(ctx: RequestContext, filter: DisputeFilter): Promise<Dispute[]> {
    return exportRows(ctx, Dispute, await this.disputeWhere(ctx, filter), { orderBy: [{ reportedOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }] });
  }

  /** Found, resolved, escalated and overdue disputes of the filter, and the resolution rate. */
  async disputeSummary(ctx: RequestContext, filter: DisputeFilter) {
    const where = await this.disputeWhere(ctx, filter);
    const today = this.today();
    const [found, resolved, escalated, overdue] = await Promise.all([
      ctx.em.count(Dispute, where),
      ctx.em.count(Dispute, { $and: [where, { status: 'RESOLVED' }] }),
      ctx.em.count(Dispute, { $and: [where, { escalatedAt: { $ne: null } }] }),
      ctx.em.count(Dispute, { $and: [where, { status: { $ne: 'RESOLVED' }, resolveBy: { $lt: today } }] }),
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

  private async changeDispute(ctx: RequestContext, id: string, version: number, action: 'update' | 'escalate' | 'link', change: (d: Dispute, em: EntityManager) => Promise<{ type: string; note?: string | null; data?: Record<string, unknown> }>) {
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

  async updateDispute(ctx: RequestContext, input: UpdateDisputeInput): Promise<Dispute> {
    const today = this.today();
    return this.changeDispute(ctx, input.id, input.version, 'update', async (d, em) => {
      if (d.status === 'RESOLVED') throw badInput('This dispute is resolved; it can no longer be changed.', { reason: 'RESOLVED' });
      const before = { status: d.status, riskLevel: d.riskLevel, resolveBy: d.resolveBy };
      if (input.categoryCode != null) {
        if (!(await em.findOne(PetitionCategory, { code: input.categoryCode }))) throw badInput('Choose a category from the list.', { field: 'categoryCode' });
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
  async escalate(ctx: RequestContext, id: string, version: number, note: string): Promise<Dispute> {
    const why = text(note, 'note', 2000)!;
    return this.changeDispute(ctx, id, version, 'escalate', async (d) => {
      if (d.riskLevel !== 'MAJOR') throw badInput('Only a major dispute is escalated; a general one is resolved locally.', { reason: 'NOT_MAJOR' });
      if (d.status === 'RESOLVED') throw badInput('This dispute is resolved.', { reason: 'RESOLVED' });
      if (d.escalatedAt) throw badInput('This dispute has already been escalated to the stability team.', { reason: 'ESCALATED' });
      d.status = 'ESCALATED';
      d.escalatedAt = new Date();
      d.escalatedByName = ctx.user!.displayName;
      d.escalationNote = why;
      return { type: 'ESCALATED', note: why };
    });
  }

  /** Links a dispute to the petition it turned into; the petition must be one the caller may read. */
  async link(ctx: RequestContext, id: string, version: number, petitionId: string): Promise<Dispute> {
    return this.changeDispute(ctx, id, version, 'link', async (d, em) => {
      if (d.petitionId) throw badInput('This dispute is already linked to a petition.', { reason: 'ALREADY_LINKED' });
      // Read through the transaction: on the embedded database there is one connection, which the
      // transaction holds, so a read through the request's manager would wait for it forever.
      const petition = isUuid(petitionId) ? await em.findOne(Petition, { $and: [{ id: petitionId }, accessibleWhere<Petition>(ctx.ability, 'read', 'Petition')] }) : null;
      if (!petition || petition.countyId !== d.countyId) throw notFound('Petition');
      d.petitionId = petition.id;
      return { type: 'LINKED', data: { petitionId: petition.id, number: petition.number } };
    });
  }

  /** The category name of a code, for the ledger. */
  async categoryNames(em: EntityManager): Promise<Map<string, string>> {
    return new Map((await em.find(PetitionCategory, {})).map((c) => [c.code, c.name]));
  }

  /** Adds the default cadence rules of domain.md §6 to a county that has none, in force from `from`. */
  static async ensureDefaultRules(em: EntityManager, countyId: string, from: CalendarDate): Promise<void> {
    if ((await em.count(ScreeningRule, { countyId })) > 0) return;
    for (const kind of SCREENING_UNIT_KINDS) {
      em.persist(Object.assign(new ScreeningRule(), { countyId, unitKind: kind, effectiveFrom: from, ...DEFAULT_SCREENING_RULES[kind] }));
    }
    await em.flush();
  }
}
