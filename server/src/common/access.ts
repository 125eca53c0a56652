import { ForbiddenError } from '@casl/ability';
import type { FilterQuery } from '@mikro-orm/core';
import type { Action, AppAbility, SubjectType } from '@xinfang/permissions';
import { forbidden } from './errors.js';

/** A filter that matches nothing, for a caller with no rule at all for a subject. */
const NOTHING = { id: { $in: [] } };

/**
 * The one way an ability becomes a MikroORM filter: the rules for `action` on `subject` (optionally
 * for one `field`) as a `WHERE` condition. Every list (page and count) and every single read uses it,
 * so that the scope is enforced by SQL and never by filtering rows after fetching them.
 *
 * Conditions in the rules are plain equalities on the entity's own columns (architecture.md), which
 * MikroORM's query language reads as they are.
 */
export function accessibleWhere<T extends object>(
  ability: AppAbility,
  action: Action,
  subject: SubjectType,
  field?: string,
): FilterQuery<T> {
  // The same walk as CASL's rulesToQuery, with the field that rulesToQuery cannot take: rules come
  // most specific first; an unconditional allow ends the walk, an unconditional deny drops the rest.
  const allow: object[] = [];
  const deny: object[] = [];
  for (const rule of ability.rulesFor(action, subject, field)) {
    if (!rule.conditions) {
      if (rule.inverted) break;
      if (deny.length === 0) return {} as FilterQuery<T>;
      return (deny.length === 1 ? deny[0] : { $and: deny }) as FilterQuery<T>;
    }
    if (rule.inverted) deny.push({ $not: rule.conditions });
    else allow.push(rule.conditions);
  }
  if (allow.length === 0) return NOTHING as FilterQuery<T>;
  const parts = [allow.length === 1 ? allow[0] : { $or: allow }, ...deny];
  return (parts.length === 1 ? parts[0] : { $and: parts }) as FilterQuery<T>;
}

/** Whether a filter from `accessibleWhere` lets every row through (an unconditional rule). */
export const isEverything = (where: unknown): boolean => typeof where === 'object' && where !== null && Object.keys(where).length === 0;

/** Whether a filter from `accessibleWhere` lets no row through (no rule at all). */
export const isNothing = (where: unknown): boolean => where === NOTHING;

/** Refuses with FORBIDDEN when the caller has no rule at all allowing `action` on `subject`. */
export function assertCan(ability: AppAbility, action: Action, subject: SubjectType): void {
  if (!ability.can(action, subject)) throw forbidden();
}

/** Refuses with FORBIDDEN when the caller may not do `action` on this loaded object. */
export function assertCanOn(ability: AppAbility, action: Action, object: object): void {
  try {
    ForbiddenError.from(ability).throwUnlessCan(action, object as never);
  } catch {
    throw forbidden();
  }
}

/**
 * The same filter for rows of another entity that carries the subject's columns under other names:
 * the rules on a ScreeningReport speak of its unit (`unitId`, `unitKind`), which on a Unit row are
 * `id` and `kind`, so "the units whose reports the caller may read" is one `WHERE` on `unit`.
 * Operators (`$or`, `$not`, …) are walked; a field's own condition (`{ $in: […] }`) is kept whole.
 */
export function accessibleWhereAs<T extends object>(
  ability: AppAbility,
  action: Action,
  subject: SubjectType,
  columns: Record<string, string>,
): FilterQuery<T> {
  const rename = (condition: unknown): unknown => {
    if (Array.isArray(condition)) return condition.map(rename);
    if (!condition || typeof condition !== 'object') return condition;
    return Object.fromEntries(
      Object.entries(condition).map(([key, value]) => (key.startsWith('$') ? [key, rename(value)] : [columns[key] ?? key, value])),
    );
  };
  return rename(accessibleWhere(ability, action, subject)) as FilterQuery<T>;
}
