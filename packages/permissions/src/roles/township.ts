import type { RoleRules } from '../define.js';

/** A township (镇乡) oversees its own territory: itself, its villages and their groups. */
export const township: RoleRules = ({ can }, user) => {
  can('read', 'Unit', { townshipId: user.unitId });
};
