import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CategoryRoute, PetitionCategory } from './category.entity.js';
import type { CategoryRef } from './reference.types.js';

/**
 * Reference data: the category code table (问题类别) and each county's routes from a category to its
 * default handling department (归口办理). Not scoped: every signed-in user reads the same table.
 * Every module reads categories through here, so that a ledger, a field and a check agree.
 */

/** The categories in their display order. */
export const categories = (em: EntityManager): Promise<PetitionCategory[]> => em.find(PetitionCategory, {}, { orderBy: { sortOrder: 'asc' } });

/** Category names by code, for a ledger. */
export const categoryNames = async (em: EntityManager): Promise<Map<string, string>> => new Map((await categories(em)).map((c) => [c.code, c.name]));

/** The known category codes, for checking many inputs at once. */
export const categoryCodes = async (em: EntityManager): Promise<Set<string>> => new Set((await categories(em)).map((c) => c.code));

/** Whether a code is in the table. */
export const isCategory = async (em: EntityManager, code: string): Promise<boolean> => !!(await em.findOne(PetitionCategory, { code }));

/** The county's default handling unit for a category, or null (then the location's township handles it). */
export const routeOf = async (em: EntityManager, countyId: string, categoryCode: string): Promise<string | null> =>
  (await em.findOne(CategoryRoute, { countyId, categoryCode }))?.unitId ?? null;

/** A category as a field shows it: its code and name (the code itself for a code no longer in the table). */
export type CategoryLoader = DataLoader<string, CategoryRef>;

/** Category names by code, loaded together for a page of rows (one per request). */
export const categoryLoader = (em: EntityManager): CategoryLoader =>
  new DataLoader(async (codes: readonly string[]) => {
    const rows = await em.find(PetitionCategory, { code: { $in: [...codes] } });
    const names = new Map(rows.map((r) => [r.code, r.name]));
    return codes.map((code) => ({ code, name: names.get(code) ?? code }));
  });
