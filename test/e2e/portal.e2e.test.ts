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
    // Nor in the middle of a transition (a dialog opening, a field's border changing colour).
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    await page.screenshot({ path: join(ARTEFACTS, `foundation-${name}.png`), fullPage: true });
  }

  /** Where an account lands after signing in: 我的待办, the dashboard; the administrator, who has none, 我的单位. */
  const landingOf = (username: string) => (username === 'admin' ? 'my-unit' : 'my-work');

  async function signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(at('/login'));
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    // Enter in the password field submits, as in any sign-in form.
    await page.getByTestId('login-password').press('Enter');
    const landing = landingOf(username);
    await page.waitForURL(new RegExp(`/${landing}$`));
    await page.getByTestId(landing === 'my-work' ? 'my-work-title' : 'my-unit-name').waitFor();
  }

  async function openMyUnit(): Promise<void> {
    await page.getByTestId('menu-my-unit').click();
    await page.waitForURL(/\/my-unit$/);
    await page.getByTestId('my-unit-name').waitFor();
  }

  async function signOut(): Promise<void> {
    // 退出登录 is in the account menu under the user's name.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    expect(await page.evaluate(() => localStorage.getItem('xinfang.session'))).toBeNull();
  }

  /** Signs out, and checks that the server was told: the token of the ended session is refused. */
  async function signOutOnTheServer(): Promise<void> {
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('xinfang.session') ?? '{}').token as string);
    const logout = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('mutation Logout'));
    await signOut();
    expect(await (await logout).json()).toEqual({ data: { logout: true } });
    const asked = await page.evaluate(async (old) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${old}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      return (await response.json()) as { errors?: Array<{ extensions?: { code?: string; reason?: string } }> };
    }, token);
    expect(asked.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
  }

  /** The text of the latest Element Plus message (ElMessage) on the page. */
  const lastMessage = () => page.locator('.el-message').last().innerText();
  /** A unit's node in the organisation tree, by its exact name. */
  const treeNode = (name: string) =>
    page.getByTestId('unit-tree').locator('.unit-node').filter({ has: page.getByTestId('unit-name').getByText(name, { exact: true }) });

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
    // It lands on its dashboard, 我的待办, the menu's item in bold.
    expect(await page.getByTestId('my-work-title').innerText()).toBe('我的待办');
    expect(await page.getByTestId('main-menu').locator('.el-menu-item.is-active').innerText()).toBe('我的待办');
    expect(await menu()).toEqual(['我的待办', '信访事项', '重点信访事项', '信访积案', '信访登记', '督查督办', '集中会办', '通报追责', '排查情况', '矛盾纠纷台账', '数据分析', '考核评价', '我的单位', '全县组织机构', '节假日设置', '排查设置']);
    expect(await page.getByTestId('current-user').innerText()).toBe('群众工作局登记员');
    expect(await page.getByTestId('current-unit').innerText()).toBe('县群众工作局');
    await openMyUnit();
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

    // Typing the address of a page beyond the ability leads home, and so does an unknown one.
    await page.goto(at('/users'));
    await page.waitForURL(/\/my-work$/);
    await page.getByTestId('my-work-title').waitFor();
    await page.goto(at('/no-such-page'));
    await page.waitForURL(/\/my-work$/);
    await page.goto(at('/'));
    await page.waitForURL(/\/my-work$/);
    // Signing out ends the session on the server, not only in this browser.
    await signOutOnTheServer();
  });

  it('shows a village its place under its township, and only its own area', async () => {
    await signIn('shiqiao');
    expect(await menu()).toEqual(['我的待办', '信访事项', '重点信访事项', '信访积案', '信访登记', '督查督办', '通报追责', '排查报送', '排查情况', '矛盾纠纷台账', '数据分析', '考核评价', '我的单位', '辖区单位']);
    await openMyUnit();
    expect(await page.getByTestId('my-unit-name').innerText()).toBe('石桥村');
    expect(await breadcrumb()).toBe('示范县 / 青山乡 / 石桥村');
    await signOut();
  });

  it('shows a township the units of its own area and none of another township', async () => {
    await signIn('qingshan');
    await openMyUnit();
    expect(await page.getByTestId('my-unit-name').innerText()).toBe('青山乡');
    expect(await menu()).toEqual(['我的待办', '信访事项', '重点信访事项', '信访积案', '信访登记', '督查督办', '通报追责', '排查报送', '排查情况', '矛盾纠纷台账', '数据分析', '考核评价', '我的单位', '辖区单位']);
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
    // Without 我的待办, the administrator lands on 我的单位, and is sent back there from the dashboard's address.
    await signIn('admin');
    expect(await menu()).toEqual(['我的单位', '全县组织机构', '用户管理']);
    await page.goto(at('/my-work'));
    await page.waitForURL(/\/my-unit$/);
    await page.getByTestId('my-unit-name').waitFor();
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
    await page.getByTestId('menu-units').click();
    await page.waitForURL(/\/units$/);
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('xinfang.session') ?? '{}');
      localStorage.setItem('xinfang.session', JSON.stringify({ ...session, token: 'not-a-token-this-server-signed' }));
    });
    await page.reload();
    await page.waitForURL(/\/login\?.*expired=1/);
    expect(await page.getByTestId('session-expired').innerText()).toContain('登录已过期，请重新登录');
    await shot('session-expired');
    expect(await page.evaluate(() => localStorage.getItem('xinfang.session'))).toBeNull();

    // Signing in again returns to where the user was, not to the dashboard.
    await page.getByTestId('login-username').fill('bureau');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/units$/);
    await page.getByTestId('units-title').waitFor();
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
    await openMyUnit();
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-en').click();
    await expect.poll(() => menu()).toEqual(['My work', 'Petitions', 'Key matters', 'Backlog', 'Register a petition', 'Supervision', 'Circulars & accountability', 'Screening reports', 'Screening compliance', 'Dispute ledger', 'Figures', 'Assessment', 'My unit', 'Units in my area']);
    await page.reload();
    await expect.poll(() => menu()).toEqual(['My work', 'Petitions', 'Key matters', 'Backlog', 'Register a petition', 'Supervision', 'Circulars & accountability', 'Screening reports', 'Screening compliance', 'Dispute ledger', 'Figures', 'Assessment', 'My unit', 'Units in my area']);
    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('logout').innerText()).toBe('Sign out');
    expect(await page.getByTestId('change-password').innerText()).toBe('Change password');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('my-unit-path').innerText()).toContain('青山乡');
    await shot('english-my-unit');

    await page.getByTestId('locale-switch').click();
    await page.getByTestId('locale-zh-CN').click();
    await expect.poll(() => menu()).toEqual(['我的待办', '信访事项', '重点信访事项', '信访积案', '信访登记', '督查督办', '通报追责', '排查报送', '排查情况', '矛盾纠纷台账', '数据分析', '考核评价', '我的单位', '辖区单位']);
    await signOut();
  });
  // The administrator's accounts and units, and a user's own password. These run last: they add an
  // account and a unit to the demo county that the counts above do not expect.
  let testerPassword = '';

  it('lets the administrator create an account, which then signs in to its own township', async () => {
    await signIn('admin');
    await page.getByTestId('menu-users').click();
    await page.waitForURL(/\/users$/);
    const rows = page.getByTestId('users-table').locator('.el-table__body tr');
    await expect.poll(() => rows.count()).toBe(DEMO_ACCOUNTS.length);

    // Esc closes the form.
    const dialog = page.getByTestId('user-dialog');
    await page.getByTestId('user-create').click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByTestId('user-create').click();
    await dialog.waitFor();
    await page.getByTestId('user-username').fill('tester01');
    await page.getByTestId('user-display-name').fill('测试员');
    // The unit from the tree of the county, found by typing part of its name.
    await dialog.locator('.el-select').filter({ has: page.getByText('选择所属单位') }).click();
    await page.keyboard.type('河西');
    const option = page.locator('.user-unit-popper .el-tree-node__content').filter({ has: page.getByText('河西镇', { exact: true }) });
    await option.click();
    await expect.poll(() => dialog.locator('.el-form-item').filter({ hasText: '所属单位' }).innerText()).toContain('河西镇');
    await page.locator('.el-popper.user-unit-popper').waitFor({ state: 'hidden' });
    // A township's account can only be a township's: the one role offered, and chosen.
    expect(await dialog.locator('[data-testid="user-roles"] .el-checkbox').allInnerTexts()).toEqual(['镇乡']);
    expect(await dialog.locator('[data-testid="user-roles"] .el-checkbox.is-checked').allInnerTexts()).toEqual(['镇乡']);
    // A generated password, shown so that it can be handed over.
    await page.getByTestId('user-password-generate').click();
    testerPassword = await page.getByTestId('user-password').inputValue();
    expect(testerPassword).toHaveLength(14);
    expect(await page.getByTestId('user-password').getAttribute('type')).toBe('text');
    await shot('admin-create-user');

    // Enter submits.
    await page.getByTestId('user-password').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(lastMessage).toContain('已创建账号：tester01');
    const tester = rows.filter({ hasText: 'tester01' });
    await expect.poll(() => tester.count()).toBe(1);
    expect(await tester.innerText()).toMatch(/测试员[\s\S]*河西镇[\s\S]*镇乡[\s\S]*启用[\s\S]*从未登录/);
    await signOut();

    await signIn('tester01', testerPassword);
    expect(await page.getByTestId('current-user').innerText()).toBe('测试员');
    await openMyUnit();
    expect(await page.getByTestId('my-unit-name').innerText()).toBe('河西镇');
    expect(await breadcrumb()).toBe('示范县 / 河西镇');
    expect(await menu()).toEqual(['我的待办', '信访事项', '重点信访事项', '信访积案', '信访登记', '督查督办', '通报追责', '排查报送', '排查情况', '矛盾纠纷台账', '数据分析', '考核评价', '我的单位', '辖区单位']);
    await page.getByTestId('menu-units').click();
    await page.waitForURL(/\/units$/);
    await treeNode('柳湾村').waitFor();
    expect(await page.getByTestId('units-title').innerText()).toBe('辖区单位');
    expect(await page.getByTestId('unit-tree').getByTestId('unit-name').allInnerTexts()).toEqual(['河西镇', '河西村', '柳湾村']);
    // A township changes nothing in the tree.
    expect(await page.getByTestId('unit-add-child').count()).toBe(0);
    expect(await page.getByTestId('unit-rename').count()).toBe(0);
  });

  it('lets a user change its own password and go on working in the new session', async () => {
    // Still tester01, on its units page.
    const oldToken = await page.evaluate(() => JSON.parse(localStorage.getItem('xinfang.session') ?? '{}').token as string);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('change-password').click();
    const dialog = page.getByTestId('password-dialog');
    await dialog.waitFor();

    // The server checks the current password.
    await page.getByTestId('password-current').fill('not-my-password');
    await page.getByTestId('password-new').fill('hexi-tester-02');
    await page.getByTestId('password-confirm').fill('hexi-tester-02');
    await page.getByTestId('password-confirm').press('Enter');
    await expect.poll(() => dialog.locator('.el-form-item').first().innerText()).toContain('当前密码不正确');

    await page.getByTestId('password-current').fill(testerPassword);
    await shot('change-password');
    await page.getByTestId('password-confirm').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(lastMessage).toContain('密码已修改');

    // A new session: the old token is refused, the new one works, across a reload too.
    const newToken = await page.evaluate(() => JSON.parse(localStorage.getItem('xinfang.session') ?? '{}').token as string);
    expect(newToken).not.toBe(oldToken);
    const asked = await page.evaluate(async (token) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      return (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    }, oldToken);
    expect(asked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await page.getByTestId('menu-my-unit').click();
    await page.waitForURL(/\/my-unit$/);
    await page.reload();
    await page.getByTestId('my-unit-name').waitFor();
    expect(page.url()).toMatch(/\/my-unit$/);
    expect(await page.getByTestId('my-unit-name').innerText()).toBe('河西镇');
    await page.getByTestId('units-below').getByText('柳湾村').waitFor();
    await signOut();

    // The old password no longer signs in; the new one does.
    await page.goto(at('/login'));
    await page.getByTestId('login-username').fill('tester01');
    await page.getByTestId('login-password').fill(testerPassword);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    testerPassword = 'hexi-tester-02';
    await signIn('tester01', testerPassword);
    await signOut();
  });

  it('lets the administrator add a village under a township, which the township then sees', async () => {
    await signIn('admin');
    await page.getByTestId('menu-units').click();
    await page.waitForURL(/\/units$/);
    await treeNode('河西镇').waitFor();
    expect(await page.getByTestId('units-count').innerText()).toBe('共 20 个单位');
    // Nothing may hang under a village group or a department: no 新增下级单位 there.
    expect(await treeNode('青山村一组').getByTestId('unit-add-child').count()).toBe(0);
    expect(await treeNode('县公安局').getByTestId('unit-add-child').count()).toBe(0);
    expect(await treeNode('县公安局').getByTestId('unit-rename').count()).toBe(1);

    await treeNode('河西镇').getByTestId('unit-add-child').click();
    const dialog = page.getByTestId('unit-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('unit-parent').innerText()).toContain('河西镇');
    // Under a township only a village may hang, and it is chosen.
    expect(await dialog.locator('.el-radio').allInnerTexts()).toEqual(['村(居)']);
    expect(await dialog.locator('.el-radio.is-checked').allInnerTexts()).toEqual(['村(居)']);
    await page.getByTestId('unit-name-input').fill('新河村');
    await page.getByTestId('unit-name-input').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(lastMessage).toContain('已新增单位：新河村');
    await treeNode('新河村').waitFor();
    expect(await page.getByTestId('units-count').innerText()).toBe('共 21 个单位');
    // It hangs under 河西镇, after its older villages.
    const hexi = page.getByTestId('unit-tree').locator('.el-tree-node').filter({ has: page.locator(':scope > .el-tree-node__content').getByText('河西镇', { exact: true }) });
    expect(await hexi.locator('.el-tree-node__children').getByTestId('unit-name').allInnerTexts()).toEqual(['河西村', '柳湾村', '新河村']);

    // A sibling of the same name is refused beside the name.
    await treeNode('河西镇').getByTestId('unit-add-child').click();
    await dialog.waitFor();
    await page.getByTestId('unit-name-input').fill('新河村');
    await page.getByTestId('unit-submit').click();
    await expect.poll(() => dialog.locator('.el-form-item').filter({ has: page.getByTestId('unit-name-input') }).innerText()).toContain('同级已有同名单位');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await signOut();

    await signIn('tester01', testerPassword);
    await openMyUnit();
    await page.getByTestId('units-below').getByText('新河村').waitFor();
    expect(await page.getByTestId('units-below-count').innerText()).toBe('共 3 个下级单位');
    await signOut();
  });

  it('shows the bureau no control to change accounts or units', async () => {
    await signIn('bureau');
    await page.getByTestId('menu-units').click();
    await page.waitForURL(/\/units$/);
    await treeNode('新河村').waitFor();
    expect(await page.getByTestId('unit-add-child').count()).toBe(0);
    expect(await page.getByTestId('unit-rename').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/新增下级单位|重命名|新建账号/);
    await page.goto(at('/users'));
    await page.waitForURL(/\/my-work$/);
    expect(await page.getByTestId('user-create').count()).toBe(0);
    await signOut();
  });
});
