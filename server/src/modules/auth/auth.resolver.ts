import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { AuthService, revokeSession } from './auth.service.js';
import { LoginResult } from './auth.types.js';

@Resolver()
export class AuthResolver {
  private readonly auth = new AuthService();

  @Mutation(() => LoginResult, {
    description: 'Signs in. Wrong credentials answer UNAUTHENTICATED without saying which part was wrong.',
  })
  login(@Ctx() ctx: RequestContext, @Arg('username') username: string, @Arg('password') password: string): Promise<LoginResult> {
    return this.auth.login(ctx, username, password);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Signs out: the caller’s token answers UNAUTHENTICATED (reason SESSION_EXPIRED) from now on. Other sessions of the same account go on.',
  })
  logout(@Ctx() ctx: SignedInContext): Promise<boolean> {
    return revokeSession(ctx);
  }
}
