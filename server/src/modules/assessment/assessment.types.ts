import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ASSESSMENT_STAGES,
  DEDUCTION_KINDS,
  INDICATOR_DIRECTIONS,
  OBJECTION_DECISIONS,
  OBJECTION_STATUSES,
  VETO_DECISIONS,
  VETO_STATUSES,
  VETO_TRIGGERS,
  type AssessmentStage,
  type DeductionKind,
  type FigureName,
  type IndicatorDirection,
  type ObjectionDecision,
  type ObjectionStatus,
  type UnitKind,
  type VetoDecision,
  type VetoStatus,
  type VetoTrigger,
} from '@xinfang/domain';
import { UnitKindEnum, asEnum } from '../../common/enums.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { FigureNameEnum } from '../figures/index.js';

export const AssessmentStageEnum = asEnum<AssessmentStage>(ASSESSMENT_STAGES);
export const IndicatorDirectionEnum = asEnum<IndicatorDirection>(INDICATOR_DIRECTIONS);
export const DeductionKindEnum = asEnum<DeductionKind>(DEDUCTION_KINDS);
export const VetoStatusEnum = asEnum<VetoStatus>(VETO_STATUSES);
export const VetoTriggerEnum = asEnum<VetoTrigger>(VETO_TRIGGERS);
export const VetoDecisionEnum = asEnum<VetoDecision>(VETO_DECISIONS);
export const ObjectionStatusEnum = asEnum<ObjectionStatus>(OBJECTION_STATUSES);
export const ObjectionDecisionEnum = asEnum<ObjectionDecision>(OBJECTION_DECISIONS);
export const EvidenceKindEnum = asEnum(['CIRCULAR', 'PETITION', 'SCREENING_REPORT'] as const);
export const VetoStepEnum = asEnum(['PROPOSED', 'CONFIRMED', 'REVOKED', 'REOPENED'] as const);

registerEnumType(AssessmentStageEnum, { name: 'AssessmentStage', description: 'DRAFT (the bureau and the county leaders see it), REVIEW (公示: each unit sees its own and may object), PUBLISHED (frozen)' });
registerEnumType(IndicatorDirectionEnum, { name: 'IndicatorDirection', description: 'HIGHER_IS_BETTER: points = weight × rate; LOWER_IS_BETTER (the repeat rate): weight × (1 − rate)' });
registerEnumType(DeductionKindEnum, { name: 'DeductionKind', description: 'CIRCULAR: each circular (通报) naming the unit; SKIP_LEVEL_VISIT: each skip-level petition (越级访) from it' });
registerEnumType(VetoStatusEnum, { name: 'VetoStatus', description: '一票否决: NONE, PROPOSED (awaiting the county party committee), CONFIRMED (the result is void), REVOKED' });
registerEnumType(VetoTriggerEnum, {
  name: 'VetoTrigger',
  description: 'CIRCULAR: a circular for a failure that escalated a petition; CONCEALED_DISPUTE: a zero report while a dispute was there that became a collective or skip-level petition; SKIP_LEVEL_COLLECTIVE: a skip-level collective visit from the territory; BUREAU: proposed by the bureau with its reason',
});
registerEnumType(VetoDecisionEnum, { name: 'VetoDecision', description: 'The county party committee’s decision: CONFIRM or REVOKE' });
registerEnumType(ObjectionStatusEnum, { name: 'ObjectionStatus', description: 'OPEN (awaiting the bureau), UPHELD (corrected), REJECTED (with the reason)' });
registerEnumType(ObjectionDecisionEnum, { name: 'ObjectionDecision', description: 'The bureau’s answer: UPHOLD (with the correction) or REJECT (with the reason)' });
registerEnumType(EvidenceKindEnum, { name: 'AssessmentEvidenceKind', description: 'The record behind a deduction or a veto' });
registerEnumType(VetoStepEnum, { name: 'VetoStep', description: 'A step of a veto’s history' });

// ------------------------------------------------------------------ schemes

@ObjectType({ description: 'An indicator of a scheme: the figure it is computed from, its weight and direction.' })
export class SchemeIndicator {
  @Field(() => FigureNameEnum)
  figure!: FigureName;

  @Field({ description: 'What the scheme calls it.' })
  name!: string;

  @Field(() => Int)
  weight!: number;

  @Field(() => IndicatorDirectionEnum)
  direction!: IndicatorDirection;
}

@ObjectType({ description: 'A deduction rule of a scheme.' })
export class SchemeDeductionRule {
  @Field(() => DeductionKindEnum)
  kind!: DeductionKind;

  @Field(() => Float, { description: 'Points taken per occurrence.' })
  points!: number;
}

@ObjectType('AssessmentScheme', { description: 'A year’s scheme (考核方案) for a unit kind: weighted indicators summing to 100, and deductions.' })
export class AssessmentSchemeType {
  @Field(() => Int)
  year!: number;

  @Field(() => UnitKindEnum)
  unitKind!: UnitKind;

  @Field(() => [SchemeIndicator])
  indicators!: SchemeIndicator[];

  @Field(() => [SchemeDeductionRule])
  deductions!: SchemeDeductionRule[];

  @Field(() => Int, { description: 'The sum of the weights (100).' })
  weightTotal!: number;

  @Field({ description: 'Saved for this year; false: the year before’s or the default, which computing the year saves as its own.' })
  saved!: boolean;

  @Field({ description: 'The year is published: the scheme can no longer change.' })
  frozen!: boolean;

  @Field(() => Int, { description: 'Send it back with a change (0 before it is saved); a stale one is refused with CONFLICT.' })
  version!: number;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true })
  updatedByName!: string | null;
}

@InputType()
export class SchemeIndicatorInput {
  @Field(() => FigureNameEnum)
  figure!: FigureName;

  @Field()
  name!: string;

  @Field(() => Int)
  weight!: number;

  @Field(() => IndicatorDirectionEnum)
  direction!: IndicatorDirection;
}

@InputType()
export class SchemeDeductionInput {
  @Field(() => DeductionKindEnum)
  kind!: DeductionKind;

  @Field(() => Float, { description: 'Points per occurrence, 0–100.' })
  points!: number;
}

@InputType({ description: 'A year’s scheme for a unit kind; the weights must add up to 100.' })
export class SaveSchemeInput {
  @Field(() => Int)
  year!: number;

  @Field(() => UnitKindEnum, { description: 'TOWNSHIP, DEPARTMENT or VILLAGE.' })
  unitKind!: UnitKind;

  @Field(() => [SchemeIndicatorInput])
  indicators!: SchemeIndicatorInput[];

  @Field(() => [SchemeDeductionInput])
  deductions!: SchemeDeductionInput[];

  @Field(() => Int, { description: 'The version read (0 for a scheme not saved yet).' })
  version!: number;
}

// ------------------------------------------------------------------ the year

@ObjectType('AssessmentYear', { description: 'A county’s assessment year and its stage.' })
export class AssessmentYearType {
  @Field(() => Int)
  year!: number;

  @Field(() => AssessmentStageEnum)
  stage!: AssessmentStage;

  @Field(() => Date, { nullable: true })
  computedAt!: Date | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  reviewOpenedOn!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The review’s last day (five working days).' })
  reviewEndsOn!: string | null;

  @Field(() => String, { nullable: true })
  reviewOpenedByName!: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  publishedByName!: string | null;
}

// ------------------------------------------------------------------ results

@ObjectType('AssessmentEvidence', { description: 'A record behind a deduction or a veto.' })
export class AssessmentEvidence {
  @Field(() => EvidenceKindEnum)
  kind!: 'CIRCULAR' | 'PETITION' | 'SCREENING_REPORT';

  @Field(() => ID)
  id!: string;

  @Field({ description: 'Its number or period, as a person names it.' })
  label!: string;
}

@ObjectType({ description: 'An indicator of a result: the figure with its parts, and the points.' })
export class IndicatorScore {
  @Field(() => FigureNameEnum)
  figure!: FigureName;

  @Field()
  name!: string;

  @Field(() => Int)
  weight!: number;

  @Field(() => IndicatorDirectionEnum)
  direction!: IndicatorDirection;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator; null: nothing was counted (the full weight is given).' })
  value!: number | null;

  @Field(() => Float, { description: 'The points, the correction included.' })
  points!: number;

  @Field(() => Float, { description: 'Points added (or taken) by upheld objections.' })
  correction!: number;

  @Field(() => Float, { nullable: true, description: 'The peers’ average points once the year is published; null before.' })
  peerAverage!: number | null;
}

@ObjectType({ description: 'A deduction of a result, with each record behind it.' })
export class DeductionScore {
  @Field(() => DeductionKindEnum)
  kind!: DeductionKind;

  @Field(() => Float)
  perOccurrence!: number;

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  points!: number;

  @Field(() => [AssessmentEvidence])
  evidence!: AssessmentEvidence[];
}

@ObjectType({ description: 'What a recomputation changed, with the parts that explain it.' })
export class ResultChange {
  @Field({ description: 'An indicator’s figure, a deduction’s kind, veto, total or rank.' })
  item!: string;

  @Field()
  before!: string;

  @Field()
  after!: string;
}

@ObjectType('AssessmentResult', { description: 'A unit’s assessment result of a year (考核结果).' })
export class AssessmentResultType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => UnitKindEnum)
  unitKind!: UnitKind;

  @Field(() => AssessmentStageEnum)
  stage!: AssessmentStage;

  @Field(() => Int, { description: 'Among the units of its kind; a confirmed veto ranks after every other.' })
  rank!: number;

  @Field(() => Int, { description: 'How many units of its kind were assessed.' })
  peerCount!: number;

  @Field(() => VetoStatusEnum)
  vetoStatus!: VetoStatus;

  @Field(() => Date)
  computedAt!: Date;

  @Field(() => Int)
  version!: number;
}

@ObjectType('AssessmentVetoEvent', { description: 'A step of a veto’s history.' })
export class AssessmentVetoEventType {
  @Field(() => VetoStepEnum)
  step!: string;

  @Field(() => Date)
  at!: Date;

  @Field({ description: 'The unit that took the step.' })
  actorName!: string;

  @Field()
  reason!: string;
}

@ObjectType('AssessmentVeto', { description: 'A veto (一票否决) of a unit’s year, with its evidence and history.' })
export class AssessmentVetoType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => UnitKindEnum)
  unitKind!: UnitKind;

  @Field(() => AssessmentStageEnum)
  stage!: AssessmentStage;

  @Field(() => VetoTriggerEnum)
  trigger!: VetoTrigger;

  @Field(() => [AssessmentEvidence])
  evidence!: AssessmentEvidence[];

  @Field()
  reason!: string;

  @Field(() => VetoStatusEnum)
  status!: VetoStatus;

  @Field(() => Date)
  proposedAt!: Date;

  @Field()
  proposedByName!: string;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decidedByName!: string | null;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => Int)
  version!: number;
}

@ObjectType('AssessmentObjection', { description: 'A unit’s objection to its draft result, and the bureau’s answer.' })
export class AssessmentObjectionType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  resultId!: string;

  @Field(() => FigureNameEnum, { nullable: true, description: 'The indicator objected to; null for a veto.' })
  indicatorFigure!: FigureName | null;

  @Field(() => ID, { nullable: true })
  vetoId!: string | null;

  @Field()
  reason!: string;

  @Field(() => Date)
  filedAt!: Date;

  @Field()
  filedByName!: string;

  @Field(() => ObjectionStatusEnum)
  status!: ObjectionStatus;

  @Field(() => String, { nullable: true })
  answer!: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true })
  answeredByName!: string | null;

  @Field(() => Int)
  version!: number;
}

@InputType({ description: 'An objection: to one indicator (its figure) or to one veto, with the reason.' })
export class ObjectionInput {
  @Field(() => FigureNameEnum, { nullable: true })
  indicatorFigure?: FigureName | null;

  @Field(() => ID, { nullable: true })
  vetoId?: string | null;

  @Field()
  reason!: string;
}

@InputType({ description: 'The bureau’s answer to an objection.' })
export class AnswerObjectionInput {
  @Field(() => ObjectionDecisionEnum)
  decision!: ObjectionDecision;

  @Field()
  answer!: string;

  @Field(() => Float, { nullable: true, description: 'For an upheld objection to an indicator: the points added (negative: taken).' })
  correction?: number | null;

  @Field(() => Int)
  version!: number;
}

@ObjectType('Commendation', { description: 'A commendation (表彰) of a unit for a published year.' })
export class CommendationType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  citation!: string | null;

  @Field(() => CalendarDateScalar)
  awardedOn!: string;

  @Field()
  recordedByName!: string;
}

@InputType()
export class CommendationInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  unitId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  citation?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Today when left out.' })
  awardedOn?: string | null;
}
