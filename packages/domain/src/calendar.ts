/**
 * Calendar dates and the statutory holiday calendar. Petition deadlines (信访工作条例 2022) are
 * calendar dates in Asia/Shanghai, written `YYYY-MM-DD`; arithmetic here is on those strings through
 * UTC midnights, so no machine's time zone can shift a day.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toUtc(date: CalendarDate): number {
  if (!isCalendarDate(date)) throw new Error(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

const fromUtc = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) at instant `at`. */
export function shanghaiDate(at: Date = new Date()): CalendarDate {
  return fromUtc(at.getTime() + 8 * 3_600_000);
}

/** Holidays and make-up working days (调休上班) on top of the ordinary Monday-to-Friday week. */
export interface HolidayCalendar {
  /** Days off that would otherwise be working days, and the weekend days of a holiday. */
  holidays: ReadonlySet<CalendarDate>;
  /** Weekend days that are working days (调休上班). */
  workdays: ReadonlySet<CalendarDate>;
}

/** Whether `date` is a working day under `calendar`. */
export function isWorkingDay(date: CalendarDate, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const w = weekday(date);
  return w !== 0 && w !== 6;
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function nextWorkingDayFrom(date: CalendarDate, calendar: HolidayCalendar): CalendarDate {
  let d = date;
  for (let i = 0; i < 366 && !isWorkingDay(d, calendar); i++) d = addDays(d, 1);
  return d;
}

/**
 * The end of a period of `days` calendar days starting the day after `start` (the day of receipt is
 * not counted); a period ending on a holiday or a weekend ends on the next working day.
 * Received 2026-09-16, 15 days end on 2026-10-01, National Day, so on 2026-10-08.
 */
export function calendarDaysDeadline(start: CalendarDate, days: number, calendar: HolidayCalendar): CalendarDate {
  return nextWorkingDayFrom(addDays(start, days), calendar);
}

/** The `n`th working day after `start` (weekends and holidays skipped, make-up days counted). */
export function workingDaysDeadline(start: CalendarDate, n: number, calendar: HolidayCalendar): CalendarDate {
  let d = start;
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) counted++;
  }
  return d;
}

/** One day of the statutory calendar, as the State Council's notice gives it. */
export interface CalendarDay {
  date: CalendarDate;
  kind: 'HOLIDAY' | 'WORKDAY';
  /** The holiday it belongs to, e.g. 国庆节. */
  name: string;
}

const span = (from: CalendarDate, to: CalendarDate, name: string): CalendarDay[] =>
  Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => ({ date: addDays(from, i), kind: 'HOLIDAY' as const, name }));
const work = (name: string, ...dates: CalendarDate[]): CalendarDay[] => dates.map((date) => ({ date, kind: 'WORKDAY' as const, name }));

/**
 * The State Council's holidays and make-up working days, 2024–2026, from 国务院办公厅关于2024年部分节假日
 * 安排的通知 (国办发明电〔2023〕7号, 2023-10-25), …2025年… (国办发明电〔2024〕12号, 2024-11-12) and
 * …2026年… (2025-11-04). The database is seeded with these; the bureau keeps later years up to date.
 */
export const STATE_COUNCIL_CALENDAR: readonly CalendarDay[] = [
  // 2024
  ...span('2024-01-01', '2024-01-01', '元旦'),
  ...span('2024-02-10', '2024-02-17', '春节'), ...work('春节', '2024-02-04', '2024-02-18'),
  ...span('2024-04-04', '2024-04-06', '清明节'), ...work('清明节', '2024-04-07'),
  ...span('2024-05-01', '2024-05-05', '劳动节'), ...work('劳动节', '2024-04-28', '2024-05-11'),
  ...span('2024-06-10', '2024-06-10', '端午节'),
  ...span('2024-09-15', '2024-09-17', '中秋节'), ...work('中秋节', '2024-09-14'),
  ...span('2024-10-01', '2024-10-07', '国庆节'), ...work('国庆节', '2024-09-29', '2024-10-12'),
  // 2025
  ...span('2025-01-01', '2025-01-01', '元旦'),
  ...span('2025-01-28', '2025-02-04', '春节'), ...work('春节', '2025-01-26', '2025-02-08'),
  ...span('2025-04-04', '2025-04-06', '清明节'),
  ...span('2025-05-01', '2025-05-05', '劳动节'), ...work('劳动节', '2025-04-27'),
  ...span('2025-05-31', '2025-06-02', '端午节'),
  ...span('2025-10-01', '2025-10-08', '国庆节、中秋节'), ...work('国庆节、中秋节', '2025-09-28', '2025-10-11'),
  // 2026
  ...span('2026-01-01', '2026-01-03', '元旦'), ...work('元旦', '2026-01-04'),
  ...span('2026-02-15', '2026-02-23', '春节'), ...work('春节', '2026-02-14', '2026-02-28'),
  ...span('2026-04-04', '2026-04-06', '清明节'),
  ...span('2026-05-01', '2026-05-05', '劳动节'), ...work('劳动节', '2026-05-09'),
  ...span('2026-06-19', '2026-06-21', '端午节'),
  ...span('2026-09-25', '2026-09-27', '中秋节'),
  ...span('2026-10-01', '2026-10-07', '国庆节'), ...work('国庆节', '2026-09-20', '2026-10-10'),
];

/** Builds the calendar from its days (as stored in the database or in STATE_COUNCIL_CALENDAR). */
export function holidayCalendar(days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): HolidayCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
  };
}
