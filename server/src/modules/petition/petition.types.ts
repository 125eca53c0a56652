import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { AssignMode, Channel, PetitionKind, PetitionStatus, Satisfaction, Warning } from '@xinfang/domain';
import { Connection } from '../../common/pagination.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { UnitPathItem } from '../unit/index.js';
import { Petition } from './petition.entity.js';
import type { PetitionSort } from '@xinfang/domain';
import { ChannelEnum, PetitionKindEnum, PetitionSortEnum, PetitionStatusEnum, SatisfactionEnum, WarningEnum } from './petition.enums.js';

@ObjectType({ description: 'The petitioner (信访人): personal data, shown only to those entitled, and every read audited.' })
export class Petitioner {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  idNumber!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;
}

@InputType()
export class PetitionerInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: '18-character resident ID number (居民身份证号码).' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@ObjectType({ description: 'Every deadline of a petition, computed from the records and the holiday calendar.' })
export class PetitionDeadlines {
  @Field(() => CalendarDateScalar, { description: 'Decide acceptance by (15 days of receipt).' })
  acceptBy!: string;

  @Field(() => CalendarDateScalar, { description: 'Tell the petitioner how it is handled by (15 days of receipt).' })
  noticeBy!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Answer by (60 days of acceptance, plus an approved extension).' })
  answerBy!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The handling unit may object until (5 working days of assignment).' })
  objectionBy!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The petitioner may ask for review or re-review until.' })
  appealRequestBy!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The review or re-review must be decided by (hearings not counted).' })
  reviewBy!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The deadline the case is running against now.' })
  current!: string | null;
}

@InputType()
export class RegisterPetitionInput {
  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => PetitionKindEnum)
  kind!: PetitionKind;

  @Field()
  categoryCode!: string;

  @Field()
  subject!: string;

  @Field()
  content!: string;

  @Field(() => CalendarDateScalar)
  receivedAt!: string;

  @Field(() => Int, { defaultValue: 1 })
  headcount!: number;

  @Field(() => Boolean, { nullable: true, description: 'Taken past the county to a higher level (越级访).' })
  isSkipLevel?: boolean | null;

  @Field(() => ID, { description: 'Where the matter arises (属地): the county, a township, a village or a village group.' })
  locationUnitId!: string;

  @Field(() => ID, { nullable: true })
  respondentUnitId?: string | null;

  @Field(() => String, { nullable: true })
  respondentName?: string | null;

  @Field(() => PetitionerInput)
  petitioner!: PetitionerInput;

  @Field(() => ID, { nullable: true, description: 'The earlier petition this one repeats (重信重访).' })
  repeatOfId?: string | null;
}

@InputType({ description: 'What intake knows before saving, to find likely earlier petitions.' })
export class PetitionMatchInput {
  @Field(() => PetitionerInput)
  petitioner!: PetitionerInput;

  @Field({ nullable: true })
  categoryCode?: string;

  @Field({ nullable: true })
  subject?: string;
}

@ObjectType({ description: 'A likely earlier petition of the same petitioner.' })
export class PetitionMatch {
  @Field(() => Petition)
  petition!: Petition;

  @Field(() => [String], { description: 'SAME_ID_NUMBER, SAME_NAME_AND_PHONE, SAME_CATEGORY, SIMILAR_SUBJECT' })
  reasons!: string[];

  @Field({ description: 'Same petitioner and, by category or subject, the same matter.' })
  sameMatter!: boolean;
}

@InputType({ description: 'Narrows the petitions listed; the caller’s scope always applies.' })
export class PetitionFilter {
  @Field(() => [PetitionStatusEnum], { nullable: true })
  status?: PetitionStatus[];

  @Field(() => [ChannelEnum], { nullable: true })
  channel?: Channel[];

  @Field(() => [PetitionKindEnum], { nullable: true })
  kind?: PetitionKind[];

  @Field(() => [String], { nullable: true })
  categoryCode?: string[];

  @Field(() => ID, { nullable: true, description: 'Located in this unit or below it, or handled by it.' })
  unitId?: string;

  @Field(() => [WarningEnum], { nullable: true })
  warning?: Warning[];

  @Field({ nullable: true })
  isKeyMatter?: boolean;

  @Field({ nullable: true })
  isBacklog?: boolean;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Received on or after.' })
  receivedFrom?: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Received on or before.' })
  receivedTo?: string;

  @Field({ nullable: true, description: 'Part of the number, or words of the subject or the content (trigram search; works on Chinese).' })
  text?: string;

  @Field(() => PetitionSortEnum, { nullable: true, defaultValue: 'DEADLINE' })
  sort?: PetitionSort;

  @Field({ nullable: true, description: 'Only the cases waiting on the caller’s own unit (my work).' })
  mine?: boolean;
}

export const PetitionConnection = Connection(Petition, 'Petition');

@ObjectType({ description: 'What the public receipt page shows: the stage and the dates, nothing personal.' })
export class PetitionReceipt {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => PetitionStatusEnum)
  status!: PetitionStatus;

  @Field(() => CalendarDateScalar)
  receivedAt!: string;

  @Field(() => PetitionDeadlines)
  deadlines!: PetitionDeadlines;

  @Field(() => CalendarDateScalar, { nullable: true })
  acceptedAt!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  answeredAt!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  closedAt!: string | null;

  @Field(() => SatisfactionEnum, { nullable: true })
  satisfaction!: Satisfaction | null;

  @Field({ description: 'The answer is out and not yet rated: the rating form may be shown.' })
  canRate!: boolean;
}

export { UnitPathItem };
export type { AssignMode };

@ObjectType({ description: 'One step of a petition’s timeline.' })
export class TimelineEntry {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'REGISTERED, ACCEPTED, DECLINED, ASSIGNED, OBJECTED, NOTIFIED, ANSWERED, EXTENSION_REQUESTED, EXTENSION_DECIDED, RATED, REVIEW_REQUESTED, REVIEW_DECIDED, CLOSED, FOLLOW_UP, INSTRUCTION, FLAGGED, OWNERSHIP_SET, CONFERENCE_DECISION, SUPERVISED, SUPERVISION_ACCEPTED' })
  type!: string;

  @Field({ description: 'The unit that acted, or 信访人 (the petitioner, on the receipt page).' })
  actorName!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => PetitionStatusEnum, { nullable: true })
  fromStatus!: PetitionStatus | null;

  @Field(() => PetitionStatusEnum, { nullable: true })
  toStatus!: PetitionStatus | null;

  @Field(() => String, { nullable: true, description: 'The note; withheld where the caller may not read the content.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'For an assignment: the unit it went to.' })
  handlingUnit!: string | null;
}
