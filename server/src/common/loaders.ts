import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HolidayCalendar } from '@xinfang/domain';
import { createAuditLoader, type PersonalRead } from '../modules/audit/index.js';
import { calendarLoader } from '../modules/calendar/index.js';
import { categoryLoader, type CategoryLoader } from '../modules/reference/index.js';
import { unitLoader, type Unit } from '../modules/unit/index.js';
import { leaderLoader, type Leader } from '../modules/user/index.js';
import { vetoEvidenceLoader } from '../modules/screening/index.js';
import type { AuthUser } from './context.js';

/**
 * DataLoaders live for one request only: a shared one would hand one user's rows to another. Each
 * module makes its own (the module's surface exports it); this is where a request gets them all.
 * The unit and category loaders read without a scope filter, so they serve only names that the
 * parent row's own rules already cover (a row's units, a unit's ancestors, a category's name).
 */
export interface Loaders {
  unitById: DataLoader<string, Unit | null>;
  /** A county's holiday calendar, loaded once per request. */
  calendar: DataLoader<string, HolidayCalendar>;
  /** Category names by code. */
  category: CategoryLoader;
  /** Audits a read of personal data; resolve it before returning the data. */
  personalRead: DataLoader<PersonalRead, true, string>;
  /** For each screening report, the disputes that make it veto evidence (none: not evidence). */
  vetoEvidence: DataLoader<string, string[]>;
  /** A hard case's responsible leader: id and display name. */
  leader: DataLoader<string, Leader | null>;
}

export function createLoaders(em: EntityManager, user: () => AuthUser | null = () => null): Loaders {
  return {
    personalRead: createAuditLoader(em, user),
    vetoEvidence: vetoEvidenceLoader(em),
    calendar: calendarLoader(em),
    category: categoryLoader(em),
    unitById: unitLoader(em),
    leader: leaderLoader(em),
  };
}
