import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from '../migrations/index.js';
import { ChangeAuditSubscriber } from '../modules/audit/audit.service.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The MikroORM options for one database URL; `embedded` means a single-connection pool. */
export function ormOptions(url: string, embedded: boolean, log?: (message: string) => void): Options {
  return {
    // MikroORM's own messages (the migrator's) go to the structured log instead of the console.
    logger: log ?? ((message: string) => console.log(message)),
    clientUrl: url,
    entities: ENTITIES,
    extensions: [Migrator],
    subscribers: [new ChangeAuditSubscriber()],
    forceUtcTimezone: true,
    // Bounded waits, so that a request fails with SERVICE_UNAVAILABLE instead of hanging while the
    // database is unreachable: a connection is made within 5 s (node-postgres waits forever by
    // default) and handed out within 10 s (knex's default is 60 s).
    pool: { ...(embedded ? { min: 1, max: 1 } : { min: 0, max: 10 }), acquireTimeoutMillis: 10_000, createTimeoutMillis: 5_000 },
    driverOptions: { connection: { connectionTimeoutMillis: 5_000 } },
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

/**
 * The role the application works as (created by migration Migration20261203131000): every table's
 * rows but those of the append-only tables, which it may only read and add to. The migrations and the
 * seed run as the connecting (owner) role; then every pooled connection switches to this one.
 */
export const APP_ROLE = 'xinfang_app';

/** The tables no one changes or deletes from: the role may not, and a trigger refuses it to any role. */
export const APPEND_ONLY_TABLES = ['audit_record', 'audit_change', 'petition_event', 'supervision_event', 'circular', 'assessment_veto_event'] as const;

interface PgClient {
  query(sql: string, callback: (err: Error | null) => void): void;
}

/**
 * Runs `work` in a transaction as the owner role with the append-only triggers stood down: for
 * repairs by an operator (and for tests that tamper on purpose). `SET LOCAL` ends with the
 * transaction, so the pooled connection goes back to the application role.
 */
export async function asDatabaseOwner<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.fork().transactional(async (tx) => {
    await tx.getConnection().execute('set local role none', [], 'run', tx.getTransactionContext());
    await tx.getConnection().execute("set local xinfang.maintenance = 'on'", [], 'run', tx.getTransactionContext());
    return work(tx);
  });
}

/** An arbitrary, fixed key: the advisory lock that lets one instance at a time migrate and seed. */
const SETUP_LOCK = 48_151_623;

/**
 * Connects to the database, applies every pending migration and then runs `prepare` (the demo seed),
 * holding a PostgreSQL advisory lock throughout, so that instances starting together take turns.
 * The embedded database has one connection and one process (its folder is locked): no lock needed.
 * Then the pool reconnects, each connection as APP_ROLE: the application itself cannot change or
 * delete the audit or the timeline (`RunningServer.orm` is that application connection).
 */
export async function openOrm(
  url: string,
  embedded: boolean,
  log?: (message: string) => void,
  prepare?: (orm: MikroORM) => Promise<void>,
): Promise<MikroORM> {
  const options = ormOptions(url, embedded, log);
  let asApp = false;
  options.pool = {
    ...options.pool,
    afterCreate: (conn: PgClient, done: (err: Error | null, conn: PgClient) => void) => {
      if (!asApp) return done(null, conn);
      conn.query(`set role ${APP_ROLE}`, (err) => done(err, conn));
    },
  };
  const orm = await MikroORM.init(options);
  const becomeApp = async () => {
    asApp = true;
    // New connections, each switched to the application role by afterCreate.
    await orm.reconnect();
  };
  try {
    if (embedded) {
      await orm.getMigrator().up();
      await prepare?.(orm);
      await becomeApp();
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
    await becomeApp();
    return orm;
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}
