import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * The built portal in Chromium against the built server and the demo county: what each role sees
 * after signing in, and how a session ends.
 */
describe('the portal in a browser', () => {
  let platform: Awaited<ReturnType<typeof startBuiltPlatform>>;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    platform = await startBuiltPlatform();
    browser = await openBrowser();
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const at = (path: string) => `${platform.url}${path}`;
  async function shot(name: string): Promise<void> {
    // Not while a loading mask is still fading out over the data.
    await expect.poll(() => page.locator('.el-loading-mask').count()).toBe(0);
    await page.screenshot({ path: join(ARTEFACTS, `foundation-${name}.png`), fullPage: true });
  }

  async function signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(at('/login'));
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    // Enter in the password field submits, as in any sign-in form.
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL(/\/my-unit$/);
    await page.getByTestId('my-unit-name').waitFor();
  }

  async function signOut(): Promise<void> {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    expect(await page.evaluate(() => localStorage.getItem('xinfang.session'))).toBeNull();
  }

  const menu = () => page.getByTestId('main-menu').locator('[data-testid^="menu-"]').allInnerTexts();
  const breadcrumb = async () => (await page.getByTestId('my-unit-path').locator('.el-breadcrumb__inner').allInnerTexts()).join(' / ');

  it('opens on a sign-in page that names the product and refuses a wrong password in Chinese', async () => {
    await page.goto(at('/'));
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.locator('body').innerText()).toContain('信访工作平台');
    expect(await page.locator('body').innerText()).toContain('xinfang');
    await shot('login');

    await page.getByTestId('login-username').fill('bureau');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    expect(page.url()).toMatch(/\/login/);
  });

  it('shows the bureau its own unit and the whole county, but no user management', async () => {
    await signIn('bureau');
    expect(await menu()).toEqual(['我的单位', '全县组织机构']);
    expect(await page.getByTestId('current-user').innerText()).toBe('群众工作局登记员');
    expect(await page.getByTestId('current-unit').innerText()).toBe('县群众工作局');
    expect(await page.getByTestId('my-unit-name').innerText()).toBe('县群众工作局');
    expect(await breadcrumb()).toBe('示范县 / 县群众工作局');
    expect(await page.getByTestId('my-roles').innerText()).toContain('群众工作局');
    await page.getByTestId('units-below-empty').waitFor();
    await shot('bureau-my-unit');

    // The county tree is the bureau's to read.
    await page.getByTestId('menu-units').click();
    await page.waitForURL(/\/units$/);
    await page.getByTestId('unit-tree').getByText('城关镇', { exact: true }).waitFor();
    expect(await page.getByTestId('units-title').innerText()).toBe('全县组织机构');
    expect(await page.getByTestId('units-count').innerText()).toBe('共 20 个单位');
    await shot('bureau-units');

    // Typing the address of a page beyond the ability leads home.
    await page.goto(at('/users'));
    await page.waitForURL(/\/my-unit$/);
    await signOut();
  });

  it('shows a village its place under its township, and only its own area', async () => {
    await signIn('shiqiao');
    expect(await menu()).toEqual(['我的单位', '辖区单位']);
    expect(await page.getByTestId('my-unit-name').innerText()).toBe('石桥村');
    expect(await breadcrumb()).toBe('示范县 / 青山乡 / 石桥村');
    await signOut();
  });

  it('shows a township the units of its own area and none of another township', async () => {
    await signIn('qingshan');
    expect(await page.getByTestId('my-unit-name').innerText()).toBe('青山乡');
    expect(await menu()).toEqual(['我的单位', '辖区单位']);
    // The units below it, on the home page too.
    await page.getByTestId('units-below').getByText('青山村一组').waitFor();
    expect(await page.getByTestId('units-below-count').innerText()).toBe('共 4 个下级单位');
    await shot('qingshan-my-unit');

    await page.getByTestId('menu-units').click();
    await page.waitForURL(/\/units$/);
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('石桥村', { exact: true }).waitFor();
    const names = await tree.getByTestId('unit-name').allInnerTexts();
    expect(names).toEqual(['青山乡', '石桥村', '青山村', '青山村一组', '青山村二组']);
    expect(names).not.toContain('城关镇');
    expect(await page.getByTestId('units-title').innerText()).toBe('辖区单位');
    expect(await page.getByTestId('units-count').innerText()).toBe('共 5 个单位');
    await shot('qingshan-units');

    // Filtering by name keeps a match and the units above it, and hides the rest.
    await page.getByTestId('units-name-filter').fill('石桥');
    await expect.poll(() => tree.getByTestId('unit-name').filter({ visible: true }).allInnerTexts()).toEqual(['青山乡', '石桥村']);
    expect(await page.getByTestId('units-count').innerText()).toBe('符合条件 1 个 / 共 5 个单位');
    await signOut();
  });

  it('lists the demo accounts to the administrator, with filters and pages', async () => {
    await signIn('admin');
    expect(await menu()).toEqual(['我的单位', '全县组织机构', '用户管理']);
    await page.getByTestId('menu-users').click();
    await page.waitForURL(/\/users$/);

    const rows = page.getByTestId('users-table').locator('.el-table__body tr');
    const usernames = () => rows.locator('td:first-child').allInnerTexts();
    await expect.poll(() => rows.count()).toBe(DEMO_ACCOUNTS.length);
    expect((await usernames()).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(await page.getByTestId('users-pager').innerText()).toContain('12');
    const bureauRow = rows.filter({ hasText: '群众工作局登记员' });
    expect(await bureauRow.innerText()).toContain('县群众工作局');
    // The role in Chinese, and the sign-in a moment ago.
    expect(await rows.filter({ hasText: '系统管理员' }).first().innerText()).toMatch(/admin[\s\S]*启用[\s\S]*\d{4}/);
    await shot('admin-users');

    // Ten to a page: the last two accounts are on the second.
    await page.getByTestId('users-pager').locator('.el-pagination__sizes .el-select').click();
    await page.locator('.el-select-dropdown__item').filter({ hasText: '10' }).first().click();
    await expect.poll(() => rows.count()).toBe(10);
    await page.getByTestId('users-pager').locator('.btn-next').click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('users-page').innerText()).toBe('第 2 页 / 共 2 页');
    await page.getByTestId('users-pager').locator('.btn-prev').click();
    await expect.poll(() => rows.count()).toBe(10);

    // A text search narrows the list on Enter.
    await page.getByTestId('users-text-filter').fill('镇');
    await page.getByTestId('users-text-filter').press('Enter');
    await expect.poll(() => usernames()).toEqual(['chengguan']);
    await signOut();
  });

  it('sends a user whose token the server refuses back to sign in, and says why', async () => {
    await signIn('bureau');
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('xinfang.session') ?? '{}');
      localStorage.setItem('xinfang.session', JSON.stringify({ ...session, token: 'not-a-token-this-server-signed' }));
    });
    await page.reload();
    await page.waitForURL(/\/login\?.*expired=1/);
    expect(await page.getByTestId('session-expired').innerText()).toContain('登录已过期，请重新登录');
    await shot('session-expired');
    expect(await page.evaluate(() => localStorage.getItem('xinfang.session'))).toBeNull();

    // Signing in again returns to where the user was.
    await page.getByTestId('login-username').fill('bureau');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/my-unit$/);
    await signOut();
  });

  it('ends a session whose time is up without asking the server', async () => {
    await signIn('shiqiao');
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('xinfang.session') ?? '{}');
      localStorage.setItem('xinfang.session', JSON.stringify({ ...session, expiresAt: '2000-01-01T00:00:00.000Z' }));
    });
    await page.goto(at('/units'));
    await page.waitForURL(/\/login\?.*expired=1/);
    await page.getByTestId('session-expired').waitFor();
  });

  it('speaks English when asked, and remembers it', async () => {
    await signIn('qingshan');
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-en').click();
    await expect.poll(() => menu()).toEqual(['My unit', 'Units in my area']);
    await page.reload();
    await expect.poll(() => menu()).toEqual(['My unit', 'Units in my area']);
    expect(await page.getByTestId('logout').innerText()).toBe('Sign out');
    expect(await page.getByTestId('my-unit-path').innerText()).toContain('青山乡');
    await shot('english-my-unit');

    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-zh-CN').click();
    await expect.poll(() => menu()).toEqual(['我的单位', '辖区单位']);
    await signOut();
  });
});
