import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SupervisionDecision, Warning } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import type { SignedInContext } from '../../common/context.js';
import { ExportFile } from '../../common/export.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { Notification } from '../notification/index.js';
import { LeaderRef, Petition, WarningEnum, readablePetition, textAbout } from '../petition/index.js';
import { UnitPathItem, unitRef } from '../unit/index.js';
import { Conference, ConferenceItem, ConferenceTask } from './conference.entity.js';
import { ConferenceService, taskWarning } from './conference.service.js';
import { circularLedger, orderLedger, recordLedger } from './supervision-export.js';
import { conferenceHeading } from './supervision.deadlines.js';
import { AccountabilityRecord, Circular, SupervisionOrder } from './supervision.entity.js';
import { SupervisionDecisionEnum } from './supervision.enums.js';
import { SupervisionService, orderWarning } from './supervision.service.js';
import {
  AccountabilityRecordConnection,
  CircularConnection,
  ConferenceConnection,
  ConferenceFilter,
  ConferenceHeading,
  ConferenceTaskConnection,
  ConferenceTaskFilter,
  EvidenceFilter,
  IssueSupervisionOrderInput,
  PublishCircularInput,
  RecordAccountabilityInput,
  RecordConferenceInput,
  SupervisionOrderConnection,
  SupervisionOrderFilter,
  SupervisionReportInput,
  SupervisionStepEntry,
} from './supervision.types.js';

const supervision = new SupervisionService();
const conferences = new ConferenceService();

/** Supervision orders (督办单): the supervision group issues and decides, the named unit reports. */
@Resolver(() => SupervisionOrder)
export class SupervisionOrderResolver {
  @Authorized()
  @Query(() => SupervisionOrderConnection, { description: 'The supervision orders the caller may read, newest first: the whole county’s for the supervision group, the bureau and the leaders; a unit’s own (and those of the units directly below it).' })
  supervisionOrders(
    @Ctx() ctx: SignedInContext,
    @Arg('filter', () => SupervisionOrderFilter, { nullable: true }) filter?: SupervisionOrderFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return supervision.orders(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => SupervisionOrder, { description: 'One supervision order; NOT_FOUND outside the caller’s scope.' })
  supervisionOrder(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return supervision.order(ctx, id);
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The orders of a filter as an Excel ledger (督办台账): the same scope and field rules as `supervisionOrders`.' })
  async exportSupervisionOrders(@Ctx() ctx: SignedInContext, @Arg('filter', () => SupervisionOrderFilter, { nullable: true }) filter?: SupervisionOrderFilter) {
    return orderLedger(ctx, await supervision.allOrders(ctx, filter ?? {}));
  }

  @Authorized()
  @Mutation(() => SupervisionOrder, { description: 'Issues a supervision order on a petition, a screening report or a conference task (the supervision group).' })
  issueSupervisionOrder(@Ctx() ctx: SignedInContext, @Arg('input', () => IssueSupervisionOrderInput) input: IssueSupervisionOrderInput) {
    return supervision.issue(ctx, input);
  }

  @Authorized()
  @Mutation(() => SupervisionOrder, { description: 'The named unit reports back on an order it owes a report on.' })
  reportOnSupervisionOrder(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => SupervisionReportInput) input: SupervisionReportInput,
  ) {
    return supervision.report(ctx, id, version, input.report);
  }

  @Authorized()
  @Mutation(() => SupervisionOrder, { description: 'The supervision group accepts a report (the order closes) or sends it back with a reason and a new due day (`dueOn`, required to REOPEN).' })
  closeSupervisionOrder(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('decision', () => SupervisionDecisionEnum) decision: SupervisionDecision,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
    @Arg('dueOn', () => CalendarDateScalar, { nullable: true }) dueOn?: string,
  ) {
    return supervision.close(ctx, id, version, decision, reason, dueOn);
  }

  @FieldResolver(() => UnitPathItem, { description: 'The unit responsible (责任单位).' })
  unit(@Ctx() ctx: SignedInContext, @Root() o: SupervisionOrder) {
    return unitRef(ctx, o.unitId);
  }

  @FieldResolver(() => Petition, { nullable: true, description: 'The petition it is on (or the conference task’s), when the caller may read it.' })
  petition(@Ctx() ctx: SignedInContext, @Root() o: SupervisionOrder) {
    return o.petitionId ? readablePetition(ctx, o.petitionId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The screening report it is on.' })
  screeningReportId(@Root() o: SupervisionOrder) {
    return o.screeningReportId;
  }

  @FieldResolver(() => ConferenceTask, { nullable: true, description: 'The conference task it is on, when the caller may read it.' })
  conferenceTask(@Ctx() ctx: SignedInContext, @Root() o: SupervisionOrder) {
    return conferences.readableTask(ctx, o.conferenceTaskId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'What the unit is to do; without the petitioner’s identity unless the caller may read it.' })
  requirement(@Ctx() ctx: SignedInContext, @Root() o: SupervisionOrder) {
    return textAbout(ctx, o.petitionId, o.requirement);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The latest report; without the petitioner’s identity unless the caller may read it.' })
  report(@Ctx() ctx: SignedInContext, @Root() o: SupervisionOrder) {
    return textAbout(ctx, o.petitionId, o.report);
  }

  @FieldResolver(() => WarningEnum, { description: 'While a report is owed: YELLOW within three days of the due day, RED after it.' })
  warning(@Root() o: SupervisionOrder): Warning {
    return orderWarning(o);
  }

  @FieldResolver(() => [SupervisionStepEntry], { description: 'Issued, reported, accepted, sent back: oldest first.' })
  async history(@Ctx() ctx: SignedInContext, @Root() o: SupervisionOrder): Promise<SupervisionStepEntry[]> {
    const steps = await supervision.history(ctx, o);
    return Promise.all(steps.map(async (s) => ({ id: s.id, step: s.step, at: s.at, actorName: s.actorName, dueOn: s.dueOn, note: await textAbout(ctx, o.petitionId, s.note) })));
  }

  @FieldResolver(() => Boolean, { description: 'The caller may report on it now.' })
  canReport(@Ctx() ctx: SignedInContext, @Root() o: SupervisionOrder) {
    return (o.status === 'ISSUED' || o.status === 'REOPENED') && ctx.ability.can('report', subject('SupervisionOrder', o));
  }

  @FieldResolver(() => Boolean, { description: 'The caller may accept or send back its report now.' })
  canClose(@Ctx() ctx: SignedInContext, @Root() o: SupervisionOrder) {
    return o.status === 'REPORTED' && ctx.ability.can('close', subject('SupervisionOrder', o));
  }
}

/** Circulars (通报) and accountability records (追责): the supervision group's evidence. */
@Resolver(() => Circular)
export class CircularResolver {
  @Authorized()
  @Query(() => CircularConnection, { description: 'The county’s published circulars, newest first (every unit reads them).' })
  circulars(
    @Ctx() ctx: SignedInContext,
    @Arg('filter', () => EvidenceFilter, { nullable: true }) filter?: EvidenceFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return supervision.circulars(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => Circular, { description: 'One circular; NOT_FOUND outside the caller’s county.' })
  circular(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return supervision.circular(ctx, id);
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The circulars of a filter as an Excel ledger (通报台账).' })
  async exportCirculars(@Ctx() ctx: SignedInContext, @Arg('filter', () => EvidenceFilter, { nullable: true }) filter?: EvidenceFilter) {
    return circularLedger(ctx, await supervision.allCirculars(ctx, filter ?? {}));
  }

  @Authorized()
  @Mutation(() => Circular, { description: 'Publishes a circular naming a unit’s failure to the county (the supervision group).' })
  publishCircular(@Ctx() ctx: SignedInContext, @Arg('input', () => PublishCircularInput) input: PublishCircularInput) {
    return supervision.publish(ctx, input);
  }

  @FieldResolver(() => UnitPathItem)
  unit(@Ctx() ctx: SignedInContext, @Root() c: Circular) {
    return unitRef(ctx, c.unitId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The failure; without the petitioner’s identity unless the caller may read it, and withheld from the unit an accusation it concerns accuses.' })
  failure(@Ctx() ctx: SignedInContext, @Root() c: Circular) {
    return textAbout(ctx, c.petitionId, c.failure);
  }

  @FieldResolver(() => SupervisionOrder, { nullable: true, description: 'The order it concerns, when the caller may read it.' })
  order(@Ctx() ctx: SignedInContext, @Root() c: Circular) {
    return supervision.readableOrder(ctx, c.orderId);
  }

  @FieldResolver(() => Petition, { nullable: true, description: 'The petition it concerns, when the caller may read it.' })
  petition(@Ctx() ctx: SignedInContext, @Root() c: Circular) {
    return c.petitionId ? readablePetition(ctx, c.petitionId) : null;
  }
}

@Resolver(() => AccountabilityRecord)
export class AccountabilityResolver {
  @Authorized()
  @Query(() => AccountabilityRecordConnection, { description: 'The accountability records the caller may read, newest first: the county’s for the supervision group, the bureau and the leaders; a unit’s own.' })
  accountabilityRecords(
    @Ctx() ctx: SignedInContext,
    @Arg('filter', () => EvidenceFilter, { nullable: true }) filter?: EvidenceFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return supervision.records(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The accountability records of a filter as an Excel ledger (追责台账).' })
  async exportAccountabilityRecords(@Ctx() ctx: SignedInContext, @Arg('filter', () => EvidenceFilter, { nullable: true }) filter?: EvidenceFilter) {
    return recordLedger(ctx, await supervision.allRecords(ctx, filter ?? {}));
  }

  @Authorized()
  @Mutation(() => AccountabilityRecord, { description: 'Records accountability (the supervision group).' })
  recordAccountability(@Ctx() ctx: SignedInContext, @Arg('input', () => RecordAccountabilityInput) input: RecordAccountabilityInput) {
    return supervision.recordAccountability(ctx, input);
  }

  @FieldResolver(() => UnitPathItem)
  unit(@Ctx() ctx: SignedInContext, @Root() r: AccountabilityRecord) {
    return unitRef(ctx, r.unitId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why; without the petitioner’s identity unless the caller may read it.' })
  reason(@Ctx() ctx: SignedInContext, @Root() r: AccountabilityRecord) {
    return textAbout(ctx, r.petitionId, r.reason);
  }

  @FieldResolver(() => SupervisionOrder, { nullable: true })
  order(@Ctx() ctx: SignedInContext, @Root() r: AccountabilityRecord) {
    return supervision.readableOrder(ctx, r.orderId);
  }

  @FieldResolver(() => Circular, { nullable: true })
  circular(@Ctx() ctx: SignedInContext, @Root() r: AccountabilityRecord) {
    return supervision.readableCircular(ctx, r.circularId);
  }

  @FieldResolver(() => Petition, { nullable: true })
  petition(@Ctx() ctx: SignedInContext, @Root() r: AccountabilityRecord) {
    return r.petitionId ? readablePetition(ctx, r.petitionId) : null;
  }
}

/** Joint conferences (集中会办) and their tasks. */
@Resolver(() => Conference)
export class ConferenceResolver {
  @Authorized()
  @Query(() => ConferenceConnection, { description: 'The joint conferences the caller may read (the bureau, the leaders, the supervision group), newest first.' })
  conferences(
    @Ctx() ctx: SignedInContext,
    @Arg('filter', () => ConferenceFilter, { nullable: true }) filter?: ConferenceFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return conferences.conferences(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => Conference, { description: 'One conference; NOT_FOUND outside the caller’s scope.' })
  conference(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return conferences.conference(ctx, id);
  }

  @Authorized()
  @Mutation(() => Conference, { description: 'Records a joint conference with its decisions and follow-up tasks (the bureau or a county leader).' })
  recordConference(@Ctx() ctx: SignedInContext, @Arg('input', () => RecordConferenceInput) input: RecordConferenceInput) {
    return conferences.record(ctx, input);
  }

  @FieldResolver(() => LeaderRef, { nullable: true, description: 'The county leader who chaired it.' })
  chair(@Ctx() ctx: SignedInContext, @Root() c: Conference) {
    return ctx.loaders.leader.load(c.chairUserId);
  }

  @FieldResolver(() => [UnitPathItem])
  async attendingUnits(@Ctx() ctx: SignedInContext, @Root() c: Conference) {
    return (await Promise.all(c.attendingUnitIds.map((id) => unitRef(ctx, id)))).filter((u) => u !== null);
  }

  @FieldResolver(() => [ConferenceItem], { description: 'The petitions it took up, in the order of its minutes.' })
  items(@Ctx() ctx: SignedInContext, @Root() c: Conference) {
    return conferences.items(ctx, c);
  }
}

@Resolver(() => ConferenceItem)
export class ConferenceItemResolver {
  @FieldResolver(() => Petition, { nullable: true })
  petition(@Ctx() ctx: SignedInContext, @Root() i: ConferenceItem) {
    return readablePetition(ctx, i.petitionId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The decision (会办意见); without the petitioner’s identity unless the caller may read it.' })
  decision(@Ctx() ctx: SignedInContext, @Root() i: ConferenceItem) {
    return textAbout(ctx, i.petitionId, i.decision);
  }

  @FieldResolver(() => [ConferenceTask])
  tasks(@Ctx() ctx: SignedInContext, @Root() i: ConferenceItem) {
    return conferences.tasksOf(ctx, i);
  }
}

@Resolver(() => ConferenceTask)
export class ConferenceTaskResolver {
  @Authorized()
  @Query(() => ConferenceTaskConnection, { description: 'The conference tasks the caller may read: not done first, by due day (`mine` for 我的待办).' })
  conferenceTasks(
    @Ctx() ctx: SignedInContext,
    @Arg('filter', () => ConferenceTaskFilter, { nullable: true }) filter?: ConferenceTaskFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return conferences.tasks(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Mutation(() => ConferenceTask, { description: 'Marks a conference task done (its owner unit, or the bureau).' })
  completeConferenceTask(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ) {
    return conferences.complete(ctx, id, version, note);
  }

  @FieldResolver(() => ConferenceHeading, { description: 'The conference it came from: its day and title.' })
  conference(@Ctx() ctx: SignedInContext, @Root() t: ConferenceTask) {
    return conferenceHeading(ctx.em, t.conferenceId);
  }

  @FieldResolver(() => Petition, { nullable: true })
  petition(@Ctx() ctx: SignedInContext, @Root() t: ConferenceTask) {
    return readablePetition(ctx, t.petitionId);
  }

  @FieldResolver(() => UnitPathItem)
  ownerUnit(@Ctx() ctx: SignedInContext, @Root() t: ConferenceTask) {
    return unitRef(ctx, t.ownerUnitId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'What to do; without the petitioner’s identity unless the caller may read it.' })
  description(@Ctx() ctx: SignedInContext, @Root() t: ConferenceTask) {
    return textAbout(ctx, t.petitionId, t.description);
  }

  @FieldResolver(() => String, { nullable: true })
  doneNote(@Ctx() ctx: SignedInContext, @Root() t: ConferenceTask) {
    return textAbout(ctx, t.petitionId, t.doneNote);
  }

  @FieldResolver(() => WarningEnum, { description: 'Until done: YELLOW within three days of the due day, RED after it.' })
  warning(@Root() t: ConferenceTask): Warning {
    return taskWarning(t);
  }

  @FieldResolver(() => Boolean, { description: 'The caller may mark it done now.' })
  canComplete(@Ctx() ctx: SignedInContext, @Root() t: ConferenceTask) {
    return !t.doneOn && ctx.ability.can('update', subject('ConferenceTask', t));
  }
}

/** What a notification or a petition links to of this module. */
@Resolver(() => Notification)
export class NotificationLinksResolver {
  @FieldResolver(() => SupervisionOrder, { nullable: true, description: 'The supervision order it is about, when the caller may read it.' })
  order(@Ctx() ctx: SignedInContext, @Root() n: Notification) {
    return supervision.readableOrder(ctx, n.orderId);
  }

  @FieldResolver(() => ConferenceTask, { nullable: true, description: 'The conference task it is about, when the caller may read it.' })
  task(@Ctx() ctx: SignedInContext, @Root() n: Notification) {
    return conferences.readableTask(ctx, n.taskId);
  }

  @FieldResolver(() => Circular, { nullable: true, description: 'The circular it is about.' })
  circular(@Ctx() ctx: SignedInContext, @Root() n: Notification) {
    return supervision.readableCircular(ctx, n.circularId);
  }
}

@Resolver(() => Petition)
export class PetitionSupervisionResolver {
  @FieldResolver(() => [SupervisionOrder], { description: 'The supervision orders on this petition the caller may read.' })
  supervisionOrders(@Ctx() ctx: SignedInContext, @Root() p: Petition) {
    return supervision.ordersOn(ctx, p.id);
  }
}
