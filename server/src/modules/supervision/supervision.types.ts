import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { AccountabilityMeasure, SupervisionOrderStatus, SupervisionStep, Warning } from '@xinfang/domain';
import { Connection } from '../../common/pagination.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { WarningEnum } from '../petition/index.js';
import { Conference, ConferenceTask } from './conference.entity.js';
import { AccountabilityRecord, Circular, SupervisionOrder } from './supervision.entity.js';
import { AccountabilityMeasureEnum, SupervisionOrderStatusEnum, SupervisionStepEnum } from './supervision.enums.js';

// ------------------------------------------------------------------ supervision orders

@InputType({ description: 'A supervision order: on exactly one of a petition, a screening report or a conference task.' })
export class IssueSupervisionOrderInput {
  @Field(() => ID, { nullable: true })
  petitionId?: string | null;

  @Field(() => ID, { nullable: true })
  screeningReportId?: string | null;

  @Field(() => ID, { nullable: true })
  conferenceTaskId?: string | null;

  @Field(() => ID, { description: 'The unit responsible (责任单位).' })
  unitId!: string;

  @Field({ description: 'What the unit is to do (督办要求).' })
  requirement!: string;

  @Field(() => CalendarDateScalar, { description: 'The day the unit is to report by (today or later).' })
  dueOn!: string;
}

@InputType({ description: 'The named unit’s report back on a supervision order.' })
export class SupervisionReportInput {
  @Field({ description: 'What was done (办理情况).' })
  report!: string;
}

@InputType({ description: 'Narrows the supervision orders; the caller’s scope always applies.' })
export class SupervisionOrderFilter {
  @Field(() => [SupervisionOrderStatusEnum], { nullable: true })
  statuses?: SupervisionOrderStatus[];

  @Field(() => ID, { nullable: true, description: 'Orders naming this unit.' })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Orders on this petition.' })
  petitionId?: string;

  @Field({ nullable: true, description: 'Awaiting the unit’s report (issued or sent back).' })
  open?: boolean;

  @Field(() => WarningEnum, { nullable: true, description: 'Awaiting a report and yellow (due within three days) or red (overdue).' })
  warning?: Warning;

  @Field(() => Int, { nullable: true, description: 'Issued in this year.' })
  year?: number;

  @Field({ nullable: true, description: 'Part of the number.' })
  text?: string;
}

// ------------------------------------------------------------------ circulars and accountability

@InputType({ description: 'A circular (通报) to publish to the county.' })
export class PublishCircularInput {
  @Field(() => ID, { description: 'The unit named.' })
  unitId!: string;

  @Field()
  title!: string;

  @Field({ description: 'The failure (问题), as the circular states it.' })
  failure!: string;

  @Field(() => ID, { nullable: true, description: 'The supervision order it concerns (naming the same unit).' })
  orderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The petition it concerns (the order’s, when an order is given).' })
  petitionId?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day published; today unless given (not in the future).' })
  publishedOn?: string | null;
}

@InputType({ description: 'Narrows the circulars or the accountability records; the caller’s scope always applies.' })
export class EvidenceFilter {
  @Field(() => ID, { nullable: true, description: 'Naming this unit.' })
  unitId?: string;

  @Field(() => Int, { nullable: true, description: 'Of this year (published, or decided).' })
  year?: number;

  @Field(() => ID, { nullable: true, description: 'Concerning this petition.' })
  petitionId?: string;
}

@InputType({ description: 'An accountability record (追责).' })
export class RecordAccountabilityInput {
  @Field(() => ID)
  unitId!: string;

  @Field({ description: 'The post of the person held to account, not a name.' })
  post!: string;

  @Field(() => AccountabilityMeasureEnum)
  measure!: AccountabilityMeasure;

  @Field(() => String, { nullable: true, description: 'The measure in words (required for OTHER).' })
  measureDetail?: string | null;

  @Field({ description: 'The deciding authority.' })
  authority!: string;

  @Field(() => CalendarDateScalar, { description: 'The day decided (not in the future).' })
  decidedOn!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  circularId?: string | null;

  @Field(() => ID, { nullable: true })
  petitionId?: string | null;
}

// ------------------------------------------------------------------ joint conferences

@InputType({ description: 'A follow-up task of a conference decision.' })
export class ConferenceTaskInput {
  @Field(() => ID)
  ownerUnitId!: string;

  @Field()
  description!: string;

  @Field(() => CalendarDateScalar)
  dueOn!: string;
}

@InputType({ description: 'A petition a conference took up: its decision and the follow-up tasks.' })
export class ConferenceItemInput {
  @Field(() => ID)
  petitionId!: string;

  @Field({ description: 'The decision (会办意见); it goes on the petition’s timeline.' })
  decision!: string;

  @Field(() => [ConferenceTaskInput], { nullable: true })
  tasks?: ConferenceTaskInput[];
}

@InputType({ description: 'A joint conference (集中会办) to record.' })
export class RecordConferenceInput {
  @Field(() => CalendarDateScalar, { description: 'The day held (not in the future).' })
  heldOn!: string;

  @Field()
  title!: string;

  @Field(() => ID, { description: 'The chair: a county leader’s account.' })
  chairUserId!: string;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => [ID], { description: 'The units that attended.' })
  attendingUnitIds!: string[];

  @Field(() => String, { nullable: true, description: 'The people who attended (posts and names), as the minutes list them.' })
  attendees?: string | null;

  @Field(() => [ConferenceItemInput], { description: 'The petitions it took up (at least one).' })
  items!: ConferenceItemInput[];
}

@InputType({ description: 'Narrows the conferences; the caller’s scope always applies.' })
export class ConferenceFilter {
  @Field(() => CalendarDateScalar, { nullable: true })
  from?: string;

  @Field(() => CalendarDateScalar, { nullable: true })
  to?: string;

  @Field(() => ID, { nullable: true, description: 'Conferences that took up this petition.' })
  petitionId?: string;

  @Field({ nullable: true, description: 'Words of the title.' })
  text?: string;
}

@InputType({ description: 'Narrows the conference tasks; the caller’s scope always applies.' })
export class ConferenceTaskFilter {
  @Field({ nullable: true, description: 'Only the caller’s own unit’s tasks (我的待办).' })
  mine?: boolean;

  @Field(() => ID, { nullable: true })
  ownerUnitId?: string;

  @Field(() => ID, { nullable: true })
  conferenceId?: string;

  @Field({ nullable: true, description: 'Not yet done.' })
  open?: boolean;

  @Field({ nullable: true, description: 'Not done and past its due day.' })
  overdue?: boolean;
}

// ------------------------------------------------------------------ outputs

@ObjectType({ description: 'A conference as a task shows it: its day and title.' })
export class ConferenceHeading {
  @Field(() => ID)
  id!: string;

  @Field(() => CalendarDateScalar)
  heldOn!: string;

  @Field()
  title!: string;
}

@ObjectType({ description: 'A step of a supervision order’s history, its note as the caller may read it.' })
export class SupervisionStepEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => SupervisionStepEnum)
  step!: SupervisionStep;

  @Field(() => Date)
  at!: Date;

  @Field({ description: 'The unit that took the step.' })
  actorName!: string;

  @Field(() => String, { nullable: true, description: 'The report, or the reason of an acceptance or sending back.' })
  note!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  dueOn!: string | null;
}

export const SupervisionOrderConnection = Connection(SupervisionOrder, 'SupervisionOrder');
export const CircularConnection = Connection(Circular, 'Circular');
export const AccountabilityRecordConnection = Connection(AccountabilityRecord, 'AccountabilityRecord');
export const ConferenceConnection = Connection(Conference, 'Conference');
export const ConferenceTaskConnection = Connection(ConferenceTask, 'ConferenceTask');
