import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDatabaseOwner, verifyChains } from '@xinfang/server';
import { DATABASE_MODES, startTestPlatform, type TestPlatform } from '../support/api-server.js';

describe.each(DATABASE_MODES)('the timeline hash chain on %s', (mode) => {
  let platform: TestPlatform;
  // Tampering as the owner: the application's own role may not change or delete events.
  const sql = (query: string, params: unknown[] = []) =>
    asDatabaseOwner(platform.orm.em, (tx) => tx.getConnection().execute(query, params, 'all', tx.getTransactionContext()));
  const verify = () => verifyChains(platform.orm.em.fork());

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
  });
  afterAll(async () => platform?.stop());

  it('holds for the demo county, every event in order', async () => {
    const { events, breaks } = await verify();
    expect(events).toBeGreaterThan(1000);
    expect(breaks).toEqual([]);
  });

  it('names an edited event as the first broken link', async () => {
    const [target] = await sql(`select id, seq, note from petition_event where type = 'ANSWERED' order by seq limit 1 offset 3`);
    await sql('update petition_event set note = ? where id = ?', ['（已改写）经核实，信访人诉求不成立。', target.id]);
    const { breaks } = await verify();
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ seq: String(target.seq), eventId: target.id });
    expect(breaks[0]!.problem).toMatch(/edited/);
    await sql('update petition_event set note = ? where id = ?', [target.note, target.id]);
    expect((await verify()).breaks).toEqual([]);
  });

  it('names a deleted registration, and a deleted last event', async () => {
    const [registration] = await sql(`select * from petition_event where type = 'REGISTERED' order by seq limit 1 offset 10`);
    await sql('delete from petition_event where id = ?', [registration.id]);
    const middle = await verify();
    expect(middle.breaks[0]).toMatchObject({ seq: String(Number(registration.seq) + 1) });
    expect(middle.breaks[0]!.problem).toMatch(/missing/);

    const [last] = await sql('select id, seq from petition_event order by seq desc limit 1');
    await sql('delete from petition_event where id = ?', [last.id]);
    // With the middle gap mended by hand, the deleted tail still shows: the head names a later event.
    await sql(
      `insert into petition_event (id, county_id, seq, petition_id, type, actor_user_id, actor_unit_id, actor_name, at, from_status, to_status, note, data, prev_hash, hash)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [registration.id, registration.county_id, registration.seq, registration.petition_id, registration.type, registration.actor_user_id, registration.actor_unit_id,
        registration.actor_name, registration.at, registration.from_status, registration.to_status, registration.note, registration.data === null ? null : JSON.stringify(registration.data), registration.prev_hash, registration.hash],
    );
    const tail = await verify();
    expect(tail.breaks).toHaveLength(1);
    expect(tail.breaks[0]!.problem).toMatch(/head is event/);
    expect(tail.breaks[0]!.seq).toBe(String(last.seq));
  });
});
