import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { subject } from '@xinfang/permissions';
import type { Reader } from '../../common/access.js';
import { Petition } from './petition.entity.js';
import { withoutPetitioner } from './redact.js';

/**
 * Facts about petitions that other records depend on whoever asks, read WITHOUT a caller's scope
 * (eslint.config.js names this file): each answers ids and flags only, never a petition's content,
 * its petitioner or its number, so that nothing a reader may not see leaves through them (textAbout
 * reads the petitioner's identity only to take it out of a text).
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

/** Marks a petition supervised (督办): the supervision group follows it from now on (its read rule). */
export async function markSupervised(em: EntityManager, id: string): Promise<void> {
  await em.nativeUpdate(Petition, { id }, { isSupervised: true });
}

/**
 * A text another record holds about a petition (a supervision order's requirement, a conference's
 * decision, a circular's failure), as this reader may see it (docs/domain.md §3): whole for a reader
 * who may know the petitioner; without the petitioner's name, ID number, phone and address for
 * anyone else, including a reader who may not read the petition at all (a circular goes to the whole
 * county). About an accusation, nothing at all for a reader who may not read its content — the unit
 * it accuses, and everyone outside its scope — since such a text may quote what it accuses. Answers
 * the text only, never the petition.
 */
export async function textAbout(ctx: Reader, petitionId: string | null, value: string | null): Promise<string | null> {
  if (!value || !petitionId) return value;
  let loader = petitionsForText.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, Petition | null>(async (ids) => {
      const rows = await ctx.em.find(Petition, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    petitionsForText.set(ctx, loader);
  }
  const p = await loader.load(petitionId);
  if (!p) return value;
  const s = subject('Petition', p);
  if (p.kind === 'ACCUSATION' && !ctx.ability.can('read', s, 'content')) return null;
  return ctx.ability.can('read', s, 'petitioner') ? value : withoutPetitioner(value, p);
}

const petitionsForText = new WeakMap<object, DataLoader<string, Petition | null>>();
