import { Field, ID, InputType } from 'type-graphql';
import type { Role } from '@xinfang/domain';
import { RoleEnum } from '../../common/enums.js';
import { Connection } from '../../common/pagination.js';
import { User } from './user.entity.js';

@InputType({ description: 'Narrows the accounts listed.' })
export class UserFilter {
  @Field(() => ID, { nullable: true, description: 'Accounts of this unit and the units below it.' })
  unitSubtreeOf?: string;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role;

  @Field({ nullable: true, description: 'Part of the username or display name.' })
  text?: string;

  @Field({ nullable: true })
  active?: boolean;
}

export const UserConnection = Connection(User, 'User');
