import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import { daysBetween, isCalendarDate } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import { assertCan, scopedExport, scopedPage, type Reader } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { text } from '../../common/input.js';
import { expectVersion } from '../../common/write.js';
import { nameOf, unitInCounty, unitRef } from '../unit/index.js';
import { countyLeader, countyLeaders, type Leader } from '../user/index.js';
import { Petition } from './petition.entity.js';
import { canRead, shown } from './petition.fields.js';
import { PetitionQueries, requirePetition } from './petition.queries.js';
import { today, yearsBefore } from './petition.rules.js';
import type { BacklogAge, OwnershipPart } from '@xinfang/domain';
import type { CaseFilter, CaseOwnership, CaseOwnershipInput } from './petition.cases.types.js';
import { appendEvent } from './timeline.service.js';

/**
 * Hard cases (docs/domain.md §5): the key matters (重点信访事项) and the backlog (信访积案) as their
 * own lists, and 包案 "五个一" — one responsible leader, one responsible unit, one resolution plan and
 * one stability plan — which the bureau records, or a county leader for itself. A case counts as
 * owned only when all four are there.
 */

const OPEN = { status: { $nin: ['CLOSED', 'NOT_ACCEPTED'] } } as const;
const OWNED: FilterQuery<Petition> = { ownerLeaderId: { $ne: null }, ownerUnitId: { $ne: null }, resolutionPlan: { $ne: null }, stabilityPlan: { $ne: null } };
const NOT_OWNED: FilterQuery<Petition> = { $or: [{ ownerLeaderId: null }, { ownerUnitId: null }, { resolutionPlan: null }, { stabilityPlan: null }] };
/** The oldest first: the longer a hard case has waited, the higher it stands. */
const AGE_ORDER = [{ receivedAt: 'asc' as const }, { number: 'asc' as const }];

/** "Received so many years ago": the backlog's age buckets. */
function ageWhere(age: BacklogAge, day: string): FilterQuery<Petition> {
  const [two, three, five] = [yearsBefore(day, 2), yearsBefore(day, 3), yearsBefore(day, 5)];
  if (age === 'TWO_TO_THREE') return { receivedAt: { $lte: two, $gt: three } };
  if (age === 'THREE_TO_FIVE') return { receivedAt: { $lte: three, $gt: five } };
  return { receivedAt: { $lte: five } };
}

/** The parts of 包案 a case still lacks. */
export function missingParts(p: Pick<Petition, 'ownerLeaderId' | 'ownerUnitId' | 'resolutionPlan' | 'stabilityPlan'>): OwnershipPart[] {
  const missing: OwnershipPart[] = [];
  if (!p.ownerLeaderId) missing.push('LEADER');
  if (!p.ownerUnitId) missing.push('UNIT');
  if (!p.resolutionPlan) missing.push('RESOLUTION_PLAN');
  if (!p.stabilityPlan) missing.push('STABILITY_PLAN');
  return missing;
}

const lastActions = new WeakMap<Reader, DataLoader<string, Date | null>>();

export class CaseService {
  private readonly queries = new PetitionQueries();

  private async where(ctx: RequestContext, flag: FilterQuery<Petition>, filter: CaseFilter): Promise<FilterQuery<Petition>> {
    const parts: FilterQuery<Petition>[] = [flag, await this.queries.where(ctx, { unitId: filter.unitId, text: filter.text })];
    if (filter.owned === true) parts.push(OWNED);
    if (filter.owned === false) parts.push(NOT_OWNED);
    if (filter.open === true) parts.push(OPEN);
    if (filter.open === false) parts.push({ status: { $in: ['CLOSED', 'NOT_ACCEPTED'] } });
    if (filter.age) parts.push(ageWhere(filter.age, today()));
    return { $and: parts };
  }

  /** The key matters the caller may see, oldest first. */
  async keyMatters(ctx: RequestContext, filter: CaseFilter = {}, first?: number | null, after?: string | null) {
    return scopedPage(ctx, Petition, 'Petition', { where: await this.where(ctx, { isKeyMatter: true }, filter), orderBy: AGE_ORDER, first, after });
  }

  /** The backlog the caller may see, oldest first. */
  async backlog(ctx: RequestContext, filter: CaseFilter = {}, first?: number | null, after?: string | null) {
    return scopedPage(ctx, Petition, 'Petition', { where: await this.where(ctx, { isBacklog: true }, filter), orderBy: AGE_ORDER, first, after });
  }

  /** Every key matter of a filter, for its ledger; too many are refused. */
  async allKeyMatters(ctx: RequestContext, filter: CaseFilter = {}): Promise<Petition[]> {
    return scopedExport(ctx, Petition, 'Petition', { where: await this.where(ctx, { isKeyMatter: true }, filter), orderBy: AGE_ORDER });
  }

  /** Every backlog case of a filter, for its ledger; too many are refused. */
  async allBacklog(ctx: RequestContext, filter: CaseFilter = {}): Promise<Petition[]> {
    return scopedExport(ctx, Petition, 'Petition', { where: await this.where(ctx, { isBacklog: true }, filter), orderBy: AGE_ORDER });
  }

  /** The display names of the leaders these cases name. */
  async leaderNames(ctx: RequestContext, rows: Petition[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((p) => p.ownerLeaderId).filter((x): x is string => !!x))];
    const leaders = await ctx.loaders.leader.loadMany(ids);
    return new Map(leaders.filter((l): l is Leader => !!l && !(l instanceof Error)).map((l) => [l.id, l.displayName]));
  }

  /** The county's leaders, to choose a case's responsible leader from (those who may own cases). */
  async leaders(ctx: SignedInContext): Promise<Leader[]> {
    assertCan(ctx.ability, 'own', 'Petition');
    return countyLeaders(ctx.em, ctx.user.countyId);
  }

  /** A case's 包案 as this caller may read it: the plans withheld where the content is. */
  async ownershipOf(ctx: RequestContext, p: Petition): Promise<CaseOwnership> {
    const content = canRead(ctx, p, 'content');
    const missing = missingParts(p);
    return {
      leader: p.ownerLeaderId ? await ctx.loaders.leader.load(p.ownerLeaderId) : null,
      unit: await unitRef(ctx, p.ownerUnitId),
      resolutionPlan: content ? shown(ctx, p, p.resolutionPlan) : null,
      resolutionPlanOn: p.resolutionPlanOn,
      stabilityPlan: content ? shown(ctx, p, p.stabilityPlan) : null,
      stabilityPlanOn: p.stabilityPlanOn,
      missing,
      isOwned: missing.length === 0,
    };
  }

  /** Whether the caller may record this case's 包案 now. */
  canSetOwnership(ctx: RequestContext, p: Petition): boolean {
    return (p.isKeyMatter || p.isBacklog) && p.status !== 'CLOSED' && p.status !== 'NOT_ACCEPTED' && ctx.ability.can('own', subject('Petition', p));
  }

  /** Days since it was received, to its closure or today. */
  ageDays(p: Petition): number {
    return daysBetween(p.receivedAt, p.closedAt ?? today());
  }

  /** When its timeline last moved, loaded together for a page of petitions (one statement). */
  lastActionAt(ctx: Reader, p: Petition): Promise<Date | null> {
    let loader = lastActions.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const rows: Array<{ petition_id: string; last: Date | string }> = await ctx.em.getConnection().execute(
          `select petition_id, max(at) as last from petition_event where petition_id in (${ids.map(() => '?').join(', ')}) group by petition_id`,
          [...ids],
          'all',
          ctx.em.getTransactionContext(),
        );
        const byId = new Map(rows.map((r) => [r.petition_id, new Date(r.last)]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      lastActions.set(ctx, loader);
    }
    return loader.load(p.id);
  }

  /**
   * Records the parts of a hard case's 包案: NOT_FOUND outside the caller's scope, FORBIDDEN for one it
   * may not own (a leader: one another leader owns, or naming another leader), BAD_USER_INPUT for a
   * petition that is neither a key matter nor backlog, a closed one, a leader or unit not of the
   * county, CONFLICT for a stale version. The change goes on the timeline (which parts, not the plans'
   * words, which stay under the content's rule).
   */
  async setOwnership(ctx: SignedInContext, petitionId: string, input: CaseOwnershipInput): Promise<Petition> {
    const day = today();
    const planOn = (value: string | null | undefined, field: string) => {
      const on = value ?? day;
      if (!isCalendarDate(on) || on > day) throw badInput('A plan’s date must be a real day, not in the future.', { field });
      return on;
    };
    return ctx.em.transactional(async (em) => {
      const p = await requirePetition(ctx, petitionId, em);
      if (!ctx.ability.can('own', subject('Petition', p))) throw forbidden('Only the bureau, or a county leader for itself, records who owns a case.');
      expectVersion(p, input.version);
      if (!p.isKeyMatter && !p.isBacklog) throw badInput('Only a key matter or a backlog case is owned (包案).', { reason: 'NOT_A_HARD_CASE' });
      if (p.status === 'CLOSED' || p.status === 'NOT_ACCEPTED') throw badInput('This case is closed.', { reason: 'CASE_CLOSED' });
      const before = { leader: p.ownerLeaderId, unit: p.ownerUnitId, resolutionPlanOn: p.resolutionPlanOn, stabilityPlanOn: p.stabilityPlanOn };
      const changed: OwnershipPart[] = [];
      if (input.leaderUserId !== undefined) {
        const leader = input.leaderUserId === null ? null : await countyLeader(em, input.leaderUserId, p.countyId);
        if (input.leaderUserId !== null && !leader) throw badInput('Choose one of the county’s leaders.', { field: 'leaderUserId', reason: 'NOT_A_COUNTY_LEADER' });
        if ((leader?.id ?? null) !== p.ownerLeaderId) changed.push('LEADER');
        p.ownerLeaderId = leader?.id ?? null;
      }
      if (input.unitId !== undefined) {
        const unit = input.unitId === null ? null : await unitInCounty(em, input.unitId, p.countyId);
        if (input.unitId !== null && !unit) throw notFound('Unit');
        if ((unit?.id ?? null) !== p.ownerUnitId) changed.push('UNIT');
        p.ownerUnitId = unit?.id ?? null;
      }
      if (input.resolutionPlan !== undefined) {
        p.resolutionPlan = text(input.resolutionPlan, 'resolutionPlan', 4000, false);
        p.resolutionPlanOn = p.resolutionPlan ? planOn(input.resolutionPlanOn, 'resolutionPlanOn') : null;
        changed.push('RESOLUTION_PLAN');
      }
      if (input.stabilityPlan !== undefined) {
        p.stabilityPlan = text(input.stabilityPlan, 'stabilityPlan', 4000, false);
        p.stabilityPlanOn = p.stabilityPlan ? planOn(input.stabilityPlanOn, 'stabilityPlanOn') : null;
        changed.push('STABILITY_PLAN');
      }
      // The rule once more on the case as it now stands: a leader may not hand it to another leader.
      if (!ctx.ability.can('own', subject('Petition', p))) throw forbidden('A county leader takes a case for itself only.');
      await appendEvent(em, {
        petitionId: p.id,
        countyId: p.countyId,
        type: 'OWNERSHIP_SET',
        actorUserId: ctx.user.id,
        actorUnitId: ctx.user.unitId,
        actorName: await nameOf(em, ctx.user.unitId),
        fromStatus: p.status,
        toStatus: p.status,
        data: {
          changed,
          before,
          after: { leader: p.ownerLeaderId, unit: p.ownerUnitId, resolutionPlanOn: p.resolutionPlanOn, stabilityPlanOn: p.stabilityPlanOn },
          missing: missingParts(p),
        },
      });
      return p;
    });
  }
}
