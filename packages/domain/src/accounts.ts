import { ROLE_UNIT_KINDS, type Role, type UnitKind } from './organisation.js';

/** Usernames: 3–32 characters of lower-case letters, digits, ".", "_" and "-". */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** The shortest password an account may be given. */
export const PASSWORD_MIN_LENGTH = 10;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): 'TOO_SHORT' | 'TOO_LONG' | 'SAME_AS_USERNAME' | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (password.length > 200) return 'TOO_LONG';
  if (username && password.toLowerCase() === username.toLowerCase()) return 'SAME_AS_USERNAME';
  return null;
}

/** The roles that a user of this kind of unit may not hold (empty when every role fits). */
export function rolesNotFitting(roles: readonly Role[], unitKind: UnitKind): Role[] {
  return roles.filter((role) => !ROLE_UNIT_KINDS[role].includes(unitKind));
}
