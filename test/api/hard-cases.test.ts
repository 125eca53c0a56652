import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

// Hard cases over HTTP (issue 9, first part): the key-matter and backlog lists, 包案 "五个一" with its
// field rules, the ledgers, and the leader's 我的待办.

const CASE = 'id number version isKeyMatter isBacklog ageDays lastActionAt keyMatterReason canSetOwnership ownership { isOwned missing leader { displayName } unit { name } resolutionPlan resolutionPlanOn stabilityPlan }';

describe.each(DATABASE_MODES)('hard cases on %s', (mode) => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  const as = async (u: string, query: string, variables: Record<string, unknown> = {}) => gql(platform.url, query, variables, tokens[u]);
  const must = async (u: string, query: string, variables: Record<string, unknown> = {}) => {
    const a = await as(u, query, variables);
    expect(a.errors, a.text).toBeUndefined();
    return a.data!;
  };

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    for (const u of ['bureau', 'secretary', 'magistrate', 'qingshan', 'shiqiao', 'supervisor', 'land', 'admin']) tokens[u] = await signIn(platform.url, u);
  });
  afterAll(async () => platform?.stop());

  it('lists the demo county’s key matters and backlog, oldest first, each with its age and its 包案', async () => {
    const key = (await must('bureau', `{ keyMatters(first: 60) { totalCount edges { node { id isKeyMatter receivedAt ageDays lastActionAt ownership { isOwned missing } } } } }`)).keyMatters;
    expect(key.totalCount).toBeGreaterThan(0);
    const nodes = key.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(nodes.every((n: { isKeyMatter: boolean }) => n.isKeyMatter)).toBe(true);
    const received = nodes.map((n: { receivedAt: string }) => n.receivedAt);
    expect(received).toEqual([...received].sort());
    expect(nodes.some((n: { ownership: { isOwned: boolean } }) => n.ownership.isOwned)).toBe(true);
    expect(nodes.some((n: { ownership: { isOwned: boolean } }) => !n.ownership.isOwned)).toBe(true);
    const owned = (await must('bureau', '{ keyMatters(filter: { owned: true }, first: 100) { totalCount edges { node { ownership { isOwned missing } } } } }')).keyMatters;
    expect(owned.edges.every((e: { node: { ownership: { isOwned: boolean; missing: string[] } } }) => e.node.ownership.isOwned && e.node.ownership.missing.length === 0)).toBe(true);
    const backlog = (await must('bureau', '{ backlog(first: 100) { totalCount edges { node { isBacklog ageDays status } } } }')).backlog;
    expect(backlog.totalCount).toBeGreaterThan(0);
    expect(backlog.edges.every((e: { node: { isBacklog: boolean; ageDays: number } }) => e.node.isBacklog && e.node.ageDays >= 365 * 2)).toBe(true);
    const buckets = await Promise.all(['TWO_TO_THREE', 'THREE_TO_FIVE', 'OVER_FIVE'].map(async (age) => (await must('bureau', 'query($a: BacklogAge) { backlog(filter: { age: $a }) { totalCount } }', { a: age })).backlog.totalCount as number));
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(backlog.totalCount);
  });

  it('shows a township only the hard cases of its territory, and the supervision group the key matters', async () => {
    const all = (await must('bureau', '{ keyMatters(first: 1) { totalCount } }')).keyMatters.totalCount;
    const mine = (await must('qingshan', '{ keyMatters(first: 100) { totalCount edges { node { locationUnit { name } handlingUnit { name } } } } }')).keyMatters;
    expect(mine.totalCount).toBeLessThan(all);
    expect((await must('supervisor', '{ keyMatters(first: 1) { totalCount } }')).keyMatters.totalCount).toBe(all);
    expect((await must('admin', '{ keyMatters(first: 1) { totalCount } }')).keyMatters.totalCount).toBe(0);
    expect(codeOf(await gql(platform.url, '{ keyMatters { totalCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('records 包案 part by part until it is owned, a county leader only for itself, with each step on the timeline', async () => {
    const open = (await must('bureau', `{ keyMatters(filter: { owned: false, open: true }, first: 50) { edges { node { ${CASE} } } } }`)).keyMatters.edges.map((e: { node: Record<string, unknown> }) => e.node);
    const p = open.find((n: { ownership: { leader: unknown } }) => !n.ownership.leader) ?? open[0];
    expect(p, 'a key matter not yet owned').toBeDefined();
    const leaders = (await must('bureau', '{ countyLeaders { id displayName } }')).countyLeaders as Array<{ id: string; displayName: string }>;
    const magistrate = leaders.find((l) => l.displayName === '县长')!;
    const secretary = leaders.find((l) => l.displayName === '县委书记')!;
    expect(codeOf(await as('qingshan', '{ countyLeaders { id } }'))).toBe('FORBIDDEN');
    const set = (u: string, input: Record<string, unknown>) => as(u, `mutation($id: ID!, $i: CaseOwnershipInput!) { setCaseOwnership(petitionId: $id, input: $i) { ${CASE} } }`, { id: p.id, i: input });

    // The township that reads it may not own it; the accused rules aside, nobody but the bureau and the leaders.
    expect(codeOf(await set('qingshan', { version: p.version, resolutionPlan: '方案' }))).toMatch(/FORBIDDEN|NOT_FOUND/);
    const steps = async () => ((await must('bureau', 'query($id: ID!) { petition(id: $id) { timeline { type } } }', { id: p.id })).petition.timeline as Array<{ type: string }>).filter((t) => t.type === 'OWNERSHIP_SET').length;
    const stepsBefore = await steps();
    // Whoever leads it now (the demo draws some leaders), the bureau may clear it; then it is free to take.
    const cleared = (await set('bureau', { version: p.version, leaderUserId: null })).data!.setCaseOwnership;
    expect(cleared.ownership.leader).toBeNull();
    let step = await set('magistrate', { version: cleared.version, leaderUserId: magistrate.id });
    expect(step.errors, step.text).toBeUndefined();
    let now = step.data!.setCaseOwnership;
    expect(now.ownership.leader.displayName).toBe('县长');
    expect(codeOf(await set('secretary', { version: now.version, leaderUserId: secretary.id }))).toBe('FORBIDDEN');
    step = await set('bureau', { version: now.version, unitId: null, resolutionPlan: '逐项核实，限期答复。', stabilityPlan: '专人联系。' });
    now = step.data!.setCaseOwnership;
    expect(now.ownership.missing).toEqual(['UNIT']);
    const units = (await must('bureau', '{ units(filter: { kinds: [DEPARTMENT] }) { id name } }')).units as Array<{ id: string; name: string }>;
    now = (await set('bureau', { version: now.version, unitId: units.find((u) => u.name === '县自然资源局')!.id })).data!.setCaseOwnership;
    expect([now.ownership.isOwned, now.ownership.unit.name]).toEqual([true, '县自然资源局']);
    expect(codeOf(await set('bureau', { version: now.version - 1, resolutionPlan: '旧的' }))).toBe('CONFLICT');
    expect(await steps()).toBe(stepsBefore + 4);
    // The owner sees its case on 我的待办, and now its petitioner.
    const mine = (await must('magistrate', '{ petitions(filter: { mine: true }, first: 100) { edges { node { id petitioner { name } } } } }')).petitions.edges.map((e: { node: { id: string; petitioner: unknown } }) => e.node);
    expect(mine.find((n: { id: string }) => n.id === p.id)?.petitioner).not.toBeNull();
  });

  it('refuses 包案 on a petition that is neither a key matter nor backlog, saying why', async () => {
    const plain = (await must('bureau', '{ petitions(filter: { isKeyMatter: false, isBacklog: false, status: [IN_PROGRESS] }, first: 1) { edges { node { id version } } } }')).petitions.edges[0].node;
    const answer = await as('bureau', 'mutation($id: ID!, $i: CaseOwnershipInput!) { setCaseOwnership(petitionId: $id, input: $i) { id } }', { id: plain.id, i: { version: plain.version, resolutionPlan: '方案' } });
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_HARD_CASE' });
  });

  it('keeps the plans and the reason from a village that reads the case without its petitioner', async () => {
    const seen = (await must('shiqiao', '{ keyMatters(first: 100) { edges { node { ownership { resolutionPlan stabilityPlan } keyMatterReason content } } } }')).keyMatters.edges;
    for (const { node } of seen) {
      if (node.ownership.resolutionPlan) expect(node.content, 'a plan shown only where the content is').not.toBeNull();
    }
  });

  it('exports each list as its ledger, with the same scope', async () => {
    for (const [query, sheetName] of [['exportKeyMatters', '重点信访事项台账'], ['exportBacklog', '信访积案台账']] as const) {
      const file = (await must('bureau', `{ ${query} { filename rows base64 } }`))[query];
      const count = (await must('bureau', `{ ${query === 'exportKeyMatters' ? 'keyMatters' : 'backlog'}(first: 1) { totalCount } }`))[query === 'exportKeyMatters' ? 'keyMatters' : 'backlog'].totalCount;
      expect(file.rows).toBe(count);
      expect(file.filename).toMatch(new RegExp(`^${sheetName}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
      const sheet = book.getWorksheet(sheetName)!;
      expect(sheet.rowCount).toBe(count + 1);
      expect(sheet.getRow(1).getCell(13).value).toBe('五个一落实');
    }
  });
});
