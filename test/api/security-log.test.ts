import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@xinfang/server';
import { DATABASE_MODES, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

/** The server's JSON log lines, kept to read back. */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger('info', stream), lines, raw };
}

describe.each(DATABASE_MODES)('security events in the log, on %s', (mode) => {
  let platform: TestPlatform;
  const log = capturedLog();
  const events = (event: string) => log.lines.filter((l) => l.event === event);

  beforeAll(async () => {
    platform = await startTestPlatform(mode, {}, log.logger);
  });
  afterAll(async () => platform?.stop());

  it('logs every sign-in, good or refused, with the username, the outcome, the reason and the address, never the password', async () => {
    await signIn(platform.url, 'qingshan');
    await gql(platform.url, 'mutation { login(username: "qingshan", password: "wrong-password-9") { token } }');
    await gql(platform.url, 'mutation { login(username: "nobody-here", password: "wrong-password-9") { token } }');
    expect(events('sign-in').map((l) => [l.username, l.outcome, l.reason ?? null])).toEqual([
      ['qingshan', 'SIGNED_IN', null],
      ['qingshan', 'REFUSED', 'BAD_CREDENTIALS'],
      ['nobody-here', 'REFUSED', 'BAD_CREDENTIALS'],
    ]);
    for (const line of events('sign-in')) expect(line.address).toMatch(/127\.0\.0\.1/);
    expect(log.raw.filter((l) => l.includes('wrong-password-9'))).toEqual([]);
    expect(JSON.stringify(events('sign-in'))).not.toContain('xinfang-demo');
  });

  it('logs a lockout as one', async () => {
    // The default locks a username after 8 failures; the 9th attempt and later are refused unchecked.
    for (let i = 0; i < 10; i++) await gql(platform.url, 'mutation { login(username: "land", password: "guess") { token } }');
    const reasons = events('sign-in').filter((l) => l.username === 'land').map((l) => l.reason);
    expect(reasons).toContain('BAD_CREDENTIALS_NOW_LOCKED');
    expect(reasons.at(-1)).toBe('LOGIN_LOCKED');
  });

  it('logs a refused request with who asked, the operation, the path and the code', async () => {
    const token = await signIn(platform.url, 'shiqiao');
    await gql(platform.url, 'query Probe($id: ID!) { petition(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, token);
    await gql(platform.url, 'query Accounts { users { totalCount } }', {}, token);
    await gql(platform.url, 'query Anonymous { me { id } }');
    const refused = events('access-refused').map((l) => [l.operation, l.code, l.path, l.username]);
    expect(refused).toEqual(
      expect.arrayContaining([
        ['Probe', 'NOT_FOUND', 'petition', 'shiqiao'],
        ['Accounts', 'FORBIDDEN', 'users', 'shiqiao'],
        ['Anonymous', 'UNAUTHENTICATED', 'me', null],
      ]),
    );
  });

  it('logs a sign-out with the account', async () => {
    const token = await signIn(platform.url, 'shiqiao');
    await gql(platform.url, 'mutation { logout }', {}, token);
    expect(events('sign-out').map((l) => l.username)).toEqual(['shiqiao']);
  });
});
