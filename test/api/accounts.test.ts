import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';

const USER_FIELDS = 'id version username displayName roles active unit { name }';

describe.each(DATABASE_MODES)('accounts and units, managed by the administrator, on %s', (mode) => {
  let platform: TestPlatform;
  let admin: string;
  const unitId = new Map<string, string>();
  const countUsers = async () => (await gql(platform.url, '{ users { totalCount } }', {}, admin)).data!.users.totalCount as number;

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    admin = await signIn(platform.url, 'admin');
    const units = await gql(platform.url, '{ units { id name } }', {}, admin);
    for (const u of units.data!.units) unitId.set(u.name, u.id);
  });
  afterAll(async () => platform?.stop());

  const createUser = (input: Record<string, unknown>, token = admin) =>
    gql(platform.url, `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`, { input }, token);

  it('creates an account that can sign in and sees its own scope', async () => {
    const answer = await createUser({ username: 'Li.Ming', displayName: ' 李明 ', unitId: unitId.get('青山村'), roles: ['VILLAGE'], password: 'qingshan-village-1' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.createUser).toMatchObject({ username: 'li.ming', displayName: '李明', roles: ['VILLAGE'], active: true, unit: { name: '青山村' } });
    const token = await signIn(platform.url, 'li.ming', 'qingshan-village-1');
    const units = await gql(platform.url, '{ units { name } }', {}, token);
    expect(units.data!.units.map((u: { name: string }) => u.name).sort()).toEqual(['青山村', '青山村一组', '青山村二组'].sort());
  });

  it('refuses bad accounts with BAD_USER_INPUT and writes nothing', async () => {
    const before = await countUsers();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ username: 'x', displayName: '短', unitId: unitId.get('青山乡'), roles: ['TOWNSHIP'], password: 'long-enough-1' }, 'username'],
      [{ username: 'short-pass', displayName: '张三', unitId: unitId.get('青山乡'), roles: ['TOWNSHIP'], password: 'short' }, 'password'],
      [{ username: 'same-as-name', displayName: '张三', unitId: unitId.get('青山乡'), roles: ['TOWNSHIP'], password: 'same-as-name' }, 'password'],
      [{ username: 'misfit', displayName: '张三', unitId: unitId.get('青山乡'), roles: ['BUREAU'], password: 'long-enough-1' }, 'roles'],
      [{ username: 'no-roles', displayName: '张三', unitId: unitId.get('青山乡'), roles: [], password: 'long-enough-1' }, 'roles'],
      [{ username: 'qingshan', displayName: '重名', unitId: unitId.get('青山乡'), roles: ['TOWNSHIP'], password: 'long-enough-1' }, 'username'],
      [{ username: 'blank-name', displayName: '   ', unitId: unitId.get('青山乡'), roles: ['TOWNSHIP'], password: 'long-enough-1' }, 'displayName'],
    ];
    for (const [input, field] of cases) {
      const answer = await createUser(input);
      expect(codeOf(answer), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0]!.extensions!.field).toBe(field);
    }
    const outside = await createUser({ username: 'nowhere', displayName: '无', unitId: '00000000-0000-4000-8000-000000000000', roles: ['TOWNSHIP'], password: 'long-enough-1' });
    expect(codeOf(outside)).toBe('NOT_FOUND');
    expect(await countUsers()).toBe(before);
  });

  it.each(['bureau', 'secretary', 'qingshan', 'shiqiao', 'supervisor'])('refuses account and unit changes to %s', async (username) => {
    const token = await signIn(platform.url, username);
    const me = (await gql(platform.url, '{ me { id version } }', {}, token)).data!.me;
    expect(codeOf(await createUser({ username: `by-${username}`, displayName: '某', unitId: unitId.get('青山乡'), roles: ['TOWNSHIP'], password: 'long-enough-1' }, token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(platform.url, 'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { roles: [ADMIN] }) { id } }', { id: me.id, v: me.version }, token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(platform.url, 'mutation($id: ID!) { createUnit(input: { name: "新村", kind: VILLAGE, parentId: $id }) { id } }', { id: unitId.get('青山乡') }, token))).toBe('FORBIDDEN');
  });

  it('refuses a change made from a stale version with CONFLICT and keeps the newer one', async () => {
    const created = (await createUser({ username: 'wang.fang', displayName: '王芳', unitId: unitId.get('城关镇'), roles: ['TOWNSHIP'], password: 'chengguan-pass-1' })).data!.createUser;
    const update = (version: number, displayName: string) =>
      gql(platform.url, `mutation($id: ID!, $v: Int!, $n: String!) { updateUser(id: $id, version: $v, input: { displayName: $n }) { ${USER_FIELDS} } }`, { id: created.id, v: version, n: displayName }, admin);
    const first = await update(created.version, '王芳（城关）');
    expect(first.data!.updateUser.version).toBe(created.version + 1);
    const stale = await update(created.version, '被覆盖');
    expect(codeOf(stale)).toBe('CONFLICT');
    const now = await gql(platform.url, 'query($id: ID!) { user(id: $id) { displayName version } }', { id: created.id }, admin);
    expect(now.data!.user).toEqual({ displayName: '王芳（城关）', version: created.version + 1 });
  });

  it('lets exactly one of two simultaneous changes of the same version win', async () => {
    const created = (await createUser({ username: 'zhao.lei', displayName: '赵磊', unitId: unitId.get('河西镇'), roles: ['TOWNSHIP'], password: 'hexi-password-1' })).data!.createUser;
    const answers = await Promise.all(
      ['甲', '乙', '丙'].map((n) =>
        gql(platform.url, 'mutation($id: ID!, $v: Int!, $n: String!) { updateUser(id: $id, version: $v, input: { displayName: $n }) { displayName } }', { id: created.id, v: created.version, n }, admin),
      ),
    );
    const won = answers.filter((a) => !a.errors);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => codeOf(a) === 'CONFLICT')).toHaveLength(2);
    const now = await gql(platform.url, 'query($id: ID!) { user(id: $id) { displayName } }', { id: created.id }, admin);
    expect(now.data!.user.displayName).toBe(won[0]!.data!.updateUser.displayName);
  });

  it('ends the sessions of a deactivated account, and lets it in again once reactivated', async () => {
    const created = (await createUser({ username: 'chen.jie', displayName: '陈杰', unitId: unitId.get('县公安局'), roles: ['DEPARTMENT'], password: 'police-password-1' })).data!.createUser;
    const token = await signIn(platform.url, 'chen.jie', 'police-password-1');
    const off = await gql(platform.url, 'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { active: false }) { active version } }', { id: created.id, v: created.version }, admin);
    expect(off.data!.updateUser.active).toBe(false);
    const refused = await gql(platform.url, '{ me { id } }', {}, token);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    const login = await gql(platform.url, 'mutation { login(username: "chen.jie", password: "police-password-1") { token } }');
    expect(login.errors![0]!.extensions!.reason).toBe('BAD_CREDENTIALS');
    await gql(platform.url, 'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { active: true }) { active } }', { id: created.id, v: off.data!.updateUser.version }, admin);
    expect(await signIn(platform.url, 'chen.jie', 'police-password-1')).toMatch(/^ey/);
  });

  it('will not let the administrator lock itself out', async () => {
    const me = (await gql(platform.url, '{ me { id version } }', {}, admin)).data!.me;
    const off = await gql(platform.url, 'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { active: false }) { id } }', { id: me.id, v: me.version }, admin);
    expect(off.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SELF_LOCKOUT' });
    const demote = await gql(platform.url, 'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { roles: [COUNTY_LEADER] }) { id } }', { id: me.id, v: me.version }, admin);
    expect(demote.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SELF_LOCKOUT' });
  });

  it('resets a password: the old one and the sessions signed in with it end', async () => {
    const created = (await createUser({ username: 'sun.li', displayName: '孙丽', unitId: unitId.get('县退役军人事务局'), roles: ['DEPARTMENT'], password: 'veterans-pass-1' })).data!.createUser;
    const oldToken = await signIn(platform.url, 'sun.li', 'veterans-pass-1');
    const reset = await gql(platform.url, 'mutation($id: ID!, $v: Int!) { resetUserPassword(id: $id, version: $v, password: "veterans-pass-2") { version } }', { id: created.id, v: created.version }, admin);
    expect(reset.errors).toBeUndefined();
    const old = await gql(platform.url, '{ me { id } }', {}, oldToken);
    expect(old.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    expect(codeOf(await gql(platform.url, 'mutation { login(username: "sun.li", password: "veterans-pass-1") { token } }'))).toBe('UNAUTHENTICATED');
    expect(await signIn(platform.url, 'sun.li', 'veterans-pass-2')).toMatch(/^ey/);
  });

  it('lets every user change its own password, and hands back a new session', async () => {
    await createUser({ username: 'zhou.min', displayName: '周敏', unitId: unitId.get('东街社区'), roles: ['VILLAGE'], password: 'dongjie-pass-1' });
    const token = await signIn(platform.url, 'zhou.min', 'dongjie-pass-1');
    const change = (current: string, next: string, t = token) =>
      gql(platform.url, 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { username } } }', { c: current, n: next }, t);
    const wrong = await change('not-my-password', 'dongjie-pass-2');
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD' });
    expect(codeOf(await change('dongjie-pass-1', 'short'))).toBe('BAD_USER_INPUT');
    // Refusals changed nothing: the old password and session still work.
    expect((await gql(platform.url, '{ me { username } }', {}, token)).data!.me.username).toBe('zhou.min');
    const done = await change('dongjie-pass-1', 'dongjie-pass-2');
    expect(done.data!.changePassword.user.username).toBe('zhou.min');
    expect(codeOf(await gql(platform.url, '{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    expect((await gql(platform.url, '{ me { username } }', {}, done.data!.changePassword.token)).data!.me.username).toBe('zhou.min');
    expect(await signIn(platform.url, 'zhou.min', 'dongjie-pass-2')).toMatch(/^ey/);
  });

  it('adds units under the right kind of parent, and they fall into the right scopes', async () => {
    const created = await gql(platform.url, 'mutation($p: ID!) { createUnit(input: { name: "新村", kind: VILLAGE, parentId: $p }) { id name kind version townshipId path { name } } }', { p: unitId.get('青山乡') }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createUnit).toMatchObject({ name: '新村', kind: 'VILLAGE', townshipId: unitId.get('青山乡'), path: [{ name: '示范县' }, { name: '青山乡' }, { name: '新村' }] });
    const qingshan = await signIn(platform.url, 'qingshan');
    const seen = await gql(platform.url, '{ units { name } }', {}, qingshan);
    expect(seen.data!.units.map((u: { name: string }) => u.name)).toContain('新村');
    const chengguan = await signIn(platform.url, 'chengguan');
    expect((await gql(platform.url, '{ units { name } }', {}, chengguan)).text).not.toContain('新村');

    const wrongParent = await gql(platform.url, 'mutation($p: ID!) { createUnit(input: { name: "错村", kind: VILLAGE, parentId: $p }) { id } }', { p: unitId.get('示范县') }, admin);
    expect(wrongParent.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_PARENT_KIND' });
    const twin = await gql(platform.url, 'mutation($p: ID!) { createUnit(input: { name: "石桥村", kind: VILLAGE, parentId: $p }) { id } }', { p: unitId.get('青山乡') }, admin);
    expect(twin.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NAME_TAKEN' });

    const id = created.data!.createUnit.id;
    const renamed = await gql(platform.url, 'mutation($id: ID!, $v: Int!) { updateUnit(id: $id, version: $v, input: { name: "新建村" }) { name version } }', { id, v: created.data!.createUnit.version }, admin);
    expect(renamed.data!.updateUnit.name).toBe('新建村');
    const stale = await gql(platform.url, 'mutation($id: ID!, $v: Int!) { updateUnit(id: $id, version: $v, input: { name: "旧名" }) { name } }', { id, v: created.data!.createUnit.version }, admin);
    expect(codeOf(stale)).toBe('CONFLICT');
  });
});
