import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { scopedAll, scopedCount, type Reader } from '../../common/access.js';
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

/**
 * The daily sweep: YELLOW to the handling unit (the bureau while none) when a petition's current
 * deadline is three days away or less; RED when it has passed, to the handling unit, the unit above
 * it and the bureau; OWNERSHIP_MISSING to the bureau for a key matter or backlog case whose 包案 lacks
 * a part. Answers how many notifications it wrote, or null when the day was swept already.
 */
export async function sweepNotifications(em: EntityManager, day: string = shanghaiDate()): Promise<number | null> {
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
    const rows: Array<{ countyId: string; unitId: string; kind: NotificationKind; petitionId: string; dueOn: string | null; dedupeKey: string }> = [];
    const tell = (countyId: string, unitId: string | null, kind: NotificationKind, petitionId: string, dueOn: string | null) => {
      if (unitId) rows.push({ countyId, unitId, kind, petitionId, dueOn, dedupeKey: `${kind}:${petitionId}:${unitId}:${dueOn ?? ''}` });
    };
    const due = await openDeadlines(tx, addDays(day, 3));
    const handlers = new Map((await unitsByIds(tx, [...new Set(due.map((d) => d.handlingUnitId).filter((x): x is string => !!x))])).map((u) => [u.id, u]));
    for (const d of due) {
      const handler = d.handlingUnitId ?? (await bureau(d.countyId));
      if (d.currentDeadline >= day) {
        tell(d.countyId, handler, 'WARNING_YELLOW', d.id, d.currentDeadline);
        continue;
      }
      tell(d.countyId, handler, 'WARNING_RED', d.id, d.currentDeadline);
      const parent = d.handlingUnitId ? (handlers.get(d.handlingUnitId)?.parentId ?? null) : null;
      if (parent && parent !== handler) tell(d.countyId, parent, 'WARNING_RED', d.id, d.currentDeadline);
      const b = await bureau(d.countyId);
      if (b && b !== handler) tell(d.countyId, b, 'WARNING_RED', d.id, d.currentDeadline);
    }
    for (const c of await unownedHardCases(tx)) tell(c.countyId, await bureau(c.countyId), 'OWNERSHIP_MISSING', c.id, null);
    let written = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const result = await tx.getConnection().execute<{ affectedRows?: number }>(
        `insert into notification (id, county_id, unit_id, kind, petition_id, due_on, created_at, dedupe_key)
         values ${batch.map(() => '(gen_random_uuid(), ?, ?, ?, ?, ?, now(), ?)').join(', ')}
         on conflict (dedupe_key) do nothing`,
        batch.flatMap((r) => [r.countyId, r.unitId, r.kind, r.petitionId, r.dueOn, r.dedupeKey]),
        'run',
        tx.getTransactionContext(),
      );
      written += result.affectedRows ?? 0;
    }
    await tx.getConnection().execute('update sweep_run set written = ? where day = ?', [written, day], 'run', tx.getTransactionContext());
    return written;
  });
}
