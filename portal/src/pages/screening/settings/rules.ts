import { addDays, screeningPeriodAt, screeningPeriods, SCREENING_CADENCES, SCREENING_UNIT_KINDS, type CalendarDate, type ScreeningPeriod } from '@xinfang/domain';
import type { ScreeningCadence, ScreeningUnitKind } from '@/gql/graphql';

type Translate = (key: string, params?: Record<string, number | string>) => string;

/** A screening rule as the server lists it (`screeningRules`) or as the form proposes it. */
export interface RuleLike {
  unitKind: ScreeningUnitKind;
  cadence: ScreeningCadence;
  dueAfterDays: number;
  effectiveFrom: CalendarDate;
}

/** The unit kinds that screen, in the order the page lists them: 村民小组, 村(居), 镇乡, 部门. */
export const RULE_KINDS: readonly ScreeningUnitKind[] = SCREENING_UNIT_KINDS;

/** The cadences, shortest first. */
export const CADENCES: readonly ScreeningCadence[] = SCREENING_CADENCES;

/** One unit kind's rules: the one in force today (the latest that has begun) and those still to come. */
export interface KindRules<R extends RuleLike> {
  unitKind: ScreeningUnitKind;
  current: R | null;
  scheduled: R[];
}

const byStart = <R extends RuleLike>(a: R, b: R) => a.effectiveFrom.localeCompare(b.effectiveFrom);

/** Every screening unit kind with its rule in force on `today` and its scheduled changes, soonest first. */
export function rulesByKind<R extends RuleLike>(rules: readonly R[], today: CalendarDate): KindRules<R>[] {
  return RULE_KINDS.map((unitKind) => {
    const own = rules.filter((r) => r.unitKind === unitKind).sort(byStart);
    return {
      unitKind,
      current: own.filter((r) => r.effectiveFrom <= today).at(-1) ?? null,
      scheduled: own.filter((r) => r.effectiveFrom > today),
    };
  });
}

/** The rule of a kind in force on the day before `month` (a `YYYY-MM-01`): the one a change from then replaces. */
export function ruleBefore<R extends RuleLike>(rules: readonly R[], unitKind: ScreeningUnitKind, first: CalendarDate): R | null {
  return rules.filter((r) => r.unitKind === unitKind && r.effectiveFrom < first).sort(byStart).at(-1) ?? null;
}

const dayOf = (date: CalendarDate) => Number(date.slice(8, 10));
const monthOf = (date: CalendarDate) => Number(date.slice(5, 7));

/** A date as people write it: 2026年12月1日, or 12月1日 without the year. */
export function dateWords(t: Translate, date: CalendarDate, withYear = true): string {
  const params = { year: Number(date.slice(0, 4)), month: monthOf(date), day: dayOf(date) };
  return t(withYear ? 'screening.settings.fullDate' : 'screening.settings.shortDate', params);
}

/** A month as people write it: 2026年12月. */
export const monthWords = (t: Translate, first: CalendarDate): string =>
  t('screening.period.month', { year: Number(first.slice(0, 4)), month: monthOf(first) });

const days = (t: Translate, n: number) => t(n === 1 ? 'screening.settings.day' : 'screening.settings.days', { n });

/**
 * A cadence and its due day in words: 每周（周一至周日），周期结束后 1 天内报送，即下周一; 每半月（1–15日、
 * 16日–月末），结束后 3 天内报送，即当月 18 日、次月 3 日前; 每月，次月 5 日前报送.
 */
export function ruleWords(t: Translate, rule: Pick<RuleLike, 'cadence' | 'dueAfterDays'>): string {
  const n = rule.dueAfterDays;
  if (n === 0) return t(`screening.settings.rule.${rule.cadence}_0`);
  if (rule.cadence === 'MONTHLY') return t('screening.settings.rule.MONTHLY', { n });
  if (rule.cadence === 'WEEKLY') {
    // A week ends on a Sunday: within a week after, the due day is a day of the next week.
    const then = n <= 7 ? t('screening.settings.rule.weeklyThen', { weekday: t(`screening.settings.weekday.${n % 7}`) }) : '';
    return t('screening.settings.rule.WEEKLY', { days: days(t, n), then });
  }
  // The first half ends on the 15th; its due day is in the same month only up to the 28th (February).
  const then = n <= 13 ? t('screening.settings.rule.halfMonthlyThen', { mid: 15 + n, n }) : '';
  return t('screening.settings.rule.HALF_MONTHLY', { days: days(t, n), then });
}

/** The first letter in capitals, for a sentence that starts with a rule (English; Chinese is unchanged). */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What a proposed change gives: the last period under the old rule, and the first periods under the new one. */
export interface RulePreview {
  lastBefore: ScreeningPeriod | null;
  first: ScreeningPeriod[];
}

/**
 * The periods around a change of `proposal.unitKind`'s rule, as the server will derive them: the old
 * rule's last period clipped the day before the change, then the first `count` periods of the new
 * rule (themselves clipped by any later change already scheduled).
 */
export function previewChange(rules: readonly RuleLike[], proposal: RuleLike, count = 3): RulePreview {
  const own = rules.filter((r) => r.unitKind === proposal.unitKind && r.effectiveFrom !== proposal.effectiveFrom);
  const after = [...own, proposal];
  const dayBefore = addDays(proposal.effectiveFrom, -1);
  const lastBefore = own.some((r) => r.effectiveFrom <= dayBefore) ? screeningPeriodAt(after, dayBefore) : null;
  // Enough days for `count` periods of any cadence.
  const first = screeningPeriods(after, proposal.effectiveFrom, addDays(proposal.effectiveFrom, 31 * count)).slice(0, count);
  return { lastBefore, first };
}

/** Whether `first` (a `YYYY-MM-01`) is in a month after today's. */
export const isFutureMonth = (first: CalendarDate, today: CalendarDate): boolean => first.slice(0, 7) > today.slice(0, 7);

/** The first day of the month after today's. */
export function nextMonthFirst(today: CalendarDate): CalendarDate {
  const year = Number(today.slice(0, 4));
  const month = monthOf(today);
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}
