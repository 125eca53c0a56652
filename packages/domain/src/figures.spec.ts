import { describe, expect, it } from 'vitest';
import { FIGURES, FIGURE_NAMES, periodRange, previousPeriod, rateValue, relativeChange, yearBefore } from './figures.js';

describe('the figures’ definitions', () => {
  it('defines every figure in Chinese and English', () => {
    for (const name of FIGURE_NAMES) {
      expect(FIGURES[name].definition.zh).toContain('÷');
      expect(FIGURES[name].definition.en).toContain('÷');
    }
  });

  it('answers no data, never 0 % or 100 %, for a zero denominator', () => {
    expect(rateValue(0, 0)).toBeNull();
    expect(rateValue(0, 4)).toBe(0);
    expect(rateValue(3, 4)).toBe(0.75);
  });

  it('gives the relative change against the year before, none from zero', () => {
    expect(relativeChange(0.058, 0.1)).toBeCloseTo(-0.42);
    expect(relativeChange(0.1, 0)).toBeNull();
    expect(relativeChange(null, 0.1)).toBeNull();
  });

  it('finds the same days a year before, 29 February on the 28th', () => {
    expect(yearBefore('2026-12-07')).toBe('2025-12-07');
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('bounds a month, a quarter and a year, and the period before', () => {
    expect(periodRange('MONTH', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('MONTH', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange('QUARTER', '2026-11-15')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('YEAR', '2025-06-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod('MONTH', '2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod('QUARTER', '2026-01-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
});
