import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeSet, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import type { AuthUser } from '../../common/context.js';
import { AuditRecord } from './audit-record.entity.js';
import { AuditChange } from './audit-change.entity.js';

export interface PersonalRead {
  petitionId: string;
  fields: string[];
  via: string;
}

type ActorContext = { auditActor?: () => AuthUser | null };

/**
 * Names the user on whose behalf `em` (and every fork of it, transactions included: MikroORM hands
 * an EntityManager's logger context down to its forks) changes rows, for the change audit.
 */
export function bindAuditActor(em: EntityManager, user: () => AuthUser | null): void {
  em.setLoggerContext({ ...em.getLoggerContext(), auditActor: user } satisfies ActorContext);
}

/**
 * Writes an audit record for every read of personal data before the data is handed out: the field
 * resolvers wait on `load`, and one request's reads go to the database in one insert. Also binds the
 * request's user to its EntityManager for the change audit (every request builds this loader).
 */
export function createAuditLoader(em: EntityManager, user: () => AuthUser | null): DataLoader<PersonalRead, true, string> {
  bindAuditActor(em, user);
  return new DataLoader<PersonalRead, true, string>(
    async (reads) => {
      const who = user();
      if (!who) throw new Error('Personal data read without a user');
      const at = new Date();
      const rows = reads.map((r) =>
        Object.assign(new AuditRecord(), { at, userId: who.id, unitId: who.unitId, countyId: who.countyId, petitionId: r.petitionId, fields: [...r.fields].sort(), via: r.via }),
      );
      await em.fork().insertMany(AuditRecord, rows);
      return reads.map(() => true as const);
    },
    { cacheKeyFn: (r) => `${r.petitionId}|${[...r.fields].sort().join(',')}|${r.via}` },
  );
}

/** Rows that are themselves records of a change, with their actor: auditing them would say it twice. */
const NOT_AUDITED = new Set(['audit_record', 'audit_change', 'petition_event', 'screening_event']);

function changeOf(cs: ChangeSet<object>, who: AuthUser, at: Date): AuditChange | null {
  if (NOT_AUDITED.has(cs.meta.tableName)) return null;
  const action = cs.type.startsWith('delete') ? 'delete' : cs.type.startsWith('update') ? 'update' : 'create';
  // Names only: the values may be personal data, and the row (or the petition's timeline) has them.
  const fields = action === 'delete' ? [] : Object.keys(cs.payload).sort();
  if (action === 'update' && fields.length === 0) return null;
  return Object.assign(new AuditChange(), {
    at,
    userId: who.id,
    unitId: who.unitId,
    countyId: who.countyId,
    action,
    entity: cs.meta.tableName,
    // A composite key (a county's calendar day) as its parts joined by '/'.
    entityId: cs.meta.primaryKeys.map((k) => String((cs.entity as Record<string, unknown>)[k])).join('/'),
    fields,
  });
}

/**
 * Adds an audit_change row for every row a signed-in user's flush creates, updates or deletes, to
 * that same flush: the rows and their audit commit or roll back together. Changes made without a
 * user (the seed, the hourly backlog check) are not users' changes; the petition timeline records
 * what they do to petitions.
 */
export class ChangeAuditSubscriber implements EventSubscriber {
  onFlush(args: FlushEventArgs): void {
    const who = (args.em.getLoggerContext() as ActorContext).auditActor?.();
    if (!who) return;
    const at = new Date();
    for (const cs of [...args.uow.getChangeSets()]) {
      const record = changeOf(cs, who, at);
      if (record) args.uow.computeChangeSet(record);
    }
  }
}

/**
 * Audits a change that bypasses the unit of work (raw SQL, `nativeDelete`), which the subscriber
 * cannot see: call it with the same EntityManager, inside the same transaction as the change.
 */
export async function auditRawChange(
  em: EntityManager,
  who: AuthUser,
  change: { action: 'create' | 'update' | 'delete'; entity: string; entityId: string; fields?: string[] },
): Promise<void> {
  await em.insert(
    AuditChange,
    Object.assign(new AuditChange(), { userId: who.id, unitId: who.unitId, countyId: who.countyId, ...change, fields: [...(change.fields ?? [])].sort() }),
  );
}
