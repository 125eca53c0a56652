import { flushPromises, mount } from '@vue/test-utils';
import { defineAbilityFor } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TreeUnitFragment, UserRowFragment } from '@/gql/graphql';
import { byTestId, click, formItemOf, mustFind, textOf, typeInto } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import UserFormDialog from './UserFormDialog.vue';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const HEXI = '22222222-2222-4222-8222-222222222222';
const HEXI_VILLAGE = '33333333-3333-4333-8333-333333333333';
const BUREAU = '44444444-4444-4444-8444-444444444444';

const unit = (id: string, name: string, kind: TreeUnitFragment['kind'], parentId: string | null, depth: number): TreeUnitFragment => ({
  id,
  name,
  kind,
  parentId,
  depth,
  sortOrder: 0,
  version: 1,
});
const UNITS = [
  unit(COUNTY, '示范县', 'COUNTY', null, 0),
  unit(BUREAU, '县群众工作局', 'BUREAU', COUNTY, 1),
  unit(HEXI, '河西镇', 'TOWNSHIP', COUNTY, 1),
  unit(HEXI_VILLAGE, '河西村', 'VILLAGE', HEXI, 2),
];

const admin = () => defineAbilityFor({ id: 'admin', roles: ['ADMIN'], unitId: COUNTY, unitKind: 'COUNTY', countyId: COUNTY, townshipId: null, villageId: null });

const created = (input: Record<string, unknown>): UserRowFragment => ({
  id: '99999999-9999-4999-8999-999999999999',
  username: String(input.username),
  displayName: String(input.displayName),
  roles: input.roles as UserRowFragment['roles'],
  active: true,
  lastLoginAt: null,
  version: 1,
  unitId: HEXI,
  unit: { id: HEXI, name: '河西镇', kind: 'TOWNSHIP' },
});

async function openDialog(handlers: FakeHandlers = {}, user: UserRowFragment | null = null) {
  const server = fakeServer(handlers);
  const { plugins } = portalPlugins(admin(), server);
  const wrapper = mount(UserFormDialog, {
    props: { user, units: UNITS, modelValue: false, 'onUpdate:modelValue': (v: boolean) => wrapper.setProps({ modelValue: v }) },
    global: { plugins },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return { wrapper, server };
}

/** Picks a unit in the tree-select's drop-down, as a click would. */
async function pickUnit(name: string): Promise<void> {
  await click(mustFind('[data-testid="user-unit"]').closest('.el-select') ?? mustFind('[data-testid="user-unit"]'));
  const node = [...document.querySelectorAll('.user-unit-popper .el-tree-node__content')].find((n) => n.textContent?.includes(name));
  if (!node) throw new Error(`No unit ${name} in the drop-down`);
  await click(node);
}

const roleBoxes = () => [...document.querySelectorAll('[data-testid="user-roles"] .el-checkbox')].map((box) => ({
  label: box.textContent?.trim(),
  checked: box.classList.contains('is-checked'),
}));

async function submit(): Promise<void> {
  await click('user-submit');
  // Element Plus validates asynchronously and shows a field's message a moment later.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await flushPromises();
}

describe('the account form', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('refuses a bad username and a short password without asking the server', async () => {
    const { server } = await openDialog();
    await typeInto('user-username', 'Ab');
    await typeInto('user-display-name', '测试员');
    await pickUnit('河西镇');
    await typeInto('user-password', 'short');
    await submit();

    await vi.waitFor(() => expect(formItemOf('user-username')).toContain('用户名须为 3–32 位小写字母'));
    await vi.waitFor(() => expect(formItemOf('user-password')).toContain('密码至少 10 位'));
    expect(server.callsOf('CreateUser')).toEqual([]);

    // Characters outside the pattern, and a password that is the username.
    await typeInto('user-username', 'tester 01');
    await typeInto('user-password', 'tester0001');
    await submit();
    await vi.waitFor(() => expect(formItemOf('user-username')).toContain('用户名须为'));
    await typeInto('user-username', 'Tester0001');
    await submit();
    await vi.waitFor(() => expect(formItemOf('user-password')).toContain('密码不能与用户名相同'));
    expect(server.callsOf('CreateUser')).toEqual([]);
  });

  it('asks for every field', async () => {
    const { server } = await openDialog();
    await submit();
    await vi.waitFor(() => expect(formItemOf('user-username')).toContain('请输入用户名'));
    await vi.waitFor(() => expect(formItemOf('user-display-name')).toContain('请输入姓名'));
    await vi.waitFor(() => expect(textOf('user-dialog')).toContain('请选择所属单位'));
    await vi.waitFor(() => expect(formItemOf('user-password')).toContain('请输入密码'));
    expect(textOf('user-roles-empty')).toBe('请先选择所属单位');
    expect(server.calls).toEqual([]);
  });

  it('offers only the roles that fit the chosen unit’s kind', async () => {
    await openDialog();
    expect(byTestId('user-roles')).toBeNull();

    // A township: one role fits, and it is chosen.
    await pickUnit('河西镇');
    expect(roleBoxes()).toEqual([{ label: '镇乡', checked: true }]);

    // The county: a leader or the administrator, neither chosen for the user.
    await pickUnit('示范县');
    expect(roleBoxes()).toEqual([
      { label: '县领导', checked: false },
      { label: '系统管理员', checked: false },
    ]);
    await click(mustFind('[data-testid="user-role-ADMIN"]').closest('label') ?? mustFind('[data-testid="user-role-ADMIN"]'));
    expect(roleBoxes().filter((b) => b.checked).map((b) => b.label)).toEqual(['系统管理员']);

    // A village: the administrator's role goes, the village's comes.
    await pickUnit('河西村');
    expect(roleBoxes()).toEqual([{ label: '村(居)', checked: true }]);
    await pickUnit('县群众工作局');
    expect(roleBoxes()).toEqual([{ label: '群众工作局', checked: true }]);
  });

  it('creates the account, lower-cased, and says so', async () => {
    const { wrapper, server } = await openDialog({ CreateUser: (v) => ({ data: { createUser: created(v.input as Record<string, unknown>) } }) });
    await typeInto('user-username', ' Tester01 ');
    await typeInto('user-display-name', ' 测试员 ');
    await pickUnit('河西镇');
    await typeInto('user-password', 'hexi-secret-1');
    await submit();

    await vi.waitFor(() => expect(server.callsOf('CreateUser')).toHaveLength(1));
    expect(server.callsOf('CreateUser')[0]).toEqual({
      input: { username: 'tester01', displayName: '测试员', unitId: HEXI, roles: ['TOWNSHIP'], password: 'hexi-secret-1' },
    });
    await vi.waitFor(() => expect(textOf()).toContain('已创建账号：tester01'));
    expect(wrapper.emitted('saved')?.[0]?.[0]).toMatchObject({ username: 'tester01' });
    expect(wrapper.props('modelValue')).toBe(false);
  });

  it('generates a random 14-character password and shows it', async () => {
    await openDialog();
    const input = mustFind<HTMLInputElement>('[data-testid="user-password"]');
    expect(input.type).toBe('password');
    await click('user-password-generate');
    expect(input.value).toHaveLength(14);
    expect(input.type).toBe('text');
    const first = input.value;
    await click('user-password-generate');
    expect(input.value).not.toBe(first);
    await click('user-password-toggle');
    expect(input.type).toBe('password');
  });

  it('shows the server’s refusal beside the field it names', async () => {
    const { server } = await openDialog({
      CreateUser: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'USERNAME_TAKEN', field: 'username' } }),
    });
    await typeInto('user-username', 'qingshan');
    await typeInto('user-display-name', '重复');
    await pickUnit('河西镇');
    await typeInto('user-password', 'hexi-secret-1');
    await submit();

    await vi.waitFor(() => expect(formItemOf('user-username')).toContain('用户名已被使用'));
    expect(server.callsOf('CreateUser')).toHaveLength(1);
    expect(byTestId('user-form-error')).toBeNull();
    // Editing the field takes the server's word back.
    await typeInto('user-username', 'qingshan2');
    expect(formItemOf('user-username')).not.toContain('用户名已被使用');
  });

  it('edits an account: no username or password, the version sent back', async () => {
    const row = { ...created({ username: 'tester01', displayName: '测试员', roles: ['TOWNSHIP'] }), version: 4 };
    const { server } = await openDialog({ UpdateUser: (v) => ({ data: { updateUser: { ...row, displayName: (v.input as { displayName: string }).displayName, version: 5 } } }) }, row);
    expect(mustFind<HTMLInputElement>('[data-testid="user-username"]').disabled).toBe(true);
    expect(byTestId('user-password')).toBeNull();
    expect(roleBoxes()).toEqual([{ label: '镇乡', checked: true }]);
    await typeInto('user-display-name', '河西镇测试员');
    await submit();

    await vi.waitFor(() => expect(server.callsOf('UpdateUser')).toHaveLength(1));
    expect(server.callsOf('UpdateUser')[0]).toEqual({
      id: row.id,
      version: 4,
      input: { displayName: '河西镇测试员', unitId: HEXI, roles: ['TOWNSHIP'] },
    });
  });
});
