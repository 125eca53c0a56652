import fc from 'fast-check';
import { addDays, shanghaiDate } from '@xinfang/domain';

/**
 * Arguments for every query and mutation, generated from the schema the running server answers to
 * (introspection), so that an operation added later is fuzzed without anyone writing a line for it.
 */

/** One generated request: which root field, the document, its variables. */
export interface FuzzCase {
  kind: 'query' | 'mutation';
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** What the generators draw on besides pure noise: real ids and versions, so some cases go deep. */
export interface FuzzPools {
  ids: string[];
  /** Ids of units, for arguments named after a unit (`locationUnitId`, `scopeUnitId`, …). */
  unitIds: string[];
  /** Ids by what they are: an operation on petitions draws its `id` mostly from the petitions'. */
  idsOf: Partial<Record<'petition' | 'dispute' | 'report' | 'rule' | 'unit', string[]>>;
  /** Category codes, for `categoryCode`. */
  codes: string[];
  versions: number[];
  strings: string[];
}

/** A type as introspection describes it. */
interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  defaultValue: string | null;
  type: TypeRef;
}
interface FullType {
  kind: string;
  name: string;
  fields: Array<{ name: string; args: InputValue[]; type: TypeRef }> | null;
  inputFields: InputValue[] | null;
  enumValues: Array<{ name: string }> | null;
}
/** The schema as the generators read it: the root types' names and every named type. */
export interface Schema {
  query: string;
  mutation: string | null;
  types: Map<string, FullType>;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types { kind name
  fields { name args { name defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } }
  inputFields { name defaultValue type { ${TYPE_REF} } } enumValues { name } } } }`;

/** Reads the schema of a running server (introspection is on outside production). */
export async function fetchSchema(url: string): Promise<Schema> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: INTROSPECTION }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: { __schema: { queryType: { name: string }; mutationType: { name: string } | null; types: FullType[] } } };
  if (!body.data) throw new Error(`introspection failed: ${text.slice(0, 500)}`);
  const s = body.data.__schema;
  return { query: s.queryType.name, mutation: s.mutationType?.name ?? null, types: new Map(s.types.map((t) => [t.name, t])) };
}

/** The type as written in a document: `[DisputeInput!]!`. */
export function typeString(t: TypeRef): string {
  if (t.kind === 'NON_NULL') return `${typeString(t.ofType!)}!`;
  if (t.kind === 'LIST') return `[${typeString(t.ofType!)}]`;
  return t.name!;
}

const namedOf = (t: TypeRef): string => (t.ofType ? namedOf(t.ofType) : t.name!);

const today = shanghaiDate();

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83D', '\uDE00b', '\uD83D\uD83D', '\uDE00\uD83D'];
const ODD_TEXT = [
  '', ' ', '\t', '\n', '\r\n', '%', '_', '\\', '%_%', "'", '"', '`', "'; drop table petition; --", "' or '1'='1", '$1', '?', ':name',
  '${x}', '{{x}}', '<script>alert(1)</script>', 'null', 'undefined', 'true', '0', '-1', '1e309', 'NaN', 'Infinity',
  '\u202E反转', '\uFEFF', '\u200B', '\u00A0', '\u3000', '\u007F', '\u0085', '\uFFFD', '\uFFFE', '\uFFFF', '😀', '𠀀', '👨‍👩‍👧',
  'Ａ', 'İ', 'ß', 'é', 'é', '../../etc/passwd', 'C:\\Windows', 'x'.repeat(101), '中'.repeat(201), '1'.repeat(19),
  '360999198001010016', '13800000001', 'ABCDE-23456', 'SFX-2026-00001', 'SFX-', '2026-01', '2026-13', '0000-00',
];
const ODD_DATES = [
  today, addDays(today, -1), addDays(today, 1), addDays(today, -400), addDays(today, 400), '2000-01-01', '1999-12-31', '1970-01-01',
  '0001-01-01', '0000-01-01', '9999-12-31', '2024-02-29', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1',
  '26-01-01', '2026/01/01', '2026-01-01T00:00:00Z', '20260101', '+2026-01-01', '-2026-01-01', '', 'today', `${today.slice(0, 8)}01`,
];
const ODD_DATETIMES = ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000+08:00', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z', 'yesterday', ''];
const INT_EDGES = [0, 1, -1, 2, 3, 5, 10, 15, 16, 30, 31, 199, 200, 201, 365, 366, 999, 2000, 2100, 100000, 100001, 1_000_000_000, 2147483647, -2147483648];
/** Values that are not 32-bit integers at all, for the server's own coercion to refuse. */
const NOT_INTS: unknown[] = [2147483648, -2147483649, 1.5, 1e308, '1', true, [], {}];
const UUID_EDGES = ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '', '1', '-1', ' ', 'SFX-2026-00001'];

/** Text of every kind a hostile or careless client sends. */
export function hostileString(pools: FuzzPools): fc.Arbitrary<string> {
  const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
  const plain = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.stringMatching(/^[\u4e00-\u9fa5]{1,30}$/),
  );
  return fc.oneof(
    { weight: 4, arbitrary: plain },
    { weight: 3, arbitrary: pools.strings.length ? fc.constantFrom(...pools.strings) : plain },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT) },
    { weight: 2, arbitrary: fc.tuple(plain, control, plain).map(([a, c, b]) => a + c + b) },
    { weight: 2, arbitrary: fc.tuple(plain, plain).map(([a, b]) => `${a}\u0000${b}`) },
    { weight: 2, arbitrary: fc.tuple(plain, fc.constantFrom(...LONE_SURROGATES)).map(([a, s]) => a + s) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: control, maxLength: 10 }) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('x', '中', '%', '😀', 'a\u0000'), fc.constantFrom(255, 2001, 20_001, 100_000)).map(([c, n]) => c.repeat(n)),
    },
  );
}

/** A well-formed value of a scalar, as a careful client would send it. */
function cleanScalar(name: string, argName: string, pools: FuzzPools): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID': {
      const known = /unit|parent|subtree/i.test(argName) && pools.unitIds.length ? pools.unitIds : pools.ids;
      return known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
    }
    case 'Int':
      return /version/i.test(argName) ? fc.constantFrom(...pools.versions) : fc.integer({ min: 0, max: 30 });
    case 'Float':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.integer({ min: -90, max: 3 }).map((d) => addDays(today, d));
    case 'DateTimeISO':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'JSON':
      return fc.jsonValue({ maxDepth: 1 });
    default:
      if (/categoryCode/i.test(argName) && pools.codes.length) return fc.constantFrom(...pools.codes);
      return fc.oneof(
        { weight: 3, arbitrary: pools.strings.length ? fc.constantFrom(...pools.strings) : fc.string() },
        { weight: 3, arbitrary: fc.stringMatching(/^[\u4e00-\u9fa5]{2,30}$/) },
        { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{3,16}$/) },
      );
  }
}

function scalarValue(name: string, argName: string, pools: FuzzPools): fc.Arbitrary<unknown> {
  const text = hostileString(pools);
  switch (name) {
    case 'ID':
      return fc.oneof(
        { weight: 5, arbitrary: pools.ids.length ? fc.constantFrom(...pools.ids) : fc.uuid() },
        { weight: 3, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
        { weight: 2, arbitrary: fc.constantFrom(...UUID_EDGES) },
        { weight: 1, arbitrary: text },
        { weight: 1, arbitrary: fc.integer() },
      );
    case 'Int':
      return fc.oneof(
        { weight: /version/i.test(argName) ? 6 : 1, arbitrary: fc.constantFrom(...pools.versions) },
        { weight: 3, arbitrary: fc.integer({ min: -3, max: 40 }) },
        { weight: 3, arbitrary: fc.constantFrom(...INT_EDGES) },
        { weight: 1, arbitrary: fc.integer({ min: -2147483648, max: 2147483647 }) },
        { weight: 1, arbitrary: fc.constantFrom(...NOT_INTS) },
      );
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 0.5));
    case 'Boolean':
      return fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 0, 1) });
    case 'Date':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...ODD_DATES) },
        { weight: 3, arbitrary: fc.integer({ min: -800, max: 60 }).map((d) => addDays(today, d)) },
        { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
        { weight: 1, arbitrary: text },
      );
    case 'DateTimeISO':
      return fc.oneof(fc.constantFrom(...ODD_DATETIMES), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text);
    case 'JSON':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      return text;
  }
}

const built = new WeakMap<FuzzPools, Map<string, fc.Arbitrary<unknown>>>();

/** A value for an input type: mostly well-typed, sometimes null, missing or of the wrong shape. */
export function inputValue(schema: Schema, type: TypeRef, argName: string, pools: FuzzPools, clean: boolean, depth = 0): fc.Arbitrary<unknown> {
  // Built once per type and place: the clean and wild variants refer to each other, and building
  // them afresh at every level grows exponentially with the depth of the input types.
  const cache = built.get(pools) ?? new Map<string, fc.Arbitrary<unknown>>();
  built.set(pools, cache);
  const key = `${typeString(type)}|${/version/i.test(argName) ? 'version' : isNamedScalar(schema, type) ? argName : ''}|${clean}|${depth}`;
  let arbitrary = cache.get(key);
  if (!arbitrary) {
    arbitrary = buildValue(schema, type, argName, pools, clean, depth);
    cache.set(key, arbitrary);
  }
  return arbitrary;
}

const isNamedScalar = (schema: Schema, type: TypeRef): boolean => schema.types.get(namedOf(type))?.kind === 'SCALAR';

function buildValue(schema: Schema, type: TypeRef, argName: string, pools: FuzzPools, clean: boolean, depth: number): fc.Arbitrary<unknown> {
  // A careful value with, now and then, one wild leaf in it: deep enough to reach the services'
  // own checks, and hostile enough at the point where it is.
  if (clean) return fc.oneof({ weight: 12, arbitrary: cleanValue(schema, type, argName, pools, depth) }, { weight: 1, arbitrary: inputValue(schema, type, argName, pools, false, depth) });
  if (type.kind === 'NON_NULL') {
    const inner = inputValue(schema, type.ofType!, argName, pools, false, depth);
    return fc.oneof({ weight: 30, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const nullable = (arb: fc.Arbitrary<unknown>) => fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  if (type.kind === 'LIST') {
    const item = inputValue(schema, type.ofType!, argName, pools, false, depth + 1);
    return nullable(
      fc.oneof(
        { weight: 6, arbitrary: fc.array(item, { maxLength: 3 }) },
        // A single value where a list is wanted: GraphQL coerces it to a list of one.
        { weight: 1, arbitrary: item },
        { weight: 1, arbitrary: fc.array(item, { minLength: 50, maxLength: 120 }) },
      ),
    );
  }
  const named = schema.types.get(type.name!)!;
  if (named.kind === 'ENUM') {
    const values = named.enumValues!.map((v) => v.name);
    return nullable(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', values[0]!.toLowerCase(), '', '__proto__', 'constructor') },
      ),
    );
  }
  if (named.kind === 'INPUT_OBJECT') {
    if (depth > 3) return fc.constant(null);
    const fields = named.inputFields!;
    const record = fc.record(
      Object.fromEntries(fields.map((f) => [f.name, inputValue(schema, f.type, f.name, pools, false, depth + 1)])),
      // Required fields are nearly always there; optional ones come and go.
      { requiredKeys: fields.filter((f) => f.type.kind === 'NON_NULL' && f.defaultValue == null).map((f) => f.name) },
    ) as fc.Arbitrary<Record<string, unknown>>;
    return nullable(
      fc.oneof(
        { weight: 12, arbitrary: record },
        { weight: 1, arbitrary: record.map((r) => ({ ...r, notAField: 1 })) },
        { weight: 1, arbitrary: fc.constantFrom({}, 'text', 1, []) },
      ),
    );
  }
  return nullable(scalarValue(named.name, argName, pools));
}

/** The well-formed value of an input type; its leaves may still turn wild (inputValue). */
function cleanValue(schema: Schema, type: TypeRef, argName: string, pools: FuzzPools, depth: number, nullable = true): fc.Arbitrary<unknown> {
  if (type.kind === 'NON_NULL') return cleanValue(schema, type.ofType!, argName, pools, depth, false);
  const maybe = (arb: fc.Arbitrary<unknown>) => (nullable ? fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }) : arb);
  if (type.kind === 'LIST') return maybe(fc.array(inputValue(schema, type.ofType!, argName, pools, true, depth + 1), { maxLength: 3 }));
  const named = schema.types.get(type.name!)!;
  if (named.kind === 'ENUM') return maybe(fc.constantFrom(...named.enumValues!.map((v) => v.name)));
  if (named.kind === 'INPUT_OBJECT') {
    if (depth > 3) return fc.constant(null);
    const fields = named.inputFields!;
    return maybe(
      fc.record(Object.fromEntries(fields.map((f) => [f.name, inputValue(schema, f.type, f.name, pools, true, depth + 1)])), {
        requiredKeys: fields.filter((f) => f.type.kind === 'NON_NULL' && f.defaultValue == null).map((f) => f.name),
      }),
    );
  }
  return maybe(cleanScalar(named.name, argName, pools));
}

/**
 * The fields a case asks for: the leaves of what it answers, `id` of the objects in it, and the
 * node ids of a connection. The input is what is fuzzed; a small selection keeps each case cheap.
 */
function selection(schema: Schema, typeName: string, depth = 0): string {
  const type = schema.types.get(typeName)!;
  if (type.kind === 'SCALAR' || type.kind === 'ENUM') return '';
  if (type.kind !== 'OBJECT') return '{ __typename }';
  const parts: string[] = [];
  for (const field of type.fields ?? []) {
    if (field.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue == null)) continue;
    const named = schema.types.get(namedOf(field.type))!;
    if (named.kind === 'SCALAR' || named.kind === 'ENUM') {
      if (depth === 0 || field.name === 'id') parts.push(field.name);
    } else if (depth === 0 || ['edges', 'node'].includes(field.name)) parts.push(`${field.name} ${selection(schema, named.name, depth + 1)}`);
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

export interface FuzzOperation {
  kind: 'query' | 'mutation';
  field: string;
  arbitrary: fc.Arbitrary<FuzzCase>;
}

/**
 * Every root field of the schema, each with its generator of cases. Built one operation at a time
 * with a turn of the event loop between them: a long synchronous build would keep the client from
 * noticing the server closing its idle kept-alive connections, and the next request would meet a
 * reset connection.
 */
export async function operations(schema: Schema, pools: FuzzPools): Promise<FuzzOperation[]> {
  const roots: Array<['query' | 'mutation', string | null]> = [
    ['query', schema.query],
    ['mutation', schema.mutation],
  ];
  // The operation's own kind of record most of the time, any record now and then; one pool (and
  // one cache of generators) per kind.
  const poolsOf = new Map<string | null, FuzzPools>([[null, pools]]);
  for (const [subject, own] of Object.entries(pools.idsOf)) {
    if (own?.length) poolsOf.set(subject, { ...pools, ids: [...own, ...own, ...own, ...pools.ids] });
  }
  const out: FuzzOperation[] = [];
  for (const [kind, rootName] of roots) {
    for (const field of rootName ? (schema.types.get(rootName)!.fields ?? []) : []) {
      await new Promise((resolve) => setImmediate(resolve));
      out.push(operation(schema, kind, field, poolsOf));
    }
  }
  return out;
}

function operation(schema: Schema, kind: 'query' | 'mutation', field: { name: string; args: InputValue[]; type: TypeRef }, poolsOf: Map<string | null, FuzzPools>): FuzzOperation {
  const subject = /dispute/i.test(field.name) ? 'dispute' : /report/i.test(field.name) ? 'report' : /rule/i.test(field.name) ? 'rule' : /unit/i.test(field.name) ? 'unit' : /petition|answer/i.test(field.name) ? 'petition' : null;
  const opPools = poolsOf.get(subject) ?? poolsOf.get(null)!;
  const declared = field.args.map((a, i) => `$a${i}: ${typeString(a.type)}`).join(', ');
  const passed = field.args.map((a, i) => `${a.name}: $a${i}`).join(', ');
  const query = `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection(schema, namedOf(field.type))} }`;
  const arbs = (clean: boolean) => Object.fromEntries(field.args.map((a, i) => [`a${i}`, inputValue(schema, a.type, a.name, opPools, clean)]));
  const careful = fc.record(arbs(true)) as fc.Arbitrary<Record<string, unknown>>;
  const wild = fc.record(arbs(false)) as fc.Arbitrary<Record<string, unknown>>;
  // A required variable is left out now and then: the server must say so, not fail.
  const some = fc.record(arbs(false), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
  const variables = field.args.length
    ? fc.oneof({ weight: 10, arbitrary: careful }, { weight: 5, arbitrary: wild }, { weight: 1, arbitrary: some })
    : fc.constant({});
  return { kind, field: field.name, arbitrary: variables.map((v): FuzzCase => ({ kind, field: field.name, query, variables: v })) };
}
