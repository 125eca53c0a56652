import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, gql, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';

const today = shanghaiDate();
const B = { Boolean: 'Boolean', Int: 'Int', ID: 'ID!', Date: 'Date', Mode: 'AssignMode!', Sat: 'Satisfaction!' };

describe.each(DATABASE_MODES)('petitions on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: Client, qingshan: Client, land: Client, secretary: Client, shiqiao: Client, chengguan: Client, hrss: Client;
  const unit = new Map<string, string>();

  const visit = (over: Record<string, unknown> = {}) => ({
    channel: 'VISIT',
    kind: 'CLAIM',
    categoryCode: 'LAND',
    subject: '反映承包地被占用未获补偿',
    content: '信访人称其在石桥村的承包地于今年春季被施工单位占用，至今未获任何补偿。',
    receivedAt: addDays(today, -2),
    headcount: 1,
    locationUnitId: unit.get('石桥村'),
    petitioner: { name: '覃大山', idNumber: '360999198001010016', phone: '13800000001', address: '石桥村三组' },
    ...over,
  });

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    [bureau, qingshan, land, secretary, shiqiao, chengguan, hrss] = await Promise.all(
      ['bureau', 'qingshan', 'land', 'secretary', 'shiqiao', 'chengguan', 'hrss'].map((u) => Client.as(platform.url, u)),
    );
    for (const u of ok(await bureau.query('{ units { id name } }')).units) unit.set(u.name, u.id);
  });
  afterAll(async () => platform?.stop());

  it('takes a visit from registration to closure, each step by its own role, with a timeline', async () => {
    const proposed = ok(await bureau.query('query($l: ID!) { proposeHandlingUnit(categoryCode: "LAND", kind: CLAIM, locationUnitId: $l) { name } }', { l: unit.get('石桥村') }));
    expect(proposed.proposeHandlingUnit.name).toBe('县自然资源局');

    let p = ok(await bureau.register(visit())).registerPetition;
    expect(p).toMatchObject({ status: 'REGISTERED', isInitial: true, isCollective: false, locationUnit: { name: '石桥村' }, petitioner: { name: '覃大山' } });
    expect(p.number).toMatch(/^SFX-\d{4}-\d{5}$/);
    expect(p.receiptCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(p.availableActions).toEqual(expect.arrayContaining(['accept', 'decline']));

    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    expect(p.status).toBe('ACCEPTED');
    expect(p.deadlines.answerBy).not.toBeNull();
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('青山乡'), mode: 'ASSIGN' }, { handlingUnitId: B.ID, mode: B.Mode })).assignPetition;
    expect(p).toMatchObject({ status: 'IN_PROGRESS', handlingUnit: { name: '青山乡' } });

    // The township sees it among its work, with the petitioner, and may act on it.
    const mine = ok(await qingshan.query('{ petitions(filter: { mine: true }) { edges { node { id } } } }'));
    expect(mine.petitions.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(p.id);
    let seen = ok(await qingshan.petition(p.id)).petition;
    expect(seen.petitioner.name).toBe('覃大山');
    expect(seen.availableActions).toEqual(expect.arrayContaining(['answer', 'notify', 'object', 'requestExtension']));
    seen = ok(await qingshan.act('notifyPetitioner', seen.id, seen.version, { note: '已电话告知' })).notifyPetitioner;
    seen = ok(await qingshan.act('answerPetition', seen.id, seen.version, { text: '经核实，已协调施工单位按标准补偿。' })).answerPetition;
    expect(seen.status).toBe('ANSWERED');

    // The petitioner rates it on the public receipt page, with the code alone.
    const receipt = await gql(platform.url, 'query($c: String!) { petitionByReceipt(code: $c) { id version status canRate deadlines { acceptBy } } }', { c: p.receiptCode.toLowerCase() });
    expect(receipt.data!.petitionByReceipt).toMatchObject({ status: 'ANSWERED', canRate: true });
    const rated = await gql(
      platform.url,
      'mutation($id: ID!, $v: Int!, $c: String) { rateAnswer(id: $id, version: $v, satisfaction: SATISFIED, receiptCode: $c) { status satisfaction petitioner { name } subject } }',
      { id: receipt.data!.petitionByReceipt.id, v: receipt.data!.petitionByReceipt.version, c: p.receiptCode },
    );
    expect(rated.data!.rateAnswer).toEqual({ status: 'ANSWERED', satisfaction: 'SATISFIED', petitioner: null, subject: null });
    const again = await gql(platform.url, 'mutation($id: ID!, $v: Int!, $c: String) { rateAnswer(id: $id, version: $v, satisfaction: DISSATISFIED, receiptCode: $c) { status } }', { id: p.id, v: receipt.data!.petitionByReceipt.version + 1, c: p.receiptCode });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_RATEABLE' });

    let closing = ok(await bureau.petition(p.id)).petition;
    closing = ok(await bureau.act('closePetition', closing.id, closing.version, { settled: true }, { settled: B.Boolean })).closePetition;
    expect(closing).toMatchObject({ status: 'CLOSED', petitionerSettled: true });
    closing = ok(await qingshan.act('recordFollowUp', closing.id, closing.version, { note: '回访：已收到补偿款。' })).recordFollowUp;
    closing = ok(await secretary.act('instructPetition', closing.id, closing.version, { instruction: '请举一反三，排查同类问题。' })).instructPetition;
    expect(closing.timeline.map((e: { type: string }) => e.type)).toEqual([
      'REGISTERED', 'ACCEPTED', 'ASSIGNED', 'NOTIFIED', 'ANSWERED', 'RATED', 'CLOSED', 'FOLLOW_UP', 'INSTRUCTION',
    ]);
    expect(closing.timeline.find((e: { type: string }) => e.type === 'RATED').actorName).toBe('信访人');
    expect(closing.timeline.find((e: { type: string }) => e.type === 'ASSIGNED').handlingUnit).toBe('青山乡');
  });

  it('computes the deadlines of domain.md: received 2026-09-16, accept by 2026-10-08', async () => {
    const p = ok(await bureau.register(visit({ receivedAt: '2026-09-16' }))).registerPetition;
    expect(p.deadlines).toMatchObject({ acceptBy: '2026-10-08', noticeBy: '2026-10-08', answerBy: null, current: '2026-10-08' });
    expect(p.warning).toBe(today > '2026-10-08' ? 'RED' : today >= '2026-10-05' ? 'YELLOW' : 'NONE');
    const red = ok(await bureau.query('{ petitions(first: 200, filter: { warning: [RED], status: [REGISTERED] }) { edges { node { id warning } } } }'));
    expect(red.petitions.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(p.id);
    expect(red.petitions.edges.every((e: { node: { warning: string } }) => e.node.warning === 'RED')).toBe(true);
  });

  it('refuses each transition to the roles that may not take it, and in the wrong state', async () => {
    let p = ok(await bureau.register(visit({ categoryCode: 'LABOUR', subject: '反映拖欠工资', content: '某工地拖欠工资三个月。' }))).registerPetition;
    // A department that does not handle it cannot even see it; a leader sees it but may not accept.
    expect(codeOf(await hrss.act('acceptPetition', p.id, p.version))).toBe('NOT_FOUND');
    expect(codeOf(await secretary.act('acceptPetition', p.id, p.version))).toBe('FORBIDDEN');
    expect(codeOf(await qingshan.act('acceptPetition', p.id, p.version))).toBe('FORBIDDEN');
    // Not yet accepted: no answer.
    const early = await bureau.act('answerPetition', p.id, p.version, { text: '答复' });
    expect(codeOf(early)).toBe('FORBIDDEN');
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('县人力资源和社会保障局'), mode: 'FORWARD' }, { handlingUnitId: B.ID, mode: B.Mode })).assignPetition;
    const wrongState = await hrss.act('closePetition', p.id, p.version);
    expect(codeOf(wrongState)).toBe('FORBIDDEN');
    const notYet = await bureau.act('closePetition', p.id, p.version);
    expect(notYet.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION' });
    expect(codeOf(await land.act('answerPetition', p.id, p.version, { text: '不是我的' }))).toBe('NOT_FOUND');
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    let p = ok(await bureau.register(visit({ subject: '反映道路积水', categoryCode: 'OTHER' }))).registerPetition;
    const stale = p.version;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    const before = ok(await bureau.petition(p.id)).petition;
    const answer = await bureau.act('declinePetition', p.id, stale, { reason: '重复' });
    expect(codeOf(answer)).toBe('CONFLICT');
    const after = ok(await bureau.petition(p.id)).petition;
    expect(after).toEqual(before);
  });

  it('gives one extension of at most 30 days, decided by a leader, and moves the answer deadline', async () => {
    let p = ok(await bureau.register(visit({ categoryCode: 'HOUSING', subject: '反映安置房未交付', content: '安置房逾期两年未交付。', locationUnitId: unit.get('东街社区') }))).registerPetition;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('城关镇'), mode: 'ASSIGN' }, { handlingUnitId: B.ID, mode: B.Mode })).assignPetition;
    const tooLong = await chengguan.act('requestExtension', p.id, p.version, { days: 31, reason: '复杂' }, { days: 'Int!' });
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    const before = p.deadlines.answerBy;
    p = ok(await chengguan.act('requestExtension', p.id, p.version, { days: 20, reason: '涉及多个部门，需联合调查。' }, { days: 'Int!' })).requestExtension;
    expect(p.extensionStatus).toBe('REQUESTED');
    expect(p.deadlines.answerBy).toBe(before);
    expect(codeOf(await chengguan.act('decideExtension', p.id, p.version, { approve: true }, { approve: 'Boolean!' }))).toBe('FORBIDDEN');
    p = ok(await secretary.act('decideExtension', p.id, p.version, { approve: true }, { approve: 'Boolean!' })).decideExtension;
    expect(p.extensionStatus).toBe('APPROVED');
    expect(p.deadlines.answerBy > before).toBe(true);
    const second = await chengguan.act('requestExtension', p.id, p.version, { days: 5, reason: '再延' }, { days: 'Int!' });
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('lets the handling unit object within five working days: the petition returns to the bureau, the objection stays', async () => {
    let p = ok(await bureau.register(visit({ categoryCode: 'LAND' }))).registerPetition;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('县自然资源局'), mode: 'FORWARD' }, { handlingUnitId: B.ID, mode: B.Mode })).assignPetition;
    expect(p.deadlines.objectionBy).not.toBeNull();
    p = ok(await land.act('objectToAssignment', p.id, p.version, { reason: '属于乡镇土地纠纷调处范围。' })).objectToAssignment;
    expect(p).toMatchObject({ status: 'ACCEPTED', handlingUnit: null });
    const back = ok(await bureau.petition(p.id)).petition;
    expect(back.timeline.map((e: { type: string }) => e.type)).toContain('OBJECTED');
    expect(codeOf(await land.petition(p.id))).toBe('NOT_FOUND');
  });

  it('routes an accusation to the discipline commission only, never to the unit it accuses', async () => {
    let p = ok(await bureau.register(visit({ kind: 'ACCUSATION', subject: '检举乡干部截留补偿款', content: '检举青山乡某干部截留征地补偿款。', respondentUnitId: unit.get('青山乡'), respondentName: '青山乡某干部' }))).registerPetition;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    const toAccused = await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('青山乡'), mode: 'ASSIGN' }, { handlingUnitId: B.ID, mode: B.Mode });
    expect(toAccused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ACCUSED_UNIT' });
    const toOther = await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('县自然资源局'), mode: 'ASSIGN' }, { handlingUnitId: B.ID, mode: B.Mode });
    expect(toOther.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ACCUSATION_TO_DISCIPLINE' });
    const proposed = ok(await bureau.query('query($l: ID!) { proposeHandlingUnit(categoryCode: "LAND", kind: ACCUSATION, locationUnitId: $l) { name } }', { l: unit.get('石桥村') }));
    expect(proposed.proposeHandlingUnit.name).toBe('县纪委监委');
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('县纪委监委'), mode: 'ASSIGN' }, { handlingUnitId: B.ID, mode: B.Mode })).assignPetition;
    expect(p.handlingUnit.name).toBe('县纪委监委');
  });

  it('runs review and re-review to a final decision, and will not accept the matter again', async () => {
    let p = ok(await bureau.register(visit({ categoryCode: 'CIVIL', subject: '申请低保未获批准', content: '家庭困难，申请低保被拒。' }))).registerPetition;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    p = ok(await bureau.act('assignPetition', p.id, p.version, { handlingUnitId: unit.get('青山乡'), mode: 'ASSIGN' }, { handlingUnitId: B.ID, mode: B.Mode })).assignPetition;
    p = ok(await qingshan.act('answerPetition', p.id, p.version, { text: '经审核不符合低保条件。' })).answerPetition;
    p = ok(await bureau.act('rateAnswer', p.id, p.version, { satisfaction: 'DISSATISFIED' }, { satisfaction: B.Sat })).rateAnswer;
    p = ok(await bureau.act('requestReview', p.id, p.version)).requestReview;
    expect(p).toMatchObject({ status: 'REVIEW' });
    expect(p.deadlines.reviewBy).not.toBeNull();
    expect(p.deadlines.current).toBe(p.deadlines.reviewBy);
    const early = await bureau.act('requestReview', p.id, p.version);
    expect(early.errors![0]!.extensions).toMatchObject({ reason: 'REVIEW_PENDING' });
    const withHearing = ok(await bureau.act('decideReview', p.id, p.version, { decision: '维持原处理意见。', hearingDays: 5 }, { hearingDays: 'Int' })).decideReview;
    expect(withHearing.status).toBe('REVIEW');
    expect(withHearing.deadlines.appealRequestBy).not.toBeNull();
    p = ok(await bureau.act('requestReview', withHearing.id, withHearing.version)).requestReview;
    expect(p.status).toBe('RE_REVIEW');
    p = ok(await bureau.act('decideReview', p.id, p.version, { decision: '维持复查意见，该事项终结。' })).decideReview;
    expect(p).toMatchObject({ status: 'CLOSED', isFinal: true });

    let repeat = ok(await bureau.register(visit({ categoryCode: 'CIVIL', subject: '再次申请低保', content: '同一事项再次反映。', repeatOfId: p.id }))).registerPetition;
    expect(repeat).toMatchObject({ isInitial: false, repeatOf: { id: p.id } });
    const refused = await bureau.act('acceptPetition', repeat.id, repeat.version);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FINAL_MATTER' });
    repeat = ok(await bureau.act('declinePetition', repeat.id, repeat.version, { reason: '该事项已终结，不再受理。' })).declinePetition;
    expect(repeat.status).toBe('NOT_ACCEPTED');
  });

  it('shows likely repeats before registering: same ID number, or name and phone; same matter first', async () => {
    const petitioner = { name: '韦小宝', idNumber: '360999199002020026', phone: '13900000002' };
    const first = ok(await bureau.register(visit({ petitioner, categoryCode: 'RURAL', subject: '反映灌溉水渠年久失修', content: '水渠失修影响灌溉。' }))).registerPetition;
    await bureau.register(visit({ petitioner, categoryCode: 'POLICE', subject: '反映邻里纠纷', content: '邻里纠纷。' }));
    const matches = ok(
      await bureau.query(
        'query($input: PetitionMatchInput!) { petitionMatches(input: $input) { reasons sameMatter petition { id subject } } }',
        { input: { petitioner: { name: '韦小宝', idNumber: '360999199002020026' }, categoryCode: 'RURAL', subject: '水渠失修影响灌溉' } },
      ),
    ).petitionMatches;
    expect(matches.length).toBeGreaterThanOrEqual(2);
    expect(matches[0]).toMatchObject({ sameMatter: true, petition: { id: first.id } });
    expect(matches[0].reasons).toEqual(expect.arrayContaining(['SAME_ID_NUMBER', 'SAME_CATEGORY']));
    const byPhone = ok(await bureau.query('query($input: PetitionMatchInput!) { petitionMatches(input: $input) { reasons } }', { input: { petitioner: { name: '韦小宝', phone: '13900000002' } } })).petitionMatches;
    expect(byPhone.every((m: { reasons: string[] }) => m.reasons.includes('SAME_NAME_AND_PHONE'))).toBe(true);
    // A village may register, but finds no matches: it may not read identities.
    const none = ok(await shiqiao.query('query($input: PetitionMatchInput!) { petitionMatches(input: $input) { reasons } }', { input: { petitioner: { name: '韦小宝', idNumber: '360999199002020026' } } })).petitionMatches;
    expect(none).toEqual([]);
  });

  it('registers only in the registering unit’s own territory, and refuses bad input, saving nothing', async () => {
    const before = ok(await bureau.query('{ petitions { totalCount } }')).petitions.totalCount;
    const byVillage = await shiqiao.register(visit());
    expect(byVillage.errors).toBeUndefined();
    const elsewhere = await shiqiao.register(visit({ locationUnitId: unit.get('东街社区') }));
    expect(codeOf(elsewhere)).toBe('NOT_FOUND');
    for (const [over, field] of [
      [{ subject: '  ' }, 'subject'],
      [{ receivedAt: addDays(today, 1) }, 'receivedAt'],
      [{ headcount: 0 }, 'headcount'],
      [{ categoryCode: 'NOPE' }, 'categoryCode'],
      [{ petitioner: { name: '某人', idNumber: '360999198001010015' } }, 'petitioner.idNumber'],
      [{ locationUnitId: unit.get('县公安局') }, 'locationUnitId'],
    ] as const) {
      const answer = await bureau.register(visit(over));
      expect(codeOf(answer), JSON.stringify(over)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0]!.extensions!.field).toBe(field);
    }
    expect(codeOf(await land.register(visit()))).toBe('FORBIDDEN');
    const after = ok(await bureau.query('{ petitions { totalCount } }')).petitions.totalCount;
    expect(after).toBe(before + 1);
  });

  it('lists, filters, searches Chinese text and pages, soonest deadline first', async () => {
    const unique = '独一无二的化工厂异味';
    const p = ok(await bureau.register(visit({ categoryCode: 'ENVIRONMENT', subject: `反映${unique}`, content: '夜间异味严重。' }))).registerPetition;
    const found = ok(await bureau.query('query($t: String!) { petitions(filter: { text: $t }) { totalCount edges { node { id } } } }', { t: '化工厂异味' }));
    expect(found.petitions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([p.id]);
    const inContent = ok(await bureau.query('{ petitions(filter: { text: "夜间异味" }) { totalCount } }'));
    expect(inContent.petitions.totalCount).toBeGreaterThanOrEqual(1);
    const number = ok(await bureau.petition(p.id)).petition.number as string;
    const byNumber = ok(await bureau.query('query($t: String!) { petitions(filter: { text: $t }) { edges { node { id } } } }', { t: number }));
    expect(byNumber.petitions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([p.id]);
    const byKind = ok(await bureau.query('{ petitions(first: 200, filter: { kind: [ACCUSATION], channel: [LETTER, VISIT] }) { totalCount edges { node { kind channel } } } }'));
    expect(byKind.petitions.totalCount).toBeGreaterThan(0);
    expect(byKind.petitions.edges.every((e: { node: { kind: string; channel: string } }) => e.node.kind === 'ACCUSATION' && ['LETTER', 'VISIT'].includes(e.node.channel))).toBe(true);
    const page1 = ok(await bureau.query('{ petitions(first: 10) { totalCount edges { node { id deadlines { current } } } pageInfo { hasNextPage endCursor } } }'));
    expect(page1.petitions.totalCount).toBeGreaterThan(300);
    const currents = page1.petitions.edges.map((e: { node: { deadlines: { current: string | null } } }) => e.node.deadlines.current).filter(Boolean);
    expect([...currents].sort()).toEqual(currents);
    const page2 = ok(await bureau.query('query($a: String) { petitions(first: 10, after: $a) { edges { node { id } } } }', { a: page1.petitions.pageInfo.endCursor }));
    const ids1 = new Set(page1.petitions.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(page2.petitions.edges.some((e: { node: { id: string } }) => ids1.has(e.node.id))).toBe(false);
    const township = ok(await bureau.query('query($u: ID!) { petitions(first: 200, filter: { unitId: $u }) { edges { node { locationUnit { id } handlingUnit { id } } } } }', { u: unit.get('城关镇') }));
    const chengguanUnits = new Set(['城关镇', '东街社区', '西街社区'].map((n) => unit.get(n)));
    expect(
      township.petitions.edges.every((e: { node: { locationUnit: { id: string }; handlingUnit: { id: string } | null } }) => chengguanUnits.has(e.node.locationUnit.id) || e.node.handlingUnit?.id === unit.get('城关镇')),
    ).toBe(true);
  });

  it('shows each role only its scope of the demo county', async () => {
    const count = async (c: Client) => ok(await c.query('{ petitions { totalCount } }')).petitions.totalCount as number;
    const all = await count(bureau);
    expect(await count(secretary)).toBe(all);
    expect(await count(qingshan)).toBeLessThan(all);
    expect(await count(shiqiao)).toBeLessThan(await count(qingshan));
    const admin = await Client.as(platform.url, 'admin');
    expect(await count(admin)).toBe(0);
    const supervisor = await Client.as(platform.url, 'supervisor');
    const flagged = ok(await supervisor.query('{ petitions(first: 200) { edges { node { isKeyMatter isBacklog } } } }'));
    expect(flagged.petitions.edges.length).toBeGreaterThan(0);
    expect(flagged.petitions.edges.every((e: { node: { isKeyMatter: boolean; isBacklog: boolean } }) => e.node.isKeyMatter || e.node.isBacklog)).toBe(true);
  });
});
