import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { apiClient } from '@/api/client';
import { ChangePasswordDocument, LoginDocument, LogoutDocument, type LoginMutation, type SessionUserFragment } from '@/gql/graphql';
import { ability, applyPackedRules, type PackedRules } from './ability';

const STORAGE_KEY = 'xinfang.session';

/** What survives a reload: the signed token, when it ends, who it is, and what they may do. */
export interface StoredSession {
  token: string;
  expiresAt: string;
  user: SessionUserFragment;
  rules: PackedRules;
}

function readStored(): StoredSession | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.token !== 'string' || !parsed.user || !Array.isArray(parsed.rules)) return null;
    return parsed as StoredSession;
  } catch {
    // A hand-edited or foreign value is no session.
    return null;
  }
}

/** The signed-in session: token, user and the CASL rules the server sent with them. */
export const useAuthStore = defineStore('auth', () => {
  const session = ref<StoredSession | null>(readStored());
  applyPackedRules(ability, session.value?.rules ?? null);

  const token = computed(() => session.value?.token ?? null);
  const user = computed(() => session.value?.user ?? null);
  const signedIn = computed(() => session.value !== null);

  function save(next: StoredSession | null): void {
    session.value = next;
    if (next) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
    applyPackedRules(ability, next?.rules ?? null);
  }

  /** Takes a session the server answered with: token, its end, the user and its rules, all at once. */
  function adopt(answer: LoginMutation['login']): void {
    const { token: newToken, expiresAt, user: newUser, rules } = answer;
    save({ token: newToken, expiresAt, user: newUser, rules: rules as PackedRules });
  }

  /** Signs in; a refusal is thrown as urql's CombinedError for the caller to describe. */
  async function login(username: string, password: string): Promise<void> {
    const result = await apiClient().mutation(LoginDocument, { username: username.trim(), password }).toPromise();
    if (result.error) throw result.error;
    if (!result.data) throw new Error('The sign-in answer carried no data.');
    adopt(result.data.login);
  }

  /**
   * Changes the user's own password. The server ends every session of the account, this one too, and
   * answers a new one, which replaces the old here at once. A refusal is thrown as urql's CombinedError.
   */
  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const result = await apiClient().mutation(ChangePasswordDocument, { currentPassword, newPassword }).toPromise();
    if (result.error) throw result.error;
    if (!result.data) throw new Error('The password answer carried no data.');
    adopt(result.data.changePassword);
  }

  /** Forgets the session: token, user and rules, here and in localStorage. */
  function logout(): void {
    save(null);
  }

  /**
   * Signs out: forgets the session here at once, then asks the server to revoke its token, so that a
   * copy of it (a shared computer, a stolen browser profile) no longer works. Signed out here even if
   * the server cannot be reached. The token is sent by hand because the session no longer holds it, and
   * a refusal of it is then no "session lost" for the client to act on.
   */
  async function signOut(): Promise<void> {
    const ending = session.value?.token;
    save(null);
    if (!ending) return;
    try {
      await apiClient()
        .mutation(LogoutDocument, {}, { fetchOptions: { headers: { authorization: `Bearer ${ending}` } } })
        .toPromise();
    } catch {
      // Offline or refused: the token still ends by itself when it expires.
    }
  }

  /** Whether the token's own end has passed (the server would refuse it anyway). */
  function isExpired(now = Date.now()): boolean {
    const end = session.value ? Date.parse(session.value.expiresAt) : Number.NaN;
    return Number.isFinite(end) && end <= now;
  }

  /** Keeps the header current when a page reads the user afresh. */
  function setUser(next: SessionUserFragment): void {
    if (session.value) save({ ...session.value, user: next });
  }

  return { token, user, signedIn, login, changePassword, logout, signOut, isExpired, setUser };
});
