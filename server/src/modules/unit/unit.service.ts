import type { FilterQuery } from '@mikro-orm/core';
import { accessibleWhere } from '../../common/access.js';
import type { RequestContext } from '../../common/context.js';
import { notFound } from '../../common/errors.js';
import { Unit } from './unit.entity.js';
import type { UnitFilter, UnitPathItem } from './unit.types.js';

/** Reads the unit tree within the caller's scope. */
export class UnitService {
  /** The units the caller may read, in tree order. */
  async list(ctx: RequestContext, filter: UnitFilter = {}): Promise<Unit[]> {
    const where: FilterQuery<Unit>[] = [accessibleWhere<Unit>(ctx.ability, 'read', 'Unit')];
    if (filter.kinds?.length) where.push({ kind: { $in: filter.kinds } });
    if (filter.subtreeOf) {
      const root = await this.get(ctx, filter.subtreeOf);
      where.push({ path: { $like: `${root.path}%` } });
    }
    return ctx.em.find(Unit, { $and: where }, { orderBy: { depth: 'asc', sortOrder: 'asc', name: 'asc' } });
  }

  /** One unit, or NOT_FOUND when it does not exist or lies outside the caller's scope. */
  async get(ctx: RequestContext, id: string): Promise<Unit> {
    if (!isUuid(id)) throw notFound('Unit');
    const unit = await ctx.em.findOne(Unit, { $and: [{ id }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit')] });
    if (!unit) throw notFound('Unit');
    return unit;
  }

  /**
   * The path from the county down to this unit. Names and kinds of the units above a readable unit
   * are part of reading it ("where does it sit"); nothing else of them is.
   */
  async path(ctx: RequestContext, unit: Unit): Promise<UnitPathItem[]> {
    const units = await ctx.loaders.unitById.loadMany(unit.pathIds());
    return units.filter((u): u is Unit => u instanceof Unit).map(({ id, name, kind }) => ({ id, name, kind }));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot name a row and answers NOT_FOUND without a database error. */
export const isUuid = (id: string): boolean => UUID.test(id);
