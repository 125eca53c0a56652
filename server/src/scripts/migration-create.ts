/**
 * Writes a new migration from the difference between the entities and the last snapshot, against a
 * throwaway in-memory PGlite. Usage: pnpm --filter @xinfang/server migration:create
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { ormOptions } from '../db/orm.js';

const db = await startEmbeddedDatabase(undefined);
const options = ormOptions(db.url, true);
// With the snapshot, which only this script uses (it remembers the schema the last migration made).
const orm = await MikroORM.init({ ...options, preferTs: true, migrations: { ...options.migrations, snapshot: true } });
try {
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(undefined, false, process.argv.includes('--initial'));
  if (result.fileName) {
    const name = result.fileName.replace(/\.ts$/, '');
    console.log(`created ${result.fileName}; add it to src/migrations/index.ts:\n  { name: '${name}', class: ${name} }`);
  } else console.log('no changes: nothing to migrate');
} finally {
  await orm.close(true);
  await db.stop();
}
