import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { subject } from '@xinfang/permissions';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { ExportFile } from '../../common/export.js';
import { caseLedger } from './petition.cases-export.js';
import { CaseService } from './petition.cases.js';
import { CaseFilter, CaseOwnership, CaseOwnershipInput, LeaderRef } from './petition.cases.types.js';
import { Petition } from './petition.entity.js';
import { canRead, shown } from './petition.fields.js';
import { PetitionConnection } from './petition.types.js';

/** Hard cases: the key-matter and backlog lists and 包案 (docs/domain.md §5). */
@Resolver(() => Petition)
export class CaseResolver {
  private readonly cases = new CaseService();

  @Authorized()
  @Query(() => PetitionConnection, { description: 'The key matters (重点信访事项) the caller may see, oldest first.' })
  keyMatters(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.cases.keyMatters(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => PetitionConnection, { description: 'The backlog (信访积案: open two years or more, or so designated) the caller may see, oldest first.' })
  backlog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return this.cases.backlog(ctx, filter ?? {}, first, after);
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The key matters of a filter as an Excel ledger (重点信访事项台账): the same scope and field rules as `keyMatters`.' })
  async exportKeyMatters(@Ctx() ctx: RequestContext, @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter): Promise<ExportFile> {
    const rows = await this.cases.allKeyMatters(ctx, filter ?? {});
    return caseLedger(ctx, '重点信访事项台账', rows, await this.cases.leaderNames(ctx, rows));
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'The backlog of a filter as an Excel ledger (信访积案台账): the same scope and field rules as `backlog`.' })
  async exportBacklog(@Ctx() ctx: RequestContext, @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter): Promise<ExportFile> {
    const rows = await this.cases.allBacklog(ctx, filter ?? {});
    return caseLedger(ctx, '信访积案台账', rows, await this.cases.leaderNames(ctx, rows));
  }

  @Authorized()
  @Query(() => [LeaderRef], { description: 'The county’s leaders, to name a hard case’s responsible leader (those who may record 包案).' })
  countyLeaders(@Ctx() ctx: SignedInContext) {
    return this.cases.leaders(ctx);
  }

  @Authorized()
  @Mutation(() => Petition, { description: 'Records a hard case’s 包案 "五个一": its leader, its unit, its resolution and stability plans (the bureau, or a county leader for itself).' })
  setCaseOwnership(@Ctx() ctx: SignedInContext, @Arg('petitionId', () => ID) petitionId: string, @Arg('input', () => CaseOwnershipInput) input: CaseOwnershipInput) {
    return this.cases.setOwnership(ctx, petitionId, input);
  }

  @FieldResolver(() => CaseOwnership, { description: '包案 "五个一" and what of it is missing.' })
  ownership(@Ctx() ctx: RequestContext, @Root() p: Petition) {
    return this.cases.ownershipOf(ctx, p);
  }

  @FieldResolver(() => Boolean, { description: 'The caller may record its 包案 now (a key matter or backlog case, open, and the caller’s to own).' })
  canSetOwnership(@Ctx() ctx: RequestContext, @Root() p: Petition): boolean {
    return this.cases.canSetOwnership(ctx, p);
  }

  @FieldResolver(() => Boolean, { description: 'The caller may flag it now: mark or unmark a key matter or backlog (flagPetition).' })
  canFlag(@Ctx() ctx: RequestContext, @Root() p: Petition): boolean {
    return ctx.ability.can('flag', subject('Petition', p));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it is a key matter; withheld like the timeline notes.' })
  keyMatterReason(@Ctx() ctx: RequestContext, @Root() p: Petition): string | null {
    return canRead(ctx, p, 'timelineNotes') ? shown(ctx, p, p.keyMatterReason) : null;
  }

  @FieldResolver(() => Int, { description: 'Days since it was received, to its closure or today.' })
  ageDays(@Root() p: Petition): number {
    return this.cases.ageDays(p);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When its timeline last moved.' })
  lastActionAt(@Ctx() ctx: RequestContext, @Root() p: Petition) {
    return this.cases.lastActionAt(ctx, p);
  }
}
