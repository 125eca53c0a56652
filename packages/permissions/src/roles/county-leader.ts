import { PETITIONER_FIELDS } from '../types.js';
import type { RoleRules } from '../define.js';

/**
 * County leaders (县委书记, 县长, 分管领导) see the whole county; they read a petitioner's identity only
 * on the cases they own (包案), approve extensions and write instructions (批示) on any case, and take
 * a hard case for themselves (包案).
 */
export const countyLeader: RoleRules = ({ can, cannot }, user) => {
  can('read', 'Unit', { countyId: user.countyId });
  can('read', 'Petition', { countyId: user.countyId });
  cannot('read', 'Petition', [...PETITIONER_FIELDS], { ownerLeaderId: { $ne: user.id } });
  can(['decideExtension', 'instruct'], 'Petition', { countyId: user.countyId });
  // 包案: a leader takes a hard case for itself — one nobody owns yet, or its own — never another's.
  can('own', 'Petition', { countyId: user.countyId, ownerLeaderId: null });
  can('own', 'Petition', { countyId: user.countyId, ownerLeaderId: user.id });
  can('read', 'HolidayCalendar', { countyId: user.countyId });
  can('read', ['ScreeningReport', 'Dispute', 'ScreeningRule'], { countyId: user.countyId });
  // Joint conferences (集中会办) are chaired by leaders: they record them and read every task; they
  // read the supervision group's orders and accountability records.
  can(['read', 'create'], 'Conference', { countyId: user.countyId });
  can('read', ['ConferenceTask', 'SupervisionOrder', 'AccountabilityRecord'], { countyId: user.countyId });
  // Assessment: the county party committee reads every draft, opens the review (公示), publishes the
  // year, confirms or revokes each veto, and records commendations.
  can('read', ['AssessmentScheme', 'AssessmentObjection'], { countyId: user.countyId });
  can(['read', 'publish'], 'AssessmentResult', { countyId: user.countyId });
  can(['read', 'decide'], 'AssessmentVeto', { countyId: user.countyId });
  can(['read', 'create'], 'Commendation', { countyId: user.countyId });
};
