import type { RoleRules } from '../define.js';

/**
 * A village (村/居) sees its own unit; a village's officer also sees its village groups (村民小组), and a
 * village group's officer only its group.
 */
export const village: RoleRules = ({ can }, user) => {
  if (user.unitKind === 'VILLAGE') can('read', 'Unit', { villageId: user.unitId });
  else can('read', 'Unit', { id: user.unitId });
};
