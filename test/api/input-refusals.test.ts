import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, startTestPlatform, type GraphQLAnswer, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';

/**
 * Text that cannot be stored (U+0000, other C0 controls, lone surrogates, U+FFFE/U+FFFF) is refused
 * with BAD_USER_INPUT naming the argument, in every operation, before any SQL; and a number out of
 * range is refused with a message that gives both bounds (issue 8, defect 7).
 */
const today = shanghaiDate();

/** The refusal of an answer, to compare in one go. */
const refusal = (answer: GraphQLAnswer) => {
  const e = answer.errors?.[0];
  return { status: answer.status, code: e?.extensions?.code, field: e?.extensions?.field, argument: e?.extensions?.argument, message: e?.message };
};

describe.each(DATABASE_MODES)('input refusals on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: Client, qingshan: Client;
  const unit = new Map<string, string>();

  const visit = (over: Record<string, unknown> = {}, petitioner: Record<string, unknown> = {}) => ({
    channel: 'VISIT',
    kind: 'CLAIM',
    categoryCode: 'LAND',
    subject: '反映承包地被占用未获补偿',
    content: '信访人称其承包地被占用。',
    receivedAt: addDays(today, -1),
    headcount: 1,
    locationUnitId: unit.get('石桥村'),
    petitioner: { name: '覃大山', phone: '13800000001', ...petitioner },
    ...over,
  });

  const counts = async () => {
    const conn = platform.orm.em.getConnection();
    const [row] = await conn.execute<Array<{ p: string | number; e: string | number; d: string | number }>>(
      'select (select count(*) from petition) as p, (select count(*) from petition_event) as e, (select count(*) from dispute) as d',
    );
    return { petitions: Number(row!.p), events: Number(row!.e), disputes: Number(row!.d) };
  };

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    [bureau, qingshan] = await Promise.all(['bureau', 'qingshan'].map((u) => Client.as(platform.url, u)));
    for (const u of ok(await bureau.query('{ units { id name } }')).units) unit.set(u.name, u.id);
  });
  afterAll(async () => platform?.stop());

  it('refuses a NUL in a petitioner’s name, a content or a subject with BAD_USER_INPUT naming the field, and stores nothing', async () => {
    const before = await counts();
    expect(refusal(await bureau.register(visit({}, { name: '覃\u0000大山' })))).toEqual({
      status: 200,
      code: 'BAD_USER_INPUT',
      field: 'petitioner.name',
      argument: 'input.petitioner.name',
      message: '"input.petitioner.name" contains the character U+0000, which a text may not hold.',
    });
    expect(refusal(await bureau.register(visit({ content: '承包地\u0000被占用' })))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content', argument: 'input.content' });
    expect(refusal(await bureau.register(visit({ subject: '\u0000' })))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject' });
    expect(refusal(await bureau.register(visit({}, { address: '石桥村\u0000三组' })))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'petitioner.address' });
    expect(await counts()).toEqual(before);
  });

  it('refuses lone surrogates, other control characters and U+FFFF, and names the character', async () => {
    const cases: Array<[Record<string, unknown>, Record<string, unknown>, string, string]> = [
      [{ content: 'broken \uD83D pair' }, {}, 'content', 'U+D83D'],
      [{ content: 'trailing \uDE00' }, {}, 'content', 'U+DE00'],
      [{ subject: 'bell \u0007' }, {}, 'subject', 'U+0007'],
      [{ subject: 'escape \u001B[31m' }, {}, 'subject', 'U+001B'],
      [{ content: 'vertical tab \u000B' }, {}, 'content', 'U+000B'],
      [{ content: 'not a character \uFFFF' }, {}, 'content', 'U+FFFF'],
      [{}, { name: '覃\u0008大山' }, 'petitioner.name', 'U+0008'],
    ];
    const before = await counts();
    for (const [over, petitioner, field, character] of cases) {
      const answer = await bureau.register(visit(over, petitioner));
      expect(refusal(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(answer.errors![0]!.extensions).toMatchObject({ reason: 'UNSTORABLE_CHARACTER', character });
      expect(answer.errors![0]!.message).toContain(character);
    }
    expect(await counts()).toEqual(before);
  });

  it('keeps tabs, line breaks, emoji and other valid text as it was written', async () => {
    const content = '第一段\t说明\r\n第二段 😀 𠀀 \u007F\u0085 end';
    const p = ok(await bureau.register(visit({ content }))).registerPetition;
    expect(p.content).toBe(content);
    expect(ok(await bureau.petition(p.id)).petition.content).toBe(content);
  });

  it('refuses a NUL in a search, in a variable and in a literal of the document, instead of failing in the database', async () => {
    expect(refusal(await bureau.query('query($f: PetitionFilter) { petitions(filter: $f) { totalCount } }', { f: { text: '\u0000' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.text',
      argument: 'filter.text',
    });
    expect(refusal(await bureau.query('{ petitions(filter: { text: "a\\u0000b" }) { totalCount } }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
    expect(refusal(await bureau.query('query($f: DisputeFilter) { disputes(filter: $f) { totalCount } }', { f: { search: 'x\u0000' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    expect(refusal(await bureau.query('query($f: PetitionFilter) { exportPetitions(filter: $f) { rows } }', { f: { text: '\u0000' } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(await bureau.query('query($c: String!) { petitionByReceipt(code: $c) { id } }', { c: 'AB\u0000' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(refusal(await bureau.query('query($id: ID!) { petition(id: $id) { id } }', { id: '\u0000' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    // The server goes on serving.
    expect(ok(await bureau.query('{ petitions(first: 1) { totalCount } }')).petitions.totalCount).toBeGreaterThan(0);
  });

  it('refuses a NUL in a petition action’s text, in a list item and at sign-in, and changes nothing', async () => {
    const p = ok(await bureau.register(visit())).registerPetition;
    const before = await counts();
    expect(refusal(await bureau.act('declinePetition', p.id, p.version, { reason: '不予受理\u0000' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusal(await bureau.query('query($f: PetitionFilter) { petitions(filter: $f) { totalCount } }', { f: { categoryCode: ['LAND', 'X\u0000'] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.categoryCode.1',
    });
    const login = await bureau.query('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'bureau', p: 'xinfang\u0000demo' });
    expect(refusal(login)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(login.text).not.toContain('xinfang');
    expect(await counts()).toEqual(before);
    expect(ok(await bureau.petition(p.id)).petition).toMatchObject({ status: 'REGISTERED', version: p.version });
  });

  it('refuses a NUL in a dispute’s text by the field inside the input', async () => {
    const open = ok(await qingshan.query('{ disputes(first: 50, filter: { statuses: [OPEN] }) { edges { node { id version } } } }')).disputes.edges[0]?.node;
    expect(open).toBeDefined();
    const answer = await qingshan.query('mutation($input: UpdateDisputeInput!) { updateDispute(input: $input) { id } }', { input: { id: open.id, version: open.version, summary: '纠纷\u0000' } });
    expect(refusal(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'summary', argument: 'input.summary' });
  });

  it('says what is wrong with a number out of range: both bounds, whichever side', async () => {
    const before = await counts();
    for (const headcount of [1_000_000_000, 0, -5, 100_001]) {
      expect(refusal(await bureau.register(visit({ headcount })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'headcount',
        message: 'Headcount must be a whole number between 1 and 100000.',
      });
    }
    expect(await counts()).toEqual(before);
    const open = ok(await qingshan.query('{ disputes(first: 50, filter: { statuses: [OPEN] }) { edges { node { id version } } } }')).disputes.edges[0]!.node;
    expect(refusal(await qingshan.query('mutation($input: UpdateDisputeInput!) { updateDispute(input: $input) { id } }', { input: { id: open.id, version: open.version, headcount: 1_000_000_000 } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'headcount',
      message: 'Headcount must be a whole number between 1 and 100000.',
    });
    expect(refusal(await bureau.query('{ petitions(first: 0) { totalCount } }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', message: '"first" must be a whole number between 1 and 200.' });
    expect(refusal(await bureau.query('{ petitions(first: 201) { totalCount } }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    // Beyond a PostgreSQL date: a refusal, not a database error.
    for (const year of [2147483647, -2147483648, 0, 1999]) {
      expect(refusal(await bureau.query('query($y: Int!) { holidayCalendar(year: $y) { date } }', { y: year }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'year',
        message: '"year" must be a whole number between 2000 and 2100.',
      });
    }
    expect(codeOf(await bureau.query('{ holidayCalendar(year: 2026) { date } }'))).toBeUndefined();
  });

  // Found by the fuzzer (seed 99): graphql-js stops coercing variables after 50 errors and adds a
  // 51st, "Too many errors processing variables", with no code; it is the client's fault too.
  it('answers more than 50 bad variables with BAD_USER_INPUT only, never INTERNAL_SERVER_ERROR', async () => {
    const answer = await qingshan.query('mutation($i: SubmitScreeningReportInput!) { submitScreeningReport(input: $i) { id } }', {
      i: { unitId: unit.get('青山乡'), periodStart: today, isZeroReport: false, disputes: Array.from({ length: 60 }, () => null) },
    });
    expect(answer.status).toBe(400);
    expect(new Set(answer.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('refuses a day or a month beyond 2999 instead of failing in the calendar arithmetic', async () => {
    const county = unit.get('示范县')!;
    const village = unit.get('石桥村')!;
    const compliance = (m: string) => bureau.query('query($m: String!, $s: ID!) { screeningCompliance(month: $m, scopeUnitId: $s) { due } }', { m, s: county });
    expect(refusal(await compliance('9999-12'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month', message: '"month" must lie between 1900-01 and 2999-12.' });
    expect(refusal(await compliance('3000-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    expect(codeOf(await compliance(today.slice(0, 7)))).toBeUndefined();
    const periods = (f: string, t: string) => bureau.query('query($u: ID!, $f: Date!, $t: Date!) { screeningPeriods(unitId: $u, from: $f, to: $t) { status } }', { u: village, f, t });
    const far = await periods('9999-12-01', '9999-12-31');
    expect(refusal(far)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('"9999-12-01" is not between 1900-01-01 and 2999-12-31.') });
    expect(codeOf(await periods('1899-12-31', '1900-01-01'))).toBe('BAD_USER_INPUT');
    const submitted = await qingshan.query('mutation($i: SubmitScreeningReportInput!) { submitScreeningReport(input: $i) { id } }', { i: { unitId: unit.get('青山乡'), periodStart: '9999-12-01', isZeroReport: true } });
    expect(codeOf(submitted)).toBe('BAD_USER_INPUT');
    // The last days themselves are days like any other: an answer, not a failure.
    expect(codeOf(await periods('2999-12-01', '2999-12-31'))).toBeUndefined();
  });
});
