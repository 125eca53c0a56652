import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from '../../common/scalars.js';

/**
 * One day of a county's holiday calendar that differs from the ordinary week: a holiday, or a weekend
 * day worked (调休上班). Seeded from the State Council's notices, kept up to date by the bureau.
 */
@ObjectType({ description: 'A holiday or a make-up working day.' })
@Entity({ tableName: 'calendar_day' })
export class CalendarDay {
  @PrimaryKey({ type: 'uuid' })
  countyId!: string;

  @Field(() => CalendarDateScalar)
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Field(() => String, { description: 'HOLIDAY or WORKDAY' })
  @Enum({ items: ['HOLIDAY', 'WORKDAY'] })
  kind!: 'HOLIDAY' | 'WORKDAY';

  @Field({ description: 'The holiday it belongs to, e.g. 国庆节.' })
  @Property({ type: 'text' })
  name!: string;
}
