import { Field, ID, InputType } from 'type-graphql';
import type { Role } from '@xinfang/domain';
import { RoleEnum } from '../../common/enums.js';

@InputType({ description: 'A new account.' })
export class CreateUserInput {
  @Field({ description: '3–32 characters: lower-case letters, digits, ".", "_" or "-".' })
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => [RoleEnum])
  roles!: Role[];

  @Field({ description: 'At least 10 characters.' })
  password!: string;
}

@InputType({ description: 'Changes to an account; what is left out stays as it is.' })
export class UpdateUserInput {
  @Field({ nullable: true })
  displayName?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => [RoleEnum], { nullable: true })
  roles?: Role[];

  @Field({ nullable: true, description: 'false: the account can no longer sign in, and its sessions end.' })
  active?: boolean;
}
