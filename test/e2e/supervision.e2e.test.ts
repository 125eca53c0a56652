import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * 督查督办 in the built portal in Chromium: the supervision group issues an order on a key matter to
 * 县自然资源局; the bureau of natural resources finds it in its inbox, opens it and reports back; the
 * supervision group accepts the report and the order is closed (已办结). On the way, pictures of the
 * list, the order, the circulars and the joint conferences.
 */
describe('supervision orders in a browser', () => {
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

  async function shot(name: string): Promise<void> {
    await settle();
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      for (const el of document.querySelectorAll<HTMLElement>('*')) if (el.scrollTop > 0) el.scrollTop = 0;
    });
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

  /** The visible option of an open Element Plus drop-down, by its text. */
  const option = (text: string) => page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first();

  let orderPath = '';
  let orderNumber = '';

  it('shows the supervision group the orders of the county, by status', async () => {
    await signIn('supervisor');
    await page.getByTestId('menu-supervision').click();
    await page.waitForURL(/\/supervision$/);
    await expect.poll(() => page.getByTestId('supervision-table').locator('tr.el-table__row').count()).toBeGreaterThan(0);
    // The demo has orders in every state: each tab finds some.
    for (const tab of ['待反馈', '待审核', '已办结']) {
      await page.getByTestId('supervision-tabs').getByRole('tab', { name: tab }).click();
      await settle();
      await expect.poll(() => page.getByTestId('supervision-table').locator('tr.el-table__row').count()).toBeGreaterThan(0);
    }
    await page.getByTestId('supervision-tabs').getByRole('tab', { name: '全部' }).click();
    await page.waitForURL(/\/supervision$/);
    await shot('supervision-list');
  });

  it('lets the supervision group issue an order on a key matter to 县自然资源局', async () => {
    const data = await api<{ keyMatters: { edges: Array<{ node: { number: string } }> } }>('{ keyMatters(first: 1, filter: { open: true }) { edges { node { number } } } }');
    const number = data.keyMatters.edges[0]?.node.number;
    if (!number) throw new Error('no open key matter in the demo county');

    await page.getByTestId('supervision-issue').click();
    await page.getByTestId('issue-order-form').waitFor();
    await page.getByTestId('issue-order-petition').click();
    await page.keyboard.type(number);
    await option(number).click();
    await page.getByTestId('issue-order-unit').click();
    await option('县自然资源局').click();
    await page.getByTestId('issue-order-requirement').fill('请于反馈期限前核实补偿标准，向信访人当面答复，并书面反馈办理情况。');
    await settle();
    await page.locator('.el-dialog:visible').screenshot({ path: join(ARTEFACTS, 'supervision-issue-dialog.png') });
    await page.getByTestId('issue-order-submit').click();

    await page.waitForURL(/\/supervision\/[0-9a-f-]{36}$/);
    orderPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('order-title').innerText()).toMatch(/^督〔\d{4}〕\d+号$/);
    orderNumber = await page.getByTestId('order-title').innerText();
    expect(await page.getByTestId('order-status').innerText()).toBe('待反馈');
    expect(await page.getByTestId('order-unit').innerText()).toBe('县自然资源局');
    expect(await page.getByTestId('order-petition').innerText()).toBe(number);
    // The supervision group reviews; it does not report.
    expect(await page.getByTestId('order-report').count()).toBe(0);
  });

  it('tells 县自然资源局 in its inbox, and it opens the order from there and reports back', async () => {
    await signIn('land');
    await page.goto(at('/inbox'));
    const line = page.getByTestId('inbox-list').locator('[data-testid="notification"][data-kind="ORDER_ISSUED"]').filter({ hasText: orderNumber });
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.getByTestId('notification-kind').innerText()).toBe('收到督办单');
    await line.getByTestId('notification-order').click();
    await page.waitForURL((url) => url.pathname === orderPath);
    await expect.poll(() => page.getByTestId('order-title').innerText()).toBe(orderNumber);

    await page.getByTestId('order-report').click();
    await page.getByTestId('report-form').waitFor();
    await page.getByTestId('report-text').fill('已会同青山乡约谈信访人，核实补偿标准符合规定，差额部分已于本周发放到位，信访人表示认可。');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('order-status').innerText()).toBe('待审核');
    expect(await page.getByTestId('order-report-text').innerText()).toContain('差额部分已于本周发放到位');
    expect(await page.getByTestId('order-report').count()).toBe(0);
    await expect.poll(() => page.getByTestId('order-history').getByTestId('order-step').allInnerTexts()).toEqual(['下发督办', '反馈办理情况']);
  });

  it('lets the supervision group accept the report: the order is closed', async () => {
    await signIn('supervisor');
    await page.goto(at(orderPath));
    await expect.poll(() => page.getByTestId('order-status').innerText()).toBe('待审核');
    await page.getByTestId('order-close').click();
    await page.getByTestId('close-order-form').waitFor();
    await page.getByTestId('close-order-reason').fill('办理情况属实，同意办结。');
    await page.getByTestId('close-order-submit').click();
    await expect.poll(() => page.getByTestId('order-status').innerText()).toBe('已办结');
    expect(await page.getByTestId('order-close').count()).toBe(0);
    expect(await page.getByTestId('order-on-time').innerText()).toBe('按期');
    await expect.poll(() => page.getByTestId('order-history').getByTestId('order-step').allInnerTexts()).toEqual(['下发督办', '反馈办理情况', '审核通过，办结']);
    await shot('supervision-order');
  });

  it('shows the circulars and the accountability records', async () => {
    await page.getByTestId('menu-circulars').click();
    await page.waitForURL(/\/circulars$/);
    await expect.poll(() => page.getByTestId('circulars-table').locator('tr.el-table__row').count()).toBeGreaterThan(0);
    await shot('circulars');
    await page.getByTestId('circulars-tabs').getByRole('tab', { name: '追责' }).click();
    await page.waitForURL(/tab=accountability/);
    await expect.poll(() => page.getByTestId('accountability-table').locator('tr.el-table__row').count()).toBeGreaterThan(0);
  });

  it('shows the joint conferences and one with its decisions and tasks', async () => {
    await signIn('bureau');
    await page.getByTestId('menu-conferences').click();
    await page.waitForURL(/\/conferences$/);
    await expect.poll(() => page.getByTestId('conferences-table').locator('tr.el-table__row').count()).toBeGreaterThan(0);
    await shot('conferences');
    await page.getByTestId('conference-title').first().click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    await page.getByTestId('conference-item-1').waitFor();
    await expect.poll(() => page.locator('[data-testid^="task-state-"]').count()).toBeGreaterThan(0);
    await shot('conference');
    expect(errors).toEqual([]);
  });
});
