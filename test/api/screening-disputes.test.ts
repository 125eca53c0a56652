import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, idCheckCharacter } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, startTestPlatform, type GraphQLAnswer, type TestPlatform } from '../support/api-server.js';
import { ok } from '../support/petitions.js';
import {
  ScreeningClient,
  accountFor,
  clearScreening,
  disputeInput,
  monthOf,
  recentPeriods,
  todayInShanghai,
  unitsByName,
  type DisputeRow,
} from '../support/screening.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const PETITIONER = { name: '郝保密', idNumber: `36099919820304001${idCheckCharacter('36099919820304001')}`, phone: '13955556666' };
const NEEDLES = [PETITIONER.name, PETITIONER.idNumber, PETITIONER.phone];

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
const refusal = (answer: GraphQLAnswer) => ({ code: codeOf(answer), reason: answer.errors?.[0]?.extensions?.reason });

/** Every cell of every sheet of a workbook, row by row. */
async function sheetRows(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')))));
  return rows;
}

describe.each(DATABASE_MODES)('the dispute ledger on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: ScreeningClient, qingshan: ScreeningClient, shiqiao: ScreeningClient, chengguan: ScreeningClient, land: ScreeningClient;
  let dongjie: ScreeningClient, secretary: ScreeningClient, supervisor: ScreeningClient, admin: ScreeningClient;
  let qingshancun: ScreeningClient, yizu: ScreeningClient, xijie: ScreeningClient;
  let units: Map<string, { id: string; kind: string }>;
  const id = (name: string) => units.get(name)!.id;
  const today = todayInShanghai();
  /** The disputes these tests reported, by summary. */
  const mine = new Map<string, DisputeRow>();

  /** Submits a unit's report for its latest period that has none, and remembers its disputes. */
  async function report(client: ScreeningClient, unit: string, disputes: Array<Record<string, unknown>>) {
    const period = (await recentPeriods(bureau, id(unit), 60)).filter((p) => !p.report).at(-1)!;
    const r = ok(await client.submit({ unitId: id(unit), periodStart: period.periodStart, isZeroReport: disputes.length === 0, disputes })).submitScreeningReport;
    for (const d of r.disputes) mine.set(d.summary, ok(await bureau.dispute(d.id)).dispute);
    return r;
  }
  const disputeOf = (summary: string) => mine.get(summary)!;
  /** A dispute as the bureau reads it now. */
  const fresh = async (summary: string): Promise<DisputeRow> => ok(await bureau.dispute(disputeOf(summary).id)).dispute;

  async function registerPetition(location: string, over: Record<string, unknown> = {}) {
    const p = ok(
      await bureau.register({
        channel: 'VISIT', kind: 'CLAIM', categoryCode: 'RURAL', subject: '反映灌溉用水纠纷', content: '因灌溉用水分配发生纠纷，请求协调。',
        receivedAt: today, headcount: 1, locationUnitId: id(location), petitioner: { ...PETITIONER, address: location }, ...over,
      }),
    ).registerPetition;
    return p as { id: string; number: string; version: number };
  }

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    [bureau, qingshan, shiqiao, chengguan, land, dongjie, secretary, supervisor, admin] = await Promise.all(
      ['bureau', 'qingshan', 'shiqiao', 'chengguan', 'land', 'dongjie', 'secretary', 'supervisor', 'admin'].map((u) => ScreeningClient.as(platform.url, u)),
    );
    units = await unitsByName(bureau);
    qingshancun = await accountFor(platform, admin, 'qingshancun', id('青山村'));
    yizu = await accountFor(platform, admin, 'qingshan.yizu', id('青山村一组'));
    xijie = await accountFor(platform, admin, 'xijie', id('西街社区'));
    await clearScreening(platform, ['石桥村', '青山村', '青山村一组', '青山乡', '东街社区', '西街社区', '县自然资源局'].map(id));

    await report(shiqiao, '石桥村', [
      disputeInput('石桥村灌溉用水纠纷', { parties: '王某与赵某' }),
      disputeInput('石桥村征地补偿纠纷', { riskLevel: 'MAJOR', headcount: 12, categoryCode: 'LAND' }),
      disputeInput('石桥村宅基地纠纷 100%_确认'),
      disputeInput('石桥村山塘承包纠纷', { riskLevel: 'MAJOR' }),
    ]);
    await report(qingshancun, '青山村', [disputeInput('青山村山林权属纠纷')]);
    await report(yizu, '青山村一组', [disputeInput('一组邻里排水纠纷')]);
    await report(qingshan, '青山乡', [disputeInput('青山乡砂场劳资纠纷', { riskLevel: 'MAJOR', categoryCode: 'LABOUR', headcount: 30 })]);
    await report(dongjie, '东街社区', [disputeInput('东街物业费纠纷')]);
    await report(land, '县自然资源局', [disputeInput('自然资源局林地确权纠纷', { riskLevel: 'MAJOR', categoryCode: 'LAND' })]);
  });
  afterAll(async () => platform?.stop());

  describe('scope', () => {
    const subtree = { 青山乡: ['青山乡', '石桥村', '青山村', '青山村一组', '青山村二组'], 青山村: ['青山村', '青山村一组', '青山村二组'] };

    it('gives each role its own part of the ledger, the same rows in the same order as the bureau’s', async () => {
      const all = await bureau.allDisputes();
      for (const d of mine.values()) expect(ids(all)).toContain(d.id);
      const within = (names: string[]) => ids(all.filter((d) => names.includes(d.unit.name)));
      const cases: Array<[string, ScreeningClient, string[] | 'all']> = [
        ['a village: its own', shiqiao, ['石桥村']],
        ['a village with groups: its own and its groups’', qingshancun, subtree.青山村],
        ['a village group: its own', yizu, ['青山村一组']],
        ['a township: its subtree', qingshan, subtree.青山乡],
        ['another township: its subtree', chengguan, ['城关镇', '东街社区', '西街社区']],
        ['a department: its own', land, ['县自然资源局']],
        ['a county leader: all', secretary, 'all'],
        ['the supervision group: all', supervisor, 'all'],
        ['the administrator: nothing', admin, []],
      ];
      for (const [what, client, names] of cases) {
        const seen = await client.allDisputes();
        expect(ids(seen), what).toEqual(names === 'all' ? ids(all) : within(names));
        const count = ok(await client.disputes({}, 1)).disputes.totalCount;
        expect(count, what).toBe(seen.length);
        const summary = ok(await client.query('{ disputeSummary { found } }')).disputeSummary.found;
        expect(summary, what).toBe(seen.length);
      }
      expect(ids(await qingshancun.allDisputes())).toContain(disputeOf('一组邻里排水纠纷').id);
    });

    it('answers NOT_FOUND for one dispute outside the scope', async () => {
      const cases: Array<[ScreeningClient, string]> = [
        [shiqiao, '东街物业费纠纷'], [shiqiao, '青山村山林权属纠纷'], [shiqiao, '青山乡砂场劳资纠纷'], [yizu, '青山村山林权属纠纷'],
        [qingshan, '东街物业费纠纷'], [qingshan, '自然资源局林地确权纠纷'], [land, '石桥村灌溉用水纠纷'], [admin, '石桥村灌溉用水纠纷'], [chengguan, '石桥村灌溉用水纠纷'],
      ];
      for (const [client, summary] of cases) expect(codeOf(await client.dispute(disputeOf(summary).id)), summary).toBe('NOT_FOUND');
      expect(codeOf(await bureau.dispute(NO_ID))).toBe('NOT_FOUND');
      expect(codeOf(await bureau.dispute('nope'))).toBe('NOT_FOUND');
      expect(ok(await qingshan.dispute(disputeOf('一组邻里排水纠纷').id)).dispute.unit.name).toBe('青山村一组');
    });

    it('narrows to a unit’s subtree with scopeUnitId, within the caller’s scope only', async () => {
      const all = await bureau.allDisputes();
      const cases: Array<[string, string[]]> = [['青山乡', subtree.青山乡], ['青山村', subtree.青山村], ['青山村一组', ['青山村一组']], ['石桥村', ['石桥村']], ['县自然资源局', ['县自然资源局']], ['示范县', [...new Set(all.map((d) => d.unit.name))]]];
      for (const [scope, names] of cases) {
        expect(ids(await bureau.allDisputes({ scopeUnitId: id(scope) })), scope).toEqual(ids(all.filter((d) => names.includes(d.unit.name))));
      }
      expect(ids(await qingshan.allDisputes({ scopeUnitId: id('青山村') }))).toEqual(ids(all.filter((d) => subtree.青山村.includes(d.unit.name))));
      expect(codeOf(await shiqiao.disputes({ scopeUnitId: id('青山乡') }))).toBe('NOT_FOUND');
      expect(codeOf(await qingshan.disputes({ scopeUnitId: id('城关镇') }))).toBe('NOT_FOUND');
      expect(codeOf(await bureau.disputes({ scopeUnitId: NO_ID }))).toBe('NOT_FOUND');
    });
  });

  describe('changes', () => {
    it('moves a dispute OPEN → RESOLVING → OPEN → RESOLVED with a note; RESOLVED is final', async () => {
      let d = disputeOf('石桥村灌溉用水纠纷');
      expect(d.status).toBe('OPEN');
      expect(d.availableActions).toEqual(['update', 'resolve', 'link']);
      const shiqiaoView = ok(await shiqiao.dispute(d.id)).dispute;
      expect(shiqiaoView.availableActions).toEqual(['update', 'resolve']);
      d = ok(await shiqiao.updateDispute({ id: d.id, version: d.version, status: 'RESOLVING' })).updateDispute;
      expect(d.status).toBe('RESOLVING');
      d = ok(await qingshan.updateDispute({ id: d.id, version: d.version, status: 'OPEN', resolveBy: addDays(today, 10) })).updateDispute;
      expect(d).toMatchObject({ status: 'OPEN', resolveBy: addDays(today, 10) });
      const before = await fresh('石桥村灌溉用水纠纷');
      expect(refusal(await shiqiao.updateDispute({ id: d.id, version: d.version, status: 'RESOLVED' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(refusal(await shiqiao.updateDispute({ id: d.id, version: d.version, status: 'ESCALATED' }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'STATUS_MOVE' });
      expect(codeOf(await shiqiao.updateDispute({ id: d.id, version: d.version, headcount: 0 }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await shiqiao.updateDispute({ id: d.id, version: d.version, categoryCode: 'NO_SUCH' }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await shiqiao.updateDispute({ id: d.id, version: d.version, summary: '  ' }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await shiqiao.updateDispute({ id: d.id, version: d.version - 1, status: 'RESOLVING' }))).toBe('CONFLICT');
      expect(await fresh('石桥村灌溉用水纠纷')).toEqual(before);

      d = ok(await shiqiao.updateDispute({ id: d.id, version: d.version, status: 'RESOLVED', resolutionNote: '经村调委会调解，双方达成轮灌协议。' })).updateDispute;
      expect(d).toMatchObject({ status: 'RESOLVED', resolvedOn: today, resolutionNote: '经村调委会调解，双方达成轮灌协议。', isOverdue: false });
      expect(d.availableActions).toEqual([]);
      expect(d.history.map((h: { type: string }) => h.type)).toEqual(['SUBMITTED', 'DISPUTE_UPDATED', 'DISPUTE_UPDATED', 'DISPUTE_UPDATED']);
      const resolved = await fresh('石桥村灌溉用水纠纷');
      for (const change of [{ status: 'OPEN' }, { status: 'RESOLVING' }, { summary: '改写' }, { riskLevel: 'MAJOR' }]) {
        expect(refusal(await bureau.updateDispute({ id: d.id, version: d.version, ...change })), JSON.stringify(change)).toEqual({ code: 'BAD_USER_INPUT', reason: 'RESOLVED' });
      }
      expect(await fresh('石桥村灌溉用水纠纷')).toEqual(resolved);
    });

    it('lets the reporting unit and the levels above it change a dispute, and nobody else', async () => {
      const group = await fresh('一组邻里排水纠纷');
      const village = ok(await qingshancun.updateDispute({ id: group.id, version: group.version, status: 'RESOLVING' })).updateDispute;
      expect(village.status).toBe('RESOLVING');
      const mid = await fresh('青山村山林权属纠纷');
      const cases: Array<[string, ScreeningClient, DisputeRow, string]> = [
        ['a group on its village’s', yizu, mid, 'NOT_FOUND'],
        ['a village on a neighbour’s', shiqiao, mid, 'NOT_FOUND'],
        ['a department on a village’s', land, mid, 'NOT_FOUND'],
        ['another township', chengguan, mid, 'NOT_FOUND'],
        ['the administrator', admin, mid, 'NOT_FOUND'],
        ['a county leader', secretary, mid, 'FORBIDDEN'],
        ['the supervision group', supervisor, mid, 'FORBIDDEN'],
      ];
      for (const [what, client, d, code] of cases) expect(codeOf(await client.updateDispute({ id: d.id, version: d.version, status: 'RESOLVING' })), what).toBe(code);
      expect(await fresh('青山村山林权属纠纷')).toEqual(mid);
      expect(ok(await qingshan.updateDispute({ id: mid.id, version: mid.version, riskLevel: 'MAJOR' })).updateDispute.riskLevel).toBe('MAJOR');
    });

    it('escalates only a major dispute, by the township, department or bureau, never by a village', async () => {
      const general = await fresh('石桥村宅基地纠纷 100%_确认');
      expect(refusal(await qingshan.escalate(general.id, general.version))).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_MAJOR' });
      let major = await fresh('石桥村征地补偿纠纷');
      expect(ok(await qingshan.dispute(major.id)).dispute.availableActions).toEqual(['update', 'resolve', 'escalate', 'link']);
      expect(codeOf(await shiqiao.escalate(major.id, major.version))).toBe('FORBIDDEN');
      expect(codeOf(await secretary.escalate(major.id, major.version))).toBe('FORBIDDEN');
      expect(codeOf(await land.escalate(major.id, major.version))).toBe('NOT_FOUND');
      expect(codeOf(await qingshan.escalate(major.id, major.version - 1))).toBe('CONFLICT');
      expect(codeOf(await qingshan.escalate(major.id, major.version, '  '))).toBe('BAD_USER_INPUT');
      expect(await fresh('石桥村征地补偿纠纷')).toEqual(major);
      major = ok(await qingshan.escalate(major.id, major.version, '涉及12户，已有上访苗头')).escalateDispute;
      expect(major).toMatchObject({ status: 'ESCALATED', escalationNote: '涉及12户，已有上访苗头' });
      expect(major.escalatedAt).not.toBeNull();
      expect(major.history.at(-1)).toMatchObject({ type: 'ESCALATED', note: '涉及12户，已有上访苗头', actorName: '青山乡群工办' });
      const escalated = await fresh('石桥村征地补偿纠纷');
      expect(refusal(await bureau.escalate(major.id, major.version))).toEqual({ code: 'BAD_USER_INPUT', reason: 'ESCALATED' });
      // Escalated, it is the stability team's: only the bureau, which sits on it, changes it now.
      expect(ok(await shiqiao.dispute(major.id)).dispute.availableActions).toEqual([]);
      expect(codeOf(await shiqiao.updateDispute({ id: major.id, version: major.version, status: 'RESOLVING' }))).toBe('FORBIDDEN');
      expect(codeOf(await qingshan.updateDispute({ id: major.id, version: major.version, status: 'RESOLVING' }))).toBe('FORBIDDEN');
      expect(await fresh('石桥村征地补偿纠纷')).toEqual(escalated);
      major = ok(await bureau.updateDispute({ id: major.id, version: major.version, status: 'RESOLVING' })).updateDispute;
      expect(major.status).toBe('RESOLVING');

      const township = await fresh('青山乡砂场劳资纠纷');
      expect(ok(await bureau.escalate(township.id, township.version)).escalateDispute.status).toBe('ESCALATED');
      const department = await fresh('自然资源局林地确权纠纷');
      expect(ok(await land.escalate(department.id, department.version)).escalateDispute.status).toBe('ESCALATED');
      const summary = ok(await bureau.query('query($f: DisputeFilter) { disputeSummary(filter: $f) { escalated } }', { f: { scopeUnitId: id('青山乡') } })).disputeSummary;
      expect(summary.escalated).toBe((await bureau.allDisputes({ scopeUnitId: id('青山乡') })).filter((d) => d.history.some((h: { type: string }) => h.type === 'ESCALATED')).length);
    });

    it('links a dispute to the petition it became, both ways, once, and only to a petition the caller may read', async () => {
      const petition = await registerPetition('石桥村');
      const elsewhere = await registerPetition('东街社区');
      let d = await fresh('石桥村宅基地纠纷 100%_确认');
      expect(codeOf(await shiqiao.link(d.id, d.version, petition.id))).toBe('FORBIDDEN');
      expect(codeOf(await secretary.link(d.id, d.version, petition.id))).toBe('FORBIDDEN');
      expect(codeOf(await qingshan.link(d.id, d.version, elsewhere.id))).toBe('NOT_FOUND');
      expect(codeOf(await qingshan.link(d.id, d.version, NO_ID))).toBe('NOT_FOUND');
      expect(codeOf(await qingshan.link(d.id, d.version, 'nope'))).toBe('NOT_FOUND');
      expect(codeOf(await qingshan.link(d.id, d.version - 1, petition.id))).toBe('CONFLICT');
      expect(await fresh('石桥村宅基地纠纷 100%_确认')).toEqual(d);

      const linked = ok(await qingshan.link(d.id, d.version, petition.id)).linkDisputeToPetition;
      // The township does not handle the petition, so it may not know who petitioned: which petition
      // the dispute became (its parties name the petitioner) is for the bureau and the handler.
      expect(linked).toMatchObject({ isLinked: true, petition: null });
      expect(ok(await bureau.query('query($id: ID!) { dispute(id: $id) { isLinked petition { id number } } }', { id: d.id })).dispute).toEqual({ isLinked: true, petition: { id: petition.id, number: petition.number } });
      expect(linked.history.at(-1)).toMatchObject({ type: 'LINKED' });
      expect(linked.availableActions).not.toContain('link');
      d = await fresh('石桥村宅基地纠纷 100%_确认');
      expect(refusal(await qingshan.link(d.id, d.version, petition.id))).toEqual({ code: 'BAD_USER_INPUT', reason: 'ALREADY_LINKED' });
      expect(refusal(await bureau.link(d.id, d.version, elsewhere.id))).toEqual({ code: 'BAD_USER_INPUT', reason: 'ALREADY_LINKED' });

      // The petition shows it to whoever may read both and may know who petitioned: the dispute's
      // parties would name the petitioner to the others (the village, a leader who does not own it).
      const back = `query($id: ID!) { petition(id: $id) { id disputes { id summary unit { name } } } }`;
      expect(ids(ok(await bureau.query(back, { id: petition.id })).petition.disputes)).toEqual([d.id]);
      for (const reader of [qingshan, shiqiao, secretary]) {
        expect(ok(await reader.query(back, { id: petition.id })).petition.disputes).toEqual([]);
      }
      expect(ok(await bureau.query(back, { id: elsewhere.id })).petition.disputes).toEqual([]);
      expect(codeOf(await chengguan.query(back, { id: petition.id }))).toBe('NOT_FOUND');
      // The bureau links across townships.
      const dongjieDispute = await fresh('东街物业费纠纷');
      expect(ok(await bureau.link(dongjieDispute.id, dongjieDispute.version, elsewhere.id)).linkDisputeToPetition.petition.id).toBe(elsewhere.id);
      expect(ok(await chengguan.dispute(dongjieDispute.id)).dispute.isLinked).toBe(true);
      // A petition the reader may not read stays hidden behind the link: linked, but no petition.
      const groupDispute = await fresh('一组邻里排水纠纷');
      ok(await bureau.link(groupDispute.id, groupDispute.version, elsewhere.id));
      const q = 'query($id: ID!) { dispute(id: $id) { isLinked petition { id number petitioner { name } } } }';
      for (const reader of [yizu, qingshancun, qingshan]) {
        const seen = await reader.query(q, { id: groupDispute.id });
        expect(seen.data!.dispute).toEqual({ isLinked: true, petition: null });
        expect(seen.text).not.toContain(elsewhere.number);
      }
    });

    it('keeps a village’s linked dispute free of the petitioner: linked, but which petition it became only for those who may know who petitioned', async () => {
      const d = await fresh('石桥村宅基地纠纷 100%_确认');
      const q = 'query($id: ID!) { dispute(id: $id) { id isLinked petition { id number petitioner { name idNumber phone } } } }';
      const asVillage = await shiqiao.query(q, { id: d.id });
      expect(asVillage.data!.dispute).toMatchObject({ isLinked: true, petition: null });
      const asTownship = await qingshan.query(q, { id: d.id });
      expect(asTownship.data!.dispute).toMatchObject({ isLinked: true, petition: null });
      for (const needle of NEEDLES) {
        expect(asVillage.text).not.toContain(needle);
        expect(asTownship.text).not.toContain(needle);
      }
      // The bureau reads the petitioner, as it may on any petition.
      expect(ok(await bureau.query(q, { id: d.id })).dispute.petition.petitioner.name).toBe(PETITIONER.name);
    });
  });

  describe('filters and pages', () => {
    it('filters by status, risk level, category, overdue, linked, dates and words, as the rows say', async () => {
      // One dispute past its deadline, as time would leave it.
      const aged = await fresh('石桥村山塘承包纠纷');
      await platform.orm.em.getConnection().execute('update dispute set resolve_by = ? where id = ?', [addDays(today, -1), aged.id]);
      const all = await bureau.allDisputes();
      expect(all.find((d) => d.id === aged.id)!.isOverdue).toBe(true);
      const cases: Array<[Record<string, unknown>, (d: DisputeRow) => boolean]> = [
        [{ statuses: ['OPEN'] }, (d) => d.status === 'OPEN'],
        [{ statuses: ['RESOLVED', 'ESCALATED'] }, (d) => d.status === 'RESOLVED' || d.status === 'ESCALATED'],
        [{ statuses: ['RESOLVING'] }, (d) => d.status === 'RESOLVING'],
        [{ riskLevel: 'MAJOR' }, (d) => d.riskLevel === 'MAJOR'],
        [{ riskLevel: 'GENERAL' }, (d) => d.riskLevel === 'GENERAL'],
        [{ categoryCode: 'LAND' }, (d) => d.category.code === 'LAND'],
        [{ overdue: true }, (d) => d.isOverdue],
        [{ overdue: false }, (d) => !d.isOverdue],
        [{ linked: true }, (d) => d.isLinked],
        [{ linked: false }, (d) => !d.isLinked],
        [{ from: today }, (d) => d.reportedOn >= today],
        [{ to: addDays(today, -1) }, (d) => d.reportedOn <= addDays(today, -1)],
        [{ search: '灌溉' }, (d) => d.summary.includes('灌溉') || d.parties.includes('灌溉')],
        [{ search: '王某' }, (d) => d.summary.includes('王某') || d.parties.includes('王某')],
        [{ search: '100%' }, (d) => d.summary.includes('100%') || d.parties.includes('100%')],
        [{ search: '%' }, (d) => d.summary.includes('%') || d.parties.includes('%')],
        [{ search: '_' }, (d) => d.summary.includes('_') || d.parties.includes('_')],
        [{ riskLevel: 'MAJOR', statuses: ['ESCALATED'], scopeUnitId: id('青山乡') }, (d) => d.riskLevel === 'MAJOR' && d.status === 'ESCALATED' && ['青山乡', '石桥村', '青山村', '青山村一组', '青山村二组'].includes(d.unit.name)],
      ];
      for (const [filter, keep] of cases) {
        const expected = ids(all.filter(keep));
        expect(ids(await bureau.allDisputes(filter)), JSON.stringify(filter)).toEqual(expected);
        expect(ok(await bureau.disputes(filter, 1)).disputes.totalCount, JSON.stringify(filter)).toBe(expected.length);
      }
      // Each filter found something of ours, and not everything.
      expect(ids(await bureau.allDisputes({ overdue: true }))).toContain(aged.id);
      expect(ids(await bureau.allDisputes({ search: '100%' }))).toEqual([disputeOf('石桥村宅基地纠纷 100%_确认').id]);
      expect(ids(await bureau.allDisputes({ search: '王某' }))).toEqual([disputeOf('石桥村灌溉用水纠纷').id]);
      expect((await bureau.allDisputes({ linked: true })).length).toBeGreaterThanOrEqual(2);
      // A village's filters stay inside its scope.
      expect(ids(await shiqiao.allDisputes({ riskLevel: 'MAJOR' }))).toEqual(ids(all.filter((d) => d.riskLevel === 'MAJOR' && d.unit.name === '石桥村')));
      const summary = ok(await bureau.query('{ disputeSummary { found resolved escalated overdue resolutionRate } }')).disputeSummary;
      expect(summary).toMatchObject({ found: all.length, resolved: all.filter((d) => d.status === 'RESOLVED').length, overdue: all.filter((d) => d.isOverdue).length });
      expect(summary.resolutionRate).toBeCloseTo(summary.resolved / summary.found, 10);
    });

    it('pages through the ledger without losing or repeating a row, and refuses bad page arguments', async () => {
      const all = ids(await bureau.allDisputes());
      expect(all.length).toBeGreaterThan(4);
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 1000; page++) {
        const conn = ok(await bureau.disputes({}, 3, after)).disputes;
        expect(conn.totalCount).toBe(all.length);
        seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!conn.pageInfo.hasNextPage) break;
        expect(conn.edges.length).toBe(3);
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
      expect(codeOf(await bureau.disputes({}, 0))).toBe('BAD_USER_INPUT');
      expect(codeOf(await bureau.disputes({}, 201))).toBe('BAD_USER_INPUT');
      expect(codeOf(await bureau.disputes({}, 10, 'not-a-cursor'))).toBe('BAD_USER_INPUT');
    });
  });

  describe('veto evidence', () => {
    it('flags a zero report whose period hid a dispute that later became a collective or skip-level petition', async () => {
      const periods = await recentPeriods(bureau, id('西街社区'), 90);
      expect(periods.length).toBeGreaterThanOrEqual(3);
      const [p0, p1, p2] = periods.slice(-3) as [typeof periods[0], typeof periods[0], typeof periods[0]];
      const zero = ok(await xijie.submit({ unitId: id('西街社区'), periodStart: p0.periodStart, isZeroReport: true })).submitScreeningReport;
      const neighbour = ok(await dongjie.submit({ unitId: id('东街社区'), periodStart: (await recentPeriods(bureau, id('东街社区'), 90)).filter((p) => !p.report).at(-1)!.periodStart, isZeroReport: true })).submitScreeningReport;
      const later = ok(
        await xijie.submit({
          unitId: id('西街社区'), periodStart: p1.periodStart, isZeroReport: false,
          disputes: [
            disputeInput('西街 拆迁安置纠纷（集体访）', { arisenOn: p0.periodEnd, headcount: 8 }),
            disputeInput('西街 低保评定纠纷（越级访）', { arisenOn: p0.periodStart }),
            disputeInput('西街 相邻通行纠纷（普通信访）', { arisenOn: p0.periodEnd }),
            disputeInput('西街 停车位纠纷（后来才发生）', { arisenOn: p1.periodStart }),
            disputeInput('西街 噪音纠纷（未成信访）', { arisenOn: p0.periodStart }),
          ],
        }),
      ).submitScreeningReport;
      const after = ok(await xijie.submit({ unitId: id('西街社区'), periodStart: p2.periodStart, isZeroReport: true })).submitScreeningReport;
      const by = new Map<string, { id: string; version: number }>(
        (ok(await bureau.report(later.id)).screeningReport.disputes as Array<{ id: string; summary: string }>).map((d) => [d.summary.split(' ')[1]!, { id: d.id, version: 0 }]),
      );
      expect(ok(await bureau.report(zero.id)).screeningReport).toMatchObject({ vetoEvidence: false, concealedDisputes: [] });

      const collective = await registerPetition('西街社区', { headcount: 6, subject: '集体反映拆迁安置' });
      const skipLevel = await registerPetition('西街社区', { isSkipLevel: true, subject: '到市里反映低保评定' });
      const ordinary = await registerPetition('西街社区', { headcount: 2, subject: '反映相邻通行' });
      const collective2 = await registerPetition('西街社区', { headcount: 9, subject: '集体反映停车位' });
      const link = async (key: string, petitionId: string) => {
        const d = ok(await bureau.dispute(by.get(key)!.id)).dispute;
        ok(await chengguan.link(d.id, d.version, petitionId));
      };
      await link('拆迁安置纠纷（集体访）', collective.id);
      await link('低保评定纠纷（越级访）', skipLevel.id);
      await link('相邻通行纠纷（普通信访）', ordinary.id);
      await link('停车位纠纷（后来才发生）', collective2.id);

      const flagged = [by.get('拆迁安置纠纷（集体访）')!.id, by.get('低保评定纠纷（越级访）')!.id].sort();
      for (const reader of [bureau, chengguan, xijie, secretary, supervisor]) {
        const seen = ok(await reader.report(zero.id)).screeningReport;
        expect(seen.vetoEvidence).toBe(true);
        expect(ids(seen.concealedDisputes).sort()).toEqual(flagged);
      }
      for (const other of [later, after, neighbour]) {
        expect(ok(await bureau.report(other.id)).screeningReport).toMatchObject({ vetoEvidence: false, concealedDisputes: [] });
      }
      // The month of the zero report counts it, for the township and the county alike.
      const month = monthOf(p0.periodStart);
      for (const [reader, scope] of [[chengguan, '城关镇'], [bureau, '示范县'], [xijie, '西街社区']] as const) {
        const rows = ok(await reader.compliance(id(scope), month)).screeningCompliance as Array<{ unit: { name: string }; vetoEvidence: number; periods: Array<{ periodStart: string; report: { id: string } | null }> }>;
        const row = rows.find((r) => r.unit.name === '西街社区')!;
        expect(row.vetoEvidence).toBe(1);
        expect(row.periods.some((p) => p.report?.id === zero.id)).toBe(true);
        const east = rows.find((r) => r.unit.name === '东街社区');
        if (east) expect(east.vetoEvidence).toBe(0);
      }
      if (monthOf(p1.periodStart) !== month) {
        const rows = ok(await bureau.compliance(id('城关镇'), monthOf(p1.periodStart))).screeningCompliance as Array<{ unit: { name: string }; vetoEvidence: number }>;
        expect(rows.find((r) => r.unit.name === '西街社区')!.vetoEvidence).toBe(0);
      }
      // Evidence stays evidence: the zero report can no longer be corrected, even before review.
      const seenByUnit = ok(await xijie.report(zero.id)).screeningReport;
      expect(seenByUnit.canCorrect).toBe(false);
      const erase = await xijie.correct({ id: zero.id, version: seenByUnit.version, isZeroReport: false, addDisputes: [disputeInput('西街 补报拆迁安置纠纷')], reason: '补报' });
      expect(codeOf(erase)).toBe('BAD_USER_INPUT');
      expect(erase.errors?.[0]?.extensions?.reason).toBe('VETO_EVIDENCE');
      expect(ok(await bureau.report(zero.id)).screeningReport).toMatchObject({ isZeroReport: true, vetoEvidence: true, version: seenByUnit.version });
    });
  });

  describe('races and withdrawals', () => {
    it('lets one of two simultaneous changes from the same version win, the other CONFLICT, for corrections, updates and links', async () => {
      const r = await report(shiqiao, '石桥村', [disputeInput('竞争 一'), disputeInput('竞争 二')]);
      const corrections = await Promise.all([
        shiqiao.correct({ id: r.id, version: r.version, isZeroReport: false, addDisputes: [disputeInput('竞争 补报甲')], reason: '补报甲' }),
        shiqiao.correct({ id: r.id, version: r.version, isZeroReport: false, addDisputes: [disputeInput('竞争 补报乙')], reason: '补报乙' }),
      ]);
      expect(corrections.filter((a) => !a.errors).length, corrections.map((a) => a.text).join('\n')).toBe(1);
      expect(codeOf(corrections.find((a) => a.errors)!)).toBe('CONFLICT');
      const after = ok(await bureau.report(r.id)).screeningReport;
      expect(after).toMatchObject({ disputeCount: 3, correctionCount: 1 });
      expect(after.disputes.length).toBe(3);
      expect((await bureau.allDisputes({ search: '竞争' })).length).toBe(3);

      const d = await fresh('竞争 一');
      const updates = await Promise.all([
        shiqiao.updateDispute({ id: d.id, version: d.version, status: 'RESOLVING' }),
        qingshan.updateDispute({ id: d.id, version: d.version, status: 'RESOLVED', resolutionNote: '已调解' }),
      ]);
      expect(updates.filter((a) => !a.errors).length, updates.map((a) => a.text).join('\n')).toBe(1);
      expect(codeOf(updates.find((a) => a.errors)!)).toBe('CONFLICT');
      const won = updates.find((a) => !a.errors)!.data!.updateDispute;
      expect((await fresh('竞争 一')).status).toBe(won.status);
      expect((await fresh('竞争 一')).history.filter((h) => h.type === 'DISPUTE_UPDATED').length).toBe(1);

      const [p1, p2] = [await registerPetition('石桥村'), await registerPetition('石桥村')];
      const e = await fresh('竞争 二');
      const links = await Promise.all([qingshan.link(e.id, e.version, p1.id), bureau.link(e.id, e.version, p2.id)]);
      expect(links.filter((a) => !a.errors).length, links.map((a) => a.text).join('\n')).toBe(1);
      expect(codeOf(links.find((a) => a.errors)!)).toBe('CONFLICT');
      // The township may not know who petitioned on p1, so the link answers it no petition: ask the bureau.
      const linkedTo = ok(await bureau.query('query($id: ID!) { dispute(id: $id) { petition { id } } }', { id: e.id })).dispute.petition.id;
      const back = async (pid: string) => ok(await bureau.query('query($id: ID!) { petition(id: $id) { disputes { id } } }', { id: pid })).petition.disputes;
      expect(await back(linkedTo)).toEqual([{ id: e.id }]);
      expect(await back(linkedTo === p1.id ? p2.id : p1.id)).toEqual([]);
    });

    it('withdraws only untouched disputes: not one being resolved, escalated or linked', async () => {
      const r = await report(shiqiao, '石桥村', [disputeInput('撤回 未动'), disputeInput('撤回 化解中'), disputeInput('撤回 已上报', { riskLevel: 'MAJOR' }), disputeInput('撤回 已关联')]);
      const resolving = await fresh('撤回 化解中');
      ok(await shiqiao.updateDispute({ id: resolving.id, version: resolving.version, status: 'RESOLVING' }));
      const major = await fresh('撤回 已上报');
      ok(await qingshan.escalate(major.id, major.version));
      const linked = await fresh('撤回 已关联');
      ok(await qingshan.link(linked.id, linked.version, (await registerPetition('石桥村')).id));
      let current = ok(await bureau.report(r.id)).screeningReport;
      for (const summary of ['撤回 化解中', '撤回 已上报', '撤回 已关联']) {
        const answer = await shiqiao.correct({ id: r.id, version: current.version, isZeroReport: false, withdrawDisputeIds: [disputeOf(summary).id], reason: '误报' });
        expect(refusal(answer), summary).toEqual({ code: 'BAD_USER_INPUT', reason: 'DISPUTE_IN_USE' });
      }
      expect(ok(await bureau.report(r.id)).screeningReport).toEqual(current);
      current = ok(await shiqiao.correct({ id: r.id, version: current.version, isZeroReport: false, withdrawDisputeIds: [disputeOf('撤回 未动').id], reason: '误报' })).correctScreeningReport;
      expect(current.disputeCount).toBe(3);
      expect(codeOf(await bureau.dispute(disputeOf('撤回 未动').id))).toBe('NOT_FOUND');
    });
  });

  describe('export', () => {
    it('exports exactly the rows of the list, for each scope and filter, and never a petitioner', async () => {
      const cases: Array<[ScreeningClient, Record<string, unknown>]> = [
        [bureau, {}],
        [bureau, { scopeUnitId: id('青山乡') }],
        [bureau, { linked: true }],
        [bureau, { riskLevel: 'MAJOR', statuses: ['ESCALATED', 'RESOLVING'] }],
        [qingshan, {}],
        [shiqiao, {}],
        [chengguan, { linked: true }],
        [xijie, {}],
        [land, {}],
        [secretary, {}],
        [admin, {}],
      ];
      for (const [client, filter] of cases) {
        const list = await client.allDisputes(filter);
        const answer = await client.query('query($f: DisputeFilter) { exportDisputes(filter: $f) { filename contentType rows base64 } }', { f: filter });
        const file = ok(answer).exportDisputes;
        expect(file.rows, JSON.stringify(filter)).toBe(list.length);
        expect(file.filename).toBe(`矛盾纠纷台账-${today}.xlsx`);
        const rows = await sheetRows(file.base64);
        expect(rows[0]).toEqual(['上报日期', '排查周期', '上报单位', '纠纷类别', '当事人', '涉及人数', '纠纷概要', '风险等级', '状态', '化解期限', '是否逾期', '化解情况', '化解日期', '关联信访件']);
        expect(rows.length - 1).toBe(list.length);
        expect(rows.slice(1).map((r) => r[6])).toEqual(list.map((d) => d.summary));
        expect(rows.slice(1).map((r) => r[2])).toEqual(list.map((d) => d.unit.name));
        const text = rows.flat().join('\n');
        for (const needle of NEEDLES) expect(text, `${needle} in an export`).not.toContain(needle);
      }
      // The linked petition shows by its number, to those who may know who petitioned there; the
      // village sees that a dispute is linked (the filter), not which petition it became.
      const linkedRows = await sheetRows(ok(await bureau.query('{ exportDisputes(filter: { linked: true }) { base64 } }')).exportDisputes.base64);
      expect(linkedRows.length).toBeGreaterThan(1);
      expect(linkedRows.slice(1).every((r) => /^SFX-\d{4}-\d{5}$/.test(r[13]!))).toBe(true);
      const villageRows = await sheetRows(ok(await shiqiao.query('{ exportDisputes(filter: { linked: true }) { base64 } }')).exportDisputes.base64);
      expect(villageRows.length).toBeGreaterThan(1);
      expect(villageRows.slice(1).map((r) => r[13] ?? '')).toEqual(villageRows.slice(1).map(() => ''));
    });
  });
});
