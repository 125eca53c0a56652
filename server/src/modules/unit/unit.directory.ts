import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context.js';
import { isUuid } from '../../common/input.js';
import { Unit } from './unit.entity.js';
import type { UnitPathItem } from './unit.types.js';

/**
 * The unit directory: the names and places of units, read WITHOUT the caller's scope. This is by
 * design and is the only such read of units (eslint.config.js names this file): a row's reader may
 * know the name and kind of every unit the row names — its location, its handling unit, the unit
 * above its own — and the units a write must find in the same county (the unit a petition is given
 * to, the unit it accuses). Nothing else of a unit, and nothing personal, is read here; lists and
 * single reads of units go through the scoped path (`requireUnit`, `readableUnits`).
 */

/** Units by id, loaded together for a page of rows (one loader per request). */
export const unitLoader = (em: EntityManager): DataLoader<string, Unit | null> =>
  new DataLoader(async (ids: readonly string[]) => {
    const rows = await em.find(Unit, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

/** A unit's id, name and kind, as a field that names it shows them. */
export async function unitRef(ctx: Pick<RequestContext, 'loaders'>, id: string | null): Promise<UnitPathItem | null> {
  if (!id) return null;
  const unit = await ctx.loaders.unitById.load(id);
  return unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null;
}

/** The name of a unit, for the actor of a timeline step; `—` for none. */
export const nameOf = async (em: EntityManager, id: string): Promise<string> => (await em.findOne(Unit, { id }))?.name ?? '—';

/** A unit by id (the caller's own, a row's unit), or null. */
export const unitById = (em: EntityManager, id: string): Promise<Unit | null> => (isUuid(id) ? em.findOne(Unit, { id }) : Promise.resolve(null));

/** Units by id, in no order. */
export const unitsByIds = (em: EntityManager, ids: string[]): Promise<Unit[]> => (ids.length ? em.find(Unit, { id: { $in: ids } }) : Promise.resolve([]));

/** A unit of this county by id, or null: a write's target that need not lie in the caller's scope. */
export const unitInCounty = (em: EntityManager, id: string, countyId: string): Promise<Unit | null> =>
  isUuid(id) ? em.findOne(Unit, { id, countyId }) : Promise.resolve(null);

/** The county's discipline commission (纪委监委), where accusations go. */
export const disciplineCommissionOf = (em: EntityManager, countyId: string): Promise<Unit | null> => em.findOne(Unit, { countyId, function: 'DISCIPLINE_COMMISSION' });

/** Sibling names are unique under a parent, whoever asks. */
export const nameTaken = async (em: EntityManager, parentId: string, name: string): Promise<boolean> => (await em.count(Unit, { parentId, name })) > 0;

/** How many units hang under a parent (a new one goes last). */
export const childCount = (em: EntityManager, parentId: string): Promise<number> => em.count(Unit, { parentId });

/**
 * The ids of a unit and the units below it, as a sub-select for `{ unitId: { $in: … } }`: the
 * condition stays one statement however large the tree.
 */
export const unitsBelow = (em: EntityManager, root: Pick<Unit, 'path'>): string[] =>
  em.createQueryBuilder(Unit, 'u').select('u.id').where({ path: { $like: `${root.path}%` } }).getKnexQuery() as unknown as string[];

/** The county's petition bureau (群众工作局), which hears of every red warning. */
export const bureauOf = (em: EntityManager, countyId: string): Promise<Unit | null> => em.findOne(Unit, { countyId, kind: 'BUREAU' });
