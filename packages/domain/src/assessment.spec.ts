import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMES, assessmentTotal, indicatorPoints, rankResults, weightTotal } from './assessment.js';

describe('assessment arithmetic', () => {
  it('ships default schemes whose weights sum to 100', () => {
    for (const [kind, scheme] of Object.entries(DEFAULT_SCHEMES)) expect(weightTotal(scheme.indicators), kind).toBe(100);
    expect(DEFAULT_SCHEMES.TOWNSHIP.indicators.map((i) => i.weight)).toEqual([25, 15, 10, 15, 15, 10, 10]);
  });

  it('gives weight × rate in hundredths, rounded half up, and the full weight with no data', () => {
    expect(indicatorPoints(25, 3, 4, 'HIGHER_IS_BETTER')).toBe(1875);
    expect(indicatorPoints(15, 1, 3, 'HIGHER_IS_BETTER')).toBe(500);
    expect(indicatorPoints(10, 2, 3, 'HIGHER_IS_BETTER')).toBe(667); // 6.666… → 6.67
    expect(indicatorPoints(10, 1, 8, 'HIGHER_IS_BETTER')).toBe(125); // 1.25 exactly
    expect(indicatorPoints(1, 1, 200, 'HIGHER_IS_BETTER')).toBe(1); // 0.005 → 0.01 (half up)
    expect(indicatorPoints(10, 1, 4, 'LOWER_IS_BETTER')).toBe(750); // repeat 25 % → 10 × 0.75
    expect(indicatorPoints(15, 0, 0, 'HIGHER_IS_BETTER')).toBe(1500);
    expect(indicatorPoints(10, 0, 0, 'LOWER_IS_BETTER')).toBe(1000);
  });

  it('takes the deductions off and never goes below zero', () => {
    expect(assessmentTotal([1875, 500, 750], 300)).toBe(2825);
    expect(assessmentTotal([100], 300)).toBe(0);
  });

  it('ranks by total, ties sharing a rank, a confirmed veto last whatever its score', () => {
    const ranks = rankResults([
      { id: 'a', total: 9000, vetoed: false },
      { id: 'b', total: 9500, vetoed: true },
      { id: 'c', total: 8000, vetoed: false },
      { id: 'd', total: 9000, vetoed: false },
      { id: 'e', total: 7000, vetoed: true },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, d: 1, c: 3, b: 4, e: 5 });
  });
});
