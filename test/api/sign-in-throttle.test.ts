import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_MODES, startTestPlatform, type TestPlatform } from '../support/api-server.js';

const LIMITS = { slowAfter: 100, delayStepMs: 0, maxDelayMs: 0, lockAfterUser: 5, lockAfterAddress: 12, windowSeconds: 900, lockSeconds: 300 };

/** A sign-in attempt sent as if through our reverse proxy, from `from` (what the proxy appended). */
async function attempt(platform: TestPlatform, username: string, password: string, forwardedFor?: string) {
  const res = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> };
  return { ...body, status: res.status, reason: body.errors?.[0]?.extensions?.reason };
}

describe.each(DATABASE_MODES)('sign-in throttling on %s', (mode) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(mode, { trustProxy: true, login: LIMITS });
  });
  afterAll(async () => platform?.stop());

  it('lets no more than the limit of a parallel burst be tried, and then refuses the right password', async () => {
    const burst = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(platform, 'land', `wrong-${i}`, `10.1.0.${i}`)));
    const tried = burst.filter((a) => a.reason === 'BAD_CREDENTIALS').length;
    expect(tried).toBeLessThanOrEqual(LIMITS.lockAfterUser);
    expect(burst.filter((a) => a.reason === 'LOGIN_LOCKED').length).toBe(25 - tried);
    const right = await attempt(platform, 'land', 'xinfang-demo', '10.1.0.99');
    expect(right.reason).toBe('LOGIN_LOCKED');
  });

  it('counts failures per address by the entry our proxy appended, not by what the client wrote before it', async () => {
    const names = Array.from({ length: LIMITS.lockAfterAddress + 3 }, (_, i) => `nobody-${i}`);
    const answers = [];
    for (const [i, name] of names.entries()) answers.push(await attempt(platform, name, 'wrong-password', `203.0.113.${i}, 10.2.0.7`));
    expect(answers.slice(0, LIMITS.lockAfterAddress).every((a) => a.reason === 'BAD_CREDENTIALS')).toBe(true);
    expect(answers.slice(LIMITS.lockAfterAddress).every((a) => a.reason === 'LOGIN_LOCKED')).toBe(true);
    // The same account from another address still signs in.
    const other = await attempt(platform, 'hrss', 'xinfang-demo', '10.2.0.8');
    expect(other.errors).toBeUndefined();
  });

  it('answers an absurdly long username like any wrong one', async () => {
    const answer = await attempt(platform, 'x'.repeat(100_000), 'whatever', '10.3.0.1');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.reason).toBe('BAD_CREDENTIALS');
  });
});
