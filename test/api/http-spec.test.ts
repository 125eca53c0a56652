import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, loadConfig, startServer, type RunningServer } from '@xinfang/server';
import { DATABASE_MODES, signIn, type DatabaseMode } from '../support/api-server.js';

// The GraphQL-over-HTTP specification's status codes, as the server answers them (README, "Operations").
// Under application/graphql-response+json (the default since the specification's 2025 watershed) a
// document that does not parse or validate answers 400; under application/json, which a client gets
// only by preferring it, a well-formed request answers 200 with its request errors, as the
// specification's application/json section says. A request that is not well-formed is a 4xx either way.

const GQL = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface LogLine {
  level: number;
  msg: string;
}

/** The server on a fresh database, like startTestPlatform, with its log kept for reading. */
async function startLogged(mode: DatabaseMode): Promise<RunningServer & { log: LogLine[] }> {
  let databaseUrl: string | undefined;
  const name = `xinfang_test_http_${Date.now()}_${randomBytes(3).toString('hex')}`;
  if (mode === 'postgres') {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const log: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) log.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const config = loadConfig(process.env, {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    embeddedPath: undefined,
    seedDemo: true,
    portalDir: '/nonexistent',
    jwtSecret: new TextEncoder().encode(`test-secret-${randomBytes(16).toString('hex')}`),
  });
  const running = await startServer(config, createLogger('info', destination));
  return {
    ...running,
    log,
    async stop() {
      await running.stop();
      if (mode === 'postgres') {
        const admin = new pg.Client({ connectionString: ADMIN_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes
  body: any;
}

/** One HTTP request with exactly these headers (fetch would add an Accept of its own). */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: string | Buffer, chunked = false): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // Node frames a DELETE or OPTIONS body only when told its length.
    const framing = body !== undefined && !chunked ? { 'content-length': String(Buffer.byteLength(body)) } : {};
    const req = request(`${base}${path}`, { method, headers: { ...framing, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
      });
    });
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    if (body !== undefined && chunked) {
      const buffer = Buffer.from(body);
      for (let i = 0; i < buffer.length; i += 64 * 1024) req.write(buffer.subarray(i, i + 64 * 1024));
    } else if (body !== undefined) req.write(body);
    req.end();
  });
}

const post = (base: string, payload: unknown, accept?: string, extra: Record<string, string> = {}) =>
  raw(base, 'POST', '/graphql', { 'content-type': 'application/json', ...(accept ? { accept } : {}), ...extra }, typeof payload === 'string' ? payload : JSON.stringify(payload));

const get = (base: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
  raw(base, 'GET', `/graphql?${new URLSearchParams(params).toString()}`, headers);

const codeOf = (answer: RawAnswer): unknown => answer.body?.errors?.[0]?.extensions?.code;
const reasonOf = (answer: RawAnswer): unknown => answer.body?.errors?.[0]?.extensions?.reason;
const mediaOf = (answer: RawAnswer) => String(answer.headers['content-type'] ?? '').split(';')[0];

describe.each(DATABASE_MODES)('GraphQL over HTTP on %s', (mode) => {
  let platform: RunningServer & { log: LogLine[] };
  let url: string;
  beforeAll(async () => {
    platform = await startLogged(mode);
    url = platform.url;
  });
  afterAll(async () => platform?.stop());

  describe('request errors of a well-formed request', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a document that does not parse', { query: '{' }, 'GRAPHQL_PARSE_FAILED'],
      ['a document that does not validate', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['variables of the wrong type', { query: 'query($id: ID!) { unit(id: $id) { id } }', variables: { id: { a: 1 } } }, 'BAD_USER_INPUT'],
      ['a missing required variable', { query: 'query($id: ID!) { unit(id: $id) { id } }' }, 'BAD_USER_INPUT'],
      ['an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
      ['two operations and no operationName', { query: 'query A { __typename } query B { __typename }' }, 'OPERATION_RESOLUTION_FAILURE'],
      ['a subscription (the API has none)', { query: 'subscription { petitions { totalCount } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['a persisted query (not taken here)', { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }, 'PERSISTED_QUERY_NOT_SUPPORTED'],
    ];

    it.each(cases)('%s: 400 under application/graphql-response+json', async (_name, payload, code) => {
      const answer = await post(url, payload, GQL);
      expect([answer.status, mediaOf(answer), codeOf(answer)]).toEqual([400, GQL, code]);
      expect(answer.body).not.toHaveProperty('data');
    });

    it.each(cases)('%s: 200 under application/json', async (_name, payload, code) => {
      const answer = await post(url, payload, JSON_TYPE);
      expect([answer.status, mediaOf(answer), codeOf(answer)]).toEqual([200, JSON_TYPE, code]);
      expect(answer.body).not.toHaveProperty('data');
    });

    it('answers application/graphql-response+json without an Accept header, for */* and when the client prefers it', async () => {
      for (const accept of [undefined, '*/*', 'application/*', `${JSON_TYPE};q=0.9, ${GQL}`, `${GQL}, ${JSON_TYPE}`]) {
        const answer = await post(url, { query: '{' }, accept);
        expect([accept, answer.status, mediaOf(answer)]).toEqual([accept, 400, GQL]);
      }
      const legacy = await post(url, { query: '{' }, `${GQL};q=0.5, ${JSON_TYPE}`);
      expect([legacy.status, mediaOf(legacy)]).toEqual([200, JSON_TYPE]);
    });
  });

  it('answers a field error with 200 and data under both media types', async () => {
    for (const accept of [GQL, JSON_TYPE]) {
      const answer = await post(url, { query: '{ me { id } }' }, accept);
      expect([answer.status, mediaOf(answer), codeOf(answer)]).toEqual([200, accept, 'UNAUTHENTICATED']);
      expect(answer.body).toHaveProperty('data', null);
    }
  });

  it('runs queries over GET and refuses mutations over GET with 405 and Allow: POST', async () => {
    const token = await signIn(url, 'bureau');
    const auth = { authorization: `Bearer ${token}` };
    const query = await get(url, { query: 'query($flag: Boolean!) { me { username } __typename @include(if: $flag) }', variables: JSON.stringify({ flag: true }) }, auth);
    expect([query.status, mediaOf(query), query.body.data]).toEqual([200, GQL, { me: { username: 'bureau' }, __typename: 'Query' }]);

    const mutation = await get(url, { query: 'mutation { logout }' }, auth);
    expect([mutation.status, mutation.headers.allow, codeOf(mutation)]).toEqual([405, 'POST', 'BAD_REQUEST']);
    // Not run: the session still works.
    const me = await post(url, { query: '{ me { username } }' }, GQL, auth);
    expect(me.body.data?.me).toEqual({ username: 'bureau' });

    expect((await get(url, {})).status).toBe(400);
    expect((await get(url, { query: '{ __typename }' }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await get(url, { query: '{ __typename }', variables: '{nope' })).status).toBe(400);
  });

  it('refuses other methods with 405 and Allow: GET, POST', async () => {
    for (const method of ['OPTIONS', 'PATCH', 'PUT', 'DELETE']) {
      const answer = await raw(url, method, '/graphql', { 'content-type': 'application/json' }, '{"query":"{ __typename }"}');
      expect([method, answer.status, answer.headers.allow, codeOf(answer)]).toEqual([method, 405, 'GET, POST', 'BAD_REQUEST']);
    }
    const head = await fetch(`${url}/graphql?query=%7B__typename%7D`, { method: 'HEAD' });
    expect([head.status, head.headers.get('allow')]).toEqual([405, 'GET, POST']);
  });

  it('refuses a request that is not well-formed with 400 BAD_REQUEST, under both media types', async () => {
    const bodies: Array<[string, string, string | undefined]> = [
      ['invalid JSON', '{"query":', 'INVALID_JSON'],
      ['an empty body', '', 'MISSING_QUERY'],
      ['no query', '{}', undefined],
      ['a misspelt query', '{"qeury":"{ __typename }"}', undefined],
      ['a query that is not a string', '{"query":5}', undefined],
      ['variables that are not an object', '{"query":"{ __typename }","variables":[7]}', undefined],
      ['a batch', '[{"query":"{ __typename }"},{"query":"{ __typename }"}]', 'BATCH_NOT_SUPPORTED'],
    ];
    for (const accept of [GQL, JSON_TYPE]) {
      for (const [name, body, reason] of bodies) {
        const answer = await post(url, body, accept);
        expect([name, answer.status, codeOf(answer)]).toEqual([name, 400, 'BAD_REQUEST']);
        if (reason) expect(reasonOf(answer)).toBe(reason);
      }
    }
  });

  it('refuses a body that is not application/json with 415, so no cross-site form can post', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const answer = await raw(url, 'POST', '/graphql', type ? { 'content-type': type } : {}, '{"query":"{ __typename }"}');
      expect([type, answer.status, reasonOf(answer)]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
    const charset = await post(url, { query: '{ __typename }' }, GQL, { 'content-type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
  });

  it('refuses an Accept header it cannot serve with 406, before running the operation', async () => {
    const token = await signIn(url, 'bureau');
    const answer = await post(url, { query: 'mutation { logout }' }, 'text/html', { authorization: `Bearer ${token}` });
    expect([answer.status, reasonOf(answer)]).toEqual([406, 'NOT_ACCEPTABLE']);
    const me = await post(url, { query: '{ me { username } }' }, GQL, { authorization: `Bearer ${token}` });
    expect(me.body.data?.me).toEqual({ username: 'bureau' });
  });

  it('refuses a body over 1 MiB with 413, declared or not', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } });
    const declared = await post(url, body, GQL);
    expect([declared.status, reasonOf(declared)]).toEqual([413, 'BODY_TOO_LARGE']);
    const streamed = await raw(url, 'POST', '/graphql', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body, true);
    expect([streamed.status, reasonOf(streamed)]).toEqual([413, 'BODY_TOO_LARGE']);
    // The server goes on serving.
    expect((await post(url, { query: '{ __typename }' }, GQL)).status).toBe(200);
  });

  it('logs none of these client mistakes at error level', () => {
    // pino: 50 is error, 60 fatal.
    expect(platform.log.filter((line) => line.level >= 50)).toEqual([]);
    expect(platform.log.some((line) => line.msg === 'GraphQL request refused')).toBe(true);
  });
});
