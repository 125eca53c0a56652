/**
 * The user module's surface (docs/architecture.md, the module pattern): the account entity, for the
 * auth module's sign-in and for GraphQL references.
 */
export { User } from './user.entity.js';
