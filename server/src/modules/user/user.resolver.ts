import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { Unit } from '../unit/index.js';
import { ownAccount } from './own-account.js';
import { User } from './user.entity.js';
import { UserService } from './user.service.js';
import { UserConnection, UserFilter } from './user.types.js';
import { CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { LoginResult } from '../auth/index.js';

@Resolver(() => User)
export class UserResolver {
  private readonly service = new UserService();

  @Authorized()
  @Query(() => User, { description: 'The signed-in user.' })
  async me(@Ctx() ctx: SignedInContext): Promise<User> {
    return ownAccount(ctx);
  }

  @Authorized()
  @Query(() => UserConnection, { description: 'Accounts (system administrator only).' })
  users(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.service.list(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => User, { description: 'One account (system administrator only); NOT_FOUND outside the scope.' })
  user(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<User> {
    return this.service.get(ctx, id);
  }

  @Authorized()
  @Mutation(() => User, { description: 'Creates an account (system administrator).' })
  createUser(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUserInput) input: CreateUserInput): Promise<User> {
    return this.service.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => User, { description: 'Changes an account (system administrator); a stale version answers CONFLICT.' })
  updateUser(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
  ): Promise<User> {
    return this.service.update(ctx, id, version, input);
  }

  @Authorized()
  @Mutation(() => User, { description: 'Sets a new password for an account (system administrator); its sessions end.' })
  resetUserPassword(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('password') password: string,
  ): Promise<User> {
    return this.service.resetPassword(ctx, id, version, password);
  }

  @Authorized()
  @Mutation(() => LoginResult, { description: 'Changes the signed-in user’s own password. Every earlier session ends; this answers a new one.' })
  changePassword(
    @Ctx() ctx: SignedInContext,
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
  ): Promise<LoginResult> {
    return this.service.changeOwnPassword(ctx, currentPassword, newPassword);
  }

  /** A user's own unit is readable with the user: to itself, and to whoever may read the account. */
  @FieldResolver(() => Unit)
  async unit(@Ctx() ctx: RequestContext, @Root() user: User): Promise<Unit> {
    const unit = await ctx.loaders.unitById.load(user.unitId);
    if (!unit) throw new Error(`User ${user.id} has no unit`);
    return unit;
  }
}
