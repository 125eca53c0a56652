import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import {
  ASSIGN_MODES,
  CHANNELS,
  PETITION_KINDS,
  PETITION_STATUSES,
  SATISFACTIONS,
  type AssignMode,
  type Channel,
  type PetitionKind,
  type PetitionStatus,
  type Satisfaction,
} from '@xinfang/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { Located } from '../../common/located.entity.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { Unit } from '../unit/index.js';
import { AssignModeEnum, ChannelEnum, EXTENSION_STATUSES, ExtensionStatusEnum, PetitionKindEnum, PetitionStatusEnum, SatisfactionEnum, type ExtensionStatus } from './petition.enums.js';

/**
 * One petition (信访事项). Location ancestry (`countyId`, `townshipId`, `villageId`) is copied from its
 * location unit so that every permission rule is an equality on this row. The petitioner's identity,
 * the subject, the content and the respondent's name have no plain GraphQL field: their resolvers ask
 * the ability, field by field (petition.resolver.ts).
 */
@ObjectType({ description: 'A petition (信访事项).' })
@Entity({ tableName: 'petition' })
@Index({ name: 'petition_subject_trgm', expression: 'create index "petition_subject_trgm" on "petition" using gin ("subject" gin_trgm_ops)' })
@Index({ name: 'petition_content_trgm', expression: 'create index "petition_content_trgm" on "petition" using gin ("content" gin_trgm_ops)' })
@Index({ properties: ['petitionerName', 'petitionerPhone'] })
export class Petition extends Located {
  @Field({ description: 'County code, year and sequence, e.g. SFX-2026-00012.' })
  @Property({ type: 'text', unique: true })
  number!: string;

  /** Given to the petitioner; shown only with the petitioner's identity. */
  @Property({ type: 'text', unique: true })
  receiptCode!: string;

  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'location_unit_id', type: 'uuid' })
  locationUnitId!: string;

  @Field(() => ChannelEnum)
  @Enum({ items: () => [...CHANNELS] })
  channel!: Channel;

  @Field(() => PetitionKindEnum)
  @Index()
  @Enum({ items: () => [...PETITION_KINDS] })
  kind!: PetitionKind;

  @Index()
  @Property({ type: 'text' })
  categoryCode!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  content!: string;

  @Field(() => CalendarDateScalar, { description: 'The day it was received, Asia/Shanghai.' })
  @Index()
  @Property({ type: 'date' })
  receivedAt!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  headcount: number = 1;

  @Field({ description: 'Five or more people on one matter (集体访).' })
  @Property({ type: 'boolean' })
  isCollective: boolean = false;

  @Field({ description: 'Taken past the county to a higher level (越级访).' })
  @Property({ type: 'boolean', default: false })
  isSkipLevel: boolean = false;

  @Field({ description: 'The first time this petitioner raises this matter (初信/初访).' })
  @Property({ type: 'boolean' })
  isInitial: boolean = true;

  @Index()
  @ManyToOne(() => Petition, { mapToPk: true, nullable: true, fieldName: 'repeat_of_id', type: 'uuid' })
  repeatOfId: string | null = null;

  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, nullable: true, fieldName: 'handling_unit_id', type: 'uuid' })
  handlingUnitId: string | null = null;

  @Field(() => AssignModeEnum, { nullable: true })
  @Enum({ items: () => [...ASSIGN_MODES], nullable: true })
  handlingMode: AssignMode | null = null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  assignedAt: string | null = null;

  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, nullable: true, fieldName: 'respondent_unit_id', type: 'uuid' })
  respondentUnitId: string | null = null;

  @Property({ type: 'text', nullable: true })
  respondentName: string | null = null;

  @Index()
  @Property({ type: 'text' })
  petitionerName!: string;

  @Index()
  @Property({ type: 'text', nullable: true })
  petitionerIdNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  petitionerPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  petitionerAddress: string | null = null;

  @Field(() => PetitionStatusEnum)
  @Index()
  @Enum({ items: () => [...PETITION_STATUSES] })
  status: PetitionStatus = 'REGISTERED';

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  acceptedAt: string | null = null;

  /** Why it was not accepted (不予受理): a free text, read under the timeline notes' rule. */
  @Property({ type: 'text', nullable: true })
  declineReason: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'When the petitioner was told how it is handled.' })
  @Property({ type: 'date', nullable: true })
  noticeSentAt: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  answeredAt: string | null = null;

  /** Answered by its answer deadline (the figure onTimeRate); null until answered. Kept with the deadlines on every change. */
  @Field(() => Boolean, { nullable: true, description: 'Answered by its answer deadline; null until answered.' })
  @Property({ type: 'boolean', nullable: true })
  answeredOnTime: boolean | null = null;

  /** The written decision (处理意见书): content, read under the content rule. */
  @Property({ type: 'text', nullable: true })
  answerText: string | null = null;

  @Field(() => ExtensionStatusEnum)
  @Enum({ items: () => [...EXTENSION_STATUSES] })
  extensionStatus: ExtensionStatus = 'NONE';

  @Field(() => Int, { description: 'Extension days requested or approved (at most 30).' })
  @Property({ type: 'integer' })
  extensionDays: number = 0;

  /** Why more time is asked: a free text, read under the timeline notes' rule. */
  @Property({ type: 'text', nullable: true })
  extensionReason: string | null = null;

  @Field(() => SatisfactionEnum, { nullable: true })
  @Enum({ items: () => [...SATISFACTIONS], nullable: true })
  satisfaction: Satisfaction | null = null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  ratedAt: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  reviewRequestedAt: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  reviewDecidedAt: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  reReviewRequestedAt: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  reReviewDecidedAt: string | null = null;

  @Field(() => Int, { description: 'Days spent on hearings (听证) in the current appeal; not counted.' })
  @Property({ type: 'integer' })
  hearingDays: number = 0;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedAt: string | null = null;

  @Field({ description: 'Re-review decided: the matter is final (终结).' })
  @Property({ type: 'boolean' })
  isFinal: boolean = false;

  @Field({ description: 'The petitioner stopped petitioning and suing (息访停诉).' })
  @Property({ type: 'boolean' })
  petitionerSettled: boolean = false;

  @Field()
  @Property({ type: 'boolean' })
  isKeyMatter: boolean = false;

  @Field({ description: 'Open two years or more, or so designated (信访积案).' })
  @Property({ type: 'boolean' })
  isBacklog: boolean = false;

  @Field({ description: 'Under a supervision order (督查督办).' })
  @Property({ type: 'boolean' })
  isSupervised: boolean = false;

  /** Why the bureau made it a key matter (重点信访事项); read under the timeline notes' rule. */
  @Property({ type: 'text', nullable: true })
  keyMatterReason: string | null = null;

  // 包案 "五个一" (docs/domain.md §5): one responsible leader, one responsible unit, one resolution plan
  // and one stability plan, each plan with the day it was made. Owned only when all four are there.
  @Index()
  @Property({ type: 'uuid', nullable: true })
  ownerLeaderId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  ownerUnitId: string | null = null;

  /** The resolution plan (化解方案); read under the content's rule. */
  @Property({ type: 'text', nullable: true })
  resolutionPlan: string | null = null;

  @Property({ type: 'date', nullable: true })
  resolutionPlanOn: string | null = null;

  /** The stability plan (稳控方案); read under the content's rule. */
  @Property({ type: 'text', nullable: true })
  stabilityPlan: string | null = null;

  @Property({ type: 'date', nullable: true })
  stabilityPlanOn: string | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Closed in harmony with the petitioner (和谐闭合), recorded on closure.' })
  @Property({ type: 'boolean', nullable: true })
  resolvedHarmoniously: boolean | null = null;

  /** The deadline the case is running against now (domain `petitionDeadlines().current`), for sorting and warnings in SQL. */
  @Index()
  @Property({ type: 'date', nullable: true })
  currentDeadline: string | null = null;

  @Property({ type: 'uuid' })
  registeredById!: string;
}
