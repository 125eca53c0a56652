import { AbilityBuilder, createMongoAbility, type RawRuleOf } from '@casl/ability';
import { packRules, unpackRules, type PackRule } from '@casl/ability/extra';
import type { Role } from '@xinfang/domain';
import { ACCUSATION_FIELDS, type AbilityUser, type AppAbility } from './types.js';
import { admin } from './roles/admin.js';
import { bureau } from './roles/bureau.js';
import { countyLeader } from './roles/county-leader.js';
import { department } from './roles/department.js';
import { supervisor } from './roles/supervisor.js';
import { township } from './roles/township.js';
import { village } from './roles/village.js';

export type RoleRules = (builder: AbilityBuilder<AppAbility>, user: AbilityUser) => void;

/** One rule file per role; a user with several roles gets the union of their rules. */
export const ROLE_RULES: Record<Role, RoleRules> = {
  COUNTY_LEADER: countyLeader,
  BUREAU: bureau,
  DEPARTMENT: department,
  TOWNSHIP: township,
  VILLAGE: village,
  SUPERVISOR: supervisor,
  ADMIN: admin,
};

/**
 * Finds the CASL subject type of an object: a GraphQL object by `__typename`, a tagged plain object by
 * `__caslSubjectType__`, an entity by its class name.
 */
export function detectSubjectType(object: object): string {
  const o = object as { __caslSubjectType__?: string; __typename?: string; constructor?: { name?: string } };
  return o.__caslSubjectType__ ?? o.__typename ?? o.constructor?.name ?? 'Object';
}

/** Creates an ability from raw rules, the same way on the server and in the portal. */
export function createAbility(rules: RawRuleOf<AppAbility>[]): AppAbility {
  return createMongoAbility<AppAbility>(rules, { detectSubjectType: detectSubjectType as never });
}

/**
 * What no role may override, written after every role's rules so that it wins (CASL: later rules take
 * precedence): the respondent unit of an accusation never receives who accused it nor of what, and
 * may not act on the accusation, whatever its territorial scope (docs/domain.md §3).
 */
export const PROTECTIONS: RoleRules = ({ cannot }, user) => {
  cannot('read', 'Petition', [...ACCUSATION_FIELDS], { kind: 'ACCUSATION', respondentUnitId: user.unitId });
  cannot(
    ['object', 'notify', 'answer', 'requestExtension', 'decideExtension', 'followUp', 'instruct', 'assign', 'accept', 'decline', 'close', 'rate', 'requestReview', 'decideReview', 'flag', 'own'],
    'Petition',
    { kind: 'ACCUSATION', respondentUnitId: user.unitId },
  );
};

/**
 * What every working unit has, whatever its role: its own inbox; the supervision orders that name it
 * (and those naming a unit directly below it, whose red warnings it is told of), which it reports on;
 * the conference tasks it owns (and those of the units below it), which it marks done; the
 * accountability records that name it; and every circular the county publishes (通报, docs/domain.md §5).
 * In the assessment (§8): the county's schemes and commendations; its own result and veto once the
 * year is under review or published, and its own objections, which it files during the review.
 */
export const EVERY_UNIT: RoleRules = ({ can }, user) => {
  can('read', 'Notification', { unitId: user.unitId });
  can(['read', 'report'], 'SupervisionOrder', { unitId: user.unitId });
  can('read', 'SupervisionOrder', { parentUnitId: user.unitId });
  can(['read', 'update'], 'ConferenceTask', { ownerUnitId: user.unitId });
  can('read', 'ConferenceTask', { ownerParentUnitId: user.unitId });
  can('read', 'AccountabilityRecord', { unitId: user.unitId });
  can('read', 'Circular', { countyId: user.countyId });
  can('read', ['AssessmentScheme', 'Commendation'], { countyId: user.countyId });
  can('read', ['AssessmentResult', 'AssessmentVeto'], { unitId: user.unitId, stage: { $in: ['REVIEW', 'PUBLISHED'] } });
  can('read', 'AssessmentObjection', { unitId: user.unitId });
  can('create', 'AssessmentObjection', { unitId: user.unitId, stage: 'REVIEW' });
};

/** Builds the ability of a signed-in user from its roles; a user without roles can do nothing. */
export function defineAbilityFor(user: AbilityUser): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const role of user.roles) ROLE_RULES[role](builder, user);
  // What every working unit has of its own (the administrator keeps accounts, not cases).
  if (user.roles.some((r) => r !== 'ADMIN')) EVERY_UNIT(builder, user);
  if (user.roles.length > 0) PROTECTIONS(builder, user);
  return createAbility(builder.rules);
}

/** Packs an ability's rules for the wire (the `rules` of the login answer). */
export function packAbilityRules(ability: AppAbility): PackRule<RawRuleOf<AppAbility>>[] {
  return packRules(ability.rules);
}

/** Rebuilds an ability from rules packed by `packAbilityRules` (the portal does this after sign-in). */
export function abilityFromPackedRules(packed: PackRule<RawRuleOf<AppAbility>>[]): AppAbility {
  return createAbility(unpackRules(packed) as RawRuleOf<AppAbility>[]);
}
