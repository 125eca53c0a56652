import type { RoleRules } from '../define.js';

/** The petition bureau (群众工作局) runs the process for the whole county. */
export const bureau: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { countyId: user.countyId });
};
