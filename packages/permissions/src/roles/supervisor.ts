import type { RoleRules } from '../define.js';

/** The supervision group (督查组) follows the supervised, key and backlog cases of the county. */
export const supervisor: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { countyId: user.countyId });
  can('read', 'Petition', { countyId: user.countyId, isKeyMatter: true });
  can('read', 'Petition', { countyId: user.countyId, isBacklog: true });
  can('read', 'Petition', { countyId: user.countyId, isSupervised: true });
  can('read', 'HolidayCalendar', { countyId: user.countyId });
  can('read', ['ScreeningReport', 'Dispute', 'ScreeningRule'], { countyId: user.countyId });
};
