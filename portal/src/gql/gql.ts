/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": typeof types.ChangePasswordDocument,
    "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}": typeof types.SessionUserFragmentDoc,
    "mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": typeof types.LoginDocument,
    "query Me {\n  me {\n    ...SessionUser\n  }\n}": typeof types.MeDocument,
    "query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}": typeof types.UnitsBelowDocument,
    "mutation CreateUnit($input: CreateUnitInput!) {\n  createUnit(input: $input) {\n    ...TreeUnit\n  }\n}": typeof types.CreateUnitDocument,
    "fragment TreeUnit on Unit {\n  id\n  name\n  kind\n  parentId\n  depth\n  sortOrder\n  version\n}\n\nquery Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    ...TreeUnit\n  }\n}": typeof types.TreeUnitFragmentDoc,
    "mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {\n  updateUnit(id: $id, version: $version, input: $input) {\n    ...TreeUnit\n  }\n}": typeof types.UpdateUnitDocument,
    "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}": typeof types.CreateUserDocument,
    "mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n  resetUserPassword(id: $id, version: $version, password: $password) {\n    ...UserRow\n  }\n}": typeof types.ResetUserPasswordDocument,
    "mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {\n  updateUser(id: $id, version: $version, input: $input) {\n    ...UserRow\n  }\n}": typeof types.UpdateUserDocument,
    "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  active\n  lastLoginAt\n  version\n  unitId\n  unit {\n    id\n    name\n    kind\n  }\n}\n\nquery Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...UserRow\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": typeof types.UserRowFragmentDoc,
};
const documents: Documents = {
    "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": types.ChangePasswordDocument,
    "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}": types.SessionUserFragmentDoc,
    "mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": types.LoginDocument,
    "query Me {\n  me {\n    ...SessionUser\n  }\n}": types.MeDocument,
    "query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}": types.UnitsBelowDocument,
    "mutation CreateUnit($input: CreateUnitInput!) {\n  createUnit(input: $input) {\n    ...TreeUnit\n  }\n}": types.CreateUnitDocument,
    "fragment TreeUnit on Unit {\n  id\n  name\n  kind\n  parentId\n  depth\n  sortOrder\n  version\n}\n\nquery Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    ...TreeUnit\n  }\n}": types.TreeUnitFragmentDoc,
    "mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {\n  updateUnit(id: $id, version: $version, input: $input) {\n    ...TreeUnit\n  }\n}": types.UpdateUnitDocument,
    "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}": types.CreateUserDocument,
    "mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n  resetUserPassword(id: $id, version: $version, password: $password) {\n    ...UserRow\n  }\n}": types.ResetUserPasswordDocument,
    "mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {\n  updateUser(id: $id, version: $version, input: $input) {\n    ...UserRow\n  }\n}": types.UpdateUserDocument,
    "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  active\n  lastLoginAt\n  version\n  unitId\n  unit {\n    id\n    name\n    kind\n  }\n}\n\nquery Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...UserRow\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": types.UserRowFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}"): (typeof documents)["mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}"): (typeof documents)["fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}"): (typeof documents)["mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    ...SessionUser\n  }\n}"): (typeof documents)["query Me {\n  me {\n    ...SessionUser\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}"): (typeof documents)["query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUnit($input: CreateUnitInput!) {\n  createUnit(input: $input) {\n    ...TreeUnit\n  }\n}"): (typeof documents)["mutation CreateUnit($input: CreateUnitInput!) {\n  createUnit(input: $input) {\n    ...TreeUnit\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TreeUnit on Unit {\n  id\n  name\n  kind\n  parentId\n  depth\n  sortOrder\n  version\n}\n\nquery Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    ...TreeUnit\n  }\n}"): (typeof documents)["fragment TreeUnit on Unit {\n  id\n  name\n  kind\n  parentId\n  depth\n  sortOrder\n  version\n}\n\nquery Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    ...TreeUnit\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {\n  updateUnit(id: $id, version: $version, input: $input) {\n    ...TreeUnit\n  }\n}"): (typeof documents)["mutation UpdateUnit($id: ID!, $version: Int!, $input: UpdateUnitInput!) {\n  updateUnit(id: $id, version: $version, input: $input) {\n    ...TreeUnit\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}"): (typeof documents)["mutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n  resetUserPassword(id: $id, version: $version, password: $password) {\n    ...UserRow\n  }\n}"): (typeof documents)["mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n  resetUserPassword(id: $id, version: $version, password: $password) {\n    ...UserRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {\n  updateUser(id: $id, version: $version, input: $input) {\n    ...UserRow\n  }\n}"): (typeof documents)["mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {\n  updateUser(id: $id, version: $version, input: $input) {\n    ...UserRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  active\n  lastLoginAt\n  version\n  unitId\n  unit {\n    id\n    name\n    kind\n  }\n}\n\nquery Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...UserRow\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"): (typeof documents)["fragment UserRow on User {\n  id\n  username\n  displayName\n  roles\n  active\n  lastLoginAt\n  version\n  unitId\n  unit {\n    id\n    name\n    kind\n  }\n}\n\nquery Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...UserRow\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;