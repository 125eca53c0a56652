import { flushPromises, mount } from '@vue/test-utils';
import type { Role, UnitKind } from '@xinfang/domain';
import { createAbility, defineAbilityFor, packAbilityRules, type AppAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ability as appAbility } from '@/auth/ability';
import type { SessionUserFragment } from '@/gql/graphql';
import { fakeApi } from '@/testing/fake-api';
import { portalPlugins } from '@/testing/harness';
import LoginPage from './LoginPage.vue';

const COUNTY = '11111111-1111-4111-8111-111111111111';

/** The server's answer to a sign-in of a user of this role, with the packed rules of its role file. */
function signedInAs(role: Role, unitKind: UnitKind) {
  const user: SessionUserFragment = {
    id: `user-${role}`,
    username: role.toLowerCase(),
    displayName: role,
    roles: [role],
    unitId: COUNTY,
    unit: { id: COUNTY, name: '示范县', kind: unitKind, countyId: COUNTY, townshipId: null, villageId: null, path: [] },
  };
  const rules = packAbilityRules(defineAbilityFor({ id: user.id, roles: [role], unitId: COUNTY, unitKind, countyId: COUNTY, townshipId: null, villageId: null }));
  return { data: { login: { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', rules, user } } };
}

async function renderLogin(path = '/login', ability: AppAbility = createAbility([])) {
  const { plugins, router } = portalPlugins(ability);
  await router.push(path);
  const wrapper = mount(LoginPage, { global: { plugins }, attachTo: document.body });
  return { wrapper, router };
}

async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof renderLogin>>['wrapper'], username: string, password: string) {
  await wrapper.find('[data-testid="login-username"]').setValue(username);
  await wrapper.find('[data-testid="login-password"]').setValue(password);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('the sign-in page', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('names the product and asks for username and password', async () => {
    const { wrapper } = await renderLogin();
    expect(wrapper.text()).toContain('信访工作平台');
    expect(wrapper.text()).toContain('xinfang');
    expect(wrapper.find('[data-testid="login-username"]').element.tagName).toBe('INPUT');
    expect(wrapper.find('[data-testid="login-password"]').attributes('type')).toBe('password');
    expect(wrapper.find('[data-testid="session-expired"]').exists()).toBe(false);
  });

  it('says why the user is back here after a session ended', async () => {
    const { wrapper } = await renderLogin('/login?expired=1');
    expect(wrapper.find('[data-testid="session-expired"]').text()).toContain('登录已过期，请重新登录');
  });

  it('does not send an empty form', async () => {
    const { calls } = fakeApi(() => ({ data: null }));
    const { wrapper } = await renderLogin();
    await fillAndSubmit(wrapper, '  ', '');
    // Element Plus shows a field's error a moment after it is found.
    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入用户名'));
    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入密码'));
    expect(calls).toEqual([]);
  });

  it('shows a refused sign-in under the form, in Chinese, and clears the password', async () => {
    fakeApi(() => ({ error: { code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' } }));
    const { wrapper } = await renderLogin();
    await fillAndSubmit(wrapper, 'bureau', 'wrong');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('用户名或密码错误');
    expect((wrapper.find('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('');
  });

  it('tells a locked-out user how long to wait', async () => {
    fakeApi(() => ({ error: { code: 'UNAUTHENTICATED', reason: 'LOGIN_LOCKED', retryAfterSeconds: 300 } }));
    const { wrapper } = await renderLogin();
    await fillAndSubmit(wrapper, 'bureau', 'wrong');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').text()).toContain('登录失败次数过多，请 5 分钟后再试'));
  });

  it('lands a user who works on petitions on 我的待办, and the administrator on 我的单位', { timeout: 20_000 }, async () => {
    for (const [role, kind, home] of [
      ['COUNTY_LEADER', 'COUNTY', 'my-work'],
      ['ADMIN', 'COUNTY', 'my-unit'],
    ] as const) {
      document.body.innerHTML = '';
      fakeApi(() => signedInAs(role, kind));
      // The portal's own ability, which the sign-in fills with the session's rules.
      const { wrapper, router } = await renderLogin('/login', appAbility);
      await fillAndSubmit(wrapper, role.toLowerCase(), 'xinfang-demo');
      await vi.waitFor(() => expect(router.currentRoute.value.name).toBe(home), { timeout: 15_000 });
      wrapper.unmount();
    }
  });

  it('returns a user to the page it came for instead', { timeout: 20_000 }, async () => {
    fakeApi(() => signedInAs('COUNTY_LEADER', 'COUNTY'));
    const { wrapper, router } = await renderLogin('/login?redirect=/units', appAbility);
    await fillAndSubmit(wrapper, 'leader', 'xinfang-demo');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/units'), { timeout: 15_000 });
  });
});
