import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_MODES, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

// Trust suite 4 (issue 8): each hostile document or body is refused with a 4xx and a stable code,
// quickly, before a SQL statement is sent, while the server goes on answering everyone else; in
// production no error says more than it must.

const REPEAT = 9;
const LIMIT_MS = 50;

interface Hostile {
  name: string;
  body: string;
  status: number;
  code: string;
  reason: string;
}

const nested = (depth: number): string => (depth === 0 ? 'id' : `id repeatOf { ${nested(depth - 1)} }`);

const HOSTILE: Hostile[] = [
  {
    name: 'depth: 20 levels of repeatOf',
    body: JSON.stringify({ query: `{ petition(id: "00000000-0000-4000-8000-000000000000") { ${nested(20)} } }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    reason: 'MAX_DEPTH',
  },
  {
    name: 'aliases: 200 aliases of petitions',
    body: JSON.stringify({ query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: petitions { totalCount }`).join(' ')} }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    reason: 'MAX_ALIASES',
  },
  {
    name: 'cost: 1000 petitions with their disputes, their petitions and timelines',
    body: JSON.stringify({
      query: '{ petitions(first: 1000) { edges { node { id content petitioner { name } disputes { id petition { id timeline { note actorName } } } timeline { note } } } } }',
    }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    reason: 'MAX_COST',
  },
  {
    name: 'directives: @include repeated 300 times',
    body: JSON.stringify({ query: `{ me { id ${'@include(if: true) '.repeat(300)} } }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    reason: 'MAX_DIRECTIVES',
  },
  {
    name: 'tokens: 20,000 tokens',
    body: JSON.stringify({ query: `{ me { ${'id '.repeat(20_000)} } }` }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    reason: 'MAX_TOKENS',
  },
  {
    name: 'batching: an array of 1000 operations',
    body: JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ petitions { totalCount } }' }))),
    status: 400,
    code: 'BAD_REQUEST',
    reason: 'BATCH_NOT_SUPPORTED',
  },
  {
    name: 'body size: 1.5 MB of variables',
    body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_500_000) } }),
    status: 413,
    code: 'BAD_REQUEST',
    reason: 'BODY_TOO_LARGE',
  },
];

const NORMAL = '{ me { username } petitions(first: 5) { totalCount edges { node { id number } } } }';

type PgClass = { prototype: { query: (...args: unknown[]) => unknown } };

/**
 * Counts the statements the server sends: node-postgres's Client.query, as the server's own knex
 * pool loaded it, wrapped for as long as the counter lives.
 */
function countStatements(platform: TestPlatform): { count: () => number; restore: () => void } {
  const client = platform.orm.em.getKnex().client as unknown as { driver: { Client: PgClass } };
  const proto = client.driver.Client.prototype;
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  return { count: () => n, restore: () => void (proto.query = original) };
}

describe.each(DATABASE_MODES)('hostile queries in production on %s', (mode) => {
  let platform: TestPlatform;
  let token: string;
  const answers: string[] = [];
  const timings: Record<string, number[]> = {};

  const send = async (body: string) => {
    const started = performance.now();
    const res = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
      body,
    });
    const text = await res.text();
    const ms = performance.now() - started;
    answers.push(text);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes
    return { status: res.status, ms, text, json: JSON.parse(text) as any };
  };

  beforeAll(async () => {
    platform = await startTestPlatform(mode, { production: true });
    token = await signIn(platform.url, 'bureau');
  });
  afterAll(async () => {
    // Each refusal's time in ms, measured at the client, per database mode.
    mkdirSync('test-results', { recursive: true });
    const file = 'test-results/hostile-timings.json';
    const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    writeFileSync(file, `${JSON.stringify({ ...all, [mode]: timings }, null, 2)}\n`);
    await platform?.stop();
  });

  it('sends SQL for an ordinary signed-in query, so the counter can see it', async () => {
    const counter = countStatements(platform);
    try {
      const answer = await send(JSON.stringify({ query: NORMAL }));
      expect(answer.json.data.me.username).toBe('bureau');
      expect(counter.count()).toBeGreaterThan(0);
    } finally {
      counter.restore();
    }
  });

  it.each(HOSTILE)('refuses $name with a 4xx and a stable code, fast, without SQL', async ({ name, body, status, code, reason }) => {
    await send(body); // warm-up: the first parse of a new shape is slower than the rest
    const counter = countStatements(platform);
    const ms: number[] = [];
    try {
      for (let i = 0; i < REPEAT; i++) {
        const answer = await send(body);
        const errors = (answer.json.errors ?? []) as Array<{ extensions?: { code?: string; reason?: string } }>;
        expect([answer.status, [...new Set(errors.map((e) => e.extensions?.code))]]).toEqual([status, [code]]);
        expect(errors.map((e) => e.extensions?.reason)).toContain(reason);
        expect(answer.json).not.toHaveProperty('data');
        ms.push(Math.round(answer.ms * 10) / 10);
      }
      expect(counter.count()).toBe(0);
    } finally {
      counter.restore();
    }
    timings[name] = ms;
    console.log(`${mode}: ${name}: ${ms.join(', ')} ms`);
    // What the refusal costs is the fastest of the answers: waiting for a core on a busy two-core
    // machine (the suite runs two files at a time) only adds to it. A refusal that did real work
    // (GraphQL's own rules took 20-60 ms on 200 aliases) fails the first bound; the median is held
    // to a looser one, for a refusal that is slow only sometimes.
    const sorted = [...ms].sort((a, b) => a - b);
    expect(sorted[0]).toBeLessThan(LIMIT_MS);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(3 * LIMIT_MS);
  });

  it('answers an ordinary query correctly while hostile requests arrive at the same time', async () => {
    const baseline = await send(JSON.stringify({ query: NORMAL }));
    const flood = HOSTILE.flatMap((h) => Array.from({ length: 4 }, () => send(h.body).then((a) => ({ h, a }))));
    const normals = Array.from({ length: 5 }, () => send(JSON.stringify({ query: NORMAL })));
    const [refused, served] = await Promise.all([Promise.all(flood), Promise.all(normals)]);
    for (const { h, a } of refused) expect([h.name, a.status]).toEqual([h.name, h.status]);
    for (const a of served) {
      expect(a.status).toBe(200);
      expect(a.json.data).toEqual(baseline.json.data);
    }
  });

  it('turns introspection and field suggestions off', async () => {
    const schema = await send(JSON.stringify({ query: '{ __schema { types { name } } }' }));
    expect([schema.status, schema.json.errors[0].extensions.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    expect(schema.text).not.toContain('Petition');
    const type = await send(JSON.stringify({ query: '{ __type(name: "Petition") { fields { name } } }' }));
    expect(type.status).toBe(400);
    expect(type.text).not.toContain('petitioner');
    const typo = await send(JSON.stringify({ query: '{ petitons { totalCount } me { usernme } }' }));
    expect(typo.status).toBe(400);
    expect(typo.text).not.toMatch(/Did you mean|petitions|username/);
  });

  it('puts no stack trace and no SQL in any of these answers', () => {
    expect(answers.length).toBeGreaterThan(HOSTILE.length * REPEAT);
    for (const text of answers) {
      expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules/i);
      expect(text).not.toMatch(/\bselect\b.*\bfrom\b|\binsert into\b|\bupdate\b.*\bset\b|"petition"\.|sqlState/i);
    }
  });
});
