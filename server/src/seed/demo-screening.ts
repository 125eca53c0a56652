import type { EntityManager } from '@mikro-orm/postgresql';
import { shanghaiDate } from '@xinfang/domain';
import { ScreeningRule } from '../modules/screening/screening.entity.js';
import { ScreeningService } from '../modules/screening/screening.service.js';
import { Unit } from '../modules/unit/unit.entity.js';

/** The first day of the month two years before `today`: when the demo county began screening. */
export function demoScreeningStart(today: string = shanghaiDate()): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return `${y - 2}-${String(m).padStart(2, '0')}-01`;
}

/**
 * Two years of dispute screening for the demo county: the default cadence rules from two years ago,
 * and the units dated from then. Does nothing when the county has rules already.
 */
export async function seedDemoScreening(em: EntityManager): Promise<number> {
  const county = await em.findOne(Unit, { kind: 'COUNTY', code: 'SFX' });
  if (!county || (await em.count(ScreeningRule, { countyId: county.id })) > 0) return 0;
  const start = demoScreeningStart();
  await em.transactional(async (tx) => {
    await ScreeningService.ensureDefaultRules(tx, county.id, start);
    // The demo units have existed since screening began there.
    await tx.getConnection().execute('update unit set created_at = ?::date - interval \'1 day\' where county_id = ? and created_at > ?::date', [start, county.id, start], 'run', tx.getTransactionContext());
  });
  return 0;
}
