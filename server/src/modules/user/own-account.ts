import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context.js';
import { User } from './user.entity.js';

/**
 * The caller's own account (`me`, changing one's own password): read by the signed-in user's id
 * WITHOUT a scope, since every user may see itself and most roles have no rule on `User` at all.
 * eslint.config.js names this file as the one unscoped read of accounts outside sign-in.
 */
export const ownAccount = (ctx: SignedInContext, em: EntityManager = ctx.em, withPassword = false): Promise<User> =>
  withPassword ? em.findOneOrFail(User, { id: ctx.user.id }, { populate: ['passwordHash'] }) : em.findOneOrFail(User, { id: ctx.user.id });
