import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { PetitionStatus } from '@xinfang/domain';

/**
 * One event of a petition's timeline, appended in the transaction of the change it records. Each
 * county's events form one hash chain: `hash` covers the event and the previous event's hash, and
 * `petition_chain` holds the last link, so an edited, inserted or deleted event breaks the chain
 * (`pnpm verify:timeline`).
 */
@Entity({ tableName: 'petition_event' })
@Unique({ properties: ['countyId', 'seq'] })
export class PetitionEvent {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  countyId!: string;

  /** Position in the county's chain, from 1, without gaps. */
  @Property({ type: 'bigint' })
  seq!: string;

  @Index()
  @Property({ type: 'uuid' })
  petitionId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  actorUnitId: string | null = null;

  @Property({ type: 'text' })
  actorName!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'text', nullable: true })
  fromStatus: PetitionStatus | null = null;

  @Property({ type: 'text', nullable: true })
  toStatus: PetitionStatus | null = null;

  /** Free text: content, read under the `timelineNotes` rule. */
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'json', nullable: true })
  data: Record<string, unknown> | null = null;

  @Property({ type: 'text' })
  prevHash!: string;

  @Property({ type: 'text' })
  hash!: string;
}

/** The last link of each county's chain. */
@Entity({ tableName: 'petition_chain' })
export class PetitionChain {
  @PrimaryKey({ type: 'uuid' })
  countyId!: string;

  @Property({ type: 'bigint' })
  lastSeq!: string;

  @Property({ type: 'text' })
  lastHash!: string;
}

/** The last number given in each county and year. */
@Entity({ tableName: 'petition_sequence' })
export class PetitionSequence {
  @PrimaryKey({ type: 'uuid' })
  countyId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  lastValue!: number;
}

