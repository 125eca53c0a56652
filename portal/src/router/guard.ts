import type { AppAbility } from '@xinfang/permissions';
import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router';
import { HOME, homeFor } from './routes';
import { canEnter } from './scope';

/** What the guard needs to know of the session. */
export interface GuardSession {
  signedIn: boolean;
  isExpired(): boolean;
  logout(): void;
}

/**
 * Where a navigation may go: signed-out users to the sign-in page (coming back afterwards), an
 * expired session to the sign-in page with the reason; `/` (and so an unknown address) and a route
 * beyond the ability to the user's home (`homeFor`).
 */
export function decideNavigation(to: RouteLocationNormalized, session: GuardSession, ability: AppAbility): true | RouteLocationRaw {
  if (to.meta.public) {
    if (to.name === 'login' && session.signedIn && !session.isExpired()) return { name: homeFor(ability) };
    return true;
  }
  if (!session.signedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (session.isExpired()) {
    session.logout();
    return { name: 'login', query: { expired: '1', redirect: to.fullPath } };
  }
  if (to.name === HOME || !canEnter(ability, to.meta)) return { name: homeFor(ability) };
  return true;
}

/** A redirect taken from the address bar goes only to a path of this portal. */
export function safeRedirect(value: unknown): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/login')) return null;
  return path;
}

export function installGuard(router: Router, session: () => GuardSession, ability: AppAbility): void {
  router.beforeEach((to) => decideNavigation(to, session(), ability));
}
