import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, gql, startTestPlatform, type GraphQLAnswer, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';
import { ScreeningClient, clearScreening, disputeInput, monthOf, recentPeriods } from '../support/screening.js';

const SECRET = {
  name: '蔺秘密',
  idNumber: '360999197712120014',
  phone: '13712345678',
  subject: '检举青山乡党委某委员收受工程老板红包',
  content: '举报人亲眼看见青山乡党委某委员在办公室收受某工程老板所送红包五万元，用于关照道路硬化工程。',
};

/** Every way a user could come to hold the accusation: the words to look for in each answer. */
const NEEDLES = [SECRET.name, SECRET.idNumber, SECRET.phone, '收受工程老板红包', '五万元', '道路硬化工程'];

async function xlsxText(base64: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))));
  return cells.join('\n');
}

describe.each(DATABASE_MODES)('petitioner privacy on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: Client, discipline: Client, qingshan: Client;
  let accusation: { id: string; version: number; receiptCode: string; number: string };
  const unit = new Map<string, string>();
  /** Everything the accused unit's users received, to search at the end. */
  const received: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
  const asAccused = async (answer: Promise<GraphQLAnswer<Record<string, any>>>) => {
    const a = await answer;
    received.push(a.text);
    return a;
  };

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    [bureau, discipline, qingshan] = await Promise.all(['bureau', 'discipline', 'qingshan'].map((u) => Client.as(platform.url, u)));
    for (const u of ok(await bureau.query('{ units { id name } }')).units) unit.set(u.name, u.id);
    // An accusation against 青山乡, arising in its own village 石桥村: inside the township's territory.
    let p = ok(
      await bureau.register({
        channel: 'LETTER', kind: 'ACCUSATION', categoryCode: 'OTHER', subject: SECRET.subject, content: SECRET.content,
        receivedAt: addDays(shanghaiDate(), -1), headcount: 1, locationUnitId: unit.get('石桥村'),
        respondentUnitId: unit.get('青山乡'), respondentName: '青山乡党委某委员',
        petitioner: { name: SECRET.name, idNumber: SECRET.idNumber, phone: SECRET.phone, address: '石桥村' },
      }),
    ).registerPetition;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('县纪委监委'), mode: 'ASSIGN' }, { handlingUnitId: 'ID!', mode: 'AssignMode!' })).assignPetition;
    p = ok(await discipline.act('notifyPetitioner', p.id, p.version, { note: `已告知${SECRET.name}：收受工程老板红包一事已受理` })).notifyPetitioner;
    accusation = p;
  });
  afterAll(async () => platform?.stop());

  it('gives the discipline commission, handling it, everything, and audits each read of the petitioner', async () => {
    const seen = ok(await discipline.petition(accusation.id)).petition;
    expect(seen.petitioner).toMatchObject({ name: SECRET.name, idNumber: SECRET.idNumber });
    expect(seen.content).toBe(SECRET.content);
    const [{ count }] = await platform.orm.em.getConnection().execute(
      `select count(*)::int as count from audit_record a join app_user u on u.id = a.user_id where a.petition_id = ? and u.username = 'discipline' and 'petitioner' = any(a.fields)`,
      [accusation.id],
    );
    expect(count).toBeGreaterThanOrEqual(1);
  });

  it('shows the accused township the case, but never who accused it nor of what, through any query', async () => {
    const one = await asAccused(qingshan.petition(accusation.id));
    expect(one.data!.petition).toMatchObject({ id: accusation.id, petitioner: null, subject: null, content: null, respondentName: null, receiptCode: null });
    expect(one.data!.petition.timeline.every((e: { note: string | null }) => e.note === null)).toBe(true);
    const list = await asAccused(qingshan.query(`{ petitions(first: 100, filter: { kind: [ACCUSATION] }) { totalCount edges { node { id number subject content respondentName answerText receiptCode petitioner { name idNumber phone address } timeline { note } } } } }`));
    expect(list.data!.petitions.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(accusation.id);
    for (const text of ['红包', '工程老板', SECRET.name, '道路硬化']) {
      const search = await asAccused(qingshan.query(`query($t: String!) { petitions(filter: { text: $t }) { totalCount edges { node { id subject } } } }`, { t: text }));
      expect(search.data!.petitions.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(accusation.id);
    }
    const matches = await asAccused(qingshan.query('query($i: PetitionMatchInput!) { petitionMatches(input: $i) { reasons petition { id } } }', { i: { petitioner: { name: SECRET.name, idNumber: SECRET.idNumber, phone: SECRET.phone } } }));
    expect(matches.data!.petitionMatches).toEqual([]);
    const exported = await asAccused(qingshan.query('{ exportPetitions(filter: { kind: [ACCUSATION] }) { rows base64 } }'));
    const sheet = await xlsxText(exported.data!.exportPetitions.base64);
    expect(sheet).toContain(accusation.number);
    received.push(sheet);
    // Trying to act on it, or passing its receipt code to the public page, tells nothing either.
    received.push((await asAccused(qingshan.act('answerPetition', accusation.id, accusation.version, { text: '我们没有' }))).text);
    received.push((await asAccused(qingshan.act('objectToAssignment', accusation.id, accusation.version, { reason: '不服' }))).text);
    const publicPage = await gql(platform.url, 'query($c: String!) { petitionByReceipt(code: $c) { number status receivedAt deadlines { acceptBy } } }', { c: accusation.receiptCode });
    expect(publicPage.data!.petitionByReceipt.number).toBe(accusation.number);
    received.push(publicPage.text);

    const everything = received.join('\n');
    for (const needle of NEEDLES) expect(everything, `the accused unit received "${needle}"`).not.toContain(needle);
    const [{ count }] = await platform.orm.em.getConnection().execute(
      `select count(*)::int as count from audit_record a join app_user u on u.id = a.user_id where a.petition_id = ? and u.username = 'qingshan'`,
      [accusation.id],
    );
    expect(count).toBe(0);
  });

  it('refuses the accused unit the actions on the accusation', async () => {
    expect(codeOf(await qingshan.act('answerPetition', accusation.id, accusation.version, { text: '答复' }))).toBe('FORBIDDEN');
    const seen = ok(await qingshan.petition(accusation.id)).petition;
    expect(seen.availableActions).toEqual([]);
  });

  it('shows a village the case in its territory but not the petitioner, and the public page nothing personal', async () => {
    const shiqiao = await Client.as(platform.url, 'shiqiao');
    const seen = ok(await shiqiao.petition(accusation.id)).petition;
    expect(seen.petitioner).toBeNull();
    expect(seen.receiptCode).toBeNull();
    const publicPage = await gql(platform.url, 'query($c: String!) { petitionByReceipt(code: $c) { id number status receivedAt canRate deadlines { acceptBy answerBy } } }', { c: accusation.receiptCode });
    for (const needle of NEEDLES) expect(publicPage.text).not.toContain(needle);
    expect(publicPage.text).not.toContain('青山乡');
    const wrong = await gql(platform.url, '{ petitionByReceipt(code: "AAAAA-AAAAA") { number } }');
    expect(codeOf(wrong)).toBe('NOT_FOUND');
  });

  it('takes the petitioner out of every free text for a reader who may not know who petitioned', async () => {
    const who = { name: '欧阳明远', idNumber: '360999198003030010', phone: '13987654321' };
    const land = await Client.as(platform.url, 'land');
    let p = ok(
      await bureau.register({
        channel: 'VISIT', kind: 'CLAIM', categoryCode: 'LAND', subject: `${who.name}反映征地补偿款未发放`, content: `本人${who.name}，电话${who.phone}，反映石桥村征地补偿款至今未发放。`,
        receivedAt: addDays(shanghaiDate(), -1), headcount: 1, locationUnitId: unit.get('石桥村'),
        petitioner: { name: who.name, idNumber: who.idNumber, phone: who.phone, address: '石桥村三组' },
      }),
    ).registerPetition;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('县自然资源局'), mode: 'ASSIGN' }, { handlingUnitId: 'ID!', mode: 'AssignMode!' })).assignPetition;
    p = ok(await land.act('notifyPetitioner', p.id, p.version, { note: `已电话（${who.phone}）告知${who.name}受理情况` })).notifyPetitioner;
    p = ok(await land.act('answerPetition', p.id, p.version, { text: `${who.name}：你反映的补偿款已核实，将于本月发放。` })).answerPetition;
    const query = 'query($id: ID!) { petition(id: $id) { subject content answerText timeline { note } petitioner { name } } }';
    const village = await gql(platform.url, query, { id: p.id }, (await Client.as(platform.url, 'shiqiao')).token);
    const seen = ok(village).petition;
    expect(seen.petitioner).toBeNull();
    expect(seen.subject).toBe('***反映征地补偿款未发放');
    expect(seen.answerText).toBe('***：你反映的补偿款已核实，将于本月发放。');
    expect(seen.timeline.map((e: { note: string | null }) => e.note)).toContain('已电话（***）告知***受理情况');
    for (const needle of Object.values(who)) expect(village.text).not.toContain(needle);
    // The handling unit reads it all.
    const handler = ok(await gql(platform.url, query, { id: p.id }, land.token)).petition;
    expect(handler.petitioner.name).toBe(who.name);
    expect(handler.answerText).toContain(who.name);
  });

  it('never lets a screening answer carry the accuser: reports, disputes, links, the grid, exports, searches and errors', async () => {
    const [bureauS, qingshanS, shiqiaoS] = await Promise.all(['bureau', 'qingshan', 'shiqiao'].map((u) => ScreeningClient.as(platform.url, u)));
    await clearScreening(platform, [unit.get('石桥村')!]);
    const period = (await recentPeriods(bureauS, unit.get('石桥村')!, 40)).at(-1)!;
    const report = ok(
      await shiqiaoS.submit({ unitId: unit.get('石桥村'), periodStart: period.periodStart, isZeroReport: false, disputes: [disputeInput('石桥村修路占地纠纷', { parties: '村民与施工方' }), disputeInput('石桥村林地边界纠纷')] }),
    ).submitScreeningReport;
    const [linkedId, otherId] = [report.disputes[0].id, report.disputes[1].id];
    // The bureau, which may read the accusation, ties the dispute to it.
    const d = ok(await bureauS.dispute(linkedId)).dispute;
    ok(await bureauS.link(d.id, d.version, accusation.id));

    const PETITION = 'petition { id number subject content respondentName receiptCode petitioner { name idNumber phone address } timeline { note } }';
    const DISPUTE = `id summary parties isLinked history { note } ${PETITION}`;
    const month = monthOf(period.periodStart);
    const reads: Array<[string, Record<string, unknown>]> = [
      [`query($id: ID!) { dispute(id: $id) { ${DISPUTE} } }`, { id: linkedId }],
      [`{ disputes(first: 20, filter: { linked: true }) { totalCount edges { node { ${DISPUTE} } } } }`, {}],
      [`query($id: ID!) { screeningReport(id: $id) { disputes { ${DISPUTE} } concealedDisputes { ${DISPUTE} } history { note } } }`, { id: report.id }],
      [`query($u: ID!, $f: Date!, $t: Date!) { screeningPeriods(unitId: $u, from: $f, to: $t) { report { disputes { ${DISPUTE} } } } }`, { u: unit.get('石桥村'), f: period.periodStart, t: period.periodEnd }],
      [`query($s: ID!, $m: String!) { screeningCompliance(scopeUnitId: $s, month: $m) { periods { report { disputes { ${DISPUTE} } } } } }`, { s: unit.get('石桥村'), m: month }],
      [`query($id: ID!) { petition(id: $id) { id disputes { ${DISPUTE} } } }`, { id: accusation.id }],
      ['{ disputeSummary { found } screeningReminders { unit { name } } }', {}],
    ];
    const villageReceived: string[] = [];
    for (const [query, variables] of reads) {
      const accused = await asAccused(qingshanS.query(query, variables));
      expect(accused.errors, accused.text).toBeUndefined();
      received.push(accused.text);
      // The petition's timeline is the petition module's, which shows a village the notes of the
      // cases in its territory: the village's screening answers are read without it.
      const villageAnswer = await shiqiaoS.query(query.replaceAll(' timeline { note }', ''), variables);
      expect(villageAnswer.errors, villageAnswer.text).toBeUndefined();
      villageReceived.push(villageAnswer.text);
    }
    // Both see that the dispute is linked, neither to what: its parties would say who accused
    // (found by the privacy scanner); the bureau sees the link.
    for (const client of [qingshanS, shiqiaoS]) {
      const seen = ok(await client.query(`query($id: ID!) { dispute(id: $id) { ${DISPUTE} } }`, { id: linkedId })).dispute;
      expect(seen).toMatchObject({ isLinked: true, petition: null });
      expect(ok(await client.query(`query($id: ID!) { petition(id: $id) { disputes { id } } }`, { id: accusation.id })).petition.disputes).toEqual([]);
    }
    expect(ok(await bureauS.query(`query($id: ID!) { petition(id: $id) { disputes { id } } }`, { id: accusation.id })).petition.disputes).toEqual([{ id: linkedId }]);
    // Searching the ledger for the accuser or the accusation finds nothing.
    for (const text of [SECRET.name, SECRET.idNumber, SECRET.phone, '红包', '道路硬化']) {
      for (const client of [qingshanS, shiqiaoS, bureauS]) {
        const search = await client.disputes({ search: text });
        (client === qingshanS ? received : villageReceived).push(search.text);
        expect(ok(search).disputes.totalCount, text).toBe(0);
      }
    }
    // The ledger export, even the bureau's, carries the petition's number only, and only the
    // bureau's carries it at all.
    for (const client of [qingshanS, shiqiaoS, bureauS]) {
      const exported = ok(await client.query('{ exportDisputes(filter: { linked: true }) { rows base64 } }')).exportDisputes;
      const sheet = await xlsxText(exported.base64);
      if (client === bureauS) expect(sheet).toContain(accusation.number);
      else expect(sheet).not.toContain(accusation.number);
      for (const needle of [SECRET.name, SECRET.idNumber, SECRET.phone]) expect(sheet, `${needle} in an export`).not.toContain(needle);
      (client === qingshanS ? received : villageReceived).push(sheet);
    }
    // Refusals and errors say nothing about it either.
    const fresh = ok(await qingshanS.dispute(linkedId)).dispute;
    const other = ok(await qingshanS.dispute(otherId)).dispute;
    const errors = [
      await qingshanS.link(fresh.id, fresh.version, accusation.id),
      await qingshanS.link(fresh.id, fresh.version - 1, accusation.id),
      await qingshanS.updateDispute({ id: fresh.id, version: fresh.version - 1, status: 'RESOLVING' }),
      await qingshanS.updateDispute({ id: fresh.id, version: fresh.version, status: 'RESOLVED' }),
      await qingshanS.escalate(fresh.id, fresh.version),
      await qingshanS.link(other.id, other.version, '00000000-0000-4000-8000-000000000000'),
    ];
    for (const e of errors) {
      expect(e.errors, e.text).toBeDefined();
      received.push(e.text);
    }
    const shiqiaoErrors = [await shiqiaoS.link(fresh.id, fresh.version, accusation.id), await shiqiaoS.escalate(fresh.id, fresh.version)];
    for (const e of shiqiaoErrors) villageReceived.push(e.text);

    const everything = received.join('\n');
    for (const needle of NEEDLES) expect(everything, `the accused unit received "${needle}"`).not.toContain(needle);
    const village = villageReceived.join('\n');
    for (const needle of [SECRET.name, SECRET.idNumber, SECRET.phone]) expect(village, `the village received "${needle}"`).not.toContain(needle);
    // Nothing of the petitioner was read by either, so nothing was audited for them.
    const [{ count }] = await platform.orm.em.getConnection().execute(
      `select count(*)::int as count from audit_record a join app_user u on u.id = a.user_id where a.petition_id = ? and u.username in ('qingshan', 'shiqiao')`,
      [accusation.id],
    );
    expect(count).toBe(0);
    // The bureau, which may, reads the petitioner through the link.
    expect(ok(await bureauS.query(`query($id: ID!) { dispute(id: $id) { ${DISPUTE} } }`, { id: linkedId })).dispute.petition.petitioner.name).toBe(SECRET.name);
  });
});
