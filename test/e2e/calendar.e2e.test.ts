import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/** The bureau keeps the holiday calendar that every deadline is counted with. */
describe('the holiday calendar in a browser', () => {
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

  async function signIn(username: string): Promise<void> {
    await page.goto(`${platform.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    // Both accounts here land on their dashboard, 我的待办.
    await page.waitForURL(/\/my-work$/);
  }

  it('shows the bureau the State Council’s days of the year, and takes a new one', async () => {
    await signIn('bureau');
    await page.getByTestId('menu-calendar').click();
    await page.waitForURL(/\/calendar$/);
    await page.getByTestId('calendar-year').locator('input').fill('2026');
    await page.getByTestId('calendar-year').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('calendar-table').innerText()).toContain('2026-10-01');
    const table = await page.getByTestId('calendar-table').innerText();
    expect(table).toContain('国庆节');
    expect(table).toContain('调休上班');

    await page.getByTestId('calendar-add').click();
    // Element Plus puts the attributes of a date picker on its input.
    const date = page.locator('input[data-testid="calendar-date"], [data-testid="calendar-date"] input').first();
    await date.fill('2026-12-31');
    await date.press('Enter');
    await page.getByTestId('calendar-name').fill('县庆');
    await page.getByTestId('calendar-save').click();
    await expect.poll(() => page.getByTestId('calendar-table').innerText()).toContain('2026-12-31');
    expect(await page.getByTestId('calendar-table').innerText()).toContain('县庆');
    await expect.poll(() => page.locator('.el-loading-mask').count()).toBe(0);
    await page.screenshot({ path: join(ARTEFACTS, 'calendar.png'), fullPage: true });
  });

  it('is not offered to a township, and the address alone does not open it', async () => {
    await page.evaluate(() => localStorage.clear());
    await signIn('qingshan');
    expect(await page.getByTestId('menu-calendar').count()).toBe(0);
    await page.goto(`${platform.url}/calendar`);
    await page.waitForURL(/\/my-work$/);
  });
});
