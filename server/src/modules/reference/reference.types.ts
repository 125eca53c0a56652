import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A petition category.' })
export class CategoryRef {
  @Field()
  code!: string;

  @Field()
  name!: string;
}
