import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, cadencePeriodContaining, shanghaiDate } from '@xinfang/domain';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * A month of screening in a browser: 石桥村 (shiqiao) submits its half-month as a zero report,
 * 青山乡 (qingshan) sees it in its township's grid, then submits the township's monthly report with
 * one dispute, which lands in the dispute ledger.
 */
describe('screening: a village zero report and a township monthly report in a browser', () => {
  let platform: Awaited<ReturnType<typeof startBuiltPlatform>>;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  // The demo county leaves every unit's current period open.
  const today = shanghaiDate();
  const halfMonth = cadencePeriodContaining('HALF_MONTHLY', today).start;
  // ... and 石桥村's last ended half-month too: missing, or due within three days.
  const lastHalfMonth = cadencePeriodContaining('HALF_MONTHLY', addDays(halfMonth, -1)).start;
  const month = cadencePeriodContaining('MONTHLY', today).start;

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    platform = await startBuiltPlatform();
    browser = await openBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const at = (path: string) => `${platform.url}${path}`;

  async function shot(name: string): Promise<void> {
    await expect.poll(() => page.locator('.el-loading-mask').count()).toBe(0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
  }

  async function signIn(username: string): Promise<void> {
    await page.goto(at('/login'));
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  async function signOut(): Promise<void> {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
  }

  const statusOf = (testid: string) => page.getByTestId(testid).getAttribute('data-status');

  it('石桥村 is reminded on its dashboard and submits a zero report with one click and a confirmation', async () => {
    await signIn('shiqiao');
    // 我的待办 is the unit's dashboard.
    await page.goto(at('/my-work'));
    await expect.poll(() => page.getByTestId(`screening-reminder-own-${lastHalfMonth}`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot('e2e-screening-shiqiao-reminder');
    await page.getByTestId(`screening-reminder-submit-${lastHalfMonth}`).click();
    await page.waitForURL(/\/screening\/submit/);
    await expect.poll(() => statusOf(`period-status-${halfMonth}`), { timeout: 15_000 }).toBe('DUE');
    await page.getByTestId(`zero-report-${halfMonth}`).click();
    await page.getByTestId('zero-report-confirm').click();
    await expect.poll(() => statusOf(`period-status-${halfMonth}`), { timeout: 15_000 }).toBe('SUBMITTED');
    await expect.poll(() => page.getByTestId(`zero-report-${halfMonth}`).count()).toBe(0);
    await shot('e2e-screening-shiqiao-zero-report');
    await signOut();
  });

  it('青山乡 sees it in the township grid, then submits its monthly report with one dispute', async () => {
    await signIn('qingshan');
    await page.goto(at('/screening/compliance'));
    await expect.poll(() => statusOf(`compliance-cell-石桥村-${halfMonth}`), { timeout: 15_000 }).toBe('SUBMITTED');
    // Its own month is still open, and every village and group of the township has a row.
    expect(await statusOf(`compliance-cell-青山乡-${month}`)).toBe('DUE');
    for (const unit of ['青山乡', '石桥村', '青山村', '青山村一组', '青山村二组']) {
      expect(await page.getByTestId(`compliance-row-${unit}`).count()).toBe(1);
    }
    expect(await page.getByTestId('compliance-row-东街社区').count()).toBe(0);
    await shot('e2e-screening-qingshan-grid');

    await page.goto(at('/screening/submit'));
    await page.getByTestId(`report-disputes-${month}`).click();
    await page.getByTestId('dispute-category-0').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '土地' }).first().click();
    await page.getByTestId('dispute-parties-0').fill('青山村村民张某与李某');
    await page.getByTestId('dispute-headcount-0').locator('input').fill('2');
    await page.getByTestId('dispute-summary-0').fill('两户因宅基地边界界桩位置发生争执，已由村调委会介入调解');
    await page.getByTestId('dispute-risk-0-GENERAL').click();
    await shot('e2e-screening-qingshan-dispute-form');
    await page.getByTestId('dispute-form-submit').click();
    await expect.poll(() => statusOf(`period-status-${month}`), { timeout: 15_000 }).toBe('SUBMITTED');

    await page.goto(at('/disputes'));
    await expect.poll(() => page.getByTestId('disputes-table').innerText(), { timeout: 15_000 }).toContain('两户因宅基地边界界桩位置发生争执');
    await shot('e2e-screening-qingshan-ledger');
  });

  it('the server holds exactly what was submitted', async () => {
    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(at('/graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- a test reads answers of many shapes
    };
    const token = (await post('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'qingshan', p: DEMO_PASSWORD })).data.login.token as string;
    const me = (await post('{ me { unitId } }', {}, token)).data.me.unitId as string;
    const periods = (await post('query($u: ID!, $d: Date!) { screeningPeriods(unitId: $u, from: $d, to: $d) { periodStart status report { isZeroReport disputes { parties headcount riskLevel category { code } } } } }', { u: me, d: today }, token)).data.screeningPeriods;
    expect(periods).toEqual([
      { periodStart: month, status: 'SUBMITTED', report: { isZeroReport: false, disputes: [{ parties: '青山村村民张某与李某', headcount: 2, riskLevel: 'GENERAL', category: { code: 'LAND' } }] } },
    ]);
  });
});
