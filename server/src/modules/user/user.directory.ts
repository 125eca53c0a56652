import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/input.js';
import { User } from './user.entity.js';

/**
 * The county's leaders by name, read WITHOUT the caller's scope (eslint.config.js names this file):
 * who the county leaders are (县委书记, 县长, …) is no secret inside the county, and a hard case names
 * its responsible leader to everyone who reads the case. Only the id and the display name of active
 * COUNTY_LEADER accounts leave here; nothing else of any account.
 */

const LEADER = { roles: { $contains: ['COUNTY_LEADER'] }, active: true } as const;

export interface Leader {
  id: string;
  displayName: string;
}

/** The county's leaders, by name. */
export async function countyLeaders(em: EntityManager, countyId: string): Promise<Leader[]> {
  const rows = await em.find(User, { countyId, ...LEADER }, { orderBy: { displayName: 'asc' } });
  return rows.map(({ id, displayName }) => ({ id, displayName }));
}

/** One of the county's leaders, or null when the id names no active leader of this county. */
export async function countyLeader(em: EntityManager, id: string, countyId: string): Promise<Leader | null> {
  if (!isUuid(id)) return null;
  const row = await em.findOne(User, { id, countyId, ...LEADER });
  return row ? { id: row.id, displayName: row.displayName } : null;
}

/** Leaders by id (any account named as a case's leader, active or not), loaded together for a page. */
export const leaderLoader = (em: EntityManager): DataLoader<string, Leader | null> =>
  new DataLoader(async (ids: readonly string[]) => {
    const rows = await em.find(User, { id: { $in: [...ids] } }, { fields: ['id', 'displayName'] });
    const byId = new Map(rows.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
    return ids.map((id) => byId.get(id) ?? null);
  });
