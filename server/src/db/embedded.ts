import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** An embedded PostgreSQL (PGlite) served on a loopback port, reached by the ordinary driver. */
export interface EmbeddedDatabase {
  url: string;
  /** Writes a consistent copy of the data folder to `file` (a gzip'd tar); see `writeSnapshot`. */
  backup(file: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Opens (or creates) the PGlite database in `dir` — in memory when `dir` is undefined — and serves it
 * on a free loopback port. It serves one connection at a time, so the pool that uses it must hold one.
 */
export async function startEmbeddedDatabase(dir: string | undefined): Promise<EmbeddedDatabase> {
  let release = () => {};
  if (dir) {
    mkdirSync(dir, { recursive: true });
    release = lockDataDir(dir);
  }
  try {
    const db = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
    const stopServing = dir ? serveBackupRequests(dir, db) : () => {};
    let stopped: Promise<void> | undefined;
    return {
      url,
      backup: (file) => writeSnapshot(db, file),
      stop() {
        stopped ??= (async () => {
          stopServing();
          await server.stop();
          await db.close();
          release();
        })();
        return stopped;
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * PGlite is a database engine inside this process: a second process opening the same folder would
 * be a second engine writing the same files. A lock file beside the folder, holding the owner's pid,
 * refuses that; a lock left by a process that has died is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`The database in ${dir} is in use by process ${owner}. Stop it first, or set DATA_DIR to another folder.`, { cause: err });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the database in `dir`, or null when none does. */
export function lockOwner(dir: string): number | null {
  try {
    const owner = Number(readFileSync(`${dir}.lock`, 'utf8').trim());
    return owner && isAlive(owner) ? owner : null;
  } catch {
    return null;
  }
}

/**
 * Waits until the database is between two transactions, then, holding it (no statement runs
 * meanwhile), checkpoints it and copies its files: a copy of a cleanly checkpointed database, not
 * one that needs crash recovery. The copy is compressed after the database is let go.
 */
async function writeSnapshot(db: PGlite, file: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const tar = await db.runExclusive(async () => {
      if (db.isInTransaction()) return null;
      // Under runExclusive only the protocol entry point runs: query() and exec() would wait for it.
      // PGlite has one session, the server's, which works as the application role: CHECKPOINT needs
      // the owner, and the session goes back to the role it had.
      const who = await db.execProtocol(simpleQuery('select current_user'));
      const role = (who.messages.find((m) => m.name === 'dataRow') as unknown as { fields: string[] } | undefined)?.fields[0];
      await db.execProtocol(simpleQuery('set role none'));
      try {
        await db.execProtocol(simpleQuery('checkpoint'));
      } finally {
        if (role) await db.execProtocol(simpleQuery(`set role "${role.replaceAll('"', '""')}"`));
      }
      return db.dumpDataDir('none');
    });
    if (tar) {
      const partial = `${file}.partial`;
      writeFileSync(partial, gzipSync(Buffer.from(await tar.arrayBuffer())), { flag: 'wx', mode: 0o600 });
      renameSync(partial, file);
      return;
    }
    if (Date.now() > until) throw new Error(`the database was not once between two transactions in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A simple-query protocol message ('Q', length, text, NUL). */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}

/** The files through which another process (`pnpm backup`) asks the process holding `dir` for a backup. */
export function requestFiles(dir: string): { request: string; result: (id: string) => string } {
  return { request: `${dir}.backup-request`, result: (id) => `${dir}.backup-${id}.done` };
}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Only the process holding the database can copy it consistently (PGlite runs inside it, and its one
 * connection is the server's pool): another process drops a request beside the lock file, naming the
 * file to write, and this process answers with a result file. Checked five times a second.
 */
function serveBackupRequests(dir: string, db: PGlite): () => void {
  const { request, result } = requestFiles(dir);
  let busy = false;
  const answer = async () => {
    const taken = `${request}.taken`;
    renameSync(request, taken);
    const ask = JSON.parse(readFileSync(taken, 'utf8')) as { id?: string; file?: string };
    rmSync(taken, { force: true });
    if (!ask.id || !REQUEST_ID.test(ask.id)) return;
    try {
      if (!ask.file || !isAbsolute(ask.file)) throw new Error('the backup file must be an absolute path');
      await writeSnapshot(db, ask.file);
      writeFileSync(result(ask.id), JSON.stringify({ ok: true }));
    } catch (err) {
      writeFileSync(result(ask.id), JSON.stringify({ ok: false, error: (err as Error).message }));
    }
  };
  const timer = setInterval(() => {
    if (busy || !existsSync(request)) return;
    busy = true;
    answer()
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 200);
  timer.unref();
  return () => clearInterval(timer);
}
