import { randomBytes } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { defineAbilityFor } from '@xinfang/permissions';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import type { SignedInContext } from '../common/context.js';
import { createLoaders } from '../common/loaders.js';
import { openOrm, ormOptions } from '../db/orm.js';
import { loadAuthUser } from '../modules/auth/index.js';
import { User } from '../modules/user/index.js';
import { seedDemoCounty } from '../seed/demo-county.js';
import { seedDemoPetitions } from '../seed/demo-petitions.js';
import { seedDemoSupervision } from '../seed/demo-supervision.js';
import { seedReferenceData } from '../seed/reference-data.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A service-level test's world (`*.service.spec.ts`): a new PostgreSQL database with the migrations
 * and the demo county (its units, accounts, categories and petitions), and a request context for any
 * demo account, built as the HTTP server builds it — the account's ability, a forked
 * EntityManager, the request's loaders — so that a service's business rules are tested on the real
 * database without a server, a token or GraphQL in between.
 */
export interface ServiceWorld {
  orm: MikroORM;
  /** A context signed in as this demo account (a fresh EntityManager each time). */
  as(username: string): Promise<SignedInContext>;
  /** A fresh EntityManager for reading what a test wrote. */
  em(): EntityManager;
  close(): Promise<void>;
}

export async function serviceWorld(options: { petitions?: boolean } = {}): Promise<ServiceWorld> {
  const name = `xinfang_service_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = await MikroORM.init({ ...ormOptions(ADMIN_URL, false, () => undefined), pool: { min: 0, max: 1 } });
  await admin.em.getConnection().execute(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const orm = await openOrm(url.toString(), false, () => undefined, async (ready) => {
    await seedDemoCounty(ready.em.fork());
    await seedReferenceData(ready.em.fork());
    if (options.petitions !== false) {
      await seedDemoPetitions(ready.em.fork());
      await seedDemoSupervision(ready.em.fork());
    }
  });
  const config = loadConfig({}, { databaseUrl: url.toString() });
  const logger = createLogger('silent');
  return {
    orm,
    em: () => orm.em.fork(),
    async as(username) {
      const em = orm.em.fork();
      const account = await em.findOneOrFail(User, { username });
      const user = (await loadAuthUser(em, account.id))!;
      return {
        em,
        user,
        tokenProblem: null,
        ability: defineAbilityFor(user),
        loaders: createLoaders(em, () => user),
        address: '127.0.0.1',
        config,
        logger,
      };
    },
    async close() {
      await orm.close(true);
      await admin.em.getConnection().execute(`drop database if exists ${name} with (force)`);
      await admin.close(true);
    },
  };
}

/** How a service refused: its code, reason, field and message (a resolved promise fails the test). */
export async function refusal(p: Promise<unknown>): Promise<{ code: unknown; reason: unknown; field: unknown; message: string }> {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { extensions?: Record<string, unknown>; message?: string } | null;
  if (err === null) throw new Error('expected a refusal, but the service answered');
  return { code: err.extensions?.code, reason: err.extensions?.reason, field: err.extensions?.field, message: err.message ?? '' };
}
