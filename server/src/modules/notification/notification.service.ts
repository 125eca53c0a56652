import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { scopedAll, scopedCount, scopedWhere, type Reader } from '../../common/access.js';
import type { SignedInContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { isUuid } from '../../common/input.js';
import { openDeadlines, unownedHardCases } from '../petition/index.js';
import { bureauOf, unitsByIds } from '../unit/index.js';
import { Notification, NotificationRead, type NotificationKind } from './notification.entity.js';

/** The most an inbox answers at once, newest first. */
const INBOX_SIZE = 100;
const MAX_MARK = 500;

/**
 * The inbox (站内通知, issue 9) and the daily warning sweep. The sweep claims its day in `sweep_run`
 * inside its transaction: a second run that day, or a second server instance on the same database,
 * waits on that row and then finds it taken, so the sweep runs once a day however many instances
 * there are, with no lock held outside the database and no job queue to run. Each message has a
 * dedupe key (kind, petition, unit, deadline), so a warning is told once for each deadline.
 */
export class NotificationService {
  /** The user's unread notifications, as a sub-select (`id NOT IN …`). */
  private readIds(ctx: SignedInContext): string[] {
    return ctx.em.createQueryBuilder(NotificationRead, 'r').select('r.notification_id').where({ userId: ctx.user.id }).getKnexQuery() as unknown as string[];
  }

  /** The caller's unit's inbox, newest first (only the unread with `unreadOnly`). */
  list(ctx: SignedInContext, unreadOnly: boolean): Promise<Notification[]> {
    return scopedAll(ctx, Notification, 'Notification', {
      where: unreadOnly ? { id: { $nin: this.readIds(ctx) } } : {},
      // One sweep writes many at once: among those, the nearest (or longest passed) deadline first.
      orderBy: [{ createdAt: 'desc' }, { dueOn: 'asc nulls last' }, { id: 'asc' }],
      limit: INBOX_SIZE,
    });
  }

  /** How many of the unit's notifications this user has not read (the badge in the header). */
  unreadCount(ctx: SignedInContext): Promise<number> {
    return scopedCount(ctx, Notification, 'Notification', { where: { id: { $nin: this.readIds(ctx) } } });
  }

  /** Marks notifications of the caller's unit read for this user; others' are ignored. Answers how many were newly read. */
  async markRead(ctx: SignedInContext, ids: string[]): Promise<number> {
    if (ids.length > MAX_MARK) throw badInput(`Mark at most ${MAX_MARK} notifications at once.`, { field: 'ids' });
    const wanted = [...new Set(ids.filter(isUuid))];
    if (wanted.length === 0) return 0;
    const mine = await scopedAll(ctx, Notification, 'Notification', { where: { id: { $in: wanted } }, orderBy: { id: 'asc' } });
    if (mine.length === 0) return 0;
    const result = await ctx.em.getConnection().execute<{ affectedRows?: number }>(
      `insert into notification_read (notification_id, user_id, read_at) values ${mine.map(() => '(?, ?, now())').join(', ')} on conflict do nothing`,
      mine.flatMap((n) => [n.id, ctx.user.id]),
      'run',
    );
    return result.affectedRows ?? 0;
  }

  /** Marks every notification of the caller's unit read for this user, however many; answers how many were newly read. */
  async markAllRead(ctx: SignedInContext): Promise<number> {
    const where = scopedWhere<Notification>(ctx.ability, 'Notification', { where: { id: { $nin: this.readIds(ctx) } } });
    const unread = ctx.em.createQueryBuilder(Notification, 'n').select('n.id').where(where as never).getKnexQuery().toSQL();
    const result = await ctx.em.getConnection().execute<{ affectedRows?: number }>(
      `insert into notification_read (notification_id, user_id, read_at) select u.id, ?, now() from (${unread.sql}) as u on conflict do nothing`,
      [ctx.user.id, ...unread.bindings],
      'run',
    );
    return result.affectedRows ?? 0;
  }

  /** Whether this user has read it, loaded together for the inbox (one statement). */
  isRead(ctx: SignedInContext, n: Notification): Promise<boolean> {
    let loader = reads.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const rows = await ctx.em.find(NotificationRead, { userId: ctx.user.id, notificationId: { $in: [...ids] } });
        const read = new Set(rows.map((r) => r.notificationId));
        return ids.map((id) => read.has(id));
      });
      reads.set(ctx, loader);
    }
    return loader.load(n.id);
  }
}

const reads = new WeakMap<Reader, DataLoader<string, boolean>>();

/** One message to write: the unit told, what about (by id), the deadline warned of, its dedupe key. */
export interface Message {
  countyId: string;
  unitId: string;
  kind: NotificationKind;
  petitionId?: string | null;
  orderId?: string | null;
  taskId?: string | null;
  circularId?: string | null;
  assessmentYear?: number | null;
  dueOn?: string | null;
  dedupeKey: string;
}

/**
 * Writes messages inside the caller's transaction, each once (a message whose dedupe key was written
 * before is skipped). Answers how many were new.
 */
export async function tell(em: EntityManager, messages: Message[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < messages.length; i += 500) {
    const batch = messages.slice(i, i + 500);
    const result = await em.getConnection().execute<{ affectedRows?: number }>(
      `insert into notification (id, county_id, unit_id, kind, petition_id, order_id, task_id, circular_id, assessment_year, due_on, created_at, dedupe_key)
       values ${batch.map(() => '(gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)').join(', ')}
       on conflict (dedupe_key) do nothing`,
      batch.flatMap((r) => [r.countyId, r.unitId, r.kind, r.petitionId ?? null, r.orderId ?? null, r.taskId ?? null, r.circularId ?? null, r.assessmentYear ?? null, r.dueOn ?? null, r.dedupeKey]),
      'run',
      em.getTransactionContext(),
    );
    written += result.affectedRows ?? 0;
  }
  return written;
}

/**
 * A deadline another module keeps (a supervision order's, a conference task's), as the sweep needs
 * it: the unit responsible, the unit above it, what it is about by id, and the day.
 */
export interface Deadline {
  countyId: string;
  unitId: string;
  parentUnitId: string | null;
  about: { orderId: string } | { taskId: string };
  dueOn: string;
}

/** The open deadlines of a kind that fall on or before `until`. */
export type DeadlineSource = (em: EntityManager, until: string) => Promise<Deadline[]>;

/**
 * The daily sweep: YELLOW to the responsible unit (for a petition its handling unit, the bureau while
 * none) when a deadline — a petition's current one, or one of `sources` (supervision orders,
 * conference tasks) — is three days away or less; RED once it has passed, to the responsible unit,
 * the unit above it and the bureau; OWNERSHIP_MISSING to the bureau for a key matter or backlog case
 * whose 包案 lacks a part. Answers how many notifications it wrote, or null when the day was swept already.
 */
export async function sweepNotifications(em: EntityManager, day: string = shanghaiDate(), sources: readonly DeadlineSource[] = []): Promise<number | null> {
  return em.transactional(async (tx) => {
    const claimed = await tx.getConnection().execute<Array<{ day: string }>>(
      'insert into sweep_run (day, ran_at, written) values (?, now(), 0) on conflict (day) do nothing returning day',
      [day],
      'all',
      tx.getTransactionContext(),
    );
    if (claimed.length === 0) return null;
    const bureaus = new Map<string, string | null>();
    const bureau = async (countyId: string) => {
      if (!bureaus.has(countyId)) bureaus.set(countyId, (await bureauOf(tx, countyId))?.id ?? null);
      return bureaus.get(countyId)!;
    };
    const rows: Message[] = [];
    const idOf = (about: Pick<Message, 'petitionId' | 'orderId' | 'taskId'>) => about.petitionId ?? about.orderId ?? about.taskId;
    const tellOne = (countyId: string, unitId: string | null, kind: NotificationKind, about: Pick<Message, 'petitionId' | 'orderId' | 'taskId'>, dueOn: string | null) => {
      if (unitId) rows.push({ countyId, unitId, kind, ...about, dueOn, dedupeKey: `${kind}:${idOf(about)}:${unitId}:${dueOn ?? ''}` });
    };
    const warn = async (d: { countyId: string; unitId: string; parentUnitId: string | null; dueOn: string }, about: Pick<Message, 'petitionId' | 'orderId' | 'taskId'>) => {
      if (d.dueOn >= day) return tellOne(d.countyId, d.unitId, 'WARNING_YELLOW', about, d.dueOn);
      tellOne(d.countyId, d.unitId, 'WARNING_RED', about, d.dueOn);
      if (d.parentUnitId && d.parentUnitId !== d.unitId) tellOne(d.countyId, d.parentUnitId, 'WARNING_RED', about, d.dueOn);
      const b = await bureau(d.countyId);
      if (b && b !== d.unitId && b !== d.parentUnitId) tellOne(d.countyId, b, 'WARNING_RED', about, d.dueOn);
    };
    const until = addDays(day, 3);
    const due = await openDeadlines(tx, until);
    const handlers = new Map((await unitsByIds(tx, [...new Set(due.map((d) => d.handlingUnitId).filter((x): x is string => !!x))])).map((u) => [u.id, u]));
    for (const d of due) {
      const unitId = d.handlingUnitId ?? (await bureau(d.countyId));
      if (!unitId) continue;
      const parentUnitId = d.handlingUnitId ? (handlers.get(d.handlingUnitId)?.parentId ?? null) : null;
      await warn({ countyId: d.countyId, unitId, parentUnitId, dueOn: d.currentDeadline }, { petitionId: d.id });
    }
    for (const source of sources) for (const d of await source(tx, until)) await warn(d, d.about);
    for (const c of await unownedHardCases(tx)) tellOne(c.countyId, await bureau(c.countyId), 'OWNERSHIP_MISSING', { petitionId: c.id }, null);
    const written = await tell(tx, rows);
    await tx.getConnection().execute('update sweep_run set written = ? where day = ?', [written, day], 'run', tx.getTransactionContext());
    return written;
  });
}
