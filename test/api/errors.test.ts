import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { asDatabaseOwner } from '@xinfang/server';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

describe.each(DATABASE_MODES)('errors in production on %s', (mode) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(mode, { production: true });
  });
  afterAll(async () => platform?.stop());

  it('turns introspection off', async () => {
    const answer = await gql(platform.url, '{ __schema { types { name } } }');
    expect(answer.data ?? null).toBeNull();
    expect(codeOf(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.text).not.toContain('LoginResult');
  });

  it('does not suggest field names', async () => {
    const answer = await gql(platform.url, '{ uni { id } }');
    expect(codeOf(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.text).not.toMatch(/Did you mean/);
  });

  it('gives every error a stable code and no stack trace', async () => {
    const token = await signIn(platform.url, 'bureau');
    const answers = [
      await gql(platform.url, '{ me { id } }'),
      await gql(platform.url, '{ users { totalCount } }', {}, token),
      await gql(platform.url, 'query($id: ID!) { unit(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, token),
      await gql(platform.url, 'mutation { login(username: "bureau", password: "wrong") { token } }'),
    ];
    expect(answers.map(codeOf)).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);
    for (const answer of answers) {
      expect(answer.text).not.toMatch(/stacktrace|at [A-Za-z.]+ \(|\.ts:\d+|\.js:\d+/);
    }
  });

  it('answers an unexpected failure with a bare internal error: no SQL, no table, no stack', async () => {
    // DDL is the owner's: the application's role may not alter tables.
    await asDatabaseOwner(platform.orm.em, (tx) => tx.getConnection().execute('alter table login_throttle rename to login_throttle_gone', [], 'run', tx.getTransactionContext()));
    try {
      const answer = await gql(platform.url, 'mutation { login(username: "bureau", password: "xinfang-demo") { token } }');
      expect(codeOf(answer)).toBe('INTERNAL_SERVER_ERROR');
      expect(answer.errors![0]!.message).toBe('Internal server error.');
      expect(answer.text).not.toMatch(/login_throttle|select|relation|stacktrace/i);
    } finally {
      await asDatabaseOwner(platform.orm.em, (tx) => tx.getConnection().execute('alter table login_throttle_gone rename to login_throttle', [], 'run', tx.getTransactionContext()));
    }
  });

  it('refuses a body that is not JSON with BAD_REQUEST', async () => {
    const res = await fetch(`${platform.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('says it is not ready once the database stops answering, while /healthz stays up', async () => {
    expect((await fetch(`${platform.url}/readyz`)).status).toBe(200);
    if (platform.embedded) {
      await platform.embedded.stop();
    } else {
      // Shut the database to new connections and end the open ones, as a failed server would.
      const name = new URL(platform.databaseUrl).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
      await admin.connect();
      await admin.query(`alter database ${name} with allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await admin.end();
    }
    const ready = await fetch(`${platform.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'database unavailable' });
    expect((await fetch(`${platform.url}/healthz`)).status).toBe(200);
  });
});
