import { PETITIONER_FIELDS } from '../types.js';
import type { RoleRules } from '../define.js';

/**
 * A village (村/居) sees its own unit and its village groups (村民小组), and a village group's officer
 * only its group. Villages read the petitions located there (never the petitioner's identity: they
 * do not handle cases), register petitions raised locally and follow up locally.
 */
export const village: RoleRules = ({ can, cannot }, user) => {
  const where: Record<string, string> = user.unitKind === 'VILLAGE' ? { villageId: user.unitId } : { locationUnitId: user.unitId };
  if (user.unitKind === 'VILLAGE') can('read', 'Unit', { villageId: user.unitId });
  else can('read', 'Unit', { id: user.unitId });
  can(['read', 'create', 'followUp'], 'Petition', where);
  cannot('read', 'Petition', [...PETITIONER_FIELDS]);
  can('read', 'HolidayCalendar', { countyId: user.countyId });
  // Screening: a village submits its own half-monthly report, reads and reviews its groups' weekly
  // ones and resolves their disputes locally; a village group only its own.
  can(['read', 'create', 'update'], 'ScreeningReport', { unitId: user.unitId });
  if (user.unitKind === 'VILLAGE') {
    can('read', 'ScreeningReport', { villageId: user.unitId });
    can('review', 'ScreeningReport', { villageId: user.unitId, unitKind: 'VILLAGE_GROUP' });
    can('read', 'Dispute', { villageId: user.unitId });
    can('update', 'Dispute', { villageId: user.unitId, escalatedAt: null });
  } else {
    can('read', 'Dispute', { unitId: user.unitId });
    can('update', 'Dispute', { unitId: user.unitId, escalatedAt: null });
  }
  can('read', 'ScreeningRule', { countyId: user.countyId });
};
