import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../migrations/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The MikroORM options for one database URL; `embedded` means a single-connection pool. */
export function ormOptions(url: string, embedded: boolean, log?: (message: string) => void): Options {
  return {
    // MikroORM's own messages (the migrator's) go to the structured log instead of the console.
    logger: log ?? ((message: string) => console.log(message)),
    clientUrl: url,
    entities: ENTITIES,
    extensions: [Migrator],
    forceUtcTimezone: true,
    pool: embedded ? { min: 1, max: 1 } : { min: 0, max: 10 },
    debug: false,
    // Under Vitest this file is TypeScript: read the migrations' sources, not a stale build.
    preferTs: import.meta.url.endsWith('.ts'),
    allowGlobalContext: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      // Compiled migrations next to this file in dist/, TypeScript sources under src/ for tests and tooling.
      path: join(here, '..', 'migrations'),
      pathTs: join(here, '..', '..', 'src', 'migrations'),
      glob: '!(*.d|index).{js,ts}',
      migrationsList: MIGRATIONS,
      emit: 'ts',
      // The snapshot is the migration generator's memory: only `migration:create` reads and writes it.
      snapshot: false,
      snapshotName: '.snapshot-xinfang',
      transactional: true,
      allOrNothing: true,
    },
  };
}

/** An arbitrary, fixed key: the advisory lock that lets one instance at a time migrate and seed. */
const SETUP_LOCK = 48_151_623;

/**
 * Connects to the database, applies every pending migration and then runs `prepare` (the demo seed),
 * holding a PostgreSQL advisory lock throughout, so that instances starting together take turns.
 * The embedded database has one connection and one process (its folder is locked): no lock needed.
 */
export async function openOrm(
  url: string,
  embedded: boolean,
  log?: (message: string) => void,
  prepare?: (orm: MikroORM) => Promise<void>,
): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, embedded, log));
  try {
    if (embedded) {
      await orm.getMigrator().up();
      await prepare?.(orm);
      return orm;
    }
    const knex = orm.em.getKnex();
    const conn = await knex.client.acquireConnection();
    try {
      await conn.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
      try {
        await orm.getMigrator().up();
        await prepare?.(orm);
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [SETUP_LOCK]);
      }
    } finally {
      await knex.client.releaseConnection(conn);
    }
    return orm;
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}
