import type { MongoAbility, MongoQuery } from '@casl/ability';
import type { Role, UnitKind } from '@xinfang/domain';

/**
 * What a user can do. `manage` stands for every action, as in CASL. The petition actions are the
 * transitions of @xinfang/domain's TRANSITIONS (plus `flag`: mark key matter or backlog, and `own`:
 * record a hard case's 包案 — its leader, unit and plans); `create` on
 * a Petition is registering it. On a ScreeningReport, `create` is submitting it, `update` correcting it
 * and `review` the next level's review (after which it can no longer be corrected); on a Dispute,
 * `escalate` hands it to the stability team and `link` ties it to the petition it turned into. On a
 * SupervisionOrder (督办单), `create` is issuing it, `report` the named unit's report back and `close`
 * the supervision group's acceptance or sending back; on a ConferenceTask, `update` marks it done.
 * In the assessment (docs/domain.md §8): `update` on an AssessmentScheme edits it; `compute` on an
 * AssessmentResult computes a year's results, `publish` opens the review (公示) and publishes the
 * year; `create` on an AssessmentVeto proposes one and `decide` confirms or revokes it; `create` on
 * an AssessmentObjection files it and `answer` answers it; `create` on a Commendation records it.
 */
export const ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  'accept',
  'decline',
  'assign',
  'object',
  'notify',
  'answer',
  'requestExtension',
  'decideExtension',
  'rate',
  'requestReview',
  'decideReview',
  'close',
  'followUp',
  'instruct',
  'flag',
  'own',
  'review',
  'escalate',
  'link',
  'report',
  'compute',
  'decide',
  'publish',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The things the rules speak of; each names an entity (or its GraphQL type) of the same name. */
export const SUBJECTS = [
  'Unit', 'User', 'Petition', 'HolidayCalendar', 'AuditRecord', 'ScreeningReport', 'Dispute', 'ScreeningRule', 'Notification',
  'Conference', 'ConferenceTask', 'SupervisionOrder', 'Circular', 'AccountabilityRecord',
  'AssessmentScheme', 'AssessmentResult', 'AssessmentVeto', 'AssessmentObjection', 'Commendation',
] as const;
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

/** The petition's fields that carry the petitioner's identity (docs/domain.md §3). */
export const PETITIONER_FIELDS = ['petitioner'] as const;

/**
 * What the respondent unit of an accusation never receives: who accused it and of what. The timeline's
 * notes (`timelineNotes`) count as content.
 */
export const ACCUSATION_FIELDS = ['petitioner', 'subject', 'content', 'respondentName', 'timelineNotes'] as const;
