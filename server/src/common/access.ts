import { ForbiddenError } from '@casl/ability';
import type { EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Action, AppAbility, SubjectType } from '@xinfang/permissions';
import type { RequestContext } from './context.js';
import { badInput, forbidden, notFound } from './errors.js';
import { isUuid } from './input.js';
import { pageArgs, toConnection } from './pagination.js';

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
 * Conditions in the rules are plain equalities on the entity's own columns (docs/architecture.md), which
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

// ------------------------------------------------------------------ the scoped read path
//
// Every read of a scoped entity (one with rules in @xinfang/permissions) goes through these four
// functions, so that no list, count or single read can forget the caller's scope: each ANDs
// `accessibleWhere` into its query, and pages, sorts and counts in SQL. An ESLint rule refuses a
// direct `em.find`/`findOne`/`findAndCount` of a scoped entity anywhere else (eslint.config.js names
// the few reads that are unscoped by design, each with its reason).

/** What the scoped reads need of a request. */
export type Reader = Pick<RequestContext, 'ability' | 'em'>;

/** The words of a NOT_FOUND, by subject: the same whether the row is missing or out of scope. */
const NOUNS: Record<SubjectType, string> = {
  Unit: 'Unit',
  User: 'User',
  Petition: 'Petition',
  HolidayCalendar: 'Calendar',
  AuditRecord: 'Audit record',
  ScreeningReport: 'Screening report',
  Dispute: 'Dispute',
  ScreeningRule: 'Screening rule',
  Notification: 'Notification',
  Conference: 'Conference',
  ConferenceTask: 'Conference task',
  SupervisionOrder: 'Supervision order',
  Circular: 'Circular',
  AccountabilityRecord: 'Accountability record',
  AssessmentScheme: 'Assessment scheme',
  AssessmentResult: 'Assessment result',
  AssessmentVeto: 'Veto',
  AssessmentObjection: 'Objection',
  Commendation: 'Commendation',
};

export interface ScopeOptions<T> {
  /** The caller's own condition; the scope is ANDed onto it. */
  where?: FilterQuery<T>;
  /** The rule's action: `read` unless a write reads through its own rule (`update`). */
  action?: Action;
  /** A field rule to meet as well (e.g. `petitioner`: only rows whose petitioner the caller may know). */
  field?: string;
  /** The transaction's manager, inside a write. */
  em?: EntityManager;
}

/** The condition of a scoped read: the caller's rules for the subject, and the caller's own filter. */
export function scopedWhere<T extends object>(ability: AppAbility, subject: SubjectType, options: Pick<ScopeOptions<T>, 'where' | 'action' | 'field'> = {}): FilterQuery<T> {
  const parts: FilterQuery<T>[] = [accessibleWhere<T>(ability, options.action ?? 'read', subject)];
  if (options.field) parts.push(accessibleWhere<T>(ability, options.action ?? 'read', subject, options.field));
  if (options.where && !isEverything(options.where)) parts.push(options.where);
  return (parts.length === 1 ? parts[0]! : { $and: parts }) as FilterQuery<T>;
}

/**
 * One row by id inside the caller's scope, or NOT_FOUND: the same answer for an id that does not
 * exist, one that is not an id at all, and one that lies outside the scope.
 */
export async function readOne<T extends object>(
  ctx: Reader,
  entity: EntityName<T>,
  subject: SubjectType,
  id: string,
  em: EntityManager = ctx.em,
  options: Omit<ScopeOptions<T>, 'em'> = {},
): Promise<T> {
  const row = await readMaybe(ctx, entity, subject, id, { ...options, em });
  if (!row) throw notFound(NOUNS[subject]);
  return row;
}

/** One row by id inside the caller's scope, or null (for links such as `repeatOf`). */
export async function readMaybe<T extends object>(ctx: Reader, entity: EntityName<T>, subject: SubjectType, id: string | null | undefined, options: ScopeOptions<T> = {}): Promise<T | null> {
  if (!id || !isUuid(id)) return null;
  const where = { $and: [{ id }, scopedWhere<T>(ctx.ability, subject, options)] } as FilterQuery<T>;
  return (options.em ?? ctx.em).findOne(entity, where);
}

export interface ListOptions<T extends object> extends ScopeOptions<T> {
  orderBy: FindOptions<T>['orderBy'];
  limit?: number;
}

/** Every row of a condition inside the caller's scope, sorted in SQL (at most `limit`). */
export function scopedAll<T extends object>(ctx: Reader, entity: EntityName<T>, subject: SubjectType, options: ListOptions<T>): Promise<T[]> {
  return (options.em ?? ctx.em).find(entity, scopedWhere<T>(ctx.ability, subject, options), { orderBy: options.orderBy, limit: options.limit } as FindOptions<T>);
}

/** How many rows of a condition lie inside the caller's scope. */
export function scopedCount<T extends object>(ctx: Reader, entity: EntityName<T>, subject: SubjectType, options: ScopeOptions<T> = {}): Promise<number> {
  return (options.em ?? ctx.em).count(entity, scopedWhere<T>(ctx.ability, subject, options));
}

/**
 * One page of a scoped list as a connection: `first` rows after the cursor `after`, sorted, paged and
 * counted in SQL — two statements, whatever the fields asked.
 */
export async function scopedPage<T extends object>(
  ctx: Reader,
  entity: EntityName<T>,
  subject: SubjectType,
  options: ListOptions<T> & { first?: number | null; after?: string | null },
) {
  const { limit, offset } = pageArgs(options.first, options.after);
  const [rows, total] = await (options.em ?? ctx.em).findAndCount(entity, scopedWhere<T>(ctx.ability, subject, options), { orderBy: options.orderBy, limit, offset } as FindOptions<T>);
  return toConnection(rows, total, offset);
}

/**
 * Every row a ledger's filter selects inside the caller's scope, or a refusal that says how many
 * matched: a 台账 is never handed over silently shortened. One statement when the rows fit (it asks
 * for one row more than the limit); the exact count only when they do not.
 */
export async function scopedExport<T extends object>(ctx: Reader & Pick<RequestContext, 'config'>, entity: EntityName<T>, subject: SubjectType, options: ListOptions<T>): Promise<T[]> {
  const max = ctx.config.exportMaxRows;
  const rows = await scopedAll(ctx, entity, subject, { ...options, limit: max + 1 });
  if (rows.length <= max) return rows;
  const matched = await scopedCount(ctx, entity, subject, options);
  throw badInput(
    `The filter matches ${matched.toLocaleString('en')} rows; one export holds at most ${max.toLocaleString('en')}. Narrow the filter (a shorter period, one unit) and export in parts.`,
    { reason: 'EXPORT_TOO_LARGE', rows: matched, limit: max },
  );
}
