import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  ACCOUNTABILITY_MEASURES,
  SUPERVISION_ORDER_STATUSES,
  SUPERVISION_STEPS,
  SUPERVISION_TARGETS,
  type AccountabilityMeasure,
  type SupervisionOrderStatus,
  type SupervisionStep,
  type SupervisionTarget,
} from '@xinfang/domain';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { Petition } from '../petition/index.js';
import { Unit } from '../unit/index.js';
import { AccountabilityMeasureEnum, SupervisionOrderStatusEnum, SupervisionStepEnum, SupervisionTargetEnum } from './supervision.enums.js';

/**
 * A supervision order (督办单, docs/domain.md §5): the supervision group requires a unit to act on a
 * petition, a screening report or a conference task by a due day. The unit reports back; the group
 * accepts the report or sends it back with a reason and a new due day. `parentUnitId` (the named
 * unit's parent when issued) lets the unit above read the order whose red warning it is told of.
 */
@ObjectType({ description: 'A supervision order (督办单): a requirement, a due day and the unit responsible.' })
@Entity({ tableName: 'supervision_order' })
@Unique({ properties: ['countyId', 'number'] })
@Index({ properties: ['status', 'dueOn'] })
export class SupervisionOrder extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Field({ description: 'The order’s number, e.g. 督〔2026〕7号.' })
  @Property({ type: 'text' })
  number!: string;

  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  parentUnitId: string | null = null;

  @Field(() => SupervisionTargetEnum)
  @Enum({ items: () => [...SUPERVISION_TARGETS] })
  targetKind!: SupervisionTarget;

  @Index()
  @ManyToOne(() => Petition, { mapToPk: true, fieldName: 'petition_id', type: 'uuid', nullable: true })
  petitionId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  screeningReportId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  conferenceTaskId: string | null = null;

  @Property({ type: 'text' })
  requirement!: string;

  @Field(() => CalendarDateScalar, { description: 'The day the unit is to report by (the last one set, after a reopening).' })
  @Property({ type: 'date' })
  dueOn!: string;

  @Field(() => CalendarDateScalar)
  @Property({ type: 'date' })
  issuedOn!: string;

  @Property({ type: 'uuid' })
  issuedByUserId!: string;

  @Field(() => SupervisionOrderStatusEnum)
  @Enum({ items: () => [...SUPERVISION_ORDER_STATUSES] })
  status: SupervisionOrderStatus = 'ISSUED';

  @Property({ type: 'text', nullable: true })
  report: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day of the latest report.' })
  @Property({ type: 'date', nullable: true })
  reportedOn: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day the report was accepted.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => Int, { description: 'How many times a report was sent back.' })
  @Property({ type: 'smallint' })
  reopenCount: number = 0;

  @Field(() => Boolean, { nullable: true, description: 'Once accepted: whether the accepted report came by its due day (the figure “orders met on time”).' })
  @Property({ type: 'boolean', nullable: true })
  metOnTime: boolean | null = null;
}

/** One step of an order's history (append-only): issued, reported, accepted, sent back. */
@ObjectType({ description: 'A step of a supervision order’s history.' })
@Entity({ tableName: 'supervision_event' })
@Index({ properties: ['orderId', 'at'] })
export class SupervisionEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SupervisionOrder, { mapToPk: true, fieldName: 'order_id', type: 'uuid' })
  orderId!: string;

  @Field(() => SupervisionStepEnum)
  @Enum({ items: () => [...SUPERVISION_STEPS] })
  step!: SupervisionStep;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Date = new Date();

  @Property({ type: 'uuid' })
  actorUserId!: string;

  @Field({ description: 'The unit that took the step.' })
  @Property({ type: 'text' })
  actorName!: string;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The due day set by this step (issued, sent back).' })
  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;
}

/**
 * A circular (通报): the supervision group names a unit's failure to the whole county, with the order
 * and the petition it concerns and the day it was published. The assessment deducts for it and it can
 * trigger a 一票否决 (docs/domain.md §8), so it is evidence: never edited once published.
 */
@ObjectType({ description: 'A circular (通报) naming a unit’s failure, published to the whole county.' })
@Entity({ tableName: 'circular' })
@Unique({ properties: ['countyId', 'number'] })
export class Circular extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Field({ description: 'The circular’s number, e.g. 通〔2026〕2号.' })
  @Property({ type: 'text' })
  number!: string;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  failure!: string;

  @Index()
  @ManyToOne(() => SupervisionOrder, { mapToPk: true, fieldName: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Index()
  @ManyToOne(() => Petition, { mapToPk: true, fieldName: 'petition_id', type: 'uuid', nullable: true })
  petitionId: string | null = null;

  @Field(() => CalendarDateScalar)
  @Property({ type: 'date' })
  publishedOn!: string;

  @Property({ type: 'uuid' })
  publishedByUserId!: string;
}

/**
 * An accountability record (追责): a unit, the post of the person held to account (never a name), the
 * measure, the authority that decided it and the day, linked to the order, circular and petition
 * behind it.
 */
@ObjectType({ description: 'An accountability record (追责).' })
@Entity({ tableName: 'accountability_record' })
export class AccountabilityRecord extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Field({ description: 'The post of the person held to account (e.g. 分管副局长), not a name.' })
  @Property({ type: 'text' })
  post!: string;

  @Field(() => AccountabilityMeasureEnum)
  @Enum({ items: () => [...ACCOUNTABILITY_MEASURES] })
  measure!: AccountabilityMeasure;

  @Field(() => String, { nullable: true, description: 'The measure in words, for OTHER or a detail.' })
  @Property({ type: 'text', nullable: true })
  measureDetail: string | null = null;

  @Field({ description: 'The authority that decided it (e.g. 县纪委监委).' })
  @Property({ type: 'text' })
  authority!: string;

  @Field(() => CalendarDateScalar)
  @Property({ type: 'date' })
  decidedOn!: string;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @ManyToOne(() => SupervisionOrder, { mapToPk: true, fieldName: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null = null;

  @ManyToOne(() => Circular, { mapToPk: true, fieldName: 'circular_id', type: 'uuid', nullable: true })
  circularId: string | null = null;

  @ManyToOne(() => Petition, { mapToPk: true, fieldName: 'petition_id', type: 'uuid', nullable: true })
  petitionId: string | null = null;

  @Property({ type: 'uuid' })
  recordedByUserId!: string;
}
