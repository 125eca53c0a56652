import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssignMode, Satisfaction, Warning } from '@xinfang/domain';
import { isSignedIn, type RequestContext, type SignedInContext } from '../../common/context.js';
import { notFound } from '../../common/errors.js';
import { ExportFile } from '../../common/export.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { CategoryRef } from '../reference/index.js';
import { UnitPathItem, unitRef } from '../unit/index.js';
import { petitionLedger } from './petition-export.js';
import { Petition } from './petition.entity.js';
import { AssignModeEnum, PetitionKindEnum, SatisfactionEnum, WarningEnum } from './petition.enums.js';
import { PetitionQueries } from './petition.queries.js';
import { deadlinesOf, warningOf } from './petition.rules.js';
import { PetitionWorkflow } from './petition.workflow.js';
import { ReceiptService } from './receipt.service.js';
import { canRead, shown } from './petition.fields.js';
import {
  PetitionConnection,
  PetitionDeadlines,
  PetitionFilter,
  PetitionMatch,
  PetitionMatchInput,
  PetitionReceipt,
  Petitioner,
  RegisterPetitionInput,
  TimelineEntry,
} from './petition.types.js';

@Resolver(() => Petition)
export class PetitionResolver {
  private readonly queries = new PetitionQueries();
  private readonly workflow = new PetitionWorkflow();
  private readonly receipts = new ReceiptService();

  // ------------------------------------------------------------------ queries

  @Authorized()
  @Query(() => PetitionConnection, { description: 'The petitions the caller may see, filtered and paged.' })
  petitions(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => PetitionFilter, { nullable: true }) filter?: PetitionFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.queries.list(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => Petition, { description: 'One petition; NOT_FOUND outside the caller’s scope.' })
  petition(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Petition> {
    return this.queries.get(ctx, id);
  }

  @Authorized()
  @Query(() => [PetitionMatch], { description: 'Likely earlier petitions of the same petitioner, before registering.' })
  petitionMatches(@Ctx() ctx: RequestContext, @Arg('input', () => PetitionMatchInput) input: PetitionMatchInput) {
    return this.queries.matches(ctx, input);
  }

  @Query(() => PetitionReceipt, { description: 'Public, no sign-in: the stage and deadlines of the petition with this receipt code.' })
  petitionByReceipt(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    return this.receipts.byReceipt(ctx.em, code);
  }

  @Authorized()
  @Query(() => UnitPathItem, { nullable: true, description: 'The handling unit intake proposes: the discipline commission for an accusation, else the category’s department, else the location’s township.' })
  async proposeHandlingUnit(
    @Ctx() ctx: RequestContext,
    @Arg('categoryCode') categoryCode: string,
    @Arg('kind', () => PetitionKindEnum) kind: string,
    @Arg('locationUnitId', () => ID) locationUnitId: string,
  ): Promise<UnitPathItem | null> {
    const unit = await this.queries.proposeHandler(ctx, categoryCode, kind, locationUnitId);
    return unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null;
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The filtered list as an Excel ledger (信访台账): the same scope and field rules as `petitions`.' })
  async exportPetitions(@Ctx() ctx: RequestContext, @Arg('filter', () => PetitionFilter, { nullable: true }) filter?: PetitionFilter): Promise<ExportFile> {
    return petitionLedger(ctx, await this.queries.all(ctx, filter ?? {}));
  }

  // ---------------------------------------------------------------- mutations

  @Authorized()
  @Mutation(() => Petition, { description: 'Registers a petition (登记); its receipt code is for the petitioner.' })
  registerPetition(@Ctx() ctx: SignedInContext, @Arg('input', () => RegisterPetitionInput) input: RegisterPetitionInput) {
    return this.workflow.register(ctx, input);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Accepts a petition (受理).' })
  acceptPetition(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return this.workflow.accept(ctx, id, version);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Does not accept a petition (不予受理), with the reason.' })
  declinePetition(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason') reason: string) {
    return this.workflow.decline(ctx, id, version, reason);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Forwards (转送) or assigns (交办) a petition to its handling unit.' })
  assignPetition(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('handlingUnitId', () => ID) handlingUnitId: string,
    @Arg('mode', () => AssignModeEnum) mode: AssignMode,
  ) {
    return this.workflow.assign(ctx, id, version, handlingUnitId, mode);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'The handling unit objects (异议) within 5 working days: the petition returns to the bureau.' })
  objectToAssignment(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason') reason: string) {
    return this.workflow.object(ctx, id, version, reason);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Records that the petitioner was told how the petition is handled (告知).' })
  notifyPetitioner(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('sentAt', () => CalendarDateScalar, { nullable: true }) sentAt?: string,
  ) {
    return this.workflow.notify(ctx, id, version, note, sentAt);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'The handling unit answers (处理意见书).' })
  answerPetition(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('text') text: string,
    @Arg('answeredAt', () => CalendarDateScalar, { nullable: true }) answeredAt?: string,
  ) {
    return this.workflow.answer(ctx, id, version, text, answeredAt);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'The handling unit asks for its one extension (at most 30 days).' })
  requestExtension(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('days', () => Int) days: number,
    @Arg('reason') reason: string,
  ) {
    return this.workflow.requestExtension(ctx, id, version, days, reason);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'A county leader or the bureau approves or refuses the extension.' })
  decideExtension(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('approve') approve: boolean,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ) {
    return this.workflow.decideExtension(ctx, id, version, approve, note);
  }

  @Mutation(() => Petition, { description: 'Records the petitioner’s satisfaction: by the bureau, or publicly with the receipt code (no sign-in).' })
  async rateAnswer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('satisfaction', () => SatisfactionEnum) satisfaction: Satisfaction,
    @Arg('receiptCode', () => String, { nullable: true }) receiptCode?: string,
  ): Promise<Petition> {
    if (receiptCode) return this.receipts.rateByReceipt(ctx.em, id, version, receiptCode, satisfaction);
    if (!isSignedIn(ctx)) throw notFound('Receipt');
    return this.workflow.rate(ctx, id, version, satisfaction);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Records the petitioner’s request for review (复查) or, after it, re-review (复核).' })
  requestReview(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('requestedAt', () => CalendarDateScalar, { nullable: true }) requestedAt?: string,
  ) {
    return this.workflow.requestReview(ctx, id, version, requestedAt);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Records the review or re-review decision; a re-review decision is final and closes the matter.' })
  decideReview(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('decision') decision: string,
    @Arg('hearingDays', () => Int, { nullable: true, description: 'Days spent on a hearing (听证), not counted.' }) hearingDays?: number,
  ) {
    return this.workflow.decideReview(ctx, id, version, decision, hearingDays);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Closes a petition (办结), optionally recording that the petitioner settled (息访停诉).' })
  closePetition(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('settled', () => Boolean, { nullable: true }) settled?: boolean,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('resolvedHarmoniously', () => Boolean, { nullable: true, description: 'Closed in harmony with the petitioner (和谐闭合).' }) resolvedHarmoniously?: boolean,
  ) {
    return this.workflow.close(ctx, id, version, settled, note, resolvedHarmoniously);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Records a follow-up (回访) on a closed petition.' })
  recordFollowUp(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('note') note: string,
    @Arg('settled', () => Boolean, { nullable: true }) settled?: boolean,
  ) {
    return this.workflow.followUp(ctx, id, version, note, settled);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'A county leader’s instruction (批示); the handling unit reports back on it.' })
  instructPetition(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('instruction') instruction: string) {
    return this.workflow.instruct(ctx, id, version, instruction);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Marks or unmarks a key matter (重点信访事项) or backlog (信访积案).' })
  flagPetition(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('isKeyMatter', () => Boolean, { nullable: true }) isKeyMatter?: boolean,
    @Arg('isBacklog', () => Boolean, { nullable: true }) isBacklog?: boolean,
    @Arg('reason', () => String, { nullable: true, description: 'Why it is a key matter; on its timeline.' }) reason?: string,
  ) {
    return this.workflow.flag(ctx, id, version, isKeyMatter, isBacklog, reason);
  }

  // ------------------------------------------------------------ fields

  @FieldResolver(() => String, { nullable: true, description: 'Withheld (null) from the unit an accusation accuses.' })
  subject(@Ctx() ctx: RequestContext, @Root() p: Petition): string | null {
    return canRead(ctx, p, 'subject') ? shown(ctx, p, p.subject) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Withheld (null) from the unit an accusation accuses.' })
  content(@Ctx() ctx: RequestContext, @Root() p: Petition): string | null {
    return canRead(ctx, p, 'content') ? shown(ctx, p, p.content) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  respondentName(@Ctx() ctx: RequestContext, @Root() p: Petition): string | null {
    return canRead(ctx, p, 'respondentName') ? shown(ctx, p, p.respondentName) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The written decision (处理意见书); withheld like the content.' })
  answerText(@Ctx() ctx: RequestContext, @Root() p: Petition): string | null {
    return canRead(ctx, p, 'content') ? shown(ctx, p, p.answerText) : null;
  }

  // The reasons are the same words as their timeline notes, and read under the same rule: a reason
  // may name the accuser or quote the accusation, and a village's copy leaves out who petitioned.
  @FieldResolver(() => String, { nullable: true, description: 'Why it was not accepted (不予受理); withheld like the timeline notes.' })
  declineReason(@Ctx() ctx: RequestContext, @Root() p: Petition): string | null {
    return canRead(ctx, p, 'timelineNotes') ? shown(ctx, p, p.declineReason) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why more time is asked; withheld like the timeline notes.' })
  extensionReason(@Ctx() ctx: RequestContext, @Root() p: Petition): string | null {
    return canRead(ctx, p, 'timelineNotes') ? shown(ctx, p, p.extensionReason) : null;
  }

  @FieldResolver(() => Petitioner, { nullable: true, description: 'Only to the bureau, the handling unit, the owning leader and the supervision group; every read is audited.' })
  async petitioner(@Ctx() ctx: RequestContext, @Root() p: Petition): Promise<Petitioner | null> {
    if (!canRead(ctx, p, 'petitioner')) return null;
    await ctx.loaders.personalRead.load({ petitionId: p.id, fields: ['petitioner'], via: 'petition' });
    return { name: p.petitionerName, idNumber: p.petitionerIdNumber, phone: p.petitionerPhone, address: p.petitionerAddress };
  }

  @FieldResolver(() => String, { nullable: true, description: 'The code on the petitioner’s receipt; shown with the petitioner’s identity only.' })
  async receiptCode(@Ctx() ctx: RequestContext, @Root() p: Petition): Promise<string | null> {
    if (!canRead(ctx, p, 'petitioner')) return null;
    await ctx.loaders.personalRead.load({ petitionId: p.id, fields: ['receiptCode'], via: 'petition' });
    return p.receiptCode;
  }

  @FieldResolver(() => CategoryRef)
  async category(@Ctx() ctx: RequestContext, @Root() p: Petition): Promise<CategoryRef> {
    return ctx.loaders.category.load(p.categoryCode);
  }

  @FieldResolver(() => UnitPathItem, { description: 'Where the matter arises (属地).' })
  async locationUnit(@Ctx() ctx: RequestContext, @Root() p: Petition): Promise<UnitPathItem> {
    return (await unitRef(ctx, p.locationUnitId))!;
  }

  @FieldResolver(() => UnitPathItem, { nullable: true })
  handlingUnit(@Ctx() ctx: RequestContext, @Root() p: Petition) {
    return unitRef(ctx, p.handlingUnitId);
  }

  @FieldResolver(() => UnitPathItem, { nullable: true, description: 'The unit complained about (被反映对象).' })
  respondentUnit(@Ctx() ctx: RequestContext, @Root() p: Petition) {
    return unitRef(ctx, p.respondentUnitId);
  }

  @FieldResolver(() => Petition, { nullable: true, description: 'The earlier petition this one repeats, when the caller may see it.' })
  async repeatOf(@Ctx() ctx: RequestContext, @Root() p: Petition) {
    return this.queries.repeatOf(ctx, p);
  }

  @FieldResolver(() => PetitionDeadlines)
  async deadlines(@Ctx() ctx: RequestContext, @Root() p: Petition): Promise<PetitionDeadlines> {
    return deadlinesOf(p, await ctx.loaders.calendar.load(p.countyId));
  }

  @FieldResolver(() => WarningEnum, { description: 'YELLOW three days before the current deadline, RED after it.' })
  warning(@Root() p: Petition): Warning {
    return warningOf(p);
  }

  @FieldResolver(() => [TimelineEntry], { description: 'Every step, oldest first; notes withheld where the content is.' })
  async timeline(@Ctx() ctx: RequestContext, @Root() p: Petition): Promise<TimelineEntry[]> {
    return this.queries.timeline(ctx, p);
  }

  @FieldResolver(() => [String], { description: 'The actions the caller may take on it now (acceptPetition → accept, …).' })
  availableActions(@Ctx() ctx: RequestContext, @Root() p: Petition): Promise<string[]> {
    return this.queries.availableActions(ctx, p);
  }
}
