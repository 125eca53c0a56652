import { registerEnumType } from 'type-graphql';
import { ROLES, UNIT_KINDS, type Role, type UnitKind } from '@xinfang/domain';

/** A GraphQL enum object (`{ A: 'A', … }`) from a list of values in @xinfang/domain. */
export const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

/** GraphQL enums built from the value lists in @xinfang/domain, so there is one list of each. */
export const UnitKindEnum = asEnum<UnitKind>(UNIT_KINDS);
export const RoleEnum = asEnum<Role>(ROLES);

registerEnumType(UnitKindEnum, { name: 'UnitKind', description: 'COUNTY 县, TOWNSHIP 镇乡, VILLAGE 村(居), VILLAGE_GROUP 村民小组, DEPARTMENT 部门, BUREAU 群众工作局, SUPERVISION_GROUP 督查组' });
registerEnumType(RoleEnum, { name: 'Role', description: 'A role of domain.md §3; each has one rule file in @xinfang/permissions' });
