import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { FIGURES, type FigureName, type FigurePart, type ReportPeriod } from '@xinfang/domain';
import { ExportFile } from '../../common/export.js';
import { analysisWorkbook, reportScopes } from './figures-report.js';
import { yearlyReport } from './figures-yearly.js';
import type { SignedInContext } from '../../common/context.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { UnitPathItem, unitRef } from '../unit/index.js';
import type { CountName } from './figures.definitions.js';
import { FiguresService, type RateValue } from './figures.service.js';
import { AnalysisReport, FigureCount, FigureCountNameEnum, FigureNameEnum, FigurePartEnum, FigureRecordConnection, FiguresRoot, Rate, ReportPeriodEnum } from './figures.types.js';

const figures = new FiguresService();

const asRate = (r: RateValue): Rate => ({ ...r, label: FIGURES[r.figure].label.zh, definition: FIGURES[r.figure].definition.zh, definitionEn: FIGURES[r.figure].definition.en });

/** The figures (docs/domain.md §10): each computed when asked for, from the records the caller may read. */
@Resolver(() => FiguresRoot)
export class FiguresResolver {
  @Authorized()
  @Query(() => FiguresRoot, { description: 'Every figure of a unit (and the units below it; a department: the cases it handles) over a period, both days included. NOT_FOUND for a unit outside the caller’s scope.' })
  async figures(
    @Ctx() ctx: SignedInContext,
    @Arg('scopeUnitId', () => ID) scopeUnitId: string,
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
  ): Promise<FiguresRoot> {
    return { scope: await figures.scope(ctx, scopeUnitId, from, to) };
  }

  @Authorized()
  @Query(() => FigureRecordConnection, { description: 'The records a figure counts in its numerator or its denominator (default), under the same rules as every list: totalCount equals that number.' })
  async figureRecords(
    @Ctx() ctx: SignedInContext,
    @Arg('figure', () => FigureNameEnum) figure: FigureName,
    @Arg('scopeUnitId', () => ID) scopeUnitId: string,
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
    @Arg('part', () => FigurePartEnum, { nullable: true }) part?: FigurePart,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return figures.records(ctx, await figures.scope(ctx, scopeUnitId, from, to), figure, part ?? 'DENOMINATOR', first, after);
  }

  @Authorized()
  @Query(() => FigureRecordConnection, { description: 'The petitions a count of `Figures` counts (received, overdue, key matters …), under the same rules as every list: totalCount equals the count.' })
  async countRecords(
    @Ctx() ctx: SignedInContext,
    @Arg('count', () => FigureCountNameEnum) count: CountName,
    @Arg('scopeUnitId', () => ID) scopeUnitId: string,
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return figures.countRecords(ctx, await figures.scope(ctx, scopeUnitId, from, to), count, first, after);
  }

  @Authorized()
  @Query(() => AnalysisReport, { description: 'An analysis report for a unit the caller may read: the month, quarter or year containing `start`, beside the period before and the same period a year before.' })
  async analysisReport(
    @Ctx() ctx: SignedInContext,
    @Arg('scopeUnitId', () => ID) scopeUnitId: string,
    @Arg('period', () => ReportPeriodEnum) period: ReportPeriod,
    @Arg('start', () => CalendarDateScalar) start: string,
  ): Promise<AnalysisReport> {
    const s = await reportScopes(ctx, scopeUnitId, period, start);
    return { period, current: { scope: s.current }, previous: { scope: s.previous }, yearBefore: { scope: s.yearBefore } };
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The analysis report as an Excel workbook, one sheet per table (the same figures, the same rules).' })
  async exportAnalysisReport(
    @Ctx() ctx: SignedInContext,
    @Arg('scopeUnitId', () => ID) scopeUnitId: string,
    @Arg('period', () => ReportPeriodEnum) period: ReportPeriod,
    @Arg('start', () => CalendarDateScalar) start: string,
  ): Promise<ExportFile> {
    return analysisWorkbook(ctx, period, await reportScopes(ctx, scopeUnitId, period, start));
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The yearly petition work report (信访工作年度报告) of a unit the caller may read, drafted in Chinese from the records as a Word document (.docx) to edit; every number is the figures’ for the same unit and year.' })
  exportYearlyReport(@Ctx() ctx: SignedInContext, @Arg('scopeUnitId', () => ID) scopeUnitId: string, @Arg('year', () => Int) year: number): Promise<ExportFile> {
    return yearlyReport(ctx, scopeUnitId, year);
  }

  @FieldResolver(() => UnitPathItem)
  scopeUnit(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return unitRef(ctx, r.scope.unit.id);
  }

  @FieldResolver(() => CalendarDateScalar)
  from(@Root() r: FiguresRoot) {
    return r.scope.from;
  }

  @FieldResolver(() => CalendarDateScalar)
  to(@Root() r: FiguresRoot) {
    return r.scope.to;
  }

  private async rate(ctx: SignedInContext, r: FiguresRoot, figure: FigureName) {
    return asRate(await figures.rate(ctx, r.scope, figure));
  }

  @FieldResolver(() => Rate, { description: '办结率: ' + FIGURES.closureRate.definition.zh })
  closureRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'closureRate');
  }

  @FieldResolver(() => Rate, { description: '结案率: ' + FIGURES.initialClosureRate.definition.zh })
  initialClosureRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'initialClosureRate');
  }

  @FieldResolver(() => Rate, { description: '按期答复率: ' + FIGURES.onTimeRate.definition.zh })
  onTimeRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'onTimeRate');
  }

  @FieldResolver(() => Rate, { description: '满意率: ' + FIGURES.satisfactionRate.definition.zh })
  satisfactionRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'satisfactionRate');
  }

  @FieldResolver(() => Rate, { description: '息访停诉率: ' + FIGURES.settlementRate.definition.zh })
  settlementRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'settlementRate');
  }

  @FieldResolver(() => Rate, { description: '重点积案化解率: ' + FIGURES.hardCaseResolutionRate.definition.zh })
  hardCaseResolutionRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'hardCaseResolutionRate');
  }

  @FieldResolver(() => Rate, { description: '化解成功率: ' + FIGURES.disputeResolutionRate.definition.zh })
  disputeResolutionRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'disputeResolutionRate');
  }

  @FieldResolver(() => Rate, { description: '重访率: ' + FIGURES.repeatRate.definition.zh })
  repeatRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'repeatRate');
  }

  @FieldResolver(() => Rate, { description: 'The repeat rate of the same days a year before.' })
  async repeatRateYearBefore(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return asRate(await figures.rate(ctx, figures.yearBefore(r.scope), 'repeatRate'));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The repeat rate’s change against the same days a year before, relative (−0.42: down 42 %); null without both.' })
  repeatRateChange(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.change(ctx, r.scope, 'repeatRate');
  }

  @FieldResolver(() => Rate, { description: '排查按期报送率: ' + FIGURES.screeningOnTimeRate.definition.zh })
  screeningOnTimeRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'screeningOnTimeRate');
  }

  @FieldResolver(() => Rate, { description: '督办按期办结率: ' + FIGURES.supervisionOnTimeRate.definition.zh })
  supervisionOnTimeRate(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return this.rate(ctx, r, 'supervisionOnTimeRate');
  }

  @FieldResolver(() => Float, { nullable: true, description: 'A rate’s change against the same days a year before, relative; null without both.' })
  change(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot, @Arg('figure', () => FigureNameEnum) figure: FigureName) {
    return figures.change(ctx, r.scope, figure);
  }

  @FieldResolver(() => Int, { description: 'Petitions received in the period.' })
  received(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.counted(ctx, r.scope, 'received');
  }

  @FieldResolver(() => Int, { description: 'Petitions accepted in the period.' })
  accepted(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.counted(ctx, r.scope, 'accepted');
  }

  @FieldResolver(() => Int, { description: 'Petitions closed in the period.' })
  closed(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.counted(ctx, r.scope, 'closed');
  }

  @FieldResolver(() => Int, { description: 'Petitions received in the period, still open and past their current deadline today.' })
  overdue(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.counted(ctx, r.scope, 'overdue');
  }

  @FieldResolver(() => Int, { description: 'Petitions received in the period, still open, their current deadline today or within three days (the yellow warning; `overdue` is the red one).' })
  dueSoon(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.counted(ctx, r.scope, 'dueSoon');
  }

  @FieldResolver(() => Int, { description: 'Key matters (重点信访事项) worked on in the period: received by its end, not declined, not closed before it began (the settlement rate’s denominator).' })
  keyMatters(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.counted(ctx, r.scope, 'keyMatters');
  }

  @FieldResolver(() => Int, { description: 'Backlog cases (信访积案, open two years or more) worked on in the period: received by its end, not declined, not closed before it began.' })
  backlog(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.counted(ctx, r.scope, 'backlog');
  }

  @FieldResolver(() => Int, { description: 'Petitions closed in the period in harmony with the petitioner (和谐闭合).' })
  harmoniouslyClosed(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.counted(ctx, r.scope, 'harmoniouslyClosed');
  }

  @FieldResolver(() => [FigureCount], { description: 'Petitions received in the period by channel.' })
  byChannel(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.breakdown(ctx, r.scope, 'channel');
  }

  @FieldResolver(() => [FigureCount], { description: 'Petitions received in the period by kind.' })
  byKind(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.breakdown(ctx, r.scope, 'kind');
  }

  @FieldResolver(() => [FigureCount], { description: 'Petitions received in the period by category, most first.' })
  byCategory(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.breakdown(ctx, r.scope, 'category');
  }

  @FieldResolver(() => [FigureCount], { description: 'Petitions received in the period by handling unit, most first (key empty: not yet assigned).' })
  byUnit(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.breakdown(ctx, r.scope, 'unit');
  }

  @FieldResolver(() => [FigureCount], { description: 'Petitions received in the period by the township where they arise, most first (key empty: the county itself, above every township).' })
  byTownship(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.breakdown(ctx, r.scope, 'township');
  }

  @FieldResolver(() => [FigureCount], { description: 'Petitions closed in the period by the month they were closed (YYYY-MM), in order: the closed beside the received of byMonth.' })
  closedByMonth(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.breakdown(ctx, r.scope, 'month', 'closed');
  }

  @FieldResolver(() => [FigureCount], { description: 'Petitions received in the period by month (YYYY-MM), in order.' })
  byMonth(@Ctx() ctx: SignedInContext, @Root() r: FiguresRoot) {
    return figures.breakdown(ctx, r.scope, 'month');
  }
}
