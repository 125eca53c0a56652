/**
 * Sets up a county on a new installation: the county, its bureau and supervision group, and its first
 * administrator. Reads the same DATABASE_URL / DATA_DIR as the server (stop the server first when it
 * uses the embedded database).
 *
 *   ADMIN_PASSWORD='…' pnpm bootstrap --county 某某县 --admin admin
 *
 * Without ADMIN_PASSWORD a random password is made and printed once.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { openOrm } from '../db/orm.js';
import { bootstrapCounty } from '../seed/bootstrap.js';
import { seedReferenceData } from '../seed/reference-data.js';

const { values } = parseArgs({ options: { county: { type: 'string' }, code: { type: 'string' }, admin: { type: 'string', default: 'admin' }, name: { type: 'string' } } });
if (!values.county) {
  console.error('Usage: ADMIN_PASSWORD=… pnpm bootstrap --county <county name> [--code <code for petition numbers>] [--admin <username>] [--name <display name>]');
  process.exit(2);
}
const generated = !process.env.ADMIN_PASSWORD;
const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
const config = loadConfig(process.env, { jwtSecret: new Uint8Array(32) });
const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(config.embeddedPath);
const orm = await openOrm(config.databaseUrl ?? embedded!.url, !!embedded, () => undefined);
try {
  const { county, admin } = await bootstrapCounty(orm.em.fork(), {
    countyName: values.county,
    adminUsername: values.admin!,
    adminPassword: password,
    adminDisplayName: values.name,
    countyCode: values.code,
  });
  await seedReferenceData(orm.em.fork());
  console.log(`Created ${county.name} with its bureau and supervision group, and the administrator "${admin.username}".`);
  if (generated) console.log(`Its password (shown once; change it after signing in): ${password}`);
} catch (err) {
  console.error(`Nothing was created: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await orm.close(true);
  await embedded?.stop();
}
