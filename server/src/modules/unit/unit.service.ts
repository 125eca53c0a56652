import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ALLOWED_PARENT, type UnitKind } from '@xinfang/domain';
import { assertCan, assertCanOn, readOne, scopedAll, type Reader } from '../../common/access.js';
import type { RequestContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { expectVersion } from '../../common/write.js';
import { childCount, nameTaken } from './unit.directory.js';
import { Unit } from './unit.entity.js';
import { makeUnit } from './unit.tree.js';
import type { CreateUnitInput, UnitFilter, UnitPathItem, UpdateUnitInput } from './unit.types.js';

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 60) throw badInput('A unit name must have 1 to 60 characters.', { field: 'name' });
  return trimmed;
}

const TREE_ORDER = { depth: 'asc', sortOrder: 'asc', name: 'asc' } as const;

/**
 * One unit in the caller's scope (and under a further condition, if given), or NOT_FOUND when it does
 * not exist or lies outside it.
 */
export const requireUnit = (ctx: Reader, id: string, em?: EntityManager, where?: FilterQuery<Unit>): Promise<Unit> => readOne(ctx, Unit, 'Unit', id, em, { where });

/** "This unit and the units below it", for a unit already read. */
export const subtreeOf = (root: Pick<Unit, 'path'>): FilterQuery<Unit> => ({ path: { $like: `${root.path}%` } });

/**
 * The units the caller may read, in tree order: optionally of some kinds, below a unit, and under a
 * further condition (e.g. the units whose screening reports the caller may review).
 */
export function readableUnits(ctx: Reader, options: { kinds?: readonly UnitKind[]; below?: Pick<Unit, 'path'>; where?: FilterQuery<Unit> } = {}): Promise<Unit[]> {
  const where: FilterQuery<Unit>[] = [];
  if (options.kinds?.length) where.push({ kind: { $in: [...options.kinds] } });
  if (options.below) where.push(subtreeOf(options.below));
  if (options.where) where.push(options.where);
  return scopedAll(ctx, Unit, 'Unit', { where: where.length ? { $and: where } : {}, orderBy: TREE_ORDER });
}

/** Reads the unit tree within the caller's scope. */
export class UnitService {
  /** The units the caller may read, in tree order. */
  async list(ctx: RequestContext, filter: UnitFilter = {}): Promise<Unit[]> {
    const below = filter.subtreeOf ? await requireUnit(ctx, filter.subtreeOf) : undefined;
    return readableUnits(ctx, { kinds: filter.kinds ?? undefined, below });
  }

  /** One unit, or NOT_FOUND when it does not exist or lies outside the caller's scope. */
  get(ctx: RequestContext, id: string): Promise<Unit> {
    return requireUnit(ctx, id);
  }

  /** Adds a unit under an existing one (system administrator). Counties are made by `bootstrap`. */
  async create(ctx: RequestContext, input: CreateUnitInput): Promise<Unit> {
    assertCan(ctx.ability, 'create', 'Unit');
    const name = checkName(input.name);
    return ctx.em.transactional(async (em) => {
      const parent = await requireUnit(ctx, input.parentId, em);
      const expected = ALLOWED_PARENT[input.kind];
      if (expected !== parent.kind) {
        throw badInput(`A ${input.kind} unit must hang under a ${expected ?? 'nothing'}, not a ${parent.kind}.`, { reason: 'WRONG_PARENT_KIND', field: 'parentId' });
      }
      await this.checkSiblingName(em, parent.id, name);
      const unit = makeUnit(name, input.kind, parent, input.sortOrder ?? (await childCount(em, parent.id)));
      assertCanOn(ctx.ability, 'create', unit);
      em.persist(unit);
      return unit;
    });
  }

  /** Renames or reorders a unit (system administrator); a stale version answers CONFLICT. */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateUnitInput): Promise<Unit> {
    assertCan(ctx.ability, 'update', 'Unit');
    return ctx.em.transactional(async (em) => {
      const unit = await readOne(ctx, Unit, 'Unit', id, em, { action: 'update' });
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

  private async checkSiblingName(em: EntityManager, parentId: string, name: string): Promise<void> {
    if (await nameTaken(em, parentId, name)) throw badInput(`There is already a unit named "${name}" here.`, { reason: 'NAME_TAKEN', field: 'name' });
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
