import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../common/context.js';
import { CalendarDateScalar } from '../../common/scalars.js';
import { badInput } from '../../common/errors.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CalendarService } from './calendar.service.js';

@Resolver(() => CalendarDay)
export class CalendarResolver {
  private readonly service = new CalendarService();

  @Authorized()
  @Query(() => [CalendarDay], { description: 'The holidays and make-up working days of a year in the caller’s county.' })
  holidayCalendar(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number): Promise<CalendarDay[]> {
    return this.service.list(ctx, year);
  }

  @Authorized()
  @Mutation(() => [CalendarDay], { description: 'The bureau sets a day: HOLIDAY, WORKDAY (调休上班) or ORDINARY (removes it). Answers the year’s days.' })
  setCalendarDay(
    @Ctx() ctx: SignedInContext,
    @Arg('date', () => CalendarDateScalar) date: string,
    @Arg('kind') kind: string,
    @Arg('name', { defaultValue: '' }) name: string,
  ): Promise<CalendarDay[]> {
    if (kind !== 'HOLIDAY' && kind !== 'WORKDAY' && kind !== 'ORDINARY') throw badInput('The kind is HOLIDAY, WORKDAY or ORDINARY.', { field: 'kind' });
    return this.service.set(ctx, date, kind, name);
  }
}
