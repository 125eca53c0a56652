import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { FIGURES, shanghaiDate, type FigureName } from '@xinfang/domain';
import type { SignedInContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { wholeNumber } from '../../common/input.js';
import type { ExportFile } from '../../common/export.js';
import { FiguresService, type FigureScope, type RateValue } from './figures.service.js';

const figures = new FiguresService();
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CHANNEL: Record<string, string> = { LETTER: '来信', VISIT: '来访', ONLINE: '网上信访', PHONE: '电话' };

/** A rate as the report writes it: 96.0%, or 无数据 (never 0 % or 100 % for nothing counted). */
export const percentText = (r: Pick<RateValue, 'value'>): string => (r.value === null ? '无数据' : `${(r.value * 100).toFixed(1)}%`);

/** The numbers of a unit's year, every one from the figures module (the dashboard shows the same). */
export async function yearlyNumbers(ctx: SignedInContext, scope: FigureScope) {
  const rate = (f: FigureName) => figures.rate(ctx, scope, f);
  const [closure, initial, onTime, satisfaction, settlement, disputes, repeat, screening, supervision] = await Promise.all(
    (['closureRate', 'initialClosureRate', 'onTimeRate', 'satisfactionRate', 'settlementRate', 'disputeResolutionRate', 'repeatRate', 'screeningOnTimeRate', 'supervisionOnTimeRate'] as const).map(rate),
  );
  return {
    received: await figures.counted(ctx, scope, 'received'),
    accepted: await figures.counted(ctx, scope, 'accepted'),
    closed: await figures.counted(ctx, scope, 'closed'),
    overdue: await figures.counted(ctx, scope, 'overdue'),
    harmonious: await figures.counted(ctx, scope, 'harmoniouslyClosed'),
    backlog: await figures.counted(ctx, scope, 'backlog'),
    circulars: await figures.circulars(ctx, scope),
    orders: await figures.orders(ctx, scope),
    repeatChange: await figures.change(ctx, scope, 'repeatRate'),
    byChannel: await figures.breakdown(ctx, scope, 'channel'),
    byCategory: await figures.breakdown(ctx, scope, 'category'),
    byUnit: await figures.breakdown(ctx, scope, 'unit'),
    rates: { closure, initial, onTime, satisfaction, settlement, disputes, repeat, screening, supervision },
  };
}

const p = (text: string) => new Paragraph({ children: [new TextRun({ text, font: 'FangSong', size: 32 })], indent: { firstLine: 640 }, spacing: { line: 560 } });
const h = (text: string) => new Paragraph({ children: [new TextRun({ text, font: 'SimHei', size: 32 })], heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } });
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 24 })] })] });
const table = (header: string[], rows: string[][]) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ children: header.map((x) => cell(x, true)), tableHeader: true }), ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) }))] });

/**
 * The yearly petition work report (信访工作年度报告, 信访工作条例 art. 41), drafted in Chinese from the
 * records of a unit's year as a Word document the bureau downloads and edits: volumes, the rates, the
 * categories and the units handling the most, screening, key matters and backlog, supervision and
 * circulars. Every number is the figures module's for the same unit and year; the document names the
 * period and the time it was drawn up.
 */
export async function yearlyReport(ctx: SignedInContext, scopeUnitId: string, year: number): Promise<ExportFile> {
  wholeNumber(year, 'year', 2000, 2099);
  const from = `${year}-01-01`;
  if (from > shanghaiDate()) throw badInput('That year has not begun.', { field: 'year' });
  const to = `${year}-12-31` < shanghaiDate() ? `${year}-12-31` : shanghaiDate();
  const scope = await figures.scope(ctx, scopeUnitId, from, to);
  const n = await yearlyNumbers(ctx, scope);
  const r = n.rates;
  const unit = scope.unit.name;
  const drawn = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  const channels = n.byChannel.map((c) => `${CHANNEL[c.key] ?? c.key}${c.count}件`).join('、') || '无';
  const categories = n.byCategory.slice(0, 5);
  const units = n.byUnit.filter((u) => u.key).slice(0, 5);
  const change = n.repeatChange === null ? '上年同期无可比数据' : `同比${n.repeatChange < 0 ? '下降' : '上升'}${Math.abs(n.repeatChange * 100).toFixed(1)}%`;
  const doc = new Document({
    creator: 'xinfang',
    title: `${unit}${year}年信访工作报告`,
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: `${unit}${year}年信访工作报告`, font: 'SimSun', size: 44, bold: true })], alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
          new Paragraph({ children: [new TextRun({ text: `（草稿，统计期间：${from}至${to}，${drawn}由信访工作平台根据业务记录生成）`, size: 24 })], alignment: AlignmentType.CENTER, spacing: { after: 360 } }),
          h('一、信访总体情况'),
          p(`${from.slice(0, 4)}年，${unit}共收到信访事项${n.received}件（${channels}），受理${n.accepted}件，办结${n.closed}件。期内受理事项办结率${percentText(r.closure)}（${r.closure.numerator}/${r.closure.denominator}），初信初访结案率${percentText(r.initial)}（${r.initial.numerator}/${r.initial.denominator}），按期答复率${percentText(r.onTime)}，群众满意率${percentText(r.satisfaction)}。重访率${percentText(r.repeat)}，${change}。截至统计日，期内收到的事项中逾期未办结${n.overdue}件。`),
          h('二、信访反映的主要问题'),
          p(categories.length ? `从问题类别看，反映较多的依次是：${categories.map((c) => `${c.label}${c.count}件`).join('，')}。` : '期内无信访事项。'),
          ...(categories.length ? [table(['问题类别', '件数'], categories.map((c) => [c.label, String(c.count)]))] : []),
          h('三、承办单位情况'),
          p(units.length ? `承办信访事项较多的单位依次是：${units.map((u) => `${u.label}${u.count}件`).join('，')}。` : '期内无交办事项。'),
          h('四、矛盾纠纷排查化解'),
          p(`期内排查出矛盾纠纷${r.disputes.denominator}件，已化解${r.disputes.numerator}件，化解成功率${percentText(r.disputes)}。期内到期的排查报告${r.screening.denominator}期，按期报送${r.screening.numerator}期，按期报送率${percentText(r.screening)}。`),
          h('五、重点信访事项和信访积案'),
          p(`期内在办重点信访事项${r.settlement.denominator}件，办结并息访停诉${r.settlement.numerator}件，息访停诉率${percentText(r.settlement)}；全年和谐闭合${n.harmonious}件。期内在办信访积案${n.backlog}件。`),
          h('六、督查督办和通报'),
          p(`全年下发督办单${n.orders}件，按期反馈并办结${r.supervision.numerator}件，督办按期办结率${percentText(r.supervision)}；发布通报${n.circulars}期。`),
          h('七、指标口径'),
          table(['指标', '数值', '分子/分母', '口径'], (Object.keys(r) as Array<keyof typeof r>).map((k) => [FIGURES[r[k].figure].label.zh, percentText(r[k]), `${r[k].numerator}/${r[k].denominator}`, FIGURES[r[k].figure].definition.zh])),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return { filename: `${unit}${year}年信访工作报告-${shanghaiDate()}.docx`, contentType: DOCX, rows: n.received, base64: Buffer.from(buffer).toString('base64') };
}
