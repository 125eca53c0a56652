import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { UnitKind } from '@xinfang/domain';
import { UnitKindEnum } from '../../common/enums.js';

/** A unit on another unit's path: just enough to show where it sits in the tree. */
@ObjectType({ description: 'A unit on the path from the county down to a unit.' })
export class UnitPathItem {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => UnitKindEnum)
  kind!: UnitKind;
}

@InputType({ description: 'Narrows the units listed; the caller’s scope always applies.' })
export class UnitFilter {
  @Field(() => [UnitKindEnum], { nullable: true })
  kinds?: UnitKind[];

  @Field(() => ID, { nullable: true, description: 'Only this unit and the units below it.' })
  subtreeOf?: string;
}

@InputType({ description: 'A new unit under an existing one.' })
export class CreateUnitInput {
  @Field()
  name!: string;

  @Field(() => UnitKindEnum)
  kind!: UnitKind;

  @Field(() => ID, { description: 'The unit it hangs under: a township under the county, a village under a township, …' })
  parentId!: string;

  @Field(() => Int, { nullable: true })
  sortOrder?: number;
}

@InputType({ description: 'Changes to a unit; what is left out stays as it is.' })
export class UpdateUnitInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => Int, { nullable: true })
  sortOrder?: number;
}
