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
const orm = await MikroORM.init({ ...options, preferTs: true });
try {
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(undefined, false, process.argv.includes('--initial'));
  console.log(result.fileName ? `created ${result.fileName}` : 'no changes: nothing to migrate');
} finally {
  await orm.close(true);
  await db.stop();
}
