import { Unit } from '../modules/unit/unit.entity.js';
import { User } from '../modules/user/user.entity.js';
import { LoginThrottle } from '../modules/auth/login-throttle.entity.js';
import { RevokedSession } from '../modules/auth/revoked-session.entity.js';
import { CalendarDay } from '../modules/calendar/calendar-day.entity.js';
import { Petition } from '../modules/petition/petition.entity.js';
import { CategoryRoute, PetitionCategory } from '../modules/reference/category.entity.js';
import { PetitionChain, PetitionEvent, PetitionSequence } from '../modules/petition/petition-event.entity.js';
import { Dispute, ScreeningEvent, ScreeningReport, ScreeningRule } from '../modules/screening/screening.entity.js';
import { AuditRecord } from '../modules/audit/audit-record.entity.js';
import { AuditChange } from '../modules/audit/audit-change.entity.js';
import { Notification, NotificationRead, SweepRun } from '../modules/notification/notification.entity.js';
import { Conference, ConferenceItem, ConferenceTask } from '../modules/supervision/conference.entity.js';
import { AccountabilityRecord, Circular, SupervisionEvent, SupervisionOrder } from '../modules/supervision/supervision.entity.js';
import { AssessmentObjection, AssessmentResult, AssessmentScheme, AssessmentVeto, AssessmentVetoEvent, AssessmentYear, Commendation } from '../modules/assessment/assessment.entity.js';

/** Every entity, listed once: discovery by folder scanning breaks between src/ and dist/. */
export const ENTITIES = [Unit, User, LoginThrottle, RevokedSession, CalendarDay, PetitionCategory, CategoryRoute, Petition, PetitionEvent, PetitionChain, PetitionSequence, AuditRecord, AuditChange, ScreeningRule, ScreeningReport, Dispute, ScreeningEvent, Notification, NotificationRead, SweepRun, Conference, ConferenceItem, ConferenceTask, SupervisionOrder, SupervisionEvent, Circular, AccountabilityRecord,
  AssessmentYear, AssessmentScheme, AssessmentResult, AssessmentVeto, AssessmentVetoEvent, AssessmentObjection, Commendation];
