/**
 * The petition module's surface: what other modules may use of petitions (docs/architecture.md, the
 * module pattern). `Petition` is exported for types and GraphQL references only; reading petitions is
 * `requirePetition` / `readableByIds` (in the caller's scope) or the id-and-flag facts of
 * petition.links.ts.
 */
export { Petition } from './petition.entity.js';
export { readableByIds, readablePetition, requirePetition } from './petition.queries.js';
export { escalatedAmong, markSupervised, openDeadlines, textAbout, unownedHardCases, type OpenDeadline } from './petition.links.js';
export { stepOnTimeline, type OutsideStep } from './petition.steps.js';
export { PetitionWorkflow } from './petition.workflow.js';
export { verifyChains } from './timeline.service.js';
export { WarningEnum } from './petition.enums.js';
export { LeaderRef } from './petition.cases.types.js';
