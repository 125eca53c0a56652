import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { UNIT_KINDS, type UnitKind } from '@xinfang/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Located } from '../../common/located.entity.js';
import { UnitKindEnum } from '../../common/enums.js';

/**
 * One unit of the county tree (docs/domain.md §2). Besides its parent it carries a materialised `path` of
 * ancestor ids and, as a `Located` row, the ids of its county, township and village (a township's
 * `townshipId` is its own id), so that "in this subtree" is a single indexed predicate and every
 * permission rule is a plain equality on its own columns. The three ids are GraphQL fields of a Unit
 * only (unit.resolver.ts), not of the other located rows.
 */
@ObjectType({ description: 'A unit of the county tree: the county, a township, a village, a department, …' })
@Entity({ tableName: 'unit' })
export class Unit extends Located {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => UnitKindEnum)
  @Enum({ items: () => [...UNIT_KINDS] })
  kind!: UnitKind;

  @Field(() => ID, { nullable: true })
  // A foreign key kept as a plain id (mapToPk), so that rules and filters compare columns.
  @Index()
  @ManyToOne(() => Unit, { mapToPk: true, nullable: true, fieldName: 'parent_id', type: 'uuid', deleteRule: 'restrict' })
  parentId: string | null = null;

  /** `/<county id>/<township id>/<own id>/`: a subtree is `path LIKE '<prefix>%'`. */
  @Index({ name: 'unit_path_prefix_index', expression: 'create index "unit_path_prefix_index" on "unit" ("path" text_pattern_ops)' })
  @Property({ type: 'text', unique: true })
  path!: string;

  @Field(() => Int, { description: '0 for the county, 1 for its townships and departments, …' })
  @Property({ type: 'smallint' })
  depth!: number;

  @Field(() => String, { nullable: true, description: 'A short code; a county’s code begins its petition numbers.' })
  @Property({ type: 'text', nullable: true })
  code: string | null = null;

  @Field(() => String, { nullable: true, description: 'DISCIPLINE_COMMISSION: accusations go here (检举控告).' })
  @Enum({ items: ['DISCIPLINE_COMMISSION'], nullable: true })
  function: 'DISCIPLINE_COMMISSION' | null = null;

  @Field(() => Int, { description: 'Order among its siblings.' })
  @Property({ type: 'integer', default: 0 })
  sortOrder: number = 0;

  /** The ids on the path, county first, the unit itself last. */
  pathIds(): string[] {
    return this.path.split('/').filter(Boolean);
  }
}
