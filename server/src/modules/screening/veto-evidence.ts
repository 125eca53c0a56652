import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { escalatedAmong } from '../petition/index.js';

/**
 * The veto evidence of zero reports (docs/domain.md §8): for each report id, the disputes of the same
 * unit that had arisen by the end of its period, were reported only in a later period, and became a
 * collective or skip-level petition. Not a zero report, or nothing of the kind: an empty list.
 * Two statements: the screening side here, and which linked petitions escalated from the petition
 * module (never its table).
 */
export async function vetoEvidence(em: EntityManager, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(reportIds.map((id) => [id, []]));
  if (reportIds.length === 0) return out;
  const rows: Array<{ report_id: string; dispute_id: string; petition_id: string }> = await em.getConnection().execute(
    `select r.id as report_id, d.id as dispute_id, d.petition_id
       from screening_report r
       join dispute d on d.unit_id = r.unit_id and d.arisen_on <= r.period_end and d.period_start > r.period_start
      where r.is_zero_report and d.petition_id is not null and r.id in (${reportIds.map(() => '?').join(', ')})
      order by d.reported_on, d.id`,
    [...reportIds],
    'all',
    em.getTransactionContext(),
  );
  if (rows.length === 0) return out;
  const escalated = await escalatedAmong(em, [...new Set(rows.map((r) => r.petition_id))]);
  for (const r of rows) if (escalated.has(r.petition_id)) out.get(r.report_id)?.push(r.dispute_id);
  return out;
}

/** Veto evidence by report, loaded together for a page of reports (one loader per request). */
export const vetoEvidenceLoader = (em: EntityManager): DataLoader<string, string[]> =>
  new DataLoader(async (ids: readonly string[]) => {
    const found = await vetoEvidence(em, ids);
    return ids.map((id) => found.get(id) ?? []);
  });
