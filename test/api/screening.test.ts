import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, lastDayOfMonth } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, gql, startTestPlatform, type GraphQLAnswer, type TestPlatform } from '../support/api-server.js';
import { ok } from '../support/petitions.js';
import {
  PERIOD_FIELDS,
  ScreeningClient,
  accountFor,
  clearScreening,
  disputeInput,
  monthOf,
  recentPeriods,
  todayInShanghai,
  unitsByName,
  type Period,
} from '../support/screening.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
interface ComplianceRow {
  unit: { id: string; name: string; kind: string };
  due: number;
  submitted: number;
  late: number;
  missing: number;
  expected: number;
  onTimeRate: number | null;
  vetoEvidence: number;
  periods: Period[];
}

const NO_UNIT = '00000000-0000-4000-8000-000000000000';

/** The error code and `reason` of an answer, to compare in one go. */
const refusal = (answer: GraphQLAnswer) => ({ code: codeOf(answer), reason: answer.errors?.[0]?.extensions?.reason });

describe.each(DATABASE_MODES)('screening reports on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: ScreeningClient, qingshan: ScreeningClient, shiqiao: ScreeningClient, chengguan: ScreeningClient, land: ScreeningClient;
  let dongjie: ScreeningClient, secretary: ScreeningClient, admin: ScreeningClient, qingshancun: ScreeningClient, yizu: ScreeningClient;
  let units: Map<string, { id: string; kind: string }>;
  const id = (name: string) => units.get(name)!.id;
  const today = todayInShanghai();

  /** A unit's periods over the last `days` days, as the bureau reads them. */
  const periodsOf = (name: string, days = 70) => recentPeriods(bureau, id(name), days);
  /** The latest period of a unit that has no report yet and whose due day has passed. */
  const missingPeriod = async (name: string) => {
    const found = (await periodsOf(name, 120)).filter((p) => p.status === 'MISSING').at(-1);
    if (!found) throw new Error(`${name} has no missing period`);
    return found;
  };

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    [bureau, qingshan, shiqiao, chengguan, land, dongjie, secretary, admin] = await Promise.all(
      ['bureau', 'qingshan', 'shiqiao', 'chengguan', 'land', 'dongjie', 'secretary', 'admin'].map((u) => ScreeningClient.as(platform.url, u)),
    );
    units = await unitsByName(bureau);
    qingshancun = await accountFor(platform, admin, 'qingshancun', id('青山村'));
    yizu = await accountFor(platform, admin, 'qingshan.yizu', id('青山村一组'));
    // Whatever the demo seed reported for the units these tests submit for is removed first.
    await clearScreening(platform, ['石桥村', '东街社区', '青山村', '青山村一组', '青山乡', '县自然资源局'].map(id));
  });
  afterAll(async () => platform?.stop());

  describe('periods', () => {
    it('derives a village’s half-monthly periods, dated YYYY-MM-DD, MISSING once the due day has passed and DUE before', async () => {
      const rules = ok(await shiqiao.query('{ screeningRules { unitKind cadence dueAfterDays effectiveFrom } }')).screeningRules as Array<{ unitKind: string; cadence: string; dueAfterDays: number; effectiveFrom: string }>;
      const rule = rules.filter((r) => r.unitKind === 'VILLAGE' && r.effectiveFrom <= today).at(-1)!;
      expect(rule).toMatchObject({ cadence: 'HALF_MONTHLY', dueAfterDays: 3 });
      const periods = ok(await shiqiao.periods(id('石桥村'), addDays(today, -60), today)).screeningPeriods;
      expect(periods.length).toBeGreaterThanOrEqual(4);
      expect(periods[0]!.periodStart <= addDays(today, -60) && periods[0]!.periodEnd >= addDays(today, -60)).toBe(true);
      const last = periods.at(-1)!;
      expect(last.periodStart <= today && today <= last.periodEnd).toBe(true);
      periods.forEach((p, i) => {
        for (const d of [p.periodStart, p.periodEnd, p.dueDate]) expect(d).toMatch(DATE);
        expect(p.unit).toEqual({ id: id('石桥村'), name: '石桥村' });
        expect(['01', '16']).toContain(p.periodStart.slice(8));
        expect(p.periodEnd).toBe(p.periodStart.endsWith('01') ? `${p.periodStart.slice(0, 8)}15` : lastDayOfMonth(p.periodStart));
        expect(p.dueDate).toBe(addDays(p.periodEnd, 3));
        if (i > 0) expect(p.periodStart).toBe(addDays(periods[i - 1]!.periodEnd, 1));
        expect(p.report).toBeNull();
        expect(p.status).toBe(p.dueDate < today ? 'MISSING' : 'DUE');
      });
      // A weekly group and a monthly township too.
      const weeks = ok(await yizu.periods(id('青山村一组'), addDays(today, -30), today)).screeningPeriods;
      for (const w of weeks) {
        expect(daysBetween(w.periodStart, w.periodEnd)).toBe(6);
        expect(new Date(`${w.periodStart}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(w.dueDate).toBe(addDays(w.periodEnd, 1));
      }
      const months = ok(await qingshan.periods(id('青山乡'), addDays(today, -40), today)).screeningPeriods;
      for (const m of months) {
        expect(m.periodStart.endsWith('-01')).toBe(true);
        expect(m.periodEnd).toBe(lastDayOfMonth(m.periodStart));
        expect(m.dueDate).toBe(addDays(m.periodEnd, 5));
      }
    });

    it('shows a past period submitted today as LATE and the current one, once submitted, as SUBMITTED', async () => {
      const missing = await missingPeriod('石桥村');
      const current = (await periodsOf('石桥村')).at(-1)!;
      expect(current.status).toBe('DUE');
      const late = ok(await shiqiao.submit({ unitId: id('石桥村'), periodStart: missing.periodStart, isZeroReport: true })).submitScreeningReport;
      expect(late).toMatchObject({ status: 'LATE', submittedOn: today, isZeroReport: true, periodStart: missing.periodStart, periodEnd: missing.periodEnd, dueDate: missing.dueDate, disputeCount: 0 });
      const onTime = ok(
        await shiqiao.submit({ unitId: id('石桥村'), periodStart: current.periodStart, isZeroReport: false, disputes: [disputeInput('石桥村二组与三组因灌溉用水发生争执')] }),
      ).submitScreeningReport;
      expect(onTime).toMatchObject({ status: 'SUBMITTED', submittedOn: today, isZeroReport: false, disputeCount: 1, submittedByName: '石桥村信息员' });
      expect(onTime.disputes.map((d: { summary: string }) => d.summary)).toEqual(['石桥村二组与三组因灌溉用水发生争执']);
      expect(onTime.history.map((h: { type: string }) => h.type)).toEqual(['SUBMITTED']);

      // Every reader sees the same statuses; the other periods stay as they were.
      for (const reader of [shiqiao, qingshan, bureau, secretary]) {
        const after = ok(await reader.periods(id('石桥村'), addDays(today, -70), today)).screeningPeriods;
        const at = (start: string) => after.find((p) => p.periodStart === start)!;
        expect(at(missing.periodStart)).toMatchObject({ status: 'LATE', report: { id: late.id, submittedOn: today, status: 'LATE' } });
        expect(at(current.periodStart)).toMatchObject({ status: 'SUBMITTED', report: { id: onTime.id, status: 'SUBMITTED' } });
        for (const p of after.filter((x) => x.periodStart !== missing.periodStart && x.periodStart !== current.periodStart)) {
          expect(p.status).toBe(p.dueDate < today ? 'MISSING' : 'DUE');
        }
      }
      expect(ok(await qingshan.report(late.id)).screeningReport).toMatchObject({ id: late.id, status: 'LATE' });
    });

    it('answers NOT_FOUND for a unit outside the caller’s scope', async () => {
      const ask = (c: ScreeningClient, unitId: string) => c.periods(unitId, addDays(today, -30), today);
      expect(codeOf(await ask(shiqiao, id('青山村')))).toBe('NOT_FOUND');
      expect(codeOf(await ask(shiqiao, id('青山乡')))).toBe('NOT_FOUND');
      expect(codeOf(await ask(shiqiao, id('东街社区')))).toBe('NOT_FOUND');
      expect(codeOf(await ask(chengguan, id('石桥村')))).toBe('NOT_FOUND');
      expect(codeOf(await ask(land, id('石桥村')))).toBe('NOT_FOUND');
      expect(codeOf(await ask(land, id('县公安局')))).toBe('NOT_FOUND');
      expect(codeOf(await ask(yizu, id('青山村')))).toBe('NOT_FOUND');
      expect(codeOf(await ask(admin, id('石桥村')))).toBe('NOT_FOUND');
      expect(codeOf(await ask(bureau, NO_UNIT))).toBe('NOT_FOUND');
      expect(codeOf(await ask(bureau, 'not-a-unit'))).toBe('NOT_FOUND');
      const anonymous = await gql(platform.url, `query($u: ID!) { screeningPeriods(unitId: $u, from: "${addDays(today, -30)}", to: "${today}") { status } }`, { u: id('石桥村') });
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    });

    it('refuses bad ranges and units that do not screen with BAD_USER_INPUT', async () => {
      const u = id('石桥村');
      expect(codeOf(await bureau.periods(u, today, addDays(today, -1)))).toBe('BAD_USER_INPUT');
      expect(codeOf(await bureau.periods(u, addDays(today, -900), today))).toBe('BAD_USER_INPUT');
      expect(codeOf(await bureau.periods(u, '2026-02-30', today))).toBe('BAD_USER_INPUT');
      expect(codeOf(await bureau.periods(u, '26-1-1', today))).toBe('BAD_USER_INPUT');
      for (const name of ['县群众工作局', '示范县', '县信访督查组']) {
        expect(refusal(await bureau.periods(id(name), addDays(today, -30), today))).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_SCREENING_UNIT' });
      }
      // A range entirely in the future has no started period.
      expect(ok(await bureau.periods(u, addDays(today, 40), addDays(today, 80))).screeningPeriods).toEqual([]);
    });
  });

  describe('submitting', () => {
    /** Everything a refused submission could have touched, as the bureau reads it. */
    const snapshot = async () => ({
      periods: await Promise.all(['石桥村', '青山村', '东街社区', '青山乡'].map((n) => periodsOf(n, 120))),
      disputes: ok(await bureau.disputes({}, 1)).disputes.totalCount as number,
      reports: (await platform.orm.em.getConnection().execute('select count(*)::int as n from screening_report'))[0].n as number,
    });

    it('refuses each bad submission with its code and saves nothing', async () => {
      const periods = await periodsOf('石桥村', 120);
      const open = periods.filter((p) => !p.report).at(-1)!;
      const current = periods.at(-1)!;
      expect(current.report).not.toBeNull();
      const before = await snapshot();
      const base = { unitId: id('石桥村'), periodStart: open.periodStart, isZeroReport: false, disputes: [disputeInput('某纠纷')] };
      const cases: Array<[string, ScreeningClient | null, Record<string, unknown>, { code: string; reason?: string }]> = [
        ['a zero report with disputes', shiqiao, { ...base, isZeroReport: true }, { code: 'BAD_USER_INPUT', reason: 'ZERO_WITH_DISPUTES' }],
        ['a report with no dispute that is not a zero report', shiqiao, { ...base, disputes: [] }, { code: 'BAD_USER_INPUT', reason: 'NO_DISPUTES' }],
        ['a second report for a period', shiqiao, { ...base, periodStart: current.periodStart }, { code: 'CONFLICT', reason: 'ALREADY_SUBMITTED' }],
        ['a second zero report for a period', shiqiao, { ...base, periodStart: current.periodStart, isZeroReport: true, disputes: [] }, { code: 'CONFLICT', reason: 'ALREADY_SUBMITTED' }],
        ['a day inside a period', shiqiao, { ...base, periodStart: addDays(open.periodStart, 1) }, { code: 'BAD_USER_INPUT', reason: 'NOT_A_PERIOD' }],
        ['a period before screening began', shiqiao, { ...base, periodStart: '2001-01-01' }, { code: 'BAD_USER_INPUT', reason: 'NOT_A_PERIOD' }],
        ['the next period, not started yet', shiqiao, { ...base, periodStart: addDays(current.periodEnd, 1) }, { code: 'BAD_USER_INPUT', reason: 'PERIOD_NOT_STARTED' }],
        ['a period a year ahead', shiqiao, { ...base, periodStart: `${Number(today.slice(0, 4)) + 1}-01-01` }, { code: 'BAD_USER_INPUT', reason: 'PERIOD_NOT_STARTED' }],
        ['a date that does not exist', shiqiao, { ...base, periodStart: '2026-02-30' }, { code: 'BAD_USER_INPUT' }],
        ['an unknown category', shiqiao, { ...base, disputes: [disputeInput('某纠纷', { categoryCode: 'NO_SUCH' })] }, { code: 'BAD_USER_INPUT' }],
        ['a dispute arising in the future', shiqiao, { ...base, disputes: [disputeInput('某纠纷', { arisenOn: addDays(today, 1) })] }, { code: 'BAD_USER_INPUT' }],
        ['a dispute arising after the period, in a late report', shiqiao, { ...base, periodStart: open.periodStart, disputes: [disputeInput('某纠纷', { arisenOn: addDays(open.periodEnd, 1) })] }, { code: 'BAD_USER_INPUT', reason: 'ARISEN_AFTER_PERIOD' }],
        ['a resolution deadline in the past', shiqiao, { ...base, disputes: [disputeInput('某纠纷', { resolveBy: addDays(today, -1) })] }, { code: 'BAD_USER_INPUT' }],
        ['no one involved', shiqiao, { ...base, disputes: [disputeInput('某纠纷', { headcount: 0 })] }, { code: 'BAD_USER_INPUT' }],
        ['an empty summary', shiqiao, { ...base, disputes: [disputeInput('   ')] }, { code: 'BAD_USER_INPUT' }],
        ['a neighbouring village', shiqiao, { ...base, unitId: id('青山村') }, { code: 'FORBIDDEN' }],
        ['a village of another township', shiqiao, { ...base, unitId: id('东街社区') }, { code: 'FORBIDDEN' }],
        ['its own township', shiqiao, { ...base, unitId: id('青山乡') }, { code: 'FORBIDDEN' }],
        ['a township for its village', qingshan, base, { code: 'FORBIDDEN' }],
        ['a village for its group', qingshancun, { ...base, unitId: id('青山村一组') }, { code: 'FORBIDDEN' }],
        ['a group for its village', yizu, { ...base, unitId: id('青山村') }, { code: 'FORBIDDEN' }],
        ['the bureau for a village', bureau, base, { code: 'FORBIDDEN' }],
        ['the bureau for a township', bureau, { ...base, unitId: id('青山乡') }, { code: 'FORBIDDEN' }],
        ['the bureau for itself', bureau, { ...base, unitId: id('县群众工作局') }, { code: 'FORBIDDEN' }],
        ['a department for a village', land, base, { code: 'FORBIDDEN' }],
        ['a county leader', secretary, base, { code: 'FORBIDDEN' }],
        ['the administrator', admin, base, { code: 'FORBIDDEN' }],
        ['an unknown unit', shiqiao, { ...base, unitId: NO_UNIT }, { code: 'FORBIDDEN' }],
        ['nobody signed in', null, base, { code: 'UNAUTHENTICATED' }],
      ];
      for (const [what, client, input, expected] of cases) {
        const answer = client
          ? await client.submit(input)
          : await gql(platform.url, 'mutation($input: SubmitScreeningReportInput!) { submitScreeningReport(input: $input) { id } }', { input });
        expect(answer.data?.submitScreeningReport ?? null, what).toBeNull();
        expect(codeOf(answer), what).toBe(expected.code);
        if (expected.reason) expect(answer.errors![0]!.extensions!.reason, what).toBe(expected.reason);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('lets exactly one of two simultaneous submissions for the same period win', async () => {
      const periods = (await periodsOf('东街社区', 120)).filter((p) => !p.report).slice(-3);
      expect(periods.length).toBe(3);
      for (const period of periods) {
        const answers = await Promise.all([
          dongjie.submit({ unitId: id('东街社区'), periodStart: period.periodStart, isZeroReport: true }),
          dongjie.submit({ unitId: id('东街社区'), periodStart: period.periodStart, isZeroReport: false, disputes: [disputeInput(`东街争执 ${period.periodStart} 甲`), disputeInput(`东街争执 ${period.periodStart} 乙`)] }),
        ]);
        const won = answers.filter((a) => !a.errors);
        const lost = answers.filter((a) => a.errors);
        expect(won.length, answers.map((a) => a.text).join('\n')).toBe(1);
        expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(codeOf(lost[0]!));
        const winner = won[0]!.data!.submitScreeningReport;
        const after = (await periodsOf('东街社区', 120)).find((p) => p.periodStart === period.periodStart)!;
        expect(after.report).toMatchObject({ id: winner.id, isZeroReport: winner.isZeroReport });
        const saved = await bureau.allDisputes({ scopeUnitId: id('东街社区'), search: `东街争执 ${period.periodStart}` });
        expect(saved.length).toBe(winner.disputeCount);
      }
      const [{ n }] = await platform.orm.em.getConnection().execute('select count(*)::int as n from screening_report where unit_id = ?', [id('东街社区')]);
      expect(n).toBe(3);
    });
  });

  describe('correcting and reviewing', () => {
    it('corrects a report until it is reviewed, each correction on its history; CONFLICT on a stale version', async () => {
      const open = (await periodsOf('石桥村', 120)).filter((p) => !p.report).at(-1)!;
      let report = ok(await shiqiao.submit({ unitId: id('石桥村'), periodStart: open.periodStart, isZeroReport: false, disputes: [disputeInput('宅基地边界争议')] })).submitScreeningReport;
      expect(report).toMatchObject({ canCorrect: true, canReview: false, correctionCount: 0 });
      expect(ok(await qingshan.report(report.id)).screeningReport).toMatchObject({ canCorrect: false, canReview: true });
      expect(ok(await bureau.report(report.id)).screeningReport).toMatchObject({ canCorrect: false, canReview: false });

      const first = report.version;
      report = ok(await shiqiao.correct({ id: report.id, version: report.version, isZeroReport: false, addDisputes: [disputeInput('山林权属争议', { riskLevel: 'MAJOR' })], reason: '漏报一起山林纠纷' })).correctScreeningReport;
      expect(report.version).toBeGreaterThan(first);
      expect(report).toMatchObject({ disputeCount: 2, correctionCount: 1, isZeroReport: false });
      expect(report.disputes.map((d: { summary: string }) => d.summary).sort()).toEqual(['宅基地边界争议', '山林权属争议'].sort());
      expect(report.history.map((h: { type: string; note: string | null }) => [h.type, h.note])).toEqual([['SUBMITTED', null], ['CORRECTED', '漏报一起山林纠纷']]);

      const wrong = report.disputes.find((d: { summary: string }) => d.summary === '宅基地边界争议').id;
      const before = ok(await bureau.report(report.id)).screeningReport;
      const refusals: Array<[ScreeningClient, Record<string, unknown>, string]> = [
        [shiqiao, { version: first }, 'CONFLICT'],
        [shiqiao, { isZeroReport: true }, 'BAD_USER_INPUT'],
        [shiqiao, { withdrawDisputeIds: [before.disputes[0].id, before.disputes[1].id] }, 'BAD_USER_INPUT'],
        [shiqiao, { reason: '  ' }, 'BAD_USER_INPUT'],
        [shiqiao, { withdrawDisputeIds: [NO_UNIT] }, 'BAD_USER_INPUT'],
        [qingshan, {}, 'FORBIDDEN'],
        [bureau, {}, 'FORBIDDEN'],
        [chengguan, {}, 'NOT_FOUND'],
        [qingshancun, {}, 'NOT_FOUND'],
      ];
      for (const [client, over, code] of refusals) {
        const answer = await client.correct({ id: report.id, version: report.version, isZeroReport: false, reason: '更正', ...over });
        expect(codeOf(answer), JSON.stringify(over)).toBe(code);
      }
      expect(ok(await bureau.report(report.id)).screeningReport).toEqual(before);

      report = ok(await shiqiao.correct({ id: report.id, version: report.version, isZeroReport: false, withdrawDisputeIds: [wrong], reason: '宅基地争议系误报' })).correctScreeningReport;
      expect(report).toMatchObject({ disputeCount: 1, correctionCount: 2 });
      expect(report.disputes.map((d: { summary: string }) => d.summary)).toEqual(['山林权属争议']);
      expect(codeOf(await bureau.dispute(wrong))).toBe('NOT_FOUND');

      // Only the level above reviews; after that nobody corrects.
      const stale = report.version;
      expect(codeOf(await bureau.review(report.id, report.version))).toBe('FORBIDDEN');
      expect(codeOf(await shiqiao.review(report.id, report.version))).toBe('FORBIDDEN');
      expect(codeOf(await secretary.review(report.id, report.version))).toBe('FORBIDDEN');
      expect(codeOf(await chengguan.review(report.id, report.version))).toBe('NOT_FOUND');
      expect(codeOf(await land.review(report.id, report.version))).toBe('NOT_FOUND');
      expect(codeOf(await qingshan.review(report.id, report.version - 1))).toBe('CONFLICT');
      const reviewed = ok(await qingshan.review(report.id, report.version, '已核实')).reviewScreeningReport;
      expect(reviewed.reviewedAt).not.toBeNull();
      expect(reviewed).toMatchObject({ reviewedByName: '青山乡群工办', canReview: false, canCorrect: false });
      expect(reviewed.history.map((h: { type: string }) => h.type)).toEqual(['SUBMITTED', 'CORRECTED', 'CORRECTED', 'REVIEWED']);
      expect(refusal(await qingshan.review(report.id, reviewed.version))).toEqual({ code: 'BAD_USER_INPUT', reason: 'ALREADY_REVIEWED' });
      const late = await shiqiao.correct({ id: report.id, version: reviewed.version, isZeroReport: false, addDisputes: [disputeInput('又一起')], reason: '审核后补报' });
      expect(refusal(late)).toEqual({ code: 'BAD_USER_INPUT', reason: 'ALREADY_REVIEWED' });
      expect(ok(await shiqiao.report(report.id)).screeningReport).toMatchObject({ canCorrect: false, disputeCount: 1, correctionCount: 2 });
      expect(refusal(await shiqiao.correct({ id: report.id, version: stale, isZeroReport: false, reason: '旧版本' }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'ALREADY_REVIEWED' });
    });

    it('keeps each history to its own: a dispute added by a correction was reported by it; a report’s history has no dispute changes', async () => {
      const open = (await periodsOf('石桥村', 120)).filter((p) => !p.report).at(-1)!;
      let report = ok(await shiqiao.submit({ unitId: id('石桥村'), periodStart: open.periodStart, isZeroReport: false, disputes: [disputeInput('先报的排水纠纷')], note: '按期排查' })).submitScreeningReport;
      report = ok(await shiqiao.correct({ id: report.id, version: report.version, isZeroReport: false, addDisputes: [disputeInput('补报的鱼塘纠纷')], reason: '漏报鱼塘纠纷' })).correctScreeningReport;
      const [first, added] = ['先报的排水纠纷', '补报的鱼塘纠纷'].map((s) => report.disputes.find((d: { summary: string }) => d.summary === s).id);
      const history = async (disputeId: string) => ok(await bureau.dispute(disputeId)).dispute.history.map((h: { type: string; note: string | null }) => [h.type, h.note]);
      expect(await history(first)).toEqual([['SUBMITTED', '按期排查']]);
      expect(await history(added)).toEqual([['CORRECTED', '漏报鱼塘纠纷']]);
      const d = ok(await bureau.dispute(first)).dispute;
      ok(await qingshan.updateDispute({ id: d.id, version: d.version, status: 'RESOLVING' }));
      expect(await history(first)).toEqual([['SUBMITTED', '按期排查'], ['DISPUTE_UPDATED', null]]);
      expect(ok(await bureau.report(report.id)).screeningReport.history.map((h: { type: string }) => h.type)).toEqual(['SUBMITTED', 'CORRECTED']);
    });

    it('has a township’s report reviewed by the bureau and a group’s by its village, never by themselves', async () => {
      const month = (await periodsOf('青山乡', 40)).at(-1)!;
      const own = ok(await qingshan.submit({ unitId: id('青山乡'), periodStart: month.periodStart, isZeroReport: true })).submitScreeningReport;
      expect(codeOf(await qingshan.review(own.id, own.version))).toBe('FORBIDDEN');
      expect(codeOf(await shiqiao.review(own.id, own.version))).toBe('NOT_FOUND');
      expect(ok(await bureau.review(own.id, own.version)).reviewScreeningReport.reviewedByName).toBe('群众工作局登记员');

      const week = (await periodsOf('青山村一组', 14)).at(-1)!;
      const group = ok(await yizu.submit({ unitId: id('青山村一组'), periodStart: week.periodStart, isZeroReport: true })).submitScreeningReport;
      expect(codeOf(await yizu.review(group.id, group.version))).toBe('FORBIDDEN');
      expect(codeOf(await qingshan.review(group.id, group.version))).toBe('FORBIDDEN');
      expect(codeOf(await bureau.review(group.id, group.version))).toBe('FORBIDDEN');
      expect(ok(await qingshancun.review(group.id, group.version)).reviewScreeningReport.reviewedAt).not.toBeNull();

      const dept = (await periodsOf('县自然资源局', 40)).at(-1)!;
      const land1 = ok(await land.submit({ unitId: id('县自然资源局'), periodStart: dept.periodStart, isZeroReport: true })).submitScreeningReport;
      expect(codeOf(await land.review(land1.id, land1.version))).toBe('FORBIDDEN');
      expect(codeOf(await qingshan.review(land1.id, land1.version))).toBe('NOT_FOUND');
      expect(ok(await bureau.review(land1.id, land1.version)).reviewScreeningReport.reviewedAt).not.toBeNull();
    });
  });

  describe('compliance', () => {
    const months = [monthOf(today), monthOf(addDays(`${monthOf(today)}-01`, -1))];

    /** What a row must say: the unit's periods that start in the month, read one by one. */
    async function expectRowsMatchPeriods(rows: ComplianceRow[], month: string, reader: ScreeningClient) {
      const first = `${month}-01`;
      const last = lastDayOfMonth(first);
      for (const row of rows) {
        const periods = ok(await reader.periods(row.unit.id, first, last)).screeningPeriods.filter((p) => p.periodStart >= first && p.periodStart <= last);
        const count = (s: Period['status']) => periods.filter((p) => p.status === s).length;
        expect(
          { due: row.due, submitted: row.submitted, late: row.late, missing: row.missing, expected: row.expected, onTimeRate: row.onTimeRate },
          `${row.unit.name} ${month}`,
        ).toEqual({
          due: count('DUE'),
          submitted: count('SUBMITTED'),
          late: count('LATE'),
          missing: count('MISSING'),
          expected: periods.length,
          // On time over the periods whose report is in or overdue, from the periods themselves.
          onTimeRate: count('SUBMITTED') + count('LATE') + count('MISSING') ? count('SUBMITTED') / (count('SUBMITTED') + count('LATE') + count('MISSING')) : null,
        });
        expect(row.periods.map((p: Period) => [p.periodStart, p.status, p.report?.id ?? null])).toEqual(periods.map((p) => [p.periodStart, p.status, p.report?.id ?? null]));
      }
    }

    it.each(months)('consolidates 青山乡’s month %s: the township and every village and group below it', async (month) => {
      const rows = ok(await qingshan.compliance(id('青山乡'), month)).screeningCompliance;
      expect(rows.map((r: { unit: { name: string } }) => r.unit.name)).toEqual(['青山乡', '石桥村', '青山村', '青山村一组', '青山村二组']);
      const byName = new Map(rows.map((r: { unit: { name: string } }) => [r.unit.name, r]));
      expect(byName.get('青山乡')).toMatchObject({ cadence: 'MONTHLY' });
      expect(byName.get('石桥村')).toMatchObject({ cadence: 'HALF_MONTHLY', parentId: id('青山乡') });
      expect(byName.get('青山村一组')).toMatchObject({ cadence: 'WEEKLY', parentId: id('青山村') });
      await expectRowsMatchPeriods(rows, month, qingshan);
      // The bureau and a county leader see the same month of the township.
      expect(ok(await bureau.compliance(id('青山乡'), month)).screeningCompliance).toEqual(rows);
      expect(ok(await secretary.compliance(id('青山乡'), month)).screeningCompliance).toEqual(rows);
    });

    it('counts what was submitted: the late and on-time reports of 石桥村 show in its row', async () => {
      const month = monthOf(today);
      const row = ok(await qingshan.compliance(id('青山乡'), month)).screeningCompliance.find((r: { unit: { name: string } }) => r.unit.name === '石桥村');
      const periods = (await periodsOf('石桥村', 120)).filter((p) => monthOf(p.periodStart) === month);
      expect(row.submitted + row.late).toBe(periods.filter((p) => p.report).length);
      expect(row.submitted).toBeGreaterThanOrEqual(1);
    });

    it.each(months)('gives the bureau the whole county in %s: every screening unit', async (month) => {
      const rows = ok(await bureau.compliance(id('示范县'), month)).screeningCompliance;
      const screening = [...units].filter(([, u]) => ['VILLAGE_GROUP', 'VILLAGE', 'TOWNSHIP', 'DEPARTMENT'].includes(u.kind)).map(([name]) => name);
      expect(screening.length).toBe(17);
      expect(rows.map((r: { unit: { name: string } }) => r.unit.name).sort()).toEqual(screening.sort());
      await expectRowsMatchPeriods(rows, month, bureau);
      expect(ok(await secretary.compliance(id('示范县'), month)).screeningCompliance).toEqual(rows);
      const supervisor = await ScreeningClient.as(platform.url, 'supervisor');
      expect(ok(await supervisor.compliance(id('示范县'), month)).screeningCompliance).toEqual(rows);
    });

    it('shows a village only itself and its groups, a department only itself', async () => {
      const month = monthOf(today);
      const names = (answer: GraphQLAnswer<{ screeningCompliance: ComplianceRow[] }>) => ok(answer).screeningCompliance.map((r) => r.unit.name);
      expect(names(await shiqiao.compliance(id('石桥村'), month))).toEqual(['石桥村']);
      expect(names(await qingshancun.compliance(id('青山村'), month))).toEqual(['青山村', '青山村一组', '青山村二组']);
      expect(names(await yizu.compliance(id('青山村一组'), month))).toEqual(['青山村一组']);
      expect(names(await land.compliance(id('县自然资源局'), month))).toEqual(['县自然资源局']);
      expect(codeOf(await shiqiao.compliance(id('青山乡'), month))).toBe('NOT_FOUND');
      expect(codeOf(await yizu.compliance(id('青山村'), month))).toBe('NOT_FOUND');
      expect(codeOf(await land.compliance(id('示范县'), month))).toBe('NOT_FOUND');
      expect(codeOf(await chengguan.compliance(id('青山乡'), month))).toBe('NOT_FOUND');
      expect(codeOf(await bureau.compliance(NO_UNIT, month))).toBe('NOT_FOUND');
      // The administrator reads units but no screening.
      expect(ok(await admin.compliance(id('示范县'), month)).screeningCompliance).toEqual([]);
    });

    it.each(['2026-13', '2026-1', '202611', 'abc', '', '2026-00', '2026-11-01'])('refuses the month "%s" with BAD_USER_INPUT', async (month) => {
      expect(codeOf(await qingshan.compliance(id('青山乡'), month))).toBe('BAD_USER_INPUT');
    });
  });

  describe('reminders', () => {
    const key = (r: { unit: { name: string }; periodStart: string }) => `${r.unit.name} ${r.periodStart}`;
    type Reminder = { unit: { id: string; name: string }; own: boolean; periodStart: string; periodEnd: string; dueDate: string; status: string; daysLeft: number };

    it('reminds a village of its own missing reports and those due within three days', async () => {
      const reminders = ok(await shiqiao.reminders()).screeningReminders as Reminder[];
      const periods = ok(await shiqiao.periods(id('石桥村'), addDays(today, -92), today)).screeningPeriods;
      const expected = periods.filter((p) => p.status === 'MISSING' || (p.status === 'DUE' && daysBetween(today, p.dueDate) <= 3));
      expect(expected.some((p) => p.status === 'MISSING')).toBe(true);
      expect(reminders.map(key).sort()).toEqual(expected.map(key).sort());
      for (const r of reminders) {
        expect(r.own).toBe(true);
        expect(r.daysLeft).toBe(daysBetween(today, r.dueDate));
        expect(r.status).toBe(expected.find((p) => p.periodStart === r.periodStart)!.status);
      }
    });

    it('reminds a township of its villages’ missing reports, and a village of its groups’', async () => {
      const ofTownship = ok(await qingshan.reminders()).screeningReminders as Reminder[];
      const below = ofTownship.filter((r) => !r.own);
      const expected: Period[] = [];
      for (const name of ['石桥村', '青山村']) {
        expected.push(...ok(await qingshan.periods(id(name), addDays(today, -62), today)).screeningPeriods.filter((p) => p.status === 'MISSING'));
      }
      expect(expected.length).toBeGreaterThan(0);
      expect(below.map(key).sort()).toEqual(expected.map(key).sort());
      expect(below.every((r) => r.status === 'MISSING' && r.daysLeft < 0)).toBe(true);
      expect(ofTownship.filter((r) => r.own).every((r) => r.unit.name === '青山乡')).toBe(true);

      const ofVillage = (ok(await qingshancun.reminders()).screeningReminders as Reminder[]).filter((r) => !r.own);
      const groups: Period[] = [];
      for (const name of ['青山村一组', '青山村二组']) {
        groups.push(...ok(await qingshancun.periods(id(name), addDays(today, -62), today)).screeningPeriods.filter((p) => p.status === 'MISSING'));
      }
      expect(ofVillage.map(key).sort()).toEqual(groups.map(key).sort());
      // The bureau chases the townships and departments, not the villages.
      const ofBureau = ok(await bureau.reminders()).screeningReminders as Reminder[];
      expect(ofBureau.every((r) => !r.own && ['TOWNSHIP', 'DEPARTMENT'].includes(units.get(r.unit.name)!.kind))).toBe(true);
      expect(ok(await admin.reminders()).screeningReminders).toEqual([]);
    });
  });

  it('gives a unit set up today only the period running now: nothing before it is missing or can be reported', async () => {
    const created = ok(await admin.query('mutation($p: ID!) { createUnit(input: { name: "新建村", kind: VILLAGE, parentId: $p }) { id } }', { p: id('青山乡') })).createUnit;
    const periods = ok(await qingshan.periods(created.id, addDays(today, -60), today)).screeningPeriods;
    expect(periods.length).toBe(1);
    expect(periods[0]).toMatchObject({ status: 'DUE', report: null });
    expect(periods[0]!.periodStart <= today && today <= periods[0]!.periodEnd).toBe(true);
    const month = ok(await qingshan.compliance(id('青山乡'), monthOf(today))).screeningCompliance.find((r: { unit: { id: string } }) => r.unit.id === created.id);
    expect(month).toMatchObject({ missing: 0, late: 0 });
    const xincun = await accountFor(platform, admin, 'xincun', created.id);
    const before = addDays(periods[0]!.periodStart, -1);
    const earlier = ok(await bureau.periods(id('石桥村'), before, before)).screeningPeriods[0]!;
    expect(refusal(await xincun.submit({ unitId: created.id, periodStart: earlier.periodStart, isZeroReport: true }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_A_PERIOD' });
    expect(ok(await xincun.submit({ unitId: created.id, periodStart: periods[0]!.periodStart, isZeroReport: true })).submitScreeningReport.status).toBe('SUBMITTED');
  });

  it('answers every screening query and mutation UNAUTHENTICATED to nobody signed in', async () => {
    const u = id('石桥村');
    const operations: Array<[string, Record<string, unknown>]> = [
      ['query($u: ID!) { screeningPeriods(unitId: $u, from: "2026-01-01", to: "2026-01-31") { status } }', { u }],
      ['query($u: ID!) { screeningCompliance(scopeUnitId: $u, month: "2026-01") { expected } }', { u }],
      ['{ screeningReminders { own } }', {}],
      ['query($u: ID!) { screeningReport(id: $u) { id } }', { u }],
      ['{ screeningRules { cadence } }', {}],
      ['{ disputes { totalCount } }', {}],
      ['query($u: ID!) { dispute(id: $u) { id } }', { u }],
      ['{ disputeSummary { found } }', {}],
      ['{ exportDisputes { rows } }', {}],
      ['mutation($u: ID!) { correctScreeningReport(input: { id: $u, version: 1, isZeroReport: true, reason: "x" }) { id } }', { u }],
      ['mutation($u: ID!) { reviewScreeningReport(id: $u, version: 1) { id } }', { u }],
      ['mutation { setScreeningRule(input: { unitKind: VILLAGE, cadence: WEEKLY, dueAfterDays: 1, effectiveFrom: "2099-01-01" }) { cadence } }', {}],
      ['mutation($u: ID!) { updateDispute(input: { id: $u, version: 1, status: RESOLVING }) { id } }', { u }],
      ['mutation($u: ID!) { escalateDispute(id: $u, version: 1, note: "x") { id } }', { u }],
      ['mutation($u: ID!) { linkDisputeToPetition(disputeId: $u, version: 1, petitionId: $u) { id } }', { u }],
    ];
    for (const [query, variables] of operations) {
      const answer = await gql(platform.url, query, variables);
      expect(codeOf(answer), query).toBe('UNAUTHENTICATED');
      expect(answer.data ?? null, query).toBeNull();
    }
  });

  it('reads the period fields the same way through the report', async () => {
    const periods = ok(await bureau.query(`query($u: ID!, $f: Date!, $t: Date!) { screeningPeriods(unitId: $u, from: $f, to: $t) { ${PERIOD_FIELDS} report { periodStart periodEnd dueDate } } }`, {
      u: id('石桥村'), f: addDays(today, -120), t: today,
    })).screeningPeriods as Array<Period & { report: { periodStart: string; periodEnd: string; dueDate: string } | null }>;
    for (const p of periods.filter((x) => x.report)) expect(p.report).toMatchObject({ periodStart: p.periodStart, periodEnd: p.periodEnd, dueDate: p.dueDate });
  });
});
