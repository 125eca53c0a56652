// `pnpm bench`: starts the built server on a fresh embedded PGlite database (or on BENCH_DATABASE_URL)
// and measures start-to-ready, sign-in and the scoped queries over real HTTP. Prints the machine too.
// Bounded: a fixed number of requests to 127.0.0.1, then it stops by itself.
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 4555);
const N = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const base = `http://127.0.0.1:${PORT}`;

const dataDir = mkdtempSync(join(tmpdir(), 'xinfang-bench-'));
let started = performance.now();
const launch = () => {
  started = performance.now();
  return spawn(process.execPath, [join(ROOT, 'server/dist/main.js')], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
};
const stop = async (proc) => {
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
};
let server = launch();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitReady() {
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error('server not ready after 120 s');
    await sleep(50);
  }
}

async function gql(query, variables, token) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function measure(name, count, concurrency, fn) {
  const times = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const s = performance.now();
        await fn(i);
        times.push(performance.now() - s);
      }
    }),
  );
  const wall = performance.now() - t0;
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  return { name, requests: count, concurrency, 'req/s': ((count / wall) * 1000).toFixed(0), 'p50 ms': q(0.5), 'p95 ms': q(0.95), 'max ms': q(1) };
}

try {
  const firstReadyMs = await waitReady();
  await stop(server);
  server = launch();
  const readyMs = await waitReady();
  const login = (u) => gql('mutation($u:String!,$p:String!){ login(username:$u, password:$p){ token } }', { u, p: 'xinfang-demo' });
  const bureau = (await login('bureau')).login.token;
  const qingshan = (await login('qingshan')).login.token;
  const LIST = `query($f: PetitionFilter) { petitions(first: 50, filter: $f) { totalCount edges { node { id number status subject receivedAt warning
    deadlines { current } category { name } locationUnit { name } handlingUnit { name } } } } }`;
  const ONE = `query($id: ID!) { petition(id: $id) { id number status subject content petitioner { name phone } deadlines { acceptBy answerBy current }
    timeline { type actorName at note } availableActions } }`;
  const ids = (await gql('{ petitions(first: 100) { edges { node { id } } } }', {}, bureau)).petitions.edges.map((e) => e.node.id);
  const me = async (token) => (await gql('{ me { unitId unit { countyId } } }', {}, token)).me;
  const county = (await me(bureau)).unit.countyId;
  const township = (await me(qingshan)).unitId;
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const COMPLIANCE = `query($u: ID!, $m: String!) { screeningCompliance(scopeUnitId: $u, month: $m) { unit { name } expected due submitted late missing vetoEvidence
    periods { periodStart status report { id isZeroReport disputeCount } } } }`;
  const DISPUTES = `query($f: DisputeFilter) { disputes(first: 50, filter: $f) { totalCount edges { node { id summary parties status riskLevel resolveBy isOverdue
    category { name } unit { name } } } } }`;
  const CASES = (list) => `query($f: CaseFilter) { ${list}(first: 50, filter: $f) { totalCount edges { node { id number status subject ageDays lastActionAt
    locationUnit { name } ownership { isOwned missing leader { displayName } unit { name } } } } } }`;
  const supervisor = (await login('supervisor')).login.token;
  const land = (await login('land')).login.token;
  const ORDERS = `query($f: SupervisionOrderFilter) { supervisionOrders(first: 50, filter: $f) { totalCount edges { node { id number status dueOn warning requirement
    unit { name } petition { id number } } } } }`;
  const TASKS = `{ conferenceTasks(first: 50, filter: { mine: true }) { totalCount edges { node { id description dueOn doneOn warning conference { title } petition { number } } } } }`;
  const CIRCULARS = `{ circulars(first: 50) { totalCount edges { node { id number title failure publishedOn unit { name } petition { number } } } } }`;
  const year = Number(month.slice(0, 4));
  const FIGURES = `query($u: ID!, $f: Date!, $t: Date!) { figures(scopeUnitId: $u, from: $f, to: $t) { received accepted closed overdue
    closureRate { numerator denominator value } initialClosureRate { value } onTimeRate { value } satisfactionRate { value } settlementRate { value }
    disputeResolutionRate { value } repeatRate { value } repeatRateChange supervisionOnTimeRate { value } byMonth { key count } byCategory { label count } } }`;
  const RECORDS = `query($u: ID!, $f: Date!, $t: Date!) { figureRecords(figure: closureRate, part: DENOMINATOR, scopeUnitId: $u, from: $f, to: $t, first: 50) { totalCount
    edges { node { ... on Petition { id number status subject } } } } }`;
  const secretary = (await login('secretary')).login.token;
  const RESULTS = `query($y: Int!) { assessmentResults(year: $y, unitKind: TOWNSHIP) { rank total vetoStatus unit { name } indicators { figure points numerator denominator } } }`;
  const SCORECARD = `query($u: ID!, $y: Int!) { assessmentResult(unitId: $u, year: $y) { total rank peerCount vetoStatus
    indicators { figure name weight numerator denominator points peerAverage } deductions { kind count evidence { label } } vetoes { status history { step } } objections { status } } }`;
  const results = [
    await measure('login (argon2id)', 40, 2, () => login('bureau')),
    await measure('me', N, CONCURRENCY, () => gql('{ me { username unit { name path { name } } } }', {}, bureau)),
    await measure('units (whole county)', N, CONCURRENCY, () => gql('{ units { id name kind parentId path { name } } }', {}, bureau)),
    await measure('units (township scope)', N, CONCURRENCY, () => gql('{ units { id name kind parentId } }', {}, qingshan)),
    await measure('petitions, page of 50 (bureau)', N, CONCURRENCY, () => gql(LIST, { f: {} }, bureau)),
    await measure('petitions, page of 50 (township)', N, CONCURRENCY, () => gql(LIST, { f: {} }, qingshan)),
    await measure('petitions, text search', N, CONCURRENCY, () => gql(LIST, { f: { text: '补偿' } }, bureau)),
    await measure('petition with timeline and petitioner', N, CONCURRENCY, (i) => gql(ONE, { id: ids[i % ids.length] }, bureau)),
    await measure('screening month, whole county (bureau)', N, CONCURRENCY, () => gql(COMPLIANCE, { u: county, m: month }, bureau)),
    await measure('screening month, township and villages', N, CONCURRENCY, () => gql(COMPLIANCE, { u: township, m: month }, qingshan)),
    await measure('screening periods, one unit, two years', N, CONCURRENCY, () => gql('query($u: ID!, $f: Date!, $t: Date!) { screeningPeriods(unitId: $u, from: $f, to: $t) { periodStart status } }', { u: township, f: `${Number(month.slice(0, 4)) - 2}${month.slice(4)}-01`, t: `${month}-01` }, qingshan)),
    await measure('disputes, page of 50 (bureau)', N, CONCURRENCY, () => gql(DISPUTES, { f: {} }, bureau)),
    await measure('disputes, text search', N, CONCURRENCY, () => gql(DISPUTES, { f: { search: '纠纷' } }, bureau)),
    await measure('key matters, page of 50 with 包案 (bureau)', N, CONCURRENCY, () => gql(CASES('keyMatters'), { f: {} }, bureau)),
    await measure('backlog, page of 50 with 包案 (township)', N, CONCURRENCY, () => gql(CASES('backlog'), { f: {} }, qingshan)),
    await measure('supervision orders, page of 50 (supervisor)', N, CONCURRENCY, () => gql(ORDERS, { f: {} }, supervisor)),
    await measure('supervision orders, the unit’s own (department)', N, CONCURRENCY, () => gql(ORDERS, { f: {} }, land)),
    await measure('conference tasks, the unit’s own (department)', N, CONCURRENCY, () => gql(TASKS, {}, land)),
    await measure('circulars, page of 50 (township)', N, CONCURRENCY, () => gql(CIRCULARS, {}, qingshan)),
    await measure('figures, the county’s last year (bureau)', N, CONCURRENCY, () => gql(FIGURES, { u: county, f: `${year - 1}-01-01`, t: `${year - 1}-12-31` }, bureau)),
    await measure('figures, a township’s year (township)', N, CONCURRENCY, () => gql(FIGURES, { u: township, f: `${year}-01-01`, t: `${year}-12-31` }, qingshan)),
    await measure('figure records, closure rate’s denominator, page of 50', N, CONCURRENCY, () => gql(RECORDS, { u: county, f: `${year - 1}-01-01`, t: `${year - 1}-12-31` }, bureau)),
    await measure('assessment results, last year’s townships (county leader)', N, CONCURRENCY, () => gql(RESULTS, { y: year - 1 }, secretary)),
    await measure('assessment scorecard, the township’s own with its peers’ average', N, CONCURRENCY, () => gql(SCORECARD, { u: township, y: year - 1 }, qingshan)),
    await measure('assessment, computing this year for every unit (bureau)', 3, 1, () => gql('mutation($y: Int!) { computeAssessment(year: $y) { computedAt } }', { y: year }, bureau)),
  ];
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = execSync("lscpu | sed -n 's/^Model name: *//p'").toString().trim() || cpu;
  } catch {
    // no lscpu: keep Node's name for it
  }
  console.log(`machine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`);
  console.log(`database: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded PGlite, fresh data folder'}`);
  console.log(`start to ready, first start (create the database, migrate, load the demo county): ${(firstReadyMs / 1000).toFixed(2)} s`);
  console.log(`start to ready, restart on the same data: ${(readyMs / 1000).toFixed(2)} s`);
  console.table(results);
} finally {
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
}
