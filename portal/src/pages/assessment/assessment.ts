import { shanghaiDate } from '@xinfang/domain';
import { subject, type AppAbility } from '@xinfang/permissions';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { oneOf, type QueryValue } from '@/composables/useCursorList';
import type { AssessmentStage, AssessmentYearInfoFragment, FigureName, UnitKind, VetoStatus } from '@/gql/graphql';
import { rateLabel, recordsLink } from '@/pages/figures/figures';

/*
 * 考核评价 (docs/domain.md §8): the year and the unit kind of the results table, kept in the address
 * bar (`?year=&kind=`), who sees the whole table, and how a stage, a veto and a score are shown.
 */

type Translate = (key: string, params?: Record<string, number | string>) => string;

/** The unit kinds assessed, in the order of the table's tabs: 镇乡, 部门, 村(居). */
export const ASSESSED_KINDS = ['TOWNSHIP', 'DEPARTMENT', 'VILLAGE'] as const satisfies readonly UnitKind[];
export type AssessedKind = (typeof ASSESSED_KINDS)[number];

/** The current year in Asia/Shanghai. */
export const currentYear = (today: string = shanghaiDate()): number => Number(today.slice(0, 4));

/** The years the picker offers: this one and the four before it, newest first. */
export function assessmentYears(today: string = shanghaiDate()): number[] {
  const year = currentYear(today);
  return [0, 1, 2, 3, 4].map((n) => year - n);
}

/** The table's state: the year (last year, the last one assessed in full, by default) and the unit kind. */
export interface TableState {
  year: number;
  kind: AssessedKind;
}

/** A year the picker offers, from the address; anything else is the default. */
export function yearIn(value: QueryValue, today: string = shanghaiDate()): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  const year = typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN;
  return assessmentYears(today).includes(year) ? year : null;
}

export function tableStateFromQuery(query: LocationQuery, today: string = shanghaiDate()): TableState {
  return { year: yearIn(query.year, today) ?? currentYear(today) - 1, kind: oneOf(query.kind, ASSESSED_KINDS) || 'TOWNSHIP' };
}

export function tableStateToQuery(state: TableState, today: string = shanghaiDate()): LocationQueryRaw {
  return {
    ...(state.year === currentYear(today) - 1 ? {} : { year: String(state.year) }),
    ...(state.kind === 'TOWNSHIP' ? {} : { kind: state.kind }),
  };
}

/** An id no unit has: asking about it asks about "some other unit", never the user's own. */
const SOME_OTHER_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * Whether the user reads the whole table (the county leaders, the bureau, the supervision group once
 * published): another township's published result. A township, a village or a department reads its
 * own scorecard (and a township its villages').
 */
export function seesWholeTable(ability: AppAbility, countyId: string | null | undefined): boolean {
  if (!countyId) return false;
  return ability.can('read', subject('AssessmentResult', { unitId: SOME_OTHER_UNIT, countyId, townshipId: null, villageId: null, unitKind: 'TOWNSHIP', stage: 'PUBLISHED' }));
}

/** A year's stage in words: 未计算, 草稿, 公示中（至某日）, 已发布. */
export function stageText(year: Pick<AssessmentYearInfoFragment, 'stage' | 'reviewEndsOn' | 'computedAt'> | null | undefined, t: Translate): string {
  if (!year || (year.stage === 'DRAFT' && !year.computedAt)) return t('assessment.stage.none');
  if (year.stage === 'REVIEW') return year.reviewEndsOn ? t('assessment.stage.reviewUntil', { day: year.reviewEndsOn }) : t('assessment.stage.REVIEW');
  return t(`assessment.stage.${year.stage}`);
}

/** The colour of a stage's tag. */
export const STAGE_TAG: Record<AssessmentStage, 'info' | 'warning' | 'success'> = { DRAFT: 'info', REVIEW: 'warning', PUBLISHED: 'success' };

/** The badge of a veto: 一票否决 red, 拟否决 orange, 已撤销 grey; none without a veto. */
export const VETO_TAG: Record<Exclude<VetoStatus, 'NONE'>, 'danger' | 'warning' | 'info'> = { CONFIRMED: 'danger', PROPOSED: 'warning', REVOKED: 'info' };

export const hasVetoBadge = (status: VetoStatus | undefined): status is Exclude<VetoStatus, 'NONE'> => !!status && status in VETO_TAG;

/** Points as the scheme counts them: two decimals (73.67, 10.00). */
export const points = (n: number): string => n.toFixed(2);

/** A signed correction in points: +1.50, −2.00. */
export const signedPoints = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}`;

/** The days of an assessment year, both included. */
export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The records behind an indicator's numerator or denominator: 数据分析's drill-down of the unit and the year. */
export function indicatorRecordsLink(figure: FigureName, part: 'NUMERATOR' | 'DENOMINATOR', unitId: string, year: number) {
  return recordsLink(figure, part, { scope: unitId, ...yearRange(year) });
}

/** A veto's scorecard address. */
export const scorecardLink = (unitId: string, year: number) => ({ name: 'assessment-unit', params: { unitId }, query: { year: String(year) } });

const BRAND = '#1d4e89';
const WEIGHT = '#e4e7ed';
const PEER = '#b88230';

export interface IndicatorBar {
  name: string;
  weight: number;
  points: number;
  peerAverage: number | null | undefined;
}

/**
 * The indicators as horizontal bars, the first at the top: the points, and the rest of the weight in
 * grey after them (so that each bar is as long as its weight), labelled "points / weight"; the
 * peers' average as a thinner bar beside it when it is known (once the year is published).
 */
export function indicatorOption(rows: readonly IndicatorBar[], labels: { points: string; weight: string; peerAverage: string }) {
  const shown = [...rows].reverse();
  const withPeers = rows.some((r) => r.peerAverage !== null && r.peerAverage !== undefined);
  const series: object[] = [
    { name: labels.points, type: 'bar', stack: 'weight', data: shown.map((r) => r.points), itemStyle: { color: BRAND }, barMaxWidth: 16 },
    {
      name: labels.weight,
      type: 'bar',
      stack: 'weight',
      data: shown.map((r) => Math.max(0, Number((r.weight - r.points).toFixed(2)))),
      itemStyle: { color: WEIGHT },
      barMaxWidth: 16,
      tooltip: { show: false },
      label: { show: true, position: 'right', color: '#1f2933', formatter: (p: { dataIndex: number }) => `${points(shown[p.dataIndex]?.points ?? 0)} / ${shown[p.dataIndex]?.weight ?? ''}` },
    },
  ];
  if (withPeers) series.push({ name: labels.peerAverage, type: 'bar', data: shown.map((r) => r.peerAverage ?? null), itemStyle: { color: PEER }, barMaxWidth: 8 });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: (v: unknown) => (typeof v === 'number' ? points(v) : '') },
    legend: { top: 0, data: [labels.points, ...(withPeers ? [labels.peerAverage] : []), labels.weight] },
    grid: { left: 8, right: 88, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: Math.max(...rows.map((r) => r.weight), 1) },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisTick: { show: false } },
    series,
  };
}

/** The indicator's name an objection is about, in the year's scheme of the unit's kind (the figure's own name when the scheme has none). */
export function indicatorName(
  schemes: readonly { unitKind: UnitKind; indicators: readonly { figure: FigureName; name: string }[] }[],
  kind: UnitKind,
  figure: FigureName,
  locale: string,
): string {
  return schemes.find((s) => s.unitKind === kind)?.indicators.find((i) => i.figure === figure)?.name ?? rateLabel(figure, locale);
}
