import { ROLES, ROLE_UNIT_KINDS, USERNAME_PATTERN, rolesNotFitting } from '@xinfang/domain';
import type { FormItemRule } from 'element-plus';
import { normaliseUsername } from '@/auth/password-rules';
import type { Role, UnitKind } from '@/gql/graphql';

type Translate = (key: string, params?: Record<string, number | string>) => string;
type Validator = NonNullable<FormItemRule['validator']>;

/** The longest display name the server takes. */
export const DISPLAY_NAME_MAX_LENGTH = 50;

/** The roles a user of this kind of unit may hold, in the usual order; none before a unit is chosen. */
export function rolesForUnitKind(kind: UnitKind | null | undefined): Role[] {
  if (!kind) return [];
  return ROLES.filter((role) => ROLE_UNIT_KINDS[role].includes(kind));
}

/** The username rule: the server's own pattern, on the value as the server will keep it. */
export function usernameValidator(t: Translate): Validator {
  return (_rule, value: string, callback) => {
    const username = normaliseUsername(value ?? '');
    if (!username) callback(new Error(t('users.usernameRequired')));
    else if (!USERNAME_PATTERN.test(username)) callback(new Error(t('users.usernameInvalid')));
    else callback();
  };
}

/** The roles rule: at least one, each fitting the unit's kind (`rolesNotFitting` of @xinfang/domain). */
export function rolesValidator(t: Translate, unitKind: () => UnitKind | null | undefined): Validator {
  return (_rule, value: Role[], callback) => {
    const kind = unitKind();
    if (!value?.length) return callback(new Error(t('users.rolesRequired')));
    if (kind && rolesNotFitting(value, kind).length > 0) return callback(new Error(t('error.ROLE_DOES_NOT_FIT_UNIT')));
    callback();
  };
}
