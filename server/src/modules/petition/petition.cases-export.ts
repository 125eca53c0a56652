import { daysBetween, shanghaiDate } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import type { RequestContext } from '../../common/context.js';
import { ledgerSheet, type ExportFile } from '../../common/export.js';
import { unitsByIds } from '../unit/index.js';
import { missingParts } from './petition.cases.js';
import type { OwnershipPart } from '@xinfang/domain';
import type { Petition } from './petition.entity.js';
import { STATUS_LABEL } from './petition.labels.js';
import { withoutPetitioner } from './redact.js';

const PART: Record<OwnershipPart, string> = { LEADER: '包案领导', UNIT: '责任单位', RESOLUTION_PLAN: '化解方案', STABILITY_PLAN: '稳控方案' };

/**
 * The ledger of key matters (重点信访事项台账) or of the backlog (信访积案台账): one row per case with
 * its age and its 包案 "五个一", the same scope and field rules as the list. The plans' words stay in
 * the platform (a ledger shows the day each was made); the reason is written only where the caller may
 * read the timeline notes, without the petitioner unless it may read that.
 */
export async function caseLedger(ctx: RequestContext, name: '重点信访事项台账' | '信访积案台账', rows: Petition[], leaders: Map<string, string>): Promise<ExportFile> {
  const today = shanghaiDate();
  const unitIds = [...new Set(rows.flatMap((p) => [p.locationUnitId, p.handlingUnitId, p.ownerUnitId].filter((x): x is string => !!x)))];
  const units = new Map((await unitsByIds(ctx.em, unitIds)).map((u) => [u.id, u.name]));
  const { sheet, file } = ledgerSheet(name, [
    { header: '编号', key: 'number', width: 18 },
    { header: '收到日期', key: 'receivedAt', width: 12 },
    { header: '标题', key: 'subject', width: 36 },
    { header: '属地', key: 'location', width: 14 },
    { header: '承办单位', key: 'handler', width: 20 },
    { header: '状态', key: 'status', width: 10 },
    { header: '办理天数', key: 'age', width: 10 },
    { header: '重点事项原因', key: 'reason', width: 30 },
    { header: '包案领导', key: 'leader', width: 12 },
    { header: '责任单位', key: 'ownerUnit', width: 20 },
    { header: '化解方案日期', key: 'resolutionPlanOn', width: 12 },
    { header: '稳控方案日期', key: 'stabilityPlanOn', width: 12 },
    { header: '五个一落实', key: 'owned', width: 10 },
    { header: '缺项', key: 'missing', width: 28 },
  ]);
  for (const p of rows) {
    const s = subject('Petition', p);
    const personal = ctx.ability.can('read', s, 'petitioner');
    const text = (t: string | null) => (personal ? t : withoutPetitioner(t, p)) ?? '';
    const missing = missingParts(p);
    sheet.addRow({
      number: p.number,
      receivedAt: p.receivedAt,
      subject: ctx.ability.can('read', s, 'subject') ? text(p.subject) : '',
      location: units.get(p.locationUnitId) ?? '',
      handler: p.handlingUnitId ? (units.get(p.handlingUnitId) ?? '') : '',
      status: STATUS_LABEL[p.status],
      age: daysBetween(p.receivedAt, p.closedAt ?? today),
      reason: ctx.ability.can('read', s, 'timelineNotes') ? text(p.keyMatterReason) : '',
      leader: p.ownerLeaderId ? (leaders.get(p.ownerLeaderId) ?? '') : '',
      ownerUnit: p.ownerUnitId ? (units.get(p.ownerUnitId) ?? '') : '',
      resolutionPlanOn: p.resolutionPlanOn ?? '',
      stabilityPlanOn: p.stabilityPlanOn ?? '',
      owned: missing.length === 0 ? '是' : '否',
      missing: missing.map((m) => PART[m]).join('、'),
    });
  }
  return file(today, rows.length);
}
