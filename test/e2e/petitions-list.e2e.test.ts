import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * 信访事项 and 我的待办 in Chromium against the built platform and the demo county (320 petitions):
 * the bureau lists, filters, searches and exports the county's petitions; a township sees its own.
 */
/** The built server on a busy machine: a list may take a few seconds. */
const WAIT = { timeout: 15_000 };

describe('the petition list and my work in a browser', () => {
  let platform: Awaited<ReturnType<typeof startBuiltPlatform>>;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;

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

  /** Waits until the list has settled: no loading mask, no transition under way. */
  async function settled(): Promise<void> {
    await expect.poll(() => page.locator('.el-loading-mask:visible').count(), WAIT).toBe(0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  }

  async function shot(name: string): Promise<void> {
    await settled();
    await page.screenshot({ path: join(ARTEFACTS, name), fullPage: true });
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

  /** The number the pager reports as the total (共 320 条). */
  async function total(pager = 'petitions-pager'): Promise<number> {
    const text = await page.getByTestId(pager).locator('.el-pagination__total').innerText();
    return Number(text.replace(/\D/g, ''));
  }

  const rows = () => page.getByTestId('petitions-table').locator('.el-table__body-wrapper tr.el-table__row');
  /** The text of one column (by its header) in every row. */
  async function column(header: string): Promise<string[]> {
    const headers = await page.getByTestId('petitions-table').locator('.el-table__header-wrapper th').allInnerTexts();
    const index = headers.findIndex((h) => h.trim() === header);
    expect(index, `a column named ${header}`).toBeGreaterThanOrEqual(0);
    return rows().locator(`td:nth-child(${index + 1})`).allInnerTexts();
  }

  /** Picks options of one of the filter bar's selects, by their labels. */
  async function choose(testid: string, ...labels: string[]): Promise<void> {
    await page.getByTestId(testid).click();
    for (const label of labels) {
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').getByText(label, { exact: true }).click();
    }
    await page.keyboard.press('Escape');
  }

  it('lists the county’s petitions for the bureau, filters them by status and warning, and keeps the filter in the address', async () => {
    await signIn('bureau');
    await page.getByTestId('menu-petitions').click();
    await page.waitForURL(/\/petitions$/);
    await expect.poll(() => rows().count(), WAIT).toBe(20);
    expect(await total()).toBeGreaterThan(300);
    expect(await page.getByTestId('petitions-title').innerText()).toBe('信访事项');

    await choose('petitions-status', '办理中');
    await page.waitForURL(/status=IN_PROGRESS/);
    await expect.poll(async () => [...new Set(await column('状态'))], WAIT).toEqual(['办理中']);
    await settled();
    const inProgress = await total();
    expect(inProgress).toBeGreaterThan(0);
    expect(inProgress).toBeLessThan(300);

    await choose('petitions-warning', '红色预警');
    await page.waitForURL(/warning=RED/);
    await expect.poll(async () => [...new Set(await column('预警'))], WAIT).toEqual(['红色预警']);
    await settled();
    const red = await total();
    expect(red).toBeGreaterThan(0);
    expect(red).toBeLessThanOrEqual(inProgress);
    expect(new Set(await column('状态'))).toEqual(new Set(['办理中']));
    expect(new Set(await column('预警'))).toEqual(new Set(['红色预警']));
    // Overdue rows stand out in red.
    expect(await rows().first().getAttribute('class')).toContain('warning-red');
    const tint = await rows().first().locator('td').nth(2).evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(tint).toBe('rgb(254, 240, 240)');
    expect(await rows().first().getByTestId('petition-days-left').innerText()).toMatch(/^逾期 \d+ 天$/);
    await shot('petitions-list.png');

    // The filtered list is an address: reloading it (or a bookmark) shows the same.
    await page.reload();
    await expect.poll(() => total(), WAIT).toBe(red);
    expect(await page.getByTestId('petitions-status').innerText()).toContain('办理中');

    // The number opens the petition; the back button returns to the filtered list.
    const number = await rows().first().getByTestId('petition-number').innerText();
    expect(number).toMatch(/^[A-Z]+-\d{4}-\d{5}$/);
    await rows().first().getByTestId('petition-number').click();
    await page.waitForURL(/\/petitions\/[0-9a-f-]{36}$/);
    await page.goBack();
    await page.waitForURL(/status=IN_PROGRESS/);
    await expect.poll(() => total(), WAIT).toBe(red);
  });

  it('finds petitions by words of their subject, on Enter', async () => {
    await page.goto(at('/petitions'));
    await expect.poll(() => rows().count(), WAIT).toBe(20);
    await page.getByTestId('petitions-text').fill('补偿');
    await page.getByTestId('petitions-text').press('Enter');
    await page.waitForURL(/q=/);
    await expect.poll(() => total(), WAIT).toBeLessThan(300);
    await settled();
    const found = await total();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(300);
    expect(decodeURIComponent(page.url())).toContain('q=补偿');
  });

  it('exports exactly the filtered list as an Excel ledger', async () => {
    await page.goto(at('/petitions?warning=RED'));
    await expect.poll(() => total(), WAIT).toBeGreaterThan(0);
    const red = await total();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('petitions-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    // An .xlsx is a zip file: it begins with PK.
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => page.locator('.el-message--success').last().innerText(), WAIT).toBe(`已导出 ${red} 条信访事项`);
    await signOut();
  });

  it('shows a township fewer petitions and its own work, soonest deadline first', async () => {
    await signIn('qingshan');
    await page.goto(at('/petitions'));
    await expect.poll(() => rows().count(), WAIT).toBeGreaterThan(0);
    expect(await total()).toBeLessThan(300);

    await page.getByTestId('menu-my-work').click();
    await page.waitForURL(/\/my-work$/);
    expect(await page.getByTestId('my-work-title').innerText()).toBe('我的待办');
    const count = async (w: string) => Number(await page.getByTestId(`my-work-count-${w}`).getByTestId('my-work-count-value').innerText());
    await expect.poll(() => page.getByTestId('my-work-count-RED').getByTestId('my-work-count-value').innerText(), WAIT).toMatch(/^\d+$/);
    const all = (await count('RED')) + (await count('YELLOW')) + (await count('NONE'));
    if (all === 0) {
      await page.getByTestId('my-work-empty').getByText('暂无待办').waitFor();
    } else {
      await expect.poll(() => total('my-work-pager'), WAIT).toBe(all);
      // Soonest deadline first.
      const deadlines = (await column('当前期限')).map((d) => d.split('\n')[0]!.trim()).filter((d) => /^\d{4}-/.test(d));
      expect(deadlines).toEqual([...deadlines].sort());
    }
    await shot('petitions-my-work.png');
  });
});
