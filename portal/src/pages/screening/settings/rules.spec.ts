import { CombinedError } from '@urql/vue';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/i18n';
import { screeningErrorMessage } from '../screening-errors';
import { isFutureMonth, nextMonthFirst, previewChange, ruleBefore, rulesByKind, ruleWords, type RuleLike } from './rules';

const zh = createAppI18n('zh-CN').global.t as (key: string, params?: Record<string, unknown>) => string;
const en = createAppI18n('en').global.t as (key: string, params?: Record<string, unknown>) => string;
const refused = (extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions })] });

const rule = (unitKind: RuleLike['unitKind'], cadence: RuleLike['cadence'], dueAfterDays: number, effectiveFrom: string): RuleLike => ({
  unitKind,
  cadence,
  dueAfterDays,
  effectiveFrom,
});

describe('screening rules in words', () => {
  it('says the defaults of docs/screening.md as people say them', () => {
    expect(ruleWords(zh, { cadence: 'WEEKLY', dueAfterDays: 1 })).toBe('每周（周一至周日），周期结束后 1 天内报送，即下周一');
    expect(ruleWords(zh, { cadence: 'HALF_MONTHLY', dueAfterDays: 3 })).toBe('每半月（1–15日、16日–月末），结束后 3 天内报送，即当月 18 日、次月 3 日前');
    expect(ruleWords(zh, { cadence: 'MONTHLY', dueAfterDays: 5 })).toBe('每月，次月 5 日前报送');
    expect(ruleWords(en, { cadence: 'WEEKLY', dueAfterDays: 1 })).toBe('weekly (Monday to Sunday), due within 1 day of the week’s end: the following Monday');
    expect(ruleWords(en, { cadence: 'MONTHLY', dueAfterDays: 5 })).toBe('monthly, due by day 5 of the next month');
  });

  it('names the due day only where it is one day whatever the month', () => {
    expect(ruleWords(zh, { cadence: 'WEEKLY', dueAfterDays: 0 })).toBe('每周（周一至周日），当周周日前报送');
    expect(ruleWords(zh, { cadence: 'WEEKLY', dueAfterDays: 7 })).toBe('每周（周一至周日），周期结束后 7 天内报送，即下周日');
    expect(ruleWords(zh, { cadence: 'WEEKLY', dueAfterDays: 9 })).toBe('每周（周一至周日），周期结束后 9 天内报送');
    // The 29th is no day of February in most years.
    expect(ruleWords(zh, { cadence: 'HALF_MONTHLY', dueAfterDays: 14 })).toBe('每半月（1–15日、16日–月末），结束后 14 天内报送');
    expect(ruleWords(zh, { cadence: 'MONTHLY', dueAfterDays: 0 })).toBe('每月，当月最后一天前报送');
    expect(ruleWords(en, { cadence: 'HALF_MONTHLY', dueAfterDays: 2 })).toBe('half-monthly (1st–15th, 16th–month end), due within 2 days of the half-month’s end: by day 17 of the month and day 2 of the next');
  });
});

describe('the rules of each unit kind', () => {
  const rules = [
    rule('TOWNSHIP', 'WEEKLY', 2, '2023-06-01'),
    rule('TOWNSHIP', 'MONTHLY', 5, '2024-01-01'),
    rule('TOWNSHIP', 'MONTHLY', 7, '2026-08-01'),
    rule('VILLAGE_GROUP', 'WEEKLY', 1, '2024-01-01'),
  ];

  it('takes the latest rule begun by today as the one in force, and the later ones as scheduled', () => {
    const byKind = rulesByKind(rules, '2026-07-15');
    expect(byKind.map((k) => k.unitKind)).toEqual(['VILLAGE_GROUP', 'VILLAGE', 'TOWNSHIP', 'DEPARTMENT']);
    const township = byKind.find((k) => k.unitKind === 'TOWNSHIP')!;
    expect(township.current?.effectiveFrom).toBe('2024-01-01');
    expect(township.scheduled.map((r) => r.effectiveFrom)).toEqual(['2026-08-01']);
    expect(byKind.find((k) => k.unitKind === 'VILLAGE')).toEqual({ unitKind: 'VILLAGE', current: null, scheduled: [] });
    // On the first of the month the change is in force.
    expect(rulesByKind(rules, '2026-08-01').find((k) => k.unitKind === 'TOWNSHIP')?.current?.dueAfterDays).toBe(7);
    expect(ruleBefore(rules, 'TOWNSHIP', '2026-09-01')?.dueAfterDays).toBe(7);
    expect(ruleBefore(rules, 'TOWNSHIP', '2026-08-01')?.dueAfterDays).toBe(5);
  });

  it('previews a change: the old rule’s last period clipped at it, then the new periods', () => {
    // 2026-08-01 is a Saturday: the week of 7-27 ends on 7-31, due the next day.
    const preview = previewChange(rules, rule('VILLAGE_GROUP', 'HALF_MONTHLY', 3, '2026-08-01'));
    expect(preview.lastBefore).toEqual({ periodStart: '2026-07-27', periodEnd: '2026-07-31', dueDate: '2026-08-01' });
    expect(preview.first).toEqual([
      { periodStart: '2026-08-01', periodEnd: '2026-08-15', dueDate: '2026-08-18' },
      { periodStart: '2026-08-16', periodEnd: '2026-08-31', dueDate: '2026-09-03' },
      { periodStart: '2026-09-01', periodEnd: '2026-09-15', dueDate: '2026-09-18' },
    ]);
    // A week cut by the 1st of the month at both ends.
    expect(previewChange([], rule('VILLAGE', 'WEEKLY', 1, '2026-08-01'))).toEqual({
      lastBefore: null,
      first: [
        { periodStart: '2026-08-01', periodEnd: '2026-08-02', dueDate: '2026-08-03' },
        { periodStart: '2026-08-03', periodEnd: '2026-08-09', dueDate: '2026-08-10' },
        { periodStart: '2026-08-10', periodEnd: '2026-08-16', dueDate: '2026-08-17' },
      ],
    });
    // Replacing the scheduled township change previews the new values, not the old ones.
    expect(previewChange(rules, rule('TOWNSHIP', 'MONTHLY', 3, '2026-08-01')).first[0]).toEqual({ periodStart: '2026-08-01', periodEnd: '2026-08-31', dueDate: '2026-09-03' });
  });

  it('knows the months after this one, across a year’s end', () => {
    expect(nextMonthFirst('2026-12-31')).toBe('2027-01-01');
    expect(nextMonthFirst('2026-01-31')).toBe('2026-02-01');
    expect(isFutureMonth('2026-12-01', '2026-11-27')).toBe(true);
    expect(isFutureMonth('2026-11-01', '2026-11-27')).toBe(false);
  });

  it('says why the server refused a rule, in Chinese', () => {
    const message = (extensions: Record<string, unknown>) => screeningErrorMessage(refused(extensions), zh, 'rule');
    expect(message({ code: 'BAD_USER_INPUT', reason: 'NOT_IN_FUTURE', field: 'effectiveFrom' })).toBe('只能从以后的月份起调整：已开始的月份仍按原规则执行');
    expect(message({ code: 'BAD_USER_INPUT', reason: 'NOT_FIRST_OF_MONTH', field: 'effectiveFrom' })).toBe('新规则须从某月 1 日起生效');
    expect(message({ code: 'BAD_USER_INPUT', reason: 'DUE_AFTER_DAYS', field: 'dueAfterDays' })).toBe('报送期限须为每期结束后 0–15 天');
    expect(message({ code: 'CONFLICT' })).toBe('他人刚刚设置了同一规则，已重新载入，请核对后再保存');
    expect(message({ code: 'FORBIDDEN' })).toBe('只有县群众工作局可以调整排查规则');
    expect(message({ code: 'BAD_USER_INPUT', field: 'unitKind' })).toBe('该类单位不报送矛盾纠纷排查');
  });
});
