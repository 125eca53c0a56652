import { shanghaiDate, type AccountabilityMeasure, type SupervisionOrderStatus, type SupervisionTarget } from '@xinfang/domain';
import type { SignedInContext } from '../../common/context.js';
import { ledgerSheet, type ExportFile } from '../../common/export.js';
import { readableByIds, textAbout } from '../petition/index.js';
import { unitsByIds } from '../unit/index.js';
import { orderWarning } from './supervision.service.js';
import type { AccountabilityRecord, Circular, SupervisionOrder } from './supervision.entity.js';

const STATUS: Record<SupervisionOrderStatus, string> = { ISSUED: '待反馈', REPORTED: '待审核', REOPENED: '已退回', ACCEPTED: '已办结' };
const TARGET: Record<SupervisionTarget, string> = { PETITION: '信访事项', SCREENING_REPORT: '排查报告', CONFERENCE_TASK: '会办任务' };
const WARNING = { NONE: '', YELLOW: '黄牌', RED: '红牌' } as const;
export const MEASURE: Record<AccountabilityMeasure, string> = {
  ADMONITION: '诫勉谈话', CRITICISM: '通报批评', ORGANISATIONAL: '组织处理', PARTY_DISCIPLINE: '党纪处分', GOVERNMENT_SANCTION: '政务处分', OTHER: '其他',
};

/** The names of the units, and the numbers of the readable petitions, that some rows name. */
async function names(ctx: SignedInContext, unitIds: string[], petitionIds: Array<string | null>) {
  const units = new Map((await unitsByIds(ctx.em, [...new Set(unitIds)])).map((u) => [u.id, u.name]));
  const ids = [...new Set(petitionIds.filter((x): x is string => !!x))];
  const numbers = new Map((await readableByIds(ctx, ids)).map((p) => [p.id, p.number]));
  return { unit: (id: string) => units.get(id) ?? '', number: (id: string | null) => (id ? (numbers.get(id) ?? '') : '') };
}

/** The supervision ledger (督办台账): one row per order, its texts as the caller may read them. */
export async function orderLedger(ctx: SignedInContext, rows: SupervisionOrder[]): Promise<ExportFile> {
  const n = await names(ctx, rows.map((o) => o.unitId), rows.map((o) => o.petitionId));
  const { sheet, file } = ledgerSheet('督办台账', [
    { header: '督办编号', key: 'number', width: 16 },
    { header: '督办对象', key: 'target', width: 10 },
    { header: '信访事项编号', key: 'petition', width: 18 },
    { header: '责任单位', key: 'unit', width: 20 },
    { header: '督办要求', key: 'requirement', width: 40 },
    { header: '下发日期', key: 'issuedOn', width: 12 },
    { header: '反馈期限', key: 'dueOn', width: 12 },
    { header: '状态', key: 'status', width: 10 },
    { header: '预警', key: 'warning', width: 8 },
    { header: '反馈日期', key: 'reportedOn', width: 12 },
    { header: '办理情况', key: 'report', width: 40 },
    { header: '退回次数', key: 'reopenCount', width: 8 },
    { header: '办结日期', key: 'closedOn', width: 12 },
    { header: '按期办结', key: 'metOnTime', width: 8 },
  ]);
  for (const o of rows) {
    sheet.addRow({
      number: o.number,
      target: TARGET[o.targetKind],
      petition: n.number(o.petitionId),
      unit: n.unit(o.unitId),
      requirement: (await textAbout(ctx, o.petitionId, o.requirement)) ?? '',
      issuedOn: o.issuedOn,
      dueOn: o.dueOn,
      status: STATUS[o.status],
      warning: WARNING[orderWarning(o)],
      reportedOn: o.reportedOn ?? '',
      report: (await textAbout(ctx, o.petitionId, o.report)) ?? '',
      reopenCount: o.reopenCount,
      closedOn: o.closedOn ?? '',
      metOnTime: o.metOnTime === null ? '' : o.metOnTime ? '是' : '否',
    });
  }
  return file(shanghaiDate(), rows.length);
}

/** The ledger of circulars (通报台账). */
export async function circularLedger(ctx: SignedInContext, rows: Circular[]): Promise<ExportFile> {
  const n = await names(ctx, rows.map((c) => c.unitId), rows.map((c) => c.petitionId));
  const { sheet, file } = ledgerSheet('通报台账', [
    { header: '通报编号', key: 'number', width: 16 },
    { header: '标题', key: 'title', width: 30 },
    { header: '被通报单位', key: 'unit', width: 20 },
    { header: '问题', key: 'failure', width: 50 },
    { header: '信访事项编号', key: 'petition', width: 18 },
    { header: '发布日期', key: 'publishedOn', width: 12 },
  ]);
  for (const c of rows) {
    sheet.addRow({ number: c.number, title: c.title, unit: n.unit(c.unitId), failure: (await textAbout(ctx, c.petitionId, c.failure)) ?? '', petition: n.number(c.petitionId), publishedOn: c.publishedOn });
  }
  return file(shanghaiDate(), rows.length);
}

/** The ledger of accountability (追责台账). */
export async function recordLedger(ctx: SignedInContext, rows: AccountabilityRecord[]): Promise<ExportFile> {
  const n = await names(ctx, rows.map((r) => r.unitId), rows.map((r) => r.petitionId));
  const { sheet, file } = ledgerSheet('追责台账', [
    { header: '单位', key: 'unit', width: 20 },
    { header: '职务', key: 'post', width: 16 },
    { header: '追责方式', key: 'measure', width: 14 },
    { header: '具体情形', key: 'detail', width: 24 },
    { header: '决定机关', key: 'authority', width: 16 },
    { header: '决定日期', key: 'decidedOn', width: 12 },
    { header: '事由', key: 'reason', width: 40 },
    { header: '信访事项编号', key: 'petition', width: 18 },
  ]);
  for (const r of rows) {
    sheet.addRow({
      unit: n.unit(r.unitId), post: r.post, measure: MEASURE[r.measure], detail: r.measureDetail ?? '', authority: r.authority, decidedOn: r.decidedOn,
      reason: (await textAbout(ctx, r.petitionId, r.reason)) ?? '', petition: n.number(r.petitionId),
    });
  }
  return file(shanghaiDate(), rows.length);
}
