/**
 * The petition module's surface: what other modules may use of petitions (docs/architecture.md, the
 * module pattern). `Petition` is exported for types and GraphQL references only; reading petitions is
 * `requirePetition` / `readableByIds` (in the caller's scope) or the id-and-flag facts of
 * petition.links.ts.
 */
export { Petition } from './petition.entity.js';
export { readableByIds, readablePetition, requirePetition } from './petition.queries.js';
export { escalatedAmong, openDeadlines, unownedHardCases, type OpenDeadline } from './petition.links.js';
export { PetitionWorkflow } from './petition.workflow.js';
export { verifyChains } from './timeline.service.js';
