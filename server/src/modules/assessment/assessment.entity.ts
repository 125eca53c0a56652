import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  ASSESSED_UNIT_KINDS,
  ASSESSMENT_STAGES,
  OBJECTION_STATUSES,
  VETO_STATUSES,
  VETO_TRIGGERS,
  type AssessedUnitKind,
  type AssessmentStage,
  type FigureName,
  type IndicatorDirection,
  type ObjectionStatus,
  type SchemeDeduction,
  type SchemeIndicator,
  type VetoStatus,
  type VetoTrigger,
} from '@xinfang/domain';
import { BaseEntity } from '../../common/base.entity.js';
import { Located } from '../../common/located.entity.js';
import { Unit } from '../unit/index.js';

/**
 * A county's assessment year (docs/domain.md §8): its stage — DRAFT, REVIEW (公示, until
 * `reviewEndsOn`), PUBLISHED — and who moved it on. The stage is copied onto every result, veto and
 * objection of the year, so that "a unit sees its own result once the year is under review" is an
 * equality on the row's own columns.
 */
@Entity({ tableName: 'assessment_year' })
@Unique({ properties: ['countyId', 'year'] })
export class AssessmentYear extends BaseEntity {
  @Property({ type: 'uuid' })
  countyId!: string;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => [...ASSESSMENT_STAGES] })
  stage: AssessmentStage = 'DRAFT';

  @Property({ type: 'datetime', nullable: true })
  computedAt: Date | null = null;

  @Property({ type: 'date', nullable: true })
  reviewOpenedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  reviewEndsOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  reviewOpenedByName: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  publishedByName: string | null = null;
}

/**
 * A scheme (考核方案) of a year and unit kind: its weighted indicators (the weights sum to 100), each
 * naming the figure it is computed from, and its deductions. Edited by the bureau until the year is
 * published; frozen after.
 */
@Entity({ tableName: 'assessment_scheme' })
@Unique({ properties: ['countyId', 'year', 'unitKind'] })
export class AssessmentScheme extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => [...ASSESSED_UNIT_KINDS] })
  unitKind!: AssessedUnitKind;

  @Property({ type: 'json' })
  indicators!: SchemeIndicator[];

  @Property({ type: 'json' })
  deductions!: SchemeDeduction[];

  @Property({ type: 'text', nullable: true })
  updatedByName: string | null = null;
}

/** One indicator of a result: the raw figure with its parts, the points, and an upheld correction. */
export interface IndicatorScore {
  figure: FigureName;
  name: string;
  weight: number;
  direction: IndicatorDirection;
  numerator: number;
  denominator: number;
  /** Points in hundredths, the correction included. */
  points: number;
  /** Points added (or taken) by upheld objections, in hundredths; 0 without one. */
  correction: number;
}

/** A record that is evidence: what it is, its id, how a person names it. */
export interface EvidenceRef {
  kind: 'CIRCULAR' | 'PETITION' | 'SCREENING_REPORT';
  id: string;
  label: string;
}

/** A deduction of a result: how many occurrences, the points taken, and each occurrence's record. */
export interface DeductionScore {
  kind: SchemeDeduction['kind'];
  perOccurrence: number;
  count: number;
  points: number;
  evidence: EvidenceRef[];
}

/** What a recomputation changed against the result before it. */
export interface ResultChange {
  /** An indicator's figure, a deduction's kind, `total`, `veto` or `rank`. */
  item: string;
  before: string;
  after: string;
}

/**
 * A unit's result (考核结果) of a year: per indicator the figure with its parts and the points; the
 * deductions with their evidence; the total and the rank among the units of its kind; its veto
 * status. Computed from the records; frozen when the year is published. It carries the unit's
 * ancestry (`Located`) so that a township reads its villages' by one column.
 */
@Entity({ tableName: 'assessment_result' })
@Unique({ properties: ['unitId', 'year'] })
@Index({ properties: ['countyId', 'year', 'unitKind'] })
export class AssessmentResult extends Located {
  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Enum({ items: () => [...ASSESSED_UNIT_KINDS] })
  unitKind!: AssessedUnitKind;

  @Enum({ items: () => [...ASSESSMENT_STAGES] })
  stage: AssessmentStage = 'DRAFT';

  @Property({ type: 'json' })
  indicators!: IndicatorScore[];

  @Property({ type: 'json' })
  deductions!: DeductionScore[];

  /** The indicators' points, in hundredths. */
  @Property({ type: 'integer' })
  subtotal!: number;

  /** The deductions, in hundredths. */
  @Property({ type: 'integer' })
  deducted!: number;

  /** subtotal − deducted, never below zero, in hundredths. */
  @Property({ type: 'integer' })
  total!: number;

  @Property({ type: 'smallint' })
  rank!: number;

  @Property({ type: 'smallint' })
  peerCount!: number;

  @Enum({ items: () => [...VETO_STATUSES] })
  vetoStatus: VetoStatus = 'NONE';

  @Property({ type: 'datetime' })
  computedAt!: Date;

  @Property({ type: 'json' })
  changes: ResultChange[] = [];
}

/**
 * A veto (一票否决) of a unit's year: its trigger and evidence, proposed by the platform (from the
 * records) or by the bureau (with a reason), confirmed or revoked by the county party committee with
 * a reason. Each step is an AssessmentVetoEvent.
 */
@Entity({ tableName: 'assessment_veto' })
@Unique({ properties: ['unitId', 'year', 'evidenceKey'] })
export class AssessmentVeto extends Located {
  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Enum({ items: () => [...ASSESSED_UNIT_KINDS] })
  unitKind!: AssessedUnitKind;

  @Enum({ items: () => [...ASSESSMENT_STAGES] })
  stage: AssessmentStage = 'DRAFT';

  @Enum({ items: () => [...VETO_TRIGGERS] })
  trigger!: VetoTrigger;

  @Property({ type: 'json' })
  evidence: EvidenceRef[] = [];

  /** What makes a detected veto the same one when the year is recomputed (its evidence's ids); a bureau's own: a fresh id. */
  @Property({ type: 'text' })
  evidenceKey!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Enum({ items: () => ['PROPOSED', 'CONFIRMED', 'REVOKED'] })
  status: Exclude<VetoStatus, 'NONE'> = 'PROPOSED';

  @Property({ type: 'datetime' })
  proposedAt!: Date;

  @Property({ type: 'text' })
  proposedByName!: string;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  decidedByName: string | null = null;

  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;
}

/** A step of a veto's history: proposed, confirmed, revoked, reopened on an upheld objection. Append-only. */
@Entity({ tableName: 'assessment_veto_event' })
export class AssessmentVetoEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'uuid' })
  vetoId!: string;

  @Enum({ items: () => ['PROPOSED', 'CONFIRMED', 'REVOKED', 'REOPENED'] })
  step!: 'PROPOSED' | 'CONFIRMED' | 'REVOKED' | 'REOPENED';

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Property({ type: 'text' })
  actorName!: string;

  @Property({ type: 'text' })
  reason!: string;
}

/**
 * A unit's objection (异议) to its draft during the review: to one indicator or to a veto, with its
 * reason; the bureau upholds it (with the correction, in points, for an indicator; a veto goes back
 * to the committee) or rejects it with its reason.
 */
@Entity({ tableName: 'assessment_objection' })
export class AssessmentObjection extends Located {
  @Property({ type: 'smallint' })
  year!: number;

  @Index()
  @ManyToOne(() => AssessmentResult, { mapToPk: true, fieldName: 'result_id', type: 'uuid' })
  resultId!: string;

  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Enum({ items: () => [...ASSESSMENT_STAGES] })
  stage: AssessmentStage = 'REVIEW';

  /** The indicator objected to (its figure), or null for a veto. */
  @Property({ type: 'text', nullable: true })
  indicatorFigure: FigureName | null = null;

  @ManyToOne(() => AssessmentVeto, { mapToPk: true, fieldName: 'veto_id', type: 'uuid', nullable: true })
  vetoId: string | null = null;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'datetime' })
  filedAt!: Date;

  @Property({ type: 'text' })
  filedByName!: string;

  @Enum({ items: () => [...OBJECTION_STATUSES] })
  status: ObjectionStatus = 'OPEN';

  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  /** Points added to (or, negative, taken from) the indicator by an upheld objection, in hundredths. */
  @Property({ type: 'integer', default: 0 })
  correction: number = 0;

  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  answeredByName: string | null = null;
}

/** A commendation (表彰) of a unit for a published year. */
@Entity({ tableName: 'commendation' })
export class Commendation extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Property({ type: 'smallint' })
  year!: number;

  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  citation: string | null = null;

  @Property({ type: 'date' })
  awardedOn!: string;

  @Property({ type: 'text' })
  recordedByName!: string;
}
