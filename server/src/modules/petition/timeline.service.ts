import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PetitionStatus } from '@xinfang/domain';
import { PetitionChain, PetitionEvent } from './petition-event.entity.js';

/** The hash before a county's first event. */
export const GENESIS = '0'.repeat(64);

export interface NewEvent {
  petitionId: string;
  countyId: string;
  type: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  actorName: string;
  fromStatus: PetitionStatus | null;
  toStatus: PetitionStatus | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  at?: Date;
}

/** JSON with object keys sorted, so that jsonb's own key order cannot change a hash. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** What the hash covers: every field of the event but the hash itself, in a fixed order. */
export function eventHash(e: Omit<PetitionEvent, 'hash'>): string {
  const text = JSON.stringify([
    e.id,
    e.countyId,
    String(e.seq),
    e.petitionId,
    e.type,
    e.actorUserId,
    e.actorUnitId,
    e.actorName,
    new Date(e.at).toISOString(),
    e.fromStatus,
    e.toStatus,
    e.note,
    canonical(e.data ?? null),
    e.prevHash,
  ]);
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Appends events to their county's chain, in order, inside the caller's transaction: the chain's last
 * link is locked (`for update`) so that events of one county are appended one at a time.
 */
export async function appendEvents(em: EntityManager, inputs: NewEvent[]): Promise<PetitionEvent[]> {
  const conn = em.getConnection();
  const tx = em.getTransactionContext();
  const out: PetitionEvent[] = [];
  for (const countyId of [...new Set(inputs.map((i) => i.countyId))]) {
    await conn.execute(`insert into petition_chain (county_id, last_seq, last_hash) values (?, 0, ?) on conflict (county_id) do nothing`, [countyId, GENESIS], 'run', tx);
    const [head] = await conn.execute<Array<{ last_seq: string; last_hash: string }>>(
      'select last_seq, last_hash from petition_chain where county_id = ? for update',
      [countyId],
      'all',
      tx,
    );
    let seq = BigInt(head!.last_seq);
    let prevHash = head!.last_hash;
    for (const input of inputs.filter((i) => i.countyId === countyId)) {
      seq += 1n;
      const event = new PetitionEvent();
      Object.assign(event, {
        id: randomUUID(),
        countyId,
        seq: String(seq),
        petitionId: input.petitionId,
        type: input.type,
        actorUserId: input.actorUserId,
        actorUnitId: input.actorUnitId,
        actorName: input.actorName,
        // Milliseconds: what the database keeps, so that the hash can be recomputed from the row.
        at: new Date(Math.floor((input.at ?? new Date()).getTime())),
        fromStatus: input.fromStatus,
        toStatus: input.toStatus,
        note: input.note ?? null,
        data: input.data ?? null,
        prevHash,
      });
      event.hash = eventHash(event);
      prevHash = event.hash;
      em.persist(event);
      out.push(event);
    }
    await conn.execute('update petition_chain set last_seq = ?, last_hash = ? where county_id = ?', [String(seq), prevHash, countyId], 'run', tx);
  }
  return out;
}

/** Appends one event (see appendEvents). */
export async function appendEvent(em: EntityManager, input: NewEvent): Promise<PetitionEvent> {
  const [event] = await appendEvents(em, [input]);
  return event!;
}

export interface ChainBreak {
  countyId: string;
  seq: string;
  eventId: string | null;
  petitionId: string | null;
  problem: string;
}

/**
 * The position an intact event was hashed at, when it now stands at another: its content matches its
 * hash once its old position is put back. Tried for every position of the chain, only at a break.
 */
function movedFrom(e: PetitionEvent, last: bigint): string | null {
  const here = BigInt(e.seq);
  for (let candidate = 1n; candidate <= last; candidate++) {
    if (candidate !== here && eventHash({ ...e, seq: String(candidate) }) === e.hash) return String(candidate);
  }
  return null;
}

/**
 * Walks every county's chain from its first event and names the first broken link: an event whose
 * hash does not match its content, an intact event moved to another position (reordered), a link
 * that does not point at the previous event, a missing position, or a last link that is not the recorded head (a deleted tail).
 */
export async function verifyChains(em: EntityManager): Promise<{ events: number; breaks: ChainBreak[] }> {
  const heads = await em.find(PetitionChain, {});
  const breaks: ChainBreak[] = [];
  let events = 0;
  for (const head of heads) {
    let prev = GENESIS;
    let expected = 1n;
    let broken: ChainBreak | null = null;
    const batch = 1000;
    for (let offset = 0; !broken; offset += batch) {
      const rows = await em.find(PetitionEvent, { countyId: head.countyId }, { orderBy: { seq: 'asc' }, limit: batch, offset });
      for (const e of rows) {
        events++;
        const seq = BigInt(e.seq);
        const at = { countyId: e.countyId, seq: e.seq, eventId: e.id, petitionId: e.petitionId };
        if (seq !== expected) broken = { ...at, problem: `event ${expected} is missing (deleted?)` };
        else if (e.prevHash !== prev || eventHash(e) !== e.hash) {
          const was = movedFrom(e, BigInt(head.lastSeq));
          if (was !== null) broken = { ...at, problem: `reordered: this is event ${was}, moved to position ${e.seq}` };
          else if (e.prevHash !== prev) broken = { ...at, problem: 'does not link to the previous event' };
          else broken = { ...at, problem: 'its content does not match its hash (edited?)' };
        }
        if (broken) break;
        prev = e.hash;
        expected = seq + 1n;
      }
      if (rows.length < batch) break;
    }
    if (!broken && (String(expected - 1n) !== String(head.lastSeq) || prev !== head.lastHash)) {
      broken = { countyId: head.countyId, seq: String(head.lastSeq), eventId: null, petitionId: null, problem: `the chain ends at event ${expected - 1n}, but its head is event ${head.lastSeq} (last events deleted?)` };
    }
    if (broken) breaks.push(broken);
  }
  return { events, breaks };
}
