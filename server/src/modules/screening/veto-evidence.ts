import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The veto evidence of zero reports (domain.md §8): for each report id, the disputes of the same unit
 * that had arisen by the end of its period, were reported only in a later period, and became a
 * collective or skip-level petition. Not a zero report, or nothing of the kind: an empty list.
 */
export async function vetoEvidence(em: EntityManager, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(reportIds.map((id) => [id, []]));
  if (reportIds.length === 0) return out;
  const rows: Array<{ report_id: string; dispute_id: string }> = await em.getConnection().execute(
    `select r.id as report_id, d.id as dispute_id
       from screening_report r
       join dispute d on d.unit_id = r.unit_id and d.arisen_on <= r.period_end and d.period_start > r.period_start
       join petition p on p.id = d.petition_id and (p.is_collective or p.is_skip_level)
      where r.is_zero_report and r.id in (${reportIds.map(() => '?').join(', ')})
      order by d.reported_on, d.id`,
    [...reportIds],
    'all',
    em.getTransactionContext(),
  );
  for (const r of rows) out.get(r.report_id)?.push(r.dispute_id);
  return out;
}
