/**
 * Restores a backup made by `pnpm backup` into an empty database:
 *
 *   pnpm restore <file>
 *
 * A pg_dump file into DATABASE_URL (an existing database without tables: `createdb xinfang_restored`);
 * an embedded database's tar into DATA_DIR (a folder without a database). Then start the server on it
 * and run `pnpm verify:timeline`.
 */
import { loadConfig } from '../config.js';
import { restore } from '../db/backup.js';

const config = loadConfig(process.env, { jwtSecret: new Uint8Array(32) });
const file = process.argv[2];
if (!file) {
  console.error('usage: pnpm restore <file>   (into DATABASE_URL, or into DATA_DIR without it)');
  process.exit(2);
}
try {
  const to = config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.embeddedPath! };
  await restore(file, to);
  console.log(`restored ${file} into ${'url' in to ? 'the database of DATABASE_URL' : to.dataDir}; now run pnpm verify:timeline`);
} catch (err) {
  console.error(`restore failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
