import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

describe.each(DATABASE_MODES)('signing out on %s', (mode) => {
  let platform: TestPlatform;
  const jwtSecret = new TextEncoder().encode('logout-test-secret-logout-test-secret');
  beforeAll(async () => {
    platform = await startTestPlatform(mode, { jwtSecret });
  });
  afterAll(async () => platform?.stop());

  it('ends the session at once: its token answers SESSION_EXPIRED, like after a password change', async () => {
    const token = await signIn(platform.url, 'qingshan');
    expect((await gql(platform.url, '{ me { username } }', {}, token)).data?.me.username).toBe('qingshan');

    const out = await gql(platform.url, 'mutation { logout }', {}, token);
    expect(out.data?.logout).toBe(true);

    const after = await gql(platform.url, '{ me { username } }', {}, token);
    expect(after.data?.me ?? null).toBeNull();
    expect(after.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    // The revocation is a change like any other: audited with its author, in its own transaction.
    const audited: Array<{ action: string; user_id: string }> = await platform.orm.em
      .getConnection()
      .execute("select a.action, a.user_id from audit_change a join revoked_session r on r.id::text = a.entity_id where a.entity = 'revoked_session' and r.user_id = a.user_id");
    expect(audited.map((a) => a.action)).toEqual(['create']);
    // Signing out twice is not a way back in.
    expect((await gql(platform.url, 'mutation { logout }', {}, token)).errors![0]!.extensions).toMatchObject({ reason: 'SESSION_EXPIRED' });
  });

  it('ends only that session: the same account signed in elsewhere goes on', async () => {
    const office = await signIn(platform.url, 'shiqiao');
    const phone = await signIn(platform.url, 'shiqiao');
    expect((await gql(platform.url, 'mutation { logout }', {}, office)).data?.logout).toBe(true);
    expect((await gql(platform.url, '{ me { username } }', {}, phone)).data?.me.username).toBe('shiqiao');
    expect(codeOf(await gql(platform.url, '{ me { username } }', {}, office))).toBe('UNAUTHENTICATED');
  });

  it('asks nobody signed in to sign in, and keeps no revocation once the token would have expired anyway', async () => {
    expect(codeOf(await gql(platform.url, 'mutation { logout }'))).toBe('UNAUTHENTICATED');
    const token = await signIn(platform.url, 'land');
    await gql(platform.url, 'mutation { logout }', {}, token);
    const conn = platform.orm.em.getConnection();
    await conn.execute("update revoked_session set expires_at = now() - interval '1 second'");
    await gql(platform.url, 'mutation { logout }', {}, await signIn(platform.url, 'hrss'));
    const rows: Array<{ n: string | number }> = await conn.execute("select count(*) as n from revoked_session where expires_at < now()");
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('refuses a correctly signed token without a session id: it could never be signed out', async () => {
    const me = await gql<{ login: { user: { id: string } } }>(platform.url, 'mutation { login(username: "bureau", password: "xinfang-demo") { user { id } } }');
    const legacy = await new SignJWT({ iatMs: Date.now() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(me.data!.login.user.id)
      .setIssuer('xinfang')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(jwtSecret);
    const answer = await gql(platform.url, '{ me { username } }', {}, legacy);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
  });
});
