import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context.js';
import { PetitionCategory } from './category.entity.js';
import { categories } from './reference.service.js';

@Resolver(() => PetitionCategory)
export class ReferenceResolver {
  @Authorized()
  @Query(() => [PetitionCategory], { description: 'The category code table.' })
  petitionCategories(@Ctx() ctx: RequestContext): Promise<PetitionCategory[]> {
    return categories(ctx.em);
  }
}
