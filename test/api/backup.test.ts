import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { backup, restore, verifyChains } from '@xinfang/server';
import { startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** What must come back: every petition, every timeline event, each county's chain head, the audit. */
async function fingerprint(query: Query) {
  const digest = async (table: string, order: string) =>
    (await query(`select count(*)::int as rows, md5(coalesce(string_agg(to_jsonb(t)::text, '|' order by ${order}), '')) as md5 from ${table} t`))[0];
  return {
    petitions: await digest('petition', 't.id'),
    timelines: await digest('petition_event', 't.county_id, t.seq'),
    heads: await query('select county_id, last_seq::text as last_seq, last_hash from petition_chain order by county_id'),
    reads: await digest('audit_record', 't.id'),
    changes: await digest('audit_change', 't.id'),
  };
}

/** Through the server's own (application role) connection, in UTC so that timestamps print alike. */
const viaServer = (platform: TestPlatform): Query => (sql) =>
  platform.orm.em.fork().transactional(async (tx) => {
    await tx.getConnection().execute("set local time zone 'UTC'", [], 'run', tx.getTransactionContext());
    return tx.getConnection().execute(sql, [], 'all', tx.getTransactionContext());
  });

async function viaUrl<T>(url: string, work: (query: Query) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set time zone 'UTC'");
    return await work(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

async function adminSql(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const petition = (unitId: string, n: number) => ({
  channel: 'LETTER',
  kind: 'SUGGESTION',
  categoryCode: 'LAND',
  subject: `备份测试来信 ${n}`,
  content: `信访人建议（第 ${n} 件）：在村口增设路灯。`,
  receivedAt: addDays(shanghaiDate(), -1),
  headcount: 1,
  locationUnitId: unitId,
  petitioner: { name: `备份${n}`, phone: '13800000123' },
});

/** Registers and accepts a petition, so that the backup has fresh rows, events and audit rows. */
async function work(platform: TestPlatform, n: number) {
  const bureau = await Client.as(platform.url, 'bureau');
  const units = ok(await bureau.query('{ units { id name } }')).units as Array<{ id: string; name: string }>;
  const p = ok(await bureau.register(petition(units.find((u) => u.name === '石桥村')!.id, n))).registerPetition;
  ok(await bureau.act('acceptPetition', p.id, p.version));
  return { bureau, units, id: p.id as string };
}

describe('backup and restore', () => {
  const folder = mkdtempSync(join(tmpdir(), 'xinfang-backup-'));
  const platforms: TestPlatform[] = [];
  const dropped: string[] = [];
  const start = async (...args: Parameters<typeof startTestPlatform>) => {
    const platform = await startTestPlatform(...args);
    platforms.push(platform);
    return platform;
  };
  afterAll(async () => {
    for (const p of platforms.reverse()) await p.stop().catch(() => undefined);
    for (const name of dropped) await adminSql(`drop database if exists ${name} with (force)`);
    rmSync(folder, { recursive: true, force: true });
  });

  it('copies PostgreSQL with pg_dump while it runs, and restores it into a new database with the same petitions, timelines and chain heads', async () => {
    const source = await start('postgres');
    await work(source, 1);
    const file = join(folder, 'postgres.dump');
    const made = await backup({ url: source.databaseUrl }, file);
    expect(made).toMatchObject({ method: 'pg_dump' });
    expect(made.bytes).toBeGreaterThan(100_000);
    const before = await viaUrl(source.databaseUrl, fingerprint);

    const name = `xinfang_restored_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await adminSql(`create database ${name}`);
    dropped.push(name);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    await restore(file, { url: url.toString() });
    expect(await viaUrl(url.toString(), fingerprint)).toEqual(before);
    expect(before.timelines!.rows).toBeGreaterThan(1000);
    // A database that is not empty is refused, not merged into.
    await expect(restore(file, { url: url.toString() })).rejects.toThrow(/not empty/);

    // The restored database serves, as the application role, with its chain whole.
    const restored = await start('postgres', { databaseUrl: url.toString(), seedDemo: false });
    expect((await verifyChains(restored.orm.em.fork())).breaks).toEqual([]);
    const bureau = await Client.as(restored.url, 'bureau');
    expect(ok(await bureau.query('{ petitions(first: 1) { totalCount } }')).petitions.totalCount).toBe(before.petitions!.rows);
    expect((await restored.orm.em.getConnection().execute('select current_user as who'))[0].who).toBe('xinfang_app');
  });

  it('copies the embedded database through the server holding it, between two transactions, while it writes', async () => {
    // The demo county is seeded in memory (on disk its thousands of commits are slow), copied by the
    // snapshot the server takes for `pnpm backup`, and restored into the folder served below.
    const seeded = await start('pglite');
    const seed = join(folder, 'seed.tar.gz');
    await seeded.embedded!.backup(seed);
    await seeded.stop();
    const dataDir = join(folder, 'source', 'pgdata');
    await restore(seed, { dataDir });
    const source = await start('pglite', { embeddedPath: dataDir, seedDemo: false });
    const { bureau, units, id: acknowledged } = await work(source, 2);
    const village = units.find((u) => u.name === '石桥村')!.id;

    // `pnpm backup` from another process asks the server holding the folder; writes go on meanwhile.
    const file = join(folder, 'embedded.tar.gz');
    const writes = Promise.all([3, 4, 5, 6, 7, 8].map((n) => bureau.register(petition(village, n))));
    expect(await backup({ dataDir }, file)).toMatchObject({ method: 'running server' });
    const written = (await writes).map((answer) => ok(answer).registerPetition.id as string);

    const restoredDir = join(folder, 'restored', 'pgdata');
    await restore(file, { dataDir: restoredDir });
    await expect(restore(file, { dataDir: restoredDir })).rejects.toThrow(/not empty/);
    await expect(restore(file, { url: ADMIN_URL })).rejects.toThrow(/not a pg_dump backup/);
    const restored = await start('pglite', { embeddedPath: restoredDir, seedDemo: false });
    expect((await verifyChains(restored.orm.em.fork())).breaks).toEqual([]);

    // The copy is the source as it stood at one moment between two transactions: its chain head is an
    // event of the source's chain, its timeline the source's up to there, its petitions the source's
    // rows, and what it lacks is only among the writes still in flight.
    const there = viaServer(restored);
    const here = viaServer(source);
    const [head] = await there("select county_id, last_seq::text as seq, last_hash from petition_chain where county_id = (select county_id from petition order by created_at desc limit 1)");
    const upTo = `(select * from petition_event where county_id = '${head!.county_id}' and seq <= ${head!.seq})`;
    expect((await here(`select hash from petition_event where county_id = '${head!.county_id}' and seq = ${head!.seq}`))[0]!.hash).toBe(head!.last_hash);
    const ids = (await there('select id from petition')).map((r) => `'${r.id}'`).join(', ');
    const digest = async (query: Query, table: string, order: string) =>
      (await query(`select count(*)::int as rows, md5(string_agg(to_jsonb(t)::text, '|' order by ${order})) as md5 from ${table} t`))[0];
    expect(await digest(there, upTo, 't.seq')).toEqual(await digest(here, upTo, 't.seq'));
    expect(await digest(there, `(select * from petition where id in (${ids}))`, 't.id')).toEqual(await digest(here, `(select * from petition where id in (${ids}))`, 't.id'));
    expect(ids).toContain(acknowledged);
    const missing = (await here(`select id from petition where id not in (${ids})`)).map((r) => r.id);
    expect(written).toEqual(expect.arrayContaining(missing));
    // No half-written registration: every petition has its first event, every event its petition.
    expect(await there("select id from petition p where not exists (select 1 from petition_event e where e.petition_id = p.id and e.type = 'REGISTERED')")).toEqual([]);
    expect(await there('select id from petition_event e where not exists (select 1 from petition p where p.id = e.petition_id)')).toEqual([]);

    // With no server holding the folder, the backup opens it itself.
    await restored.stop();
    expect(await backup({ dataDir: restoredDir }, join(folder, 'stopped.tar.gz'))).toMatchObject({ method: 'stopped folder' });
  }, 120_000);
});
