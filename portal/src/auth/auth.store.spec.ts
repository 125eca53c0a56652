import { defineAbilityFor, packAbilityRules, subject } from '@xinfang/permissions';
import { createPinia, setActivePinia } from 'pinia';
import type { Client } from '@urql/vue';
import { beforeEach, describe, expect, it } from 'vitest';
import { setApiClient } from '@/api/client';
import type { SessionUserFragment } from '@/gql/graphql';
import { fakeApi } from '@/testing/fake-api';
import { ability } from './ability';
import { useAuthStore } from './auth.store';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const TOWNSHIP = '22222222-2222-4222-8222-222222222222';

const qingshan: SessionUserFragment = {
  id: '99999999-9999-4999-8999-999999999999',
  username: 'qingshan',
  displayName: '青山乡群工办',
  roles: ['TOWNSHIP'],
  unitId: TOWNSHIP,
  unit: {
    id: TOWNSHIP,
    name: '青山乡',
    kind: 'TOWNSHIP',
    countyId: COUNTY,
    townshipId: TOWNSHIP,
    villageId: null,
    path: [
      { id: COUNTY, name: '示范县', kind: 'COUNTY' },
      { id: TOWNSHIP, name: '青山乡', kind: 'TOWNSHIP' },
    ],
  },
};

// What the server sends: the rules of the real role file, packed.
const rules = packAbilityRules(
  defineAbilityFor({ id: qingshan.id, roles: ['TOWNSHIP'], unitId: TOWNSHIP, unitKind: 'TOWNSHIP', countyId: COUNTY, townshipId: TOWNSHIP, villageId: null }),
);
const signedIn = { data: { login: { token: 'token-1', expiresAt: '2099-01-01T00:00:00.000Z', rules, user: qingshan } } };

const village = subject('Unit', { id: 'v', countyId: COUNTY, townshipId: TOWNSHIP, villageId: 'v' });
const otherTownship = subject('Unit', { id: 'o', countyId: COUNTY, townshipId: 'o', villageId: null });

describe('the auth store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
    useAuthStore().logout();
  });

  it('signs in: keeps the token and the user, and rebuilds the ability from the packed rules', async () => {
    const { calls } = fakeApi(() => signedIn);
    const auth = useAuthStore();
    await auth.login(' qingshan ', 'xinfang-demo');

    expect(calls).toEqual([{ username: 'qingshan', password: 'xinfang-demo' }]);
    expect(auth.signedIn).toBe(true);
    expect(auth.token).toBe('token-1');
    expect(auth.user?.unit.name).toBe('青山乡');
    expect(ability.can('read', village)).toBe(true);
    expect(ability.can('read', otherTownship)).toBe(false);
    expect(ability.can('read', 'User')).toBe(false);
  });

  it('stays signed in across a reload', async () => {
    fakeApi(() => signedIn);
    await useAuthStore().login('qingshan', 'xinfang-demo');

    // A reload: a new store reading what the last one saved, and rules rebuilt from it.
    ability.update([]);
    setActivePinia(createPinia());
    const reloaded = useAuthStore();
    expect(reloaded.signedIn).toBe(true);
    expect(reloaded.user?.displayName).toBe('青山乡群工办');
    expect(ability.can('read', village)).toBe(true);
  });

  it('signs out completely', async () => {
    fakeApi(() => signedIn);
    const auth = useAuthStore();
    await auth.login('qingshan', 'xinfang-demo');
    auth.logout();

    expect(auth.signedIn).toBe(false);
    expect(auth.token).toBeNull();
    expect(localStorage.getItem('xinfang.session')).toBeNull();
    expect(ability.can('read', village)).toBe(false);
  });

  it('signs out on the server too: the logout mutation carries the ending session’s token', async () => {
    const { operations } = fakeApi((_variables, name) => (name === 'Logout' ? { data: { logout: true } } : signedIn));
    const auth = useAuthStore();
    await auth.login('qingshan', 'xinfang-demo');
    await auth.signOut();

    expect(operations.map((o) => o.name)).toEqual(['Login', 'Logout']);
    expect(operations[1]?.context).toEqual({ fetchOptions: { headers: { authorization: 'Bearer token-1' } } });
    expect(auth.signedIn).toBe(false);
    expect(localStorage.getItem('xinfang.session')).toBeNull();
    expect(ability.can('read', village)).toBe(false);
  });

  it('is signed out even when the server refuses or cannot be reached for the logout', async () => {
    fakeApi((_variables, name) => (name === 'Logout' ? { error: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' } } : signedIn));
    const auth = useAuthStore();
    await auth.login('qingshan', 'xinfang-demo');
    await auth.signOut();
    expect(auth.signedIn).toBe(false);
    expect(localStorage.getItem('xinfang.session')).toBeNull();

    // Offline: the client's promise itself fails.
    fakeApi(() => signedIn);
    await auth.login('qingshan', 'xinfang-demo');
    setApiClient({ mutation: () => ({ toPromise: () => Promise.reject(new Error('offline')) }) } as unknown as Client);
    await auth.signOut();
    expect(auth.signedIn).toBe(false);
    expect(localStorage.getItem('xinfang.session')).toBeNull();
  });

  it('throws a refused sign-in and stays signed out', async () => {
    fakeApi(() => ({ error: { code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' } }));
    const auth = useAuthStore();
    await expect(auth.login('qingshan', 'wrong')).rejects.toMatchObject({
      graphQLErrors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' } })],
    });
    expect(auth.signedIn).toBe(false);
  });

  it('ignores a stored session it cannot read', () => {
    localStorage.setItem('xinfang.session', '{not json');
    setActivePinia(createPinia());
    expect(useAuthStore().signedIn).toBe(false);
  });

  it('changes the password and takes the new session the server answers, token, user and rules', async () => {
    const { calls } = fakeApi((variables) =>
      'currentPassword' in variables
        ? { data: { changePassword: { token: 'token-2', expiresAt: '2099-02-01T00:00:00.000Z', rules, user: { ...qingshan, displayName: '青山乡信访办' } } } }
        : signedIn,
    );
    const auth = useAuthStore();
    await auth.login('qingshan', 'xinfang-demo');
    ability.update([]);
    await auth.changePassword('xinfang-demo', 'qingshan-new-1');

    expect(calls[1]).toEqual({ currentPassword: 'xinfang-demo', newPassword: 'qingshan-new-1' });
    expect(auth.token).toBe('token-2');
    expect(auth.user?.displayName).toBe('青山乡信访办');
    expect(ability.can('read', village)).toBe(true);
    expect(JSON.parse(localStorage.getItem('xinfang.session') ?? '{}')).toMatchObject({ token: 'token-2', expiresAt: '2099-02-01T00:00:00.000Z' });
  });

  it('keeps the session when the server refuses a password change', async () => {
    fakeApi((variables) =>
      'currentPassword' in variables ? { error: { code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD', field: 'currentPassword' } } : signedIn,
    );
    const auth = useAuthStore();
    await auth.login('qingshan', 'xinfang-demo');
    await expect(auth.changePassword('wrong', 'qingshan-new-1')).rejects.toMatchObject({
      graphQLErrors: [expect.objectContaining({ extensions: expect.objectContaining({ reason: 'WRONG_CURRENT_PASSWORD' }) })],
    });
    expect(auth.token).toBe('token-1');
  });

  it('knows when the token has run out', async () => {
    fakeApi(() => ({ data: { login: { ...signedIn.data.login, expiresAt: '2020-01-01T00:00:00.000Z' } } }));
    const auth = useAuthStore();
    await auth.login('qingshan', 'xinfang-demo');
    expect(auth.isExpired()).toBe(true);
  });
});
