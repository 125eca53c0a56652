import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { FIGURES, daysBetween, isCalendarDate, rateValue, relativeChange, screeningOnTimeRate, shanghaiDate, yearBefore, type FigureName, type FigurePart } from '@xinfang/domain';
import { scopedAll, scopedCount, scopedPage, scopedWhere } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { withinUnit } from '../../common/located.entity.js';
import { toConnection, pageArgs } from '../../common/pagination.js';
import { categoryNames } from '../reference/index.js';
import { ScreeningService, vetoEvidence } from '../screening/index.js';
import { Dispute, ScreeningReport } from '../screening/screening.entity.js';
import { Petition } from '../petition/petition.entity.js';
import { Circular, SupervisionOrder } from '../supervision/supervision.entity.js';
import { requireUnit, unitsBelow, unitsByIds, type Unit } from '../unit/index.js';
import { COUNTS, ROW_FIGURES, type CountName, type Period, type RowFigureName } from './figures.definitions.js';

const ENTITIES = { Petition, Dispute, SupervisionOrder, Circular } as const;
/** Units whose petitions are those they handle; every other unit's are those located in it or below. */
const HANDLING_KINDS = new Set(['DEPARTMENT', 'BUREAU', 'SUPERVISION_GROUP']);
/** The longest period a figure is asked for at once. */
const MAX_DAYS = 3700;

/** What a figure is asked over: a unit the caller may read, and a period. */
export interface FigureScope extends Period {
  unit: Unit;
}

/** A rate with its parts and its definition. */
export interface RateValue {
  figure: FigureName;
  numerator: number;
  denominator: number;
  value: number | null;
}

/**
 * The figures module (docs/domain.md §10): every rate and count from the records, in SQL over the
 * rows the caller may read (`scopedCount`: its rules ANDed in), within a unit and a period. Each rate
 * is the count of its numerator's rows over its denominator's, both from figures.definitions.ts, and
 * `records` lists exactly those rows, so a figure and its drill-down agree by construction. It reads
 * other modules' tables and never writes (eslint.modules.js).
 */
export class FiguresService {
  private readonly screening = new ScreeningService();

  /** The unit and period asked for: NOT_FOUND for a unit outside the caller's scope, BAD_USER_INPUT for a bad period. */
  async scope(ctx: RequestContext, scopeUnitId: string, from: string, to: string): Promise<FigureScope> {
    if (!isCalendarDate(from) || !isCalendarDate(to)) throw badInput('"from" and "to" must be real days.', { field: 'from' });
    if (from > to) throw badInput('"from" must not be after "to".', { field: 'from' });
    if (daysBetween(from, to) > MAX_DAYS) throw badInput(`Ask for at most ${MAX_DAYS} days at once.`, { field: 'to' });
    const unit = await requireUnit(ctx, scopeUnitId);
    return { unit, from, to, today: shanghaiDate() };
  }

  /** The same unit, the same days a year before. */
  yearBefore(s: FigureScope): FigureScope {
    return { ...s, from: yearBefore(s.from), to: yearBefore(s.to) };
  }

  /** The rows of an entity that belong to the scope's unit. */
  private inUnit(entity: 'Petition' | 'Dispute' | 'SupervisionOrder' | 'Circular', ctx: RequestContext, unit: Unit): object {
    if (entity === 'Petition') return HANDLING_KINDS.has(unit.kind) ? { handlingUnitId: unit.id } : (withinUnit<Petition>(unit, 'locationUnitId') as object);
    if (entity === 'Dispute') return withinUnit<Dispute>(unit, 'unitId') as object;
    return HANDLING_KINDS.has(unit.kind) ? { unitId: unit.id } : { unitId: { $in: unitsBelow(ctx.em, unit) } };
  }

  private where(ctx: RequestContext, s: FigureScope, entity: 'Petition' | 'Dispute' | 'SupervisionOrder' | 'Circular', condition: object): FilterQuery<object> {
    return { $and: [this.inUnit(entity, ctx, s.unit), condition] } as FilterQuery<object>;
  }

  private count(ctx: RequestContext, s: FigureScope, entity: 'Petition' | 'Dispute' | 'SupervisionOrder' | 'Circular', condition: object): Promise<number> {
    return scopedCount(ctx, ENTITIES[entity] as EntityName<object>, entity, { where: this.where(ctx, s, entity, condition) });
  }

  /** One rate: its numerator and denominator counted in SQL. */
  async rate(ctx: RequestContext, s: FigureScope, figure: FigureName): Promise<RateValue> {
    if (figure === 'screeningOnTimeRate') {
      const periods = await this.screening.periodsDueIn(ctx, s.unit, s.from, s.to);
      const submitted = periods.filter((p) => p.status === 'SUBMITTED').length;
      const denominator = periods.length;
      return { figure, numerator: submitted, denominator, value: screeningOnTimeRate({ submitted, late: periods.filter((p) => p.status === 'LATE').length, missing: periods.filter((p) => p.status === 'MISSING').length }) };
    }
    const f = ROW_FIGURES[figure as RowFigureName];
    const [numerator, denominator] = await Promise.all([this.count(ctx, s, f.entity, f.numerator(s)), this.count(ctx, s, f.entity, f.denominator(s))]);
    return { figure, numerator, denominator, value: rateValue(numerator, denominator) };
  }

  /** The change of a rate against the same days a year before (relative; null without both). */
  async change(ctx: RequestContext, s: FigureScope, figure: FigureName): Promise<number | null> {
    const [now, before] = await Promise.all([this.rate(ctx, s, figure), this.rate(ctx, this.yearBefore(s), figure)]);
    return relativeChange(now.value, before.value);
  }

  /** A count of the scope's petitions. */
  counted(ctx: RequestContext, s: FigureScope, name: CountName): Promise<number> {
    return this.count(ctx, s, 'Petition', COUNTS[name](s));
  }

  /** Circulars (通报) published in the period naming a unit of the scope. */
  circulars(ctx: RequestContext, s: FigureScope): Promise<number> {
    return this.count(ctx, s, 'Circular', { publishedOn: { $gte: s.from, $lte: s.to } });
  }

  /** Supervision orders issued in the period naming a unit of the scope. */
  orders(ctx: RequestContext, s: FigureScope): Promise<number> {
    return this.count(ctx, s, 'SupervisionOrder', { issuedOn: { $gte: s.from, $lte: s.to } });
  }

  /**
   * The petitions received in the period (or those of another count: `closed`), counted by a column
   * in one grouped statement: channel, kind, category, handling unit, township (where they arise) or
   * month (of the count's own day: received, or closed).
   */
  async breakdown(ctx: RequestContext, s: FigureScope, by: 'channel' | 'kind' | 'category' | 'unit' | 'township' | 'month', count: 'received' | 'closed' = 'received'): Promise<Array<{ key: string; label: string; count: number }>> {
    const month = count === 'closed' ? "to_char(p.closed_at, 'YYYY-MM')" : "to_char(p.received_at, 'YYYY-MM')";
    const column = { channel: 'p.channel', kind: 'p.kind', category: 'p.category_code', unit: 'p.handling_unit_id', township: 'p.township_id', month }[by];
    const where = scopedWhere<Petition>(ctx.ability, 'Petition', { where: this.where(ctx, s, 'Petition', COUNTS[count](s)) as FilterQuery<Petition> });
    const knex = ctx.em.createQueryBuilder(Petition, 'p').where(where as never).getKnexQuery();
    knex.clearSelect().clearOrder().select(ctx.em.getKnex().raw(`${column} as key, count(*)::int as n`)).groupByRaw(column).orderByRaw('n desc, key asc');
    const rows = (await ctx.em.getConnection().execute(knex)) as Array<{ key: string | null; n: number }>;
    const named = by === 'unit' || by === 'township';
    const labels = by === 'category' ? await categoryNames(ctx.em) : named ? new Map((await unitsByIds(ctx.em, rows.map((r) => r.key).filter((k): k is string => !!k))).map((u) => [u.id, u.name])) : null;
    if (by === 'month') rows.sort((a, b) => String(a.key).localeCompare(String(b.key)));
    return rows.map((r) => ({ key: r.key ?? '', label: r.key === null ? '' : (labels?.get(r.key) ?? r.key), count: r.n }));
  }

  /**
   * The records behind a figure's numerator or denominator, paged: exactly the rows `rate` counts
   * (its totalCount is the figure's numerator or denominator), under the same permission filter.
   */
  async records(ctx: SignedInContext, s: FigureScope, figure: FigureName, part: FigurePart, first?: number | null, after?: string | null) {
    if (figure === 'screeningOnTimeRate') {
      const periods = await this.screening.periodsDueIn(ctx, s.unit, s.from, s.to);
      const rows = part === 'NUMERATOR' ? periods.filter((p) => p.status === 'SUBMITTED') : periods;
      const { limit, offset } = pageArgs(first, after);
      return toConnection(rows.slice(offset, offset + limit), rows.length, offset);
    }
    const f = ROW_FIGURES[figure as RowFigureName];
    const condition = part === 'NUMERATOR' ? f.numerator(s) : f.denominator(s);
    const orderBy = f.entity === 'Petition' ? [{ receivedAt: 'asc' }, { number: 'asc' }] : f.entity === 'Dispute' ? [{ reportedOn: 'asc' }, { id: 'asc' }] : [{ issuedOn: 'asc' }, { number: 'asc' }];
    return scopedPage(ctx, ENTITIES[f.entity] as EntityName<object>, f.entity, { where: this.where(ctx, s, f.entity, condition), orderBy: orderBy as never, first, after });
  }

  /** The petitions a count counts, paged, oldest first: its totalCount is the count. */
  countRecords(ctx: SignedInContext, s: FigureScope, name: CountName, first?: number | null, after?: string | null) {
    return scopedPage(ctx, Petition, 'Petition', { where: this.where(ctx, s, 'Petition', COUNTS[name](s)) as FilterQuery<Petition>, orderBy: [{ receivedAt: 'asc' }, { number: 'asc' }], first, after });
  }
}

/** A record that is evidence in an assessment: what it is, its id, and how a person names it. */
export interface EvidenceItem {
  kind: 'CIRCULAR' | 'PETITION' | 'SCREENING_REPORT';
  id: string;
  label: string;
}

/** What the assessment deducts for and vetoes on in a unit's period (docs/domain.md §8), with its evidence. */
export interface UnitEvidence {
  /** Circulars (通报) naming the unit, published in the period; `escalated`: on a petition that went skip-level or collective. */
  circulars: Array<EvidenceItem & { escalated: boolean }>;
  /** Skip-level petitions (越级访) of the scope received in the period; `collectiveVisit`: a collective visit in person. */
  skipLevel: Array<EvidenceItem & { collectiveVisit: boolean }>;
  /** The unit's own zero reports of periods ending in the period that concealed a dispute (§6's evidence flag). */
  concealingZeroReports: EvidenceItem[];
}

/**
 * The evidence of an assessment, read with the same rules as every figure: the circulars, the
 * skip-level visits and the concealing zero reports of a unit's period.
 */
export async function unitEvidence(ctx: RequestContext, s: FigureScope): Promise<UnitEvidence> {
  const inPeriod = { $gte: s.from, $lte: s.to };
  const circularsWhere = HANDLING_KINDS.has(s.unit.kind) || s.unit.kind === 'VILLAGE_GROUP' ? { unitId: s.unit.id } : { unitId: { $in: unitsBelow(ctx.em, s.unit) } };
  const circulars = await scopedAll(ctx, Circular, 'Circular', { where: { $and: [circularsWhere, { publishedOn: inPeriod }] } as FilterQuery<Circular>, orderBy: [{ publishedOn: 'asc' }, { number: 'asc' }] });
  const linked = [...new Set(circulars.map((c) => c.petitionId).filter((id): id is string => !!id))];
  const escalated = new Set(
    (linked.length ? await scopedAll(ctx, Petition, 'Petition', { where: { id: { $in: linked }, $or: [{ isSkipLevel: true }, { isCollective: true }] }, orderBy: [{ id: 'asc' }] }) : []).map((p) => p.id),
  );
  const petitionScope = HANDLING_KINDS.has(s.unit.kind) ? { handlingUnitId: s.unit.id } : (withinUnit<Petition>(s.unit, 'locationUnitId') as object);
  const skipLevel = await scopedAll(ctx, Petition, 'Petition', {
    where: { $and: [petitionScope, { isSkipLevel: true, receivedAt: inPeriod }] } as FilterQuery<Petition>,
    orderBy: [{ receivedAt: 'asc' }, { number: 'asc' }],
  });
  const zeroReports = await scopedAll(ctx, ScreeningReport, 'ScreeningReport', {
    where: { unitId: s.unit.id, isZeroReport: true, periodEnd: inPeriod },
    orderBy: [{ periodStart: 'asc' }],
  });
  const evidence = await vetoEvidence(ctx.em, zeroReports.map((r) => r.id));
  return {
    circulars: circulars.map((c) => ({ kind: 'CIRCULAR' as const, id: c.id, label: `${c.number} ${c.title}`, escalated: !!c.petitionId && escalated.has(c.petitionId) })),
    skipLevel: skipLevel.map((p) => ({ kind: 'PETITION' as const, id: p.id, label: p.number, collectiveVisit: p.isCollective && p.channel === 'VISIT' })),
    concealingZeroReports: zeroReports.filter((r) => (evidence.get(r.id) ?? []).length > 0).map((r) => ({ kind: 'SCREENING_REPORT' as const, id: r.id, label: `${r.periodStart}至${r.periodEnd}零报告` })),
  };
}

/** A figure's definition line, in Chinese and in English. */
export const definitionOf = (figure: FigureName) => FIGURES[figure];
