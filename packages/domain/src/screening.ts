/**
 * Dispute screening (矛盾纠纷排查, docs/domain.md §6): who screens how often, the periods derived from
 * those rules, and the status of each period. Dates are calendar dates in Asia/Shanghai.
 */
import { addDays, isCalendarDate, type CalendarDate } from './calendar.js';
import type { UnitKind } from './organisation.js';

/** The unit kinds that screen and report; the county, the bureau and the supervision group do not. */
export const SCREENING_UNIT_KINDS = ['VILLAGE_GROUP', 'VILLAGE', 'TOWNSHIP', 'DEPARTMENT'] as const;
export type ScreeningUnitKind = (typeof SCREENING_UNIT_KINDS)[number];
export const isScreeningUnitKind = (kind: UnitKind): kind is ScreeningUnitKind => (SCREENING_UNIT_KINDS as readonly string[]).includes(kind);

/** How often a unit screens: weeks run Monday to Sunday, half-months 1–15 and 16–end. */
export const SCREENING_CADENCES = ['WEEKLY', 'HALF_MONTHLY', 'MONTHLY'] as const;
export type ScreeningCadence = (typeof SCREENING_CADENCES)[number];

/**
 * A period's status: `DUE` (open, nothing yet), `SUBMITTED` (on or before the due day), `LATE`
 * (after it), `MISSING` (the due day has passed and nothing came).
 */
export const SCREENING_STATUSES = ['DUE', 'SUBMITTED', 'LATE', 'MISSING'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];

export const DISPUTE_RISK_LEVELS = ['GENERAL', 'MAJOR'] as const;
export type DisputeRiskLevel = (typeof DISPUTE_RISK_LEVELS)[number];

export const DISPUTE_STATUSES = ['OPEN', 'RESOLVING', 'RESOLVED', 'ESCALATED'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** Days a general dispute has to be resolved locally when the reporter gives no deadline. */
export const DISPUTE_DEFAULT_RESOLVE_DAYS = 30;

/**
 * Which statuses `updateDispute` may move a dispute to. Escalation is its own action
 * (`escalateDispute`), and a resolved dispute stays resolved.
 */
export const DISPUTE_STATUS_MOVES: Record<DisputeStatus, readonly DisputeStatus[]> = {
  OPEN: ['RESOLVING', 'RESOLVED'],
  RESOLVING: ['OPEN', 'RESOLVED'],
  ESCALATED: ['RESOLVING', 'RESOLVED'],
  RESOLVED: [],
};

/** One unit kind's cadence and due day, in force from `effectiveFrom` (the first day of a month). */
export interface ScreeningRule {
  unitKind: ScreeningUnitKind;
  cadence: ScreeningCadence;
  /** The due day is this many days after the period's last day. */
  dueAfterDays: number;
  effectiveFrom: CalendarDate;
}

/**
 * The rules of docs/domain.md §6: village groups weekly, due the Monday after the week; villages
 * half-monthly, due the 3rd day after the half-month; townships and departments monthly, due the 5th
 * of the next month.
 */
export const DEFAULT_SCREENING_RULES: Record<ScreeningUnitKind, { cadence: ScreeningCadence; dueAfterDays: number }> = {
  VILLAGE_GROUP: { cadence: 'WEEKLY', dueAfterDays: 1 },
  VILLAGE: { cadence: 'HALF_MONTHLY', dueAfterDays: 3 },
  TOWNSHIP: { cadence: 'MONTHLY', dueAfterDays: 5 },
  DEPARTMENT: { cadence: 'MONTHLY', dueAfterDays: 5 },
};

/** The longest gap allowed between a period's end and its due day. */
export const MAX_DUE_AFTER_DAYS = 15;

export interface ScreeningPeriod {
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  dueDate: CalendarDate;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** Whether `value` is a month written `YYYY-MM`. */
export const isMonth = (value: string): boolean => MONTH.test(value) && isCalendarDate(`${value}-01`);

/** The last day of the month that `date` falls in. */
export function lastDayOfMonth(date: CalendarDate): CalendarDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The first and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { first: CalendarDate; last: CalendarDate } {
  if (!isMonth(month)) throw new Error(`Not a month: ${month}`);
  const first = `${month}-01`;
  return { first, last: lastDayOfMonth(first) };
}

/** The whole cadence period (before any clipping by a rule change) that contains `date`. */
export function cadencePeriodContaining(cadence: ScreeningCadence, date: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  if (cadence === 'WEEKLY') {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    const start = addDays(date, -((dow + 6) % 7));
    return { start, end: addDays(start, 6) };
  }
  const monthStart = `${date.slice(0, 7)}-01`;
  const monthEnd = lastDayOfMonth(date);
  if (cadence === 'MONTHLY') return { start: monthStart, end: monthEnd };
  return Number(date.slice(8)) <= 15 ? { start: monthStart, end: `${date.slice(0, 7)}-15` } : { start: `${date.slice(0, 7)}-16`, end: monthEnd };
}

const later = (a: CalendarDate, b: CalendarDate) => (a > b ? a : b);
const earlier = (a: CalendarDate, b: CalendarDate) => (a < b ? a : b);

/**
 * A unit kind's periods that overlap `from`–`to`, in order. `rules` are that kind's rules over time;
 * each is in force from its `effectiveFrom` until the next one's, and a period that a change cuts is
 * clipped at the change. There are no periods before the first rule, nor any that end before
 * `notBefore` (the day the unit was set up).
 */
export function screeningPeriods(
  rules: readonly Pick<ScreeningRule, 'cadence' | 'dueAfterDays' | 'effectiveFrom'>[],
  from: CalendarDate,
  to: CalendarDate,
  notBefore?: CalendarDate,
): ScreeningPeriod[] {
  const sorted = [...rules].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const out: ScreeningPeriod[] = [];
  sorted.forEach((rule, i) => {
    const segmentStart = rule.effectiveFrom;
    const next = sorted[i + 1];
    const segmentEnd = next ? addDays(next.effectiveFrom, -1) : null;
    if (segmentEnd && segmentEnd < from) return;
    if (segmentStart > to) return;
    let cursor = later(segmentStart, from);
    while (cursor <= to && (!segmentEnd || cursor <= segmentEnd)) {
      const whole = cadencePeriodContaining(rule.cadence, cursor);
      const periodStart = later(whole.start, segmentStart);
      const periodEnd = segmentEnd ? earlier(whole.end, segmentEnd) : whole.end;
      if (!notBefore || periodEnd >= notBefore) out.push({ periodStart, periodEnd, dueDate: addDays(periodEnd, rule.dueAfterDays) });
      cursor = addDays(periodEnd, 1);
    }
  });
  return out;
}

/** The period that contains `date`, or null when no rule is in force then. */
export function screeningPeriodAt(
  rules: readonly Pick<ScreeningRule, 'cadence' | 'dueAfterDays' | 'effectiveFrom'>[],
  date: CalendarDate,
): ScreeningPeriod | null {
  return screeningPeriods(rules, date, date)[0] ?? null;
}

/** A period's status on `today`, given the day its report was submitted (Asia/Shanghai), if any. */
export function screeningStatus(period: Pick<ScreeningPeriod, 'dueDate'>, submittedOn: CalendarDate | null, today: CalendarDate): ScreeningStatus {
  if (submittedOn) return submittedOn > period.dueDate ? 'LATE' : 'SUBMITTED';
  return today > period.dueDate ? 'MISSING' : 'DUE';
}

/** What is wrong with a proposed rule change made on `today`, or null when it may be saved. */
export function screeningRuleProblem(
  rule: Pick<ScreeningRule, 'cadence' | 'dueAfterDays' | 'effectiveFrom'>,
  today: CalendarDate,
): 'NOT_FIRST_OF_MONTH' | 'NOT_IN_FUTURE' | 'DUE_AFTER_DAYS' | null {
  if (!isCalendarDate(rule.effectiveFrom) || !rule.effectiveFrom.endsWith('-01')) return 'NOT_FIRST_OF_MONTH';
  if (rule.effectiveFrom <= today) return 'NOT_IN_FUTURE';
  if (!Number.isInteger(rule.dueAfterDays) || rule.dueAfterDays < 0 || rule.dueAfterDays > MAX_DUE_AFTER_DAYS) return 'DUE_AFTER_DAYS';
  return null;
}

/** Whether a report's period is already open for submission on `today` (it has started). */
export const isPeriodOpen = (period: Pick<ScreeningPeriod, 'periodStart'>, today: CalendarDate): boolean => period.periodStart <= today;

/**
 * The on-time rate of screening reports (docs/domain.md §8: on time ÷ due, zero reports counting): reports
 * submitted on or before their due day, over every period whose report is in or overdue (SUBMITTED,
 * LATE, MISSING; a period still open counts once it is submitted). Null when there is no such period.
 */
export function screeningOnTimeRate(counts: { submitted: number; late: number; missing: number }): number | null {
  const due = counts.submitted + counts.late + counts.missing;
  return due > 0 ? counts.submitted / due : null;
}
