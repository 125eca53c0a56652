import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { createLogger, loadConfig, startServer, type RunningServer } from '@xinfang/server';
import { signIn } from '../support/api-server.js';

// Trust suite 7 (issue 8): the database stops and returns under load, and the server is killed in
// the middle of writes. A throwaway PostgreSQL cluster of the test's own (initdb, pg_ctl) on a free
// port, so stopping it touches nobody else; the killed server is the built one (server/dist), run
// as a child process, as in production.

const run = promisify(execFile);
const PG_BIN = '/usr/lib/postgresql/15/bin';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'server', 'dist', 'main.js');
const VERIFY = join(ROOT, 'server', 'dist', 'scripts', 'verify-timeline.js');
const GQL = 'application/graphql-response+json';
const today = shanghaiDate();

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds; the machine may be slow, so the writes are counted, not timed. */
async function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(25);
  }
}

/** A PostgreSQL cluster in a fresh folder, owned by the postgres user (initdb refuses root). */
class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'xinfang-faults-pg-'));
  port = 0;

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private pg(args: string[]) {
    return run('runuser', ['-u', 'postgres', '--', ...args], { timeout: 60_000 });
  }

  async init(): Promise<void> {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    chownSync(this.dir, uid, uid);
    this.port = await freePort();
    await this.pg([`${PG_BIN}/initdb`, '-D', join(this.dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    await this.start();
  }

  async start(): Promise<void> {
    // fsync stays on: a killed server's acknowledged writes must be on disk, not in a page cache.
    await this.pg([`${PG_BIN}/pg_ctl`, '-D', join(this.dir, 'data'), '-o', `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir}`, '-w', '-l', join(this.dir, 'log'), 'start']);
  }

  async stop(): Promise<void> {
    await this.pg([`${PG_BIN}/pg_ctl`, '-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  async createDatabase(): Promise<string> {
    const name = `xinfang_faults_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    return name;
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes
type Answer = { status: number; headers: Headers; body: any; ms: number };

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string, timeoutMs = 8_000): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GQL, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, headers: res.headers, body: await res.json(), ms: Date.now() - started };
}

const codeOf = (answer: Answer): unknown => answer.body?.errors?.[0]?.extensions?.code;

const REGISTER = 'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }';

const visit = (locationUnitId: string, n: string) => ({
  channel: 'VISIT',
  kind: 'CLAIM',
  categoryCode: 'LAND',
  subject: `故障测试 ${n}`,
  content: `信访人反映承包地被占用（故障测试 ${n}）。`,
  receivedAt: addDays(today, -1),
  headcount: 1,
  locationUnitId,
  petitioner: { name: '覃大山', idNumber: '360999198001010016', phone: '13800000001', address: '石桥村三组' },
});

async function villageId(url: string, token: string): Promise<string> {
  const units = await post(url, '{ units { id name } }', {}, token);
  const id = (units.body.data.units as Array<{ id: string; name: string }>).find((u) => u.name === '石桥村')?.id;
  if (!id) throw new Error('no 石桥村 in the demo county');
  return id;
}

/** Writers registering petitions in a loop; each acknowledged id is kept, each refusal's code too. */
function writers(url: string, token: string, unitId: string, count: number) {
  const acknowledged: string[] = [];
  const refusals: Array<{ code: unknown; message: unknown; status: number }> = [];
  let stopped = false;
  let n = 0;
  const loops = Array.from({ length: count }, async (_, w) => {
    while (!stopped) {
      const label = `${w}-${n++}`;
      try {
        const answer = await post(url, REGISTER, { input: visit(unitId, label) }, token);
        const id = answer.body?.data?.registerPetition?.id as string | undefined;
        if (id) acknowledged.push(id);
        else refusals.push({ code: codeOf(answer), message: answer.body?.errors?.[0]?.message, status: answer.status });
      } catch (err) {
        // The connection itself failed: not acknowledged; a killed server does this.
        refusals.push({ code: (err as Error).name, message: (err as Error).message, status: 0 });
        await sleep(50);
      }
    }
  });
  return {
    acknowledged,
    refusals,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** No petition without its registration event, no event or audit row without its petition. */
async function expectWhole(query: (sql: string) => Promise<Array<Record<string, unknown>>>, acknowledged: string[]) {
  const count = async (sql: string) => Number((await query(sql))[0]!.n);
  expect(await count(`select count(*) as n from petition p where not exists (select 1 from petition_event e where e.petition_id = p.id)`)).toBe(0);
  expect(await count(`select count(*) as n from petition_event e where not exists (select 1 from petition p where p.id = e.petition_id)`)).toBe(0);
  const ids = acknowledged.map((id) => `'${id}'`).join(',') || `'00000000-0000-4000-8000-000000000000'`;
  expect(await count(`select count(*) as n from petition where id in (${ids})`)).toBe(acknowledged.length);
}

/** The built server as a child process, until it says it is ready. */
async function spawnServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', JWT_SECRET: `faults-${randomBytes(24).toString('hex')}`, SEED_DEMO: 'true', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { child, url, output: () => output };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become ready: ${output}`);
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('faults', () => {
  const cluster = new Cluster();
  const pgliteDir = mkdtempSync(join(tmpdir(), 'xinfang-faults-pglite-'));
  // The embedded database's first start (PGlite's own initdb, migrations, the demo county) is the
  // slowest step: it runs while the PostgreSQL tests do. Settled, so that a failure waits for its test.
  let pglite: Promise<{ ok: true; value: Awaited<ReturnType<typeof spawnServer>>; ms: number } | { ok: false; error: unknown }>;
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('Build the server first: pnpm --filter @xinfang/server build');
    const began = Date.now();
    pglite = spawnServer({ DATA_DIR: pgliteDir, DATABASE_URL: '' }).then(
      (value) => ({ ok: true as const, value, ms: Date.now() - began }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await cluster.init();
  });
  afterAll(async () => {
    const started = await (pglite as typeof pglite | undefined);
    if (started?.ok) await killed(started.value.child);
    rmSync(pgliteDir, { recursive: true, force: true });
    await cluster.destroy();
  });

  // Migrated and seeded once, by the in-process server. The built server on the same database lives
  // through the outage too (a real process, which an unhandled driver error would end), and is the
  // one killed afterwards.
  let database: string;
  let built: Awaited<ReturnType<typeof spawnServer>>;
  const dataDir = mkdtempSync(join(tmpdir(), 'xinfang-faults-data-'));
  afterAll(async () => {
    if (built) await killed(built.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('PostgreSQL stopped and restarted under load', () => {
    let server: RunningServer;
    beforeAll(async () => {
      database = await cluster.createDatabase();
      const config = loadConfig(process.env, {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: cluster.urlOf(database),
        embeddedPath: undefined,
        seedDemo: true,
        portalDir: '/nonexistent',
        jwtSecret: new TextEncoder().encode(`faults-${randomBytes(16).toString('hex')}`),
      });
      server = await startServer(config, createLogger(process.env.LOG_LEVEL ?? 'silent'));
      const began = Date.now();
      built = await spawnServer({ DATABASE_URL: cluster.urlOf(database), DATA_DIR: dataDir });
      console.log(`faults: the built server on PostgreSQL was ready in ${Date.now() - began} ms`);
    });
    afterAll(async () => server?.stop());

    it('answers 503 and SERVICE_UNAVAILABLE while it is down, serves again within 5 s of its return, and keeps every acknowledged write', async () => {
      const token = await signIn(server.url, 'bureau');
      const builtToken = await signIn(built.url, 'bureau');
      const unitId = await villageId(server.url, token);
      const load = writers(server.url, token, unitId, 4);
      await until(() => load.acknowledged.length >= 5);
      const beforeStop = load.acknowledged.length;
      expect(beforeStop).toBeGreaterThan(0);

      await cluster.stop();
      const ready = await fetch(`${server.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'database unavailable' }]);
      expect((await fetch(`${built.url}/readyz`)).status).toBe(503);
      const builtMe = await post(built.url, '{ me { username } }', {}, builtToken);
      expect([builtMe.status, codeOf(builtMe)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      // A signed-in request: its user cannot be read, so it is refused before it runs.
      const me = await post(server.url, '{ me { username } }', {}, token);
      expect([me.status, codeOf(me), me.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '5']);
      expect(me.body.errors[0].message).toMatch(/temporarily unavailable.*database cannot be reached/);
      expect(me.ms).toBeLessThan(5_000);
      // A request that reaches a resolver: the same code, as a field error.
      const login = await post(server.url, 'mutation { login(username: "bureau", password: "xinfang-demo") { token } }', {});
      expect([login.status, codeOf(login)]).toEqual([200, 'SERVICE_UNAVAILABLE']);
      expect(login.ms).toBeLessThan(5_000);
      await sleep(1_000);
      const refusedWhileDown = load.refusals.length;

      await cluster.start();
      const back = Date.now();
      let servedAfter = Infinity;
      while (Date.now() - back < 10_000) {
        const answer = await post(server.url, '{ me { username } }', {}, token).catch(() => undefined);
        if (answer?.body?.data?.me?.username === 'bureau') {
          servedAfter = Date.now() - back;
          break;
        }
        await sleep(100);
      }
      console.log(`faults: served again ${servedAfter} ms after PostgreSQL returned; ${refusedWhileDown} writes refused while it was down`);
      expect(servedAfter).toBeLessThan(5_000);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      // The built server lived through it and serves again too.
      expect([built.child.exitCode, built.child.signalCode]).toEqual([null, null]);
      let builtBack = false;
      while (!builtBack && Date.now() - back < 10_000) {
        const answer = await post(built.url, '{ me { username } }', {}, builtToken).catch(() => undefined);
        builtBack = answer?.body?.data?.me?.username === 'bureau';
        if (!builtBack) await sleep(100);
      }
      expect(builtBack).toBe(true);
      const resumed = load.acknowledged.length;
      await until(() => load.acknowledged.length >= resumed + 3);
      await load.stop();
      expect(load.acknowledged.length).toBeGreaterThan(resumed);

      expect(refusedWhileDown).toBeGreaterThan(0);
      expect(load.refusals.filter((r) => r.code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
      const check = new pg.Client({ connectionString: cluster.urlOf(database) });
      await check.connect();
      try {
        await expectWhole(async (sql) => (await check.query(sql)).rows as Array<Record<string, unknown>>, load.acknowledged);
      } finally {
        await check.end();
      }
    });
  });

  it('leaves no half-written petition when the server is killed in the middle of writes (PostgreSQL)', async () => {
    const databaseUrl = cluster.urlOf(database);
    const { child, url } = built;
    const began = Date.now();
    const token = await signIn(url, 'bureau');
    const load = writers(url, token, await villageId(url, token), 6);
    await until(() => load.acknowledged.length >= 12);
    await killed(child);
    await load.stop();
    console.log(`faults: writes for ${Date.now() - began} ms`);
    expect(load.acknowledged.length).toBeGreaterThan(0);
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    try {
      await expectWhole(async (sql) => (await check.query(sql)).rows as Array<Record<string, unknown>>, load.acknowledged);
    } finally {
      await check.end();
    }
    // The timeline's hash chain has no gap and no half-appended link.
    const verified = await run(process.execPath, [VERIFY], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } });
    expect(verified.stdout + verified.stderr).not.toMatch(/broken/i);
    console.log(`faults: PostgreSQL: ${load.acknowledged.length} petitions acknowledged before SIGKILL, every one present and whole`);
  });

  it('reopens the embedded database after a SIGKILL with every acknowledged write', async () => {
    const dataDir = pgliteDir;
    const started = await pglite;
    if (!started.ok) throw started.error;
    const { child, url } = started.value;
    console.log(`faults: the built server on PGlite was ready in ${started.ms} ms`);
    const token = await signIn(url, 'bureau');
    const load = writers(url, token, await villageId(url, token), 4);
    await until(() => load.acknowledged.length >= 12);
    await killed(child);
    await load.stop();
    expect(load.acknowledged.length).toBeGreaterThan(0);

    // Reopened in this process, on the same folder: the dead process's lock is taken over.
    const began = Date.now();
    const reopened = await startServer(
      loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, { port: 0, host: '127.0.0.1', seedDemo: true, portalDir: '/nonexistent' }),
      createLogger(process.env.LOG_LEVEL ?? 'silent'),
    );
    console.log(`faults: PGlite reopened in ${Date.now() - began} ms`);
    try {
      const conn = reopened.orm.em.getConnection();
      await expectWhole(async (sql) => conn.execute(sql), load.acknowledged);
      const again = await signIn(reopened.url, 'bureau');
      const sample = load.acknowledged.at(-1)!;
      const petition = await post(reopened.url, 'query($id: ID!) { petition(id: $id) { id timeline { type } } }', { id: sample }, again);
      expect(petition.body.data.petition.id).toBe(sample);
      expect(petition.body.data.petition.timeline.length).toBeGreaterThan(0);
    } finally {
      await reopened.stop();
    }
    console.log(`faults: PGlite: ${load.acknowledged.length} petitions acknowledged before SIGKILL, every one present after reopening`);
  });
});
