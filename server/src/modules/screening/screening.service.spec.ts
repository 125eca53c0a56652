import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import type { SignedInContext } from '../../common/context.js';
import { refusal, serviceWorld, type ServiceWorld } from '../../testing/service-world.js';
import { Unit } from '../unit/index.js';
import { DisputeService } from './dispute.service.js';
import { Dispute, ScreeningReport } from './screening.entity.js';
import { ScreeningService } from './screening.service.js';
import type { DisputeInput } from './screening.types.js';

// Screening's and the dispute ledger's business rules on the services over real PostgreSQL.

const screening = new ScreeningService();
const disputes = new DisputeService();

const dispute = (summary: string): DisputeInput => ({ categoryCode: 'LAND', parties: '张三、李四', headcount: 2, summary, riskLevel: 'GENERAL' });

describe('the screening services (PostgreSQL)', () => {
  let world: ServiceWorld;
  const unit = (name: string) => world.em().findOneOrFail(Unit, { name });
  /** The unit's current period, which has no report yet. */
  async function openPeriod(ctx: SignedInContext, name: string): Promise<string> {
    const u = await unit(name);
    const today = shanghaiDate();
    const periods = await screening.periods(ctx, u.id, addDays(today, -40), today);
    const open = periods.filter((p) => !p.report).at(-1);
    expect(open, `${name} has a period without a report`).toBeDefined();
    return open!.periodStart;
  }

  beforeAll(async () => {
    world = await serviceWorld({ petitions: false });
    const county = await unit('示范县');
    await ScreeningService.ensureDefaultRules(world.em(), county.id, `${shanghaiDate().slice(0, 7)}-01`);
  });
  afterAll(async () => world?.close());

  it('refuses a zero report that lists disputes, and a report that lists none, saving nothing', async () => {
    const village = await world.as('shiqiao');
    const unitId = (await unit('石桥村')).id;
    const periodStart = await openPeriod(village, '石桥村');
    expect(await refusal(screening.submit(village, { unitId, periodStart, isZeroReport: true, disputes: [dispute('界址争议')] }))).toMatchObject({ reason: 'ZERO_WITH_DISPUTES' });
    expect(await refusal(screening.submit(village, { unitId, periodStart, isZeroReport: false, disputes: [] }))).toMatchObject({ reason: 'NO_DISPUTES' });
    expect(await world.em().count(ScreeningReport, { unitId })).toBe(0);
  });

  it('takes one report a period: a second is CONFLICT; copies the unit’s ancestry onto the report and its disputes', async () => {
    const village = await world.as('shiqiao');
    const u = await unit('石桥村');
    const periodStart = await openPeriod(village, '石桥村');
    const report = await screening.submit(village, { unitId: u.id, periodStart, isZeroReport: false, disputes: [dispute('宅基地界址争议'), dispute('灌溉用水纠纷')] });
    expect([report.countyId, report.townshipId, report.villageId, report.disputeCount]).toEqual([u.countyId, u.townshipId, u.id, 2]);
    const rows = await world.em().find(Dispute, { reportId: report.id }, { orderBy: { createdAt: 'asc' } });
    expect(rows.map((d) => [d.summary, d.townshipId, d.villageId])).toEqual([
      ['宅基地界址争议', u.townshipId, u.id],
      ['灌溉用水纠纷', u.townshipId, u.id],
    ]);
    expect(await refusal(screening.submit(await world.as('shiqiao'), { unitId: u.id, periodStart, isZeroReport: true, disputes: [] }))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SUBMITTED' });
  });

  it('lets only the submitting unit correct a report, and nobody once the level above has reviewed it', async () => {
    const u = await unit('石桥村');
    const report = await world.em().findOneOrFail(ScreeningReport, { unitId: u.id });
    expect(await refusal(screening.correct(await world.as('qingshan'), { id: report.id, version: report.version, isZeroReport: false, addDisputes: [dispute('新增')], withdrawDisputeIds: [], reason: '补报' }))).toMatchObject({ code: 'FORBIDDEN' });
    const reviewed = await screening.review(await world.as('qingshan'), report.id, report.version, '已审核');
    expect(await refusal(screening.correct(await world.as('shiqiao'), { id: reviewed.id, version: reviewed.version, isZeroReport: false, addDisputes: [dispute('新增')], withdrawDisputeIds: [], reason: '补报' }))).toMatchObject({ reason: 'ALREADY_REVIEWED' });
  });

  it('lists a township’s ledger with its villages’ disputes, and a village only its own', async () => {
    const township = await unit('青山乡');
    const ledger = await disputes.listDisputes(await world.as('qingshan'), { scopeUnitId: township.id }, 50);
    expect(ledger.totalCount).toBe(await world.em().count(Dispute, { townshipId: township.id }));
    expect(ledger.totalCount).toBeGreaterThanOrEqual(2);
    const chengguan = await unit('城关镇');
    expect(await refusal(disputes.listDisputes(await world.as('shiqiao'), { scopeUnitId: chengguan.id }, 50))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await disputes.listDisputes(await world.as('chengguan'), {}, 50)).totalCount).toBe(0);
  });

  it('searches the ledger’s words literally: % and _ match themselves', async () => {
    const qingshan = await world.as('qingshan');
    expect((await disputes.listDisputes(qingshan, { search: '界址' }, 50)).totalCount).toBe(1);
    expect((await disputes.listDisputes(qingshan, { search: '%' }, 50)).totalCount).toBe(0);
    expect((await disputes.listDisputes(qingshan, { search: '_' }, 50)).totalCount).toBe(0);
  });
});
