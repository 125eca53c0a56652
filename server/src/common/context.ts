import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility, AbilityUser } from '@xinfang/permissions';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Loaders } from './loaders.js';

/** The signed-in user as the rules and the resolvers see it. */
export interface AuthUser extends AbilityUser {
  username: string;
  displayName: string;
  /** The signed-in session (the token's `jti`), which `logout` revokes. */
  sessionId?: string;
}

/** Why a request that carried a token is not signed in. */
export type TokenProblem = 'SESSION_EXPIRED' | 'INVALID_TOKEN';

/** Built once per request: the user, a forked EntityManager, the ability and the request's loaders. */
export interface RequestContext {
  em: EntityManager;
  user: AuthUser | null;
  tokenProblem: TokenProblem | null;
  ability: AppAbility;
  loaders: Loaders;
  address: string;
  config: AppConfig;
  logger: Logger;
}

/** A context that is known to be signed in (after `@Authorized()`). */
export type SignedInContext = RequestContext & { user: AuthUser };

/** Whether a request is signed in: narrows it to a `SignedInContext` where no `@Authorized()` does. */
export const isSignedIn = (ctx: RequestContext): ctx is SignedInContext => ctx.user !== null;
