/**
 * The user module's surface (docs/architecture.md, the module pattern): the account entity, for the
 * auth module's sign-in and for GraphQL references, and the county's leaders by name.
 */
export { User } from './user.entity.js';
export { countyLeader, countyLeaders, leaderLoader, type Leader } from './user.directory.js';
