import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * The in-app inbox (站内通知) in the built portal in Chromium: the start-up sweep has told the bureau
 * of overdue cases; it sees the unread count on the bell, opens the inbox, opens the petition of a red
 * warning, and comes back to one unread fewer.
 */
describe('the inbox in a browser', () => {
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
    await expect.poll(() => page.locator('.el-loading-mask, .el-skeleton').count()).toBe(0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  }

  async function signIn(username: string): Promise<void> {
    await page.goto(at('/login'));
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** The unread count, as the bell says it for the ear: 站内通知（N条未读）. */
  async function unread(): Promise<number> {
    const label = (await page.getByTestId('inbox-bell-label').textContent()) ?? '';
    const match = /（(\d+)条未读）/.exec(label);
    if (!match) throw new Error(`the bell says "${label}"`);
    return Number(match[1]);
  }

  let before = 0;

  it('shows the bureau the unread count the start-up sweep left', async () => {
    await signIn('bureau');
    await expect.poll(unread).toBeGreaterThan(0);
    before = await unread();
    // The button's accessible name is that sentence.
    await page.getByRole('button', { name: `站内通知（${before}条未读）` }).waitFor();
    const badge = await page.getByTestId('inbox-bell-badge').locator('.el-badge__content').innerText();
    expect(badge).toBe(before > 99 ? '99+' : String(before));
  });

  it('opens the newest notifications from the bell, with a red warning among them', async () => {
    await page.getByTestId('inbox-bell').click();
    const popover = page.getByTestId('inbox-popover');
    await popover.waitFor();
    await expect.poll(() => popover.getByTestId('notification').count()).toBeGreaterThan(0);
    await settle();
    await page.screenshot({ path: join(ARTEFACTS, 'inbox-popover.png') });

    await popover.getByTestId('inbox-view-all').click();
    await page.waitForURL(/\/inbox$/);
    await expect.poll(() => page.getByTestId('inbox-list').getByTestId('notification').count()).toBeGreaterThan(0);
    const red = page.getByTestId('inbox-list').locator('[data-testid="notification"][data-kind="WARNING_RED"]');
    await expect.poll(() => red.count()).toBeGreaterThan(0);
    expect(await red.first().getByTestId('notification-kind').innerText()).toBe('红色预警：已超期');
    expect(await red.first().getAttribute('data-read')).toBe('no');
    await settle();
    await page.screenshot({ path: join(ARTEFACTS, 'inbox.png'), fullPage: true });
  });

  it('marks a red warning read when its petition is opened, and counts one fewer on coming back', async () => {
    const line = page.getByTestId('inbox-list').locator('[data-testid="notification"][data-kind="WARNING_RED"]').filter({ has: page.getByTestId('notification-petition') }).first();
    const link = line.getByTestId('notification-petition');
    const number = (await link.innerText()).replace(/^信访事项\s*/, '').trim();
    await link.click();
    await page.waitForURL(/\/petitions\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('main').innerText()).toContain(number);

    await page.goBack();
    await page.waitForURL(/\/inbox$/);
    await expect.poll(unread).toBe(before - 1);
    // On the unread tab it is gone; on the tab of all it is there, read.
    await settle();
    await page.getByTestId('inbox-tabs').getByRole('tab', { name: '全部' }).click();
    await page.waitForURL(/tab=all/);
    await settle();
    const read = page.getByTestId('inbox-list').locator('[data-testid="notification"][data-read="yes"]').filter({ hasText: number });
    await expect.poll(() => read.count()).toBeGreaterThan(0);
  });
});
