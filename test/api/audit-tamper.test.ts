import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { APP_ROLE, asDatabaseOwner, verifyChains } from '@xinfang/server';
import { DATABASE_MODES, codeOf, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';

const today = shanghaiDate();

describe.each(DATABASE_MODES)('audit and tamper evidence on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: Client, admin: Client;
  const unit = new Map<string, string>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of many shapes
  const app = (query: string, params: unknown[] = []): Promise<any[]> => platform.orm.em.getConnection().execute(query, params);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of many shapes
  const owner = (query: string, params: unknown[] = []): Promise<any[]> =>
    asDatabaseOwner(platform.orm.em, (tx) => tx.getConnection().execute(query, params, 'all', tx.getTransactionContext()));
  const changesOf = (entityId: string) =>
    app('select a.action, a.entity, a.fields, u.username from audit_change a join app_user u on u.id = a.user_id where a.entity_id = ? order by a.at, a.action', [entityId]);

  const visit = () => ({
    channel: 'VISIT',
    kind: 'CLAIM',
    categoryCode: 'LAND',
    subject: '反映承包地被占用未获补偿',
    content: '信访人称其承包地被施工单位占用，至今未获补偿。',
    receivedAt: addDays(today, -1),
    headcount: 1,
    locationUnitId: unit.get('石桥村'),
    petitioner: { name: '覃审计', idNumber: '360999198001010016', phone: '13800000009', address: '石桥村五组' },
  });

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    [bureau, admin] = await Promise.all([Client.as(platform.url, 'bureau'), Client.as(platform.url, 'admin')]);
    for (const u of ok(await bureau.query('{ units { id name } }')).units) unit.set(u.name, u.id);
  });
  afterAll(async () => platform?.stop());

  it('works as the application role, which may not change, delete or empty the audit and the timeline', async () => {
    expect((await app('select current_user as who'))[0].who).toBe(APP_ROLE);
    for (const statement of [
      "update audit_record set via = 'x'",
      'delete from audit_record',
      "update audit_change set action = 'x'",
      'delete from audit_change',
      "update petition_event set note = 'x'",
      'delete from petition_event',
      'truncate petition_event',
      'truncate audit_record',
    ]) {
      await expect(app(statement), statement).rejects.toThrow(/permission denied/);
    }
    // The migrations' ledger is not the application's either.
    await expect(app('delete from mikro_orm_migrations')).rejects.toThrow(/permission denied/);
  });

  it('refuses the owner too, unless the transaction declares maintenance', async () => {
    const asOwnerOnly = (statement: string) =>
      platform.orm.em.fork().transactional(async (tx) => {
        await tx.getConnection().execute('set local role none', [], 'run', tx.getTransactionContext());
        return tx.getConnection().execute(statement, [], 'run', tx.getTransactionContext());
      });
    await expect(asOwnerOnly("update petition_event set note = note where seq = '1'")).rejects.toThrow(/petition_event is append-only: UPDATE refused/);
    await expect(asOwnerOnly("delete from petition_event where seq = '1'")).rejects.toThrow(/append-only: DELETE refused/);
    await expect(asOwnerOnly('truncate audit_record')).rejects.toThrow(/audit_record is append-only: TRUNCATE refused/);
    // The pooled connection went back to the application role with the transaction.
    expect((await app('select current_user as who'))[0].who).toBe(APP_ROLE);
    expect((await verifyChains(platform.orm.em.fork())).breaks).toEqual([]);
  });

  it('still registers, changes and reads petitions, auditing every change and every read of the petitioner', async () => {
    const p = ok(await bureau.register(visit())).registerPetition;
    const accepted = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    expect(accepted.status).toBe('ACCEPTED');
    expect(ok(await bureau.petition(p.id)).petition.petitioner.name).toBe('覃审计');

    const changes = await changesOf(p.id);
    expect(changes).toEqual([
      expect.objectContaining({ action: 'create', entity: 'petition', username: 'bureau' }),
      expect.objectContaining({ action: 'update', entity: 'petition', username: 'bureau', fields: expect.arrayContaining(['acceptedAt', 'status']) }),
    ]);
    const events = await app('select type from petition_event where petition_id = ? order by seq', [p.id]);
    expect(events.map((e) => e.type)).toEqual(['REGISTERED', 'ACCEPTED']);
    const reads = await app(
      "select a.via from audit_record a join app_user u on u.id = a.user_id where a.petition_id = ? and u.username = 'bureau' and 'petitioner' = any(a.fields)",
      [p.id],
    );
    expect(reads.length).toBeGreaterThanOrEqual(3);
  });

  it('audits the administrative changes too, each by its author', async () => {
    const date = '2031-05-06';
    ok(await bureau.query('mutation($d: Date!) { setCalendarDay(date: $d, kind: "HOLIDAY", name: "审计测试") { date } }', { d: date }));
    const [day] = await app('select county_id from calendar_day where date = ?', [date]);
    expect(await changesOf(`${day.county_id}/${date}`)).toEqual([expect.objectContaining({ action: 'create', entity: 'calendar_day', username: 'bureau' })]);

    const users = ok(await admin.query('{ users(first: 100) { edges { node { id username version } } } }')).users.edges.map((e: { node: unknown }) => e.node);
    const land = users.find((u: { username: string }) => u.username === 'land');
    ok(await admin.query('mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { displayName: "自然资源局信访办（审计）" }) { id } }', { id: land.id, v: land.version }));
    expect(await changesOf(land.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'update', entity: 'app_user', username: 'admin', fields: expect.arrayContaining(['displayName']) })]),
    );
  });

  it('leaves no audit row of a write that was refused or that failed after its audit was written', async () => {
    let p = ok(await bureau.register(visit())).registerPetition;
    p = ok(await bureau.act('acceptPetition', p.id, p.version)).acceptPetition;
    const before = (await changesOf(p.id)).length;
    const assign = (version: number) =>
      bureau.act('assignPetition', p.id, version, { handlingUnitId: unit.get('青山乡'), mode: 'ASSIGN' }, { handlingUnitId: 'ID!', mode: 'AssignMode!' });

    // Refused: a stale version.
    expect(codeOf(await assign(p.version - 1))).toBe('CONFLICT');
    expect(await changesOf(p.id)).toHaveLength(before);

    // Failed at commit, after every statement of the write (its audit row included) ran: a deferred
    // trigger counts, inside the failing transaction, the audit rows it sees, then fails it. A sequence
    // keeps the count, for sequences are not rolled back.
    await owner('create sequence audit_probe');
    await owner(`create function audit_probe_fail() returns trigger language plpgsql security definer as $$
      begin
        perform setval('audit_probe', 1 + (select count(*) from audit_change where entity = 'petition' and entity_id = new.id::text));
        raise exception 'failing after the audit, on purpose';
      end $$`);
    await owner(`create constraint trigger audit_probe_fail after update on petition deferrable initially deferred
      for each row when (new.status = 'IN_PROGRESS') execute function audit_probe_fail()`);
    try {
      expect(codeOf(await assign(p.version))).toBe('INTERNAL_SERVER_ERROR');
      const [{ seen }] = await owner('select last_value - 1 as seen from audit_probe');
      expect(Number(seen)).toBe(before + 1);
    } finally {
      await owner('drop trigger audit_probe_fail on petition');
      await owner('drop function audit_probe_fail()');
      await owner('drop sequence audit_probe');
    }
    expect(await changesOf(p.id)).toHaveLength(before);
    expect((await app('select status from petition where id = ?', [p.id]))[0].status).toBe('ACCEPTED');
    expect((await app('select type from petition_event where petition_id = ? order by seq', [p.id])).map((e) => e.type)).toEqual(['REGISTERED', 'ACCEPTED']);
    expect((await verifyChains(platform.orm.em.fork())).breaks).toEqual([]);

    // And the same write, once nothing makes it fail, goes through with its audit.
    expect(ok(await assign(p.version)).assignPetition.status).toBe('IN_PROGRESS');
    expect(await changesOf(p.id)).toHaveLength(before + 1);
  });

  it('names a reordered event, moved by the owner, as the first broken link', async () => {
    const swap = async (a: { id: string; seq: string }, b: { id: string; seq: string }) => {
      await asDatabaseOwner(platform.orm.em, async (tx) => {
        const run = (sql: string, params: unknown[]) => tx.getConnection().execute(sql, params, 'run', tx.getTransactionContext());
        await run('update petition_event set seq = 0 where id = ?', [a.id]);
        await run('update petition_event set seq = ? where id = ?', [a.seq, b.id]);
        await run('update petition_event set seq = ? where id = ?', [b.seq, a.id]);
      });
    };
    const rows = await app('select id, seq::text as seq from petition_event order by seq limit 3 offset 40');
    const [a, b, c] = rows as Array<{ id: string; seq: string }>;
    for (const [first, second] of [[a!, c!], [a!, b!]] as const) {
      await swap(first, second);
      const { breaks } = await verifyChains(platform.orm.em.fork());
      expect(breaks).toHaveLength(1);
      expect(breaks[0]).toMatchObject({ seq: first.seq, eventId: second.id });
      expect(breaks[0]!.problem).toBe(`reordered: this is event ${second.seq}, moved to position ${first.seq}`);
      await swap({ id: second.id, seq: first.seq }, { id: first.id, seq: second.seq });
      expect((await verifyChains(platform.orm.em.fork())).breaks).toEqual([]);
    }
  });
});
