import type { FigureName } from './figures.js';

/**
 * Assessment (目标考核) and 一票否决, docs/domain.md §8: the schemes, how an indicator's figure becomes
 * points, the deductions, the total and the ranking. Everything here is arithmetic on numbers the
 * figures module counted; the server stores the result with its evidence.
 *
 * Points are kept in hundredths (integers) so that a total is the exact sum of its parts: 24.38
 * points is 2438.
 */

/** The kinds of unit the county assesses, each under its own scheme. */
export const ASSESSED_UNIT_KINDS = ['TOWNSHIP', 'DEPARTMENT', 'VILLAGE'] as const;
export type AssessedUnitKind = (typeof ASSESSED_UNIT_KINDS)[number];

/**
 * A year's stage: DRAFT (computed and recomputed; the bureau and the county leaders see it), REVIEW
 * (公示: each unit sees its own draft and may object), PUBLISHED (frozen; each unit sees its own).
 */
export const ASSESSMENT_STAGES = ['DRAFT', 'REVIEW', 'PUBLISHED'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

/** Whether more of a figure is better (a closure rate) or worse (the repeat rate). */
export const INDICATOR_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** What a deduction is taken for: each circular (通报) naming the unit, each skip-level visit (越级访) from it. */
export const DEDUCTION_KINDS = ['CIRCULAR', 'SKIP_LEVEL_VISIT'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

/** A veto's status on a result: NONE without one; else the latest veto's. */
export const VETO_STATUSES = ['NONE', 'PROPOSED', 'CONFIRMED', 'REVOKED'] as const;
export type VetoStatus = (typeof VETO_STATUSES)[number];

/**
 * Why a veto was proposed: a circular for a failure that escalated a petition (CIRCULAR); a zero
 * report while a dispute of the unit was already there that later became a collective or skip-level
 * petition (CONCEALED_DISPUTE, §6's evidence); a skip-level collective visit from its territory
 * (SKIP_LEVEL_COLLECTIVE); or the bureau's own reason (BUREAU).
 */
export const VETO_TRIGGERS = ['CIRCULAR', 'CONCEALED_DISPUTE', 'SKIP_LEVEL_COLLECTIVE', 'BUREAU'] as const;
export type VetoTrigger = (typeof VETO_TRIGGERS)[number];

/** The county party committee's decision on a proposed veto. */
export const VETO_DECISIONS = ['CONFIRM', 'REVOKE'] as const;
export type VetoDecision = (typeof VETO_DECISIONS)[number];

/** An objection's state, and the bureau's answer. */
export const OBJECTION_STATUSES = ['OPEN', 'UPHELD', 'REJECTED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_DECISIONS = ['UPHOLD', 'REJECT'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

/** How many working days a review (公示) lasts. */
export const REVIEW_WORKING_DAYS = 5;

/** One weighted indicator of a scheme: the figure it is computed from, its weight, its direction. */
export interface SchemeIndicator {
  figure: FigureName;
  /** What the scheme calls it (按期答复率 …). */
  name: string;
  /** Whole points, 1–100; a scheme's weights sum to 100. */
  weight: number;
  direction: IndicatorDirection;
}

/** A deduction rule: so many points for each occurrence. */
export interface SchemeDeduction {
  kind: DeductionKind;
  /** Points per occurrence, in hundredths. */
  perOccurrence: number;
}

export interface SchemeContent {
  indicators: SchemeIndicator[];
  deductions: SchemeDeduction[];
}

/**
 * The default schemes of docs/domain.md §8. Townships and departments: on-time answers 25,
 * satisfaction 15, repeat petitions 10 (lower is better), backlog and key matters resolved 15,
 * screening on time 15, disputes resolved 10, supervision orders met on time 10; −2 per circular,
 * −1 per skip-level visit. Villages: screening on time 30, disputes resolved locally 30, repeat
 * petitions 20 (lower is better), petitions resolved in the village 20; the same deductions.
 */
export const DEFAULT_SCHEMES: Record<AssessedUnitKind, SchemeContent> = (() => {
  const deductions: SchemeDeduction[] = [
    { kind: 'CIRCULAR', perOccurrence: 200 },
    { kind: 'SKIP_LEVEL_VISIT', perOccurrence: 100 },
  ];
  const unit: SchemeIndicator[] = [
    { figure: 'onTimeRate', name: '按期答复率', weight: 25, direction: 'HIGHER_IS_BETTER' },
    { figure: 'satisfactionRate', name: '群众满意率', weight: 15, direction: 'HIGHER_IS_BETTER' },
    { figure: 'repeatRate', name: '重复信访率', weight: 10, direction: 'LOWER_IS_BETTER' },
    { figure: 'hardCaseResolutionRate', name: '重点信访事项和信访积案化解', weight: 15, direction: 'HIGHER_IS_BETTER' },
    { figure: 'screeningOnTimeRate', name: '矛盾纠纷排查按期报送', weight: 15, direction: 'HIGHER_IS_BETTER' },
    { figure: 'disputeResolutionRate', name: '矛盾纠纷化解', weight: 10, direction: 'HIGHER_IS_BETTER' },
    { figure: 'supervisionOnTimeRate', name: '督办事项按期办结', weight: 10, direction: 'HIGHER_IS_BETTER' },
  ];
  const village: SchemeIndicator[] = [
    { figure: 'screeningOnTimeRate', name: '矛盾纠纷排查按期报送', weight: 30, direction: 'HIGHER_IS_BETTER' },
    { figure: 'disputeResolutionRate', name: '矛盾纠纷就地化解', weight: 30, direction: 'HIGHER_IS_BETTER' },
    { figure: 'repeatRate', name: '重复信访率', weight: 20, direction: 'LOWER_IS_BETTER' },
    { figure: 'closureRate', name: '信访事项村内办结', weight: 20, direction: 'HIGHER_IS_BETTER' },
  ];
  return { TOWNSHIP: { indicators: unit, deductions }, DEPARTMENT: { indicators: unit, deductions }, VILLAGE: { indicators: village, deductions } };
})();

/** The sum of a scheme's weights (it must be 100). */
export const weightTotal = (indicators: readonly Pick<SchemeIndicator, 'weight'>[]): number => indicators.reduce((sum, i) => sum + i.weight, 0);

/**
 * An indicator's points, in hundredths: the weight times the rate (times one minus the rate when
 * lower is better), rounded half up to the hundredth. With nothing counted (a zero denominator) there
 * was nothing to fail at: the full weight, and the result says "no data".
 */
export function indicatorPoints(weight: number, numerator: number, denominator: number, direction: IndicatorDirection): number {
  if (denominator <= 0) return weight * 100;
  const good = direction === 'HIGHER_IS_BETTER' ? numerator : denominator - numerator;
  // weight × good ÷ denominator × 100, in integers: exact, then rounded half up.
  return Math.floor((weight * 100 * good * 2 + denominator) / (2 * denominator));
}

/** The total in hundredths: the points, less the deductions, never below zero. */
export const assessmentTotal = (points: readonly number[], deducted: number): number => Math.max(0, points.reduce((a, b) => a + b, 0) - deducted);

/**
 * Ranks the results of one unit kind: highest total first; equal totals share a rank (1, 2, 2, 4);
 * a unit whose veto is confirmed ranks after every other, whatever its score, among the vetoed by
 * their totals. Returns the rank of each id.
 */
export function rankResults(results: readonly { id: string; total: number; vetoed: boolean }[]): Map<string, number> {
  const sorted = [...results].sort((a, b) => Number(a.vetoed) - Number(b.vetoed) || b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranks = new Map<string, number>();
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    ranks.set(r.id, prev && prev.vetoed === r.vetoed && prev.total === r.total ? ranks.get(prev.id)! : i + 1);
  });
  return ranks;
}

/** Hundredths as points with two decimals: 2438 → "24.38". */
export const pointsText = (hundredths: number): string => (hundredths / 100).toFixed(2);
