import { indicatorPoints, assessmentTotal, pointsText, type SchemeContent, type VetoTrigger } from '@xinfang/domain';
import type { RequestContext } from '../../common/context.js';
import { FiguresService, unitEvidence, type FigureScope } from '../figures/index.js';
import type { Unit } from '../unit/index.js';
import type { DeductionScore, EvidenceRef, IndicatorScore, ResultChange } from './assessment.entity.js';

const figures = new FiguresService();

/** A veto the records call for: its trigger, the record that is its evidence, and why, in words. */
export interface DetectedVeto {
  trigger: Exclude<VetoTrigger, 'BUREAU'>;
  evidence: EvidenceRef[];
  evidenceKey: string;
  reason: string;
}

/** A unit's year as computed, before it is ranked and stored. */
export interface ComputedResult {
  indicators: IndicatorScore[];
  deductions: DeductionScore[];
  subtotal: number;
  deducted: number;
  total: number;
  vetoes: DetectedVeto[];
}

/** Territorial units: a skip-level collective visit is "from their territory" (docs/domain.md §8). */
const TERRITORIAL = new Set(['TOWNSHIP', 'VILLAGE']);

/**
 * One unit's year under a scheme, from the records through the figures module: each indicator's
 * figure with its parts and points (with the corrections of upheld objections, kept within 0 and the
 * weight), the deductions with each record behind them, the total, and the vetoes the records call
 * for. Deterministic: the same records give the same result.
 */
export async function computeUnit(ctx: RequestContext, unit: Unit, scheme: SchemeContent, period: { from: string; to: string; today: string }, corrections: Map<string, number>): Promise<ComputedResult> {
  const scope: FigureScope = { unit, ...period };
  const indicators: IndicatorScore[] = [];
  for (const i of scheme.indicators) {
    const r = await figures.rate(ctx, scope, i.figure);
    const correction = corrections.get(i.figure) ?? 0;
    const points = Math.min(i.weight * 100, Math.max(0, indicatorPoints(i.weight, r.numerator, r.denominator, i.direction) + correction));
    indicators.push({ figure: i.figure, name: i.name, weight: i.weight, direction: i.direction, numerator: r.numerator, denominator: r.denominator, points, correction });
  }
  const evidence = await unitEvidence(ctx, scope);
  const occurrences = { CIRCULAR: evidence.circulars, SKIP_LEVEL_VISIT: evidence.skipLevel } as const;
  const deductions: DeductionScore[] = scheme.deductions.map((d) => {
    const records = occurrences[d.kind].map(({ kind, id, label }) => ({ kind, id, label }));
    return { kind: d.kind, perOccurrence: d.perOccurrence, count: records.length, points: records.length * d.perOccurrence, evidence: records };
  });
  const subtotal = indicators.reduce((a, i) => a + i.points, 0);
  const deducted = deductions.reduce((a, d) => a + d.points, 0);
  const vetoes: DetectedVeto[] = [
    ...evidence.circulars
      .filter((c) => c.escalated)
      .map((c) => ({ trigger: 'CIRCULAR' as const, evidence: [{ kind: c.kind, id: c.id, label: c.label }], evidenceKey: `CIRCULAR:${c.id}`, reason: `通报${c.label}所涉信访事项已升级为越级或集体访` })),
    ...evidence.concealingZeroReports.map((r) => ({ trigger: 'CONCEALED_DISPUTE' as const, evidence: [r], evidenceKey: `CONCEALED_DISPUTE:${r.id}`, reason: `${r.label}期间已有矛盾纠纷，后演变为集体访或越级访（瞒报）` })),
    ...(TERRITORIAL.has(unit.kind)
      ? evidence.skipLevel
          .filter((p) => p.collectiveVisit)
          .map((p) => ({ trigger: 'SKIP_LEVEL_COLLECTIVE' as const, evidence: [{ kind: p.kind, id: p.id, label: p.label }], evidenceKey: `SKIP_LEVEL_COLLECTIVE:${p.id}`, reason: `辖区发生越级集体访（${p.label}）` }))
      : []),
  ];
  return { indicators, deductions, subtotal, deducted, total: assessmentTotal(indicators.map((i) => i.points), deducted), vetoes };
}

const indicatorText = (i: IndicatorScore) => `${pointsText(i.points)}（${i.numerator}/${i.denominator}）`;

/**
 * What changed between a stored result and its recomputation, item by item, with the parts that
 * explain it: an indicator's points with its numerator and denominator, a deduction's count, the
 * veto status, the total and the rank.
 */
export function changesBetween(
  before: { indicators: IndicatorScore[]; deductions: DeductionScore[]; total: number; rank: number; vetoStatus: string },
  after: { indicators: IndicatorScore[]; deductions: DeductionScore[]; total: number; rank: number; vetoStatus: string },
): ResultChange[] {
  const changes: ResultChange[] = [];
  for (const i of after.indicators) {
    const old = before.indicators.find((b) => b.figure === i.figure);
    const was = old ? indicatorText(old) : '—';
    if (was !== indicatorText(i)) changes.push({ item: i.figure, before: was, after: indicatorText(i) });
  }
  for (const d of after.deductions) {
    const old = before.deductions.find((b) => b.kind === d.kind);
    if ((old?.count ?? 0) !== d.count) changes.push({ item: d.kind, before: `${old?.count ?? 0}（−${pointsText(old?.points ?? 0)}）`, after: `${d.count}（−${pointsText(d.points)}）` });
  }
  if (before.vetoStatus !== after.vetoStatus) changes.push({ item: 'veto', before: before.vetoStatus, after: after.vetoStatus });
  if (before.total !== after.total) changes.push({ item: 'total', before: pointsText(before.total), after: pointsText(after.total) });
  if (before.rank !== after.rank) changes.push({ item: 'rank', before: String(before.rank), after: String(after.rank) });
  return changes;
}
