import type { RoleRules } from '../define.js';

/** A county department answers the cases assigned to it and nothing else. */
export const department: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { id: user.unitId });
  can(['read', 'object', 'notify', 'answer', 'requestExtension', 'followUp'], 'Petition', { handlingUnitId: user.unitId });
  can('read', 'HolidayCalendar', { countyId: user.countyId });
  can(['read', 'create', 'update'], 'ScreeningReport', { unitId: user.unitId });
  can(['read', 'escalate', 'link'], 'Dispute', { unitId: user.unitId });
  can('update', 'Dispute', { unitId: user.unitId, escalatedAt: null });
  can('read', 'ScreeningRule', { countyId: user.countyId });
};
