import type { RoleRules } from '../define.js';

/**
 * The system administrator manages the county's units and accounts, and nothing of the petition work:
 * no rule here may ever name a petition or a petitioner.
 */
export const admin: RoleRules = ({ can }, user) => {
  can('manage', 'Unit', { countyId: user.countyId });
  can('manage', 'User', { countyId: user.countyId });
};
