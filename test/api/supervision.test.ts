import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

// Supervision (督查督办) and joint conferences (集中会办) over HTTP, issue 9: the supervision group's
// orders with report, acceptance and sending back; who writes and who reads orders, circulars and
// accountability records; the inbox messages; the texts without the petitioner for those who may not
// know who petitioned.

const TODAY = shanghaiDate();
const ORDER = 'id version number status dueOn reopenCount metOnTime warning requirement report canReport canClose unit { name } petition { id number } history { step actorName note dueOn }';

describe.each(DATABASE_MODES)('supervision and conferences on %s', (mode) => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  const units = new Map<string, string>();
  let keyCase: { id: string; number: string; petitioner: { name: string } };
  const as = (u: string, query: string, variables: Record<string, unknown> = {}) => gql(platform.url, query, variables, tokens[u]);
  const must = async (u: string, query: string, variables: Record<string, unknown> = {}) => {
    const a = await as(u, query, variables);
    expect(a.errors, a.text).toBeUndefined();
    return a.data!;
  };
  const issue = (u: string, i: Record<string, unknown>) => as(u, `mutation($i: IssueSupervisionOrderInput!) { issueSupervisionOrder(input: $i) { ${ORDER} } }`, { i });

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    for (const u of ['supervisor', 'bureau', 'land', 'hrss', 'qingshan', 'shiqiao', 'secretary', 'magistrate', 'admin']) tokens[u] = await signIn(platform.url, u);
    for (const u of (await must('bureau', '{ units { id name } }')).units as Array<{ id: string; name: string }>) units.set(u.name, u.id);
    // An open key matter of the demo county, not an accusation, that the supervision group reads.
    const keys = (await must('bureau', '{ keyMatters(first: 100, filter: { open: true }) { edges { node { id number kind petitioner { name } } } } }')).keyMatters.edges as Array<{ node: typeof keyCase & { kind: string } }>;
    keyCase = keys.map((e) => e.node).find((p) => p.kind !== 'ACCUSATION')!;
  });
  afterAll(async () => platform?.stop());

  it('has the demo county’s orders in every state, its circular and record, and two conferences', async () => {
    const orders = (await must('supervisor', '{ supervisionOrders(first: 100) { totalCount edges { node { status warning metOnTime } } } }')).supervisionOrders;
    const states = new Set(orders.edges.map((e: { node: { status: string } }) => e.node.status));
    expect(states).toEqual(new Set(['ISSUED', 'REPORTED', 'REOPENED', 'ACCEPTED']));
    const warnings = new Set(orders.edges.map((e: { node: { warning: string } }) => e.node.warning));
    expect(warnings.has('RED') && warnings.has('YELLOW')).toBe(true);
    const evidence = await must('bureau', '{ circulars { totalCount edges { node { number unit { kind } order { number } petition { id } publishedOn } } } accountabilityRecords { totalCount edges { node { post measure authority circular { number } } } } conferences { totalCount edges { node { title chair { displayName } items { decision tasks { warning doneOn } } } } } }');
    expect(evidence.circulars.totalCount).toBe(1);
    expect(evidence.circulars.edges[0].node.unit.kind).toBe('TOWNSHIP');
    expect(evidence.circulars.edges[0].node.order.number).toMatch(/^督〔\d{4}〕\d+号$/);
    expect(evidence.accountabilityRecords.edges[0].node.circular.number).toBe(evidence.circulars.edges[0].node.number);
    expect(evidence.conferences.totalCount).toBe(2);
    const tasks = evidence.conferences.edges.flatMap((e: { node: { items: Array<{ tasks: Array<{ warning: string; doneOn: string | null }> }> } }) => e.node.items.flatMap((i) => i.tasks));
    expect(tasks.filter((t: { warning: string }) => t.warning === 'RED')).toHaveLength(1);
  });

  it('lets only the supervision group issue; the named unit reports, hears of it and of a sending back; accept closes it', async () => {
    const input = { petitionId: keyCase.id, unitId: units.get('县自然资源局'), requirement: `请约谈${keyCase.petitioner.name}并报送办理情况。`, dueOn: addDays(TODAY, 5) };
    for (const u of ['bureau', 'land', 'secretary', 'shiqiao', 'admin']) expect(codeOf(await issue(u, input)), u).toBe('FORBIDDEN');
    expect(codeOf(await issue('supervisor', { ...input, dueOn: addDays(TODAY, -1) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await issue('supervisor', { ...input, requirement: '  ' }))).toBe('BAD_USER_INPUT');
    const issued = await issue('supervisor', input);
    expect(issued.errors, issued.text).toBeUndefined();
    let o = issued.data!.issueSupervisionOrder;
    expect([o.status, o.warning, o.canClose]).toEqual(['ISSUED', 'NONE', false]);
    // The named unit is told, and the petition is supervised (on its timeline).
    const inbox = (await must('land', '{ notifications(unreadOnly: true) { kind order { id number canReport } } }')).notifications as Array<{ kind: string; order: { id: string; canReport: boolean } | null }>;
    expect(inbox.find((n) => n.kind === 'ORDER_ISSUED' && n.order?.id === o.id)?.order?.canReport).toBe(true);
    const timeline = (await must('bureau', 'query($id: ID!) { petition(id: $id) { isSupervised timeline { type note } supervisionOrders { id } } }', { id: keyCase.id })).petition;
    expect(timeline.isSupervised).toBe(true);
    expect(timeline.timeline.some((t: { type: string }) => t.type === 'SUPERVISED')).toBe(true);
    expect(timeline.supervisionOrders.map((x: { id: string }) => x.id)).toContain(o.id);

    const report = (u: string, version: number, text = '已约谈，诉求已解决。') => as(u, `mutation($id: ID!, $v: Int!, $r: String!) { reportOnSupervisionOrder(id: $id, version: $v, input: { report: $r }) { ${ORDER} } }`, { id: o.id, v: version, r: text });
    const close = (u: string, version: number, decision: string, reason?: string, dueOn?: string) =>
      as(u, `mutation($id: ID!, $v: Int!, $d: SupervisionDecision!, $r: String, $due: Date) { closeSupervisionOrder(id: $id, version: $v, decision: $d, reason: $r, dueOn: $due) { ${ORDER} } }`, { id: o.id, v: version, d: decision, r: reason, due: dueOn });
    expect(codeOf(await report('hrss', o.version))).toBe('NOT_FOUND');
    expect(codeOf(await report('supervisor', o.version))).toBe('FORBIDDEN');
    expect(codeOf(await report('land', o.version - 1))).toBe('CONFLICT');
    o = (await report('land', o.version)).data!.reportOnSupervisionOrder;
    expect([o.status, o.canReport]).toEqual(['REPORTED', false]);
    expect(codeOf(await close('land', o.version, 'ACCEPT'))).toBe('FORBIDDEN');
    expect(codeOf(await close('supervisor', o.version, 'REOPEN', undefined, addDays(TODAY, 7)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await close('supervisor', o.version, 'REOPEN', '请补充依据'))).toBe('BAD_USER_INPUT');
    o = (await close('supervisor', o.version, 'REOPEN', '请补充依据', addDays(TODAY, 7))).data!.closeSupervisionOrder;
    expect([o.status, o.reopenCount, o.dueOn]).toEqual(['REOPENED', 1, addDays(TODAY, 7)]);
    const told = (await must('land', '{ notifications(unreadOnly: true) { kind order { id } } }')).notifications as Array<{ kind: string; order: { id: string } | null }>;
    expect(told.some((n) => n.kind === 'ORDER_REOPENED' && n.order?.id === o.id)).toBe(true);
    o = (await report('land', o.version, '已补充政策依据。')).data!.reportOnSupervisionOrder;
    o = (await close('supervisor', o.version, 'ACCEPT', '同意办结')).data!.closeSupervisionOrder;
    expect([o.status, o.metOnTime, o.warning]).toEqual(['ACCEPTED', true, 'NONE']);
    expect(o.history.map((h: { step: string }) => h.step)).toEqual(['ISSUED', 'REPORTED', 'REOPENED', 'REPORTED', 'ACCEPTED']);
    expect(codeOf(await report('land', o.version))).toBe('BAD_USER_INPUT');
  });

  it('lets each unit read only the orders naming it (and its villages’), with the petitioner out of their texts for those who may not know who petitioned', async () => {
    // An order to 青山乡 on a case it only locates would name the petitioner to it: the words go, the order stays.
    const candidates = ((await must('bureau', 'query($u: ID!) { petitions(first: 100, filter: { unitId: $u }) { edges { node { id version kind status handlingUnit { id } petitioner { name } } } } }', { u: units.get('青山乡') })).petitions.edges as Array<{ node: { id: string; version: number; kind: string; status: string; handlingUnit: { id: string } | null; petitioner: { name: string } } }>)
      .map((e) => e.node);
    const located = candidates.find((p) => p.kind !== 'ACCUSATION' && p.status === 'IN_PROGRESS' && p.handlingUnit && p.handlingUnit.id !== units.get('青山乡'));
    expect(located, 'a case located in 青山乡 that another unit handles').toBeDefined();
    // A key matter, so that the supervision group follows it.
    await must('bureau', 'mutation($id: ID!, $v: Int!) { flagPetition(id: $id, version: $v, isKeyMatter: true, reason: "矛盾突出") { id } }', { id: located!.id, v: located!.version });
    const o = (await issue('supervisor', { petitionId: located!.id, unitId: units.get('青山乡'), requirement: `请做好${located!.petitioner.name}的稳控工作。`, dueOn: addDays(TODAY, 3) })).data!.issueSupervisionOrder;
    const read = async (u: string) => (await as(u, 'query($id: ID!) { supervisionOrder(id: $id) { requirement } }', { id: o.id }));
    expect((await read('supervisor')).data!.supervisionOrder.requirement).toContain(located!.petitioner.name);
    const township = (await read('qingshan')).data!.supervisionOrder.requirement as string;
    expect(township).not.toContain(located!.petitioner.name);
    expect(township).toContain('***');
    for (const u of ['land', 'hrss', 'shiqiao']) expect(codeOf(await read(u)), u).toBe('NOT_FOUND');
    const lists = async (u: string) => new Set(((await must(u, '{ supervisionOrders(first: 100) { edges { node { unit { id } } } } }')).supervisionOrders.edges as Array<{ node: { unit: { id: string } } }>).map((e) => e.node.unit.id));
    expect(await lists('land')).toEqual(new Set([units.get('县自然资源局')]));
    const township_ = await lists('qingshan');
    for (const id of township_) expect([units.get('青山乡'), ...((await must('qingshan', 'query($u: ID!) { units(filter: { subtreeOf: $u }) { id } }', { u: units.get('青山乡') })).units as Array<{ id: string }>).map((u) => u.id)]).toContain(id);
  });

  it('lets only the supervision group publish circulars and record accountability; every unit reads circulars, the named unit its records', async () => {
    const circular = { unitId: units.get('县人力资源和社会保障局'), title: '关于督办事项逾期的通报', failure: '县人力资源和社会保障局未按期反馈督办事项。' };
    for (const u of ['bureau', 'secretary', 'land']) expect(codeOf(await as(u, 'mutation($i: PublishCircularInput!) { publishCircular(input: $i) { id } }', { i: circular })), u).toBe('FORBIDDEN');
    expect(codeOf(await as('supervisor', 'mutation($i: PublishCircularInput!) { publishCircular(input: $i) { id } }', { i: { ...circular, publishedOn: addDays(TODAY, 1) } }))).toBe('BAD_USER_INPUT');
    const c = (await must('supervisor', 'mutation($i: PublishCircularInput!) { publishCircular(input: $i) { id number } }', { i: circular })).publishCircular;
    for (const u of ['shiqiao', 'qingshan', 'land', 'hrss', 'secretary']) {
      const seen = (await must(u, 'query($id: ID!) { circular(id: $id) { number failure } }', { id: c.id })).circular;
      expect(seen.number, u).toBe(c.number);
    }
    expect(codeOf(await as('admin', 'query($id: ID!) { circular(id: $id) { id } }', { id: c.id }))).toBe('NOT_FOUND');
    expect((await must('hrss', '{ notifications(unreadOnly: true) { kind circular { id } } }')).notifications.some((n: { kind: string; circular: { id: string } | null }) => n.kind === 'CIRCULAR_PUBLISHED' && n.circular?.id === c.id)).toBe(true);

    const record = { unitId: units.get('县人力资源和社会保障局'), post: '分管副局长', measure: 'CRITICISM', authority: '县纪委监委', decidedOn: TODAY, circularId: c.id };
    expect(codeOf(await as('bureau', 'mutation($i: RecordAccountabilityInput!) { recordAccountability(input: $i) { id } }', { i: record }))).toBe('FORBIDDEN');
    expect(codeOf(await as('supervisor', 'mutation($i: RecordAccountabilityInput!) { recordAccountability(input: $i) { id } }', { i: { ...record, unitId: units.get('县自然资源局') } }))).toBe('BAD_USER_INPUT');
    const r = (await must('supervisor', 'mutation($i: RecordAccountabilityInput!) { recordAccountability(input: $i) { id circular { id } } }', { i: record })).recordAccountability;
    expect(r.circular.id).toBe(c.id);
    const ids = async (u: string) => ((await must(u, '{ accountabilityRecords(first: 100) { edges { node { id } } } }')).accountabilityRecords.edges as Array<{ node: { id: string } }>).map((e) => e.node.id);
    expect(await ids('hrss')).toContain(r.id);
    expect(await ids('land')).not.toContain(r.id);
    expect(await ids('magistrate')).toContain(r.id);
    const exported = (await must('supervisor', '{ exportCirculars { filename rows } exportAccountabilityRecords { filename rows } exportSupervisionOrders { filename rows } }'));
    expect(exported.exportCirculars.filename).toMatch(/^通报台账-.*\.xlsx$/);
    expect(exported.exportCirculars.rows).toBe((await must('supervisor', '{ circulars { totalCount } }')).circulars.totalCount);
    expect(exported.exportSupervisionOrders.rows).toBe((await must('supervisor', '{ supervisionOrders { totalCount } }')).supervisionOrders.totalCount);
  });

  it('records a conference: its decision on the timeline, its task on the owner unit’s 我的待办 until done', async () => {
    const chair = ((await must('bureau', '{ countyLeaders { id displayName } }')).countyLeaders as Array<{ id: string; displayName: string }>).find((l) => l.displayName === '县长')!.id;
    const input = { heldOn: TODAY, title: '专题会办', chairUserId: chair, attendingUnitIds: [units.get('县自然资源局')], items: [{ petitionId: keyCase.id, decision: '限期化解。', tasks: [{ ownerUnitId: units.get('县自然资源局'), description: '提出解决办法', dueOn: addDays(TODAY, 3) }] }] };
    for (const u of ['supervisor', 'land']) expect(codeOf(await as(u, 'mutation($i: RecordConferenceInput!) { recordConference(input: $i) { id } }', { i: input })), u).toBe('FORBIDDEN');
    expect(codeOf(await as('bureau', 'mutation($i: RecordConferenceInput!) { recordConference(input: $i) { id } }', { i: { ...input, items: [] } }))).toBe('BAD_USER_INPUT');
    const c = (await must('magistrate', 'mutation($i: RecordConferenceInput!) { recordConference(input: $i) { id chair { displayName } items { tasks { id version } } } }', { i: input })).recordConference;
    expect(c.chair.displayName).toBe('县长');
    const timeline = (await must('bureau', 'query($id: ID!) { petition(id: $id) { timeline { type note } } }', { id: keyCase.id })).petition.timeline as Array<{ type: string; note: string }>;
    expect(timeline.some((t) => t.type === 'CONFERENCE_DECISION' && t.note === '限期化解。')).toBe(true);
    const mine = (await must('land', '{ conferenceTasks(filter: { mine: true, open: true }, first: 100) { edges { node { id version canComplete conference { title } } } } }')).conferenceTasks.edges as Array<{ node: { id: string; version: number; canComplete: boolean; conference: { title: string } } }>;
    const task = mine.find((e) => e.node.id === c.items[0].tasks[0].id)!.node;
    expect([task.canComplete, task.conference.title]).toEqual([true, '专题会办']);
    expect(codeOf(await as('land', 'query($id: ID!) { conference(id: $id) { id } }', { id: c.id }))).toBe('NOT_FOUND');
    const done = (await must('land', 'mutation($id: ID!, $v: Int!) { completeConferenceTask(id: $id, version: $v, note: "已提出") { doneOn canComplete } }', { id: task.id, v: task.version })).completeConferenceTask;
    expect(done).toEqual({ doneOn: TODAY, canComplete: false });
  });
});
