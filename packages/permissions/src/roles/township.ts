import { PETITIONER_FIELDS } from '../types.js';
import type { RoleRules } from '../define.js';

/**
 * A township (镇乡) oversees its own territory: it reads the petitions located there (without the
 * petitioner's identity unless it handles them), handles those assigned to it like a department, and
 * registers petitions arising in its territory.
 */
export const township: RoleRules = ({ can, cannot }, user) => {
  can('read', 'Unit', { townshipId: user.unitId });
  can('read', 'Petition', { townshipId: user.unitId });
  can(['read', 'object', 'notify', 'answer', 'requestExtension', 'followUp'], 'Petition', { handlingUnitId: user.unitId });
  cannot('read', 'Petition', [...PETITIONER_FIELDS], { handlingUnitId: { $ne: user.unitId } });
  can('create', 'Petition', { townshipId: user.unitId });
  can('followUp', 'Petition', { townshipId: user.unitId });
  can('read', 'HolidayCalendar', { countyId: user.countyId });
  // Screening: its own monthly report; it reads its villages' and groups' and reviews its villages'.
  can(['read', 'create', 'update'], 'ScreeningReport', { unitId: user.unitId });
  can('read', 'ScreeningReport', { townshipId: user.unitId });
  can('review', 'ScreeningReport', { townshipId: user.unitId, unitKind: 'VILLAGE' });
  can(['read', 'escalate', 'link'], 'Dispute', { townshipId: user.unitId });
  // A dispute once escalated is the stability team's (the bureau's) to work on.
  can('update', 'Dispute', { townshipId: user.unitId, escalatedAt: null });
  can('read', 'ScreeningRule', { countyId: user.countyId });
  // Assessment: once published, its villages' scorecards beside its own.
  can('read', ['AssessmentResult', 'AssessmentVeto'], { townshipId: user.unitId, unitKind: 'VILLAGE', stage: 'PUBLISHED' });
};
