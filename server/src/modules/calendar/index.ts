/** The calendar module's surface (docs/architecture.md, the module pattern). */
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HolidayCalendar } from '@xinfang/domain';
import { CalendarService } from './calendar.service.js';

export { seedCalendar } from './calendar.service.js';

const calendars = new CalendarService();

/** A county's holiday calendar, which every deadline is computed with (everyone's to read). */
export const calendarOf = (em: EntityManager, countyId: string): Promise<HolidayCalendar> => calendars.forCounty(em, countyId);

/** Calendars by county, loaded once per request. */
export const calendarLoader = (em: EntityManager): DataLoader<string, HolidayCalendar> =>
  new DataLoader((countyIds: readonly string[]) => calendars.forCounties(em, countyIds));
