import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { Petition } from '../petition/index.js';
import { Unit } from '../unit/index.js';

/**
 * A joint conference (集中会办, docs/domain.md §5): a dated meeting chaired by a county leader, with the
 * units and people who attended and the petitions it took up (its items), each with its decision and
 * follow-up tasks.
 */
@ObjectType({ description: 'A joint conference (集中会办) on hard cases.' })
@Entity({ tableName: 'conference' })
@Index({ properties: ['countyId', 'heldOn'] })
export class Conference extends BaseEntity {
  @Property({ type: 'uuid' })
  countyId!: string;

  @Field(() => CalendarDateScalar)
  @Property({ type: 'date' })
  heldOn!: string;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'uuid' })
  chairUserId!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  venue: string | null = null;

  @Property({ type: 'uuid[]' })
  attendingUnitIds: string[] = [];

  @Field(() => String, { nullable: true, description: 'The people who attended, as the minutes list them (posts and names).' })
  @Property({ type: 'text', nullable: true })
  attendees: string | null = null;

  @Property({ type: 'uuid' })
  recordedByUserId!: string;
}

/** One petition a conference took up, and what it decided (the decision is on the petition's timeline too). */
@ObjectType({ description: 'A petition a joint conference took up, with its decision.' })
@Entity({ tableName: 'conference_item' })
export class ConferenceItem extends BaseEntity {
  @Index()
  @ManyToOne(() => Conference, { mapToPk: true, fieldName: 'conference_id', type: 'uuid', deleteRule: 'cascade' })
  conferenceId!: string;

  @Index()
  @ManyToOne(() => Petition, { mapToPk: true, fieldName: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Field(() => Int, { description: 'Its place in the minutes.' })
  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'text' })
  decision!: string;
}

/**
 * A follow-up task of a conference's decision: an owner unit, what to do, a due day, done or not. It
 * shows on the owner unit's 我的待办; its due day warns like a petition's.
 */
@ObjectType({ description: 'A follow-up task of a joint conference’s decision.' })
@Entity({ tableName: 'conference_task' })
@Index({ properties: ['ownerUnitId', 'doneOn'] })
export class ConferenceTask extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Index()
  @ManyToOne(() => Conference, { mapToPk: true, fieldName: 'conference_id', type: 'uuid', deleteRule: 'cascade' })
  conferenceId!: string;

  @ManyToOne(() => ConferenceItem, { mapToPk: true, fieldName: 'item_id', type: 'uuid', deleteRule: 'cascade' })
  itemId!: string;

  @Index()
  @ManyToOne(() => Petition, { mapToPk: true, fieldName: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @ManyToOne(() => Unit, { mapToPk: true, fieldName: 'owner_unit_id', type: 'uuid' })
  ownerUnitId!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  ownerParentUnitId: string | null = null;

  @Property({ type: 'text' })
  description!: string;

  @Field(() => CalendarDateScalar)
  @Property({ type: 'date' })
  dueOn!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day it was marked done.' })
  @Property({ type: 'date', nullable: true })
  doneOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  doneNote: string | null = null;
}
