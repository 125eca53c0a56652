import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import fc from 'fast-check';
import { DATABASE_MODES, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { fetchSchema, operations, type FuzzCase, type FuzzPools } from '../support/fuzz-schema.js';

/**
 * Input fuzzing (issue 8, trust suite 5). From the schema the server answers to, fast-check builds
 * arguments for every query and mutation — control characters, NUL, lone surrogates, very long
 * texts, the edges of numbers and dates, unknown ids and enum values, nulls, missing variables — and
 * sends them over HTTP as each role and as nobody. Every answer is data or a stable client code,
 * never INTERNAL_SERVER_ERROR or a 5xx; a refused mutation changes no row of any table; and the
 * server keeps serving (a health check after every batch).
 *
 * FUZZ_SEED picks another seed (the one used is printed); FUZZ_BATCHES × BATCH cases per database.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const BATCH = 40;
const BATCHES = Number(process.env.FUZZ_BATCHES ?? 38);
/** Queries run this many at a time; mutations one by one, each between two snapshots. */
const QUERY_PARALLEL = 4;
/** The server's limit on a request body (app.ts). */
const MAX_BODY = 1024 * 1024;

/** The codes a client may be answered with: its own fault or its rights, never ours. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Tables a refused request may still write by design: a refused sign-in counts toward the
 * throttle of its username, and the migrations' own bookkeeping is never touched by a request.
 */
const WRITTEN_BY_REFUSALS = new Set(['login_throttle', 'mikro_orm_migrations']);

/** The accounts the cases are sent as: one of each kind of unit, and nobody. */
const ROLES = { bureau: 'bureau', township: 'chengguan', village: 'shiqiao', department: 'land', leader: 'secretary', admin: 'admin' } as const;
type Role = keyof typeof ROLES | 'nobody';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: unknown } }> } | null;
  text: string;
}

/** The JSON of an answer, or null when it is not JSON. */
function parseBody(text: string): Answer['body'] {
  try {
    return JSON.parse(text) as Answer['body'];
  } catch {
    return null;
  }
}

const cut = (s: string, n = 400) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

describe.each(DATABASE_MODES)('fuzzed input on %s', (mode) => {
  let platform: TestPlatform;
  const tokens = new Map<Role, string | undefined>();

  async function send(c: FuzzCase, role: Role): Promise<Answer> {
    const token = tokens.get(role);
    const payload = JSON.stringify({ query: c.query, variables: c.variables });
    const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    // A body over the server's limit goes on a connection of its own: the server stops reading it,
    // and the rest of it would spoil a kept-alive connection for the requests after it.
    if (Buffer.byteLength(payload) > MAX_BODY) return sendAlone(payload, headers);
    let res: Response;
    try {
      res = await fetch(`${platform.url}/graphql`, { method: 'POST', headers, body: payload });
    } catch (err) {
      throw new Error(`${c.field} as ${role}: no answer to ${Buffer.byteLength(payload)} bytes: ${String(err)} ${String((err as { cause?: unknown }).cause)}\n  ${cut(JSON.stringify(c.variables), 600)}`, { cause: err });
    }
    const text = await res.text();
    return { status: res.status, body: parseBody(text), text };
  }

  function sendAlone(payload: string, headers: Record<string, string>): Promise<Answer> {
    return new Promise((resolve) => {
      const req = request(`${platform.url}/graphql`, { method: 'POST', headers: { ...headers, connection: 'close' }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: parseBody(text), text });
        });
      });
      // The server may close the connection before it has read the whole body: it refused it.
      req.on('error', () => resolve({ status: 413, body: null, text: 'connection closed on an oversized body' }));
      req.end(payload);
    });
  }

  /** Every table's row count and a hash of its rows' contents, in one statement. */
  let tables: string[] = [];
  let snapshots = 0;
  async function snapshot(): Promise<Map<string, string>> {
    snapshots++;
    const conn = platform.orm.em.getConnection();
    const sql = tables
      .map((t) => `select '${t}' as t, count(*)::text as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${t}" x`)
      .join(' union all ');
    const rows = await conn.execute<Array<{ t: string; n: string; h: string }>>(sql);
    return new Map(rows.map((r) => [r.t, `${r.n}/${r.h}`]));
  }
  const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((t) => a.get(t) !== b.get(t));

  /**
   * The statements the server sent that may write, as its query builder saw them: a refused mutation
   * that sent none cannot have changed a row, and needs no snapshot; one that did (and rolled back)
   * is compared table by table. The database is the test's own, so nothing else writes to it.
   */
  const writes: string[] = [];
  const READ_ONLY = /^\s*(select|begin|commit|rollback|savepoint|release|set|show)\b/i;

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    for (const [role, username] of Object.entries(ROLES)) tokens.set(role as Role, await signIn(platform.url, username));
    tokens.set('nobody', undefined);
    const conn = platform.orm.em.getConnection();
    const found = await conn.execute<Array<{ name: string }>>(
      "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1",
    );
    tables = found.map((r) => r.name).filter((t) => !WRITTEN_BY_REFUSALS.has(t));
    platform.orm.em.getKnex().on('query', (q: { sql?: string }) => {
      if (q.sql && !READ_ONLY.test(q.sql)) writes.push(q.sql);
    });
  });
  afterAll(async () => platform?.stop());

  it(`answers ${BATCH * BATCHES} generated requests with data or a client code, changes nothing when it refuses, and keeps serving`, async () => {
    const started = Date.now();
    const schema = await fetchSchema(platform.url);
    const conn = platform.orm.em.getConnection();
    // Real ids and versions, so that some cases get past "not found" into the services' own checks.
    const ids: string[] = [];
    const idsOf: FuzzPools['idsOf'] = {};
    const versions = new Set([0, 1, 2, 3]);
    const kinds = { petition: 'petition', dispute: 'dispute', report: 'screening_report', unit: 'unit', rule: 'screening_rule' } as const;
    for (const [kind, table] of Object.entries(kinds)) {
      if (!tables.includes(table)) continue;
      const rows = await conn.execute<Array<{ id: string; version: number | null }>>(`select id, version from "${table}" order by id limit 25`);
      idsOf[kind as keyof typeof kinds] = rows.map((r) => r.id);
      for (const r of rows) {
        ids.push(r.id);
        if (r.version != null) versions.add(Number(r.version));
      }
    }
    const codes = await conn.execute<Array<{ code: string }>>('select code from petition_category');
    const unitIds = await conn.execute<Array<{ id: string }>>('select id from unit order by depth, id');
    const receipts = await conn.execute<Array<{ receipt_code: string; number: string }>>('select receipt_code, number from petition order by id limit 5');
    const pools: FuzzPools = {
      ids,
      idsOf,
      unitIds: unitIds.map((u) => u.id),
      codes: codes.map((c) => c.code),
      versions: [...versions],
      strings: [
        ...codes.map((c) => c.code),
        ...receipts.flatMap((r) => [r.receipt_code, r.number]),
        'HOLIDAY', 'WORKDAY', 'ORDINARY', 'UPHELD', 'REVISED', 'REVERSED', 'GENERAL', 'MAJOR',
        new Date().toISOString().slice(0, 7), '2026-02', '1999-12', '9999-12',
      ],
    };
    const ops = await operations(schema, pools);
    expect(ops.length).toBeGreaterThan(40);
    const roles = [...tokens.keys()];
    const oneCase = fc.oneof(...ops.map((op) => op.arbitrary)).chain((c) =>
      // A signed-in caller's logout would end the session the next cases are sent with.
      (c.field === 'logout' ? fc.constant<Role>('nobody') : fc.constantFrom(...roles)).map((role) => ({ c, role })),
    );

    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    const messages = new Map<string, number>();
    const sent = new Map<string, number>();
    let refusedWrites = 0;
    let acceptedWrites = 0;
    const judge = (c: FuzzCase, role: Role, a: Answer) => {
      sent.set(c.field, (sent.get(c.field) ?? 0) + 1);
      const errorCodes = (a.body?.errors ?? []).map((e) => String(e.extensions?.code));
      const outcome = errorCodes.length ? errorCodes[0]! : a.body ? 'DATA' : `HTTP ${a.status}`;
      if (process.env.FUZZ_VERBOSE && outcome === 'BAD_USER_INPUT') {
        const message = `${c.field}: ${String(a.body?.errors?.[0]?.message).replace(/"[^"]*"/g, '"…"').slice(0, 80)}`;
        messages.set(message, (messages.get(message) ?? 0) + 1);
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      const wrong = a.status >= 500 || (!a.body && a.status < 400) || errorCodes.some((code) => !CLIENT_CODES.has(code));
      if (wrong) failures.push(`${c.field} as ${role}: HTTP ${a.status} ${cut(a.text)}\n  variables ${cut(JSON.stringify(c.variables), 600)}`);
      return errorCodes.length > 0 || !a.body?.data;
    };

    async function runBatch(batch: Array<{ c: FuzzCase; role: Role }>) {
      const queries = batch.filter((b) => b.c.kind === 'query');
      for (let i = 0; i < queries.length; i += QUERY_PARALLEL) {
        const group = queries.slice(i, i + QUERY_PARALLEL);
        const answers = await Promise.all(group.map((b) => send(b.c, b.role)));
        group.forEach((b, j) => judge(b.c, b.role, answers[j]!));
      }
      // Mutations one at a time. A refused one must leave every table as it was: either it sent no
      // writing statement at all, or the tables compare equal to the last snapshot. After an accepted
      // one the snapshot is taken again.
      let before = await snapshot();
      for (const b of batch.filter((x) => x.c.kind === 'mutation')) {
        writes.length = 0;
        const answer = await send(b.c, b.role);
        const refused = judge(b.c, b.role, answer);
        if (refused) refusedWrites++;
        else acceptedWrites++;
        if (refused && writes.length === 0) continue;
        const after = await snapshot();
        if (refused) {
          const tablesChanged = changed(before, after);
          if (tablesChanged.length) {
            failures.push(`${b.c.field} as ${b.role} was refused (${cut(answer.text, 200)}) but changed ${tablesChanged.join(', ')}\n  variables ${cut(JSON.stringify(b.c.variables), 600)}`);
          }
        }
        before = after;
      }
      // The server keeps serving: the health endpoint, and a signed-in read.
      const health = await fetch(`${platform.url}/healthz`);
      if (health.status !== 200) failures.push(`/healthz answered ${health.status} after a batch`);
      const me = await send({ kind: 'query', field: 'me', query: '{ me { id } }', variables: {} }, 'bureau');
      if (!(me.body?.data as { me?: unknown } | undefined)?.me) failures.push(`the bureau's { me } failed after a batch: ${cut(me.text)}`);
    }

    console.log(`fuzz on ${mode}: seed ${SEED} (set FUZZ_SEED to change it), ${BATCHES} batches of ${BATCH}, ${ops.length} operations`);
    await fc.assert(
      fc.asyncProperty(fc.array(oneCase, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await runBatch(batch);
      }),
      { seed: SEED, numRuns: BATCHES, endOnFailure: true },
    );

    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz on ${mode}: ${total} requests in ${seconds} s; mutations refused ${refusedWrites}, accepted ${acceptedWrites}; ${snapshots} snapshots; outcomes ${JSON.stringify(Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])))}`,
    );
    if (process.env.FUZZ_VERBOSE) console.log([...messages].sort((x, y) => y[1] - x[1]).slice(0, 40).map(([m, n]) => `${n} ${m}`).join('\n'));
    expect(failures.slice(0, 15), `${failures.length} failures (seed ${SEED})`).toEqual([]);
    expect(total).toBe(BATCH * BATCHES);
    // Every operation of the schema was tried, several times.
    const untried = ops.map((op) => op.field).filter((f) => (sent.get(f) ?? 0) < 3);
    expect(untried).toEqual([]);
  }, 180_000);
});
