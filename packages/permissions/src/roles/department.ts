import type { RoleRules } from '../define.js';

/** A county department answers the cases assigned to it and nothing else: it sees its own unit. */
export const department: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { id: user.unitId });
};
