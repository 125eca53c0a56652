import { lastDayOfMonth, shanghaiDate, type CalendarDate } from '@xinfang/domain';
import type { ScreeningStatus } from '@/gql/graphql';

type Translate = (key: string, params?: Record<string, number | string>) => string;

/** The statuses in the order the grid and its legend show them: the ones to act on first. */
export const SCREENING_STATUS_ORDER: readonly ScreeningStatus[] = ['MISSING', 'LATE', 'DUE', 'SUBMITTED'];

/** Element Plus's tag type of a status: missing red, late amber, due blue, on time green. */
export const STATUS_TAG_TYPE: Record<ScreeningStatus, 'danger' | 'warning' | 'primary' | 'success'> = {
  MISSING: 'danger',
  LATE: 'warning',
  DUE: 'primary',
  SUBMITTED: 'success',
};

/** The same colours for the chart (Element Plus's palette; 未报送 the portal's darker red, which carries white text). */
export const STATUS_COLOUR: Record<ScreeningStatus, string> = {
  MISSING: '#c03535',
  LATE: '#e6a23c',
  DUE: '#409eff',
  SUBMITTED: '#67c23a',
};

const parts = (date: CalendarDate) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });
const monthDay = (date: CalendarDate) => `${parts(date).month}/${parts(date).day}`;

/** What kind of period a start and an end make: a whole month, a half-month, or some days (a week). */
function shapeOf(start: CalendarDate, end: CalendarDate): 'month' | 'firstHalf' | 'secondHalf' | 'days' {
  const sameMonth = start.slice(0, 7) === end.slice(0, 7);
  if (sameMonth && start.endsWith('-01') && end === lastDayOfMonth(start)) return 'month';
  if (sameMonth && start.endsWith('-01') && end.endsWith('-15')) return 'firstHalf';
  if (sameMonth && start.endsWith('-16') && end === lastDayOfMonth(start)) return 'secondHalf';
  return 'days';
}

/** A period as people say it: 2026年5月, 2026年5月上半月, or its days (a week). */
export function periodLabel(t: Translate, start: CalendarDate, end: CalendarDate): string {
  const shape = shapeOf(start, end);
  const { year, month } = parts(start);
  if (shape === 'days') return t('screening.period.days', { from: start, to: end });
  return t(`screening.period.${shape}`, { year, month });
}

/** A period in a grid cell, where the month is already known: 5月, 上半月, 5/4–5/10. */
export function periodShortLabel(t: Translate, start: CalendarDate, end: CalendarDate): string {
  const shape = shapeOf(start, end);
  if (shape === 'month') return t('screening.period.shortMonth', { month: parts(start).month });
  if (shape === 'firstHalf') return t('screening.period.shortFirstHalf');
  if (shape === 'secondHalf') return t('screening.period.shortSecondHalf');
  return t('screening.period.shortDays', { from: monthDay(start), to: monthDay(end) });
}

/** The current month in the county, `YYYY-MM`. */
export const currentMonth = (today: CalendarDate = shanghaiDate()): string => today.slice(0, 7);

/** The first day of the month `n` months before the month of `date`. */
export function monthsBefore(date: CalendarDate, n: number): CalendarDate {
  const { year, month } = parts(date);
  const at = new Date(Date.UTC(year, month - 1 - n, 1));
  return at.toISOString().slice(0, 10);
}

/** Whether a value is a month written `YYYY-MM` (from the address bar). */
export const isMonthValue = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
