import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { User } from '../user/index.js';

@ObjectType({ description: 'A signed-in session.' })
export class LoginResult {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;

  @Field(() => GraphQLJSON, { description: 'The user’s CASL rules, packed (@casl/ability/extra packRules).' })
  rules!: unknown;
}
