import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** The category code table (问题类别). */
@ObjectType({ description: 'A petition category (问题类别).' })
@Entity({ tableName: 'petition_category' })
export class PetitionCategory {
  @Field()
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  sortOrder: number = 0;
}

/** A county's default handling department for a category (归口办理); none means the location's township. */
@Entity({ tableName: 'category_route' })
export class CategoryRoute {
  @PrimaryKey({ type: 'uuid' })
  countyId!: string;

  @PrimaryKey({ type: 'text' })
  categoryCode!: string;

  @Property({ type: 'uuid' })
  unitId!: string;
}
