import { mount } from '@vue/test-utils';
import { createAbility, defineAbilityFor, packAbilityRules, type AppAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserRowFragment } from '@/gql/graphql';
import { byTestId, click, mustFind, textOf, typeInto } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import UsersPage from './UsersPage.vue';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const BUREAU = '44444444-4444-4444-8444-444444444444';
const ADMIN_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const BUREAU_USER = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const row = (over: Partial<UserRowFragment>): UserRowFragment => ({
  id: BUREAU_USER,
  username: 'bureau',
  displayName: '群众工作局登记员',
  roles: ['BUREAU'],
  active: true,
  lastLoginAt: null,
  version: 3,
  unitId: BUREAU,
  unit: { id: BUREAU, name: '县群众工作局', kind: 'BUREAU' },
  ...over,
});
const ROWS = [
  row({ id: ADMIN_ID, username: 'admin', displayName: '系统管理员', roles: ['ADMIN'], unitId: COUNTY, unit: { id: COUNTY, name: '示范县', kind: 'COUNTY' }, version: 1 }),
  row({}),
];

const usersAnswer = (rows: UserRowFragment[]) => ({
  data: {
    users: {
      totalCount: rows.length,
      edges: rows.map((node) => ({ cursor: node.id, node })),
      pageInfo: { endCursor: null, hasNextPage: false },
    },
  },
});
const UNITS = {
  data: {
    units: [
      { id: COUNTY, name: '示范县', kind: 'COUNTY', parentId: null, depth: 0, sortOrder: 0, version: 1 },
      { id: BUREAU, name: '县群众工作局', kind: 'BUREAU', parentId: COUNTY, depth: 1, sortOrder: 0, version: 1 },
    ],
  },
};

const adminUser = { id: ADMIN_ID, roles: ['ADMIN'] as const, unitId: COUNTY, unitKind: 'COUNTY' as const, countyId: COUNTY, townshipId: null, villageId: null };
const admin = () => defineAbilityFor(adminUser);

async function renderPage(ability: AppAbility, handlers: FakeHandlers = {}) {
  const server = fakeServer({ Users: () => usersAnswer(ROWS), Units: () => UNITS, ...handlers });
  const { plugins } = portalPlugins(ability, server);
  // The administrator is signed in: the page knows its own row.
  localStorage.setItem(
    'xinfang.session',
    JSON.stringify({
      token: 't',
      expiresAt: '2099-01-01T00:00:00.000Z',
      rules: packAbilityRules(ability),
      user: { id: ADMIN_ID, username: 'admin', displayName: '系统管理员', roles: ['ADMIN'], unitId: COUNTY, unit: { id: COUNTY, name: '示范县', kind: 'COUNTY', countyId: COUNTY, townshipId: null, villageId: null, path: [] } },
    }),
  );
  const wrapper = mount(UsersPage, { global: { plugins }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.findAll('.el-table__body tr')).toHaveLength(ROWS.length));
  return { wrapper, server };
}

const rowOf = (username: string) => {
  const tr = [...document.querySelectorAll('.el-table__body tr')].find((r) => r.querySelector('td')?.textContent?.trim() === username);
  if (!tr) throw new Error(`No row for ${username}`);
  return tr;
};

describe('the users page', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('gives the administrator 新建账号 and the row actions', async () => {
    const { wrapper } = await renderPage(admin());
    expect(wrapper.find('[data-testid="user-create"]').text()).toBe('新建账号');
    const actions = [...rowOf('bureau').querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(actions).toEqual(['编辑', '重置密码', '停用']);
    // Its own account cannot be disabled from here.
    expect(rowOf('admin').querySelector<HTMLButtonElement>('[data-testid="user-toggle-active"]')?.disabled).toBe(true);
  });

  it('shows someone who may only read the accounts no button to change them', async () => {
    const { wrapper, server } = await renderPage(createAbility([{ action: 'read', subject: 'User' }]));
    expect(wrapper.find('[data-testid="user-create"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="user-edit"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="user-reset-password"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="user-toggle-active"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('操作');
    // Nor does it read the unit tree that only the forms need.
    expect(server.callsOf('Units')).toEqual([]);
  });

  it('says a stale edit was overtaken, reloads the list and closes the form', async () => {
    const { server } = await renderPage(admin(), { UpdateUser: () => ({ error: { code: 'CONFLICT' } }) });
    expect(server.callsOf('Users')).toHaveLength(1);
    await click(rowOf('bureau').querySelector('[data-testid="user-edit"]')!);
    await typeInto('user-display-name', '群众工作局接访员');
    await click('user-submit');

    await vi.waitFor(() => expect(server.callsOf('UpdateUser')).toHaveLength(1));
    expect(server.callsOf('UpdateUser')[0]).toMatchObject({ id: BUREAU_USER, version: 3 });
    await vi.waitFor(() => expect(textOf()).toContain('数据已被他人修改，请刷新后重试'));
    await vi.waitFor(() => expect(server.callsOf('Users')).toHaveLength(2));
    await vi.waitFor(() => expect(mustFind('[data-testid="user-dialog"]').closest('.el-overlay')?.getAttribute('style') ?? '').toContain('display: none'));
  });

  it('disables an account after asking, with the row’s version', async () => {
    const { server } = await renderPage(admin(), {
      UpdateUser: (v) => ({ data: { updateUser: { ...ROWS[1]!, active: (v.input as { active: boolean }).active, version: 4 } } }),
    });
    await click(rowOf('bureau').querySelector('[data-testid="user-toggle-active"]')!);
    await vi.waitFor(() => expect(textOf()).toContain('确定停用账号 bureau（群众工作局登记员）吗？'));
    await click(mustFind('.el-message-box__btns .el-button--primary'));

    await vi.waitFor(() => expect(server.callsOf('UpdateUser')).toEqual([{ id: BUREAU_USER, version: 3, input: { active: false } }]));
    await vi.waitFor(() => expect(textOf()).toContain('已停用账号：bureau'));
    expect(server.callsOf('Users')).toHaveLength(2);
  });

  it('on a stale disable says so and reloads', async () => {
    const { server } = await renderPage(admin(), { UpdateUser: () => ({ error: { code: 'CONFLICT' } }) });
    await click(rowOf('bureau').querySelector('[data-testid="user-toggle-active"]')!);
    await vi.waitFor(() => expect(textOf()).toContain('确定停用账号 bureau'));
    await click(mustFind('.el-message-box__btns .el-button--primary'));
    await vi.waitFor(() => expect(textOf()).toContain('数据已被他人修改，请刷新后重试'));
    await vi.waitFor(() => expect(server.callsOf('Users')).toHaveLength(2));
  });

  it('resets a password and shows the new one once', async () => {
    const { server } = await renderPage(admin(), {
      ResetUserPassword: () => ({ data: { resetUserPassword: { ...ROWS[1]!, version: 4 } } }),
    });
    await click(rowOf('bureau').querySelector('[data-testid="user-reset-password"]')!);
    await typeInto('reset-password', 'short');
    await click('reset-submit');
    await vi.waitFor(() => expect(textOf('reset-dialog')).toContain('密码至少 10 位'));
    expect(server.callsOf('ResetUserPassword')).toEqual([]);

    await click('reset-password-generate');
    const password = mustFind<HTMLInputElement>('[data-testid="reset-password"]').value;
    await click('reset-submit');
    await vi.waitFor(() => expect(server.callsOf('ResetUserPassword')).toEqual([{ id: BUREAU_USER, version: 3, password }]));
    await vi.waitFor(() => expect(textOf('reset-new-password')).toBe(password));
    expect(textOf('reset-done')).toContain('密码已重置');

    // It is shown once: the next opening asks afresh.
    await click('reset-close');
    await click(rowOf('bureau').querySelector('[data-testid="user-reset-password"]')!);
    await vi.waitFor(() => expect(byTestId('reset-new-password')).toBeNull());
    expect(mustFind<HTMLInputElement>('[data-testid="reset-password"]').value).toBe('');
  });
});
