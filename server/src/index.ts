import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import { createApp } from './app.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded.js';
import { openOrm } from './db/orm.js';
import { seedDemoCounty } from './seed/demo-county.js';
import { seedDemoPetitions } from './seed/demo-petitions.js';
import { seedDemoScreening } from './seed/demo-screening.js';
import { seedDemoSupervision } from './seed/demo-supervision.js';
import { seedDemoAssessment } from './seed/demo-assessment.js';
import { seedReferenceData } from './seed/reference-data.js';
import { PetitionWorkflow } from './modules/petition/index.js';
import { dailySweep } from './jobs.js';

export { loadConfig, type AppConfig } from './config.js';
export { createLogger, type Logger } from './logger.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TREE } from './seed/demo-county.js';
export { bootstrapCounty } from './seed/bootstrap.js';
export { verifyChains } from './modules/petition/timeline.service.js';
export { APP_ROLE, APPEND_ONLY_TABLES, asDatabaseOwner } from './db/orm.js';
export { backup, restore, type BackupResult, type DatabaseLocation } from './db/backup.js';

// MikroORM colours its messages for a terminal; the log wants plain text.
// eslint-disable-next-line no-control-regex
const stripColours = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

export interface RunningServer {
  /** `http://localhost:<port>` */
  url: string;
  orm: MikroORM;
  databaseUrl: string;
  /** The embedded database, when there is no DATABASE_URL. */
  embedded?: EmbeddedDatabase;
  stop(): Promise<void>;
}

/**
 * Starts the whole platform: the database (PGlite unless DATABASE_URL is set), its migrations, the
 * demo county on an empty database, and the HTTP server.
 */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase(config.embeddedPath);
    databaseUrl = embedded.url;
    logger.info({ path: config.embeddedPath ?? 'memory' }, 'embedded PGlite database started');
  }
  let orm: MikroORM | undefined;
  try {
    orm = await openOrm(
      databaseUrl,
      !!embedded,
      (message) => logger.info({ component: 'mikro-orm' }, stripColours(message)),
      async (ready) => {
        logger.info('database migrated');
        if (config.seedDemo && (await seedDemoCounty(ready.em.fork()))) {
          logger.warn('demo county loaded: its accounts share the published password "xinfang-demo"; do not use them for real work');
        }
        await seedReferenceData(ready.em.fork());
        if (config.seedDemo) {
          const petitions = await seedDemoPetitions(ready.em.fork());
          if (petitions) logger.info({ petitions }, 'demo petitions loaded');
          const began = Date.now();
          const reports = await seedDemoScreening(ready.em.fork());
          if (reports) logger.info({ reports, ms: Date.now() - began }, 'demo screening reports loaded');
          const orders = await seedDemoSupervision(ready.em.fork());
          if (orders) logger.info({ orders }, 'demo conferences, supervision orders, circular and accountability loaded');
        }
        // The assessment counts the backlog: flagged first.
        await new PetitionWorkflow().flagBacklogByAge(ready.em.fork());
        if (config.seedDemo) {
          const began = Date.now();
          const results = await seedDemoAssessment(ready.em.fork());
          if (results) logger.info({ results, ms: Date.now() - began }, 'demo assessment loaded: last year published, this year a draft');
        }
        const told = await dailySweep(ready.em.fork());
        if (told !== null) logger.info({ notifications: told }, 'daily warning sweep');
      },
    );
    const app = await createApp(config, orm, logger);
    const openedOrm = orm;
    // A petition open two years becomes backlog by itself: checked hourly (and at start, above).
    const backlog = setInterval(() => {
      new PetitionWorkflow().flagBacklogByAge(openedOrm.em.fork()).catch((err: unknown) => logger.error({ err }, 'backlog check failed'));
    }, 3_600_000);
    backlog.unref();
    // The daily warning sweep: checked hourly, it runs once a day (the first check of the day wins,
    // on whichever instance; sweep_run says so).
    const sweep = setInterval(() => {
      dailySweep(openedOrm.em.fork())
        .then((told) => told !== null && logger.info({ notifications: told }, 'daily warning sweep'))
        .catch((err: unknown) => logger.error({ err }, 'warning sweep failed'));
    }, 3_600_000);
    sweep.unref();
    return {
      url: app.url,
      orm: openedOrm,
      databaseUrl,
      embedded,
      async stop() {
        clearInterval(backlog);
        clearInterval(sweep);
        await app.close();
        await openedOrm.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await orm?.close(true);
    await embedded?.stop();
    throw err;
  }
}
