import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../../common/context.js';
import { AuditRecord } from './audit-record.entity.js';

export interface PersonalRead {
  petitionId: string;
  fields: string[];
  via: string;
}

/**
 * Writes an audit record for every read of personal data before the data is handed out: the field
 * resolvers wait on `load`, and one request's reads go to the database in one insert.
 */
export function createAuditLoader(em: EntityManager, user: () => AuthUser | null): DataLoader<PersonalRead, true, string> {
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
