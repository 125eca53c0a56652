import { FIGURES, FIGURE_NAMES, previousPeriod, periodRange, rateValue, relativeChange, shanghaiDate, yearBefore, type ReportPeriod } from '@xinfang/domain';
import ExcelJS from 'exceljs';
import type { SignedInContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { workbookFile, type ExportFile } from '../../common/export.js';
import { FiguresService, type FigureScope } from './figures.service.js';

const figures = new FiguresService();
const PERIOD_NAME: Record<ReportPeriod, string> = { MONTH: '月度', QUARTER: '季度', YEAR: '年度' };
const CHANNEL: Record<string, string> = { LETTER: '来信', VISIT: '来访', ONLINE: '网上信访', PHONE: '电话' };
const KIND: Record<string, string> = { CLAIM: '申诉求决', SUGGESTION: '意见建议', ACCUSATION: '检举控告' };

/** The three periods an analysis report compares: the one asked for, the one before, the same one a year before. */
export async function reportScopes(ctx: SignedInContext, scopeUnitId: string, period: ReportPeriod, start: string) {
  const range = periodRange(period, start);
  if (range.from > shanghaiDate()) throw badInput('The period has not begun.', { field: 'start' });
  const current = await figures.scope(ctx, scopeUnitId, range.from, range.to);
  const before = previousPeriod(period, start);
  return {
    current,
    previous: { ...current, from: before.from, to: before.to } as FigureScope,
    yearBefore: { ...current, from: yearBefore(range.from), to: yearBefore(range.to) } as FigureScope,
  };
}

const percent = (v: number | null) => (v === null ? '无数据' : `${(v * 100).toFixed(1)}%`);
const change = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`);

/**
 * An analysis report as an Excel workbook, one sheet per table: the rates against the period before
 * and the same period a year before, and the petitions received by channel, kind, category, handling
 * unit and month — every number from the figures module, as the portal shows it.
 */
export async function analysisWorkbook(ctx: SignedInContext, period: ReportPeriod, scopes: Awaited<ReturnType<typeof reportScopes>>): Promise<ExportFile> {
  const { current, previous, yearBefore: lastYear } = scopes;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xinfang';
  const sheet = (name: string, columns: Array<{ header: string; key: string; width: number }>) => {
    const s = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    s.columns = columns;
    s.getRow(1).font = { bold: true };
    return s;
  };
  const rates = sheet('指标', [
    { header: '指标', key: 'label', width: 18 },
    { header: '本期', key: 'value', width: 10 },
    { header: '分子', key: 'numerator', width: 8 },
    { header: '分母', key: 'denominator', width: 8 },
    { header: '上期', key: 'previous', width: 10 },
    { header: '环比', key: 'vsPrevious', width: 10 },
    { header: '上年同期', key: 'lastYear', width: 10 },
    { header: '同比', key: 'vsLastYear', width: 10 },
    { header: '口径', key: 'definition', width: 70 },
  ]);
  for (const name of FIGURE_NAMES) {
    const [now, prev, last] = await Promise.all([figures.rate(ctx, current, name), figures.rate(ctx, previous, name), figures.rate(ctx, lastYear, name)]);
    rates.addRow({
      label: FIGURES[name].label.zh, value: percent(now.value), numerator: now.numerator, denominator: now.denominator,
      previous: percent(prev.value), vsPrevious: change(relativeChange(now.value, prev.value)), lastYear: percent(last.value), vsLastYear: change(relativeChange(now.value, last.value)),
      definition: FIGURES[name].definition.zh,
    });
  }
  const counts = sheet('数量', [
    { header: '项目', key: 'label', width: 18 },
    { header: '本期', key: 'now', width: 10 },
    { header: '上期', key: 'previous', width: 10 },
    { header: '上年同期', key: 'lastYear', width: 10 },
  ]);
  for (const [key, label] of [['received', '收到信访事项'], ['accepted', '受理'], ['closed', '办结'], ['overdue', '逾期未办结'], ['harmoniouslyClosed', '和谐闭合']] as const) {
    counts.addRow({ label, now: await figures.counted(ctx, current, key), previous: await figures.counted(ctx, previous, key), lastYear: await figures.counted(ctx, lastYear, key) });
  }
  for (const [by, name, labels] of [['channel', '信访渠道', CHANNEL], ['kind', '信访类型', KIND], ['category', '问题类别', null], ['unit', '承办单位', null], ['month', '月度趋势', null]] as const) {
    const s = sheet(name, [{ header: name, key: 'label', width: 24 }, { header: '件数', key: 'count', width: 10 }, { header: '占比', key: 'share', width: 10 }]);
    const rows = await figures.breakdown(ctx, current, by);
    const total = rows.reduce((a, r) => a + r.count, 0);
    for (const r of rows) s.addRow({ label: (labels as Record<string, string> | null)?.[r.key] ?? (r.label || '未分配'), count: r.count, share: percent(rateValue(r.count, total)) });
  }
  const title = `信访形势${PERIOD_NAME[period]}分析-${current.from}至${current.to}`;
  return workbookFile(title, shanghaiDate(), FIGURE_NAMES.length, Buffer.from(await workbook.xlsx.writeBuffer()));
}
