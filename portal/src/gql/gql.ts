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
    "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}": typeof types.SessionUserFragmentDoc,
    "mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": typeof types.LoginDocument,
    "query Me {\n  me {\n    ...SessionUser\n  }\n}": typeof types.MeDocument,
    "query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}": typeof types.UnitsBelowDocument,
    "query Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}": typeof types.UnitsDocument,
    "query Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        username\n        displayName\n        roles\n        active\n        lastLoginAt\n        unit {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": typeof types.UsersDocument,
};
const documents: Documents = {
    "fragment SessionUser on User {\n  id\n  username\n  displayName\n  roles\n  unitId\n  unit {\n    id\n    name\n    kind\n    countyId\n    townshipId\n    villageId\n    path {\n      id\n      name\n      kind\n    }\n  }\n}": types.SessionUserFragmentDoc,
    "mutation Login($username: String!, $password: String!) {\n  login(username: $username, password: $password) {\n    token\n    expiresAt\n    rules\n    user {\n      ...SessionUser\n    }\n  }\n}": types.LoginDocument,
    "query Me {\n  me {\n    ...SessionUser\n  }\n}": types.MeDocument,
    "query UnitsBelow($unitId: ID!) {\n  units(filter: {subtreeOf: $unitId}) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}": types.UnitsBelowDocument,
    "query Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}": types.UnitsDocument,
    "query Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        username\n        displayName\n        roles\n        active\n        lastLoginAt\n        unit {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": types.UsersDocument,
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
export function graphql(source: "query Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}"): (typeof documents)["query Units($filter: UnitFilter) {\n  units(filter: $filter) {\n    id\n    name\n    kind\n    parentId\n    depth\n    sortOrder\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        username\n        displayName\n        roles\n        active\n        lastLoginAt\n        unit {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"): (typeof documents)["query Users($filter: UserFilter, $first: Int, $after: String) {\n  users(filter: $filter, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        username\n        displayName\n        roles\n        active\n        lastLoginAt\n        unit {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;