import { flushPromises, mount } from '@vue/test-utils';
import { defineAbilityFor, packAbilityRules, subject } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUserFragment } from '@/gql/graphql';
import { byTestId, click, formItemOf, textOf, typeInto } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import MainLayout from '@/layouts/MainLayout.vue';
import { ability } from './ability';
import { useAuthStore } from './auth.store';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const HEXI = '22222222-2222-4222-8222-222222222222';

const tester: SessionUserFragment = {
  id: '99999999-9999-4999-8999-999999999999',
  username: 'tester01',
  displayName: '测试员',
  roles: ['TOWNSHIP'],
  unitId: HEXI,
  unit: { id: HEXI, name: '河西镇', kind: 'TOWNSHIP', countyId: COUNTY, townshipId: HEXI, villageId: null, path: [] },
};
const rules = packAbilityRules(
  defineAbilityFor({ id: tester.id, roles: ['TOWNSHIP'], unitId: HEXI, unitKind: 'TOWNSHIP', countyId: COUNTY, townshipId: HEXI, villageId: null }),
);
const newSession = { token: 'token-2', expiresAt: '2099-02-01T00:00:00.000Z', rules, user: { ...tester, displayName: '河西镇测试员' } };

/** The layout of a signed-in tester01, with the header's account menu. */
async function renderSignedIn(handlers: FakeHandlers) {
  localStorage.setItem('xinfang.session', JSON.stringify({ token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', rules: [], user: tester }));
  const server = fakeServer(handlers);
  const { plugins, router } = portalPlugins(ability, server);
  await router.push('/login');
  const wrapper = mount(MainLayout, { global: { plugins, stubs: { RouterView: true } }, attachTo: document.body });
  await flushPromises();
  return { wrapper, server };
}

async function openDialog(): Promise<void> {
  await click('user-menu');
  await vi.waitFor(() => expect(byTestId('change-password')).not.toBeNull());
  await click('change-password');
  await vi.waitFor(() => expect(byTestId('password-current')).not.toBeNull());
}

async function fill(current: string, next: string, confirm = next): Promise<void> {
  await typeInto('password-current', current);
  await typeInto('password-new', next);
  await typeInto('password-confirm', confirm);
  await click('password-submit');
}

describe('changing one’s own password', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('is offered in the header’s account menu, beside signing out', async () => {
    await renderSignedIn({});
    expect(textOf('current-user')).toBe('测试员');
    await click('user-menu');
    await vi.waitFor(() => expect(textOf('change-password')).toBe('修改密码'));
    expect(textOf('logout')).toBe('退出登录');
  });

  it('checks the new password before asking the server', async () => {
    const { server } = await renderSignedIn({});
    await openDialog();
    await fill('xinfang-demo', 'short');
    await vi.waitFor(() => expect(formItemOf('password-new')).toContain('密码至少 10 位'));

    await fill('xinfang-demo', 'xinfang-demo');
    await vi.waitFor(() => expect(formItemOf('password-new')).toContain('新密码不能与当前密码相同'));

    await fill('xinfang-demo', 'hexi-secret-2', 'hexi-secret-3');
    await vi.waitFor(() => expect(formItemOf('password-confirm')).toContain('两次输入的新密码不一致'));
    expect(server.calls).toEqual([]);
  });

  it('shows a wrong current password beside that field', async () => {
    const { server } = await renderSignedIn({
      ChangePassword: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD', field: 'currentPassword' } }),
    });
    await openDialog();
    await fill('not-my-password', 'hexi-secret-2');
    await vi.waitFor(() => expect(formItemOf('password-current')).toContain('当前密码不正确'));
    expect(server.callsOf('ChangePassword')).toEqual([{ currentPassword: 'not-my-password', newPassword: 'hexi-secret-2' }]);
    expect(useAuthStore().token).toBe('token-1');
    // Typing again takes the server's word back.
    await typeInto('password-current', 'xinfang-demo');
    await new Promise((r) => setTimeout(r, 300));
    console.log('CLASS', document.querySelector('[data-testid="password-current"]')!.closest('.el-form-item')!.className, formItemOf('password-current'));
  });

  it('takes the new session the server answers and says so', async () => {
    await renderSignedIn({ ChangePassword: () => ({ data: { changePassword: newSession } }) });
    const auth = useAuthStore();
    expect(ability.can('read', subject('Unit', { id: HEXI, countyId: COUNTY, townshipId: HEXI, villageId: null }))).toBe(false);
    await openDialog();
    await fill('xinfang-demo', 'hexi-secret-2');

    await vi.waitFor(() => expect(textOf()).toContain('密码已修改'));
    expect(auth.token).toBe('token-2');
    expect(auth.user?.displayName).toBe('河西镇测试员');
    expect(JSON.parse(localStorage.getItem('xinfang.session') ?? '{}')).toMatchObject({ token: 'token-2', expiresAt: '2099-02-01T00:00:00.000Z' });
    // The new session's rules, at once.
    expect(ability.can('read', subject('Unit', { id: HEXI, countyId: COUNTY, townshipId: HEXI, villageId: null }))).toBe(true);
    await vi.waitFor(() => expect(textOf('current-user')).toBe('河西镇测试员'));
  });
});
