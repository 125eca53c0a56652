import { describe, expect, it } from 'vitest';
import { ancestryFor } from './organisation.js';

describe('ancestryFor', () => {
  const county = { id: 'c', kind: 'COUNTY' as const, countyId: 'c', townshipId: null, villageId: null };
  const township = { id: 't', kind: 'TOWNSHIP' as const, ...ancestryFor({ id: 't', kind: 'TOWNSHIP' }, county) };
  const village = { id: 'v', kind: 'VILLAGE' as const, ...ancestryFor({ id: 'v', kind: 'VILLAGE' }, township) };

  it('makes a county its own root', () => {
    expect(ancestryFor({ id: 'c', kind: 'COUNTY' }, null)).toEqual({ countyId: 'c', townshipId: null, villageId: null });
  });

  it('carries the township and the village down to a village group', () => {
    expect(township).toMatchObject({ countyId: 'c', townshipId: 't', villageId: null });
    expect(village).toMatchObject({ countyId: 'c', townshipId: 't', villageId: 'v' });
    expect(ancestryFor({ id: 'g', kind: 'VILLAGE_GROUP' }, village)).toEqual({ countyId: 'c', townshipId: 't', villageId: 'v' });
  });

  it('hangs departments, the bureau and the supervision group under the county with no township', () => {
    for (const kind of ['DEPARTMENT', 'BUREAU', 'SUPERVISION_GROUP'] as const) {
      expect(ancestryFor({ id: 'x', kind }, county)).toEqual({ countyId: 'c', townshipId: null, villageId: null });
    }
  });

  it('refuses a unit under the wrong kind of parent, or without one', () => {
    expect(() => ancestryFor({ id: 'v', kind: 'VILLAGE' }, county)).toThrow(/must hang under a TOWNSHIP/);
    expect(() => ancestryFor({ id: 'd', kind: 'DEPARTMENT' }, township)).toThrow(/COUNTY/);
    expect(() => ancestryFor({ id: 't', kind: 'TOWNSHIP' }, null)).toThrow(/needs a parent/);
  });
});

describe('accounts', async () => {
  const { USERNAME_PATTERN, passwordProblem, rolesNotFitting } = await import('./accounts.js');

  it('accepts plain lower-case usernames and refuses the rest', () => {
    for (const ok of ['bureau', 'li.ming', 'qs_01', 'a-b']) expect(USERNAME_PATTERN.test(ok)).toBe(true);
    for (const bad of ['ab', 'Bureau', '李明', '-lead', 'x'.repeat(33), 'a b']) expect(USERNAME_PATTERN.test(bad)).toBe(false);
  });

  it('refuses short passwords and the username as password', () => {
    expect(passwordProblem('short')).toBe('TOO_SHORT');
    expect(passwordProblem('qingshan-01', 'QINGSHAN-01')).toBe('SAME_AS_USERNAME');
    expect(passwordProblem('xinfang-demo', 'bureau')).toBeNull();
  });

  it('fits roles to the kind of unit', () => {
    expect(rolesNotFitting(['TOWNSHIP'], 'TOWNSHIP')).toEqual([]);
    expect(rolesNotFitting(['VILLAGE'], 'VILLAGE_GROUP')).toEqual([]);
    expect(rolesNotFitting(['BUREAU', 'ADMIN'], 'TOWNSHIP')).toEqual(['BUREAU', 'ADMIN']);
    expect(rolesNotFitting(['COUNTY_LEADER', 'ADMIN'], 'COUNTY')).toEqual([]);
  });
});
