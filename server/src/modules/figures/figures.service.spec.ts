import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate, type FigureName } from '@xinfang/domain';
import { ScreeningService } from '../screening/index.js';
import { COUNT_NAMES } from './figures.definitions.js';
import { serviceWorld, refusal, type ServiceWorld } from '../../testing/service-world.js';
import { Petition } from '../petition/index.js';
import { Unit } from '../unit/index.js';
import { User } from '../user/index.js';
import { FiguresService } from './figures.service.js';

// Every petition figure against a small county built here (the demo county's units, none of its
// petitions), each computed by hand below: the period 2025, both days included.

const figures = new FiguresService();
const TODAY = shanghaiDate();
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

describe('the figures (PostgreSQL)', () => {
  let world: ServiceWorld;
  let county: Unit;
  let qingshan: Unit;

  beforeAll(async () => {
    world = await serviceWorld({ petitions: false });
    const em = world.em();
    county = await em.findOneOrFail(Unit, { name: '示范县' });
    qingshan = await em.findOneOrFail(Unit, { name: '青山乡' });
    const shiqiao = await em.findOneOrFail(Unit, { name: '石桥村' });
    const chengguan = await em.findOneOrFail(Unit, { name: '城关镇' });
    const land = await em.findOneOrFail(Unit, { name: '县自然资源局' });
    const bureau = await em.findOneOrFail(User, { username: 'bureau' });
    let n = 0;
    const petition = (at: Unit, facts: Partial<Petition>) =>
      em.create(Petition, {
        number: `T-${String(++n).padStart(4, '0')}`, receiptCode: `RC${n}`, locationUnitId: at.id, countyId: at.countyId, townshipId: at.townshipId, villageId: at.villageId,
        channel: 'LETTER', kind: 'CLAIM', categoryCode: 'LAND', subject: `测试${n}`, content: '内容', petitionerName: '测试人', registeredById: bureau.id, handlingUnitId: land.id,
        status: 'IN_PROGRESS', ...facts,
      } as never);
    // P1: the year's model case, in 青山乡 (石桥村): accepted, answered on time, satisfied, closed.
    petition(shiqiao, { receivedAt: '2025-01-10', acceptedAt: '2025-01-12', answeredAt: '2025-02-01', answeredOnTime: true, ratedAt: '2025-02-05', satisfaction: 'SATISFIED', status: 'CLOSED', closedAt: '2025-02-20' });
    // P2: a repeat in 青山乡, answered late, dissatisfied, still open.
    petition(shiqiao, { receivedAt: '2025-03-01', acceptedAt: '2025-03-03', answeredAt: '2025-06-01', answeredOnTime: false, ratedAt: '2025-06-03', satisfaction: 'DISSATISFIED', status: 'ANSWERED', isInitial: false });
    // P3: received on the year's last day, accepted the next year.
    petition(chengguan, { receivedAt: '2025-12-31', acceptedAt: '2026-01-02' });
    // P4: received the year before, accepted on the year's first day, closed after the year.
    petition(chengguan, { receivedAt: '2024-12-31', acceptedAt: '2025-01-01', status: 'CLOSED', closedAt: '2026-01-05' });
    // Key matters: P5 closed in the year, settled; P6 open all year; P7 closed before it.
    petition(chengguan, { receivedAt: '2023-05-01', acceptedAt: '2023-05-02', isKeyMatter: true, status: 'CLOSED', closedAt: '2025-07-01', petitionerSettled: true });
    petition(chengguan, { receivedAt: '2024-01-01', acceptedAt: '2024-01-02', isKeyMatter: true, isBacklog: true });
    petition(chengguan, { receivedAt: '2023-01-01', acceptedAt: '2023-01-02', isKeyMatter: true, status: 'CLOSED', closedAt: '2024-12-01', petitionerSettled: true });
    // The year before: a repeat and an initial one.
    petition(chengguan, { receivedAt: '2024-06-01', isInitial: false, status: 'REGISTERED', handlingUnitId: null });
    petition(chengguan, { receivedAt: '2024-07-01', status: 'REGISTERED', handlingUnitId: null });
    // The last days: P10 open with three days left (yellow), P11 open and past its deadline (red), P12 closed.
    petition(shiqiao, { receivedAt: addDays(TODAY, -5), acceptedAt: addDays(TODAY, -4), currentDeadline: addDays(TODAY, 2) });
    petition(chengguan, { receivedAt: addDays(TODAY, -5), acceptedAt: addDays(TODAY, -4), currentDeadline: addDays(TODAY, -1) });
    petition(chengguan, { receivedAt: addDays(TODAY, -5), acceptedAt: addDays(TODAY, -4), currentDeadline: addDays(TODAY, -1), status: 'CLOSED', closedAt: addDays(TODAY, -1), resolvedHarmoniously: true });

    // Screening since 2024 under the default rules, every unit there since before it: 县自然资源局
    // reports monthly, due the 5th of the next month. Its January 2025 report came on time, its
    // February one late, no other (12 periods fall due in 2025: December 2024's to November 2025's).
    await ScreeningService.ensureDefaultRules(em, county.id, '2024-01-01');
    await em.flush();
    await em.getConnection().execute(`update unit set created_at = '2023-12-01' where county_id = ?`, [county.id]);
    const located = (u: Unit) => ({ countyId: u.countyId, townshipId: u.townshipId, villageId: u.villageId });
    const report = (unit: Unit, kind: string, periodStart: string, periodEnd: string, dueDate: string, submittedOn: string) =>
      em.create('ScreeningReport', { ...located(unit), unitId: unit.id, unitKind: kind, periodStart, periodEnd, dueDate, isZeroReport: false, submittedAt: new Date(`${submittedOn}T10:00:00+08:00`), submittedOn, submittedById: bureau.id, submittedByName: '测试' } as never) as { id: string };
    const january = report(land, 'DEPARTMENT', '2025-01-01', '2025-01-31', '2025-02-05', '2025-02-03');
    report(land, 'DEPARTMENT', '2025-02-01', '2025-02-28', '2025-03-05', '2025-03-09');
    const village = report(shiqiao, 'VILLAGE', '2025-03-01', '2025-03-15', '2025-03-18', '2025-03-16');
    // Disputes: D1 reported in 2025 and resolved, D2 reported in 2025 and open, D3 resolved but reported
    // in 2024; D4 in 石桥村, resolved.
    const dispute = (unit: Unit, reportId: string, reportedOn: string, status: string) =>
      em.create('Dispute', { ...located(unit), unitId: unit.id, reportId, periodStart: '2025-01-01', reportedOn, arisenOn: reportedOn, categoryCode: 'LAND', parties: '甲、乙', headcount: 2, summary: '测试纠纷', riskLevel: 'GENERAL', status } as never);
    dispute(land, january.id, '2025-01-20', 'RESOLVED');
    dispute(land, january.id, '2025-02-10', 'OPEN');
    dispute(land, january.id, '2024-12-20', 'RESOLVED');
    dispute(shiqiao, village.id, '2025-03-10', 'RESOLVED');
    // Supervision orders: O1 met on time, O2 accepted late, O3 still open, O4 issued in 2024 (all on
    // 县自然资源局); O5 on 青山乡, met on time.
    let orders = 0;
    const order = (unit: Unit, issuedOn: string, status: string, metOnTime: boolean | null) =>
      em.create('SupervisionOrder', { countyId: county.id, number: `督〔测〕${++orders}号`, unitId: unit.id, parentUnitId: unit.parentId, targetKind: 'PETITION', requirement: '测试', issuedOn, dueOn: issuedOn, issuedByUserId: bureau.id, status, metOnTime } as never);
    order(land, '2025-03-01', 'ACCEPTED', true);
    order(land, '2025-04-01', 'ACCEPTED', false);
    order(land, '2025-05-01', 'ISSUED', null);
    order(land, '2024-11-01', 'ACCEPTED', true);
    order(qingshan, '2025-06-01', 'ACCEPTED', true);
    await em.flush();
  });
  afterAll(async () => world?.close());

  const rate = async (who: string, unit: Unit, figure: FigureName, period = YEAR) => {
    const ctx = await world.as(who);
    const r = await figures.rate(ctx, await figures.scope(ctx, unit.id, period.from, period.to), figure);
    return [r.numerator, r.denominator];
  };

  it('computes each rate of the county as counted by hand', async () => {
    expect(await rate('bureau', county, 'closureRate')).toEqual([1, 3]); // accepted P1, P2, P4; closed by the end: P1
    expect(await rate('bureau', county, 'initialClosureRate')).toEqual([1, 2]); // initial received P1, P3; closed: P1
    expect(await rate('bureau', county, 'onTimeRate')).toEqual([1, 2]); // answered P1, P2; on time: P1
    expect(await rate('bureau', county, 'satisfactionRate')).toEqual([1, 2]); // rated P1, P2; satisfied: P1
    expect(await rate('bureau', county, 'settlementRate')).toEqual([1, 2]); // key matters worked on: P5, P6; settled: P5
    expect(await rate('bureau', county, 'hardCaseResolutionRate')).toEqual([1, 2]); // key matters and backlog worked on: P5, P6; closed in the year: P5
    expect(await rate('bureau', county, 'repeatRate')).toEqual([1, 3]); // received P1, P2, P3; repeat: P2
    expect(await rate('bureau', county, 'repeatRate', { from: '2024-01-01', to: '2024-12-31' })).toEqual([1, 4]); // P4, P6, P8, P9; repeat: P8
  });

  it('gives the change against the same days a year before, and no data for an empty period', async () => {
    const ctx = await world.as('bureau');
    const scope = await figures.scope(ctx, county.id, YEAR.from, YEAR.to);
    expect(await figures.change(ctx, scope, 'repeatRate')).toBeCloseTo((1 / 3 - 1 / 4) / (1 / 4));
    // A year before any record: nothing counted, so no value (not 0 %).
    const empty = await figures.scope(ctx, county.id, '2010-01-01', '2010-12-31');
    for (const figure of ['closureRate', 'onTimeRate', 'settlementRate', 'repeatRate', 'supervisionOnTimeRate', 'disputeResolutionRate'] as const) {
      expect((await figures.rate(ctx, empty, figure)).value, figure).toBeNull();
    }
  });

  it('keeps the period’s days in the calendar: the last day in, the next one out', async () => {
    expect(await rate('bureau', county, 'repeatRate', { from: '2025-12-31', to: '2025-12-31' })).toEqual([0, 1]);
    expect(await rate('bureau', county, 'repeatRate', { from: '2026-01-01', to: '2026-01-31' })).toEqual([0, 0]);
  });

  it('counts a township’s own subtree only, and refuses it another township or the county', async () => {
    expect(await rate('qingshan', qingshan, 'closureRate')).toEqual([1, 2]); // P1, P2 in 石桥村
    expect(await rate('bureau', qingshan, 'repeatRate')).toEqual([1, 2]);
    const ctx = await world.as('qingshan');
    expect((await refusal(figures.scope(ctx, county.id, YEAR.from, YEAR.to))).code).toBe('NOT_FOUND');
    const chengguan = await world.em().findOneOrFail(Unit, { name: '城关镇' });
    expect((await refusal(figures.scope(ctx, chengguan.id, YEAR.from, YEAR.to))).code).toBe('NOT_FOUND');
    expect((await refusal(figures.scope(ctx, qingshan.id, '2025-12-31', '2025-01-01'))).code).toBe('BAD_USER_INPUT');
  });

  it('lists exactly the records it counts, numerator and denominator', async () => {
    const ctx = await world.as('bureau');
    const scope = await figures.scope(ctx, county.id, YEAR.from, YEAR.to);
    for (const figure of ['closureRate', 'initialClosureRate', 'onTimeRate', 'satisfactionRate', 'settlementRate', 'hardCaseResolutionRate', 'repeatRate'] as const) {
      const r = await figures.rate(ctx, scope, figure);
      const num = await figures.records(ctx, scope, figure, 'NUMERATOR', 100);
      const den = await figures.records(ctx, scope, figure, 'DENOMINATOR', 100);
      expect([num.totalCount, den.totalCount], figure).toEqual([r.numerator, r.denominator]);
      const ids = new Set(den.edges.map((e) => (e.node as Petition).id));
      for (const e of num.edges) expect(ids.has((e.node as Petition).id), `${figure}: a numerator record outside the denominator`).toBe(true);
    }
    const closed = await figures.records(ctx, scope, 'closureRate', 'NUMERATOR', 100);
    expect(closed.edges.map((e) => (e.node as Petition).number)).toEqual(['T-0001']);
  });

  it('counts the petitions received by channel, category, unit and month in one grouped statement each', async () => {
    const ctx = await world.as('bureau');
    const scope = await figures.scope(ctx, county.id, YEAR.from, YEAR.to);
    expect(await figures.breakdown(ctx, scope, 'month')).toEqual([
      { key: '2025-01', label: '2025-01', count: 1 },
      { key: '2025-03', label: '2025-03', count: 1 },
      { key: '2025-12', label: '2025-12', count: 1 },
    ]);
    expect((await figures.breakdown(ctx, scope, 'unit')).map((r) => [r.label, r.count])).toEqual([['县自然资源局', 3]]);
    expect((await figures.breakdown(ctx, scope, 'township')).map((r) => [r.label, r.count])).toEqual([['青山乡', 2], ['城关镇', 1]]); // P1, P2 in 石桥村; P3
    // Closed in the year by the month of closing: P1 in February, P5 in July.
    expect(await figures.breakdown(ctx, scope, 'month', 'closed')).toEqual([
      { key: '2025-02', label: '2025-02', count: 1 },
      { key: '2025-07', label: '2025-07', count: 1 },
    ]);
    expect(await figures.counted(ctx, scope, 'received')).toBe(3);
    expect(await figures.counted(ctx, scope, 'accepted')).toBe(3);
    expect(await figures.counted(ctx, scope, 'closed')).toBe(2); // P1 and P5 closed in the year
  });

  it('computes the dispute, screening and supervision rates as counted by hand', async () => {
    const land = await world.em().findOneOrFail(Unit, { name: '县自然资源局' });
    expect(await rate('bureau', county, 'disputeResolutionRate')).toEqual([2, 3]); // reported D1, D2, D4; resolved D1, D4
    expect(await rate('bureau', land, 'disputeResolutionRate')).toEqual([1, 2]);
    expect(await rate('qingshan', qingshan, 'disputeResolutionRate')).toEqual([1, 1]);
    expect(await rate('land', land, 'screeningOnTimeRate')).toEqual([1, 12]); // January on time; February late; ten missing
    expect(await rate('bureau', land, 'screeningOnTimeRate', { from: '2025-02-01', to: '2025-02-28' })).toEqual([1, 1]); // January's, due 5 February
    expect(await rate('bureau', land, 'screeningOnTimeRate', { from: '2025-03-01', to: '2025-03-31' })).toEqual([0, 1]); // February's, late
    expect(await rate('bureau', county, 'supervisionOnTimeRate')).toEqual([2, 4]); // issued O1, O2, O3, O5; met: O1, O5
    expect(await rate('bureau', land, 'supervisionOnTimeRate')).toEqual([1, 3]);
    expect(await rate('qingshan', qingshan, 'supervisionOnTimeRate')).toEqual([1, 1]);
    expect(await rate('bureau', county, 'supervisionOnTimeRate', { from: '2024-01-01', to: '2024-12-31' })).toEqual([1, 1]);
  });

  it('lists exactly the records the dispute, screening and supervision rates count', async () => {
    const ctx = await world.as('bureau');
    const land = await world.em().findOneOrFail(Unit, { name: '县自然资源局' });
    for (const unit of [county, land]) {
      const scope = await figures.scope(ctx, unit.id, YEAR.from, YEAR.to);
      for (const figure of ['disputeResolutionRate', 'screeningOnTimeRate', 'supervisionOnTimeRate'] as const) {
        const r = await figures.rate(ctx, scope, figure);
        const [num, den] = await Promise.all([figures.records(ctx, scope, figure, 'NUMERATOR', 100), figures.records(ctx, scope, figure, 'DENOMINATOR', 100)]);
        expect([num.totalCount, den.totalCount], `${unit.name} ${figure}`).toEqual([r.numerator, r.denominator]);
      }
    }
  });

  it('counts the warnings, key matters and backlog, and lists what each count counts', async () => {
    const ctx = await world.as('bureau');
    const recent = await figures.scope(ctx, county.id, addDays(TODAY, -10), TODAY);
    expect(await figures.counted(ctx, recent, 'received')).toBe(3);
    expect(await figures.counted(ctx, recent, 'dueSoon')).toBe(1); // P10
    expect(await figures.counted(ctx, recent, 'overdue')).toBe(1); // P11 (P12 is closed)
    expect(await figures.counted(ctx, recent, 'harmoniouslyClosed')).toBe(1); // P12
    const year = await figures.scope(ctx, county.id, YEAR.from, YEAR.to);
    expect(await figures.counted(ctx, year, 'keyMatters')).toBe(2); // P5, P6
    expect(await figures.counted(ctx, year, 'backlog')).toBe(1); // P6
    const township = await figures.scope(await world.as('qingshan'), qingshan.id, addDays(TODAY, -10), TODAY);
    expect(await figures.counted(await world.as('qingshan'), township, 'overdue')).toBe(0); // P11 is in 城关镇
    for (const scope of [recent, year]) {
      for (const name of COUNT_NAMES) {
        const list = await figures.countRecords(ctx, scope, name, 100);
        expect(list.totalCount, name).toBe(await figures.counted(ctx, scope, name));
        expect(list.edges).toHaveLength(list.totalCount);
      }
    }
  });
});
