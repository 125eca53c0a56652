import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * 数据分析 in the built portal in Chromium: the county party secretary opens the county's figures of
 * this year, clicks the closure rate's numerator and gets the petitions behind it, as many as the
 * number clicked; clicks the 逾期 count and gets the overdue petitions, as many as the tile says, and
 * opens 收到信访 from the keyboard; 青山乡 sees only its own township's figures and cannot choose the
 * county. Pictures of the dashboard, of the drill-down and of a count's petitions.
 */
describe('数据分析 in a browser', () => {
  let platform: Awaited<ReturnType<typeof startBuiltPlatform>>;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    platform = await startBuiltPlatform();
    browser = await openBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const at = (path: string) => `${platform.url}${path}`;

  async function settle(): Promise<void> {
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.el-loading-mask, .el-skeleton').count(), { timeout: 20_000 }).toBe(0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  }

  async function shot(name: string): Promise<void> {
    await settle();
    // ECharts animates its first drawing for about a second.
    await page.waitForTimeout(1200);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
  }

  async function signIn(username: string): Promise<void> {
    await page.goto(at('/login'));
    await page.evaluate(() => localStorage.removeItem('xinfang.session'));
    await page.goto(at('/login'));
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** A query as the signed-in user, through the portal's own origin. */
  const api = async <T>(query: string): Promise<T> =>
    page.evaluate(async (q) => {
      const session = JSON.parse(localStorage.getItem('xinfang.session') ?? '{}') as { token?: string };
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token ?? ''}` },
        body: JSON.stringify({ query: q }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    }, query) as Promise<T>;

  it('shows the county secretary the county’s rates of this year, and the petitions behind the closure rate', async () => {
    await signIn('secretary');
    await page.getByTestId('menu-figures').click();
    await page.waitForURL(/\/figures$/);
    await page.getByTestId('figures-rates').waitFor();
    await settle();
    const me = await api<{ me: { unit: { countyId: string } } }>('{ me { unit { countyId } } }');
    const county = await api<{ units: Array<{ id: string; name: string }> }>('{ units { id name } }');
    const countyName = county.units.find((u) => u.id === me.me.unit.countyId)?.name ?? '';
    expect(countyName).not.toBe('');
    expect(await page.getByTestId('figures-scope-name').innerText()).toBe(countyName);

    // Every rate has its tile; a rate with nothing counted says 无数据, never 0 %.
    expect(await page.getByTestId('figures-rates').locator('[data-testid$="-value"]').count()).toBe(10);
    expect(await page.getByTestId('figure-closureRate-label').innerText()).toBe('办结率');
    const numerator = Number(await page.getByTestId('figure-closureRate-numerator').innerText());
    const denominator = Number(await page.getByTestId('figure-closureRate-denominator').innerText());
    expect(numerator).toBeGreaterThan(0);
    expect(denominator).toBeGreaterThanOrEqual(numerator);
    expect(await page.getByTestId('figure-closureRate-value').innerText()).toBe(`${((numerator / denominator) * 100).toFixed(1)}%`);
    // The charts draw; the units' one reads as a table too.
    for (const kind of ['byMonth', 'closedByMonth', 'byCategory', 'byUnit', 'byTownship', 'byChannel']) await page.getByTestId(`figures-chart-${kind}`).waitFor();
    await expect.poll(() => page.locator('[data-testid$="-canvas"] canvas').count()).toBeGreaterThanOrEqual(4);
    await shot('figures-dashboard');

    await page.getByTestId('figures-chart-byUnit-as-table').click();
    await page.getByTestId('figures-chart-byUnit-table').waitFor();
    const tableTotal = (await page.getByTestId('figures-chart-byUnit-table').locator('.el-table__body tr td:nth-child(2)').allInnerTexts()).reduce((n, c) => n + Number(c), 0);
    expect(tableTotal).toBe(Number(await page.getByTestId('figures-count-received-value').innerText()));

    // The number clicked is the number of petitions listed.
    await page.getByTestId('figure-closureRate-numerator').click();
    await page.waitForURL(/\/figures\/records\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('figure')).toBe('closureRate');
    expect(url.searchParams.get('part')).toBe('NUMERATOR');
    expect(url.searchParams.get('scope')).toBe(me.me.unit.countyId);
    await settle();
    expect(await page.getByTestId('figure-records-title').innerText()).toBe('办结率');
    expect(await page.getByTestId('figure-records-definition').innerText()).toContain('期内受理的信访事项中');
    await expect.poll(() => page.getByTestId('figure-records-tabs').getByRole('tab', { name: `分子（${numerator}）` }).count()).toBe(1);
    expect(await page.getByTestId('figure-records-tabs').getByRole('tab', { name: `分母（${denominator}）` }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('figure-records-pager').locator('.el-pagination__total').innerText()).toContain(String(numerator));
    const links = page.getByTestId('figure-records-table').locator('a[data-testid^="figure-record-"]');
    expect(await links.count()).toBe(Math.min(numerator, 20));
    expect(await links.first().getAttribute('href')).toMatch(/^\/petitions\/[0-9a-f-]{36}$/);
    await shot('figures-records');

    // 分母 lists the denominator's petitions.
    await page.getByTestId('figure-records-tabs').getByRole('tab', { name: `分母（${denominator}）` }).click();
    await page.waitForURL(/part=DENOMINATOR/);
    await expect.poll(() => page.getByTestId('figure-records-pager').locator('.el-pagination__total').innerText()).toContain(String(denominator));

    // A petition opens from its row.
    const first = page.getByTestId('figure-records-table').locator('a[data-testid^="figure-record-"]').first();
    const number = await first.innerText();
    await first.click();
    await page.waitForURL(/\/petitions\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(number).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('lists the petitions behind a count for the county secretary, as many as its tile says, the groups named and reachable by the keyboard', async () => {
    await signIn('secretary');
    await page.getByTestId('menu-figures').click();
    await page.waitForURL(/\/figures$/);
    await page.getByTestId('figures-watch').waitFor();
    await settle();
    const me = await api<{ me: { unit: { countyId: string } } }>('{ me { unit { countyId } } }');
    const county = me.me.unit.countyId;

    // Two named groups of four counts, each a link.
    expect(await page.getByRole('group', { name: '受理情况' }).getByRole('link').count()).toBe(4);
    const watch = page.getByRole('group', { name: '预警与重点' });
    expect(await watch.getByRole('link').count()).toBe(4);
    expect(await page.getByTestId('figures-count-overdue').innerText()).toContain('逾期');
    expect(await page.getByTestId('figures-count-dueSoon').innerText()).toContain('即将到期');
    expect(await page.getByTestId('figures-count-keyMatters').innerText()).toContain('重点信访事项');
    expect(await page.getByTestId('figures-count-backlog').innerText()).toContain('信访积案');
    // The red and the yellow warnings in 我的待办's colours.
    const colourOf = (testid: string) => page.getByTestId(testid).evaluate((el) => getComputedStyle(el).color);
    expect(await colourOf('figures-count-overdue-value')).toBe('rgb(192, 53, 53)');
    expect(await colourOf('figures-count-dueSoon-value')).toBe('rgb(148, 96, 0)');

    // A year back to today (Asia/Shanghai), so that some petitions are overdue whatever day the test runs.
    const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const to = day(Date.now());
    const from = day(Date.now() - 364 * 86_400_000);
    await page.goto(at(`/figures?from=${from}&to=${to}`));
    await page.getByTestId('figures-watch').waitFor();
    await settle();
    expect(await page.getByTestId('figures-scope-line').innerText()).toContain(`${from} 至 ${to}`);
    const overdue = Number(await page.getByTestId('figures-count-overdue-value').innerText());
    expect(overdue).toBeGreaterThan(0);
    await shot('figures-counts');

    // The number clicked is the number of petitions listed.
    await page.getByTestId('figures-count-overdue').click();
    await page.waitForURL(/\/figures\/records\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ count: 'overdue', scope: county, from, to });
    await settle();
    expect(await page.getByTestId('figure-records-title').innerText()).toBe('逾期');
    expect(await page.getByTestId('figure-records-definition').innerText()).toContain('红色预警');
    expect(await page.getByTestId('figure-records-tabs').count()).toBe(0);
    await expect.poll(() => page.getByTestId('figure-records-pager').locator('.el-pagination__total').innerText()).toContain(String(overdue));
    const links = page.getByTestId('figure-records-table').locator('a[data-testid^="figure-record-"]');
    expect(await links.count()).toBe(Math.min(overdue, 20));
    expect(await links.first().getAttribute('href')).toMatch(/^\/petitions\/[0-9a-f-]{36}$/);
    await shot('figures-count-records');

    // Back to 数据分析 with the same scope and period.
    await page.getByTestId('figure-records-back').click();
    await page.waitForURL(/\/figures\?/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ scope: county, from, to });
    await page.getByTestId('figures-watch').waitFor();
    await settle();

    // From the keyboard: 收到信访, focused and opened with Enter.
    const received = Number(await page.getByTestId('figures-count-received-value').innerText());
    expect(received).toBeGreaterThan(0);
    await page.getByTestId('figures-count-received').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/count=received/);
    await settle();
    expect(await page.getByTestId('figure-records-title').innerText()).toBe('收到信访');
    await expect.poll(() => page.getByTestId('figure-records-pager').locator('.el-pagination__total').innerText()).toContain(String(received));
    expect(errors).toEqual([]);
  });

  it('shows 青山乡 only its own township, and never the county', async () => {
    await signIn('qingshan');
    await page.getByTestId('menu-figures').click();
    await page.waitForURL(/\/figures$/);
    await page.getByTestId('figures-rates').waitFor();
    await settle();
    expect(await page.getByTestId('figures-scope-name').innerText()).toBe('青山乡');
    expect((await page.getByTestId('figures-scope').innerText()).trim()).toBe('青山乡');

    const me = await api<{ me: { unit: { countyId: string } } }>('{ me { unit { countyId } } }');
    const county = await api<{ units: Array<{ id: string; name: string; kind: string }> }>('{ units { id name kind } }');

    // The picker offers the township and its villages, not the county.
    await page.getByTestId('figures-scope').click();
    const options = page.locator('.el-select-dropdown__item:visible');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    const names = await options.allInnerTexts();
    expect(names[0]).toBe('青山乡');
    expect(names).not.toContain('全县');
    for (const name of names.slice(1)) expect(county.units.find((u) => u.name === name)?.kind).toBe('VILLAGE');
    expect(await page.locator('.el-select-group__title:visible').allInnerTexts()).not.toContain('全县');
    await page.keyboard.press('Escape');

    // The county's address, typed in, is refused by the server, and the page says so.
    await page.goto(at(`/figures?scope=${me.me.unit.countyId}`));
    await page.getByTestId('figures-error').waitFor();
    expect(errors).toEqual([]);
  });

  it('opens 信访形势分析 for the bureau at the last full quarter, and downloads its Excel and the yearly report', async () => {
    await signIn('bureau');
    await page.getByTestId('menu-figures').click();
    await page.waitForURL(/\/figures$/);
    await page.getByTestId('figures-report').click();
    await page.waitForURL(/\/figures\/report$/);
    await page.getByTestId('report-rates').waitFor();
    await settle();
    expect(await page.getByTestId('report-title').innerText()).toBe('信访形势分析');
    // By default the last full quarter (Asia/Shanghai).
    const shanghai = new Date(Date.now() + 8 * 3600_000);
    const quarter = Math.floor(shanghai.getUTCMonth() / 3);
    const [year, last] = quarter === 0 ? [shanghai.getUTCFullYear() - 1, 4] : [shanghai.getUTCFullYear(), quarter];
    expect(await page.getByTestId('report-period').innerText()).toContain(`${year}年第${last}季度`);
    expect(await page.getByTestId('report-rates').locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('report-counts').locator('tbody tr').count()).toBe(5);

    // Last year's fourth quarter, kept in the address bar.
    const lastYear = shanghai.getUTCFullYear() - 1;
    await page.goto(at(`/figures/report?period=QUARTER&start=${lastYear}-10-01`));
    await page.getByTestId('report-rates').waitFor();
    await settle();
    expect(await page.getByTestId('report-period').innerText()).toContain(`${lastYear}年第4季度`);
    expect(await page.getByTestId('report-rate-closureRate-label').innerText()).toBe('办结率');
    expect(await page.getByTestId('report-rate-closureRate-current').innerText()).toMatch(/^(\d+\.\d%|无数据)\s*\d+ \/ \d+$/);
    expect(await page.getByTestId('report-rate-closureRate-mom').innerText()).toMatch(/^([+−]\d+\.\d%|0\.0%|—)$/);
    await shot('figures-report');

    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(excel.suggestedFilename()).toMatch(/^信访形势.*\.xlsx$/);

    await page.getByTestId('figures-yearly').click();
    await page.getByTestId('yearly-generate').waitFor();
    const [word] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('yearly-generate').click()]);
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    expect(errors).toEqual([]);
  });
});
