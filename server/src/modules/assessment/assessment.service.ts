import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ASSESSED_UNIT_KINDS,
  DEDUCTION_KINDS,
  DEFAULT_SCHEMES,
  FIGURE_NAMES,
  INDICATOR_DIRECTIONS,
  REVIEW_WORKING_DAYS,
  isCalendarDate,
  rankResults,
  shanghaiDate,
  weightTotal,
  workingDaysDeadline,
  type AssessedUnitKind,
  type AssessmentStage,
  type ObjectionDecision,
  type SchemeContent,
  type VetoDecision,
  type VetoStatus,
} from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import { assertCan, readOne, scopedAll } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { badInput, conflict, forbidden, notFound } from '../../common/errors.js';
import { text, wholeNumber } from '../../common/input.js';
import { calendarOf } from '../calendar/index.js';
import { tell } from '../notification/index.js';
import { nameOf, readableUnits, requireUnit, type Unit } from '../unit/index.js';
import { changesBetween, computeUnit, type ComputedResult } from './assessment.compute.js';
import { AssessmentObjection, AssessmentResult, AssessmentScheme, AssessmentVeto, AssessmentVetoEvent, AssessmentYear, Commendation } from './assessment.entity.js';
import type { AnswerObjectionInput, CommendationInput, ObjectionInput, SaveSchemeInput } from './assessment.types.js';

const today = () => shanghaiDate();
const isAssessed = (kind: string): kind is AssessedUnitKind => (ASSESSED_UNIT_KINDS as readonly string[]).includes(kind);
/** What the platform signs a veto it proposes from the records with. */
export const PLATFORM_PROPOSER = '系统（依据记录）';

/**
 * Who a step is signed by: the unit of the account, and for a county leader the county party
 * committee (示范县 → 示范县委), whose decisions these are.
 */
async function actorName(em: EntityManager, ctx: SignedInContext): Promise<string> {
  const name = await nameOf(em, ctx.user.unitId);
  return ctx.user.roles.includes('COUNTY_LEADER') && ctx.user.unitId === ctx.user.countyId ? `${name}委` : name;
}

/** A year the county may assess: 2000 to this one. */
function assessableYear(year: number): number {
  return wholeNumber(year, 'year', 2000, Number(today().slice(0, 4)));
}

/** A unit's veto status from its vetoes of the year: confirmed over proposed over revoked over none. */
export function vetoStatusOf(vetoes: readonly Pick<AssessmentVeto, 'status'>[]): VetoStatus {
  for (const s of ['CONFIRMED', 'PROPOSED', 'REVOKED'] as const) if (vetoes.some((v) => v.status === s)) return s;
  return 'NONE';
}

/** A scheme as the portal shows it: stored, or the default a year starts from. */
export interface SchemeView extends SchemeContent {
  year: number;
  unitKind: AssessedUnitKind;
  saved: boolean;
  frozen: boolean;
  version: number;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/**
 * Assessment (目标考核) and 一票否决, docs/domain.md §8. The bureau keeps each year's schemes and
 * computes the results from the records through the figures module; the platform proposes the vetoes
 * the records call for, the bureau may propose one with a reason, and the county party committee (the
 * county leaders) confirms or revokes each; the committee opens the review (公示), during which each
 * unit sees its own draft and may object, the bureau answers; then the committee publishes the year,
 * and its results are frozen as they stand. Who reads what is the rules' (packages/permissions): a
 * result's, veto's and objection's `stage` is copied from its year so that "its own once under review"
 * is an equality on the row.
 */
export class AssessmentService {
  // ------------------------------------------------------------------ the year

  /** The county's year, or null before anything was saved or computed for it. */
  yearRow(ctx: SignedInContext, year: number, em: EntityManager = ctx.em): Promise<AssessmentYear | null> {
    assertCan(ctx.ability, 'read', 'AssessmentScheme');
    return em.findOne(AssessmentYear, { countyId: ctx.user.countyId, year });
  }

  private async ensureYear(ctx: SignedInContext, em: EntityManager, year: number): Promise<AssessmentYear> {
    const found = await this.yearRow(ctx, year, em);
    if (found) return found;
    const row = Object.assign(new AssessmentYear(), { countyId: ctx.user.countyId, year, stage: 'DRAFT' });
    em.persist(row);
    return row;
  }

  /**
   * Takes the year's lock for the rest of the transaction: the writes that re-stand a year (a veto
   * proposed or decided, a result recomputed) run one after another, each seeing the one before, so
   * that two at once never rank from different pictures of the year.
   */
  private static async lockYear(em: EntityManager, countyId: string, year: number): Promise<void> {
    await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?), ?)', [countyId, year], 'all', em.getTransactionContext());
  }

  private static refuseIfPublished(row: AssessmentYear | null): void {
    if (row?.stage === 'PUBLISHED') throw badInput(`The ${row.year} assessment is published; it can no longer change.`, { reason: 'PUBLISHED' });
  }

  /** Copies the year's stage onto its results, vetoes and objections (what the rules read). */
  private async setStage(em: EntityManager, countyId: string, year: number, stage: AssessmentStage): Promise<void> {
    for (const table of ['assessment_result', 'assessment_veto', 'assessment_objection']) {
      await em.getConnection().execute(`update ${table} set stage = ?, updated_at = now(), version = version + 1 where county_id = ? and year = ?`, [stage, countyId, year], 'run', em.getTransactionContext());
    }
  }

  // ------------------------------------------------------------------ schemes

  /** The year's three schemes: as saved, else the year before's, else the defaults of docs/domain.md §8. */
  async schemes(ctx: SignedInContext, year: number): Promise<SchemeView[]> {
    assessableYear(year);
    const row = await this.yearRow(ctx, year);
    const stored = await scopedAll(ctx, AssessmentScheme, 'AssessmentScheme', { where: { countyId: ctx.user.countyId, year: { $in: [year, year - 1] } }, orderBy: [{ year: 'desc' }] });
    return ASSESSED_UNIT_KINDS.map((unitKind) => {
      const own = stored.find((s) => s.year === year && s.unitKind === unitKind);
      const before = stored.find((s) => s.year === year - 1 && s.unitKind === unitKind);
      const content = own ?? before ?? DEFAULT_SCHEMES[unitKind];
      return {
        year,
        unitKind,
        indicators: content.indicators,
        deductions: content.deductions,
        saved: !!own,
        frozen: row?.stage === 'PUBLISHED',
        version: own?.version ?? 0,
        updatedAt: own?.updatedAt ?? null,
        updatedByName: own?.updatedByName ?? null,
      };
    });
  }

  /**
   * Saves a year's scheme of a unit kind: the bureau only (FORBIDDEN otherwise); BAD_USER_INPUT for
   * weights that do not add up to 100 (the sum in the message), a figure named twice or unknown, a
   * weight outside 1–100, a deduction outside 0–100 points, or a published year; CONFLICT for a
   * stale version (0 for a scheme not saved yet).
   */
  async saveScheme(ctx: SignedInContext, input: SaveSchemeInput): Promise<SchemeView> {
    assertCan(ctx.ability, 'update', 'AssessmentScheme');
    const year = assessableYear(input.year);
    if (!isAssessed(input.unitKind)) throw badInput('Only townships, departments and villages are assessed.', { field: 'unitKind' });
    const unitKind: AssessedUnitKind = input.unitKind;
    if (input.indicators.length === 0) throw badInput('A scheme needs at least one indicator.', { field: 'indicators' });
    const seen = new Set<string>();
    const indicators = input.indicators.map((i, n) => {
      if (!(FIGURE_NAMES as readonly string[]).includes(i.figure)) throw badInput(`Indicator ${n + 1}: unknown figure "${i.figure}".`, { field: 'indicators' });
      if (seen.has(i.figure)) throw badInput(`Indicator ${n + 1}: the figure ${i.figure} is already an indicator.`, { field: 'indicators', reason: 'DUPLICATE_FIGURE' });
      seen.add(i.figure);
      if (!(INDICATOR_DIRECTIONS as readonly string[]).includes(i.direction)) throw badInput(`Indicator ${n + 1}: unknown direction.`, { field: 'indicators' });
      return { figure: i.figure, name: text(i.name, 'name', 60)!, weight: wholeNumber(i.weight, 'weight', 1, 100, `Indicator ${n + 1}'s weight`), direction: i.direction };
    });
    const sum = weightTotal(indicators);
    if (sum !== 100) throw badInput(`The weights add up to ${sum}; they must add up to 100.`, { field: 'indicators', reason: 'WEIGHTS_NOT_100', sum });
    const kinds = new Set<string>();
    const deductions = input.deductions.map((d) => {
      if (!(DEDUCTION_KINDS as readonly string[]).includes(d.kind) || kinds.has(d.kind)) throw badInput(`Each deduction kind once: ${d.kind}.`, { field: 'deductions' });
      kinds.add(d.kind);
      if (!Number.isFinite(d.points) || d.points < 0 || d.points > 100) throw badInput('A deduction is 0 to 100 points per occurrence.', { field: 'deductions' });
      return { kind: d.kind, perOccurrence: Math.round(d.points * 100) };
    });
    try {
      await ctx.em.transactional(async (em) => {
        const row = await this.ensureYear(ctx, em, year);
        AssessmentService.refuseIfPublished(row);
        const existing = (await scopedAll(ctx, AssessmentScheme, 'AssessmentScheme', { where: { countyId: ctx.user.countyId, year, unitKind }, orderBy: [{ id: 'asc' }], em }))[0];
        if ((existing?.version ?? 0) !== input.version) throw conflict('Someone else saved this scheme; reload it and try again.');
        const by = await actorName(em, ctx);
        if (existing) Object.assign(existing, { indicators, deductions, updatedByName: by });
        else em.persist(Object.assign(new AssessmentScheme(), { countyId: ctx.user.countyId, year, unitKind, indicators, deductions, updatedByName: by }));
        await em.flush();
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw conflict('Someone else saved this scheme at the same moment; reload it and try again.');
      throw err;
    }
    return (await this.schemes(ctx, year)).find((s) => s.unitKind === unitKind)!;
  }

  // ------------------------------------------------------------------ computing

  /** The period a year is computed over: the whole year, or up to today for the current one. */
  private static period(year: number) {
    const to = `${year}-12-31` < today() ? `${year}-12-31` : today();
    return { from: `${year}-01-01`, to, today: today() };
  }

  /** The upheld corrections of a unit's year, by indicator figure (hundredths). */
  private async corrections(ctx: RequestContext, em: EntityManager, unitId: string, year: number): Promise<Map<string, number>> {
    const upheld = await scopedAll(ctx, AssessmentObjection, 'AssessmentObjection', { where: { unitId, year, status: 'UPHELD', indicatorFigure: { $ne: null } }, orderBy: [{ filedAt: 'asc' }], em });
    const out = new Map<string, number>();
    for (const o of upheld) out.set(o.indicatorFigure!, (out.get(o.indicatorFigure!) ?? 0) + o.correction);
    return out;
  }

  /**
   * Computes a year's results for every township, department and village of the county from the
   * records (the bureau only; BAD_USER_INPUT once published), proposes the vetoes the records call
   * for (once each: a revoked one is not proposed again), ranks each kind, and records against each
   * stored result what changed and why. The same records give the same result.
   */
  async compute(ctx: SignedInContext, year: number): Promise<AssessmentYear> {
    assertCan(ctx.ability, 'compute', 'AssessmentResult');
    assessableYear(year);
    AssessmentService.refuseIfPublished(await this.yearRow(ctx, year));
    const schemes = await this.schemes(ctx, year);
    const county = await requireUnit(ctx, ctx.user.countyId);
    const period = AssessmentService.period(year);
    const computed: Array<{ unit: Unit; kind: AssessedUnitKind; result: ComputedResult }> = [];
    for (const kind of ASSESSED_UNIT_KINDS) {
      const scheme = schemes.find((s) => s.unitKind === kind)!;
      for (const unit of await readableUnits(ctx, { kinds: [kind], below: county })) {
        computed.push({ unit, kind, result: await computeUnit(ctx, unit, scheme, period, await this.corrections(ctx, ctx.em, unit.id, year)) });
      }
    }
    try {
      return await ctx.em.transactional(async (em) => {
        await AssessmentService.lockYear(em, ctx.user.countyId, year);
        const row = await this.ensureYear(ctx, em, year);
        AssessmentService.refuseIfPublished(row);
        // The schemes a year was computed under are kept with it: the defaults become the year's own.
        for (const s of schemes.filter((x) => !x.saved)) {
          em.persist(Object.assign(new AssessmentScheme(), { countyId: ctx.user.countyId, year, unitKind: s.unitKind, indicators: s.indicators, deductions: s.deductions, updatedByName: '默认方案' }));
        }
        const existing = await scopedAll(ctx, AssessmentResult, 'AssessmentResult', { where: { countyId: ctx.user.countyId, year }, orderBy: [{ id: 'asc' }], em });
        const vetoes = await scopedAll(ctx, AssessmentVeto, 'AssessmentVeto', { where: { countyId: ctx.user.countyId, year }, orderBy: [{ proposedAt: 'asc' }], em });
        const now = new Date();
        for (const { unit, kind, result } of computed) {
          for (const v of result.vetoes) {
            if (vetoes.some((x) => x.unitId === unit.id && x.evidenceKey === v.evidenceKey)) continue;
            vetoes.push(this.newVeto(em, unit, kind, year, row.stage, { ...v, proposedByName: PLATFORM_PROPOSER, actorUserId: null }));
          }
          const stored = existing.find((r) => r.unitId === unit.id);
          const fields = { indicators: result.indicators, deductions: result.deductions, subtotal: result.subtotal, deducted: result.deducted, total: result.total, computedAt: now };
          if (stored) {
            const before = { indicators: stored.indicators, deductions: stored.deductions, total: stored.total, rank: stored.rank, vetoStatus: stored.vetoStatus };
            Object.assign(stored, fields);
            (stored as AssessmentResult & { before?: typeof before }).before = before;
          } else {
            const r = Object.assign(new AssessmentResult(), { countyId: unit.countyId, townshipId: unit.townshipId, villageId: unit.villageId, year, unitId: unit.id, unitKind: kind, stage: row.stage, ...fields, rank: 0, peerCount: 0, vetoStatus: 'NONE', changes: [] });
            em.persist(r);
            existing.push(r);
          }
        }
        this.stand(existing, vetoes);
        for (const r of existing) {
          const before = (r as AssessmentResult & { before?: Parameters<typeof changesBetween>[0] }).before;
          if (before) r.changes = changesBetween(before, r);
          delete (r as { before?: unknown }).before;
        }
        row.computedAt = now;
        await em.flush();
        return row;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw conflict('The year is being computed by someone else at this moment; try again.');
      throw err;
    }
  }

  /** Each result's veto status and rank among its kind, from the totals and the vetoes. */
  private stand(results: AssessmentResult[], vetoes: AssessmentVeto[]): void {
    for (const kind of ASSESSED_UNIT_KINDS) {
      const peers = results.filter((r) => r.unitKind === kind);
      for (const r of peers) r.vetoStatus = vetoStatusOf(vetoes.filter((v) => v.unitId === r.unitId));
      const ranks = rankResults(peers.map((r) => ({ id: r.id, total: r.total, vetoed: r.vetoStatus === 'CONFIRMED' })));
      for (const r of peers) Object.assign(r, { rank: ranks.get(r.id)!, peerCount: peers.length });
    }
  }

  /** Re-stands a year after a veto changed (no figure is recomputed). */
  private async restand(ctx: SignedInContext, em: EntityManager, year: number): Promise<void> {
    const results = await scopedAll(ctx, AssessmentResult, 'AssessmentResult', { where: { countyId: ctx.user.countyId, year }, orderBy: [{ id: 'asc' }], em });
    const vetoes = await scopedAll(ctx, AssessmentVeto, 'AssessmentVeto', { where: { countyId: ctx.user.countyId, year }, orderBy: [{ proposedAt: 'asc' }], em });
    const before = new Map(results.map((r) => [r.id, { rank: r.rank, vetoStatus: r.vetoStatus }]));
    this.stand(results, vetoes);
    for (const r of results) {
      const b = before.get(r.id)!;
      if (b.rank !== r.rank || b.vetoStatus !== r.vetoStatus) r.changes = changesBetween({ ...r, ...b }, r);
    }
  }

  private newVeto(
    em: EntityManager,
    unit: Unit,
    kind: AssessedUnitKind,
    year: number,
    stage: AssessmentStage,
    v: { trigger: AssessmentVeto['trigger']; evidence: AssessmentVeto['evidence']; evidenceKey: string; reason: string; proposedByName: string; actorUserId: string | null },
  ): AssessmentVeto {
    const now = new Date();
    const veto = Object.assign(new AssessmentVeto(), {
      countyId: unit.countyId, townshipId: unit.townshipId, villageId: unit.villageId, year, unitId: unit.id, unitKind: kind, stage,
      trigger: v.trigger, evidence: v.evidence, evidenceKey: v.evidenceKey, reason: v.reason, status: 'PROPOSED', proposedAt: now, proposedByName: v.proposedByName,
    });
    em.persist(veto);
    em.persist(Object.assign(new AssessmentVetoEvent(), { vetoId: veto.id, step: 'PROPOSED', at: now, actorUserId: v.actorUserId, actorName: v.proposedByName, reason: v.reason }));
    return veto;
  }

  // ------------------------------------------------------------------ results

  /** A year's results of a unit kind the caller may read, by rank. */
  results(ctx: SignedInContext, year: number, unitKind: string): Promise<AssessmentResult[]> {
    assessableYear(year);
    if (!isAssessed(unitKind)) throw badInput('Only townships, departments and villages are assessed.', { field: 'unitKind' });
    return scopedAll(ctx, AssessmentResult, 'AssessmentResult', { where: { countyId: ctx.user.countyId, year, unitKind }, orderBy: [{ rank: 'asc' }, { total: 'desc' }, { unitId: 'asc' }] });
  }

  /** A unit's result of a year: NOT_FOUND when there is none or the caller may not read it. */
  async result(ctx: SignedInContext, unitId: string, year: number): Promise<AssessmentResult> {
    assessableYear(year);
    const unit = await requireUnit(ctx, unitId).catch(() => null);
    const [found] = unit ? await scopedAll(ctx, AssessmentResult, 'AssessmentResult', { where: { unitId: unit.id, year }, orderBy: [{ id: 'asc' }] }) : [];
    if (!found) throw notFound('Assessment result');
    return found;
  }

  resultById(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<AssessmentResult> {
    return readOne(ctx, AssessmentResult, 'AssessmentResult', id, em);
  }

  /** The average points of each indicator over a published year's peers (the scorecard's comparison). */
  async peerAverages(ctx: RequestContext, r: AssessmentResult): Promise<Map<string, number>> {
    if (r.stage !== 'PUBLISHED') return new Map();
    const rows: Array<{ figure: string; avg: number }> = await ctx.em.getConnection().execute(
      `select i->>'figure' as figure, avg((i->>'points')::int)::float as avg
         from assessment_result r, jsonb_array_elements(r.indicators) i
        where r.county_id = ? and r.year = ? and r.unit_kind = ? and r.stage = 'PUBLISHED'
        group by 1`,
      [r.countyId, r.year, r.unitKind],
    );
    return new Map(rows.map((x) => [x.figure, x.avg]));
  }

  // ------------------------------------------------------------------ vetoes

  vetoesOf(ctx: RequestContext, where: FilterQuery<AssessmentVeto>): Promise<AssessmentVeto[]> {
    return scopedAll(ctx, AssessmentVeto, 'AssessmentVeto', { where, orderBy: [{ proposedAt: 'asc' }, { id: 'asc' }] });
  }

  history(ctx: RequestContext, v: AssessmentVeto): Promise<AssessmentVetoEvent[]> {
    return ctx.em.find(AssessmentVetoEvent, { vetoId: v.id }, { orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }

  /**
   * The bureau proposes a veto of a unit's year with its reason: FORBIDDEN for anyone else;
   * NOT_FOUND for a unit outside its scope; BAD_USER_INPUT for a unit that is not assessed, an empty
   * reason, or a published year.
   */
  async proposeVeto(ctx: SignedInContext, unitId: string, year: number, reason: string): Promise<AssessmentVeto> {
    assertCan(ctx.ability, 'create', 'AssessmentVeto');
    assessableYear(year);
    const why = text(reason, 'reason', 2000)!;
    return ctx.em.transactional(async (em) => {
      await AssessmentService.lockYear(em, ctx.user.countyId, year);
      const unit = await requireUnit(ctx, unitId, em);
      if (!isAssessed(unit.kind)) throw badInput('Only townships, departments and villages are assessed.', { field: 'unitId' });
      const row = await this.ensureYear(ctx, em, year);
      AssessmentService.refuseIfPublished(row);
      const veto = this.newVeto(em, unit, unit.kind, year, row.stage, { trigger: 'BUREAU', evidence: [], evidenceKey: `BUREAU:${randomUUID()}`, reason: why, proposedByName: await actorName(em, ctx), actorUserId: ctx.user.id });
      await em.flush();
      await this.restand(ctx, em, year);
      await em.flush();
      return veto;
    });
  }

  /**
   * The county party committee confirms or revokes a proposed veto with its reason: NOT_FOUND
   * outside the caller's scope, FORBIDDEN for anyone but a county leader, BAD_USER_INPUT for a veto
   * already decided, an empty reason or a published year; CONFLICT when another decision came first.
   */
  async decideVeto(ctx: SignedInContext, vetoId: string, decision: VetoDecision, reason: string): Promise<AssessmentVeto> {
    const why = text(reason, 'reason', 2000)!;
    return ctx.em.transactional(async (em) => {
      const veto = await readOne(ctx, AssessmentVeto, 'AssessmentVeto', vetoId, em);
      await AssessmentService.lockYear(em, veto.countyId, veto.year);
      await em.refresh(veto);
      if (!ctx.ability.can('decide', subject('AssessmentVeto', veto))) throw forbidden('Only the county party committee decides a veto.');
      AssessmentService.refuseIfPublished(await this.yearRow(ctx, veto.year, em));
      if (veto.status !== 'PROPOSED') throw badInput(`This veto is already ${veto.status === 'CONFIRMED' ? 'confirmed' : 'revoked'}.`, { reason: 'ALREADY_DECIDED' });
      const by = await actorName(em, ctx);
      Object.assign(veto, { status: decision === 'CONFIRM' ? 'CONFIRMED' : 'REVOKED', decidedAt: new Date(), decidedByName: by, decisionReason: why });
      em.persist(Object.assign(new AssessmentVetoEvent(), { vetoId: veto.id, step: decision === 'CONFIRM' ? 'CONFIRMED' : 'REVOKED', at: new Date(), actorUserId: ctx.user.id, actorName: by, reason: why }));
      await em.flush();
      await this.restand(ctx, em, veto.year);
      await em.flush();
      return veto;
    });
  }

  // ------------------------------------------------------------------ review and publication

  /**
   * The committee opens the review (公示) of a computed year: for five working days each unit sees its
   * own draft and may object. FORBIDDEN for anyone but a county leader; BAD_USER_INPUT for a year not
   * computed, or already under review or published.
   */
  async openReview(ctx: SignedInContext, year: number): Promise<AssessmentYear> {
    assertCan(ctx.ability, 'publish', 'AssessmentResult');
    assessableYear(year);
    return ctx.em.transactional(async (em) => {
      await AssessmentService.lockYear(em, ctx.user.countyId, year);
      const row = await this.yearRow(ctx, year, em);
      if (!row?.computedAt) throw badInput(`The ${year} assessment has not been computed yet.`, { reason: 'NOT_COMPUTED' });
      if (row.stage !== 'DRAFT') throw badInput(row.stage === 'REVIEW' ? 'The review is already open.' : `The ${year} assessment is published.`, { reason: row.stage });
      const opened = today();
      Object.assign(row, { stage: 'REVIEW', reviewOpenedOn: opened, reviewEndsOn: workingDaysDeadline(opened, REVIEW_WORKING_DAYS, await calendarOf(em, ctx.user.countyId)), reviewOpenedByName: await actorName(em, ctx) });
      await em.flush();
      await this.setStage(em, ctx.user.countyId, year, 'REVIEW');
      await this.tellUnits(ctx, em, year, 'ASSESSMENT_REVIEW', row.reviewEndsOn);
      return row;
    });
  }

  /**
   * A unit objects to its own draft during the review, to one indicator or to a veto, with a reason:
   * NOT_FOUND for a result it may not read; FORBIDDEN for another unit's; BAD_USER_INPUT outside the
   * review's days, for an indicator the result does not have or a veto not of it, or without a reason.
   */
  async object(ctx: SignedInContext, resultId: string, input: ObjectionInput): Promise<AssessmentObjection> {
    return ctx.em.transactional(async (em) => {
      const result = await this.resultById(ctx, resultId, em);
      if (!ctx.ability.can('create', subject('AssessmentObjection', { unitId: result.unitId, stage: result.stage, countyId: result.countyId }))) throw forbidden('Only the unit itself objects to its result, during the review.');
      const row = await this.yearRow(ctx, result.year, em);
      if (row?.stage !== 'REVIEW' || (row.reviewEndsOn && today() > row.reviewEndsOn)) throw badInput('Objections are taken only during the review.', { reason: 'REVIEW_CLOSED' });
      if (!!input.indicatorFigure === !!input.vetoId) throw badInput('Object to one indicator or to one veto.', { field: 'indicatorFigure', reason: 'ONE_TARGET' });
      if (input.indicatorFigure && !result.indicators.some((i) => i.figure === input.indicatorFigure)) throw badInput('The result has no such indicator.', { field: 'indicatorFigure' });
      if (input.vetoId) {
        const veto = await readOne(ctx, AssessmentVeto, 'AssessmentVeto', input.vetoId, em).catch(() => null);
        if (!veto || veto.unitId !== result.unitId || veto.year !== result.year) throw badInput('The veto is not of this result.', { field: 'vetoId' });
      }
      const o = Object.assign(new AssessmentObjection(), {
        countyId: result.countyId, townshipId: result.townshipId, villageId: result.villageId, year: result.year, resultId: result.id, unitId: result.unitId, stage: 'REVIEW',
        indicatorFigure: input.indicatorFigure ?? null, vetoId: input.vetoId ?? null, reason: text(input.reason, 'reason', 2000)!, filedAt: new Date(), filedByName: await actorName(em, ctx), status: 'OPEN',
      });
      em.persist(o);
      await em.flush();
      return o;
    });
  }

  objectionsOf(ctx: RequestContext, where: FilterQuery<AssessmentObjection>): Promise<AssessmentObjection[]> {
    return scopedAll(ctx, AssessmentObjection, 'AssessmentObjection', { where, orderBy: [{ filedAt: 'asc' }, { id: 'asc' }] });
  }

  /**
   * The bureau answers an objection: UPHOLD records the correction (points added to the indicator,
   * or taken, within its weight) and recomputes the unit's result, or sends a confirmed veto back to
   * the committee; REJECT records why. NOT_FOUND outside the scope, FORBIDDEN for anyone but the
   * bureau, BAD_USER_INPUT for an objection already answered, an empty answer, an indicator
   * objection upheld without a correction, or a published year; CONFLICT for a stale version.
   */
  async answer(ctx: SignedInContext, objectionId: string, input: AnswerObjectionInput): Promise<AssessmentObjection> {
    const answer = text(input.answer, 'answer', 2000)!;
    const o = await ctx.em.transactional(async (em) => {
      const o = await readOne(ctx, AssessmentObjection, 'AssessmentObjection', objectionId, em);
      await AssessmentService.lockYear(em, o.countyId, o.year);
      await em.refresh(o);
      if (!ctx.ability.can('answer', subject('AssessmentObjection', o))) throw forbidden('Only the petition bureau answers an objection.');
      if (o.version !== input.version) throw conflict();
      AssessmentService.refuseIfPublished(await this.yearRow(ctx, o.year, em));
      if (o.status !== 'OPEN') throw badInput('This objection is already answered.', { reason: 'ALREADY_ANSWERED' });
      const decision: ObjectionDecision = input.decision;
      const by = await actorName(em, ctx);
      let correction = 0;
      if (decision === 'UPHOLD' && o.indicatorFigure) {
        if (input.correction === undefined || input.correction === null || !Number.isFinite(input.correction) || input.correction === 0) throw badInput('An upheld objection to an indicator records its correction in points.', { field: 'correction' });
        correction = Math.round(input.correction * 100);
        if (Math.abs(correction) > 10000) throw badInput('A correction is at most 100 points.', { field: 'correction' });
      }
      Object.assign(o, { status: decision === 'UPHOLD' ? 'UPHELD' : 'REJECTED', answer, correction, answeredAt: new Date(), answeredByName: by });
      if (decision === 'UPHOLD' && o.vetoId) {
        const veto = await readOne(ctx, AssessmentVeto, 'AssessmentVeto', o.vetoId, em);
        if (veto.status !== 'PROPOSED') {
          veto.status = 'PROPOSED';
          Object.assign(veto, { decidedAt: null, decidedByName: null, decisionReason: null });
          em.persist(Object.assign(new AssessmentVetoEvent(), { vetoId: veto.id, step: 'REOPENED', at: new Date(), actorUserId: ctx.user.id, actorName: by, reason: answer }));
        }
      }
      await em.flush();
      if (decision === 'UPHOLD' && o.vetoId) {
        await this.restand(ctx, em, o.year);
        await em.flush();
      }
      return o;
    });
    if (o.status === 'UPHELD' && o.indicatorFigure) await this.recomputeUnit(ctx, o.unitId, o.year);
    return o;
  }

  /** Recomputes one unit's result (after an upheld correction) and re-stands its year. */
  private async recomputeUnit(ctx: SignedInContext, unitId: string, year: number): Promise<void> {
    const unit = await requireUnit(ctx, unitId);
    if (!isAssessed(unit.kind)) return;
    const scheme = (await this.schemes(ctx, year)).find((s) => s.unitKind === unit.kind)!;
    const computed = await computeUnit(ctx, unit, scheme, AssessmentService.period(year), await this.corrections(ctx, ctx.em, unit.id, year));
    await ctx.em.transactional(async (em) => {
      await AssessmentService.lockYear(em, ctx.user.countyId, year);
      const [stored] = await scopedAll(ctx, AssessmentResult, 'AssessmentResult', { where: { unitId, year }, orderBy: [{ id: 'asc' }], em });
      if (!stored) return;
      const before = { indicators: stored.indicators, deductions: stored.deductions, total: stored.total, rank: stored.rank, vetoStatus: stored.vetoStatus };
      Object.assign(stored, { indicators: computed.indicators, deductions: computed.deductions, subtotal: computed.subtotal, deducted: computed.deducted, total: computed.total, computedAt: new Date() });
      await this.restand(ctx, em, year);
      const [again] = await scopedAll(ctx, AssessmentResult, 'AssessmentResult', { where: { unitId, year }, orderBy: [{ id: 'asc' }], em });
      again!.changes = changesBetween(before, again!);
      await em.flush();
    });
  }

  /**
   * The committee publishes a year under review once its days are over and nothing is pending: every
   * result, veto and objection is frozen as it stands. FORBIDDEN for anyone but a county leader;
   * BAD_USER_INPUT while the review runs, while an objection is unanswered or a veto undecided.
   */
  async publish(ctx: SignedInContext, year: number): Promise<AssessmentYear> {
    assertCan(ctx.ability, 'publish', 'AssessmentResult');
    assessableYear(year);
    return ctx.em.transactional(async (em) => {
      await AssessmentService.lockYear(em, ctx.user.countyId, year);
      const row = await this.yearRow(ctx, year, em);
      if (row?.stage !== 'REVIEW') throw badInput(row?.stage === 'PUBLISHED' ? `The ${year} assessment is already published.` : 'Open the review (公示) before publishing.', { reason: row?.stage === 'PUBLISHED' ? 'PUBLISHED' : 'NOT_REVIEWED' });
      if (row.reviewEndsOn && today() <= row.reviewEndsOn) throw badInput(`The review runs until ${row.reviewEndsOn}; publish after it.`, { reason: 'REVIEW_OPEN', reviewEndsOn: row.reviewEndsOn });
      const open = await scopedAll(ctx, AssessmentObjection, 'AssessmentObjection', { where: { countyId: ctx.user.countyId, year, status: 'OPEN' }, orderBy: [{ id: 'asc' }], em });
      if (open.length) throw badInput(`${open.length} objection(s) await the bureau’s answer.`, { reason: 'OBJECTIONS_OPEN', count: open.length });
      const proposed = await scopedAll(ctx, AssessmentVeto, 'AssessmentVeto', { where: { countyId: ctx.user.countyId, year, status: 'PROPOSED' }, orderBy: [{ id: 'asc' }], em });
      if (proposed.length) throw badInput(`${proposed.length} veto(es) await the committee’s decision.`, { reason: 'VETOES_UNDECIDED', count: proposed.length });
      Object.assign(row, { stage: 'PUBLISHED', publishedAt: new Date(), publishedByName: await actorName(em, ctx) });
      await em.flush();
      await this.setStage(em, ctx.user.countyId, year, 'PUBLISHED');
      await this.tellUnits(ctx, em, year, 'ASSESSMENT_PUBLISHED', null);
      return row;
    });
  }

  /** Tells every unit with a result of the year, in its inbox: the review has opened (until its last day), or the year is published. */
  private async tellUnits(ctx: SignedInContext, em: EntityManager, year: number, kind: 'ASSESSMENT_REVIEW' | 'ASSESSMENT_PUBLISHED', dueOn: string | null): Promise<void> {
    const results = await scopedAll(ctx, AssessmentResult, 'AssessmentResult', { where: { countyId: ctx.user.countyId, year }, orderBy: [{ id: 'asc' }], em });
    await tell(em, results.map((r) => ({ countyId: r.countyId, unitId: r.unitId, kind, assessmentYear: year, dueOn, dedupeKey: `${kind}:${year}:${r.unitId}` })));
  }

  // ------------------------------------------------------------------ commendations

  /** Records a commendation (表彰) of a unit for a published year: the bureau or a county leader. */
  async commend(ctx: SignedInContext, input: CommendationInput): Promise<Commendation> {
    assertCan(ctx.ability, 'create', 'Commendation');
    assessableYear(input.year);
    const awardedOn = input.awardedOn ?? today();
    if (!isCalendarDate(awardedOn) || awardedOn > today()) throw badInput('"awardedOn" must be a real day, not in the future.', { field: 'awardedOn' });
    return ctx.em.transactional(async (em) => {
      const row = await this.yearRow(ctx, input.year, em);
      if (row?.stage !== 'PUBLISHED') throw badInput('Commendations follow the published results.', { reason: 'NOT_PUBLISHED' });
      const unit = await requireUnit(ctx, input.unitId, em);
      if (!isAssessed(unit.kind)) throw badInput('Only townships, departments and villages are assessed.', { field: 'unitId' });
      const c = Object.assign(new Commendation(), { countyId: ctx.user.countyId, year: input.year, unitId: unit.id, title: text(input.title, 'title', 200)!, citation: text(input.citation, 'citation', 2000, false), awardedOn, recordedByName: await actorName(em, ctx) });
      em.persist(c);
      await em.flush();
      return c;
    });
  }

  commendations(ctx: SignedInContext, year: number): Promise<Commendation[]> {
    assessableYear(year);
    return scopedAll(ctx, Commendation, 'Commendation', { where: { countyId: ctx.user.countyId, year }, orderBy: [{ awardedOn: 'asc' }, { id: 'asc' }] });
  }
}
