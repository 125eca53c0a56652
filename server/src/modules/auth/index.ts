/** The auth module's surface (docs/architecture.md, the module pattern). */
export { issueSession, loadAuthUser } from './auth.service.js';
export { LoginResult } from './auth.types.js';
export { checkPassword, hashPassword } from './password.js';
