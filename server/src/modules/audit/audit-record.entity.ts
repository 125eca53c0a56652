import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A read of personal data: who, when, which petition, which fields, and through what (a petition,
 * a list, a search, matches, an export). Written before the data leaves the server.
 */
@Entity({ tableName: 'audit_record' })
export class AuditRecord {
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

  @Index()
  @Property({ type: 'uuid' })
  petitionId!: string;

  @Property({ type: 'text[]' })
  fields!: string[];

  @Property({ type: 'text' })
  via!: string;
}
