import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { screeningStatus, type ScreeningStatus } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { ExportFile } from '../../common/export.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { Petition, readablePetition } from '../petition/index.js';
import { CategoryRef } from '../reference/index.js';
import { UnitPathItem, unitRef } from '../unit/index.js';
import { disputeLedger } from './dispute-export.js';
import { DisputeService } from './dispute.service.js';
import { historyOf } from './screening.events.js';
import { Dispute, ScreeningEvent, ScreeningReport, ScreeningRule } from './screening.entity.js';
import { ScreeningStatusEnum } from './screening.enums.js';
import { ScreeningService } from './screening.service.js';
import {
  CorrectScreeningReportInput,
  DisputeConnection,
  DisputeFilter,
  DisputeSummary,
  ScreeningComplianceRow,
  ScreeningPeriodType,
  ScreeningReminder,
  ScreeningRuleInput,
  SubmitScreeningReportInput,
  UpdateDisputeInput,
} from './screening.types.js';

const service = new ScreeningService();

const ledger = new DisputeService();

@Resolver(() => ScreeningReport)
export class ScreeningResolver {
  @Authorized()
  @Query(() => [ScreeningPeriodType], { description: 'A unit’s screening periods that overlap `from`–`to` and have started, each with its status and report; NOT_FOUND outside the caller’s scope.' })
  screeningPeriods(
    @Ctx() ctx: RequestContext,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('from', () => CalendarDateScalar) from: string,
    @Arg('to', () => CalendarDateScalar) to: string,
  ) {
    return service.periods(ctx, unitId, from, to);
  }

  @Authorized()
  @Query(() => [ScreeningComplianceRow], { description: 'The month (`YYYY-MM`) of a unit and every screening unit below it that the caller may see: periods due, submitted, late and missing.' })
  screeningCompliance(@Ctx() ctx: RequestContext, @Arg('scopeUnitId', () => ID) scopeUnitId: string, @Arg('month') month: string) {
    return service.compliance(ctx, scopeUnitId, month);
  }

  @Authorized()
  @Query(() => [ScreeningReminder], { description: 'The caller’s reports due within three days or missing, and the missing reports of the units it reviews.' })
  screeningReminders(@Ctx() ctx: SignedInContext) {
    return service.reminders(ctx);
  }

  @Authorized()
  @Query(() => ScreeningReport, { description: 'One report; NOT_FOUND outside the caller’s scope.' })
  screeningReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return service.report(ctx, id);
  }

  @Authorized()
  @Query(() => [ScreeningRule], { description: 'The county’s cadence rules, current and scheduled.' })
  screeningRules(@Ctx() ctx: RequestContext) {
    return service.listRules(ctx);
  }

  @Authorized()
  @Mutation(() => ScreeningReport, { description: 'Submits a unit’s report for one period: disputes, or a zero report (零报告).' })
  submitScreeningReport(@Ctx() ctx: SignedInContext, @Arg('input', () => SubmitScreeningReportInput) input: SubmitScreeningReportInput) {
    return service.submit(ctx, input);
  }

  @Authorized()
  @Mutation(() => ScreeningReport, { description: 'Corrects a report the next level has not reviewed yet.' })
  correctScreeningReport(@Ctx() ctx: SignedInContext, @Arg('input', () => CorrectScreeningReportInput) input: CorrectScreeningReportInput) {
    return service.correct(ctx, input);
  }

  @Authorized()
  @Mutation(() => ScreeningReport, { description: 'The level above reviews a report; it can no longer be corrected.' })
  reviewScreeningReport(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ) {
    return service.review(ctx, id, version, note);
  }

  @Authorized()
  @Mutation(() => ScreeningRule, { description: 'The bureau sets a unit kind’s cadence and due day from the first day of a future month.' })
  setScreeningRule(@Ctx() ctx: SignedInContext, @Arg('input', () => ScreeningRuleInput) input: ScreeningRuleInput) {
    return service.setRule(ctx, input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'The bureau calls off a scheduled cadence rule that has not come into force.' })
  cancelScreeningRule(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return service.cancelRule(ctx, id, version);
  }

  @FieldResolver(() => UnitPathItem)
  unit(@Ctx() ctx: RequestContext, @Root() r: ScreeningReport) {
    return unitRef(ctx, r.unitId) as Promise<UnitPathItem>;
  }

  @FieldResolver(() => ScreeningStatusEnum, { description: 'SUBMITTED or LATE.' })
  status(@Root() r: ScreeningReport): ScreeningStatus {
    return screeningStatus(r, r.submittedOn, service.today());
  }

  @FieldResolver(() => [Dispute], { description: 'The disputes it lists that the caller may see.' })
  disputes(@Ctx() ctx: RequestContext, @Root() r: ScreeningReport) {
    return ledger.disputesOf(ctx, r.id);
  }

  @FieldResolver(() => [ScreeningEvent], { description: 'Submitted, corrected, reviewed: oldest first.' })
  history(@Ctx() ctx: RequestContext, @Root() r: ScreeningReport) {
    // The changes to its disputes carry its id too; they are on each dispute's history.
    return historyOf(ctx.em, { reportId: r.id, disputeId: null });
  }

  @FieldResolver(() => Boolean, { description: 'A zero report in a period in which a dispute of the unit, reported later, became a collective or skip-level petition (evidence for 一票否决).' })
  async vetoEvidence(@Ctx() ctx: RequestContext, @Root() r: ScreeningReport): Promise<boolean> {
    return (await ctx.loaders.vetoEvidence.load(r.id)).length > 0;
  }

  @FieldResolver(() => [Dispute], { description: 'The disputes that make it veto evidence, as far as the caller may see them.' })
  async concealedDisputes(@Ctx() ctx: RequestContext, @Root() r: ScreeningReport) {
    return ledger.readableDisputes(ctx, await ctx.loaders.vetoEvidence.load(r.id));
  }

  @FieldResolver(() => Boolean, { description: 'The caller may correct it now.' })
  async canCorrect(@Ctx() ctx: RequestContext, @Root() r: ScreeningReport): Promise<boolean> {
    if (r.reviewedAt || !ctx.ability.can('update', subject('ScreeningReport', r))) return false;
    return (await ctx.loaders.vetoEvidence.load(r.id)).length === 0;
  }

  @FieldResolver(() => Boolean, { description: 'The caller may review it now.' })
  canReview(@Ctx() ctx: RequestContext, @Root() r: ScreeningReport): boolean {
    return !r.reviewedAt && ctx.ability.can('review', subject('ScreeningReport', r));
  }
}

@Resolver(() => Dispute)
export class DisputeResolver {

  @Authorized()
  @Query(() => DisputeConnection, { description: 'The dispute ledger (矛盾纠纷台账) the caller may see, filtered and paged, newest first.' })
  disputes(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => DisputeFilter, { nullable: true }) filter?: DisputeFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return ledger.listDisputes(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => Dispute, { description: 'One dispute; NOT_FOUND outside the caller’s scope.' })
  dispute(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ledger.dispute(ctx, id);
  }

  @Authorized()
  @Query(() => DisputeSummary, { description: 'Found, resolved, escalated and overdue disputes of a filter, and the resolution rate (化解成功率).' })
  disputeSummary(@Ctx() ctx: RequestContext, @Arg('filter', () => DisputeFilter, { nullable: true }) filter?: DisputeFilter) {
    return ledger.disputeSummary(ctx, filter ?? {});
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The filtered ledger as an Excel workbook (矛盾纠纷台账): the same scope as `disputes`.' })
  async exportDisputes(@Ctx() ctx: RequestContext, @Arg('filter', () => DisputeFilter, { nullable: true }) filter?: DisputeFilter): Promise<ExportFile> {
    return disputeLedger(ctx, await ledger.allDisputes(ctx, filter ?? {}));
  }

  @Authorized()
  @Mutation(() => Dispute, { description: 'Changes a dispute: its facts, deadline, or status (OPEN, RESOLVING, RESOLVED with a note).' })
  updateDispute(@Ctx() ctx: SignedInContext, @Arg('input', () => UpdateDisputeInput) input: UpdateDisputeInput) {
    return ledger.updateDispute(ctx, input);
  }

  @Authorized()
  @Mutation(() => Dispute, { description: 'Escalates a major dispute to the stability team (信访维稳工作组).' })
  escalateDispute(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('note') note: string) {
    return ledger.escalate(ctx, id, version, note);
  }

  @Authorized()
  @Mutation(() => Dispute, { description: 'Links a dispute to the petition it turned into (both ways: `Petition.disputes`).' })
  linkDisputeToPetition(
    @Ctx() ctx: SignedInContext,
    @Arg('disputeId', () => ID) disputeId: string,
    @Arg('version', () => Int) version: number,
    @Arg('petitionId', () => ID) petitionId: string,
  ) {
    return ledger.link(ctx, disputeId, version, petitionId);
  }

  @FieldResolver(() => UnitPathItem, { description: 'The unit that reported it.' })
  unit(@Ctx() ctx: RequestContext, @Root() d: Dispute) {
    return unitRef(ctx, d.unitId) as Promise<UnitPathItem>;
  }

  @FieldResolver(() => CategoryRef)
  async category(@Ctx() ctx: RequestContext, @Root() d: Dispute): Promise<CategoryRef> {
    return ctx.loaders.category.load(d.categoryCode);
  }

  @FieldResolver(() => ID, { description: 'The report that found it.' })
  reportId(@Root() d: Dispute): string {
    return d.reportId;
  }

  @FieldResolver(() => Boolean, { description: 'Past its resolution deadline and not resolved.' })
  isOverdue(@Root() d: Dispute): boolean {
    return d.status !== 'RESOLVED' && !!d.resolveBy && d.resolveBy < service.today();
  }

  @FieldResolver(() => Petition, { nullable: true, description: 'The petition it turned into, when the caller may read that petition.' })
  async petition(@Ctx() ctx: RequestContext, @Root() d: Dispute): Promise<Petition | null> {
    const p = d.petitionId ? await readablePetition(ctx, d.petitionId) : null;
    // Which dispute a petition grew out of points at the petitioner among the dispute's parties: the
    // link is for those who may know who petitioned (docs/domain.md §3), never for the unit an
    // accusation accuses, nor for a village that reads the petition without its petitioner.
    return p && ctx.ability.can('read', subject('Petition', p), 'petitioner') ? p : null;
  }

  @FieldResolver(() => Boolean, { description: 'Linked to a petition (even one the caller may not read).' })
  isLinked(@Root() d: Dispute): boolean {
    return !!d.petitionId;
  }

  @FieldResolver(() => [ScreeningEvent], { description: 'Reported, updated, escalated, linked: oldest first.' })
  history(@Ctx() ctx: RequestContext, @Root() d: Dispute) {
    return ledger.disputeHistory(ctx.em, d);
  }

  @FieldResolver(() => [String], { description: 'What the caller may do now: update, resolve, escalate, link.' })
  availableActions(@Ctx() ctx: RequestContext, @Root() d: Dispute): string[] {
    return ledger.availableActions(ctx, d);
  }
}

@Resolver(() => Petition)
export class PetitionDisputesResolver {
  @FieldResolver(() => [Dispute], { description: 'The screened disputes that turned into this petition, as far as the caller may see them.' })
  async disputes(@Ctx() ctx: RequestContext, @Root() p: Petition): Promise<Dispute[]> {
    // Only to those who may know who petitioned: the dispute's parties would name the petitioner.
    if (!ctx.ability.can('read', subject('Petition', p), 'petitioner')) return [];
    return ledger.ofPetition(ctx, p.id);
  }
}
