import type { Role, UnitKind } from '@xinfang/domain';
import { createAbility, defineAbilityFor, type AppAbility } from '@xinfang/permissions';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { decideNavigation, installGuard, safeRedirect, type GuardSession } from './guard';
import { homeFor, routes } from './routes';

const router = createRouter({ history: createMemoryHistory(), routes });
const to = (path: string) => router.resolve(path) as Parameters<typeof decideNavigation>[0];

const session = (over: Partial<GuardSession> = {}): GuardSession & { loggedOut: boolean } => {
  const s = { signedIn: true, isExpired: () => false, loggedOut: false, logout: () => (s.loggedOut = true), ...over };
  return s;
};

const COUNTY = '11111111-1111-4111-8111-111111111111';
const TOWNSHIP = '22222222-2222-4222-8222-222222222222';
const VILLAGE = '33333333-3333-4333-8333-333333333333';

/** The ability the server builds for a user of this role and unit: the real rule files. */
const abilityOf = (role: Role, unitId: string, unitKind: UnitKind, townshipId: string | null = null, villageId: string | null = null) =>
  defineAbilityFor({ id: `user-${role}`, roles: [role], unitId, unitKind, countyId: COUNTY, townshipId, villageId });

const township = abilityOf('TOWNSHIP', TOWNSHIP, 'TOWNSHIP', TOWNSHIP);
const admin = abilityOf('ADMIN', COUNTY, 'COUNTY');

describe('the home page', () => {
  it('is 我的待办 for everyone who works on petitions and screening, 我的单位 for the administrator', () => {
    const workers: AppAbility[] = [
      abilityOf('COUNTY_LEADER', COUNTY, 'COUNTY'),
      abilityOf('BUREAU', 'b', 'BUREAU'),
      abilityOf('SUPERVISOR', 's', 'SUPERVISION_GROUP'),
      township,
      abilityOf('VILLAGE', VILLAGE, 'VILLAGE', TOWNSHIP, VILLAGE),
      abilityOf('VILLAGE', 'g', 'VILLAGE_GROUP', TOWNSHIP, VILLAGE),
      abilityOf('DEPARTMENT', 'd', 'DEPARTMENT'),
    ];
    for (const ability of workers) expect(homeFor(ability)).toBe('my-work');
    expect(homeFor(admin)).toBe('my-unit');
    expect(homeFor(createAbility([]))).toBe('my-unit');
  });
});

describe('the route guard', () => {
  it('sends a signed-out user to sign in, and back afterwards', () => {
    expect(decideNavigation(to('/units'), session({ signedIn: false }), township)).toEqual({ name: 'login', query: { redirect: '/units' } });
    // `/` is no page to come back to: after signing in the user goes home anyway.
    expect(decideNavigation(to('/'), session({ signedIn: false }), township)).toEqual({ name: 'login', query: {} });
  });

  it('lets everyone open the sign-in page', () => {
    expect(decideNavigation(to('/login'), session({ signedIn: false }), township)).toBe(true);
  });

  it('sends a signed-in user away from the sign-in page, home', () => {
    expect(decideNavigation(to('/login'), session(), township)).toEqual({ name: 'my-work' });
    expect(decideNavigation(to('/login'), session(), admin)).toEqual({ name: 'my-unit' });
  });

  it('takes `/` to the user’s home', () => {
    expect(decideNavigation(to('/'), session(), township)).toEqual({ name: 'my-work' });
    expect(decideNavigation(to('/'), session(), admin)).toEqual({ name: 'my-unit' });
  });

  it('sends a user without the route’s ability home', () => {
    expect(decideNavigation(to('/users'), session(), township)).toEqual({ name: 'my-work' });
    expect(decideNavigation(to('/users'), session(), admin)).toBe(true);
    expect(decideNavigation(to('/units'), session(), township)).toBe(true);
    // The administrator's home is not 我的待办, so it cannot be sent round in a circle.
    expect(decideNavigation(to('/my-work'), session(), admin)).toEqual({ name: 'my-unit' });
    expect(decideNavigation(to('/my-unit'), session(), admin)).toBe(true);
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

  it('lands an unknown address, through `/`, on the user’s home', { timeout: 20_000 }, async () => {
    for (const [ability, home] of [
      [township, 'my-work'],
      [admin, 'my-unit'],
    ] as const) {
      const guarded = createRouter({ history: createMemoryHistory(), routes });
      installGuard(guarded, () => session(), ability);
      await guarded.push('/an/old/bookmark');
      // The page is a lazy chunk: the navigation ends once it has loaded.
      await vi.waitFor(() => expect(guarded.currentRoute.value.name).toBe(home), { timeout: 15_000 });
      expect(guarded.currentRoute.value.fullPath).toBe(`/${home}`);
    }
  });
});
