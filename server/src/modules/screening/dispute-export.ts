import { shanghaiDate } from '@xinfang/domain';
import type { RequestContext } from '../../common/context.js';
import { ledgerSheet, type ExportFile } from '../../common/export.js';
import { readableByIds } from '../petition/index.js';
import { categoryNames } from '../reference/index.js';
import { unitsByIds } from '../unit/index.js';
import type { Dispute } from './screening.entity.js';

const RISK: Record<string, string> = { GENERAL: '一般', MAJOR: '重大' };
const STATUS: Record<string, string> = { OPEN: '未化解', RESOLVING: '化解中', RESOLVED: '已化解', ESCALATED: '已上报维稳工作组' };

/**
 * The dispute ledger (矛盾纠纷台账) of a filtered list as an Excel workbook: one row per dispute, in the
 * same scope as the list. A linked petition shows only by its number, and only when the caller may
 * know who petitioned there (the link would point at the petitioner among the parties): nothing of a
 * petitioner leaves through this sheet.
 */
export async function disputeLedger(ctx: RequestContext, rows: Dispute[]): Promise<ExportFile> {
  const today = shanghaiDate();
  const categories = await categoryNames(ctx.em);
  const units = new Map((await unitsByIds(ctx.em, [...new Set(rows.map((d) => d.unitId))])).map((u) => [u.id, u.name]));
  const petitionIds = [...new Set(rows.map((d) => d.petitionId).filter((x): x is string => !!x))];
  const petitions = new Map((await readableByIds(ctx, petitionIds, 'petitioner')).map((p) => [p.id, p.number]));
  const { sheet, file } = ledgerSheet('矛盾纠纷台账', [
    { header: '上报日期', key: 'reportedOn', width: 12 },
    { header: '排查周期', key: 'period', width: 12 },
    { header: '上报单位', key: 'unit', width: 16 },
    { header: '纠纷类别', key: 'category', width: 16 },
    { header: '当事人', key: 'parties', width: 24 },
    { header: '涉及人数', key: 'headcount', width: 8 },
    { header: '纠纷概要', key: 'summary', width: 40 },
    { header: '风险等级', key: 'risk', width: 8 },
    { header: '状态', key: 'status', width: 14 },
    { header: '化解期限', key: 'resolveBy', width: 12 },
    { header: '是否逾期', key: 'overdue', width: 8 },
    { header: '化解情况', key: 'resolution', width: 30 },
    { header: '化解日期', key: 'resolvedOn', width: 12 },
    { header: '关联信访件', key: 'petition', width: 18 },
  ]);
  for (const d of rows) {
    sheet.addRow({
      reportedOn: d.reportedOn,
      period: d.periodStart,
      unit: units.get(d.unitId) ?? '',
      category: categories.get(d.categoryCode) ?? d.categoryCode,
      parties: d.parties,
      headcount: d.headcount,
      summary: d.summary,
      risk: RISK[d.riskLevel],
      status: STATUS[d.status],
      resolveBy: d.resolveBy ?? '',
      overdue: d.status !== 'RESOLVED' && d.resolveBy && d.resolveBy < today ? '是' : '',
      resolution: d.resolutionNote ?? '',
      resolvedOn: d.resolvedOn ?? '',
      petition: d.petitionId ? (petitions.get(d.petitionId) ?? '') : '',
    });
  }
  return file(today, rows.length);
}
