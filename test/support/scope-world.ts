import fc from 'fast-check';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { bootstrapCounty } from '@xinfang/server';
import { gql, signIn, type TestPlatform } from './api-server.js';
import type { PetitionKind, RefPetition, RefUnit, RefUser, Role, UnitKind } from './scope-reference.js';

// ----------------------------------------------------------------------------- the generated spec

/** A county's tree: per township its villages, per village its number of groups; and departments. */
export interface CountySpec {
  townships: number[][];
  departments: number;
}

export type UserKind = 'COUNTY_LEADER' | 'LEADER_ADMIN' | 'BUREAU' | 'DEPARTMENT' | 'TOWNSHIP' | 'VILLAGE' | 'VILLAGE_GROUP' | 'SUPERVISOR' | 'ADMIN';

/** A choice among candidates: among the units of the world's users (to make relations likely), or any. */
export interface Choice {
  viaUser: boolean;
  n: number;
}

export interface UserSpec {
  county: number;
  kind: UserKind;
  unit: number;
  /** Units to filter the petition list by (`filter: { unitId }`), any unit of the world. */
  filters: number[];
  /** Petitions to read by id (`petition(id)`): a sample, since each is one request. */
  reads: number[];
  /** Petitions to search for by the petitioner's name. */
  searches: number[];
  /** Another filter of the list, within the scope. */
  narrow: Narrow;
}

export type Narrow = 'KEY' | 'BACKLOG' | 'ACCUSATIONS';

/** OBJECTED: assigned, then the handling unit objected (异议) and the case went back to the bureau. */
export type Stage = 'REGISTERED' | 'ACCEPTED' | 'ASSIGNED' | 'OBJECTED';

export interface PetitionSpec {
  county: number;
  kind: PetitionKind;
  location: Choice;
  respondent: Choice | null;
  stage: Stage;
  handler: Choice;
  isKeyMatter: boolean;
  isBacklog: boolean;
  isSupervised: boolean;
  /** The n-th county leader of its county owns it (包案), when there is one. */
  owner: number | null;
  nameInSubject: boolean;
}

export interface WorldSpec {
  counties: [CountySpec, CountySpec];
  users: UserSpec[];
  petitions: PetitionSpec[];
}

const choice = fc.record({ viaUser: fc.boolean(), n: fc.nat(1000) });
const county = (maxTownships: number, maxVillages: number, maxGroups: number, maxDepartments: number) =>
  fc.record({
    townships: fc.array(fc.array(fc.nat(maxGroups), { maxLength: maxVillages }), { minLength: 1, maxLength: maxTownships }),
    departments: fc.integer({ min: 1, max: maxDepartments }),
  });

/** A moderate world: a county of up to ~25 units and a small second one, 10–14 users, 36–60 petitions. */
export const worldArb: fc.Arbitrary<WorldSpec> = fc.record({
  counties: fc.tuple(county(4, 3, 2, 3), county(2, 2, 1, 2)),
  users: fc.array(
    fc.record({
      county: fc.constantFrom(0, 0, 0, 0, 1),
      kind: fc.constantFrom<UserKind>('COUNTY_LEADER', 'COUNTY_LEADER', 'LEADER_ADMIN', 'BUREAU', 'DEPARTMENT', 'DEPARTMENT', 'TOWNSHIP', 'TOWNSHIP', 'TOWNSHIP', 'VILLAGE', 'VILLAGE', 'VILLAGE_GROUP', 'SUPERVISOR', 'ADMIN'),
      unit: fc.nat(1000),
      filters: fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }),
      reads: fc.array(fc.nat(1000), { minLength: 16, maxLength: 16 }),
      searches: fc.array(fc.nat(1000), { minLength: 3, maxLength: 3 }),
      narrow: fc.constantFrom<Narrow>('KEY', 'BACKLOG', 'ACCUSATIONS'),
    }),
    { minLength: 10, maxLength: 14 },
  ),
  petitions: fc.array(
    fc.record({
      county: fc.constantFrom(0, 0, 0, 1),
      kind: fc.constantFrom<PetitionKind>('CLAIM', 'CLAIM', 'SUGGESTION', 'ACCUSATION', 'ACCUSATION'),
      location: choice,
      respondent: fc.option(choice, { freq: 3 }),
      stage: fc.constantFrom<Stage>('REGISTERED', 'ACCEPTED', 'ASSIGNED', 'ASSIGNED', 'ASSIGNED', 'OBJECTED'),
      handler: choice,
      isKeyMatter: fc.boolean(),
      isBacklog: fc.oneof(fc.constant(false), fc.constant(false), fc.boolean()),
      isSupervised: fc.oneof(fc.constant(false), fc.constant(false), fc.boolean()),
      owner: fc.option(fc.nat(10), { freq: 2 }),
      nameInSubject: fc.boolean(),
    }),
    { minLength: 36, maxLength: 60 },
  ),
});

// ----------------------------------------------------------------------------- the built world

export interface BuiltUser extends RefUser {
  token: string;
  spec: UserSpec;
}

export interface BuiltWorld {
  units: RefUnit[];
  users: BuiltUser[];
  petitions: RefPetition[];
  /** What the API could not do and the SQL did (see the test's header). */
  notes: string[];
  /** The petitions whose handling unit objected, and that unit. */
  objectedBy: Map<string, string>;
}

const KIND_OF_USER: Record<UserKind, { roles: Role[]; kinds: UnitKind[] }> = {
  COUNTY_LEADER: { roles: ['COUNTY_LEADER'], kinds: ['COUNTY'] },
  LEADER_ADMIN: { roles: ['COUNTY_LEADER', 'ADMIN'], kinds: ['COUNTY'] },
  BUREAU: { roles: ['BUREAU'], kinds: ['BUREAU'] },
  DEPARTMENT: { roles: ['DEPARTMENT'], kinds: ['DEPARTMENT'] },
  TOWNSHIP: { roles: ['TOWNSHIP'], kinds: ['TOWNSHIP'] },
  VILLAGE: { roles: ['VILLAGE'], kinds: ['VILLAGE', 'TOWNSHIP'] },
  VILLAGE_GROUP: { roles: ['VILLAGE'], kinds: ['VILLAGE_GROUP', 'VILLAGE', 'TOWNSHIP'] },
  SUPERVISOR: { roles: ['SUPERVISOR'], kinds: ['SUPERVISION_GROUP'] },
  ADMIN: { roles: ['ADMIN'], kinds: ['COUNTY'] },
};
const ROLE_FOR_KIND: Record<UnitKind, Role> = {
  COUNTY: 'COUNTY_LEADER', TOWNSHIP: 'TOWNSHIP', VILLAGE: 'VILLAGE', VILLAGE_GROUP: 'VILLAGE', DEPARTMENT: 'DEPARTMENT', BUREAU: 'BUREAU', SUPERVISION_GROUP: 'SUPERVISOR',
};

const TERRITORIAL: UnitKind[] = ['COUNTY', 'TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP'];
const HANDLERS: UnitKind[] = ['DEPARTMENT', 'TOWNSHIP', 'BUREAU'];
const DIGITS = '零一二三四五六七八九';
const cn = (n: number, width: number) => String(n).padStart(width, '0').replace(/\d/g, (d) => DIGITS[Number(d)]!);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Runs `fn` over `items`, `width` at a time, keeping the order of the results. */
export async function inPool<T, R>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes
async function must<T = any>(platform: TestPlatform, token: string, what: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await gql(platform.url, query, variables, token);
  if (answer.errors?.length || !answer.data) throw new Error(`world building: ${what} failed: ${answer.text}`);
  return answer.data as T;
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/**
 * Builds a generated world on a running platform, through the HTTP API wherever the API can do it:
 * two counties (created with the server's own bootstrap function, as `pnpm bootstrap` does), their
 * units and accounts made by each county's administrator, petitions registered, accepted, assigned
 * and flagged by the county's bureau. `world` is a number unique on this platform, for names.
 */
export async function buildWorld(platform: TestPlatform, spec: WorldSpec, world: number): Promise<BuiltWorld> {
  const tag = `W${pad(world, 3)}`;
  const notes: string[] = [];
  const sql = (statement: string, params: unknown[]) => platform.orm.em.getConnection().execute(statement, params);
  const units: RefUnit[] = [];
  const admins: BuiltUser[] = [];
  const registrars: BuiltUser[] = [];
  const users: BuiltUser[] = [];
  const password = `scope-pass-${tag}`;
  const commissions = new Set<string>();
  const objectedBy = new Map<string, string>();

  // Counties, their trees and their discipline commissions.
  for (const [c, cs] of spec.counties.entries()) {
    const countyName = `随机${tag}${c === 0 ? '甲' : '乙'}县`;
    const adminUsername = `adm-${tag.toLowerCase()}-${c}`;
    const { county, admin } = await bootstrapCounty(platform.orm.em.fork(), { countyName, adminUsername, adminPassword: password, countyCode: `${tag}${c}` });
    const token = await signIn(platform.url, adminUsername, password);
    const countyUnit: RefUnit = { id: county.id, name: countyName, kind: 'COUNTY', countyId: county.id, path: [county.id] };
    units.push(countyUnit);
    const seeded = (await must<{ units: Array<{ id: string; name: string; kind: UnitKind }> }>(platform, token, 'units', '{ units { id name kind } }')).units;
    for (const u of seeded) if (u.id !== county.id) units.push({ id: u.id, name: u.name, kind: u.kind, countyId: county.id, path: [county.id, u.id] });
    admins.push({ id: admin.id, username: adminUsername, roles: ['ADMIN'], unit: countyUnit, token, spec: { county: c, kind: 'ADMIN', unit: 0, filters: [0, 1, 2, 3], reads: [0, 1, 2, 3, 4, 5, 6, 7], searches: [0, 1, 2], narrow: 'KEY' } });

    const create = async (name: string, kind: UnitKind, parent: RefUnit): Promise<RefUnit> => {
      const made = await must(platform, token, `createUnit ${name}`, 'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input: { name, kind, parentId: parent.id } });
      return { id: made.createUnit.id, name, kind, countyId: county.id, path: [...parent.path, made.createUnit.id] } satisfies RefUnit;
    };
    // Level by level, a few at a time.
    const departments = await inPool(Array.from({ length: cs.departments }, (_, d) => d), 4, (d) => create(`${tag}${c}局${cn(d, 1)}`, 'DEPARTMENT', countyUnit));
    const townships = await inPool(cs.townships, 4, (_, t) => create(`${tag}${c}乡${cn(t, 1)}`, 'TOWNSHIP', countyUnit));
    const villageSpecs = cs.townships.flatMap((villages, t) => villages.map((groups, v) => ({ township: townships[t]!, v, groups })));
    const villages = await inPool(villageSpecs, 4, (vs) => create(`${vs.township.name}村${cn(vs.v, 1)}`, 'VILLAGE', vs.township));
    const groupSpecs = villageSpecs.flatMap((vs, i) => Array.from({ length: vs.groups }, (_, g) => ({ village: villages[i]!, g })));
    const groups = await inPool(groupSpecs, 4, (gs) => create(`${gs.village.name}组${cn(gs.g, 1)}`, 'VILLAGE_GROUP', gs.village));
    // In the order of the spec, whatever order the answers came in: the world is the seed's.
    units.push(...departments, ...townships, ...villages, ...groups);
    // The API cannot make a discipline commission (CreateUnitInput has no `function`; only the demo
    // county's seed has one), and accusations may be assigned only to it: the first department is made
    // one in SQL.
    await sql(`update unit set "function" = 'DISCIPLINE_COMMISSION' where id = ?`, [departments[0]!.id]);
    commissions.add(departments[0]!.id);
  }
  notes.push('discipline commission: unit.function set in SQL');

  const ofCounty = (c: number) => units.filter((u) => u.countyId === units.filter((x) => x.kind === 'COUNTY')[c]!.id);
  const countyIds = units.filter((u) => u.kind === 'COUNTY').map((u) => u.id);

  // Accounts: one bureau officer per county to register and route, then the generated ones.
  const accounts: Array<{ unit: RefUnit; roles: Role[]; spec: UserSpec; registrar: boolean }> = [];
  for (const c of [0, 1]) {
    const bureau = ofCounty(c).find((u) => u.kind === 'BUREAU')!;
    accounts.push({ unit: bureau, roles: ['BUREAU'], spec: { county: c, kind: 'BUREAU', unit: 0, filters: [4, 5, 6, 7], reads: [8, 9, 10, 11, 12, 13, 14, 15], searches: [3, 4, 5], narrow: c === 0 ? 'ACCUSATIONS' : 'BACKLOG' }, registrar: true });
  }
  for (const us of spec.users) {
    const { roles, kinds } = KIND_OF_USER[us.kind];
    const candidates = kinds.map((k) => ofCounty(us.county).filter((u) => u.kind === k)).find((list) => list.length)!;
    const unit = pick(candidates, us.unit)!;
    // A VILLAGE_GROUP or VILLAGE spec that fell back to a township takes the township's role.
    const fitted = roles.length === 1 && roles[0] === 'VILLAGE' ? [ROLE_FOR_KIND[unit.kind]] : roles;
    accounts.push({ unit, roles: fitted, spec: us, registrar: false });
  }
  const made = await inPool(accounts, 4, async (a, i) => {
    const username = `u-${tag.toLowerCase()}-${pad(i, 2)}`;
    const created = await must(platform, admins[a.spec.county]!.token, `createUser ${username}`, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { username, displayName: `用户${cn(i, 2)}`, unitId: a.unit.id, roles: a.roles, password },
    });
    const token = await signIn(platform.url, username, password);
    return { id: created.createUser.id as string, username, roles: a.roles, unit: a.unit, token, spec: a.spec, registrar: a.registrar };
  });
  for (const m of made) (m.registrar ? registrars : users).push(m);
  users.unshift(...registrars, ...admins);

  // Petitions.
  const today = shanghaiDate();
  const received = addDays(today, -1);
  const petitions = await inPool(spec.petitions, 4, async (ps, i): Promise<RefPetition> => {
    const here = ofCounty(ps.county);
    const userUnits = users.filter((u) => u.unit.countyId === countyIds[ps.county]).map((u) => u.unit);
    const choose = (ch: Choice, kinds: UnitKind[]) => {
      const fromUsers = userUnits.filter((u) => kinds.includes(u.kind));
      return pick(ch.viaUser && fromUsers.length ? fromUsers : here.filter((u) => kinds.includes(u.kind)), ch.n)!;
    };
    const location = choose(ps.location, TERRITORIAL);
    const respondent = ps.respondent ? choose(ps.respondent, ['COUNTY', 'TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP', 'DEPARTMENT', 'BUREAU', 'SUPERVISION_GROUP']) : null;
    const name = `访民${tag}${ps.county}甲${cn(i, 3)}`;
    const phone = `139${pad(world, 4)}${pad(ps.county, 1)}${pad(i, 3)}`;
    const address = `${tag}路${cn(i, 3)}号`;
    const subject = ps.nameInSubject ? `${name}反映机耕道损毁` : `反映${location.name}机耕道损毁`;
    const keyword = `事由${tag}${ps.county}丙${cn(i, 3)}`;
    const content = `${name}（电话${phone}，住${address}）来信反映${location.name}的问题（${keyword}），请求依法解决。`;
    const respondentName = respondent ? `${respondent.name}工作人员` : null;
    const registrar = registrars[ps.county]!;
    const step = async (what: string, query: string, variables: Record<string, unknown>) => (await must(platform, registrar.token, what, query, variables)) as Record<string, { id: string; version: number }>;
    const registered = await step('registerPetition', 'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id version } }', {
      input: {
        channel: 'LETTER', kind: ps.kind, categoryCode: 'RURAL', subject, content, receivedAt: received, headcount: 1, locationUnitId: location.id,
        petitioner: { name, phone, address }, respondentUnitId: respondent?.id ?? null, respondentName,
      },
    });
    const id = registered.registerPetition!.id;
    let version = registered.registerPetition!.version;
    let handler: RefUnit | null = null;
    // An accusation against the bureau itself: the bureau may register it, and may do nothing else with
    // it (docs/domain.md §3: the respondent unit may not act on the accusation); it stays registered.
    const stuck = ps.kind === 'ACCUSATION' && respondent?.id === registrar.unit.id;
    const flagged = !stuck && (ps.isKeyMatter || ps.isBacklog);
    if (ps.stage !== 'REGISTERED' && !stuck) {
      version = (await step('acceptPetition', 'mutation($id: ID!, $v: Int!) { acceptPetition(id: $id, version: $v) { id version } }', { id, v: version })).acceptPetition!.version;
    }
    if ((ps.stage === 'ASSIGNED' || ps.stage === 'OBJECTED') && !stuck) {
      // An accusation goes to the discipline commission; nothing goes to the unit it complains about.
      const target =
        ps.kind === 'ACCUSATION' ? here.find((u) => commissions.has(u.id))! : choose(ps.handler, HANDLERS);
      if (target.id !== respondent?.id) {
        version = (await step('assignPetition', 'mutation($id: ID!, $v: Int!, $h: ID!) { assignPetition(id: $id, version: $v, handlingUnitId: $h, mode: ASSIGN) { id version } }', { id, v: version, h: target.id })).assignPetition!.version;
        handler = target;
      }
      // The handling unit's own officer objects: the petition leaves its hands.
      const objector = handler && ps.stage === 'OBJECTED' ? users.find((u) => u.unit.id === handler!.id && (u.roles.includes('DEPARTMENT') || u.roles.includes('TOWNSHIP'))) : undefined;
      if (objector) {
        const answer = await gql(platform.url, 'mutation($id: ID!, $v: Int!) { objectToAssignment(id: $id, version: $v, reason: "不属本单位职权") { id version } }', { id, v: version }, objector.token);
        if (answer.errors?.length || !answer.data) throw new Error(`world building: objectToAssignment failed: ${answer.text}`);
        version = answer.data.objectToAssignment.version;
        objectedBy.set(id, handler!.id);
        handler = null;
      }
    }
    if (flagged) {
      await step('flagPetition', 'mutation($id: ID!, $v: Int!, $k: Boolean, $b: Boolean) { flagPetition(id: $id, version: $v, isKeyMatter: $k, isBacklog: $b) { id version } }', { id, v: version, k: ps.isKeyMatter, b: ps.isBacklog });
    }
    const leaders = users.filter((u) => u.unit.countyId === countyIds[ps.county] && u.roles.includes('COUNTY_LEADER'));
    const owner = ps.owner === null ? undefined : pick(leaders, ps.owner);
    return {
      id, countyId: countyIds[ps.county]!, kind: ps.kind, location, handler, respondent, isKeyMatter: flagged && ps.isKeyMatter, isBacklog: flagged && ps.isBacklog,
      isSupervised: ps.isSupervised, ownerLeaderId: owner?.id ?? null, subject, content, keyword, respondentName, petitioner: { name, phone, address },
    };
  });
  // Neither a supervision order (督查督办) nor a leader's ownership (包案) can be made through the API
  // yet: both are written in SQL, as the demo seed writes them.
  for (const p of petitions) {
    if (p.isSupervised) await sql('update petition set is_supervised = true where id = ?', [p.id]);
    if (p.ownerLeaderId) await sql('update petition set owner_leader_id = ? where id = ?', [p.ownerLeaderId, p.id]);
  }
  notes.push('isSupervised and ownerLeaderId: set in SQL');
  return { units, users, petitions, notes, objectedBy };
}
