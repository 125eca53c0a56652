import type { RoleRules } from '../define.js';

/** The supervision group (督查组) follows the supervised, key and backlog cases of the county. */
export const supervisor: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { countyId: user.countyId });
  can('read', 'Petition', { countyId: user.countyId, isKeyMatter: true });
  can('read', 'Petition', { countyId: user.countyId, isBacklog: true });
  can('read', 'Petition', { countyId: user.countyId, isSupervised: true });
  can('read', 'HolidayCalendar', { countyId: user.countyId });
  can('read', ['ScreeningReport', 'Dispute', 'ScreeningRule'], { countyId: user.countyId });
  // 督查督办: only the supervision group issues and closes orders, publishes circulars (通报) and
  // records accountability (追责); it reads the conferences and their tasks it may supervise.
  can(['read', 'create', 'close'], 'SupervisionOrder', { countyId: user.countyId });
  can(['read', 'create'], ['Circular', 'AccountabilityRecord'], { countyId: user.countyId });
  can('read', ['Conference', 'ConferenceTask'], { countyId: user.countyId });
  // Assessment: the whole table once published.
  can('read', ['AssessmentResult', 'AssessmentVeto', 'AssessmentObjection'], { countyId: user.countyId, stage: 'PUBLISHED' });
};
