import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * One petition through the built portal in Chromium, from intake to closure: the bureau registers
 * and assigns it, the township answers, the petitioner rates the answer on the public receipt page
 * without signing in, and the bureau closes it.
 */
describe('a petition from intake to closure in a browser', () => {
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

  async function shot(name: string): Promise<void> {
    await expect.poll(() => page.locator('.el-loading-mask').count()).toBe(0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
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

  async function signOut(): Promise<void> {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
  }

  /** An earlier petitioner of the demo county, read through the API as the bureau. */
  async function demoPetitioner(): Promise<{ name: string; idNumber: string; phone: string }> {
    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(at('/graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- a test reads answers of many shapes
    };
    const login = await post('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'bureau', p: DEMO_PASSWORD });
    const token = login.data.login.token as string;
    const list = await post(
      'query { petitions(filter: { categoryCode: ["LAND"] }, first: 50) { edges { node { petitioner { name idNumber phone } } } } }',
      {},
      token,
    );
    const found = (list.data.petitions.edges as { node: { petitioner: { name: string; idNumber: string | null; phone: string | null } | null } }[])
      .map((e) => e.node.petitioner)
      .find((p) => p?.idNumber && p.phone);
    if (!found) throw new Error('The demo county has no LAND petitioner with an ID number.');
    return { name: found.name, idNumber: found.idNumber!, phone: found.phone! };
  }

  /** The visible option of an open Element Plus drop-down, by its text. */
  const option = (text: string, popper = '') => page.locator(`${popper} .el-select-dropdown__item:visible`).filter({ hasText: text }).first();

  const lastMessage = () => page.locator('.el-message').last().innerText();

  let petitionPath = '';
  let receiptCode = '';

  it('lets the bureau register a visit through the form, with earlier petitions and a proposed unit beside it', async () => {
    const earlier = await demoPetitioner();
    await signIn('bureau');
    await page.goto(at('/petitions/new'));
    await page.getByTestId('intake-form').waitFor();

    await page.getByTestId('intake-channel-VISIT').click();
    await page.getByTestId('intake-headcount').locator('input').fill('6');
    await page.getByTestId('intake-headcount').locator('input').press('Tab');
    await page.getByTestId('intake-collective').waitFor();

    await page.getByTestId('intake-name').fill(earlier.name);
    await page.getByTestId('intake-id-number').fill(earlier.idNumber);
    await page.getByTestId('intake-phone').fill(earlier.phone);
    await page.getByTestId('intake-address').fill('青山乡石桥村三组');

    await page.getByTestId('intake-kind-CLAIM').click();
    await page.getByTestId('intake-category').click();
    await option('土地', '.intake-category-popper').click();
    await page.getByTestId('intake-form').getByTestId('intake-location').first().click();
    await page.locator('.intake-location-popper').getByText('石桥村', { exact: true }).click();
    await page.getByTestId('intake-subject').fill('反映石桥村三组征地补偿款未足额发放');
    await page.getByTestId('intake-content').fill('信访人反映：2025 年石桥村三组部分土地被征收，补偿款至今仅发放一半，请求依法足额发放。');

    // The petitioner has petitioned before: the side panel says so, and proposes the land bureau.
    await page.getByTestId('intake-match').first().waitFor();
    await expect.poll(() => page.getByTestId('intake-proposal-unit').innerText()).toContain('自然资源局');
    await page.mouse.click(5, 5);
    await shot('petition-intake');

    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/petitions\/[0-9a-f-]{36}\?registered=1$/);
    petitionPath = new URL(page.url()).pathname;
    receiptCode = (await page.getByTestId('receipt-code').innerText()).trim();
    expect(receiptCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(await page.getByTestId('receipt-banner').innerText()).toContain('/receipt');
    expect(await page.getByTestId('petition-status').first().innerText()).toBe('已登记');
  });

  it('lets the bureau accept it and assign it to 青山乡', async () => {
    await page.getByTestId('action-accept').click();
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('petition-status').first().innerText()).toBe('已受理');

    await page.getByTestId('action-assign').click();
    // The picker starts at the proposed unit; the bureau decides for the township instead.
    await expect.poll(() => page.getByTestId('assign-proposed').innerText()).toContain('自然资源局');
    await page.getByTestId('assign-unit').click();
    await option('青山乡').click();
    await page.getByTestId('assign-mode-ASSIGN').click();
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('petition-status').first().innerText()).toBe('办理中');
    expect(await page.getByTestId('petition-handling-unit').innerText()).toContain('青山乡（交办）');
    expect(await lastMessage()).toContain('已完成');
    await signOut();
  });

  it('lets 青山乡 answer it', async () => {
    await signIn('qingshan');
    await page.goto(at(petitionPath));
    await page.getByTestId('action-answer').click();
    await page.getByTestId('action-text').fill('经核查，石桥村三组征地补偿款剩余部分已于本月拨付到户，请信访人注意查收。');
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('petition-status').first().innerText()).toBe('已答复');
    await signOut();
  });

  it('lets the petitioner follow it and rate the answer with the receipt code, without signing in', async () => {
    expect(await page.evaluate(() => localStorage.getItem('xinfang.session'))).toBeNull();
    // Typed as a petitioner might: lower case, without the dash.
    await page.goto(at(`/receipt?code=${receiptCode.toLowerCase().replace('-', '')}`));
    await expect.poll(() => page.getByTestId('receipt-stage').innerText()).toBe('已答复');
    const result = await page.getByTestId('receipt-result').innerText();
    expect(result).toMatch(/SFX-\d{4}-\d{5}/);
    expect(await page.locator('body').innerText()).not.toContain('征地补偿款');
    await page.getByTestId('receipt-rate-SATISFIED').click();
    await shot('petition-receipt');
    await page.getByTestId('receipt-rate-submit').click();
    await page.getByTestId('receipt-thanks').waitFor();
    expect(await page.getByTestId('receipt-satisfaction').innerText()).toBe('满意');
  });

  it('lets the bureau close it, with every step on its timeline', async () => {
    await signIn('bureau');
    await page.goto(at(petitionPath));
    await page.getByTestId('action-close').click();
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('petition-status').first().innerText()).toBe('已办结');
    await expect
      .poll(() => page.getByTestId('timeline').getByTestId('timeline-type').allInnerTexts())
      .toEqual(['登记', '受理', '交办/转送', '答复', '满意度评价', '办结']);
    expect(await page.getByTestId('petition-fields').innerText()).toContain('满意');
    await shot('petition-detail');
  });
});
