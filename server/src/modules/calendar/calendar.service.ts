import type { EntityManager } from '@mikro-orm/postgresql';
import { STATE_COUNCIL_CALENDAR, holidayCalendar, isCalendarDate, type HolidayCalendar } from '@xinfang/domain';
import { accessibleWhere, assertCan } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { auditRawChange } from '../audit/index.js';
import { badInput } from '../../common/errors.js';
import { wholeNumber } from '../../common/input.js';
import { CalendarDay } from './calendar-day.entity.js';

/** A county's holiday calendar: read for every deadline, kept by the bureau. */
export class CalendarService {
  /** The calendar deadlines are computed with (no permission needed: deadlines are everyone's). */
  async forCounty(em: EntityManager, countyId: string): Promise<HolidayCalendar> {
    const days = await em.find(CalendarDay, { countyId });
    return holidayCalendar(days);
  }

  /** The calendars of several counties, in one statement. */
  async forCounties(em: EntityManager, countyIds: readonly string[]): Promise<HolidayCalendar[]> {
    const days = await em.find(CalendarDay, { countyId: { $in: [...countyIds] } });
    return countyIds.map((id) => holidayCalendar(days.filter((d) => d.countyId === id)));
  }

  async list(ctx: RequestContext, year: number): Promise<CalendarDay[]> {
    assertCan(ctx.ability, 'read', 'HolidayCalendar');
    // Beyond these the date would not even be a PostgreSQL date (year 2147483647).
    wholeNumber(year, 'year', 2000, 2100);
    const where = accessibleWhere<CalendarDay>(ctx.ability, 'read', 'HolidayCalendar');
    return ctx.em.find(CalendarDay, { $and: [where, { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }] }, { orderBy: { date: 'asc' } });
  }

  /** Sets one day (a holiday or a make-up working day); a day set back to ordinary is removed. */
  async set(ctx: SignedInContext, date: string, kind: 'HOLIDAY' | 'WORKDAY' | 'ORDINARY', name: string): Promise<CalendarDay[]> {
    assertCan(ctx.ability, 'update', 'HolidayCalendar');
    if (!isCalendarDate(date)) throw badInput('Not a calendar date.', { field: 'date' });
    const countyId = ctx.user.countyId;
    await ctx.em.transactional(async (em) => {
      // Deleted by SQL, which the change audit cannot see: audited here, in the same transaction.
      if ((await em.nativeDelete(CalendarDay, { countyId, date })) > 0) {
        await auditRawChange(em, ctx.user, { action: 'delete', entity: 'calendar_day', entityId: `${countyId}/${date}` });
      }
      if (kind !== 'ORDINARY') {
        if (!name.trim()) throw badInput('Name the holiday the day belongs to.', { field: 'name' });
        em.persist(Object.assign(new CalendarDay(), { countyId, date, kind, name: name.trim() }));
      }
    });
    return this.list(ctx, Number(date.slice(0, 4)));
  }
}

/** Seeds a county's calendar with the State Council's days (2024–2026), once. */
export async function seedCalendar(em: EntityManager, countyId: string): Promise<void> {
  if ((await em.count(CalendarDay, { countyId })) > 0) return;
  for (const day of STATE_COUNCIL_CALENDAR) em.persist(Object.assign(new CalendarDay(), { countyId, ...day }));
  await em.flush();
}
