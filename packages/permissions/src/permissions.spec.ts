import { describe, expect, it } from 'vitest';
import type { Role, UnitKind } from '@xinfang/domain';
import { abilityFromPackedRules, defineAbilityFor, packAbilityRules, subject, type AbilityUser, type Action, type SubjectType } from './index.js';

// A small county: 县 C; township T1 with village V1 (with group G1) and V2; township T2 with village V3;
// department D; bureau B; supervision group S.
const C = 'c', T1 = 't1', T2 = 't2', V1 = 'v1', V2 = 'v2', V3 = 'v3', G1 = 'g1', D = 'd', B = 'b', S = 's';
const OTHER_COUNTY = 'c2';

const units: Record<string, { id: string; countyId: string; townshipId: string | null; villageId: string | null; kind: UnitKind }> = {
  C: { id: C, countyId: C, townshipId: null, villageId: null, kind: 'COUNTY' },
  T1: { id: T1, countyId: C, townshipId: T1, villageId: null, kind: 'TOWNSHIP' },
  T2: { id: T2, countyId: C, townshipId: T2, villageId: null, kind: 'TOWNSHIP' },
  V1: { id: V1, countyId: C, townshipId: T1, villageId: V1, kind: 'VILLAGE' },
  V2: { id: V2, countyId: C, townshipId: T1, villageId: V2, kind: 'VILLAGE' },
  V3: { id: V3, countyId: C, townshipId: T2, villageId: V3, kind: 'VILLAGE' },
  G1: { id: G1, countyId: C, townshipId: T1, villageId: V1, kind: 'VILLAGE_GROUP' },
  D: { id: D, countyId: C, townshipId: null, villageId: null, kind: 'DEPARTMENT' },
  B: { id: B, countyId: C, townshipId: null, villageId: null, kind: 'BUREAU' },
  S: { id: S, countyId: C, townshipId: null, villageId: null, kind: 'SUPERVISION_GROUP' },
  OTHER_COUNTY: { id: OTHER_COUNTY, countyId: OTHER_COUNTY, townshipId: null, villageId: null, kind: 'COUNTY' },
};

const userOf = (role: Role, unit: keyof typeof units): AbilityUser => {
  const u = units[unit]!;
  return { id: `user-${role}-${unit}`, roles: [role], unitId: u.id, unitKind: u.kind, countyId: u.countyId, townshipId: u.townshipId, villageId: u.villageId };
};

const ACTORS = {
  leader: userOf('COUNTY_LEADER', 'C'),
  bureau: userOf('BUREAU', 'B'),
  supervisor: userOf('SUPERVISOR', 'S'),
  department: userOf('DEPARTMENT', 'D'),
  township: userOf('TOWNSHIP', 'T1'),
  village: userOf('VILLAGE', 'V1'),
  group: userOf('VILLAGE', 'G1'),
  admin: userOf('ADMIN', 'C'),
} as const;

type Actor = keyof typeof ACTORS;
const ALL_UNITS = ['C', 'T1', 'T2', 'V1', 'V2', 'V3', 'G1', 'D', 'B', 'S'] as const;

// role × the units of the county it may read (every other one: refused), and never another county.
const READ_UNIT: Record<Actor, readonly (keyof typeof units)[]> = {
  leader: ALL_UNITS,
  bureau: ALL_UNITS,
  supervisor: ALL_UNITS,
  admin: ALL_UNITS,
  department: ['D'],
  township: ['T1', 'V1', 'V2', 'G1'],
  village: ['V1', 'G1'],
  group: ['G1'],
};

describe('reading units: role × unit → allowed or refused', () => {
  const rows = (Object.keys(ACTORS) as Actor[]).flatMap((actor) =>
    [...ALL_UNITS, 'OTHER_COUNTY' as const].map((unit) => [actor, unit, READ_UNIT[actor].includes(unit)] as const),
  );
  it.each(rows)('%s reading unit %s → %s', (actor, unit, allowed) => {
    const ability = defineAbilityFor(ACTORS[actor]);
    expect(ability.can('read', subject('Unit', { ...units[unit]! }))).toBe(allowed);
  });
});

// role × action × subject (any instance in its own county) → allowed or refused.
const TABLE: Array<[Actor, Action, SubjectType, boolean]> = [
  ['admin', 'read', 'User', true],
  ['admin', 'create', 'User', true],
  ['admin', 'update', 'User', true],
  ['admin', 'update', 'Unit', true],
  ['bureau', 'read', 'User', false],
  ['leader', 'read', 'User', false],
  ['supervisor', 'read', 'User', false],
  ['department', 'read', 'User', false],
  ['township', 'read', 'User', false],
  ['village', 'read', 'User', false],
  ['bureau', 'update', 'Unit', false],
  ['leader', 'create', 'Unit', false],
  ['township', 'update', 'Unit', false],
];

describe('role × action × subject → allowed or refused', () => {
  it.each(TABLE)('%s %s %s → %s', (actor, action, subjectType, allowed) => {
    const ability = defineAbilityFor(ACTORS[actor]);
    const object = { countyId: C, id: 'x', townshipId: null, villageId: null, unitId: C };
    expect(ability.can(action, subject(subjectType, object))).toBe(allowed);
  });

  it('lets an administrator manage accounts only in its own county', () => {
    const ability = defineAbilityFor(ACTORS.admin);
    expect(ability.can('update', subject('User', { countyId: OTHER_COUNTY }))).toBe(false);
  });

  it('gives a user without roles nothing', () => {
    const ability = defineAbilityFor({ ...ACTORS.bureau, roles: [] });
    expect(ability.rules).toEqual([]);
    expect(ability.can('read', 'Unit')).toBe(false);
  });

  it('gives a user with two roles the union of both', () => {
    const ability = defineAbilityFor({ ...ACTORS.bureau, roles: ['BUREAU', 'ADMIN'] });
    expect(ability.can('read', subject('User', { countyId: C }))).toBe(true);
    expect(ability.can('read', subject('Unit', { ...units.V3! }))).toBe(true);
  });
});

describe('packed rules', () => {
  it.each(Object.keys(ACTORS) as Actor[])('rebuild the same ability for %s', (actor) => {
    const ability = defineAbilityFor(ACTORS[actor]);
    const rebuilt = abilityFromPackedRules(JSON.parse(JSON.stringify(packAbilityRules(ability))));
    expect(packAbilityRules(rebuilt)).toEqual(packAbilityRules(ability));
    for (const unit of ALL_UNITS) {
      expect(rebuilt.can('read', subject('Unit', { ...units[unit]! }))).toBe(ability.can('read', subject('Unit', { ...units[unit]! })));
    }
  });

  it('reads GraphQL objects by __typename', () => {
    const ability = defineAbilityFor(ACTORS.village);
    expect(ability.can('read', { __typename: 'Unit', ...units.V1! } as never)).toBe(true);
    expect(ability.can('read', { __typename: 'Unit', ...units.V2! } as never)).toBe(false);
  });
});

// Petitions: located (countyId/townshipId/villageId/locationUnitId), handled (handlingUnitId),
// complained about (respondentUnitId), owned by a leader, flagged.
const DISC = 'disc'; // the discipline commission, a department
const petition = (p: Record<string, unknown>) => ({
  countyId: C, townshipId: null, villageId: null, locationUnitId: null, handlingUnitId: null, respondentUnitId: null,
  kind: 'CLAIM', ownerLeaderId: null, isKeyMatter: false, isBacklog: false, isSupervised: false, ...p,
});
const PETITIONS = {
  inV1handledByD: petition({ townshipId: T1, villageId: V1, locationUnitId: V1, handlingUnitId: D }),
  inV1handledByT1: petition({ townshipId: T1, villageId: V1, locationUnitId: G1, handlingUnitId: T1 }),
  inT2handledByT2: petition({ townshipId: T2, villageId: V3, locationUnitId: V3, handlingUnitId: T2 }),
  accusingT1: petition({ kind: 'ACCUSATION', townshipId: T1, villageId: V1, locationUnitId: V1, handlingUnitId: DISC, respondentUnitId: T1 }),
  keyInT2: petition({ townshipId: T2, villageId: V3, locationUnitId: V3, handlingUnitId: D, isKeyMatter: true }),
  ownedByLeader: petition({ townshipId: T2, villageId: V3, locationUnitId: V3, handlingUnitId: T2, ownerLeaderId: ACTORS.leader.id }),
  otherCounty: petition({ countyId: OTHER_COUNTY, handlingUnitId: D }),
  unrouted: petition({ townshipId: T1, villageId: V1, locationUnitId: V1 }),
} as const;
type P = keyof typeof PETITIONS;

// actor × petition → [reads it, reads the petitioner, reads the content]
const R = [true, true, true] as const, ROW = [true, false, true] as const, NONE = [false, false, false] as const, BLIND = [true, false, false] as const;
const PETITION_READS: Record<Actor, Record<P, readonly [boolean, boolean, boolean]>> = {
  bureau: { inV1handledByD: R, inV1handledByT1: R, inT2handledByT2: R, accusingT1: R, keyInT2: R, ownedByLeader: R, otherCounty: NONE, unrouted: R },
  leader: { inV1handledByD: ROW, inV1handledByT1: ROW, inT2handledByT2: ROW, accusingT1: ROW, keyInT2: ROW, ownedByLeader: R, otherCounty: NONE, unrouted: ROW },
  supervisor: { inV1handledByD: NONE, inV1handledByT1: NONE, inT2handledByT2: NONE, accusingT1: NONE, keyInT2: R, ownedByLeader: NONE, otherCounty: NONE, unrouted: NONE },
  department: { inV1handledByD: R, inV1handledByT1: NONE, inT2handledByT2: NONE, accusingT1: NONE, keyInT2: R, ownedByLeader: NONE, otherCounty: R, unrouted: NONE },
  township: { inV1handledByD: ROW, inV1handledByT1: R, inT2handledByT2: NONE, accusingT1: BLIND, keyInT2: NONE, ownedByLeader: NONE, otherCounty: NONE, unrouted: ROW },
  village: { inV1handledByD: ROW, inV1handledByT1: ROW, inT2handledByT2: NONE, accusingT1: ROW, keyInT2: NONE, ownedByLeader: NONE, otherCounty: NONE, unrouted: ROW },
  group: { inV1handledByD: NONE, inV1handledByT1: ROW, inT2handledByT2: NONE, accusingT1: NONE, keyInT2: NONE, ownedByLeader: NONE, otherCounty: NONE, unrouted: NONE },
  admin: { inV1handledByD: NONE, inV1handledByT1: NONE, inT2handledByT2: NONE, accusingT1: NONE, keyInT2: NONE, ownedByLeader: NONE, otherCounty: NONE, unrouted: NONE },
};

describe('reading petitions: role × petition → row, petitioner, content', () => {
  const rows = (Object.keys(ACTORS) as Actor[]).flatMap((actor) =>
    (Object.keys(PETITIONS) as P[]).map((p) => [actor, p, ...PETITION_READS[actor][p]] as const),
  );
  it.each(rows)('%s reading %s → row %s, petitioner %s, content %s', (actor, p, row, petitioner, content) => {
    const ability = defineAbilityFor(ACTORS[actor]);
    const object = subject('Petition', { ...PETITIONS[p] });
    expect(ability.can('read', object)).toBe(row);
    expect(ability.can('read', object, 'petitioner')).toBe(petitioner);
    expect(ability.can('read', object, 'content')).toBe(content);
  });

  it('gives the discipline commission, handling an accusation, everything of it', () => {
    const disc = { ...userOf('DEPARTMENT', 'D'), unitId: DISC };
    const ability = defineAbilityFor(disc);
    const object = subject('Petition', { ...PETITIONS.accusingT1 });
    expect(ability.can('read', object, 'petitioner')).toBe(true);
    expect(ability.can('answer', object)).toBe(true);
  });

  it('never lets the accused unit act on the accusation, even as its handler', () => {
    const misrouted = subject('Petition', { ...PETITIONS.accusingT1, handlingUnitId: T1 });
    const ability = defineAbilityFor(ACTORS.township);
    expect(ability.can('read', misrouted, 'petitioner')).toBe(false);
    expect(ability.can('read', misrouted, 'timelineNotes')).toBe(false);
    expect(ability.can('answer', misrouted)).toBe(false);
  });
});

// actor × action on a petition it can see → allowed
const ACTIONS_TABLE: Array<[Actor, string, P, boolean]> = [
  ['bureau', 'create', 'unrouted', true],
  ['bureau', 'accept', 'unrouted', true],
  ['bureau', 'assign', 'inV1handledByD', true],
  ['bureau', 'close', 'inV1handledByD', true],
  ['bureau', 'answer', 'inV1handledByD', false],
  ['leader', 'decideExtension', 'inV1handledByD', true],
  ['leader', 'instruct', 'inT2handledByT2', true],
  ['leader', 'accept', 'unrouted', false],
  ['department', 'answer', 'inV1handledByD', true],
  ['department', 'requestExtension', 'inV1handledByD', true],
  ['department', 'object', 'inV1handledByD', true],
  ['department', 'answer', 'inT2handledByT2', false],
  ['department', 'decideExtension', 'inV1handledByD', false],
  ['township', 'answer', 'inV1handledByT1', true],
  ['township', 'answer', 'inV1handledByD', false],
  ['township', 'create', 'unrouted', true],
  ['township', 'create', 'inT2handledByT2', false],
  ['village', 'create', 'unrouted', true],
  ['village', 'followUp', 'inV1handledByD', true],
  ['village', 'answer', 'inV1handledByD', false],
  ['supervisor', 'close', 'keyInT2', false],
  ['admin', 'read', 'unrouted', false],
  ['admin', 'create', 'unrouted', false],
];

// 包案: the bureau records any hard case's ownership; a county leader takes one that nobody owns, or
// its own, for itself; nobody else does, and never on an accusation against its own unit.
const OWNING: Array<[Actor, P, boolean]> = [
  ['bureau', 'keyInT2', true],
  ['bureau', 'ownedByLeader', true],
  ['bureau', 'otherCounty', false],
  ['leader', 'keyInT2', true],
  ['leader', 'ownedByLeader', true],
  ['leader', 'otherCounty', false],
  ['supervisor', 'keyInT2', false],
  ['department', 'keyInT2', false],
  ['township', 'inV1handledByT1', false],
  ['township', 'accusingT1', false],
  ['village', 'unrouted', false],
  ['admin', 'keyInT2', false],
];

describe('owning a hard case (包案): role × petition → allowed or refused', () => {
  it.each(OWNING)('%s owns %s → %s', (actor, p, allowed) => {
    expect(defineAbilityFor(ACTORS[actor]).can('own', subject('Petition', { ...PETITIONS[p] }))).toBe(allowed);
  });

  it('lets a leader not take a case another leader owns', () => {
    const other = { ...PETITIONS.keyInT2, ownerLeaderId: 'another-leader' };
    expect(defineAbilityFor(ACTORS.leader).can('own', subject('Petition', other))).toBe(false);
    expect(defineAbilityFor(ACTORS.bureau).can('own', subject('Petition', other))).toBe(true);
  });
});

describe('acting on petitions: role × action × petition → allowed or refused', () => {
  it.each(ACTIONS_TABLE)('%s %s %s → %s', (actor, action, p, allowed) => {
    const ability = defineAbilityFor(ACTORS[actor]);
    expect(ability.can(action as never, subject('Petition', { ...PETITIONS[p] }))).toBe(allowed);
  });
});

// Screening (docs/domain.md §3, "screening" column): a report or dispute carries its unit's ancestry.
const reportOf = (unit: keyof typeof units) => {
  const u = units[unit]!;
  return { unitId: u.id, unitKind: u.kind, countyId: u.countyId, townshipId: u.townshipId, villageId: u.villageId, escalatedAt: null as Date | null };
};
const SCREENING_UNITS = ['T1', 'T2', 'V1', 'V2', 'V3', 'G1', 'D'] as const;
type ScreeningCase = [Actor, Action, 'ScreeningReport' | 'Dispute', readonly (typeof SCREENING_UNITS)[number][]];
const SCREENING_TABLE: ScreeningCase[] = [
  ['village', 'create', 'ScreeningReport', ['V1']],
  ['village', 'update', 'ScreeningReport', ['V1']],
  ['village', 'read', 'ScreeningReport', ['V1', 'G1']],
  ['village', 'review', 'ScreeningReport', ['G1']],
  ['village', 'read', 'Dispute', ['V1', 'G1']],
  ['village', 'update', 'Dispute', ['V1', 'G1']],
  ['village', 'escalate', 'Dispute', []],
  ['group', 'create', 'ScreeningReport', ['G1']],
  ['group', 'read', 'ScreeningReport', ['G1']],
  ['group', 'review', 'ScreeningReport', []],
  ['group', 'read', 'Dispute', ['G1']],
  ['township', 'create', 'ScreeningReport', ['T1']],
  ['township', 'update', 'ScreeningReport', ['T1']],
  ['township', 'read', 'ScreeningReport', ['T1', 'V1', 'V2', 'G1']],
  ['township', 'review', 'ScreeningReport', ['V1', 'V2']],
  ['township', 'read', 'Dispute', ['T1', 'V1', 'V2', 'G1']],
  ['township', 'escalate', 'Dispute', ['T1', 'V1', 'V2', 'G1']],
  ['township', 'link', 'Dispute', ['T1', 'V1', 'V2', 'G1']],
  ['department', 'create', 'ScreeningReport', ['D']],
  ['department', 'read', 'ScreeningReport', ['D']],
  ['department', 'review', 'ScreeningReport', []],
  ['department', 'escalate', 'Dispute', ['D']],
  ['bureau', 'create', 'ScreeningReport', []],
  ['bureau', 'read', 'ScreeningReport', [...SCREENING_UNITS]],
  ['bureau', 'review', 'ScreeningReport', ['T1', 'T2', 'D']],
  ['bureau', 'update', 'Dispute', [...SCREENING_UNITS]],
  ['bureau', 'escalate', 'Dispute', [...SCREENING_UNITS]],
  ['leader', 'read', 'ScreeningReport', [...SCREENING_UNITS]],
  ['leader', 'read', 'Dispute', [...SCREENING_UNITS]],
  ['leader', 'update', 'Dispute', []],
  ['leader', 'create', 'ScreeningReport', []],
  ['supervisor', 'read', 'Dispute', [...SCREENING_UNITS]],
  ['supervisor', 'review', 'ScreeningReport', []],
  ['admin', 'read', 'ScreeningReport', []],
  ['admin', 'read', 'Dispute', []],
];

describe('screening: role × action × unit of the report or dispute → allowed or refused', () => {
  const rows = SCREENING_TABLE.flatMap(([actor, action, type, allowed]) =>
    SCREENING_UNITS.map((unit) => [actor, action, type, unit, allowed.includes(unit)] as const),
  );
  it.each(rows)('%s %s %s of %s → %s', (actor, action, type, unit, allowed) => {
    const ability = defineAbilityFor(ACTORS[actor]);
    expect(ability.can(action, subject(type, reportOf(unit)))).toBe(allowed);
  });

  it('leaves a dispute once escalated to the stability team: only the bureau updates it', () => {
    const escalated = (unit: keyof typeof units) => subject('Dispute', { ...reportOf(unit), status: 'RESOLVING', escalatedAt: new Date() });
    expect(defineAbilityFor(ACTORS.township).can('update', escalated('V1'))).toBe(false);
    expect(defineAbilityFor(ACTORS.village).can('update', escalated('V1'))).toBe(false);
    expect(defineAbilityFor(ACTORS.department).can('update', escalated('D'))).toBe(false);
    expect(defineAbilityFor(ACTORS.bureau).can('update', escalated('V1'))).toBe(true);
    expect(defineAbilityFor(ACTORS.township).can('update', subject('Dispute', { ...reportOf('V1'), status: 'RESOLVING' }))).toBe(true);
    expect(defineAbilityFor(ACTORS.village).can('update', subject('Dispute', { ...reportOf('G1'), status: 'OPEN' }))).toBe(true);
  });

  it('never reaches another county', () => {
    for (const actor of Object.keys(ACTORS) as Actor[]) {
      const ability = defineAbilityFor(ACTORS[actor]);
      const elsewhere = { unitId: 'x', unitKind: 'TOWNSHIP', countyId: OTHER_COUNTY, townshipId: 'x', villageId: null };
      expect(ability.can('read', subject('ScreeningReport', { ...elsewhere }))).toBe(false);
      expect(ability.can('read', subject('Dispute', { ...elsewhere }))).toBe(false);
    }
  });

  it('only the bureau changes the cadence rules; every screening role reads them; the admin does not', () => {
    const rule = { countyId: C };
    expect(defineAbilityFor(ACTORS.bureau).can('update', subject('ScreeningRule', rule))).toBe(true);
    for (const actor of ['leader', 'supervisor', 'department', 'township', 'village', 'group'] as const) {
      expect(defineAbilityFor(ACTORS[actor]).can('update', subject('ScreeningRule', rule))).toBe(false);
      expect(defineAbilityFor(ACTORS[actor]).can('read', subject('ScreeningRule', rule))).toBe(true);
    }
    expect(defineAbilityFor(ACTORS.admin).can('read', subject('ScreeningRule', rule))).toBe(false);
  });
});
