import { FIGURE_NAMES, FIGURE_PARTS, FIGURES, periodRange, shanghaiDate, type FigureName, type FigurePart } from '@xinfang/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { dateIn, idIn, one, oneOf, pagingFromQuery, pagingToQuery, type Paging } from '@/composables/useCursorList';
import type { FigureCountName, FigureCountRowFragment, FigureRecordNodeFragment, UnitKind } from '@/gql/graphql';

/*
 * 数据分析: the scope and the period of the figures, kept in the address bar (`?scope=&from=&to=`),
 * the quick periods, the counts and their groups, and how a rate, a change and a breakdown are shown.
 */

export { FIGURE_NAMES, FIGURE_PARTS, FIGURES, type FigureName, type FigurePart };

type Translate = (key: string, params?: Record<string, number | string>) => string;

/** The quick choices of the period picker; `custom` is any range picked by hand. */
export const QUICK_PERIODS = ['month', 'quarter', 'year'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number] | 'custom';

const PERIOD_OF = { month: 'MONTH', quarter: 'QUARTER', year: 'YEAR' } as const;

/**
 * The current month, quarter or year up to today (Asia/Shanghai): the same days a year before are
 * what the change compares with, so a period still running is counted only to today.
 */
export function quickRange(kind: Exclude<QuickPeriod, 'custom'>, today: string = shanghaiDate()): { from: string; to: string } {
  const { from, to } = periodRange(PERIOD_OF[kind], today);
  return { from, to: to < today ? to : today };
}

/** Which quick choice a range is, or `custom`. */
export function quickPeriodOf(range: { from: string; to: string }, today: string = shanghaiDate()): QuickPeriod {
  return QUICK_PERIODS.find((k) => {
    const q = quickRange(k, today);
    return q.from === range.from && q.to === range.to;
  }) ?? 'custom';
}

/** The dashboard's state: the scope unit ('' for the caller's default) and the period, both days included. */
export interface FiguresState {
  scope: string;
  from: string;
  to: string;
}

/** Reads the dashboard's state from the address: a malformed or reversed period is this year to today. */
export function figuresStateFromQuery(query: LocationQuery, today: string = shanghaiDate()): FiguresState {
  const from = dateIn(query.from);
  const to = dateIn(query.to);
  const period = from && to && from <= to ? { from, to } : quickRange('year', today);
  return { scope: idIn(query.scope), ...period };
}

/** Writes the dashboard's state into the address: the scope only when one was picked, the period always. */
export function figuresStateToQuery(state: FiguresState): LocationQueryRaw {
  return { ...(state.scope ? { scope: state.scope } : {}), from: state.from, to: state.to };
}

// ---------------------------------------------------------------- the counts

/** What 数据分析 counts of the petitions received, accepted and closed in the period. */
export const INTAKE_COUNTS = ['received', 'accepted', 'closed', 'harmoniouslyClosed'] as const;
/** 预警与重点: the red and the yellow warning, and the hard cases worked on in the period. */
export const WATCH_COUNTS = ['overdue', 'dueSoon', 'keyMatters', 'backlog'] as const;
export const COUNT_NAMES: readonly FigureCountName[] = [...INTAKE_COUNTS, ...WATCH_COUNTS];
export type { FigureCountName };

// Every count the server knows is in a group: a count added to FigureCountName fails to compile here.
type Ungrouped = Exclude<FigureCountName, (typeof INTAKE_COUNTS)[number] | (typeof WATCH_COUNTS)[number]>;
const everyCountGrouped: [Ungrouped] extends [never] ? true : Ungrouped = true;
void everyCountGrouped;

/**
 * The colour of a count's tile and the tint behind it: the warnings in 我的待办's red and yellow, the
 * petitions closed in harmony in green; the others in the brand's.
 */
export const COUNT_COLOURS: Partial<Record<FigureCountName, { colour: string; tint: string }>> = {
  overdue: { colour: 'var(--el-color-danger)', tint: 'var(--el-color-danger-light-9)' },
  dueSoon: { colour: 'var(--el-color-warning)', tint: 'var(--el-color-warning-light-9)' },
  harmoniouslyClosed: { colour: 'var(--el-color-success)', tint: 'var(--el-color-success-light-9)' },
};

// ---------------------------------------------------------------- the drill-down's address

/**
 * The drill-down's state: which rate and which side of it, or (`?count=`, when the address names no
 * rate) which count; and the dashboard's scope and period. Neither known: the page says so.
 */
export interface FigureRecordsState extends FiguresState {
  figure: FigureName | '';
  part: FigurePart;
  count: FigureCountName | '';
}

export function recordsStateFromQuery(query: LocationQuery, today: string = shanghaiDate()): FigureRecordsState {
  return {
    ...figuresStateFromQuery(query, today),
    figure: oneOf(query.figure, FIGURE_NAMES),
    part: oneOf(query.part, FIGURE_PARTS) || 'NUMERATOR',
    // A rate named in the address, even one unknown, is what the address is about.
    count: one(query.figure) ? '' : oneOf(query.count, COUNT_NAMES),
  };
}

/** The address of the records behind a rate's numerator or denominator. */
export function recordsLink(figure: FigureName, part: FigurePart, state: FiguresState & { scope: string }) {
  return { name: 'figure-records', query: { figure, part, scope: state.scope, from: state.from, to: state.to } };
}

/** The address of the petitions a count counts. */
export function countLink(count: FigureCountName, state: FiguresState & { scope: string }) {
  return { name: 'figure-records', query: { count, scope: state.scope, from: state.from, to: state.to } };
}

// ---------------------------------------------------------------- the scope

export interface ScopeUnit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  sortOrder?: number;
}

/** The kinds a scope can be: figures are of an area (the county, a township, a village) or a department's cases. */
const SCOPE_KINDS: readonly UnitKind[] = ['COUNTY', 'TOWNSHIP', 'DEPARTMENT', 'VILLAGE'];

/**
 * The scopes the picker offers: the default unit first (the county for a county-wide role, else the
 * caller's own unit), then the units of a scope kind right below it that the caller may read
 * (townships and departments of the county; a township's villages).
 */
export function scopeOptions(units: readonly ScopeUnit[], home: ScopeUnit): ScopeUnit[] {
  const below = units
    .filter((u) => u.parentId === home.id && SCOPE_KINDS.includes(u.kind))
    .sort((a, b) => SCOPE_KINDS.indexOf(a.kind) - SCOPE_KINDS.indexOf(b.kind) || (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.name.localeCompare(b.name, 'zh-CN'));
  return [home, ...below];
}

// ---------------------------------------------------------------- showing the numbers

/** A rate as a percentage with one decimal; null is no data (never 0 % or 100 %). */
export function percent(value: number | null | undefined, t: Translate): string {
  if (value === null || value === undefined) return t('figures.noData');
  return `${(value * 100).toFixed(1)}%`;
}

/** Which way a change points, and whether that is good: a higher repeat rate is worse. */
export function changeTone(change: number | null | undefined): 'up' | 'down' | 'flat' | 'none' {
  if (change === null || change === undefined) return 'none';
  if (Math.abs(change) < 0.0005) return 'flat';
  return change > 0 ? 'up' : 'down';
}

export const lowerIsBetter = (figure: FigureName): boolean => figure === 'repeatRate';

/** The change against the same days a year before, in words: 同比上升 12.5%, 同比持平, 无同比数据. */
export function changeText(change: number | null | undefined, t: Translate): string {
  const tone = changeTone(change);
  if (tone === 'none') return t('figures.change.none');
  if (tone === 'flat') return t('figures.change.flat');
  return t(`figures.change.${tone}`, { n: `${(Math.abs(change ?? 0) * 100).toFixed(1)}%` });
}

/** A rate's name and definition in the user's language (the server's Chinese words are the domain's own). */
export const rateLabel = (figure: FigureName, locale: string): string => (locale === 'en' ? FIGURES[figure].label.en : FIGURES[figure].label.zh);
export const rateDefinition = (figure: FigureName, locale: string): string => (locale === 'en' ? FIGURES[figure].definition.en : FIGURES[figure].definition.zh);

// ---------------------------------------------------------------- the breakdowns

export type Breakdown = 'byMonth' | 'closedByMonth' | 'byCategory' | 'byUnit' | 'byTownship' | 'byChannel';
export const BREAKDOWNS: readonly Breakdown[] = ['byMonth', 'closedByMonth', 'byCategory', 'byUnit', 'byTownship', 'byChannel'];
/** The breakdowns over months (a line, every month of the period shown) and those over units (horizontal bars, the most at the top). */
export const isMonthly = (kind: Breakdown): boolean => kind === 'byMonth' || kind === 'closedByMonth';
export const isByUnit = (kind: Breakdown): boolean => kind === 'byUnit' || kind === 'byTownship';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
}

/**
 * A breakdown's rows as a person reads them: a channel in the user's language, a month as 2026年5月
 * (May 2026), a case not yet assigned to a unit as 未交办.
 */
export function breakdownRows(kind: Breakdown, rows: readonly FigureCountRowFragment[], t: Translate, te: (key: string) => boolean): BreakdownRow[] {
  return rows.map((r) => {
    let label = r.label || r.key;
    if (kind === 'byChannel' && te(`petition.channel.${r.key}`)) label = t(`petition.channel.${r.key}`);
    if (isMonthly(kind) && /^\d{4}-\d{2}$/.test(r.key)) label = t('figures.month', { year: Number(r.key.slice(0, 4)), month: Number(r.key.slice(5, 7)) });
    if (kind === 'byUnit' && !r.key) label = t('figures.unassigned');
    if (kind === 'byTownship' && !r.key) label = t('figures.countyLevel');
    return { key: r.key, label, count: r.count };
  });
}

/**
 * Every month of the period, with the server's counts and a zero for a month without any petition (the
 * server lists only the months that have some): a line over the months must not skip the quiet ones.
 */
export function everyMonth(rows: readonly FigureCountRowFragment[], from: string, to: string): FigureCountRowFragment[] {
  const counts = new Map(rows.map((r) => [r.key, r]));
  const months: FigureCountRowFragment[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  // A period of many years is still a few hundred months at most; the bound keeps a bad address harmless.
  for (let i = 0; i < 1200; i++) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(counts.get(key) ?? { key, label: key, count: 0 });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  // Anything the server counted outside the period's months (it should not) is kept, not hidden.
  const extra = rows.filter((r) => !months.some((m) => m.key === r.key));
  return [...months, ...extra].sort((a, b) => a.key.localeCompare(b.key));
}

/** A row's share of the breakdown's total, as a percentage; none of an empty breakdown. */
export function share(count: number, rows: readonly BreakdownRow[]): string {
  const total = rows.reduce((n, r) => n + r.count, 0);
  return total > 0 ? `${((count / total) * 100).toFixed(1)}%` : '—';
}

const BRAND = '#1d4e89';
/** The closed petitions' line: Element Plus's success green. */
const CLOSED = '#529b2e';

/** The ECharts option of a breakdown: the months as a line, the categories as a doughnut, the units and channels as bars. */
export function breakdownOption(kind: Breakdown, rows: readonly BreakdownRow[], seriesName: string) {
  const tooltip = { trigger: kind === 'byCategory' ? 'item' : 'axis', confine: true };
  if (kind === 'byCategory') {
    return {
      tooltip: { ...tooltip, formatter: '{b}：{c}（{d}%）' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', itemWidth: 12, itemHeight: 12 },
      series: [{ name: seriesName, type: 'pie', radius: ['42%', '72%'], center: ['34%', '50%'], label: { show: false }, data: rows.map((r) => ({ name: r.label, value: r.count })) }],
    };
  }
  if (isByUnit(kind)) {
    // The most first, at the top: a horizontal bar's axis runs upward.
    const shown = [...rows].reverse();
    return {
      tooltip,
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: shown.map((r) => r.label), axisTick: { show: false } },
      series: [{ name: seriesName, type: 'bar', data: shown.map((r) => r.count), itemStyle: { color: BRAND }, label: { show: true, position: 'right' }, barMaxWidth: 18 }],
    };
  }
  const line = isMonthly(kind);
  const colour = kind === 'closedByMonth' ? CLOSED : BRAND;
  return {
    tooltip,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), boundaryGap: !line },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line
        ? { name: seriesName, type: 'line', data: rows.map((r) => r.count), smooth: false, symbolSize: 7, itemStyle: { color: colour }, areaStyle: { opacity: 0.08 } }
        : { name: seriesName, type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: BRAND }, label: { show: true, position: 'top' }, barMaxWidth: 36 },
    ],
  };
}

// ---------------------------------------------------------------- the drill-down's rows

export type RecordsPageState = FigureRecordsState & Paging;

export function recordsPageFromQuery(query: LocationQuery): RecordsPageState {
  return { ...recordsStateFromQuery(query), ...pagingFromQuery(query) };
}

export function recordsPageToQuery(state: RecordsPageState): LocationQueryRaw {
  const what = state.figure ? { figure: state.figure, part: state.part } : state.count ? { count: state.count } : { part: state.part };
  return { ...what, ...figuresStateToQuery(state), ...pagingToQuery(state) };
}

type RecordNode = FigureRecordNodeFragment;

/** A record of the drill-down as a row: petitions and orders link to their pages, disputes and screening periods are rows only. */
export interface RecordRow {
  key: string;
  type: RecordNode['__typename'];
  number: string;
  link: { name: string; params: { id: string } } | null;
  subject: string;
  unit: string;
  status: { kind: 'petition' | 'dispute' | 'order' | 'period'; value: string };
  date: string;
}

export function recordRow(node: RecordNode, index: number, t: Translate): RecordRow {
  switch (node.__typename) {
    case 'Petition':
      return {
        key: node.id,
        type: node.__typename,
        number: node.number,
        link: { name: 'petition-detail', params: { id: node.id } },
        subject: node.subject || t('figures.records.noSubject'),
        unit: node.handlingUnit?.name ?? '',
        status: { kind: 'petition', value: node.petitionStatus },
        date: t('figures.records.received', { date: node.receivedAt }),
      };
    case 'SupervisionOrder':
      return {
        key: node.id,
        type: node.__typename,
        number: node.number,
        link: { name: 'supervision-order', params: { id: node.id } },
        subject: '',
        unit: node.unit.name,
        status: { kind: 'order', value: node.orderStatus },
        date: t('figures.records.issued', { date: node.issuedOn, due: node.dueOn }),
      };
    case 'Dispute':
      return {
        key: node.id,
        type: node.__typename,
        number: '',
        link: null,
        subject: `${node.summary}（${t('figures.records.parties', { parties: node.parties })}）`,
        unit: node.unit.name,
        status: { kind: 'dispute', value: node.disputeStatus },
        date: t('figures.records.reported', { date: node.reportedOn }),
      };
    default:
      return {
        key: `${node.unit.id}-${node.periodStart}-${index}`,
        type: node.__typename,
        number: '',
        link: null,
        subject: `${t('figures.records.period')}：${node.periodStart} – ${node.periodEnd}`,
        unit: node.unit.name,
        status: { kind: 'period', value: node.periodStatus },
        date: `${t('figures.records.due')} ${node.dueDate}`,
      };
  }
}
