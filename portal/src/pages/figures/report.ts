import { REPORT_PERIODS, addDays, periodRange, previousPeriod, shanghaiDate, type ReportPeriod } from '@xinfang/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { dateIn, idIn, oneOf } from '@/composables/useCursorList';

/*
 * 信访形势分析: the scope, the kind of period and the period, kept in the address bar
 * (`?scope=&period=&start=`), the periods the picker offers, and the changes the table shows.
 */

export { REPORT_PERIODS, type ReportPeriod };

type Translate = (key: string, params?: Record<string, number | string>) => string;

/** The report's state: the scope unit ('' for the caller's default), the kind of period and its first day. */
export interface ReportState {
  scope: string;
  period: ReportPeriod;
  start: string;
}

/** The last period of a kind that has ended (Asia/Shanghai): its first day. */
export function lastFullPeriod(period: ReportPeriod, today: string = shanghaiDate()): string {
  return previousPeriod(period, today).from;
}

/**
 * Reads the report's state from the address: by default a quarter, the last full one; a day inside a
 * period is that period's first day; a period not yet begun is the last full one.
 */
export function reportStateFromQuery(query: LocationQuery, today: string = shanghaiDate()): ReportState {
  const period: ReportPeriod = oneOf(query.period, REPORT_PERIODS) || 'QUARTER';
  const day = dateIn(query.start);
  const start = day && day <= today ? periodRange(period, day).from : lastFullPeriod(period, today);
  return { scope: idIn(query.scope), period, start };
}

export function reportStateToQuery(state: ReportState): LocationQueryRaw {
  return { ...(state.scope ? { scope: state.scope } : {}), period: state.period, ...(state.start ? { start: state.start } : {}) };
}

/** A period as a person reads it: 2025年第4季度, 2025年11月, 2025年. */
export function periodName(period: ReportPeriod, start: string, t: Translate): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  if (period === 'YEAR') return t('figures.report.yearName', { year });
  if (period === 'QUARTER') return t('figures.report.quarterName', { year, quarter: Math.floor((month - 1) / 3) + 1 });
  return t('figures.month', { year, month });
}

/** The first year the platform reports on (the server's own bound). */
export const FIRST_YEAR = 2000;

/**
 * The periods of a kind the picker offers, newest first: every one begun by today (the current one
 * too, counted to today), back to 2000 for years and quarters, five years of months.
 */
export function periodChoices(period: ReportPeriod, today: string = shanghaiDate()): string[] {
  const earliest = period === 'MONTH' ? `${Number(today.slice(0, 4)) - 5}-01-01` : `${FIRST_YEAR}-01-01`;
  const choices: string[] = [];
  let start = periodRange(period, today).from;
  while (start >= earliest && choices.length < 500) {
    choices.push(start);
    start = periodRange(period, addDays(start, -1)).from;
  }
  return choices;
}

/** The years the yearly report can be drafted for: this year (to today) back to 2000. */
export function reportYears(today: string = shanghaiDate()): number[] {
  const years: number[] = [];
  for (let y = Number(today.slice(0, 4)); y >= FIRST_YEAR; y--) years.push(y);
  return years;
}

/** The relative change (cur − prev) / prev; none when either is missing or the earlier is zero. */
export function relativeChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined || previous === 0) return null;
  return (current - previous) / previous;
}

/** A change as +12.5% or −4.0%, none as —. */
export function changePercent(change: number | null): string {
  if (change === null) return '—';
  const n = `${(Math.abs(change) * 100).toFixed(1)}%`;
  if (Math.abs(change) < 0.0005) return '0.0%';
  return change > 0 ? `+${n}` : `−${n}`;
}

/** The most of a breakdown, at most `n` rows. */
export const topRows = <T extends { count: number }>(rows: readonly T[], n = 10): T[] => [...rows].sort((a, b) => b.count - a.count).slice(0, n);
