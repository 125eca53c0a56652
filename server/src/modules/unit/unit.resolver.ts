import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context.js';
import { Unit } from './unit.entity.js';
import { UnitService } from './unit.service.js';
import { CreateUnitInput, UnitFilter, UnitPathItem, UpdateUnitInput } from './unit.types.js';

@Resolver(() => Unit)
export class UnitResolver {
  private readonly service = new UnitService();

  @Authorized()
  @Query(() => [Unit], { description: 'The units the caller may see, county first, in tree order.' })
  units(@Ctx() ctx: RequestContext, @Arg('filter', () => UnitFilter, { nullable: true }) filter?: UnitFilter): Promise<Unit[]> {
    return this.service.list(ctx, filter ?? {});
  }

  @Authorized()
  @Query(() => Unit, { description: 'One unit; NOT_FOUND outside the caller’s scope.' })
  unit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Unit> {
    return this.service.get(ctx, id);
  }

  @Authorized()
  @Mutation(() => Unit, { description: 'Adds a unit under an existing one (system administrator).' })
  createUnit(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUnitInput) input: CreateUnitInput): Promise<Unit> {
    return this.service.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Unit, { description: 'Renames or reorders a unit (system administrator); a stale version answers CONFLICT.' })
  updateUnit(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateUnitInput) input: UpdateUnitInput,
  ): Promise<Unit> {
    return this.service.update(ctx, id, version, input);
  }

  // The ancestry columns are a Unit's own fields; on the other located rows they stay internal.
  @FieldResolver(() => ID)
  countyId(@Root() unit: Unit): string {
    return unit.countyId;
  }

  @FieldResolver(() => ID, { nullable: true })
  townshipId(@Root() unit: Unit): string | null {
    return unit.townshipId;
  }

  @FieldResolver(() => ID, { nullable: true })
  villageId(@Root() unit: Unit): string | null {
    return unit.villageId;
  }

  @FieldResolver(() => [UnitPathItem], { description: 'From the county down to this unit, itself last.' })
  path(@Ctx() ctx: RequestContext, @Root() unit: Unit): Promise<UnitPathItem[]> {
    return this.service.path(ctx, unit);
  }
}
