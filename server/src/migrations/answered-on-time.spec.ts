import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../db/orm.js';
import { serviceWorld, type ServiceWorld } from '../testing/service-world.js';
import { Migration20261207145950 } from './Migration20261207145950.js';

// The migration that adds petition.answered_on_time fills it for the petitions answered before it,
// with the same deadline rules the server keeps it by afterwards.

describe('Migration20261207145950 (answered on time)', () => {
  let world: ServiceWorld;
  beforeAll(async () => {
    world = await serviceWorld();
  });
  afterAll(async () => world?.close());

  it('fills answered_on_time for every answered petition exactly as the server computes it', async () => {
    const conn = world.em().getConnection();
    const kept = await conn.execute<Array<{ id: string; answered_on_time: boolean | null }>>('select id, answered_on_time from petition where answered_at is not null order by id');
    expect(kept.length).toBeGreaterThan(50);
    expect(new Set(kept.map((r) => r.answered_on_time))).toEqual(new Set([true, false]));
    // As the owner, the way migrations run: drop the column and run the migration again.
    await asDatabaseOwner(world.orm.em, async (tx) => {
      await tx.getConnection().execute('alter table petition drop column answered_on_time', [], 'run', tx.getTransactionContext());
      const migration = new Migration20261207145950(world.orm.em.getDriver(), world.orm.config);
      migration.setTransactionContext(tx.getTransactionContext());
      await migration.up();
    });
    const filled = await conn.execute<Array<{ id: string; answered_on_time: boolean | null }>>('select id, answered_on_time from petition where answered_at is not null order by id');
    expect(filled).toEqual(kept);
    expect(await conn.execute('select count(*)::int as n from petition where answered_at is null and answered_on_time is not null')).toEqual([{ n: 0 }]);
  });
});
