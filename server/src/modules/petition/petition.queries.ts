import DataLoader from 'dataloader';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, canTransition } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import { accessibleWhere, isEverything, isNothing, readMaybe, readOne, scopedAll, scopedExport, scopedPage, type Reader } from '../../common/access.js';
import type { RequestContext } from '../../common/context.js';
import { likePattern } from '../../common/input.js';
import { withinUnit } from '../../common/located.entity.js';
import { routeOf } from '../reference/index.js';
import { disciplineCommissionOf, requireUnit, unitById, type Unit } from '../unit/index.js';
import { PetitionEvent } from './petition-event.entity.js';
import { Petition } from './petition.entity.js';
import { ALL_ACTIONS, guard, today } from './petition.rules.js';
import { canRead, shown } from './petition.fields.js';
import type { PetitionFilter, PetitionMatchInput, TimelineEntry } from './petition.types.js';

/** Characters pairs of a text, for a rough "same matter" likeness that works on Chinese. */
function bigrams(s: string): Set<string> {
  const clean = s.replace(/\s+/g, '');
  const set = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) set.add(clean.slice(i, i + 2));
  return set;
}
function likeness(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** The list's orders: by the current deadline (most urgent first), or by the day received. */
const orderOf = (sort: PetitionFilter['sort']) =>
  sort === 'RECEIVED_ASC' ? [{ receivedAt: 'asc' as const }, { number: 'asc' as const }]
  : sort === 'RECEIVED_DESC' ? [{ receivedAt: 'desc' as const }, { number: 'desc' as const }]
  : [{ currentDeadline: 'asc nulls last' as const }, { receivedAt: 'asc' as const }, { number: 'asc' as const }];

/** One petition in the caller's scope, or NOT_FOUND when it does not exist or lies outside it. */
export const requirePetition = (ctx: Reader, id: string, em?: EntityManager): Promise<Petition> => readOne(ctx, Petition, 'Petition', id, em);

/**
 * The readable petitions among some ids (for the links other modules show); with `field`, only
 * those whose field the caller may read as well (e.g. `petitioner`).
 */
export function readableByIds(ctx: Reader, ids: readonly string[], field?: string): Promise<Petition[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return scopedAll(ctx, Petition, 'Petition', { where: { id: { $in: [...ids] } }, field, orderBy: { receivedAt: 'asc' } });
}

const readableLoaders = new WeakMap<Reader, DataLoader<string, Petition | null>>();

/** A readable petition by id, or null, loaded together with the others a page of rows links to. */
export function readablePetition(ctx: Reader, id: string): Promise<Petition | null> {
  let loader = readableLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const byId = new Map((await readableByIds(ctx, ids)).map((p) => [p.id, p]));
      return ids.map((i) => byId.get(i) ?? null);
    });
    readableLoaders.set(ctx, loader);
  }
  return loader.load(id);
}

/** Reading petitions within the caller's scope: the list, its export, one petition, and its links. */
export class PetitionQueries {
  /** The SQL condition of a filter; `scopedPage` and its kin AND the caller's scope onto it. */
  async where(ctx: RequestContext, filter: PetitionFilter): Promise<FilterQuery<Petition>> {
    const where: FilterQuery<Petition>[] = [];
    if (filter.status?.length) where.push({ status: { $in: filter.status } });
    if (filter.channel?.length) where.push({ channel: { $in: filter.channel } });
    if (filter.kind?.length) where.push({ kind: { $in: filter.kind } });
    if (filter.categoryCode?.length) where.push({ categoryCode: { $in: filter.categoryCode } });
    if (filter.isKeyMatter !== undefined && filter.isKeyMatter !== null) where.push({ isKeyMatter: filter.isKeyMatter });
    if (filter.isBacklog !== undefined && filter.isBacklog !== null) where.push({ isBacklog: filter.isBacklog });
    if (filter.receivedFrom) where.push({ receivedAt: { $gte: filter.receivedFrom } });
    if (filter.receivedTo) where.push({ receivedAt: { $lte: filter.receivedTo } });
    if (filter.unitId) {
      const unit = await requireUnit(ctx, filter.unitId);
      where.push({ $or: [withinUnit<Petition>(unit, 'locationUnitId'), { handlingUnitId: unit.id }] });
    }
    if (filter.warning?.length) {
      const day = today();
      const parts: FilterQuery<Petition>[] = [];
      if (filter.warning.includes('RED')) parts.push({ currentDeadline: { $lt: day } });
      if (filter.warning.includes('YELLOW')) parts.push({ currentDeadline: { $gte: day, $lte: addDays(day, 3) } });
      if (filter.warning.includes('NONE')) parts.push({ $or: [{ currentDeadline: null }, { currentDeadline: { $gt: addDays(day, 3) } }] });
      where.push({ $or: parts });
    }
    const like = likePattern(filter.text);
    if (like) where.push(this.textMatch(ctx, like));
    if (filter.mine && ctx.user) {
      where.push(this.myWork(ctx.user.unitId, ctx.user.roles, ctx.user.id));
    }
    return where.length ? { $and: where } : {};
  }

  /**
   * A search matches only what the caller would see. Only rows whose subject and content it may read
   * can match at all, or the search would tell the accused unit what the accusation says; and where it
   * may not know who petitioned, the texts are searched as it reads them, without the petitioner's
   * name, ID number, phone and address, or the match itself would say who petitioned. The number
   * matches for anyone who may see the petition at all.
   */
  private textMatch(ctx: RequestContext, like: string): FilterQuery<Petition> {
    const texts = [accessibleWhere<Petition>(ctx.ability, 'read', 'Petition', 'content'), accessibleWhere<Petition>(ctx.ability, 'read', 'Petition', 'subject')];
    const knowsPetitioner = accessibleWhere<Petition>(ctx.ability, 'read', 'Petition', 'petitioner');
    const plain: FilterQuery<Petition> = { $or: [{ subject: { $ilike: like } }, { content: { $ilike: like } }] };
    const redacted = (column: 'subject' | 'content'): FilterQuery<Petition> => ({
      [raw((alias: string) => `petition_text_without_petitioner(${alias}.${column}, ${alias}.petitioner_name, ${alias}.petitioner_id_number, ${alias}.petitioner_phone, ${alias}.petitioner_address) ilike ?`, [like])]: [],
    });
    // Where the caller knows who petitioned, the plain texts; everywhere, the texts as a reader who
    // does not know would see them. A term without "*" that matches the redacted text matches the
    // plain text too, so the second branch finds nothing more for a reader who knows.
    const redactedMatch: FilterQuery<Petition> = { $or: [redacted('subject'), redacted('content')] };
    const seen: FilterQuery<Petition> = isNothing(knowsPetitioner)
      ? redactedMatch
      : isEverything(knowsPetitioner)
        ? plain
        : { $or: [{ $and: [knowsPetitioner, plain] }, redactedMatch] };
    return { $or: [{ number: { $ilike: like } }, { $and: [...texts, seen] }] };
  }

  /** What waits on the caller's unit: for the bureau, registration and routing; for a handler, its cases. */
  private myWork(unitId: string, roles: readonly string[], userId: string): FilterQuery<Petition> {
    const parts: FilterQuery<Petition>[] = [
      { handlingUnitId: unitId, status: { $in: ['IN_PROGRESS'] } },
      { handlingUnitId: unitId, extensionStatus: 'REQUESTED', status: 'IN_PROGRESS' },
    ];
    if (roles.includes('BUREAU')) {
      parts.push({ status: { $in: ['REGISTERED', 'ACCEPTED', 'ANSWERED', 'REVIEW', 'RE_REVIEW'] } });
      parts.push({ extensionStatus: 'REQUESTED', status: 'IN_PROGRESS' });
    }
    if (roles.includes('COUNTY_LEADER')) {
      parts.push({ extensionStatus: 'REQUESTED', status: 'IN_PROGRESS' });
      // 包案: the hard cases the leader owns, while they are open.
      parts.push({ ownerLeaderId: userId, status: { $nin: ['CLOSED', 'NOT_ACCEPTED'] } });
    }
    return { $or: parts };
  }

  async list(ctx: RequestContext, filter: PetitionFilter = {}, first?: number | null, after?: string | null) {
    return scopedPage(ctx, Petition, 'Petition', { where: await this.where(ctx, filter), orderBy: orderOf(filter.sort), first, after });
  }

  /** Every row of a filter, for the Excel export (the same scope and filter as the list); too many are refused. */
  async all(ctx: RequestContext, filter: PetitionFilter = {}): Promise<Petition[]> {
    return scopedExport(ctx, Petition, 'Petition', { where: await this.where(ctx, filter), orderBy: [{ receivedAt: 'desc' }, { number: 'desc' }] });
  }

  /** One petition, or NOT_FOUND when it does not exist or lies outside the caller's scope. */
  get(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<Petition> {
    return requirePetition(ctx, id, em);
  }

  /** A readable petition, or null (for links such as `repeatOf`). */
  readable(ctx: RequestContext, id: string | null): Promise<Petition | null> {
    return readMaybe(ctx, Petition, 'Petition', id);
  }

  async events(ctx: RequestContext, petition: Petition): Promise<PetitionEvent[]> {
    return ctx.em.find(PetitionEvent, { petitionId: petition.id }, { orderBy: { seq: 'asc' } });
  }

  /** The timeline as this caller may read it: every step, its note withheld where the content is. */
  async timeline(ctx: RequestContext, p: Petition): Promise<TimelineEntry[]> {
    if (!canRead(ctx, p)) return [];
    const notes = canRead(ctx, p, 'timelineNotes');
    const events = await this.events(ctx, p);
    return events.map((e) => ({
      id: e.id,
      type: e.type,
      actorName: e.actorName,
      at: e.at,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: notes ? shown(ctx, p, e.note) : null,
      handlingUnit: e.type === 'ASSIGNED' ? String((e.data as { handlingUnit?: string } | null)?.handlingUnit ?? '') || null : null,
    }));
  }

  /** The earlier petition this one repeats, when the caller may see the link. */
  async repeatOf(ctx: RequestContext, p: Petition): Promise<Petition | null> {
    const earlier = await this.readable(ctx, p.repeatOfId);
    if (!earlier) return null;
    // The link says that both came from one person. Not to the unit an earlier accusation accuses,
    // and not to a reader who knows this petitioner but may not know that one's: either would learn
    // who petitioned before (docs/domain.md §3).
    if (!canRead(ctx, earlier, 'content')) return null;
    if (canRead(ctx, p, 'petitioner') && !canRead(ctx, earlier, 'petitioner')) return null;
    return earlier;
  }

  /**
   * Likely earlier petitions of the same petitioner: by ID number, or by name and phone. Only among
   * petitions whose petitioner the caller may read, since a match on identity reveals identity.
   */
  async matches(ctx: RequestContext, input: PetitionMatchInput) {
    const idNumber = input.petitioner.idNumber?.trim().toUpperCase() || null;
    const name = input.petitioner.name?.trim() || null;
    const phone = input.petitioner.phone?.trim() || null;
    const who: FilterQuery<Petition>[] = [];
    if (idNumber) who.push({ petitionerIdNumber: idNumber });
    if (name && phone) who.push({ petitionerName: name, petitionerPhone: phone });
    if (who.length === 0) return [];
    const rows = await scopedAll(ctx, Petition, 'Petition', { field: 'petitioner', where: { $or: who }, orderBy: { receivedAt: 'desc' }, limit: 50 });
    const matches = rows.map((p) => {
      const reasons: string[] = [];
      if (idNumber && p.petitionerIdNumber === idNumber) reasons.push('SAME_ID_NUMBER');
      if (name && phone && p.petitionerName === name && p.petitionerPhone === phone) reasons.push('SAME_NAME_AND_PHONE');
      if (input.categoryCode && p.categoryCode === input.categoryCode) reasons.push('SAME_CATEGORY');
      if (input.subject && likeness(input.subject, p.subject) >= 0.3) reasons.push('SIMILAR_SUBJECT');
      const sameMatter = reasons.includes('SAME_CATEGORY') || reasons.includes('SIMILAR_SUBJECT');
      return { petition: p, reasons, sameMatter };
    });
    for (const m of matches) await ctx.loaders.personalRead.load({ petitionId: m.petition.id, fields: ['petitioner'], via: 'matches' });
    return matches.sort((a, b) => Number(b.sameMatter) - Number(a.sameMatter)).slice(0, 20);
  }

  /** The actions the caller may take on this petition now: its rules, the state, and each action's own guards. */
  async availableActions(ctx: RequestContext, p: Petition): Promise<string[]> {
    if (!ctx.user) return [];
    const day = today();
    const calendar = await ctx.loaders.calendar.load(p.countyId);
    return ALL_ACTIONS.filter((action) => ctx.ability.can(action, subject('Petition', p)) && canTransition(action, p.status) && !guard(action, p, day, calendar));
  }

  /** Proposes the handling unit (属地管理、归口办理): accusations to the discipline commission, else the category's department, else the location's township. */
  async proposeHandler(ctx: RequestContext, categoryCode: string, kind: string, locationUnitId: string): Promise<Unit | null> {
    const location = await requireUnit(ctx, locationUnitId);
    if (kind === 'ACCUSATION') return disciplineCommissionOf(ctx.em, location.countyId);
    const route = await routeOf(ctx.em, location.countyId, categoryCode);
    if (route) return unitById(ctx.em, route);
    return location.townshipId ? unitById(ctx.em, location.townshipId) : null;
  }
}
