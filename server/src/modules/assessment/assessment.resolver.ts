import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pointsText, rateValue, shanghaiDate, type UnitKind, type VetoDecision, type VetoStatus } from '@xinfang/domain';
import { ledgerSheet, ExportFile } from '../../common/export.js';
import type { SignedInContext } from '../../common/context.js';
import { UnitKindEnum } from '../../common/enums.js';
import { UnitPathItem, unitRef } from '../unit/index.js';
import type { AssessmentObjection, AssessmentResult, AssessmentVeto, Commendation } from './assessment.entity.js';
import { AssessmentService, type SchemeView } from './assessment.service.js';
import {
  AnswerObjectionInput,
  AssessmentObjectionType,
  AssessmentResultType,
  AssessmentSchemeType,
  AssessmentVetoEventType,
  AssessmentVetoType,
  AssessmentYearType,
  CommendationInput,
  CommendationType,
  DeductionScore,
  IndicatorScore,
  ObjectionInput,
  ResultChange,
  SaveSchemeInput,
  VetoDecisionEnum,
} from './assessment.types.js';

const assessment = new AssessmentService();
const points = (hundredths: number) => hundredths / 100;

const schemeOut = (s: SchemeView): AssessmentSchemeType => ({
  ...s,
  deductions: s.deductions.map((d) => ({ kind: d.kind, points: points(d.perOccurrence) })),
  weightTotal: s.indicators.reduce((a, i) => a + i.weight, 0),
});

const VETO_WORDS: Record<VetoStatus, string> = { NONE: '无', PROPOSED: '拟否决', CONFIRMED: '一票否决', REVOKED: '已撤销' };
const KIND_WORDS: Record<string, string> = { TOWNSHIP: '镇乡', DEPARTMENT: '部门', VILLAGE: '村(居)' };

/** Assessment (目标考核) and 一票否决 (docs/domain.md §8). */
@Resolver()
export class AssessmentResolver {
  @Authorized()
  @Query(() => [AssessmentSchemeType], { description: 'A year’s schemes for townships, departments and villages (every unit of the county reads them).' })
  async assessmentSchemes(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number) {
    return (await assessment.schemes(ctx, year)).map(schemeOut);
  }

  @Authorized()
  @Mutation(() => AssessmentSchemeType, { description: 'The bureau saves a year’s scheme for a unit kind; the weights must add up to 100; frozen once the year is published.' })
  async saveAssessmentScheme(@Ctx() ctx: SignedInContext, @Arg('input', () => SaveSchemeInput) input: SaveSchemeInput) {
    return schemeOut(await assessment.saveScheme(ctx, input));
  }

  @Authorized()
  @Query(() => AssessmentYearType, { nullable: true, description: 'The county’s assessment year and its stage; null before anything was saved or computed.' })
  assessmentYear(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number) {
    return assessment.yearRow(ctx, year);
  }

  @Authorized()
  @Mutation(() => AssessmentYearType, { description: 'The bureau computes a year’s results from the records (again: each result says what changed); the vetoes the records call for are proposed.' })
  computeAssessment(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number) {
    return assessment.compute(ctx, year);
  }

  @Authorized()
  @Query(() => [AssessmentResultType], { description: 'A year’s results of a unit kind that the caller may read, by rank.' })
  assessmentResults(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number, @Arg('unitKind', () => UnitKindEnum) unitKind: UnitKind) {
    return assessment.results(ctx, year, unitKind);
  }

  @Authorized()
  @Query(() => AssessmentResultType, { description: 'A unit’s result of a year: NOT_FOUND when there is none or it is outside the caller’s view.' })
  assessmentResult(@Ctx() ctx: SignedInContext, @Arg('unitId', () => ID) unitId: string, @Arg('year', () => Int) year: number) {
    return assessment.result(ctx, unitId, year);
  }

  @Authorized()
  @Query(() => ExportFile, { description: 'A year’s results of a unit kind as an Excel table (考核结果), for the committee.' })
  async exportAssessmentResults(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number, @Arg('unitKind', () => UnitKindEnum) unitKind: UnitKind): Promise<ExportFile> {
    const results = await assessment.results(ctx, year, unitKind);
    const units = await Promise.all(results.map((r) => unitRef(ctx, r.unitId)));
    const indicators = results[0]?.indicators ?? [];
    const ledger = ledgerSheet(`${year}年度${KIND_WORDS[unitKind] ?? ''}考核结果`, [
      { header: '名次', key: 'rank', width: 8 },
      { header: '单位', key: 'unit', width: 20 },
      ...indicators.map((i) => ({ header: `${i.name}（${i.weight}分）`, key: i.figure, width: 16 })),
      { header: '扣分', key: 'deducted', width: 10 },
      { header: '总分', key: 'total', width: 10 },
      { header: '一票否决', key: 'veto', width: 12 },
    ]);
    results.forEach((r, n) =>
      ledger.sheet.addRow({
        rank: r.rank,
        unit: units[n]?.name ?? '',
        ...Object.fromEntries(r.indicators.map((i) => [i.figure, Number(pointsText(i.points))])),
        deducted: Number(pointsText(r.deducted)),
        total: Number(pointsText(r.total)),
        veto: VETO_WORDS[r.vetoStatus],
      }),
    );
    return ledger.file(shanghaiDate(), results.length);
  }

  @Authorized()
  @Query(() => [AssessmentVetoType], { description: 'A year’s vetoes the caller may read, oldest first.' })
  assessmentVetoes(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number) {
    return assessment.vetoesOf(ctx, { countyId: ctx.user.countyId, year });
  }

  @Authorized()
  @Mutation(() => AssessmentVetoType, { description: 'The bureau proposes a veto (一票否决) of a unit’s year with its reason.' })
  proposeVeto(@Ctx() ctx: SignedInContext, @Arg('unitId', () => ID) unitId: string, @Arg('year', () => Int) year: number, @Arg('reason') reason: string) {
    return assessment.proposeVeto(ctx, unitId, year, reason);
  }

  @Authorized()
  @Mutation(() => AssessmentVetoType, { description: 'The county party committee (a county leader) confirms or revokes a proposed veto with its reason.' })
  decideVeto(@Ctx() ctx: SignedInContext, @Arg('vetoId', () => ID) vetoId: string, @Arg('decision', () => VetoDecisionEnum) decision: VetoDecision, @Arg('reason') reason: string) {
    return assessment.decideVeto(ctx, vetoId, decision, reason);
  }

  @Authorized()
  @Mutation(() => AssessmentYearType, { description: 'The county party committee opens the review (公示) of a computed year: five working days in which each unit sees its own draft and may object.' })
  openAssessmentReview(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number) {
    return assessment.openReview(ctx, year);
  }

  @Authorized()
  @Mutation(() => AssessmentObjectionType, { description: 'A unit objects to its own draft result during the review: to one indicator or one veto, with its reason.' })
  objectToAssessment(@Ctx() ctx: SignedInContext, @Arg('resultId', () => ID) resultId: string, @Arg('input', () => ObjectionInput) input: ObjectionInput) {
    return assessment.object(ctx, resultId, input);
  }

  @Authorized()
  @Query(() => [AssessmentObjectionType], { description: 'A year’s objections the caller may read, oldest first.' })
  assessmentObjections(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number) {
    return assessment.objectionsOf(ctx, { countyId: ctx.user.countyId, year });
  }

  @Authorized()
  @Mutation(() => AssessmentObjectionType, { description: 'The bureau answers an objection: upheld (with the correction; the result is recomputed) or rejected (with the reason).' })
  answerAssessmentObjection(@Ctx() ctx: SignedInContext, @Arg('objectionId', () => ID) objectionId: string, @Arg('input', () => AnswerObjectionInput) input: AnswerObjectionInput) {
    return assessment.answer(ctx, objectionId, input);
  }

  @Authorized()
  @Mutation(() => AssessmentYearType, { description: 'The county party committee publishes a year after its review: its results are frozen as they stand.' })
  publishAssessment(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number) {
    return assessment.publish(ctx, year);
  }

  @Authorized()
  @Mutation(() => CommendationType, { description: 'Records a commendation (表彰) of a unit for a published year.' })
  recordCommendation(@Ctx() ctx: SignedInContext, @Arg('input', () => CommendationInput) input: CommendationInput) {
    return assessment.commend(ctx, input);
  }

  @Authorized()
  @Query(() => [CommendationType], { description: 'A year’s commendations.' })
  commendations(@Ctx() ctx: SignedInContext, @Arg('year', () => Int) year: number) {
    return assessment.commendations(ctx, year);
  }
}

@Resolver(() => AssessmentResultType)
export class AssessmentResultResolver {
  @FieldResolver(() => UnitPathItem)
  unit(@Ctx() ctx: SignedInContext, @Root() r: AssessmentResult) {
    return unitRef(ctx, r.unitId);
  }

  @FieldResolver(() => Float, { description: 'The indicators’ points.' })
  subtotal(@Root() r: AssessmentResult) {
    return points(r.subtotal);
  }

  @FieldResolver(() => Float, { description: 'The deductions.' })
  deducted(@Root() r: AssessmentResult) {
    return points(r.deducted);
  }

  @FieldResolver(() => Float, { description: 'subtotal − deducted, never below zero.' })
  total(@Root() r: AssessmentResult) {
    return points(r.total);
  }

  @FieldResolver(() => Boolean, { description: 'A confirmed veto voids the result, whatever its score.' })
  voided(@Root() r: AssessmentResult) {
    return r.vetoStatus === 'CONFIRMED';
  }

  @FieldResolver(() => [IndicatorScore])
  async indicators(@Ctx() ctx: SignedInContext, @Root() r: AssessmentResult): Promise<IndicatorScore[]> {
    const averages = await assessment.peerAverages(ctx, r);
    return r.indicators.map((i) => ({
      ...i,
      value: rateValue(i.numerator, i.denominator),
      points: points(i.points),
      correction: points(i.correction),
      peerAverage: averages.has(i.figure) ? Math.round(averages.get(i.figure)!) / 100 : null,
    }));
  }

  @FieldResolver(() => [DeductionScore])
  deductions(@Root() r: AssessmentResult): DeductionScore[] {
    return r.deductions.map((d) => ({ ...d, perOccurrence: points(d.perOccurrence), points: points(d.points) }));
  }

  @FieldResolver(() => [ResultChange], { description: 'What the last computation changed against the one before, and why.' })
  changes(@Root() r: AssessmentResult) {
    return r.changes;
  }

  @FieldResolver(() => [AssessmentVetoType], { description: 'The unit’s vetoes of the year, with their history.' })
  vetoes(@Ctx() ctx: SignedInContext, @Root() r: AssessmentResult) {
    return assessment.vetoesOf(ctx, { unitId: r.unitId, year: r.year });
  }

  @FieldResolver(() => [AssessmentObjectionType], { description: 'The unit’s objections to this result and their answers.' })
  objections(@Ctx() ctx: SignedInContext, @Root() r: AssessmentResult) {
    return assessment.objectionsOf(ctx, { resultId: r.id });
  }
}

@Resolver(() => AssessmentVetoType)
export class AssessmentVetoResolver {
  @FieldResolver(() => UnitPathItem)
  unit(@Ctx() ctx: SignedInContext, @Root() v: AssessmentVeto) {
    return unitRef(ctx, v.unitId);
  }

  @FieldResolver(() => [AssessmentVetoEventType], { description: 'Proposed, confirmed, revoked, reopened: oldest first.' })
  history(@Ctx() ctx: SignedInContext, @Root() v: AssessmentVeto) {
    return assessment.history(ctx, v);
  }
}

@Resolver(() => AssessmentObjectionType)
export class AssessmentObjectionResolver {
  @FieldResolver(() => UnitPathItem)
  unit(@Ctx() ctx: SignedInContext, @Root() o: AssessmentObjection) {
    return unitRef(ctx, o.unitId);
  }

  @FieldResolver(() => Float, { description: 'The correction recorded when upheld, in points.' })
  correction(@Root() o: AssessmentObjection) {
    return points(o.correction);
  }
}

@Resolver(() => CommendationType)
export class CommendationResolver {
  @FieldResolver(() => UnitPathItem)
  unit(@Ctx() ctx: SignedInContext, @Root() c: Commendation) {
    return unitRef(ctx, c.unitId);
  }
}
