import { Field, Float, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { FIGURE_NAMES, FIGURE_PARTS, REPORT_PERIODS, type FigureName, type FigurePart, type ReportPeriod } from '@xinfang/domain';
import { asEnum } from '../../common/enums.js';
import { PageInfo } from '../../common/pagination.js';
import { Petition } from '../petition/index.js';
import { ScreeningPeriodType } from '../screening/index.js';
import { Dispute } from '../screening/screening.entity.js';
import { SupervisionOrder } from '../supervision/supervision.entity.js';
import { COUNT_NAMES, type CountName } from './figures.definitions.js';
import type { FigureScope } from './figures.service.js';

export const FigureNameEnum = asEnum<FigureName>(FIGURE_NAMES);
registerEnumType(FigureNameEnum, { name: 'FigureName', description: 'A rate of docs/domain.md §10; its definition is on the Rate.' });
export const FigureCountNameEnum = asEnum<CountName>(COUNT_NAMES);
registerEnumType(FigureCountNameEnum, {
  name: 'FigureCountName',
  description: 'A count of the petitions of a scope and a period: the field of `Figures` of the same name, whose description says what it counts.',
});
export const ReportPeriodEnum = asEnum<ReportPeriod>(REPORT_PERIODS);
registerEnumType(ReportPeriodEnum, { name: 'ReportPeriod', description: 'MONTH, QUARTER or YEAR: the calendar period containing `start`.' });
export const FigurePartEnum = asEnum<FigurePart>(FIGURE_PARTS);
registerEnumType(FigurePartEnum, { name: 'FigurePart', description: 'The records counted in a rate’s numerator, or in its denominator.' });

@ObjectType({ description: 'A rate computed from the records: numerator ÷ denominator; no value (null) when nothing was counted.' })
export class Rate {
  @Field(() => FigureNameEnum)
  figure!: FigureName;

  @Field({ description: 'Its name, in Chinese (办结率 …).' })
  label!: string;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator, 0–1; null for a zero denominator (“no data”), never 0 % or 100 %.' })
  value!: number | null;

  @Field({ description: 'What it counts, in one line, in Chinese.' })
  definition!: string;

  @Field({ description: 'What it counts, in one line, in English.' })
  definitionEn!: string;
}

@ObjectType({ description: 'A number of petitions received in the period with one value of a column.' })
export class FigureCount {
  @Field({ description: 'The value: a channel, a kind, a category code, a unit id, a month (YYYY-MM).' })
  key!: string;

  @Field({ description: 'The value as a person reads it (the category’s or the unit’s name).' })
  label!: string;

  @Field(() => Int)
  count!: number;
}

/** The root of `figures`: the unit and the period; every figure is a field computed when asked for. */
@ObjectType('Figures', { description: 'Every figure of a unit and a period, from the records the caller may read.' })
export class FiguresRoot {
  scope!: FigureScope;
}

/** A record counted by a figure. */
export const FigureRecord = createUnionType({
  name: 'FigureRecord',
  description: 'A record a figure counts: a petition, a dispute, a supervision order or a screening period.',
  types: () => [Petition, Dispute, SupervisionOrder, ScreeningPeriodType] as const,
  resolveType: (value) => {
    if (value instanceof Petition) return Petition;
    if (value instanceof Dispute) return Dispute;
    if (value instanceof SupervisionOrder) return SupervisionOrder;
    return ScreeningPeriodType;
  },
});

@ObjectType({ description: 'A record of a figure’s drill-down.' })
export class FigureRecordEdge {
  @Field(() => FigureRecord)
  node!: typeof FigureRecord;

  @Field()
  cursor!: string;
}

@ObjectType({ description: 'The records behind a figure’s numerator or denominator: totalCount is that number.' })
export class FigureRecordConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [FigureRecordEdge])
  edges!: FigureRecordEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'An analysis report (信访形势分析): a period’s figures beside the period before and the same period a year before.' })
export class AnalysisReport {
  @Field(() => ReportPeriodEnum)
  period!: ReportPeriod;

  @Field(() => FiguresRoot, { description: 'The period asked for.' })
  current!: FiguresRoot;

  @Field(() => FiguresRoot, { description: 'The period before (环比).' })
  previous!: FiguresRoot;

  @Field(() => FiguresRoot, { description: 'The same period a year before (同比).' })
  yearBefore!: FiguresRoot;
}
