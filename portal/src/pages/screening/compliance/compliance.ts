import { screeningOnTimeRate } from '@xinfang/domain';
import type { ScreeningComplianceQuery, ScreeningStatus } from '@/gql/graphql';
import { SCREENING_STATUS_ORDER, STATUS_COLOUR } from '../period';

export type ComplianceRow = ScreeningComplianceQuery['screeningCompliance'][number];

type Translate = (key: string, params?: Record<string, number | string>) => string;

/**
 * How deep each row sits under the others of the list: a township 0, its villages 1, their groups 2.
 * The server lists them in tree order with each unit's parent; a unit whose parent is not in the list
 * (a department, or the scope's own unit) starts at 0.
 */
export function rowDepths(rows: readonly Pick<ComplianceRow, 'unit' | 'parentId'>[]): Map<string, number> {
  const parent = new Map(rows.map((r) => [r.unit.id, r.parentId]));
  const depths = new Map<string, number>();
  const depthOf = (id: string, seen = new Set<string>()): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    // A parent outside the list, or a loop in bad data, ends the climb.
    const depth = up && parent.has(up) && !seen.has(up) ? depthOf(up, seen.add(id)) + 1 : 0;
    depths.set(id, depth);
    return depth;
  };
  for (const r of rows) depthOf(r.unit.id);
  return depths;
}

export interface ComplianceTotals {
  expected: number;
  DUE: number;
  SUBMITTED: number;
  LATE: number;
  MISSING: number;
  vetoEvidence: number;
  /** On time ÷ submitted, late and missing (`screeningOnTimeRate`, as the assessment counts it); null with none. */
  onTimeRate: number | null;
}

/** The month's totals over the rows. */
export function complianceTotals(rows: readonly ComplianceRow[]): ComplianceTotals {
  const sum = (pick: (r: ComplianceRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const SUBMITTED = sum((r) => r.submitted);
  const LATE = sum((r) => r.late);
  const MISSING = sum((r) => r.missing);
  return {
    expected: sum((r) => r.expected),
    DUE: sum((r) => r.due),
    SUBMITTED,
    LATE,
    MISSING,
    vetoEvidence: sum((r) => r.vetoEvidence),
    onTimeRate: screeningOnTimeRate({ submitted: SUBMITTED, late: LATE, missing: MISSING }),
  };
}

/** Whether a row needs attention: something missing, late, or a zero report that hid a dispute. */
export const hasProblem = (row: ComplianceRow): boolean => row.missing > 0 || row.late > 0 || row.vetoEvidence > 0;

/** The ECharts option of the month's doughnut: one slice per status, in the grid's colours. */
export function complianceChartOption(totals: ComplianceTotals, t: Translate) {
  const data = SCREENING_STATUS_ORDER.map((s: ScreeningStatus) => ({
    name: t(`screening.status.${s}`),
    value: totals[s],
    itemStyle: { color: STATUS_COLOUR[s] },
  }));
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { orient: 'vertical', right: 8, top: 'middle', itemWidth: 12, itemHeight: 12 },
    series: [
      {
        name: t('screening.compliance.chartTitle'),
        type: 'pie',
        radius: ['48%', '76%'],
        center: ['36%', '50%'],
        avoidLabelOverlap: true,
        label: { show: true, position: 'inside', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''), color: '#fff', fontWeight: 600 },
        data,
      },
    ],
  };
}
