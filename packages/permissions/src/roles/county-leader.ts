import type { RoleRules } from '../define.js';

/** County leaders (县委书记, 县长, 分管领导) see the whole county. */
export const countyLeader: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { countyId: user.countyId });
};
