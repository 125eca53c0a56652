import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { Unit } from '../unit/unit.entity.js';
import { User } from './user.entity.js';
import { UserService } from './user.service.js';
import { UserConnection, UserFilter } from './user.types.js';

@Resolver(() => User)
export class UserResolver {
  private readonly service = new UserService();

  @Authorized()
  @Query(() => User, { description: 'The signed-in user.' })
  async me(@Ctx() ctx: SignedInContext): Promise<User> {
    return ctx.em.findOneOrFail(User, { id: ctx.user.id });
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

  /** A user's own unit is readable with the user: to itself, and to whoever may read the account. */
  @FieldResolver(() => Unit)
  async unit(@Ctx() ctx: RequestContext, @Root() user: User): Promise<Unit> {
    const unit = await ctx.loaders.unitById.load(user.unitId);
    if (!unit) throw new Error(`User ${user.id} has no unit`);
    return unit;
  }
}
