import type { RoleRules } from '../define.js';

/** The supervision group (督查组) follows work across the whole county. */
export const supervisor: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { countyId: user.countyId });
};
