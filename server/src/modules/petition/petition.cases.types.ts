import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BACKLOG_AGES, OWNERSHIP_PARTS, type BacklogAge, type OwnershipPart } from '@xinfang/domain';
import { asEnum } from '../../common/enums.js';
import { UnitPathItem } from '../unit/index.js';
import { CalendarDateScalar } from '../../common/scalars.js';

export const BacklogAgeEnum = asEnum<BacklogAge>(BACKLOG_AGES);
registerEnumType(BacklogAgeEnum, { name: 'BacklogAge', description: 'Years since it was received: 2–3, 3–5, over 5.' });

export const OwnershipPartEnum = asEnum<OwnershipPart>(OWNERSHIP_PARTS);
registerEnumType(OwnershipPartEnum, { name: 'OwnershipPart', description: 'The four parts of 包案 "五个一": leader, unit, resolution plan, stability plan.' });

@InputType({ description: 'Narrows a hard-case list (key matters, backlog); the caller’s scope always applies.' })
export class CaseFilter {
  @Field(() => ID, { nullable: true, description: 'Located in this unit or below it, or handled by it.' })
  unitId?: string;

  @Field({ nullable: true, description: 'Owned (all four parts of 包案 present), or not yet.' })
  owned?: boolean;

  @Field({ nullable: true, description: 'Still open (not closed, not declined).' })
  open?: boolean;

  @Field(() => BacklogAgeEnum, { nullable: true, description: 'Years since it was received.' })
  age?: BacklogAge;

  @Field({ nullable: true, description: 'Part of the number, or words of the subject or the content.' })
  text?: string;
}

@ObjectType({ description: 'A county leader, as a hard case names its responsible leader.' })
export class LeaderRef {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;
}

@ObjectType({ description: '包案 "五个一": who answers for a hard case, and its two plans.' })
export class CaseOwnership {
  @Field(() => LeaderRef, { nullable: true, description: 'The responsible county leader (包案领导).' })
  leader!: LeaderRef | null;

  @Field(() => UnitPathItem, { nullable: true, description: 'The responsible unit (责任单位).' })
  unit!: UnitPathItem | null;

  @Field(() => String, { nullable: true, description: 'The resolution plan (化解方案); withheld like the content.' })
  resolutionPlan!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  resolutionPlanOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The stability plan (稳控方案); withheld like the content.' })
  stabilityPlan!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  stabilityPlanOn!: string | null;

  @Field(() => [OwnershipPartEnum], { description: 'What is still missing; empty when the case is owned.' })
  missing!: OwnershipPart[];

  @Field({ description: 'All four parts are present.' })
  isOwned!: boolean;
}

@InputType({ description: 'Sets the parts of a hard case’s 包案; an omitted part stays as it is, null clears it.' })
export class CaseOwnershipInput {
  @Field(() => Int, { description: 'The petition’s version; a stale one is refused with CONFLICT.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'A county leader’s account; a leader may name only itself.' })
  leaderUserId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => String, { nullable: true })
  resolutionPlan?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day the plan was made; today when left out.' })
  resolutionPlanOn?: string | null;

  @Field(() => String, { nullable: true })
  stabilityPlan?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day the plan was made; today when left out.' })
  stabilityPlanOn?: string | null;
}
