import { describe, expect, it } from 'vitest';
import { isUuid, likePattern } from './input.js';
import { ancestryOf, withinUnit, type Located } from './located.entity.js';

type Row = Located & { locationUnitId: string };

describe('located rows', () => {
  it('places "in this unit" on the ancestry column of its kind, and on the row’s own column otherwise', () => {
    expect(withinUnit<Row>({ id: 'c', kind: 'COUNTY' }, 'locationUnitId')).toEqual({ countyId: 'c' });
    expect(withinUnit<Row>({ id: 't', kind: 'TOWNSHIP' }, 'locationUnitId')).toEqual({ townshipId: 't' });
    expect(withinUnit<Row>({ id: 'v', kind: 'VILLAGE' }, 'locationUnitId')).toEqual({ villageId: 'v' });
    expect(withinUnit<Row>({ id: 'g', kind: 'VILLAGE_GROUP' }, 'locationUnitId')).toEqual({ locationUnitId: 'g' });
    expect(withinUnit<Row>({ id: 'd', kind: 'DEPARTMENT' }, 'locationUnitId')).toEqual({ locationUnitId: 'd' });
  });

  it('copies exactly the three ancestry ids of a unit', () => {
    expect(ancestryOf({ countyId: 'c', townshipId: 't', villageId: null, name: 'x' } as never)).toEqual({ countyId: 'c', townshipId: 't', villageId: null });
  });
});

describe('search text and ids', () => {
  it('writes a term as an ILIKE pattern with \\, % and _ standing for themselves', () => {
    expect(likePattern('  宅基地 ')).toBe('%宅基地%');
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
    expect(likePattern('   ')).toBeNull();
    expect(likePattern(undefined)).toBeNull();
  });

  it('knows a UUID from anything else', () => {
    expect(isUuid('3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b')).toBe(true);
    expect(isUuid('3f2b8c1e5d4a4e6f9a7b0c1d2e3f4a5b')).toBe(false);
    expect(isUuid("' or 1=1 --")).toBe(false);
  });
});
