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
