import type { DeductionKind, FigureName, IndicatorDirection } from '@/gql/graphql';
import { lowerIsBetter } from '@/pages/figures/figures';

/*
 * 考核方案 (docs/domain.md §8): a scheme's rows as the editor holds them, the directions and the
 * deduction kinds in the order shown, and how far the weights are from 100.
 */

export const INDICATOR_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const satisfies readonly IndicatorDirection[];
/** 每次通报扣分, 每次越级访扣分. */
export const DEDUCTION_KINDS = ['CIRCULAR', 'SKIP_LEVEL_VISIT'] as const satisfies readonly DeductionKind[];

/** An indicator being edited: the figure may not be chosen yet, the weight may be cleared. */
export interface SchemeRow {
  key: number;
  figure: FigureName | null;
  name: string;
  weight: number | null | undefined;
  direction: IndicatorDirection;
}

/** The direction a figure is scored in unless the bureau says otherwise (the repeat rate: lower). */
export const defaultDirection = (figure: FigureName): IndicatorDirection => (lowerIsBetter(figure) ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER');

/** The weights' total against 100: exactly, so many points short, or so many over. */
export function weightGap(total: number): { kind: 'exact' | 'short' | 'over'; points: number } {
  if (total === 100) return { kind: 'exact', points: 0 };
  return total < 100 ? { kind: 'short', points: 100 - total } : { kind: 'over', points: total - 100 };
}
