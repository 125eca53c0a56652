import { flushPromises, mount } from '@vue/test-utils';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { defineAbilityFor } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreeningRulesQuery } from '@/gql/graphql';
import { byTestId, click, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import ScreeningSettingsPage from './ScreeningSettingsPage.vue';
import { nextMonthFirst } from './rules';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const BUREAU = '44444444-4444-4444-8444-444444444444';

type Rule = ScreeningRulesQuery['screeningRules'][number];

const today = shanghaiDate();
const nextMonth = nextMonthFirst(today);
const monthAfter = nextMonthFirst(nextMonth);

const rule = (id: string, unitKind: Rule['unitKind'], cadence: Rule['cadence'], dueAfterDays: number, effectiveFrom: string): Rule => ({
  id,
  version: 1,
  unitKind,
  cadence,
  dueAfterDays,
  effectiveFrom,
});
// The defaults of docs/screening.md since 2024, a township rule they replaced, and a change to come.
const RULES: Rule[] = [
  rule('g', 'VILLAGE_GROUP', 'WEEKLY', 1, '2024-01-01'),
  rule('v', 'VILLAGE', 'HALF_MONTHLY', 3, '2024-01-01'),
  rule('t0', 'TOWNSHIP', 'WEEKLY', 2, '2023-06-01'),
  rule('t', 'TOWNSHIP', 'MONTHLY', 5, '2024-01-01'),
  rule('d', 'DEPARTMENT', 'MONTHLY', 5, '2024-01-01'),
  rule('d1', 'DEPARTMENT', 'MONTHLY', 10, monthAfter),
];

const bureau = () =>
  defineAbilityFor({ id: 'u1', roles: ['BUREAU'], unitId: BUREAU, unitKind: 'BUREAU', countyId: COUNTY, townshipId: null, villageId: null });

async function renderPage(handlers: FakeHandlers = {}) {
  const server = fakeServer({ ScreeningRules: () => ({ data: { screeningRules: RULES } }), ...handlers });
  const { plugins, router } = portalPlugins(bureau(), server);
  await router.push('/screening/settings');
  await router.isReady();
  const wrapper = mount(ScreeningSettingsPage, { global: { plugins }, attachTo: document.body });
  await vi.waitFor(() => expect(byTestId('screening-rules-table')).not.toBeNull());
  return { wrapper, server };
}

const MONTH_INPUT = '[data-testid="screening-rule-month"] input';
const rowText = (kind: string) => textOf(`screening-rule-${kind}`);

/** Types into the input this selector finds, as a user would. */
async function typeIn(selector: string, value: string): Promise<void> {
  const input = mustFind<HTMLInputElement>(selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await flushPromises();
}

async function openDialog(kind: string): Promise<void> {
  await click(`screening-rule-change-${kind}`);
  await vi.waitFor(() => expect(byTestId('screening-rule-submit')).not.toBeNull());
}

describe('排查设置, the screening settings page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('says each unit kind’s rule in force today in words, and the changes to come', async () => {
    await renderPage();
    expect(rowText('VILLAGE_GROUP')).toContain('村民小组');
    expect(rowText('VILLAGE_GROUP')).toContain('每周（周一至周日），周期结束后 1 天内报送，即下周一');
    expect(rowText('VILLAGE_GROUP')).toContain('自2024年1月1日起执行');
    expect(rowText('VILLAGE')).toContain('每半月（1–15日、16日–月末），结束后 3 天内报送，即当月 18 日、次月 3 日前');
    // The latest rule that has begun, not the first.
    expect(rowText('TOWNSHIP')).toContain('每月，次月 5 日前报送');
    expect(rowText('TOWNSHIP')).not.toContain('每周');
    // The department's change is to come: it stays beside the rule in force, marked as such.
    expect(rowText('DEPARTMENT')).toContain('每月，次月 5 日前报送');
    const later = textOf(`screening-rule-scheduled-DEPARTMENT-${monthAfter}`);
    expect(later).toContain('待生效');
    expect(later).toContain(`${monthAfter.slice(0, 4)}年${Number(monthAfter.slice(5, 7))}月起：每月，次月 10 日前报送`);
    expect(textOf('screening-rule-VILLAGE')).toContain('—');
  });

  it('schedules a change from the first day of the month chosen, with the periods it gives before it is sent', async () => {
    const { server } = await renderPage({
      SetScreeningRule: ({ input }) => ({ data: { setScreeningRule: { id: 'new', version: 1, ...(input as object) } } }),
    });
    await openDialog('VILLAGE_GROUP');
    // It starts from the kind's rule and the next month.
    expect(textOf('screening-rule-current')).toContain('每周（周一至周日），周期结束后 1 天内报送，即下周一');
    expect(mustFind<HTMLInputElement>(MONTH_INPUT).value).toBe(nextMonth.slice(0, 7));
    expect(mustFind<HTMLInputElement>('[data-testid="screening-rule-due"] input').value).toBe('1');

    // The month after next, typed as the picker shows it; the 1st of it is sent.
    await typeIn(MONTH_INPUT, monthAfter.slice(0, 7));
    await click(mustFind('[data-testid="screening-rule-cadence-HALF_MONTHLY"] input'));
    await typeIn('[data-testid="screening-rule-due"] input', '2');

    await vi.waitFor(() => expect(textOf('screening-rule-preview')).toContain('结束后 2 天内报送，即当月 17 日、次月 2 日前'));
    const [year, month] = [Number(monthAfter.slice(0, 4)), Number(monthAfter.slice(5, 7))];
    const preview = textOf('screening-rule-preview');
    expect(preview).toContain(`自${year}年${month}月1日起，村民小组每半月（1–15日、16日–月末）`);
    expect(preview).toContain(`${month}月1日–${month}月15日，${month}月17日前报送`);
    // The week running into the change ends the day before it, under the old rule.
    const lastDay = addDays(monthAfter, -1);
    expect(textOf('screening-rule-preview-last')).toContain(`–${Number(lastDay.slice(5, 7))}月${Number(lastDay.slice(8, 10))}日，`);
    expect(textOf('screening-rule-note')).toContain('已开始的排查期仍按原规则执行');

    await click('screening-rule-submit');
    await vi.waitFor(() => expect(server.callsOf('SetScreeningRule')).toHaveLength(1));
    expect(server.callsOf('SetScreeningRule')[0]).toEqual({
      input: { unitKind: 'VILLAGE_GROUP', cadence: 'HALF_MONTHLY', dueAfterDays: 2, effectiveFrom: monthAfter },
    });
    // The list is read again.
    await vi.waitFor(() => expect(server.callsOf('ScreeningRules').length).toBeGreaterThan(1));
  });

  it('says in Chinese why the server refused a month that has begun, and keeps the form open', async () => {
    const { server } = await renderPage({
      SetScreeningRule: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'NOT_IN_FUTURE', field: 'effectiveFrom' } }),
    });
    await openDialog('VILLAGE');
    await click(mustFind('[data-testid="screening-rule-cadence-MONTHLY"] input'));
    await click('screening-rule-submit');
    await vi.waitFor(() => expect(textOf('screening-rule-error')).toContain('只能从以后的月份起调整：已开始的月份仍按原规则执行'));
    expect(server.callsOf('SetScreeningRule')[0]).toMatchObject({ input: { unitKind: 'VILLAGE', cadence: 'MONTHLY', dueAfterDays: 3 } });
    expect(byTestId('screening-rule-submit')).not.toBeNull();
  });

  it('does not send a change that changes nothing, and says that a change to come would be replaced', async () => {
    const { server } = await renderPage({ SetScreeningRule: () => ({ data: null }) });
    await openDialog('TOWNSHIP');
    await click('screening-rule-submit');
    expect(textOf('screening-rule-error')).toContain('与届时执行的规则相同，无需调整');
    expect(server.callsOf('SetScreeningRule')).toEqual([]);

    // The department has a change to come in the month after next: choosing that month says so.
    await click(mustFind('[data-testid="screening-rule-kind"] input[value="DEPARTMENT"]'));
    expect(byTestId('screening-rule-replaces')).toBeNull();
    await typeIn(MONTH_INPUT, monthAfter.slice(0, 7));
    await vi.waitFor(() => expect(textOf('screening-rule-replaces')).toContain('保存后将替换'));
    expect(textOf('screening-rule-replaces')).toContain('每月，次月 10 日前报送');
  });

  it('calls off a change to come after a confirmation, and says why the server refused one', async () => {
    const { server } = await renderPage({ CancelScreeningRule: () => ({ data: { cancelScreeningRule: true } }) });
    // Only a change to come has the button.
    expect(byTestId(`screening-rule-cancel-DEPARTMENT-${monthAfter}`)).not.toBeNull();
    expect(document.querySelectorAll('[data-testid^="screening-rule-cancel-"]')).toHaveLength(1);
    await click(`screening-rule-cancel-DEPARTMENT-${monthAfter}`);
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')?.textContent).toContain('每月，次月 10 日前报送'));
    await click(mustFind('.el-message-box__btns .el-button--primary'));
    await vi.waitFor(() => expect(server.callsOf('CancelScreeningRule')).toEqual([{ id: 'd1', version: 1 }]));
    await vi.waitFor(() => expect(server.callsOf('ScreeningRules').length).toBeGreaterThan(1));
  });

  it('says in Chinese that a rule in force cannot be called off', async () => {
    await renderPage({ CancelScreeningRule: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'IN_FORCE' } }) });
    await click(`screening-rule-cancel-DEPARTMENT-${monthAfter}`);
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull());
    await click(mustFind('.el-message-box__btns .el-button--primary'));
    await vi.waitFor(() => expect(document.body.textContent).toContain('该规则已经生效，不能撤销'));
  });

  it('says so when the county has no rules yet', async () => {
    const server = fakeServer({ ScreeningRules: () => ({ data: { screeningRules: [] } }) });
    const { plugins, router } = portalPlugins(bureau(), server);
    await router.push('/screening/settings');
    mount(ScreeningSettingsPage, { global: { plugins }, attachTo: document.body });
    await vi.waitFor(() => expect(textOf('screening-rules-empty')).toContain('本县尚未开始矛盾纠纷排查'));
  });
});
