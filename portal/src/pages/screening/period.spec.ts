import { CombinedError } from '@urql/vue';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/i18n';
import { isMonthValue, monthsBefore, periodLabel, periodShortLabel } from './period';
import { formPropOf, screeningErrorMessage } from './screening-errors';

const zh = createAppI18n('zh-CN').global.t as (key: string, params?: Record<string, unknown>) => string;
const en = createAppI18n('en').global.t as (key: string, params?: Record<string, unknown>) => string;
const refused = (extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions })] });

describe('screening periods in words', () => {
  it('names a month, a half-month and a week as people say them', () => {
    expect(periodLabel(zh, '2026-05-01', '2026-05-31')).toBe('2026年5月');
    expect(periodLabel(zh, '2026-02-01', '2026-02-15')).toBe('2026年2月上半月');
    expect(periodLabel(zh, '2026-02-16', '2026-02-28')).toBe('2026年2月下半月');
    expect(periodLabel(zh, '2026-05-04', '2026-05-10')).toBe('2026-05-04 至 2026-05-10');
    // A week clipped at a rule change is some days, not a half-month.
    expect(periodLabel(zh, '2026-06-01', '2026-06-07')).toBe('2026-06-01 至 2026-06-07');
    expect(periodLabel(en, '2026-05-01', '2026-05-31')).toBe('5/2026');
  });

  it('shortens them for a cell of the month’s grid', () => {
    expect(periodShortLabel(zh, '2026-05-01', '2026-05-31')).toBe('5月');
    expect(periodShortLabel(zh, '2026-05-16', '2026-05-31')).toBe('下半月');
    expect(periodShortLabel(zh, '2026-04-27', '2026-05-03')).toBe('4/27–5/3');
  });

  it('counts months back across a year’s end, and reads only real months from the address', () => {
    expect(monthsBefore('2026-02-20', 3)).toBe('2025-11-01');
    expect(monthsBefore('2026-05-31', 0)).toBe('2026-05-01');
    expect(isMonthValue('2026-05')).toBe(true);
    expect(isMonthValue('2026-13')).toBe(false);
    expect(isMonthValue(['2026-05'])).toBe(false);
  });
});

describe('screening refusals in words', () => {
  it('says a screening reason first, in Chinese', () => {
    expect(screeningErrorMessage(refused({ code: 'BAD_USER_INPUT', reason: 'ZERO_WITH_DISPUTES', field: 'disputes' }), zh, 'submit')).toBe('零报告不能列有矛盾纠纷');
    expect(screeningErrorMessage(refused({ code: 'BAD_USER_INPUT', reason: 'NOT_MAJOR' }), zh, 'dispute')).toBe('只有重大矛盾纠纷上报维稳工作组；一般纠纷由属地化解');
  });

  it('says what a conflict or a missing record means for what was being done', () => {
    expect(screeningErrorMessage(refused({ code: 'CONFLICT' }), zh, 'dispute')).toBe('该矛盾纠纷已被他人修改，已重新载入，请核对后再操作');
    expect(screeningErrorMessage(refused({ code: 'CONFLICT' }), zh, 'report')).toBe('该报告已被他人更正或审核，已重新载入，请核对后再操作');
    expect(screeningErrorMessage(refused({ code: 'NOT_FOUND' }), zh, 'link')).toBe('信访事项不存在或无权查看');
    expect(screeningErrorMessage(refused({ code: 'FORBIDDEN' }), zh, 'submit')).toBe('只能报送和更正本单位的排查报告');
    expect(screeningErrorMessage(refused({ code: 'FORBIDDEN' }), zh, 'dispute')).toBe('没有权限');
  });

  it('names a dispute row’s field by its last part, and puts it beside that row’s field', () => {
    expect(screeningErrorMessage(refused({ code: 'BAD_USER_INPUT', field: 'addDisputes.1.resolveBy' }), zh, 'report')).toBe('化解期限不能早于今天');
    expect(formPropOf('addDisputes.1.resolveBy', [])).toBe('disputes.1.resolveBy');
    expect(formPropOf('disputes.0.parties', [])).toBe('disputes.0.parties');
    expect(formPropOf('reason', ['reason'])).toBe('reason');
    expect(formPropOf('withdrawDisputeIds', ['reason'])).toBeNull();
    expect(formPropOf(undefined, ['reason'])).toBeNull();
  });
});
