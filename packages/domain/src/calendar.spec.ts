import { describe, expect, it } from 'vitest';
import {
  STATE_COUNCIL_CALENDAR,
  addDays,
  calendarDaysDeadline,
  holidayCalendar,
  isCalendarDate,
  isWorkingDay,
  shanghaiDate,
  weekday,
  workingDaysDeadline,
} from './calendar.js';

const cal = holidayCalendar(STATE_COUNCIL_CALENDAR);

describe('calendar dates', () => {
  it('knows real dates from look-alikes', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-9-16')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 15)).toBe('2027-01-09');
    expect(addDays('2024-02-20', 10)).toBe('2024-03-01');
    expect(weekday('2026-10-08')).toBe(4);
  });

  it('takes the date in Asia/Shanghai, whatever the machine’s zone', () => {
    expect(shanghaiDate(new Date('2026-09-15T16:00:00Z'))).toBe('2026-09-16');
    expect(shanghaiDate(new Date('2026-09-15T15:59:59Z'))).toBe('2026-09-15');
  });
});

describe('the State Council calendar', () => {
  it('has each year’s holidays and make-up days', () => {
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-07', cal)).toBe(false);
    expect(isWorkingDay('2026-10-08', cal)).toBe(true);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // a Saturday worked (调休上班)
    expect(isWorkingDay('2026-09-20', cal)).toBe(true); // a Sunday worked
    expect(isWorkingDay('2025-01-26', cal)).toBe(true);
    expect(isWorkingDay('2024-02-12', cal)).toBe(false);
    expect(isWorkingDay('2026-11-28', cal)).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2026-11-27', cal)).toBe(true);
  });

  it('lists no day twice', () => {
    const dates = STATE_COUNCIL_CALENDAR.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe('deadlines', () => {
  it('does not count the day of receipt, and rolls a period that ends on a holiday to the next working day', () => {
    // docs/domain.md §4: received 16 September 2026, 15 days end on 1 October → 8 October.
    expect(calendarDaysDeadline('2026-09-16', 15, cal)).toBe('2026-10-08');
    expect(calendarDaysDeadline('2026-11-02', 15, cal)).toBe('2026-11-17');
  });

  it('rolls a period that ends on a weekend to Monday, and one that ends on a make-up Saturday stays', () => {
    expect(calendarDaysDeadline('2026-11-13', 15, cal)).toBe('2026-11-30'); // 28 Nov is a Saturday
    expect(calendarDaysDeadline('2026-09-25', 15, cal)).toBe('2026-10-10'); // Saturday 10 Oct is a make-up working day
  });

  it('counts working days over a holiday and a make-up day', () => {
    // From Tuesday 29 September 2026: 30 Sep is the 1st; 1–7 Oct off; 8 Oct 2nd, 9 Oct 3rd, Sat 10 Oct (worked) 4th, 12 Oct 5th.
    expect(workingDaysDeadline('2026-09-29', 5, cal)).toBe('2026-10-12');
    expect(workingDaysDeadline('2026-11-26', 5, cal)).toBe('2026-12-03');
  });
});
