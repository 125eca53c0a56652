import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/enums.js';
import { CalendarDateScalar } from '../../common/scalars.js';

export const NOTIFICATION_KINDS = ['WARNING_YELLOW', 'WARNING_RED', 'OWNERSHIP_MISSING', 'ORDER_ISSUED', 'ORDER_REOPENED', 'CIRCULAR_PUBLISHED', 'ASSESSMENT_REVIEW', 'ASSESSMENT_PUBLISHED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindEnum = asEnum<NotificationKind>(NOTIFICATION_KINDS);
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'WARNING_YELLOW: a deadline (of a petition, a supervision order or a conference task) within three days; WARNING_RED: such a deadline passed; OWNERSHIP_MISSING: a hard case whose 包案 lacks a part; ORDER_ISSUED: a supervision order names the unit; ORDER_REOPENED: its report was sent back; CIRCULAR_PUBLISHED: a circular names the unit; ASSESSMENT_REVIEW: the unit’s draft assessment result is under review (公示) until the due day, objections open; ASSESSMENT_PUBLISHED: the year’s results are published',
});

/**
 * One message of a unit's inbox (站内通知), written by the daily sweep or by the write it tells of (an
 * order issued or sent back, a circular). It names what it is about — a petition, a supervision
 * order, a conference task, a circular — by id only and carries no words of it: each is shown to a
 * reader who may read it, and nothing of the petitioner or an accusation ever travels in a
 * notification. `dedupeKey` makes the sweep idempotent: the same warning on the same deadline is told once.
 */
@ObjectType({ description: 'A message of the unit’s inbox.' })
@Entity({ tableName: 'notification' })
@Index({ properties: ['unitId', 'createdAt'] })
export class Notification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  countyId!: string;

  /** The unit told. */
  @Property({ type: 'uuid' })
  unitId!: string;

  @Field(() => NotificationKindEnum)
  @Enum({ items: () => [...NOTIFICATION_KINDS] })
  kind!: NotificationKind;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  petitionId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  taskId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  circularId: string | null = null;

  @Field(() => Int, { nullable: true, description: 'The assessment year a message is about.' })
  @Property({ type: 'smallint', nullable: true })
  assessmentYear: number | null = null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The deadline warned of.' })
  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'text', unique: true })
  dedupeKey!: string;
}

/** That a user has read a notification of its unit. */
@Entity({ tableName: 'notification_read' })
export class NotificationRead {
  @PrimaryKey({ type: 'uuid' })
  notificationId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'datetime' })
  readAt: Date = new Date();
}

/** The days the sweep has run: one row a day, so that two instances sweep once. */
@Entity({ tableName: 'sweep_run' })
export class SweepRun {
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'datetime' })
  ranAt: Date = new Date();

  @Property({ type: 'integer' })
  written: number = 0;
}
