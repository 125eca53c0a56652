import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMES, addDays, shanghaiDate } from '@xinfang/domain';
import { serviceWorld, refusal, type ServiceWorld } from '../../testing/service-world.js';
import { Petition } from '../petition/index.js';
import { Unit } from '../unit/index.js';
import { User } from '../user/index.js';
import { AssessmentService } from './assessment.service.js';

// The assessment of 2025 on a small county built here (the demo county's units and accounts, none of
// its petitions), every point computed by hand below. No screening rules, disputes or orders: those
// indicators count nothing, and nothing counted gives the full weight.
//
// 石桥村 (青山乡), handled by 县自然资源局:
//   A received 2025-02-01, answered on time, satisfied, closed;
//   B a repeat, answered late, dissatisfied;
//   C a skip-level collective visit, open; a circular on 青山乡 about it (so it escalated).
// 青山乡 (township): on time 1/2 → 25 × ½ = 12.50; satisfied 1/2 → 7.50; repeat 1/3 → 10 × ⅔ = 6.67;
//   key matters and backlog, screening, disputes, orders: none → 15 + 15 + 10 + 10. Subtotal 76.67;
//   −2 for the circular, −1 for the skip-level visit: 73.67. Vetoes proposed: the circular (on an
//   escalated petition) and the skip-level collective visit from its territory.
// 县自然资源局 (department, the cases it handles): the same figures, −1 for the skip-level visit: 75.67.
// 石桥村 (village): screening 30, disputes 30 (none), repeat 1/3 → 20 × ⅔ = 13.33, closed 1/3 of the
//   accepted → 20 × ⅓ = 6.67: 80.00, −1: 79.00; the skip-level collective visit's veto.
// Every other unit counts nothing: 100.

const service = new AssessmentService();
const YEAR = 2025;

describe('the assessment (PostgreSQL)', () => {
  let world: ServiceWorld;
  const units = new Map<string, Unit>();
  const unit = (name: string) => units.get(name)!;
  const result = async (who: string, name: string) => service.result(await world.as(who), unit(name).id, YEAR);

  beforeAll(async () => {
    world = await serviceWorld({ petitions: false });
    const em = world.em();
    for (const u of await em.find(Unit, {})) units.set(u.name, u);
    const bureau = await em.findOneOrFail(User, { username: 'bureau' });
    const supervisor = await em.findOneOrFail(User, { username: 'supervisor' });
    const shiqiao = unit('石桥村');
    let n = 0;
    const petition = (facts: Partial<Petition>) =>
      em.create(Petition, {
        number: `A-${String(++n).padStart(4, '0')}`, receiptCode: `RA${n}`, locationUnitId: shiqiao.id, countyId: shiqiao.countyId, townshipId: shiqiao.townshipId, villageId: shiqiao.villageId,
        channel: 'LETTER', kind: 'CLAIM', categoryCode: 'LAND', subject: `考核${n}`, content: '内容', petitionerName: '测试人', registeredById: bureau.id, handlingUnitId: unit('县自然资源局').id,
        status: 'IN_PROGRESS', ...facts,
      } as never);
    petition({ receivedAt: '2025-02-01', acceptedAt: '2025-02-02', answeredAt: '2025-02-20', answeredOnTime: true, ratedAt: '2025-02-25', satisfaction: 'SATISFIED', status: 'CLOSED', closedAt: '2025-03-01' });
    petition({ receivedAt: '2025-04-01', acceptedAt: '2025-04-02', answeredAt: '2025-06-01', answeredOnTime: false, ratedAt: '2025-06-03', satisfaction: 'DISSATISFIED', status: 'ANSWERED', isInitial: false });
    const c = petition({ receivedAt: '2025-05-01', acceptedAt: '2025-05-02', channel: 'VISIT', isSkipLevel: true, isCollective: true, headcount: 8 } as Partial<Petition>) as unknown as Petition;
    await em.flush();
    em.create('Circular', { countyId: shiqiao.countyId, number: '通〔2025〕1号', title: '关于青山乡越级集体访的通报', unitId: unit('青山乡').id, failure: '化解不力', petitionId: c.id, publishedOn: '2025-06-10', publishedByUserId: supervisor.id } as never);
    await em.flush();
  });
  afterAll(async () => world?.close());

  it('refuses a scheme whose weights do not add up to 100, with the sum, and anyone but the bureau', async () => {
    const ctx = await world.as('bureau');
    const indicators = DEFAULT_SCHEMES.TOWNSHIP.indicators.map((i) => ({ ...i, weight: i.figure === 'onTimeRate' ? 30 : i.weight }));
    const deductions = [{ kind: 'CIRCULAR' as const, points: 2 }];
    const refused = await refusal(service.saveScheme(ctx, { year: YEAR, unitKind: 'TOWNSHIP', indicators, deductions, version: 0 }));
    expect([refused.code, refused.reason]).toEqual(['BAD_USER_INPUT', 'WEIGHTS_NOT_100']);
    expect(refused.message).toContain('105');
    expect((await refusal(service.saveScheme(await world.as('secretary'), { year: YEAR, unitKind: 'TOWNSHIP', indicators: DEFAULT_SCHEMES.TOWNSHIP.indicators, deductions, version: 0 }))).code).toBe('FORBIDDEN');
    // Saving the default as it is works, once: a second save from the same version is stale.
    const saved = await service.saveScheme(ctx, { year: YEAR, unitKind: 'TOWNSHIP', indicators: DEFAULT_SCHEMES.TOWNSHIP.indicators, deductions: [{ kind: 'CIRCULAR', points: 2 }, { kind: 'SKIP_LEVEL_VISIT', points: 1 }], version: 0 });
    expect([saved.saved, saved.version]).toEqual([true, 1]);
    expect((await refusal(service.saveScheme(ctx, { year: YEAR, unitKind: 'TOWNSHIP', indicators: DEFAULT_SCHEMES.TOWNSHIP.indicators, deductions: [], version: 0 }))).code).toBe('CONFLICT');
  });

  it('computes each unit’s points as counted by hand, with the deductions’ evidence and the vetoes the records call for', async () => {
    expect((await refusal(service.compute(await world.as('secretary'), YEAR))).code).toBe('FORBIDDEN');
    await service.compute(await world.as('bureau'), YEAR);
    const q = await result('bureau', '青山乡');
    expect(q.indicators.map((i) => [i.figure, i.numerator, i.denominator, i.points])).toEqual([
      ['onTimeRate', 1, 2, 1250],
      ['satisfactionRate', 1, 2, 750],
      ['repeatRate', 1, 3, 667],
      ['hardCaseResolutionRate', 0, 0, 1500],
      ['screeningOnTimeRate', 0, 0, 1500],
      ['disputeResolutionRate', 0, 0, 1000],
      ['supervisionOnTimeRate', 0, 0, 1000],
    ]);
    expect([q.subtotal, q.deducted, q.total]).toEqual([7667, 300, 7367]);
    expect(q.deductions.map((d) => [d.kind, d.count, d.evidence.map((e) => e.label)])).toEqual([
      ['CIRCULAR', 1, ['通〔2025〕1号 关于青山乡越级集体访的通报']],
      ['SKIP_LEVEL_VISIT', 1, ['A-0003']],
    ]);
    expect([(await result('bureau', '县自然资源局')).total, (await result('bureau', '石桥村')).total, (await result('bureau', '城关镇')).total]).toEqual([7567, 7900, 10000]);
    const village = await result('bureau', '石桥村');
    expect(village.indicators.map((i) => i.points)).toEqual([3000, 3000, 1333, 667]);
    // Ranks: every other township has 100; 青山乡 is last of its kind.
    expect([q.rank, q.peerCount]).toEqual([q.peerCount, q.peerCount]);
    expect((await result('bureau', '城关镇')).rank).toBe(1);

    const vetoes = await service.vetoesOf(await world.as('bureau'), { year: YEAR });
    const triggers = (name: string) => vetoes.filter((v) => v.unitId === unit(name).id).map((v) => v.trigger).sort();
    expect(triggers('青山乡')).toEqual(['CIRCULAR', 'SKIP_LEVEL_COLLECTIVE']);
    expect(triggers('石桥村')).toEqual(['SKIP_LEVEL_COLLECTIVE']);
    expect(triggers('县自然资源局')).toEqual([]);
    expect(q.vetoStatus).toBe('PROPOSED');
  });

  it('is deterministic: computing again changes nothing and proposes no veto twice', async () => {
    const before = await result('bureau', '青山乡');
    await service.compute(await world.as('bureau'), YEAR);
    const again = await result('bureau', '青山乡');
    expect([again.total, again.rank, again.changes]).toEqual([before.total, before.rank, []]);
    expect(await service.vetoesOf(await world.as('bureau'), { year: YEAR })).toHaveLength(3);
  });

  it('lets only the county leaders decide a veto; a confirmed one voids the result and ranks it last', async () => {
    const bureau = await world.as('bureau');
    const proposed = await service.proposeVeto(bureau, unit('城关镇').id, YEAR, '瞒报重大矛盾纠纷');
    expect(proposed.trigger).toBe('BUREAU');
    expect((await refusal(service.decideVeto(bureau, proposed.id, 'CONFIRM', '属实'))).code).toBe('FORBIDDEN');
    expect((await refusal(service.proposeVeto(await world.as('secretary'), unit('城关镇').id, YEAR, '理由'))).code).toBe('FORBIDDEN');
    const confirmed = await service.decideVeto(await world.as('secretary'), proposed.id, 'CONFIRM', '经县委常委会研究，情况属实');
    expect(confirmed.status).toBe('CONFIRMED');
    const c = await result('bureau', '城关镇');
    expect([c.vetoStatus, c.total, c.rank]).toEqual(['CONFIRMED', 10000, c.peerCount]);
    expect(c.changes.map((x) => x.item)).toEqual(['veto', 'rank']);
    expect((await refusal(service.decideVeto(await world.as('magistrate'), proposed.id, 'REVOKE', '再议'))).reason).toBe('ALREADY_DECIDED');
    expect((await service.history(bureau, confirmed)).map((e) => e.step)).toEqual(['PROPOSED', 'CONFIRMED']);
  });

  it('shows a unit nothing of a draft, its own during the review, and takes its objection', async () => {
    expect((await refusal(result('qingshan', '青山乡'))).code).toBe('NOT_FOUND');
    expect(await service.results(await world.as('qingshan'), YEAR, 'TOWNSHIP')).toEqual([]);
    expect((await refusal(service.openReview(await world.as('bureau'), YEAR))).code).toBe('FORBIDDEN');
    const opened = await service.openReview(await world.as('secretary'), YEAR);
    expect([opened.stage, opened.reviewEndsOn! > shanghaiDate()]).toEqual(['REVIEW', true]);

    const own = await result('qingshan', '青山乡');
    expect(own.total).toBe(7367);
    // Every assessed unit is told in its inbox, with the review's last day.
    const told = await world.em().getConnection().execute<Array<{ unit_id: string; due_on: string }>>(`select unit_id, due_on::text as due_on from notification where kind = 'ASSESSMENT_REVIEW' and assessment_year = ?`, [YEAR]);
    expect(told.length).toBe((await service.results(await world.as('bureau'), YEAR, 'TOWNSHIP')).length + (await service.results(await world.as('bureau'), YEAR, 'DEPARTMENT')).length + (await service.results(await world.as('bureau'), YEAR, 'VILLAGE')).length);
    expect(told.find((n) => n.unit_id === unit('青山乡').id)?.due_on).toBe(opened.reviewEndsOn);
    expect((await refusal(result('qingshan', '城关镇'))).code).toBe('NOT_FOUND');
    expect((await refusal(result('qingshan', '石桥村'))).code).toBe('NOT_FOUND'); // its villages' only once published
    expect((await service.results(await world.as('qingshan'), YEAR, 'TOWNSHIP')).map((r) => r.unitId)).toEqual([unit('青山乡').id]);
    expect((await refusal(service.object(await world.as('chengguan'), own.id, { indicatorFigure: 'onTimeRate', reason: '不是我的' }))).code).toBe('NOT_FOUND');
    expect((await refusal(service.object(await world.as('bureau'), own.id, { indicatorFigure: 'onTimeRate', reason: '代提' }))).code).toBe('FORBIDDEN');

    const objection = await service.object(await world.as('qingshan'), own.id, { indicatorFigure: 'onTimeRate', reason: 'B件系因当事人原因延期，已报批' });
    expect(objection.status).toBe('OPEN');
    expect((await refusal(service.publish(await world.as('secretary'), YEAR))).reason).toBe('REVIEW_OPEN');
    const answered = await service.answer(await world.as('bureau'), objection.id, { decision: 'UPHOLD', answer: '经核实，延期已获批准，补回该件分值', correction: 12.5, version: objection.version });
    expect([answered.status, answered.correction]).toEqual(['UPHELD', 1250]);
    const corrected = await result('bureau', '青山乡');
    expect([corrected.indicators[0]!.points, corrected.indicators[0]!.correction, corrected.total]).toEqual([2500, 1250, 8617]);
    expect(corrected.changes.find((x) => x.item === 'onTimeRate')).toEqual({ item: 'onTimeRate', before: '12.50（1/2）', after: '25.00（1/2）' });
  });

  it('publishes after the review once every veto is decided, and freezes the results', async () => {
    const em = world.em();
    await em.getConnection().execute(`update assessment_year set review_ends_on = ? where year = ?`, [addDays(shanghaiDate(), -1), YEAR]);
    const leader = await world.as('secretary');
    expect((await refusal(service.publish(leader, YEAR))).reason).toBe('VETOES_UNDECIDED');
    for (const v of await service.vetoesOf(leader, { year: YEAR, status: 'PROPOSED' })) {
      await service.decideVeto(leader, v.id, v.trigger === 'CIRCULAR' ? 'CONFIRM' : 'REVOKE', v.trigger === 'CIRCULAR' ? '通报属实' : '已纳入通报一并处理');
    }
    expect((await refusal(service.publish(await world.as('bureau'), YEAR))).code).toBe('FORBIDDEN');
    expect((await service.publish(leader, YEAR)).stage).toBe('PUBLISHED');
    expect((await refusal(service.compute(await world.as('bureau'), YEAR))).reason).toBe('PUBLISHED');

    // A later change in the records does not move a published score.
    const before = await result('bureau', '青山乡');
    await em.getConnection().execute(`update petition set answered_on_time = true where number = 'A-0002'`);
    const after = await result('bureau', '青山乡');
    expect([after.total, after.vetoStatus, after.rank]).toEqual([before.total, 'CONFIRMED', before.peerCount]);

    // Each unit its own; a township its villages' too; the supervision group the whole table.
    expect((await service.results(await world.as('qingshan'), YEAR, 'VILLAGE')).every((r) => r.townshipId === unit('青山乡').id)).toBe(true);
    expect((await result('qingshan', '石桥村')).total).toBe(7900);
    expect((await refusal(result('qingshan', '城关镇'))).code).toBe('NOT_FOUND');
    expect((await refusal(result('shiqiao', '青山乡'))).code).toBe('NOT_FOUND');
    expect((await result('shiqiao', '石桥村')).total).toBe(7900);
    expect((await service.results(await world.as('supervisor'), YEAR, 'TOWNSHIP')).length).toBe(before.peerCount);
    const peers = await service.peerAverages(await world.as('qingshan'), after);
    expect(peers.get('onTimeRate')).toBeGreaterThan(0);
    expect((await service.commend(leader, { year: YEAR, unitId: unit('城关镇').id, title: '信访工作先进集体' })).title).toBe('信访工作先进集体');
  });
});
