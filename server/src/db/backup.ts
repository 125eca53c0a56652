import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { lockDataDir, lockOwner, requestFiles, startEmbeddedDatabase } from './embedded.js';

/** Where the database is: a PostgreSQL URL, or the folder of the embedded database. */
export type DatabaseLocation = { url: string } | { dataDir: string };

export interface BackupResult {
  file: string;
  bytes: number;
  /** How it was taken: pg_dump, through the running server, or from a stopped data folder. */
  method: 'pg_dump' | 'running server' | 'stopped folder';
}

const PG_DUMP_MAGIC = 'PGDMP';

/** Runs one of PostgreSQL's client tools; resolves with its output. */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (err) => fail(new Error(`${command} could not be run (${err.message}): install PostgreSQL's client tools, of the server's version or newer`)));
    child.on('close', (code) => (code === 0 ? done(output) : fail(new Error(`${command} failed (exit ${code}): ${errors.trim()}`))));
  });
}

const psql = (url: string, sql: string) => run('psql', ['--no-psqlrc', '--no-password', '--tuples-only', '--no-align', '--set=ON_ERROR_STOP=1', `--dbname=${url}`, '--command', sql]);

/**
 * Backs up the database into `file` (which must not exist): PostgreSQL with `pg_dump --format=custom`
 * (one consistent snapshot, whatever the server is doing); the embedded database as a gzip'd tar of
 * its data folder, taken by the running server between two transactions after a checkpoint, or, when
 * no server holds the folder, by opening it here.
 */
export async function backup(from: DatabaseLocation, file: string, timeoutMs = 120_000): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${target} exists already: choose a new file for the backup`);
  if ('url' in from) {
    await run('pg_dump', ['--format=custom', '--no-password', `--file=${target}`, `--dbname=${from.url}`]);
    return { file: target, bytes: statSync(target).size, method: 'pg_dump' };
  }
  const dir = resolve(from.dataDir);
  if (!existsSync(dir)) throw new Error(`There is no embedded database in ${dir}`);
  if (lockOwner(dir) !== null) {
    await requestBackup(dir, target, timeoutMs);
    return { file: target, bytes: statSync(target).size, method: 'running server' };
  }
  const db = await startEmbeddedDatabase(dir);
  try {
    await db.backup(target);
  } finally {
    await db.stop();
  }
  return { file: target, bytes: statSync(target).size, method: 'stopped folder' };
}

/** Asks the server holding `dir` for a backup (see `serveBackupRequests` in embedded.ts) and waits for it. */
async function requestBackup(dir: string, file: string, timeoutMs: number): Promise<void> {
  const { request, result } = requestFiles(dir);
  const id = randomUUID();
  const draft = `${request}.${id}`;
  writeFileSync(draft, JSON.stringify({ id, file }), { mode: 0o600 });
  if (existsSync(request)) {
    rmSync(draft, { force: true });
    throw new Error('Another backup of this database is being taken: try again when it has finished');
  }
  renameSync(draft, request);
  const until = Date.now() + timeoutMs;
  const answer = result(id);
  while (!existsSync(answer)) {
    if (Date.now() > until) {
      rmSync(request, { force: true });
      throw new Error(`The server holding ${dir} (process ${lockOwner(dir) ?? '?'}) did not take the backup within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const outcome = JSON.parse(readFileSync(answer, 'utf8')) as { ok: boolean; error?: string };
  rmSync(answer, { force: true });
  if (!outcome.ok) throw new Error(`The server could not take the backup: ${outcome.error}`);
}

/** The role statements of the migration that creates the application role: roles are not in a dump. */
const APP_ROLE_SQL = [
  `do $$ begin
    if not exists (select from pg_roles where rolname = 'xinfang_app') then create role xinfang_app nologin; end if;
  exception when duplicate_object or unique_violation then null;
  end $$`,
  `do $$ begin
    if not pg_has_role(current_user, 'xinfang_app', 'MEMBER') then execute format('grant xinfang_app to %I', current_user); end if;
  end $$`,
];

/**
 * Restores a backup into an empty database: a PostgreSQL database that exists and has no tables
 * (pg_restore in one transaction, objects owned by the restoring role), or an embedded data folder
 * that does not exist yet or is empty. The tar of an embedded database restores only into a folder,
 * and a pg_dump file only into PostgreSQL.
 */
export async function restore(file: string, to: DatabaseLocation): Promise<void> {
  const source = resolve(file);
  const head = readFileSync(source).subarray(0, 5).toString('latin1');
  const isDump = head === PG_DUMP_MAGIC;
  if ('url' in to) {
    if (!isDump) throw new Error(`${source} is not a pg_dump backup (an embedded database's backup restores into DATA_DIR, without DATABASE_URL)`);
    const tables = Number((await psql(to.url, "select count(*) from pg_tables where schemaname = 'public'")).trim());
    if (tables > 0) throw new Error('The target database is not empty: restore into a new database (createdb) and point DATABASE_URL at it');
    for (const sql of APP_ROLE_SQL) await psql(to.url, sql);
    await run('pg_restore', ['--no-owner', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${to.url}`, source]);
    // Default privileges name the role that set them, which on another server may not be the restorer.
    await psql(to.url, 'alter default privileges in schema public grant select, insert, update, delete on tables to xinfang_app');
    await psql(to.url, 'alter default privileges in schema public grant usage, select on sequences to xinfang_app');
    return;
  }
  if (isDump) throw new Error(`${source} is a pg_dump backup: restore it into PostgreSQL (set DATABASE_URL to an empty database)`);
  const dir = resolve(to.dataDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: restore into a new DATA_DIR, or move the old database away first`);
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  try {
    const db = await PGlite.create({
      dataDir: dir,
      loadDataDir: new Blob([readFileSync(source)], { type: 'application/x-gzip' }),
      extensions: { pg_trgm },
    });
    await db.query('select 1');
    await db.close();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    release();
  }
}
