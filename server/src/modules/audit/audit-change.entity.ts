import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A change made by a signed-in user: which row of which table was created, updated or deleted, and
 * which columns changed (their names only: the values may be personal data, and the row itself or
 * the petition's timeline keeps them). Written in the flush, so in the transaction of the change:
 * a change that rolls back leaves no record, and a record cannot exist without its change.
 */
@Entity({ tableName: 'audit_change' })
@Index({ properties: ['entity', 'entityId'] })
export class AuditChange {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'datetime' })
  at: Date = new Date();

  @Index()
  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  /** `create`, `update` or `delete`. */
  @Property({ type: 'text' })
  action!: string;

  /** The table changed. */
  @Property({ type: 'text' })
  entity!: string;

  @Property({ type: 'text' })
  entityId!: string;

  @Property({ type: 'text[]' })
  fields!: string[];
}
