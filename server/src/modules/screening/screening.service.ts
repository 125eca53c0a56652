import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_SCREENING_RULES,
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
import { accessibleWhereAs, readOne, scopedAll, type Reader } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { text } from '../../common/input.js';
import { ancestryOf } from '../../common/located.entity.js';
import { FIRST_DATE, LAST_DATE } from '../../common/scalars.js';
import { badInput, conflict, forbidden } from '../../common/errors.js';
import { expectVersion } from '../../common/write.js';
import { readableUnits, requireUnit, unitById, unitInCounty, type Unit } from '../unit/index.js';
import { Dispute, ScreeningEvent, ScreeningReport, ScreeningRule } from './screening.entity.js';
import { DisputeService } from './dispute.service.js';
import { actorOf } from './screening.events.js';
import { vetoEvidence } from './veto-evidence.js';
import type {
  CorrectScreeningReportInput,
  ScreeningComplianceRow,
  ScreeningPeriodType,
  ScreeningReminder,
  ScreeningRuleInput,
  SubmitScreeningReportInput,
} from './screening.types.js';

/** The longest span `screeningPeriods` answers at once. */
const MAX_SPAN_DAYS = 800;

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
 * Dispute screening (docs/domain.md §6): periods and their statuses, submission and correction of
 * reports, review by the next level, the dispute ledger, escalation and links to petitions.
 */
/**
 * A period that has its report already: CONFLICT, the same answer whether the other report was
 * submitted a minute ago or in the same instant (caught by the unique key), so that a client racing
 * another cannot tell the two apart and always reloads.
 */
const alreadySubmitted = () =>
  conflict('This period already has a report; reload it and correct it instead.', { field: 'periodStart', reason: 'ALREADY_SUBMITTED' });

/** How a report's disputes are checked and made: the dispute module's own rules. */
const disputeRows = new DisputeService();

export class ScreeningService {
  today(): CalendarDate {
    return shanghaiDate();
  }

  // ------------------------------------------------------------------ rules and periods

  /** A county's cadence rules, by unit kind. */
  async rules(ctx: Reader, countyId: string): Promise<Map<ScreeningUnitKind, ScreeningRule[]>> {
    const rows = await scopedAll(ctx, ScreeningRule, 'ScreeningRule', { where: { countyId }, orderBy: { effectiveFrom: 'asc' } });
    const map = new Map<ScreeningUnitKind, ScreeningRule[]>();
    for (const r of rows) map.set(r.unitKind, [...(map.get(r.unitKind) ?? []), r]);
    return map;
  }

  /** The rules the caller's county keeps, current and scheduled. */
  async listRules(ctx: RequestContext): Promise<ScreeningRule[]> {
    return scopedAll(ctx, ScreeningRule, 'ScreeningRule', { orderBy: [{ unitKind: 'asc' }, { effectiveFrom: 'asc' }] });
  }

  /** Schedules a new cadence for one unit kind from the first day of a future month (the bureau). */
  async setRule(ctx: SignedInContext, input: ScreeningRuleInput): Promise<ScreeningRule> {
    const countyId = ctx.user.countyId;
    if (!ctx.ability.can('update', subject('ScreeningRule', { countyId }))) throw forbidden();
    if (!(SCREENING_UNIT_KINDS as readonly string[]).includes(input.unitKind)) throw badInput('This unit kind does not screen.', { field: 'unitKind' });
    const problem = screeningRuleProblem(input, this.today());
    if (problem === 'NOT_FIRST_OF_MONTH') throw badInput('A new cadence starts on the first day of a month.', { field: 'effectiveFrom', reason: problem });
    if (problem === 'NOT_IN_FUTURE') throw badInput('A new cadence can only start in a future month: periods already running keep their rules.', { field: 'effectiveFrom', reason: problem });
    if (problem) throw badInput('The due day must be 0 to 15 days after the period ends.', { field: 'dueAfterDays', reason: problem });
    // A week already running across the month's first day would be cut short: it keeps its rules, so
    // the change waits for a month that no running period reaches into.
    const earlier = ((await this.rules(ctx, countyId)).get(input.unitKind) ?? []).filter((r) => r.effectiveFrom < input.effectiveFrom);
    const running = screeningPeriodAt(earlier, addDays(input.effectiveFrom, -1));
    if (running && running.periodStart <= this.today() && running.periodEnd >= input.effectiveFrom) {
      throw badInput(`The period ${running.periodStart} – ${running.periodEnd} is running and reaches into that month; choose a later month.`, { field: 'effectiveFrom', reason: 'RUNNING_PERIOD' });
    }
    try {
      return await ctx.em.transactional(async (em) => {
        let [rule] = await scopedAll(ctx, ScreeningRule, 'ScreeningRule', { where: { countyId, unitKind: input.unitKind, effectiveFrom: input.effectiveFrom }, orderBy: { id: 'asc' }, em });
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
      const rule = await readOne(ctx, ScreeningRule, 'ScreeningRule', id, em);
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
    return requireUnit(ctx, unitId, ctx.em, unitsWhoseReports(ctx, 'read'));
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
    for (const countyId of new Set(screening.map((u) => u.countyId))) rulesByCounty.set(countyId, await this.rules(ctx, countyId));
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
      ? await scopedAll(ctx, ScreeningReport, 'ScreeningReport', {
          where: { unitId: { $in: screening.map((u) => u.id) }, periodStart: { $gte: earliest, $lte: latest } },
          orderBy: [{ unitId: 'asc' }, { periodStart: 'asc' }],
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
   * The periods of a unit and every screening unit below it that the caller may see whose due day
   * falls between `from` and `to` and is no longer awaited (the figure screeningOnTimeRate counts them), by unit
   * in tree order, then by period.
   */
  async periodsDueIn(ctx: RequestContext, scope: Unit, from: CalendarDate, to: CalendarDate): Promise<ScreeningPeriodType[]> {
    const units = treeOrder(await readableUnits(ctx, { below: scope, kinds: SCREENING_UNIT_KINDS, where: unitsWhoseReports(ctx, 'read') }));
    // A period is due after it ends: the longest (a month) plus its days of grace start well before `from`.
    const periods = await this.periodsOf(ctx, units, addDays(from, -70), to);
    return units.flatMap((u) => (periods.get(u.id) ?? []).filter((p) => p.dueDate >= from && p.dueDate <= to && p.status !== 'DUE'));
  }

  /**
   * The consolidated month of a unit and every screening unit below it that the caller may see: a
   * township with its villages and groups, the county with everyone. Periods belong to the month in
   * which they start.
   */
  async compliance(ctx: RequestContext, scopeUnitId: string, month: string): Promise<ScreeningComplianceRow[]> {
    if (!isMonth(month)) throw badInput('"month" must be written YYYY-MM.', { field: 'month' });
    if (`${month}-01` < FIRST_DATE || `${month}-01` > LAST_DATE) throw badInput(`"month" must lie between ${FIRST_DATE.slice(0, 7)} and ${LAST_DATE.slice(0, 7)}.`, { field: 'month' });
    const scope = await requireUnit(ctx, scopeUnitId);
    const range = monthRange(month);
    const units = treeOrder(await readableUnits(ctx, { below: scope, kinds: SCREENING_UNIT_KINDS, where: unitsWhoseReports(ctx, 'read') }));
    const periods = await this.periodsOf(ctx, units, range.first, addDays(range.last, 0), range);
    const evidence = await vetoEvidence(ctx.em, [...periods.values()].flat().map((p) => p.report).filter((r): r is ScreeningReport => !!r?.isZeroReport).map((r) => r.id));
    const rulesByCounty = await this.rules(ctx, scope.countyId);
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
  async reminders(ctx: SignedInContext): Promise<ScreeningReminder[]> {
    const user = ctx.user;
    const today = this.today();
    const out: ScreeningReminder[] = [];
    const own = await unitById(ctx.em, user.unitId);
    if (own && isScreeningUnitKind(own.kind) && ctx.ability.can('create', subject('ScreeningReport', shapeOf(own)))) {
      const periods = (await this.periodsOf(ctx, [own], addDays(today, -92), today)).get(own.id) ?? [];
      for (const p of periods) {
        const daysLeft = daysBetween(today, p.dueDate);
        if (p.status === 'MISSING' || (p.status === 'DUE' && daysLeft <= 3)) out.push({ ...p, own: true, daysLeft });
      }
    }
    const reviewable = await readableUnits(ctx, { kinds: SCREENING_UNIT_KINDS, where: { $and: [{ id: { $ne: user.unitId } }, unitsWhoseReports(ctx, 'review')] } });
    const below = await this.periodsOf(ctx, treeOrder(reviewable), addDays(today, -62), today);
    for (const list of below.values()) {
      for (const p of list) if (p.status === 'MISSING') out.push({ ...p, own: false, daysLeft: daysBetween(today, p.dueDate) });
    }
    return out.sort((a, b) => Number(b.own) - Number(a.own) || a.dueDate.localeCompare(b.dueDate));
  }

  // ------------------------------------------------------------------ reports

  async report(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<ScreeningReport> {
    return readOne(ctx, ScreeningReport, 'ScreeningReport', id, em);
  }

  /**
   * Submits a unit's report for one period: FORBIDDEN for a unit that is not the caller's own,
   * BAD_USER_INPUT for a period that is not one of the unit's or has not started, CONFLICT when it
   * already has a report, BAD_USER_INPUT for a zero report with disputes (or a report with none). Nothing is saved when it is refused.
   */
  async submit(ctx: SignedInContext, input: SubmitScreeningReportInput): Promise<ScreeningReport> {
    const today = this.today();
    const unit = await unitInCounty(ctx.em, input.unitId, ctx.user.countyId);
    if (!unit || !ctx.ability.can('create', subject('ScreeningReport', shapeOf(unit)))) throw forbidden('You can only submit the screening report of your own unit.');
    if (!isScreeningUnitKind(unit.kind)) throw badInput('This unit does not screen for disputes.', { field: 'unitId', reason: 'NOT_SCREENING_UNIT' });
    const rules = (await this.rules(ctx, unit.countyId)).get(unit.kind) ?? [];
    const period = screeningPeriods(rules, input.periodStart, input.periodStart, shanghaiDate(unit.createdAt))[0];
    if (!period || period.periodStart !== input.periodStart) throw badInput('This is not the first day of one of the unit’s screening periods.', { field: 'periodStart', reason: 'NOT_A_PERIOD' });
    if (period.periodStart > today) throw badInput('This period has not started yet.', { field: 'periodStart', reason: 'PERIOD_NOT_STARTED' });
    const disputes = input.disputes ?? [];
    if (input.isZeroReport && disputes.length > 0) throw badInput('A zero report cannot list disputes.', { field: 'disputes', reason: 'ZERO_WITH_DISPUTES' });
    if (!input.isZeroReport && disputes.length === 0) throw badInput('List the disputes found, or submit a zero report.', { field: 'disputes', reason: 'NO_DISPUTES' });
    const checked = await disputeRows.checkDisputes(ctx.em, disputes, period, today);
    const note = text(input.note, 'note', 2000, false);
    try {
      return await ctx.em.transactional(async (em) => {
        // Whoever may see it: a period has one report (the unique key says so too).
        if (await em.count(ScreeningReport, { unitId: unit.id, periodStart: period.periodStart })) throw alreadySubmitted();
        const report = Object.assign(new ScreeningReport(), {
          ...ancestryOf(unit),
          unitId: unit.id,
          unitKind: unit.kind,
          ...period,
          isZeroReport: input.isZeroReport,
          submittedAt: new Date(),
          submittedOn: today,
          submittedById: ctx.user.id,
          submittedByName: ctx.user.displayName,
          note,
          disputeCount: checked.length,
        });
        em.persist(report);
        const rows = checked.map((d, i) => disputeRows.newDispute(report, d, today, i));
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
  async correct(ctx: SignedInContext, input: CorrectScreeningReportInput): Promise<ScreeningReport> {
    const today = this.today();
    const reason = text(input.reason, 'reason', 2000)!;
    return ctx.em.transactional(async (em) => {
      const report = await this.report(ctx, input.id, em);
      if (!ctx.ability.can('update', subject('ScreeningReport', report))) throw forbidden('Only the unit that submitted a report corrects it.');
      if (report.reviewedAt) throw badInput('This report has been reviewed and can no longer be corrected.', { reason: 'ALREADY_REVIEWED' });
      expectVersion(report, input.version);
      // Evidence for a veto (docs/domain.md §8) is kept as it was: a zero report that hid a dispute which
      // became a collective or skip-level petition cannot be corrected afterwards.
      if ((await vetoEvidence(em, [report.id])).get(report.id)?.length) throw badInput('This zero report is evidence for a veto and can no longer be corrected.', { reason: 'VETO_EVIDENCE' });
      const current = await scopedAll(ctx, Dispute, 'Dispute', { where: { reportId: report.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], em });
      const withdraw = [...new Set(input.withdrawDisputeIds ?? [])];
      for (const id of withdraw) {
        const d = current.find((x) => x.id === id);
        if (!d) throw badInput('A dispute to withdraw is not on this report.', { field: 'withdrawDisputeIds' });
        if (d.status !== 'OPEN' || d.petitionId || d.escalatedAt) throw badInput('A dispute that is being worked on, escalated or linked cannot be withdrawn.', { field: 'withdrawDisputeIds', reason: 'DISPUTE_IN_USE' });
      }
      const added = await disputeRows.checkDisputes(em, input.addDisputes ?? [], report, today);
      const remaining = current.length - withdraw.length + added.length;
      if (input.isZeroReport && remaining > 0) throw badInput('A zero report cannot list disputes: withdraw them first.', { field: 'isZeroReport', reason: 'ZERO_WITH_DISPUTES' });
      if (!input.isZeroReport && remaining === 0) throw badInput('List the disputes found, or make it a zero report.', { field: 'addDisputes', reason: 'NO_DISPUTES' });
      const before = { isZeroReport: report.isZeroReport, disputeCount: report.disputeCount };
      const withdrawn = current.filter((d) => withdraw.includes(d.id));
      for (const d of withdrawn) em.remove(d);
      const rows = added.map((d, i) => disputeRows.newDispute(report, d, today, i));
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
  async review(ctx: SignedInContext, id: string, version: number, note: string | null | undefined): Promise<ScreeningReport> {
    return ctx.em.transactional(async (em) => {
      const report = await this.report(ctx, id, em);
      if (!ctx.ability.can('review', subject('ScreeningReport', report))) throw forbidden('Only the level above reviews a screening report.');
      if (report.reviewedAt) throw badInput('This report has already been reviewed.', { reason: 'ALREADY_REVIEWED' });
      expectVersion(report, version);
      report.reviewedAt = new Date();
      report.reviewedById = ctx.user.id;
      report.reviewedByName = ctx.user.displayName;
      em.persist(Object.assign(new ScreeningEvent(), { countyId: report.countyId, reportId: report.id, type: 'REVIEWED', ...actorOf(ctx), note: text(note, 'note', 2000, false) }));
      await em.flush();
      return report;
    });
  }

  /** Adds the default cadence rules of docs/domain.md §6 to a county that has none, in force from `from`. */
  static async ensureDefaultRules(em: EntityManager, countyId: string, from: CalendarDate): Promise<void> {
    if ((await em.count(ScreeningRule, { countyId })) > 0) return;
    for (const kind of SCREENING_UNIT_KINDS) {
      em.persist(Object.assign(new ScreeningRule(), { countyId, unitKind: kind, effectiveFrom: from, ...DEFAULT_SCREENING_RULES[kind] }));
    }
    await em.flush();
  }
}
