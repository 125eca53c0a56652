import { petitionDeadlines, warningFor, shanghaiDate, type HolidayCalendar } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import type { RequestContext } from '../../common/context.js';
import { ledgerSheet, type ExportFile } from '../../common/export.js';
import { calendarOf } from '../calendar/index.js';
import { categoryNames } from '../reference/index.js';
import { unitsByIds } from '../unit/index.js';
import type { Petition } from './petition.entity.js';
import { STATUS_LABEL } from './petition.labels.js';
import { withoutPetitioner } from './redact.js';

const CHANNEL: Record<string, string> = { LETTER: '来信', VISIT: '来访', ONLINE: '网上信访', PHONE: '电话' };
const KIND: Record<string, string> = { SUGGESTION: '建议意见类', ACCUSATION: '检举控告类', CLAIM: '申诉求决类' };
const WARNING: Record<string, string> = { NONE: '', YELLOW: '黄色预警', RED: '红色预警' };
const SATISFACTION: Record<string, string> = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' };

/**
 * The petition ledger (信访台账) of a filtered list as an Excel workbook: one row per petition, the
 * same scope and the same field rules as the list, so a cell the caller may not read stays empty;
 * every row whose petitioner is written is audited first.
 */
export async function petitionLedger(ctx: RequestContext, rows: Petition[]): Promise<ExportFile> {
  const units = new Map((await unitsByIds(ctx.em, [...new Set(rows.flatMap((p) => [p.locationUnitId, p.handlingUnitId].filter((x): x is string => !!x)))])).map((u) => [u.id, u.name]));
  const categories = await categoryNames(ctx.em);
  const calendarsByCounty = new Map<string, Promise<HolidayCalendar>>();
  const calendars = (countyId: string) => {
    if (!calendarsByCounty.has(countyId)) calendarsByCounty.set(countyId, calendarOf(ctx.em, countyId));
    return calendarsByCounty.get(countyId)!;
  };
  const today = shanghaiDate();
  const { sheet, file } = ledgerSheet('信访台账', [
    { header: '编号', key: 'number', width: 18 },
    { header: '收到日期', key: 'receivedAt', width: 12 },
    { header: '渠道', key: 'channel', width: 10 },
    { header: '性质', key: 'kind', width: 12 },
    { header: '问题类别', key: 'category', width: 16 },
    { header: '标题', key: 'subject', width: 36 },
    { header: '人数', key: 'headcount', width: 6 },
    { header: '属地', key: 'location', width: 14 },
    { header: '承办单位', key: 'handler', width: 20 },
    { header: '状态', key: 'status', width: 10 },
    { header: '受理期限', key: 'acceptBy', width: 12 },
    { header: '答复期限', key: 'answerBy', width: 12 },
    { header: '预警', key: 'warning', width: 10 },
    { header: '满意度', key: 'satisfaction', width: 10 },
    { header: '信访人', key: 'name', width: 10 },
    { header: '身份证号', key: 'idNumber', width: 20 },
    { header: '联系电话', key: 'phone', width: 14 },
  ]);
  for (const p of rows) {
    const s = subject('Petition', p);
    const personal = ctx.ability.can('read', s, 'petitioner');
    if (personal) await ctx.loaders.personalRead.load({ petitionId: p.id, fields: ['petitioner'], via: 'export' });
    const d = petitionDeadlines({ ...p, extensionDays: p.extensionStatus === 'APPROVED' ? p.extensionDays : 0 }, await calendars(p.countyId));
    sheet.addRow({
      number: p.number,
      receivedAt: p.receivedAt,
      channel: CHANNEL[p.channel],
      kind: KIND[p.kind],
      category: categories.get(p.categoryCode) ?? p.categoryCode,
      subject: ctx.ability.can('read', s, 'subject') ? ((personal ? p.subject : withoutPetitioner(p.subject, p)) ?? '') : '',
      headcount: p.headcount,
      location: units.get(p.locationUnitId) ?? '',
      handler: p.handlingUnitId ? (units.get(p.handlingUnitId) ?? '') : '',
      status: STATUS_LABEL[p.status],
      acceptBy: d.acceptBy,
      answerBy: d.answerBy ?? '',
      warning: WARNING[warningFor(d.current, today)],
      satisfaction: p.satisfaction ? SATISFACTION[p.satisfaction] : '',
      name: personal ? p.petitionerName : '',
      idNumber: personal ? (p.petitionerIdNumber ?? '') : '',
      phone: personal ? (p.petitionerPhone ?? '') : '',
    });
  }
  return file(today, rows.length);
}
