import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCREENING_RULES,
  cadencePeriodContaining,
  isMonth,
  monthRange,
  screeningPeriodAt,
  screeningPeriods,
  screeningOnTimeRate,
  screeningRuleProblem,
  screeningStatus,
  type ScreeningUnitKind,
} from './screening.js';
import { shanghaiDate } from './calendar.js';

const rules = (kind: ScreeningUnitKind, effectiveFrom = '2020-01-01') => [{ ...DEFAULT_SCREENING_RULES[kind], effectiveFrom }];

describe('screening periods', () => {
  it('monthly: whole months, due the 5th of the next month, across the year end', () => {
    expect(screeningPeriods(rules('TOWNSHIP'), '2025-12-10', '2026-01-02')).toEqual([
      { periodStart: '2025-12-01', periodEnd: '2025-12-31', dueDate: '2026-01-05' },
      { periodStart: '2026-01-01', periodEnd: '2026-01-31', dueDate: '2026-02-05' },
    ]);
  });

  it('February has 28 days, or 29 in a leap year', () => {
    expect(screeningPeriodAt(rules('DEPARTMENT'), '2026-02-14')).toEqual({ periodStart: '2026-02-01', periodEnd: '2026-02-28', dueDate: '2026-03-05' });
    expect(screeningPeriodAt(rules('DEPARTMENT'), '2028-02-29')).toEqual({ periodStart: '2028-02-01', periodEnd: '2028-02-29', dueDate: '2028-03-05' });
  });

  it('half-months: the 1st to the 15th and the 16th to the month end, due three days after', () => {
    expect(screeningPeriods(rules('VILLAGE'), '2026-02-01', '2026-03-01')).toEqual([
      { periodStart: '2026-02-01', periodEnd: '2026-02-15', dueDate: '2026-02-18' },
      { periodStart: '2026-02-16', periodEnd: '2026-02-28', dueDate: '2026-03-03' },
      { periodStart: '2026-03-01', periodEnd: '2026-03-15', dueDate: '2026-03-18' },
    ]);
    expect(screeningPeriodAt(rules('VILLAGE'), '2026-01-15')?.periodEnd).toBe('2026-01-15');
    expect(screeningPeriodAt(rules('VILLAGE'), '2026-01-16')).toEqual({ periodStart: '2026-01-16', periodEnd: '2026-01-31', dueDate: '2026-02-03' });
  });

  it('weeks run Monday to Sunday across New Year, due the Monday after', () => {
    // 2025-12-29 is a Monday; the week holds New Year's Day 2026.
    expect(screeningPeriodAt(rules('VILLAGE_GROUP'), '2026-01-01')).toEqual({ periodStart: '2025-12-29', periodEnd: '2026-01-04', dueDate: '2026-01-05' });
    expect(cadencePeriodContaining('WEEKLY', '2026-01-04')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(cadencePeriodContaining('WEEKLY', '2026-01-05')).toEqual({ start: '2026-01-05', end: '2026-01-11' });
    const weeks = screeningPeriods(rules('VILLAGE_GROUP'), '2026-01-01', '2026-01-31');
    expect(weeks.map((w) => w.periodStart)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
  });

  it('has no periods before the first rule, nor before the unit was set up', () => {
    expect(screeningPeriods(rules('TOWNSHIP', '2026-03-01'), '2026-01-01', '2026-03-31').map((p) => p.periodStart)).toEqual(['2026-03-01']);
    expect(screeningPeriods(rules('TOWNSHIP'), '2026-01-01', '2026-03-31', '2026-02-10').map((p) => p.periodStart)).toEqual(['2026-02-01', '2026-03-01']);
    // A weekly first rule starting mid-week clips its first week.
    expect(screeningPeriods(rules('VILLAGE_GROUP', '2026-01-01'), '2026-01-01', '2026-01-04')).toEqual([
      { periodStart: '2026-01-01', periodEnd: '2026-01-04', dueDate: '2026-01-05' },
    ]);
  });

  it('a rule change clips the period it cuts and derives the new cadence from there', () => {
    const history = [
      { cadence: 'WEEKLY' as const, dueAfterDays: 1, effectiveFrom: '2020-01-01' },
      { cadence: 'HALF_MONTHLY' as const, dueAfterDays: 3, effectiveFrom: '2026-04-01' },
    ];
    // 2026-03-30 is a Monday: the week is cut at 31 March.
    expect(screeningPeriods(history, '2026-03-25', '2026-04-20')).toEqual([
      { periodStart: '2026-03-23', periodEnd: '2026-03-29', dueDate: '2026-03-30' },
      { periodStart: '2026-03-30', periodEnd: '2026-03-31', dueDate: '2026-04-01' },
      { periodStart: '2026-04-01', periodEnd: '2026-04-15', dueDate: '2026-04-18' },
      { periodStart: '2026-04-16', periodEnd: '2026-04-30', dueDate: '2026-05-03' },
    ]);
  });

  it('months and their ranges', () => {
    expect(isMonth('2026-02')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-2')).toBe(false);
    expect(monthRange('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  });
});

describe('screening status', () => {
  const period = { dueDate: '2026-03-05' };
  it('the due day itself is still on time and still due', () => {
    expect(screeningStatus(period, '2026-03-05', '2026-03-09')).toBe('SUBMITTED');
    expect(screeningStatus(period, null, '2026-03-05')).toBe('DUE');
  });
  it('the day after the due day is late, or missing', () => {
    expect(screeningStatus(period, '2026-03-06', '2026-03-09')).toBe('LATE');
    expect(screeningStatus(period, null, '2026-03-06')).toBe('MISSING');
  });
  it('the day counts in Asia/Shanghai: 16:30 UTC on the due day is already the next day there', () => {
    const today = shanghaiDate(new Date('2026-03-05T16:30:00Z'));
    expect(today).toBe('2026-03-06');
    expect(screeningStatus(period, null, today)).toBe('MISSING');
    expect(screeningStatus(period, shanghaiDate(new Date('2026-03-05T15:59:59Z')), today)).toBe('SUBMITTED');
  });
});

describe('on-time rate', () => {
  it('is on time over submitted, late and missing; open periods do not count; none gives null', () => {
    expect(screeningOnTimeRate({ submitted: 3, late: 1, missing: 0 })).toBe(0.75);
    expect(screeningOnTimeRate({ submitted: 0, late: 1, missing: 1 })).toBe(0);
    expect(screeningOnTimeRate({ submitted: 0, late: 0, missing: 0 })).toBeNull();
  });
});

describe('rule changes', () => {
  const rule = { cadence: 'MONTHLY' as const, dueAfterDays: 5, effectiveFrom: '2027-01-01' };
  it('take effect from the first of a future month, with a due day 0–15 days after the period', () => {
    expect(screeningRuleProblem(rule, '2026-11-26')).toBeNull();
    expect(screeningRuleProblem({ ...rule, effectiveFrom: '2027-01-02' }, '2026-11-26')).toBe('NOT_FIRST_OF_MONTH');
    expect(screeningRuleProblem({ ...rule, effectiveFrom: '2026-11-01' }, '2026-11-26')).toBe('NOT_IN_FUTURE');
    expect(screeningRuleProblem({ ...rule, dueAfterDays: 16 }, '2026-11-26')).toBe('DUE_AFTER_DAYS');
    expect(screeningRuleProblem({ ...rule, dueAfterDays: 1.5 }, '2026-11-26')).toBe('DUE_AFTER_DAYS');
  });
});
