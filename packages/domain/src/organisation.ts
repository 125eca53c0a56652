/** The kinds of unit in a county's tree (docs/glossary.md: 县 / 镇乡 / 村(居) / 村民小组 / 部门 / 群众工作局 / 督查组). */
export const UNIT_KINDS = [
  'COUNTY',
  'TOWNSHIP',
  'VILLAGE',
  'VILLAGE_GROUP',
  'DEPARTMENT',
  'BUREAU',
  'SUPERVISION_GROUP',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The roles a user can hold (docs/domain.md §3); each has one rule file in @xinfang/permissions. */
export const ROLES = [
  'COUNTY_LEADER',
  'BUREAU',
  'DEPARTMENT',
  'TOWNSHIP',
  'VILLAGE',
  'SUPERVISOR',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** Which kind of unit each kind may hang under; `null` means a root. */
export const ALLOWED_PARENT: Record<UnitKind, UnitKind | null> = {
  COUNTY: null,
  TOWNSHIP: 'COUNTY',
  VILLAGE: 'TOWNSHIP',
  VILLAGE_GROUP: 'VILLAGE',
  DEPARTMENT: 'COUNTY',
  BUREAU: 'COUNTY',
  SUPERVISION_GROUP: 'COUNTY',
};

/** The unit kinds a user of each role may belong to. */
export const ROLE_UNIT_KINDS: Record<Role, readonly UnitKind[]> = {
  COUNTY_LEADER: ['COUNTY'],
  BUREAU: ['BUREAU'],
  DEPARTMENT: ['DEPARTMENT'],
  TOWNSHIP: ['TOWNSHIP'],
  VILLAGE: ['VILLAGE', 'VILLAGE_GROUP'],
  SUPERVISOR: ['SUPERVISION_GROUP'],
  ADMIN: ['COUNTY'],
};

/** The ancestor ids a unit carries at each territorial level (itself included where it is that level). */
export interface UnitAncestry {
  countyId: string;
  townshipId: string | null;
  villageId: string | null;
}

/**
 * Works out a unit's ancestry columns from its parent's, so that "in my township" is one equality
 * on an indexed column (docs/architecture.md, "How a request flows" 4).
 */
export function ancestryFor(
  unit: { id: string; kind: UnitKind },
  parent: (UnitAncestry & { kind: UnitKind }) | null,
): UnitAncestry {
  if (unit.kind === 'COUNTY') return { countyId: unit.id, townshipId: null, villageId: null };
  if (!parent) throw new Error(`A ${unit.kind} unit needs a parent`);
  const expected = ALLOWED_PARENT[unit.kind];
  if (parent.kind !== expected) throw new Error(`A ${unit.kind} unit must hang under a ${expected}, not a ${parent.kind}`);
  return {
    countyId: parent.countyId,
    townshipId: unit.kind === 'TOWNSHIP' ? unit.id : parent.townshipId,
    villageId: unit.kind === 'VILLAGE' ? unit.id : parent.villageId,
  };
}
