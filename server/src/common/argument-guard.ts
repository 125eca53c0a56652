import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { badInput } from './errors.js';

/**
 * The characters a text may not hold: those outside XML 1.0's `Char` production — the C0 controls
 * other than tab, line feed and carriage return (U+0000 among them, which PostgreSQL cannot store at
 * all), lone UTF-16 surrogates (which would be stored as U+FFFD, silently changing the text), and the
 * non-characters U+FFFE and U+FFFF. Every text may end up in an Excel ledger, which is XML, and none of
 * these has a meaning in a petition, a report or a search. DEL and the C1 controls are valid XML and
 * are stored as they are.
 */
// Without the `u` flag: the surrogate classes must see UTF-16 code units, not code points.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character of `value` that cannot be stored (see UNSTORABLE), as U+XXXX, or null. */
export function unstorableCharacter(value: string): string | null {
  const found = UNSTORABLE.exec(value);
  if (!found) return null;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first string in an argument value (nested input objects and lists) that cannot be stored. */
function findUnstorable(value: unknown, path: Array<string | number>): { path: Array<string | number>; character: string } | null {
  if (typeof value === 'string') {
    const character = unstorableCharacter(value);
    return character ? { path, character } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findUnstorable(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses, with BAD_USER_INPUT, any argument string that cannot be stored, before a resolver sees
 * it. The message names the whole argument path (`input.petitioner.name`); `extensions.field` names
 * it as the services do, inside the `input` argument (`petitioner.name`, `disputes.0.summary`), so
 * the portal's forms show it beside the field; `extensions.argument` carries the whole path.
 */
export function assertStorableArguments(args: Record<string, unknown>): void {
  const found = findUnstorable(args, []);
  if (!found) return;
  const argument = found.path.join('.');
  const field = found.path[0] === 'input' && found.path.length > 1 ? found.path.slice(1).join('.') : argument;
  throw badInput(`"${argument}" contains the character ${found.character}, which a text may not hold.`, {
    field,
    argument,
    reason: 'UNSTORABLE_CHARACTER',
    character: found.character,
  });
}

/**
 * Puts the check in front of every field that takes arguments, in every type, once, after the
 * schema is built: no operation can forget it, and the fields without arguments (nearly all of them)
 * keep their plain, synchronous resolvers. A type-graphql global middleware would do the same but
 * wrap every field of every row in a promise.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        assertStorableArguments(args);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
