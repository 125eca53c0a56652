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

/** Connects to the database and applies every pending migration. */
export async function openOrm(url: string, embedded: boolean, log?: (message: string) => void): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, embedded, log));
  await orm.getMigrator().up();
  return orm;
}
