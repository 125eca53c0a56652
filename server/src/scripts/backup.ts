/**
 * Backs up the database the server uses (the same DATABASE_URL / DATA_DIR), while it runs:
 *
 *   pnpm backup [file]
 *
 * PostgreSQL: `pg_dump --format=custom` (default file xinfang-<time>.dump). The embedded database: a
 * gzip'd tar of its data folder (default xinfang-<time>.tar.gz), taken by the running server between
 * two transactions after a checkpoint, or from the folder itself when no server holds it.
 */
import { loadConfig } from '../config.js';
import { backup } from '../db/backup.js';

const config = loadConfig(process.env, { jwtSecret: new Uint8Array(32) });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
const file = process.argv[2] ?? `xinfang-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`;
try {
  const result = await backup(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.embeddedPath! }, file);
  console.log(`backup written: ${result.file} (${result.bytes} bytes, ${result.method})`);
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
