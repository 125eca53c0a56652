import type { RoleRules } from '../define.js';

/**
 * The petition bureau (群众工作局) runs the process for the whole county: it registers, accepts or
 * declines, routes, tracks, extends, closes and flags every petition, and keeps the holiday calendar.
 */
export const bureau: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { countyId: user.countyId });
  can(
    ['read', 'create', 'accept', 'decline', 'assign', 'notify', 'decideExtension', 'rate', 'requestReview', 'decideReview', 'close', 'followUp', 'flag', 'own'],
    'Petition',
    { countyId: user.countyId },
  );
  can(['read', 'update'], 'HolidayCalendar', { countyId: user.countyId });
  can('read', 'AuditRecord', { countyId: user.countyId });
  // Screening: it reads every report and chases the missing ones, reviews the townships' and
  // departments' monthly reports, keeps the cadence rules, and works for the stability team
  // (信访维稳工作组) on escalated disputes.
  can('read', 'ScreeningReport', { countyId: user.countyId });
  can('review', 'ScreeningReport', { countyId: user.countyId, unitKind: { $in: ['TOWNSHIP', 'DEPARTMENT'] } });
  can(['read', 'update', 'escalate', 'link'], 'Dispute', { countyId: user.countyId });
  can(['read', 'update'], 'ScreeningRule', { countyId: user.countyId });
  // Hard cases: it records the joint conferences and follows their tasks; it reads the supervision
  // group's orders, circulars and accountability records (the assessment's evidence).
  can(['read', 'create'], 'Conference', { countyId: user.countyId });
  can(['read', 'update'], 'ConferenceTask', { countyId: user.countyId });
  can('read', ['SupervisionOrder', 'AccountabilityRecord'], { countyId: user.countyId });
  // Assessment: it keeps the schemes, computes the results, proposes vetoes, answers objections and
  // records commendations; the county party committee decides vetoes and publishes.
  can(['read', 'update'], 'AssessmentScheme', { countyId: user.countyId });
  can(['read', 'compute'], 'AssessmentResult', { countyId: user.countyId });
  can(['read', 'create'], 'AssessmentVeto', { countyId: user.countyId });
  can(['read', 'answer'], 'AssessmentObjection', { countyId: user.countyId });
  can(['read', 'create'], 'Commendation', { countyId: user.countyId });
};
