import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { DisputeRiskLevel, DisputeStatus, ScreeningCadence, ScreeningStatus, ScreeningUnitKind } from '@xinfang/domain';
import { Connection } from '../../common/pagination.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { UnitPathItem } from '../unit/index.js';
import { Dispute, ScreeningReport } from './screening.entity.js';
import { DisputeRiskLevelEnum, DisputeStatusEnum, ScreeningCadenceEnum, ScreeningStatusEnum, ScreeningUnitKindEnum } from './screening.enums.js';

@ObjectType({ description: 'One screening period of one unit, with its status and its report if any.' })
export class ScreeningPeriodType {
  @Field(() => UnitPathItem)
  unit!: UnitPathItem;

  @Field(() => CalendarDateScalar)
  periodStart!: string;

  @Field(() => CalendarDateScalar)
  periodEnd!: string;

  @Field(() => CalendarDateScalar)
  dueDate!: string;

  @Field(() => ScreeningStatusEnum)
  status!: ScreeningStatus;

  @Field(() => ScreeningReport, { nullable: true })
  report!: ScreeningReport | null;
}

@ObjectType({ description: 'One unit’s screening in one month: its periods (those starting in the month) counted by status.' })
export class ScreeningComplianceRow {
  @Field(() => UnitPathItem)
  unit!: UnitPathItem;

  @Field(() => ID, { nullable: true, description: 'The unit it hangs under, to group villages under townships.' })
  parentId!: string | null;

  @Field(() => ScreeningCadenceEnum, { nullable: true, description: 'The cadence in force on the month’s first day (null before screening began).' })
  cadence!: ScreeningCadence | null;

  @Field(() => Int, { description: 'Periods of the month that have started: due + submitted + late + missing.' })
  expected!: number;

  @Field(() => Int, { description: 'Periods still open, nothing submitted yet (status DUE).' })
  due!: number;

  @Field(() => Int, { description: 'Submitted on or before the due day.' })
  submitted!: number;

  @Field(() => Int, { description: 'Submitted after the due day.' })
  late!: number;

  @Field(() => Int, { description: 'Due day passed, nothing submitted.' })
  missing!: number;

  @Field(() => Float, { nullable: true, description: 'submitted ÷ (submitted + late + missing), as the assessment counts it; null with none due yet.' })
  onTimeRate!: number | null;

  @Field(() => Int, { description: 'Zero reports of the month that hid a dispute which later became a collective or skip-level petition.' })
  vetoEvidence!: number;

  @Field(() => [ScreeningPeriodType])
  periods!: ScreeningPeriodType[];
}

@ObjectType({ description: 'A report that is due within three days or missing: for the unit itself, or for the level that reviews it.' })
export class ScreeningReminder {
  @Field(() => UnitPathItem)
  unit!: UnitPathItem;

  @Field({ description: 'Whether the reminder is about the caller’s own unit (else: a unit it reviews).' })
  own!: boolean;

  @Field(() => CalendarDateScalar)
  periodStart!: string;

  @Field(() => CalendarDateScalar)
  periodEnd!: string;

  @Field(() => CalendarDateScalar)
  dueDate!: string;

  @Field(() => ScreeningStatusEnum)
  status!: ScreeningStatus;

  @Field(() => Int, { description: 'Days until the due day (0 on the day, negative when missing).' })
  daysLeft!: number;
}

@InputType({ description: 'One dispute as reported.' })
export class DisputeInput {
  @Field({ description: 'A code of `petitionCategories`.' })
  categoryCode!: string;

  @Field({ description: 'Who is in dispute with whom (当事人).' })
  parties!: string;

  @Field(() => Int, { defaultValue: 2 })
  headcount!: number;

  @Field()
  summary!: string;

  @Field(() => DisputeRiskLevelEnum)
  riskLevel!: DisputeRiskLevel;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'When it arose; the period’s first day if not given.' })
  arisenOn?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The local resolution deadline; 30 days after reporting if not given.' })
  resolveBy?: string | null;
}

@InputType({ description: 'A unit’s report for one period: disputes, or an explicit zero report.' })
export class SubmitScreeningReportInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => CalendarDateScalar, { description: 'The first day of the period (see `screeningPeriods`).' })
  periodStart!: string;

  @Field({ description: 'True for a zero report (零报告): then `disputes` must be empty.' })
  isZeroReport!: boolean;

  @Field(() => [DisputeInput], { defaultValue: [] })
  disputes!: DisputeInput[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A correction of a report not yet reviewed: add disputes, withdraw disputes reported in error, or change the zero flag.' })
export class CorrectScreeningReportInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  isZeroReport!: boolean;

  @Field(() => [DisputeInput], { defaultValue: [] })
  addDisputes!: DisputeInput[];

  @Field(() => [ID], { defaultValue: [], description: 'Disputes of this report reported in error; only untouched ones (open, not escalated, not linked).' })
  withdrawDisputeIds!: string[];

  @Field({ description: 'Why it is corrected; kept on the history.' })
  reason!: string;
}

@InputType({ description: 'Narrows the dispute ledger; the caller’s scope always applies.' })
export class DisputeFilter {
  @Field(() => ID, { nullable: true, description: 'This unit and every unit below it.' })
  scopeUnitId?: string | null;

  @Field(() => [DisputeStatusEnum], { nullable: true })
  statuses?: DisputeStatus[] | null;

  @Field(() => DisputeRiskLevelEnum, { nullable: true })
  riskLevel?: DisputeRiskLevel | null;

  @Field(() => String, { nullable: true })
  categoryCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Past the resolution deadline and not resolved.' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Linked to a petition (true) or not (false).' })
  linked?: boolean | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Reported on or after.' })
  from?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Reported on or before.' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the summary or the parties.' })
  search?: string | null;
}

@InputType({ description: 'Changes to a dispute; absent fields stay as they are.' })
export class UpdateDisputeInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => DisputeStatusEnum, { nullable: true, description: 'OPEN, RESOLVING or RESOLVED (escalation is `escalateDispute`).' })
  status?: DisputeStatus | null;

  @Field(() => DisputeRiskLevelEnum, { nullable: true })
  riskLevel?: DisputeRiskLevel | null;

  @Field(() => String, { nullable: true })
  categoryCode?: string | null;

  @Field(() => String, { nullable: true })
  parties?: string | null;

  @Field(() => Int, { nullable: true })
  headcount?: number | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  resolveBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Required to mark it RESOLVED.' })
  resolutionNote?: string | null;
}

@InputType({ description: 'A new cadence for one unit kind, from the first day of a future month.' })
export class ScreeningRuleInput {
  @Field(() => ScreeningUnitKindEnum)
  unitKind!: ScreeningUnitKind;

  @Field(() => ScreeningCadenceEnum)
  cadence!: ScreeningCadence;

  @Field(() => Int)
  dueAfterDays!: number;

  @Field(() => CalendarDateScalar)
  effectiveFrom!: string;
}

@ObjectType({ description: 'Disputes counted for a figure.' })
export class DisputeSummary {
  @Field(() => Int)
  found!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int)
  escalated!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Float, { nullable: true, description: 'resolved / found (化解成功率), null when none were found.' })
  resolutionRate!: number | null;
}

export const DisputeConnection = Connection(Dispute, 'Dispute');
