import type { EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { RequestContext } from './context.js';
import { badInput } from './errors.js';

/**
 * Every row a ledger's filter selects, or a refusal that says how many matched: a 台账 is never
 * handed over silently shortened. One statement when the rows fit (it asks for one row more than
 * the limit); the exact count only when they do not.
 */
export async function exportRows<T extends object>(
  ctx: RequestContext,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: Pick<FindOptions<T>, 'orderBy'>,
): Promise<T[]> {
  const max = ctx.config.exportMaxRows;
  const rows = await ctx.em.find(entity, where, { ...options, limit: max + 1 } as FindOptions<T>);
  if (rows.length <= max) return rows;
  const matched = await ctx.em.count(entity, where);
  throw badInput(
    `The filter matches ${matched.toLocaleString('en')} rows; one export holds at most ${max.toLocaleString('en')}. Narrow the filter (a shorter period, one unit) and export in parts.`,
    { reason: 'EXPORT_TOO_LARGE', rows: matched, limit: max },
  );
}
