import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context.js';
import { AuthService } from './auth.service.js';
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
}
