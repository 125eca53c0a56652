import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from '../../server/node_modules/graphql/index.js';

/** The committed SDL, read as any client would read it: the source of the operations the suites cover. */
export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8'));
}

export type OperationKind = 'query' | 'mutation';

export interface Operation {
  kind: OperationKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every query and mutation of the schema, queries first, each sorted by name. */
export function schemaOperations(schema: GraphQLSchema = committedSchema()): Operation[] {
  const of = (kind: OperationKind) => {
    const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {})
      .map((field) => ({ kind, name: field.name, field }))
      .sort((a, b) => a.name.localeCompare(b.name));
  };
  return [...of('query'), ...of('mutation')];
}

/**
 * A selection of every field of a type, to `depth` levels of objects, skipping arguments-taking
 * fields' optional arguments. Used where a test wants all that an answer can carry (the privacy
 * scanner): a field added later is selected without anyone listing it.
 */
export function fullSelection(type: GraphQLOutputType, depth: number, seen: string[] = []): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isUnionType(inner)) {
      if (depth <= 0) continue;
      const members = inner.getTypes().map((t) => `... on ${t.name} { __typename ${fullSelection(t, depth - 1, [...seen, t.name])} }`);
      parts.push(`${field.name} { ${members.join(' ')} }`);
    } else if (isObjectType(inner)) {
      if (depth <= 0 || seen.filter((s) => s === inner.name).length >= 2) continue;
      const sub = fullSelection(field.type, depth - 1, [...seen, inner.name]);
      if (sub) parts.push(`${field.name} { ${sub} }`);
    } else {
      parts.push(field.name);
    }
  }
  return parts.join(' ');
}

/** The smallest selection that identifies what an operation answers (`id`, a connection's rows, or `__typename`). */
export function identitySelection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isUnionType(named)) return '__typename';
  if (!isObjectType(named)) return '';
  const fields = named.getFields();
  if (fields.totalCount && fields.edges) {
    const edge = getNamedType(fields.edges.type);
    const node = isObjectType(edge) ? edge.getFields().node : undefined;
    return `totalCount edges { node { ${node ? identitySelection(node.type) : '__typename'} } }`;
  }
  if (fields.id) return 'id';
  if (fields.unit && isObjectType(getNamedType(fields.unit.type))) return 'unit { id }';
  if (fields.petition && isObjectType(getNamedType(fields.petition.type))) return 'petition { id }';
  return '__typename';
}

/** The SDL spelling of an argument's type (`ID!`, `[Role!]`, `PetitionFilter`). */
export function typeName(type: GraphQLInputType): string {
  if (isNonNullType(type)) return `${typeName(type.ofType)}!`;
  if (isListType(type)) return `[${typeName(type.ofType as GraphQLInputType)}]`;
  return type.name;
}

/**
 * A document that runs one operation with the given variables: each variable is declared with the
 * argument's type from the schema, so a test writes only the values.
 */
export function documentFor(op: Operation, variables: Record<string, unknown>, selection = identitySelection(op.field.type)): string {
  const args = op.field.args.filter((a) => a.name in variables);
  const unknown = Object.keys(variables).filter((k) => !op.field.args.some((a) => a.name === k));
  if (unknown.length) throw new Error(`${op.name} has no argument ${unknown.join(', ')}`);
  const declared = args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const body = selection ? ` { ${selection} }` : '';
  return `${op.kind}${declared ? `(${declared})` : ''} { ${op.name}${passed ? `(${passed})` : ''}${body} }`;
}

/** Whether an argument type is (or wraps) a scalar or an enum, for generic argument makers. */
export const isLeafInput = (type: GraphQLInputType): boolean => {
  const named = getNamedType(type);
  return isScalarType(named) || isEnumType(named);
};

export { isInputObjectType };
