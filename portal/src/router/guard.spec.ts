import { createAbility } from '@xinfang/permissions';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { decideNavigation, safeRedirect, type GuardSession } from './guard';
import { routes } from './routes';

const router = createRouter({ history: createMemoryHistory(), routes });
const to = (path: string) => router.resolve(path) as Parameters<typeof decideNavigation>[0];

const session = (over: Partial<GuardSession> = {}): GuardSession & { loggedOut: boolean } => {
  const s = { signedIn: true, isExpired: () => false, loggedOut: false, logout: () => (s.loggedOut = true), ...over };
  return s;
};

const township = createAbility([{ action: 'read', subject: 'Unit', conditions: { townshipId: 't' } }]);
const admin = createAbility([
  { action: 'manage', subject: 'Unit', conditions: { countyId: 'c' } },
  { action: 'manage', subject: 'User', conditions: { countyId: 'c' } },
]);

describe('the route guard', () => {
  it('sends a signed-out user to sign in, and back afterwards', () => {
    expect(decideNavigation(to('/units'), session({ signedIn: false }), township)).toEqual({ name: 'login', query: { redirect: '/units' } });
  });

  it('lets everyone open the sign-in page', () => {
    expect(decideNavigation(to('/login'), session({ signedIn: false }), township)).toBe(true);
  });

  it('sends a signed-in user away from the sign-in page, home', () => {
    expect(decideNavigation(to('/login'), session(), township)).toEqual({ name: 'my-unit' });
  });

  it('sends a user without the route’s ability home', () => {
    expect(decideNavigation(to('/users'), session(), township)).toEqual({ name: 'my-unit' });
    expect(decideNavigation(to('/users'), session(), admin)).toBe(true);
    expect(decideNavigation(to('/units'), session(), township)).toBe(true);
  });

  it('ends a session whose token has run out and says why', () => {
    const s = session({ isExpired: () => true });
    expect(decideNavigation(to('/units'), s, township)).toEqual({ name: 'login', query: { expired: '1', redirect: '/units' } });
    expect(s.loggedOut).toBe(true);
  });

  it('follows only redirects inside the portal', () => {
    expect(safeRedirect('/units?x=1')).toBe('/units?x=1');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/login')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
  });
});
