import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { USERNAME_PATTERN, passwordProblem, rolesNotFitting, type Role } from '@xinfang/domain';
import { assertCan, assertCanOn, readOne, scopedPage } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { likePattern } from '../../common/input.js';
import { expectVersion } from '../../common/write.js';
import { checkPassword, hashPassword, issueSession, type LoginResult } from '../auth/index.js';
import { requireUnit, unitById, unitsBelow, type Unit } from '../unit/index.js';
import { ownAccount } from './own-account.js';
import { User } from './user.entity.js';
import type { CreateUserInput, UpdateUserInput } from './user.inputs.js';
import type { UserFilter } from './user.types.js';

const PASSWORD_MESSAGES = {
  TOO_SHORT: 'The password must have at least 10 characters.',
  TOO_LONG: 'The password must have at most 200 characters.',
  SAME_AS_USERNAME: 'The password must not be the username.',
} as const;

function checkNewPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw badInput(PASSWORD_MESSAGES[problem], { reason: `PASSWORD_${problem}`, field: 'password' });
}

function checkDisplayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 50) throw badInput('The display name must have 1 to 50 characters.', { field: 'displayName' });
  return trimmed;
}

function checkRoles(roles: Role[], unit: Unit): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw badInput('An account needs at least one role.', { field: 'roles' });
  const misfits = rolesNotFitting(unique, unit.kind);
  if (misfits.length > 0) {
    throw badInput(`A user of a ${unit.kind} unit cannot hold ${misfits.join(', ')}.`, { reason: 'ROLE_DOES_NOT_FIT_UNIT', field: 'roles', roles: misfits });
  }
  return unique;
}

/** Accounts: the administrator lists and manages them; every user changes its own password. */
export class UserService {
  async list(ctx: RequestContext, filter: UserFilter = {}, first?: number | null, after?: string | null) {
    assertCan(ctx.ability, 'read', 'User');
    const where: FilterQuery<User>[] = [];
    if (filter.role) where.push({ roles: { $contains: [filter.role] } });
    if (filter.active !== undefined && filter.active !== null) where.push({ active: filter.active });
    const like = likePattern(filter.text);
    if (like) where.push({ $or: [{ username: { $ilike: like } }, { displayName: { $ilike: like } }] });
    if (filter.unitSubtreeOf) {
      const root = await requireUnit(ctx, filter.unitSubtreeOf);
      where.push({ unitId: { $in: unitsBelow(ctx.em, root) } });
    }
    return scopedPage(ctx, User, 'User', { where: where.length ? { $and: where } : {}, orderBy: { username: 'asc' }, first, after });
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    assertCan(ctx.ability, 'read', 'User');
    return readOne(ctx, User, 'User', id);
  }

  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    assertCan(ctx.ability, 'create', 'User');
    const username = input.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) {
      throw badInput('The username must have 3 to 32 characters: lower-case letters, digits, ".", "_" or "-".', { field: 'username' });
    }
    checkNewPassword(input.password, username);
    const passwordHash = await hashPassword(input.password);
    return ctx.em.transactional(async (em) => {
      const unit = await requireUnit(ctx, input.unitId, em);
      const user = new User();
      user.username = username;
      user.displayName = checkDisplayName(input.displayName);
      user.unitId = unit.id;
      user.countyId = unit.countyId;
      user.roles = checkRoles(input.roles, unit);
      user.passwordHash = passwordHash;
      assertCanOn(ctx.ability, 'create', user);
      if (await em.count(User, { username })) throw badInput(`The username "${username}" is taken.`, { reason: 'USERNAME_TAKEN', field: 'username' });
      em.persist(user);
      return user;
    });
  }

  async update(ctx: SignedInContext, id: string, version: number, input: UpdateUserInput): Promise<User> {
    return ctx.em.transactional(async (em) => {
      const user = await this.manageable(em, ctx, id);
      expectVersion(user, version);
      const self = user.id === ctx.user.id;
      if (input.displayName !== undefined && input.displayName !== null) user.displayName = checkDisplayName(input.displayName);
      let unit = (await unitById(em, user.unitId))!;
      if (input.unitId) {
        unit = await requireUnit(ctx, input.unitId, em);
        user.unitId = unit.id;
        user.countyId = unit.countyId;
      }
      if (input.roles) user.roles = checkRoles(input.roles, unit);
      else checkRoles(user.roles, unit);
      if (input.active !== undefined && input.active !== null) {
        if (self && !input.active) throw badInput('You cannot deactivate your own account.', { reason: 'SELF_LOCKOUT', field: 'active' });
        user.active = input.active;
      }
      if (self && !user.roles.includes('ADMIN')) {
        throw badInput('You cannot take the administrator role from your own account.', { reason: 'SELF_LOCKOUT', field: 'roles' });
      }
      assertCanOn(ctx.ability, 'update', user);
      return user;
    });
  }

  /** The administrator sets a new password; every session of the account ends. */
  async resetPassword(ctx: RequestContext, id: string, version: number, password: string): Promise<User> {
    return ctx.em.transactional(async (em) => {
      const user = await this.manageable(em, ctx, id);
      expectVersion(user, version);
      checkNewPassword(password, user.username);
      user.passwordHash = await hashPassword(password);
      user.sessionsValidFrom = new Date();
      return user;
    });
  }

  /**
   * A user changes its own password, proving it knows the current one. Every session signed in
   * before ends; the caller gets a new one.
   */
  async changeOwnPassword(ctx: SignedInContext, currentPassword: string, newPassword: string): Promise<LoginResult> {
    await ctx.em.transactional(async (em) => {
      const user = await ownAccount(ctx, em, true);
      if (!(await checkPassword(user.passwordHash, currentPassword))) {
        throw badInput('The current password is not right.', { reason: 'WRONG_CURRENT_PASSWORD', field: 'currentPassword' });
      }
      checkNewPassword(newPassword, user.username);
      if (newPassword === currentPassword) throw badInput('The new password must differ from the current one.', { reason: 'PASSWORD_UNCHANGED', field: 'newPassword' });
      user.passwordHash = await hashPassword(newPassword);
      user.sessionsValidFrom = new Date();
    });
    return issueSession(ctx.em, ctx.config, ctx.user.id);
  }

  /** An account the caller may update, or FORBIDDEN (no rule at all) / NOT_FOUND (outside the scope). */
  private async manageable(em: EntityManager, ctx: RequestContext, id: string): Promise<User> {
    assertCan(ctx.ability, 'update', 'User');
    return readOne(ctx, User, 'User', id, em, { action: 'update' });
  }
}

