/**
 * An independent statement of who sees what (docs/domain.md §3, and docs/permissions.md where docs/domain.md is
 * silent), for the randomised scope check (issue 8, trust suite 2). It deliberately imports nothing
 * from @xinfang/permissions or the server: it is a second reading of the same rules, written from the
 * documents, against which the API's answers are compared.
 */

export type UnitKind = 'COUNTY' | 'TOWNSHIP' | 'VILLAGE' | 'VILLAGE_GROUP' | 'DEPARTMENT' | 'BUREAU' | 'SUPERVISION_GROUP';
export type Role = 'COUNTY_LEADER' | 'BUREAU' | 'DEPARTMENT' | 'TOWNSHIP' | 'VILLAGE' | 'SUPERVISOR' | 'ADMIN';
export type PetitionKind = 'CLAIM' | 'SUGGESTION' | 'ACCUSATION';

export interface RefUnit {
  id: string;
  name: string;
  kind: UnitKind;
  countyId: string;
  /** The ids from the county down to this unit, itself last. */
  path: string[];
}

export interface RefUser {
  id: string;
  username: string;
  roles: Role[];
  unit: RefUnit;
}

export interface RefPetition {
  id: string;
  countyId: string;
  kind: PetitionKind;
  location: RefUnit;
  handler: RefUnit | null;
  respondent: RefUnit | null;
  isKeyMatter: boolean;
  isBacklog: boolean;
  isSupervised: boolean;
  ownerLeaderId: string | null;
  subject: string;
  content: string;
  respondentName: string | null;
  /** A word of the content found in no other petition, and no part of the petitioner's identity. */
  keyword: string;
  petitioner: { name: string; phone: string; address: string };
}

/** `inner` is `outer` or lies below it in the tree. */
export const within = (inner: RefUnit, outer: RefUnit): boolean => inner.path.includes(outer.id);

const sameCounty = (u: RefUser, countyId: string) => u.unit.countyId === countyId;

/**
 * May this user read this petition at all (the "reads petitions" column of docs/domain.md §3)? A user with
 * several roles reads what any of them reads (docs/permissions.md).
 */
export function readsPetition(u: RefUser, p: RefPetition): boolean {
  return u.roles.some((role) => {
    switch (role) {
      case 'COUNTY_LEADER':
      case 'BUREAU':
        return sameCounty(u, p.countyId); // all in county
      case 'SUPERVISOR':
        return sameCounty(u, p.countyId) && (p.isSupervised || p.isKeyMatter || p.isBacklog);
      case 'DEPARTMENT':
        return p.handler?.id === u.unit.id; // those whose handling unit is its own
      case 'TOWNSHIP':
        return within(p.location, u.unit) || p.handler?.id === u.unit.id; // its subtree, or handled by it
      case 'VILLAGE':
        // "located in its own unit"; docs/permissions.md: a village's own unit includes its groups,
        // a village group's officer sees only the group.
        return u.unit.kind === 'VILLAGE' ? within(p.location, u.unit) : p.location.id === u.unit.id;
      case 'ADMIN':
        return false; // none
    }
  });
}

/** The respondent unit of an accusation, and anyone in it (docs/domain.md §3, petitioner privacy). */
export const isAccused = (u: RefUser, p: RefPetition): boolean => p.kind === 'ACCUSATION' && p.respondent?.id === u.unit.id;

/**
 * May this user read the petitioner's identity? Only the bureau, the handling unit, the county leader
 * who owns the case and the supervision group, and never the accused unit of an accusation.
 */
export function readsPetitioner(u: RefUser, p: RefPetition): boolean {
  if (!readsPetition(u, p) || isAccused(u, p)) return false;
  return u.roles.some((role) => {
    switch (role) {
      case 'BUREAU':
        return sameCounty(u, p.countyId);
      case 'SUPERVISOR':
        return sameCounty(u, p.countyId) && (p.isSupervised || p.isKeyMatter || p.isBacklog);
      case 'COUNTY_LEADER':
        return sameCounty(u, p.countyId) && p.ownerLeaderId === u.id;
      case 'DEPARTMENT':
      case 'TOWNSHIP':
        return p.handler?.id === u.unit.id;
      case 'VILLAGE':
      case 'ADMIN':
        return false;
    }
  });
}

/** The petitioner's identity removed from a text, as docs/permissions.md says ("***"). */
export function redacted(text: string, p: RefPetition): string {
  let out = text;
  for (const v of [p.petitioner.address, p.petitioner.phone, p.petitioner.name].sort((a, b) => b.length - a.length)) out = out.split(v).join('***');
  return out;
}

/** What the user should get for one text field of a readable petition: null, the text, or the text redacted. */
export function shownText(u: RefUser, p: RefPetition, text: string | null): string | null {
  if (text === null || isAccused(u, p)) return null; // the accused unit never gets who accused it, nor of what
  return readsPetitioner(u, p) ? text : redacted(text, p);
}

/** The petitioner object the user should get: the identity, or null. */
export function shownPetitioner(u: RefUser, p: RefPetition): { name: string; phone: string; address: string } | null {
  return readsPetitioner(u, p) ? p.petitioner : null;
}

/** The units a user reads (docs/domain.md §3, Units; docs/permissions.md). */
export function readsUnit(u: RefUser, unit: RefUnit): boolean {
  return u.roles.some((role) => {
    switch (role) {
      case 'COUNTY_LEADER':
      case 'BUREAU':
      case 'SUPERVISOR':
      case 'ADMIN':
        return unit.countyId === u.unit.countyId;
      case 'DEPARTMENT':
        return unit.id === u.unit.id;
      case 'TOWNSHIP':
        return within(unit, u.unit);
      case 'VILLAGE':
        return u.unit.kind === 'VILLAGE' ? within(unit, u.unit) : unit.id === u.unit.id;
    }
  });
}

/**
 * `petitions(filter: { unitId })`: "located in this unit or below it, or handled by it", inside the
 * caller's scope; a unit the caller may not read answers NOT_FOUND.
 */
export function inUnitFilter(p: RefPetition, unit: RefUnit): boolean {
  return within(p.location, unit) || p.handler?.id === unit.id;
}

/**
 * `petitions(filter: { text: <the petitioner's name> })` (issue 8, defect 1): a reader who may not
 * know who petitioned finds nothing by the name; one who may, finds the petition whose texts carry it.
 */
/**
 * `petitions(filter: { text: <a word of the content> })`: a reader finds what it may read the content
 * of — every readable petition but an accusation against its own unit.
 */
export function findsByContentWord(u: RefUser, p: RefPetition): boolean {
  return readsPetition(u, p) && !isAccused(u, p);
}

export function findsByPetitionerName(u: RefUser, p: RefPetition): boolean {
  return readsPetition(u, p) && readsPetitioner(u, p);
}
