/**
 * Verifies every county's timeline hash chain and names the first broken link. Reads the same
 * DATABASE_URL / DATA_DIR as the server (with the embedded database, stop the server first).
 *
 *   pnpm verify:timeline
 *
 * Exit code 0: every chain is whole; 1: a chain is broken (the first broken link is printed).
 */
import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { openOrm } from '../db/orm.js';
import { verifyChains } from '../modules/petition/timeline.service.js';
import { Petition } from '../modules/petition/petition.entity.js';

const config = loadConfig(process.env, { jwtSecret: new Uint8Array(32) });
const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(config.embeddedPath);
const orm = await openOrm(config.databaseUrl ?? embedded!.url, !!embedded, () => undefined);
try {
  const em = orm.em.fork();
  const { events, breaks } = await verifyChains(em);
  if (breaks.length === 0) {
    console.log(`timeline intact: ${events} events verified`);
  } else {
    for (const b of breaks) {
      const petition = b.petitionId ? await em.findOne(Petition, { id: b.petitionId }) : null;
      console.error(`BROKEN: county ${b.countyId}, event ${b.seq}${b.eventId ? ` (${b.eventId})` : ''}${petition ? `, petition ${petition.number}` : ''}: ${b.problem}`);
    }
    process.exitCode = 1;
  }
} finally {
  await orm.close(true);
  await embedded?.stop();
}
