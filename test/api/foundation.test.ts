import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { abilityFromPackedRules, subject } from '@xinfang/permissions';
import { DEMO_ACCOUNTS, bootstrapCounty } from '@xinfang/server';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

const SECRET = 'foundation-test-secret-foundation-test-secret';
const ALL_UNITS = [
  '示范县', '县群众工作局', '县信访督查组', '县纪委监委', '县自然资源局', '县人力资源和社会保障局', '县住房和城乡建设局',
  '县公安局', '县退役军人事务局', '城关镇', '青山乡', '河西镇', '东街社区', '西街社区', '石桥村', '青山村', '河西村', '柳湾村',
  '青山村一组', '青山村二组',
];

// account → the units it may see (docs/domain.md §3; README, "Who sees what").
const UNIT_SCOPE: Record<string, string[]> = {
  secretary: ALL_UNITS,
  magistrate: ALL_UNITS,
  bureau: ALL_UNITS,
  supervisor: ALL_UNITS,
  admin: ALL_UNITS,
  discipline: ['县纪委监委'],
  land: ['县自然资源局'],
  hrss: ['县人力资源和社会保障局'],
  chengguan: ['城关镇', '东街社区', '西街社区'],
  qingshan: ['青山乡', '石桥村', '青山村', '青山村一组', '青山村二组'],
  dongjie: ['东街社区'],
  shiqiao: ['石桥村'],
};

describe.each(DATABASE_MODES)('foundation on %s', (mode) => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  const token = (username: string) => tokens.get(username)!;
  let unitIds: Map<string, string>;
  let allUnits: Array<{ id: string; name: string; countyId: string; townshipId: string | null; villageId: string | null }>;

  beforeAll(async () => {
    platform = await startTestPlatform(mode, {
      jwtSecret: new TextEncoder().encode(SECRET),
      login: { slowAfter: 2, delayStepMs: 300, maxDelayMs: 300, lockAfterUser: 4, lockAfterAddress: 1000, windowSeconds: 900, lockSeconds: 120 },
    });
    // A second county beside the demo one: nothing of it may reach the demo county's users.
    await bootstrapCounty(platform.orm.em.fork(), { countyName: '邻县', adminUsername: 'neighbour-admin', adminPassword: 'neighbour-password' });
    tokens.set('neighbour-admin', await signIn(platform.url, 'neighbour-admin', 'neighbour-password'));
    for (const account of DEMO_ACCOUNTS) tokens.set(account.username, await signIn(platform.url, account.username));
    const all = await gql<{ units: typeof allUnits }>(platform.url, '{ units { id name countyId townshipId villageId } }', {}, token('bureau'));
    allUnits = all.data!.units;
    unitIds = new Map(allUnits.map((u) => [u.name, u.id]));
  });
  afterAll(async () => platform?.stop());

  describe('health', () => {
    it('answers /healthz and /readyz', async () => {
      expect((await fetch(`${platform.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${platform.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    });
  });

  describe('sign-in', () => {
    it.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('signs in %s and names its unit and roles', async (username, account) => {
      const answer = await gql(
        platform.url,
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt rules user { username roles unit { name } } } }`,
        { u: username.toUpperCase(), p: 'xinfang-demo' },
      );
      expect(answer.errors).toBeUndefined();
      const login = answer.data!.login;
      expect(login.user).toEqual({ username, roles: account.roles, unit: { name: account.unit } });
      expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const me = await gql(platform.url, '{ me { username roles unit { id name kind } } }', {}, login.token);
      expect(me.data!.me).toMatchObject({ username, roles: account.roles, unit: { name: account.unit } });
      // The packed rules rebuild, in the portal, the ability whose SQL filter the server applies.
      const ability = abilityFromPackedRules(login.rules);
      const visible = allUnits.filter((u) => ability.can('read', subject('Unit', { ...u }))).map((u) => u.name);
      expect(visible.sort()).toEqual([...UNIT_SCOPE[username]!].sort());
    });

    it('refuses a wrong password and an unknown user with the same answer', async () => {
      const wrong = await gql(platform.url, 'mutation { login(username: "land", password: "nope") { token } }');
      const unknown = await gql(platform.url, 'mutation { login(username: "nobody-here", password: "xinfang-demo") { token } }');
      for (const answer of [wrong, unknown]) {
        expect(codeOf(answer)).toBe('UNAUTHENTICATED');
        expect(answer.errors![0]!.extensions!.reason).toBe('BAD_CREDENTIALS');
        expect(answer.data).toBeNull();
      }
      expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
      expect(wrong.text).not.toMatch(/password is|no such user|unknown user/i);
    });

    it('slows repeated failures for one username, then refuses it for a while, even with the right password', async () => {
      const attempt = (password: string) => gql(platform.url, 'mutation($p: String!) { login(username: "hrss", password: $p) { token } }', { p: password });
      await attempt('bad-1');
      await attempt('bad-2');
      const started = Date.now();
      const third = await attempt('bad-3');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(third.errors![0]!.extensions!.reason).toBe('BAD_CREDENTIALS');
      await attempt('bad-4');
      const locked = await attempt('xinfang-demo');
      expect(codeOf(locked)).toBe('UNAUTHENTICATED');
      expect(locked.errors![0]!.extensions!.reason).toBe('LOGIN_LOCKED');
      expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(60);
      // Another account from the same address still signs in.
      expect(await signIn(platform.url, 'land')).toMatch(/^ey/);
    });

    it('answers a protected field without a token, with a forged token and with an expired one as UNAUTHENTICATED', async () => {
      const none = await gql(platform.url, '{ me { username } }');
      expect(codeOf(none)).toBe('UNAUTHENTICATED');
      const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('xinfang').setExpirationTime('1h')
        .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
      expect(codeOf(await gql(platform.url, '{ units { id } }', {}, forged))).toBe('UNAUTHENTICATED');
      const me = await gql(platform.url, '{ me { id } }', {}, token('bureau'));
      const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(me.data!.me.id).setIssuer('xinfang')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(new TextEncoder().encode(SECRET));
      const answer = await gql(platform.url, '{ me { id } }', {}, expired);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
      expect(answer.errors![0]!.extensions!.reason).toBe('SESSION_EXPIRED');
    });
  });

  describe('units: each account sees its own scope', () => {
    it.each(Object.entries(UNIT_SCOPE))('%s sees exactly its units', async (username, expected) => {
      const answer = await gql<{ units: Array<{ name: string }> }>(platform.url, '{ units { name } }', {}, token(username));
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.units.map((u) => u.name).sort()).toEqual([...expected].sort());
    });

    it('answers NOT_FOUND for a unit outside the scope, exactly as for one that does not exist', async () => {
      const outside = await gql(platform.url, 'query($id: ID!) { unit(id: $id) { name } }', { id: unitIds.get('城关镇') }, token('qingshan'));
      const missing = await gql(platform.url, 'query($id: ID!) { unit(id: $id) { name } }', { id: '00000000-0000-4000-8000-000000000000' }, token('qingshan'));
      const garbage = await gql(platform.url, 'query($id: ID!) { unit(id: $id) { name } }', { id: 'not-an-id' }, token('qingshan'));
      for (const answer of [outside, missing, garbage]) {
        expect(codeOf(answer)).toBe('NOT_FOUND');
        expect(answer.errors![0]!.message).toBe('Unit not found.');
      }
      expect(outside.text).not.toContain('城关镇');
      const inside = await gql(platform.url, 'query($id: ID!) { unit(id: $id) { name path { name } } }', { id: unitIds.get('石桥村') }, token('qingshan'));
      expect(inside.data!.unit).toEqual({ name: '石桥村', path: [{ name: '示范县' }, { name: '青山乡' }, { name: '石桥村' }] });
    });

    it('keeps each county to itself: the demo county sees none of 邻县, 邻县 none of the demo county', async () => {
      const neighbour = await gql<{ units: Array<{ id: string; name: string }> }>(platform.url, '{ units { id name } }', {}, token('neighbour-admin'));
      expect(neighbour.data!.units.map((u) => u.name).sort()).toEqual(['邻县', '邻县群众工作局', '邻县信访督查组'].sort());
      const neighbourCounty = neighbour.data!.units.find((u) => u.name === '邻县')!.id;
      for (const username of ['secretary', 'bureau', 'supervisor', 'admin']) {
        const answer = await gql(platform.url, 'query($id: ID!) { unit(id: $id) { name } }', { id: neighbourCounty }, token(username));
        expect(codeOf(answer)).toBe('NOT_FOUND');
      }
      const demoUsers = await gql(platform.url, '{ users(first: 200) { totalCount edges { node { username } } } }', {}, token('admin'));
      expect(demoUsers.text).not.toContain('neighbour-admin');
      const theirUsers = await gql(platform.url, '{ users { totalCount edges { node { username } } } }', {}, token('neighbour-admin'));
      expect(theirUsers.data!.users.edges.map((e: { node: { username: string } }) => e.node.username)).toEqual(['neighbour-admin']);
      // A unit of the other county answers as if it did not exist, also as a filter.
      const bySubtree = await gql(platform.url, 'query($id: ID!) { users(filter: { unitSubtreeOf: $id }) { totalCount } }', { id: neighbourCounty }, token('admin'));
      const byNothing = await gql(platform.url, 'query($id: ID!) { users(filter: { unitSubtreeOf: $id }) { totalCount } }', { id: '00000000-0000-4000-8000-000000000000' }, token('admin'));
      expect(codeOf(bySubtree)).toBe('NOT_FOUND');
      expect(bySubtree.errors![0]!.message).toBe(byNothing.errors![0]!.message);
      const demoAdminId = (await gql(platform.url, '{ me { id } }', {}, token('admin'))).data!.me.id;
      expect(codeOf(await gql(platform.url, 'query($id: ID!) { user(id: $id) { username } }', { id: demoAdminId }, token('neighbour-admin')))).toBe('NOT_FOUND');
    });

    it('narrows to a subtree and by kind, inside the scope only', async () => {
      const sub = await gql<{ units: Array<{ name: string }> }>(
        platform.url,
        'query($id: ID!) { units(filter: { subtreeOf: $id, kinds: [VILLAGE] }) { name } }',
        { id: unitIds.get('城关镇') },
        token('bureau'),
      );
      expect(sub.data!.units.map((u) => u.name).sort()).toEqual(['东街社区', '西街社区']);
      const outside = await gql(platform.url, 'query($id: ID!) { units(filter: { subtreeOf: $id }) { name } }', { id: unitIds.get('城关镇') }, token('shiqiao'));
      expect(codeOf(outside)).toBe('NOT_FOUND');
    });

    it('gives each unit its place in the tree', async () => {
      const me = await gql(platform.url, '{ me { unit { name depth path { name kind } } } }', {}, token('shiqiao'));
      expect(me.data!.me.unit).toEqual({
        name: '石桥村',
        depth: 2,
        path: [{ name: '示范县', kind: 'COUNTY' }, { name: '青山乡', kind: 'TOWNSHIP' }, { name: '石桥村', kind: 'VILLAGE' }],
      });
    });
  });

  describe('users: the administrator only', () => {
    it('lists every account to the administrator, page by page', async () => {
      const first = await gql(platform.url, '{ users(first: 5) { totalCount edges { node { username unit { name } } } pageInfo { hasNextPage endCursor } } }', {}, token('admin'));
      expect(first.errors).toBeUndefined();
      expect(first.data!.users.totalCount).toBe(DEMO_ACCOUNTS.length);
      expect(first.data!.users.edges).toHaveLength(5);
      expect(first.data!.users.pageInfo.hasNextPage).toBe(true);
      const names: string[] = first.data!.users.edges.map((e: { node: { username: string } }) => e.node.username);
      let after = first.data!.users.pageInfo.endCursor;
      for (;;) {
        const page = await gql(platform.url, 'query($a: String) { users(first: 5, after: $a) { edges { node { username } } pageInfo { hasNextPage endCursor } } }', { a: after }, token('admin'));
        names.push(...page.data!.users.edges.map((e: { node: { username: string } }) => e.node.username));
        if (!page.data!.users.pageInfo.hasNextPage) break;
        after = page.data!.users.pageInfo.endCursor;
      }
      expect(names.sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
      const townships = await gql(platform.url, '{ users(filter: { role: TOWNSHIP }) { totalCount edges { node { username } } } }', {}, token('admin'));
      expect(townships.data!.users.edges.map((e: { node: { username: string } }) => e.node.username)).toEqual(['chengguan', 'qingshan']);
      const inQingshan = await gql(platform.url, 'query($id: ID!) { users(filter: { unitSubtreeOf: $id }) { totalCount } }', { id: unitIds.get('青山乡') }, token('admin'));
      expect(inQingshan.data!.users.totalCount).toBe(2);
    });

    it.each(DEMO_ACCOUNTS.filter((a) => a.username !== 'admin').map((a) => a.username))('refuses the account list to %s', async (username) => {
      const list = await gql(platform.url, '{ users { totalCount } }', {}, token(username));
      expect(codeOf(list)).toBe('FORBIDDEN');
      expect(list.text).not.toContain('xinfang-demo');
      const me = await gql(platform.url, '{ me { id } }', {}, token(username));
      const one = await gql(platform.url, 'query($id: ID!) { user(id: $id) { username } }', { id: me.data!.me.id }, token(username));
      expect(codeOf(one)).toBe('FORBIDDEN');
    });

    it('rejects a page size out of bounds as BAD_USER_INPUT', async () => {
      for (const n of [0, 201, -1]) {
        const answer = await gql(platform.url, 'query($n: Int) { users(first: $n) { totalCount } }', { n }, token('admin'));
        expect(codeOf(answer)).toBe('BAD_USER_INPUT');
        expect(answer.errors![0]!.message).toContain('between 1 and 200');
      }
      const cursor = await gql(platform.url, '{ users(after: "rubbish!") { totalCount } }', {}, token('admin'));
      expect(codeOf(cursor)).toBe('BAD_USER_INPUT');
    });
  });
});
