import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { holidayCalendar, type HolidayCalendar } from '@xinfang/domain';
import { Unit } from '../modules/unit/unit.entity.js';
import { CalendarDay } from '../modules/calendar/calendar-day.entity.js';
import { PetitionCategory } from '../modules/petition/petition-category.entity.js';
import { createAuditLoader, type PersonalRead } from '../modules/audit/audit.service.js';
import { vetoEvidence } from '../modules/screening/veto-evidence.js';
import type { AuthUser } from './context.js';

/**
 * DataLoaders live for one request only: a shared one would hand one user's rows to another.
 * These load by id without a scope filter, so they serve only relations that the parent row's own
 * rules already cover (a user's unit, a unit's ancestors' names).
 */
export interface Loaders {
  unitById: DataLoader<string, Unit | null>;
  /** A county's holiday calendar, loaded once per request. */
  calendar: DataLoader<string, HolidayCalendar>;
  /** Category names by code. */
  category: DataLoader<string, PetitionCategory | null>;
  /** Audits a read of personal data; resolve it before returning the data. */
  personalRead: DataLoader<PersonalRead, true, string>;
  /** For each screening report, the disputes that make it veto evidence (none: not evidence). */
  vetoEvidence: DataLoader<string, string[]>;
}

export function createLoaders(em: EntityManager, user: () => AuthUser | null = () => null): Loaders {
  return {
    personalRead: createAuditLoader(em, user),
    vetoEvidence: new DataLoader(async (ids: readonly string[]) => {
      const found = await vetoEvidence(em, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    calendar: new DataLoader(async (countyIds: readonly string[]) => {
      const days = await em.find(CalendarDay, { countyId: { $in: [...countyIds] } });
      return countyIds.map((id) => holidayCalendar(days.filter((d) => d.countyId === id)));
    }),
    category: new DataLoader(async (codes: readonly string[]) => {
      const rows = await em.find(PetitionCategory, { code: { $in: [...codes] } });
      return codes.map((c) => rows.find((r) => r.code === c) ?? null);
    }),
    unitById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(Unit, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
