import type { FilterQuery } from '@mikro-orm/core';
import { ALLOWED_PARENT } from '@xinfang/domain';
import { accessibleWhere, assertCan, assertCanOn } from '../../common/access.js';
import type { RequestContext } from '../../common/context.js';
import { badInput, notFound } from '../../common/errors.js';
import { expectVersion } from '../../common/write.js';
import { Unit } from './unit.entity.js';
import { makeUnit } from './unit.tree.js';
import type { CreateUnitInput, UnitFilter, UnitPathItem, UpdateUnitInput } from './unit.types.js';

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 60) throw badInput('A unit name must have 1 to 60 characters.', { field: 'name' });
  return trimmed;
}

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

  /** Adds a unit under an existing one (system administrator). Counties are made by `bootstrap`. */
  async create(ctx: RequestContext, input: CreateUnitInput): Promise<Unit> {
    assertCan(ctx.ability, 'create', 'Unit');
    const name = checkName(input.name);
    return ctx.em.transactional(async (em) => {
      const parent = isUuid(input.parentId) ? await em.findOne(Unit, { $and: [{ id: input.parentId }, accessibleWhere<Unit>(ctx.ability, 'read', 'Unit')] }) : null;
      if (!parent) throw notFound('Unit');
      const expected = ALLOWED_PARENT[input.kind];
      if (expected !== parent.kind) {
        throw badInput(`A ${input.kind} unit must hang under a ${expected ?? 'nothing'}, not a ${parent.kind}.`, { reason: 'WRONG_PARENT_KIND', field: 'parentId' });
      }
      await this.checkSiblingName(em, parent.id, name);
      const unit = makeUnit(name, input.kind, parent, input.sortOrder ?? (await em.count(Unit, { parentId: parent.id })));
      assertCanOn(ctx.ability, 'create', unit);
      em.persist(unit);
      return unit;
    });
  }

  /** Renames or reorders a unit (system administrator); a stale version answers CONFLICT. */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateUnitInput): Promise<Unit> {
    assertCan(ctx.ability, 'update', 'Unit');
    return ctx.em.transactional(async (em) => {
      const unit = isUuid(id) ? await em.findOne(Unit, { $and: [{ id }, accessibleWhere<Unit>(ctx.ability, 'update', 'Unit')] }) : null;
      if (!unit) throw notFound('Unit');
      expectVersion(unit, version);
      if (input.name !== undefined && input.name !== null) {
        const name = checkName(input.name);
        if (name !== unit.name && unit.parentId) await this.checkSiblingName(em, unit.parentId, name);
        unit.name = name;
      }
      if (input.sortOrder !== undefined && input.sortOrder !== null) unit.sortOrder = input.sortOrder;
      return unit;
    });
  }

  private async checkSiblingName(em: RequestContext['em'], parentId: string, name: string): Promise<void> {
    if (await em.count(Unit, { parentId, name })) throw badInput(`There is already a unit named "${name}" here.`, { reason: 'NAME_TAKEN', field: 'name' });
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
