import { Index, Property, type FilterQuery } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import type { UnitKind } from '@xinfang/domain';
import { BaseEntity } from './base.entity.js';

/** Where a row sits in the unit tree: the ids of its county, township and village. */
export interface Ancestry {
  countyId: string;
  townshipId: string | null;
  villageId: string | null;
}

/**
 * A row that belongs somewhere in the unit tree (a petition, a screening report, a dispute, the unit
 * itself). It carries its ancestry as plain columns, copied once from its unit when it is made, so
 * that every permission rule is an equality on the row's own columns and "in this township" is one
 * indexed predicate (docs/architecture.md, permissions).
 *
 * Decorated as an (unreachable) object type only so that GraphQL types below it inherit BaseEntity's
 * fields through it; its own three columns are no GraphQL fields.
 */
@ObjectType()
export abstract class Located extends BaseEntity {
  @Index()
  @Property({ type: 'uuid' })
  countyId!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  townshipId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  villageId: string | null = null;
}

/** The ancestry columns of a unit, to copy onto a row that is made in it. */
export const ancestryOf = (unit: Ancestry): Ancestry => ({ countyId: unit.countyId, townshipId: unit.townshipId, villageId: unit.villageId });

/**
 * "In this unit or below it" for a located row: the county, a township and a village by their
 * ancestry column; any other unit (a department, a village group, the bureau) by the row's own
 * column that names it (`otherwise`, e.g. a petition's location or a dispute's reporting unit).
 */
export function withinUnit<T extends Located>(unit: { id: string; kind: UnitKind }, otherwise: keyof T & string): FilterQuery<T> {
  switch (unit.kind) {
    case 'COUNTY':
      return { countyId: unit.id } as FilterQuery<T>;
    case 'TOWNSHIP':
      return { townshipId: unit.id } as FilterQuery<T>;
    case 'VILLAGE':
      return { villageId: unit.id } as FilterQuery<T>;
    default:
      return { [otherwise]: unit.id } as FilterQuery<T>;
  }
}
