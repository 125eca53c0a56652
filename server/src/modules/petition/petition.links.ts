import type { EntityManager } from '@mikro-orm/postgresql';
import { Petition } from './petition.entity.js';

/**
 * Facts about petitions that other records depend on whoever asks, read WITHOUT a caller's scope
 * (eslint.config.js names this file): each answers ids and flags only, never a petition's content,
 * its petitioner or its number, so that nothing a reader may not see leaves through them.
 */

/** Whether the matter of this petition was decided finally on re-review (a repeat is not accepted again). */
export const isFinalMatter = async (em: EntityManager, id: string): Promise<boolean> => !!(await em.findOne(Petition, { id }, { fields: ['isFinal'] }))?.isFinal;

/**
 * Which of these petitions were collective (集体访) or skip-level (越级访): what makes a concealed
 * dispute evidence for a veto (docs/domain.md §8).
 */
export async function escalatedAmong(em: EntityManager, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await em.find(Petition, { id: { $in: [...ids] }, $or: [{ isCollective: true }, { isSkipLevel: true }] }, { fields: ['id'] });
  return new Set(rows.map((p) => p.id));
}

/** An open petition's deadline, as the daily warning sweep needs it: ids and the date only. */
export interface OpenDeadline {
  id: string;
  countyId: string;
  handlingUnitId: string | null;
  currentDeadline: string;
}

/** The open petitions whose current deadline falls on or before `until` (the warning sweep). */
export async function openDeadlines(em: EntityManager, until: string): Promise<OpenDeadline[]> {
  const rows = await em.find(
    Petition,
    { currentDeadline: { $ne: null, $lte: until }, status: { $nin: ['CLOSED', 'NOT_ACCEPTED'] } },
    { fields: ['id', 'countyId', 'handlingUnitId', 'currentDeadline'], orderBy: { currentDeadline: 'asc', id: 'asc' } },
  );
  return rows.map((p) => ({ id: p.id, countyId: p.countyId, handlingUnitId: p.handlingUnitId, currentDeadline: p.currentDeadline! }));
}

/** The open key matters and backlog cases whose 包案 lacks a part (the sweep reminds the bureau). */
export async function unownedHardCases(em: EntityManager): Promise<Array<{ id: string; countyId: string }>> {
  const rows = await em.find(
    Petition,
    {
      $and: [
        { $or: [{ isKeyMatter: true }, { isBacklog: true }] },
        { status: { $nin: ['CLOSED', 'NOT_ACCEPTED'] } },
        { $or: [{ ownerLeaderId: null }, { ownerUnitId: null }, { resolutionPlan: null }, { stabilityPlan: null }] },
      ],
    },
    { fields: ['id', 'countyId'], orderBy: { id: 'asc' } },
  );
  return rows.map((p) => ({ id: p.id, countyId: p.countyId }));
}
