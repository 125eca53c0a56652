import type { FilterQuery } from '@mikro-orm/core';
import { accessibleWhere, assertCan } from '../../common/access.js';
import type { RequestContext } from '../../common/context.js';
import { notFound } from '../../common/errors.js';
import { pageArgs, toConnection } from '../../common/pagination.js';
import { Unit } from '../unit/unit.entity.js';
import { isUuid } from '../unit/unit.service.js';
import { User } from './user.entity.js';
import type { UserFilter } from './user.types.js';

/** Accounts, for the administrator. */
export class UserService {
  async list(ctx: RequestContext, filter: UserFilter = {}, first?: number | null, after?: string | null) {
    assertCan(ctx.ability, 'read', 'User');
    const { limit, offset } = pageArgs(first, after);
    const where: FilterQuery<User>[] = [accessibleWhere<User>(ctx.ability, 'read', 'User')];
    if (filter.role) where.push({ roles: { $contains: [filter.role] } });
    if (filter.active !== undefined && filter.active !== null) where.push({ active: filter.active });
    if (filter.text) {
      const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push({ $or: [{ username: { $ilike: like } }, { displayName: { $ilike: like } }] });
    }
    if (filter.unitSubtreeOf) {
      const root = isUuid(filter.unitSubtreeOf) ? await ctx.em.findOne(Unit, { id: filter.unitSubtreeOf }) : null;
      if (!root) throw notFound('Unit');
      const units = await ctx.em.find(Unit, { path: { $like: `${root.path}%` } }, { fields: ['id'] });
      where.push({ unitId: { $in: units.map((u) => u.id) } });
    }
    const [rows, total] = await ctx.em.findAndCount(User, { $and: where }, { orderBy: { username: 'asc' }, limit, offset });
    return toConnection(rows, total, offset);
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    assertCan(ctx.ability, 'read', 'User');
    if (!isUuid(id)) throw notFound('User');
    const user = await ctx.em.findOne(User, { $and: [{ id }, accessibleWhere<User>(ctx.ability, 'read', 'User')] });
    if (!user) throw notFound('User');
    return user;
  }
}
