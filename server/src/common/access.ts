import { ForbiddenError } from '@casl/ability';
import type { FilterQuery } from '@mikro-orm/core';
import type { Action, AppAbility, SubjectType } from '@xinfang/permissions';
import { forbidden } from './errors.js';

/** A filter that matches nothing, for a caller with no rule at all for a subject. */
const NOTHING = { id: { $in: [] } };

/** A rule's condition: field → value, `{ $ne: value }` or `{ $in: values }` (packages/permissions). */
type Condition = Record<string, unknown>;

const operatorOf = (value: unknown): '$ne' | '$in' | null => {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return null;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === '$ne' || keys[0] === '$in')) return keys[0];
  // A rule written with another operator would translate wrongly: refuse it loudly, in every test.
  throw new Error(`accessibleWhere: unsupported condition ${JSON.stringify(value)}`);
};

/** `column IS DISTINCT FROM value`, which SQL's `<>` is not: it is NULL, not true, for a NULL column. */
const distinctFrom = (field: string, value: unknown): object =>
  value === null ? { [field]: { $ne: null } } : { $or: [{ [field]: { $ne: value } }, { [field]: null }] };

/**
 * One field's test as CASL means it in JavaScript, where a NULL column is simply unequal to every id:
 * `{ $ne: id }` holds for it, and the negation of `= id` holds for it too. SQL's comparisons are NULL
 * there, and `NOT NULL` is NULL, so a naive translation would drop such rows from either side.
 */
function fieldTest(field: string, value: unknown, negated: boolean): object {
  const op = operatorOf(value);
  if (op === '$ne') {
    const other = (value as { $ne: unknown }).$ne;
    return negated ? { [field]: other } : distinctFrom(field, other);
  }
  if (op === '$in') {
    const list = (value as { $in: unknown[] }).$in;
    return negated ? { $or: [{ [field]: { $nin: list } }, { [field]: null }] } : { [field]: { $in: list } };
  }
  return negated ? distinctFrom(field, value) : { [field]: value };
}

const allOf = (parts: object[]): object => (parts.length === 1 ? parts[0]! : { $and: parts });
const anyOf = (parts: object[]): object => (parts.length === 1 ? parts[0]! : { $or: parts });

/** A rule's condition as SQL, true exactly where CASL's own test on a loaded row is. */
const holds = (condition: Condition): object => allOf(Object.entries(condition).map(([f, v]) => fieldTest(f, v, false)));
/** Its negation, by De Morgan, with the same NULL semantics (never `NOT (…)` over a nullable column). */
const fails = (condition: Condition): object => anyOf(Object.entries(condition).map(([f, v]) => fieldTest(f, v, true)));

/**
 * The one way an ability becomes a MikroORM filter: the rules for `action` on `subject` (optionally
 * for one `field`) as a `WHERE` condition. Every list (page and count) and every single read uses it,
 * so that the scope is enforced by SQL and never by filtering rows after fetching them.
 *
 * Conditions in the rules are plain equalities on the entity's own columns (architecture.md), which
 * translate to SQL with CASL's own meaning for a NULL column (see `fieldTest`).
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
      return allOf(deny) as FilterQuery<T>;
    }
    if (rule.inverted) deny.push(fails(rule.conditions as Condition));
    else allow.push(holds(rule.conditions as Condition));
  }
  if (allow.length === 0) return NOTHING as FilterQuery<T>;
  return allOf([anyOf(allow), ...deny]) as FilterQuery<T>;
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
