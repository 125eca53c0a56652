import type { MongoAbility, MongoQuery } from '@casl/ability';
import type { Role, UnitKind } from '@xinfang/domain';

/** What a user can do. `manage` stands for every action, as in CASL. */
export const ACTIONS = ['manage', 'read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

/** The things the rules speak of; each names an entity (or its GraphQL type) of the same name. */
export const SUBJECTS = ['Unit', 'User'] as const;
export type SubjectType = (typeof SUBJECTS)[number];
export type Subjects = SubjectType | 'all' | { __caslSubjectType__?: SubjectType };

export type AppAbility = MongoAbility<[Action, Subjects], MongoQuery>;

/**
 * The facts about a signed-in user that the rules depend on. Every condition in a rule compares one of
 * these ids with a column of the subject's own row, so that it translates to SQL without joins.
 */
export interface AbilityUser {
  id: string;
  roles: readonly Role[];
  unitId: string;
  unitKind: UnitKind;
  countyId: string;
  townshipId: string | null;
  villageId: string | null;
}
