import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * The hard cases in the built portal in Chromium: the bureau opens 重点信访事项, opens a case not
 * owned yet, records the parts of 包案 "五个一" it lacks, and finds it counted as owned.
 */
describe('key matters and their 包案 in a browser', () => {
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

  async function settle(): Promise<void> {
    await expect.poll(() => page.locator('.el-loading-mask').count()).toBe(0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  }

  async function shot(name: string): Promise<void> {
    await settle();
    // From the top: a field scrolled into view would leave the fixed header over the middle of a full-page shot.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      for (const el of document.querySelectorAll<HTMLElement>('*')) if (el.scrollTop > 0) el.scrollTop = 0;
    });
    await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
  }

  async function signIn(username: string): Promise<void> {
    await page.goto(at('/login'));
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** The visible option of an open Element Plus drop-down, by its text. */
  const option = (text: string) => page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first();
  const figure = async (name: 'all' | 'owned' | 'not-owned') => Number(await page.getByTestId(`key-matters-figure-${name}-value`).innerText());
  const rows = () => page.getByTestId('key-matters-table').locator('tr.el-table__row');

  let owned = 0;
  let notOwned = 0;
  let total = 0;

  it('shows the bureau the key matters, with how many are owned', async () => {
    await signIn('bureau');
    await page.getByTestId('menu-key-matters').click();
    await page.waitForURL(/\/key-matters$/);
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('key-matters-figure-all-value').innerText()).toMatch(/^\d+$/);
    [total, owned, notOwned] = [await figure('all'), await figure('owned'), await figure('not-owned')];
    expect(owned + notOwned).toBe(total);
    expect(notOwned).toBeGreaterThan(0);
    await shot('key-matters');
  });

  it('narrows the list to the open cases not owned yet', async () => {
    await page.getByTestId('key-matters-figure-not-owned').click();
    await page.waitForURL(/owned=no/);
    await page.getByTestId('key-matters-open').click();
    await option('未办结').click();
    await page.waitForURL(/open=yes/);
    await settle();
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    const parts = await rows().first().getByTestId('case-ownership').innerText();
    expect(parts).toContain('缺');
  });

  it('lets the bureau record what a case lacks, and the card says it is owned', async () => {
    await rows().first().getByTestId('case-number').click();
    await page.waitForURL(/\/petitions\/[0-9a-f-]{36}$/);
    await page.getByTestId('ownership-card').waitFor();
    expect(await page.getByTestId('ownership-state').innerText()).toBe('未落实');
    expect(await page.getByTestId('ownership-missing').innerText()).toContain('尚缺');
    const missing = async (part: string) => (await page.getByTestId(`ownership-part-${part}`).innerText()).includes('未明确');
    const lacks = { leader: await missing('LEADER'), unit: await missing('UNIT'), resolution: await missing('RESOLUTION_PLAN'), stability: await missing('STABILITY_PLAN') };

    await page.getByTestId('ownership-edit').click();
    await page.getByTestId('ownership-form').waitFor();
    if (lacks.leader) {
      await page.getByTestId('ownership-leader').click();
      await option('县委书记').click();
    }
    if (lacks.unit) {
      await page.getByTestId('ownership-unit').click();
      await option('县自然资源局').click();
    }
    if (lacks.resolution) await page.getByTestId('ownership-resolution-plan').fill('由县自然资源局牵头，逐项核实诉求，一个月内提出依法解决方案并向信访人反馈。');
    if (lacks.stability) await page.getByTestId('ownership-stability-plan').fill('乡村两级落实专人联系，重要时段加强沟通，防止矛盾激化。');
    await settle();
    await page.locator('.el-dialog:visible').screenshot({ path: join(ARTEFACTS, 'ownership-dialog.png') });
    await page.getByTestId('ownership-submit').click();

    await expect.poll(() => page.getByTestId('ownership-state').innerText()).toBe('已落实');
    expect(await page.getByTestId('ownership-missing').innerText()).toContain('均已落实');
    await expect.poll(() => page.getByTestId('timeline').getByTestId('timeline-type').allInnerTexts()).toContain('包案落实/调整');
    await shot('ownership-detail');
    await page.getByTestId('ownership-card').screenshot({ path: join(ARTEFACTS, 'ownership-card.png') });
  });

  it('counts it as owned on the list', async () => {
    await page.getByTestId('menu-key-matters').click();
    await page.waitForURL(/\/key-matters$/);
    await expect.poll(() => figure('owned')).toBe(owned + 1);
    expect(await figure('not-owned')).toBe(notOwned - 1);
    expect(await figure('all')).toBe(total);
  });

  it('shows the backlog by age', async () => {
    await page.getByTestId('menu-backlog').click();
    await page.waitForURL(/\/backlog$/);
    await expect.poll(() => page.getByTestId('backlog-figure-all-value').innerText()).toMatch(/^\d+$/);
    await page.getByTestId('backlog-age').getByRole('tab', { name: '2–3年' }).click();
    await page.waitForURL(/age=TWO_TO_THREE/);
    await expect.poll(() => page.getByTestId('backlog-table').locator('tr.el-table__row').count()).toBeGreaterThan(0);
    // The message of the save before has gone: the picture is of the list alone.
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
    await shot('backlog');
  });
});
