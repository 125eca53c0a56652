import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** An embedded PostgreSQL (PGlite) served on a loopback port, reached by the ordinary driver. */
export interface EmbeddedDatabase {
  url: string;
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
    let stopped: Promise<void> | undefined;
    return {
      url,
      stop() {
        stopped ??= (async () => {
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
function lockDataDir(dir: string): () => void {
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
