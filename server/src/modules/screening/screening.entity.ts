import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  DISPUTE_RISK_LEVELS,
  DISPUTE_STATUSES,
  SCREENING_CADENCES,
  SCREENING_UNIT_KINDS,
  type DisputeRiskLevel,
  type DisputeStatus,
  type ScreeningCadence,
  type ScreeningUnitKind,
} from '@xinfang/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Located } from '../../common/located.entity.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { Unit } from '../unit/index.js';
import { Petition } from '../petition/index.js';
import { DisputeRiskLevelEnum, DisputeStatusEnum, ScreeningCadenceEnum, ScreeningUnitKindEnum } from './screening.enums.js';

/**
 * How often one unit kind screens and when its report is due, in force from `effectiveFrom` (the
 * first of a month) until the next rule of the same kind. The earliest rule of a county is the day
 * screening began there.
 */
@ObjectType({ description: 'A screening cadence rule: how often a unit kind reports and when it is due.' })
@Entity({ tableName: 'screening_rule' })
@Unique({ properties: ['countyId', 'unitKind', 'effectiveFrom'] })
export class ScreeningRule extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Field(() => ScreeningUnitKindEnum)
  @Enum({ items: () => [...SCREENING_UNIT_KINDS] })
  unitKind!: ScreeningUnitKind;

  @Field(() => ScreeningCadenceEnum)
  @Enum({ items: () => [...SCREENING_CADENCES] })
  cadence!: ScreeningCadence;

  @Field(() => Int, { description: 'The due day is this many days after the period’s last day.' })
  @Property({ type: 'smallint' })
  dueAfterDays!: number;

  @Field(() => CalendarDateScalar)
  @Property({ type: 'date' })
  effectiveFrom!: string;
}

/**
 * One unit's screening report for one period (矛盾纠纷排查报告): a list of disputes or an explicit zero
 * report (零报告). It carries its unit's ancestry so that every rule is an equality on its own row, and
 * the period and due day as derived when it was submitted.
 */
@ObjectType({ description: 'A unit’s screening report for one period (排查报告), or its zero report (零报告).' })
@Entity({ tableName: 'screening_report' })
@Unique({ properties: ['unitId', 'periodStart'] })
export class ScreeningReport extends Located {
  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Field(() => ScreeningUnitKindEnum)
  @Enum({ items: () => [...SCREENING_UNIT_KINDS] })
  unitKind!: ScreeningUnitKind;

  @Field(() => CalendarDateScalar)
  @Index()
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => CalendarDateScalar)
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => CalendarDateScalar)
  @Property({ type: 'date' })
  dueDate!: string;

  @Field({ description: 'An explicit “nothing found this period” (零报告).' })
  @Property({ type: 'boolean' })
  isZeroReport!: boolean;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => CalendarDateScalar, { description: 'The day it was submitted, Asia/Shanghai: after the due day it is LATE.' })
  @Property({ type: 'date' })
  submittedOn!: string;

  @Property({ type: 'uuid' })
  submittedById!: string;

  @Field()
  @Property({ type: 'text' })
  submittedByName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the next level reviewed it; after that it can no longer be corrected.' })
  @Property({ type: 'datetime', nullable: true })
  reviewedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  reviewedById: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reviewedByName: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  disputeCount: number = 0;

  @Field(() => Int, { description: 'How many times it was corrected; each correction is on its history.' })
  @Property({ type: 'integer', default: 0 })
  correctionCount: number = 0;
}

/**
 * One dispute found by screening (矛盾纠纷), a row of the ledger (台账). `unitId` is the unit that
 * reported it; its ancestry is copied for the rules. `periodStart` is its report's period.
 */
@ObjectType({ description: 'A dispute found by screening (矛盾纠纷): a row of the dispute ledger.' })
@Entity({ tableName: 'dispute' })
@Index({ name: 'dispute_summary_trgm', expression: 'create index "dispute_summary_trgm" on "dispute" using gin ("summary" gin_trgm_ops)' })
export class Dispute extends Located {
  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Index()
  @ManyToOne(() => ScreeningReport, { mapToPk: true, fieldName: 'report_id', type: 'uuid', deleteRule: 'cascade' })
  reportId!: string;

  @Field(() => CalendarDateScalar, { description: 'The first day of the period of the report that found it.' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => CalendarDateScalar, { description: 'The day it was reported (Asia/Shanghai).' })
  @Index()
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field(() => CalendarDateScalar, { description: 'When the dispute arose, as far as is known.' })
  @Property({ type: 'date' })
  arisenOn!: string;

  @Property({ type: 'text' })
  categoryCode!: string;

  @Field({ description: 'Who is in dispute with whom (当事人).' })
  @Property({ type: 'text' })
  parties!: string;

  @Field(() => Int, { description: 'How many people are involved.' })
  @Property({ type: 'integer' })
  headcount!: number;

  @Field()
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => DisputeRiskLevelEnum)
  @Index()
  @Enum({ items: () => [...DISPUTE_RISK_LEVELS] })
  riskLevel!: DisputeRiskLevel;

  @Field(() => DisputeStatusEnum)
  @Index()
  @Enum({ items: () => [...DISPUTE_STATUSES] })
  status: DisputeStatus = 'OPEN';

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The local resolution deadline (限期化解).' })
  @Property({ type: 'date', nullable: true })
  resolveBy: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  resolutionNote: string | null = null;

  @Field(() => CalendarDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  resolvedOn: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was escalated to the stability team (信访维稳工作组).' })
  @Property({ type: 'datetime', nullable: true })
  escalatedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  escalationNote: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  escalatedByName: string | null = null;

  @Index()
  @ManyToOne(() => Petition, { mapToPk: true, nullable: true, fieldName: 'petition_id', type: 'uuid' })
  petitionId: string | null = null;
}

/** One step in a report's or a dispute's history: submitted, corrected, reviewed, updated, escalated, linked. */
@ObjectType('ScreeningHistoryEntry', { description: 'One step in a screening report’s or a dispute’s history.' })
@Entity({ tableName: 'screening_event' })
export class ScreeningEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  countyId!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  reportId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  disputeId: string | null = null;

  @Field({ description: 'SUBMITTED, CORRECTED, REVIEWED, DISPUTE_UPDATED, ESCALATED or LINKED.' })
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Field()
  @Property({ type: 'text' })
  actorName!: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at: Date = new Date();

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /** What changed: before and after, added and withdrawn disputes. */
  @Property({ type: 'json', nullable: true })
  data: Record<string, unknown> | null = null;
}
