import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * Every page of the built portal passes axe-core's WCAG 2.1 A and AA rules with no serious or
 * critical violation, as the roles that use it see it (issue 8, defect 6; GB/T 37668 follows WCAG).
 * The pages come from the portal's own router: a page added later without a visit below fails here.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

type Account = 'bureau' | 'qingshan' | 'shiqiao' | 'land' | 'secretary' | 'supervisor' | 'admin';
/** Who opens a page (null: nobody signed in), and where: a path, or one found through the API. */
interface Visit {
  as: Account | null;
  path: string | ((api: Api) => Promise<string>);
  /** Whose API finds the path, when not the visitor's own (the public receipt page's code). */
  findAs?: Account;
  /** The page in English (the default is Chinese): names and labels in the other language too. */
  english?: boolean;
  /** Opens a dialog or a drawer of the page, to be checked too. */
  open?: (page: Page) => Promise<void>;
}
type Api = <T>(query: string) => Promise<T>;

const firstPetition =
  (status?: string) =>
  async (api: Api): Promise<string> => {
    const filter = status ? `(first: 1, filter: { status: [${status}] })` : '(first: 1)';
    const data = await api<{ petitions: { edges: Array<{ node: { id: string } }> } }>(`{ petitions${filter} { edges { node { id } } } }`);
    const node = data.petitions.edges[0]?.node;
    if (!node) throw new Error(`no petition${status ? ` ${status}` : ''} in the demo county`);
    return `/petitions/${node.id}`;
  };

/** Clicks a button (after a menu that holds it) and waits for the dialog it opens. */
const openDialog =
  (button: string, dialog: string, menu?: string) =>
  async (page: Page): Promise<void> => {
    if (menu) await page.getByTestId(menu).click();
    await page.getByTestId(button).first().click();
    await page.getByTestId(dialog).waitFor();
  };

/** The first action the petition offers the visitor, in its dialog. */
const openFirstAction = async (page: Page): Promise<void> => {
  await page.getByTestId('petition-actions').locator('[data-testid^="action-"]').first().click();
  await page.getByTestId('action-form').waitFor();
};

/** The first dispute of the ledger, in its drawer. */
const openFirstDispute = async (page: Page): Promise<void> => {
  await page.getByTestId('disputes-table').locator('[data-testid^="dispute-open-"]').first().click();
  await page.getByTestId('dispute-detail').waitFor();
};

/** An open key matter not owned yet, whose 包案 card the bureau may edit. */
const openKeyMatterNotOwned = async (api: Api): Promise<string> => {
  const data = await api<{ keyMatters: { edges: Array<{ node: { id: string } }> } }>('{ keyMatters(first: 1, filter: { open: true, owned: false }) { edges { node { id } } } }');
  const node = data.keyMatters.edges[0]?.node;
  if (!node) throw new Error('no open key matter without its 包案 in the demo county');
  return `/petitions/${node.id}`;
};

const receiptOfAnswered = async (api: Api): Promise<string> => {
  const data = await api<{ petitions: { edges: Array<{ node: { receiptCode: string | null } }> } }>(
    '{ petitions(first: 1, filter: { status: [ANSWERED] }) { edges { node { receiptCode } } } }',
  );
  const code = data.petitions.edges[0]?.node.receiptCode;
  if (!code) throw new Error('no answered petition with a receipt code in the demo county');
  return `/receipt?code=${code}`;
};

/** The first supervision order of a filter the visitor may read. */
const firstOrder =
  (filter: string) =>
  async (api: Api): Promise<string> => {
    const data = await api<{ supervisionOrders: { edges: Array<{ node: { id: string } }> } }>(`{ supervisionOrders(first: 1, filter: ${filter}) { edges { node { id } } } }`);
    const node = data.supervisionOrders.edges[0]?.node;
    if (!node) throw new Error(`no supervision order ${filter} in the demo county`);
    return `/supervision/${node.id}`;
  };

/** The first joint conference of the demo county. */
const firstConference = async (api: Api): Promise<string> => {
  const data = await api<{ conferences: { edges: Array<{ node: { id: string } }> } }>('{ conferences(first: 1) { edges { node { id } } } }');
  const node = data.conferences.edges[0]?.node;
  if (!node) throw new Error('no joint conference in the demo county');
  return `/conferences/${node.id}`;
};

/** 数据分析 with the units' breakdown as a table and the closure rate's definition in its tooltip. */
const showTableAndDefinition = async (page: Page): Promise<void> => {
  await page.getByTestId('figures-chart-byUnit-as-table').click();
  await page.getByTestId('figures-chart-byUnit-table').waitFor();
  await page.getByTestId('figure-closureRate-info').focus();
  await page.locator('.el-popper[role="tooltip"]:visible').first().waitFor();
};

/** This year in Asia/Shanghai, as the platform counts its years. */
const shanghaiYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** Last year's scorecard of a unit of the demo county, by its name. */
const scorecardOf =
  (name: string) =>
  async (api: Api): Promise<string> => {
    const data = await api<{ units: Array<{ id: string; name: string }> }>('{ units { id name } }');
    const unit = data.units.find((u) => u.name === name);
    if (!unit) throw new Error(`no unit ${name} in the demo county`);
    return `/assessment/unit/${unit.id}?year=${shanghaiYear() - 1}`;
  };

/** A scorecard with its indicators' chart as a table. */
const showScorecardTable = async (page: Page): Promise<void> => {
  await page.getByTestId('indicator-chart-as-table').click();
  await page.getByTestId('indicator-chart-table').waitFor();
};

/** Each route of the portal by name: who visits it. */
const VISITS: Record<string, Visit[]> = {
  login: [{ as: null, path: '/login' }, { as: null, path: '/login', english: true }],
  receipt: [
    { as: null, path: '/receipt' },
    // With a case found: its stage, its dates and the rating.
    { as: null, findAs: 'bureau', path: receiptOfAnswered },
  ],
  'my-work': [{ as: 'bureau', path: '/my-work' }, { as: 'shiqiao', path: '/my-work' }, { as: 'land', path: '/my-work' }],
  petitions: [{ as: 'bureau', path: '/petitions' }, { as: 'bureau', path: '/petitions', english: true }],
  'petition-new': [{ as: 'bureau', path: '/petitions/new' }],
  'petition-detail': [
    { as: 'bureau', path: firstPetition('REGISTERED') },
    { as: 'land', path: firstPetition('IN_PROGRESS'), open: openFirstAction },
    { as: 'secretary', path: firstPetition() },
    // A key matter: the 包案 card, its dialog, and the bureau's 标记 dialog.
    { as: 'bureau', path: openKeyMatterNotOwned, open: openDialog('ownership-edit', 'ownership-dialog') },
    { as: 'bureau', path: openKeyMatterNotOwned, open: openDialog('action-flag', 'action-dialog-flag') },
  ],
  'key-matters': [{ as: 'bureau', path: '/key-matters' }, { as: 'secretary', path: '/key-matters', english: true }],
  backlog: [{ as: 'bureau', path: '/backlog?age=TWO_TO_THREE' }, { as: 'qingshan', path: '/backlog' }],
  // 督查督办. Listed before the administrator's pages, so that the supervision group signs in before the
  // administrator does: signed in after the administrator's user dialog, the sign-in page never came. The list
  // with 下发督办 open, an order owing the unit's report with its dialog, one to review with 审核.
  supervision: [{ as: 'supervisor', path: '/supervision', open: openDialog('supervision-issue', 'issue-order-dialog') }, { as: 'land', path: '/supervision', english: true }],
  'supervision-order': [
    { as: 'land', path: firstOrder('{ open: true }'), open: openDialog('order-report', 'report-dialog') },
    { as: 'supervisor', path: firstOrder('{ statuses: [REPORTED] }'), open: openDialog('order-close', 'close-order-dialog') },
    { as: 'supervisor', path: firstOrder('{ statuses: [ACCEPTED] }') },
  ],
  conferences: [{ as: 'bureau', path: '/conferences' }, { as: 'secretary', path: '/conferences', english: true }],
  'conference-new': [{ as: 'bureau', path: '/conferences/new' }],
  'conference-detail': [{ as: 'bureau', path: firstConference }],
  circulars: [
    { as: 'supervisor', path: '/circulars', open: openDialog('circulars-publish', 'publish-circular-dialog') },
    { as: 'supervisor', path: '/circulars?tab=accountability', open: openDialog('accountability-record', 'record-accountability-dialog') },
    { as: 'qingshan', path: '/circulars' },
  ],
  'screening-submit': [{ as: 'qingshan', path: '/screening/submit' }],
  'screening-compliance': [{ as: 'bureau', path: '/screening/compliance' }, { as: 'qingshan', path: '/screening/compliance' }],
  disputes: [{ as: 'bureau', path: '/disputes', open: openFirstDispute }],
  // 数据分析: the county's figures with a breakdown as a table and a rate's definition open; a township's own, in English.
  figures: [
    { as: 'bureau', path: '/figures', open: showTableAndDefinition },
    { as: 'qingshan', path: '/figures', english: true },
  ],
  // 信访形势分析: the county's last full quarter with the yearly report's dialog open; a township's year, in English.
  'figures-report': [
    { as: 'bureau', path: '/figures/report', open: openDialog('figures-yearly', 'yearly-dialog') },
    { as: 'qingshan', path: '/figures/report?period=YEAR', english: true },
  ],
  'figure-records': [
    { as: 'secretary', path: '/figures/records?figure=closureRate&part=NUMERATOR' },
    // A count's petitions: the overdue ones of the county; the key matters of a township, in English.
    { as: 'secretary', path: '/figures/records?count=overdue' },
    { as: 'qingshan', path: '/figures/records?count=keyMatters', english: true },
    { as: 'bureau', path: '/figures/records?figure=supervisionOnTimeRate&part=DENOMINATOR' },
    { as: 'qingshan', path: '/figures/records?figure=screeningOnTimeRate&part=DENOMINATOR', english: true },
  ],
  // 考核评价: last year's published table with its vetoes, objections and commendations; a village's own scorecard; this year's draft with 提出一票否决 and 确认否决 open; a township's own scorecard, in English.
  assessment: [
    { as: 'secretary', path: '/assessment' },
    { as: 'shiqiao', path: '/assessment' },
    { as: 'bureau', path: `/assessment?year=${shanghaiYear()}`, open: openDialog('assessment-propose-veto', 'propose-veto-dialog') },
    // This year's draft as the county party committee decides a veto the records proposed.
    { as: 'secretary', path: `/assessment?year=${shanghaiYear()}`, open: openDialog('veto-confirm', 'decide-veto-dialog') },
    { as: 'qingshan', path: '/assessment', english: true },
  ],
  // 考核方案: this year's schemes as the bureau edits them, and as a township reads them, in English.
  'assessment-schemes': [
    { as: 'bureau', path: `/assessment/schemes?year=${shanghaiYear()}` },
    { as: 'qingshan', path: `/assessment/schemes?year=${shanghaiYear()}`, english: true },
  ],
  // A scorecard: a township's as the county reads it, with the chart as a table; a village's own; one out of view (not found).
  'assessment-unit': [
    { as: 'secretary', path: scorecardOf('青山乡'), open: showScorecardTable },
    { as: 'shiqiao', path: scorecardOf('石桥村') },
    { as: 'qingshan', findAs: 'secretary', path: scorecardOf('城关镇') },
  ],
  'my-unit': [{ as: 'qingshan', path: '/my-unit', open: openDialog('change-password', 'password-dialog', 'user-menu') }],
  units: [{ as: 'admin', path: '/units', open: openDialog('unit-add-child', 'unit-dialog') }],
  users: [{ as: 'admin', path: '/users', open: openDialog('user-create', 'user-dialog') }],
  calendar: [{ as: 'bureau', path: '/calendar' }],
  'screening-settings': [{ as: 'bureau', path: '/screening/settings' }],
  // The bell's popover of the newest notifications, open over the inbox page.
  inbox: [{ as: 'bureau', path: '/inbox', open: openDialog('inbox-bell', 'inbox-popover') }, { as: 'land', path: '/inbox?tab=all', english: true }],
};
/** Routes that are no page of their own: `/` only sends the user on. */
const NOT_PAGES = new Set(['home']);

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

describe('accessibility of every page (axe-core, WCAG 2.1 A and AA)', () => {
  let platform: Awaited<ReturnType<typeof startBuiltPlatform>>;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  const errors: string[] = [];
  let signedInAs: Account | null = null;

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    platform = await startBuiltPlatform();
    browser = await openBrowser();
    // Through the browser's own channel, so the portal's Content-Security-Policy does not refuse it.
    await browser.context.addInitScript({ content: axeSource });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const api: Api = async <T>(query: string) =>
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

  async function signInAs(account: Account | null): Promise<void> {
    if (signedInAs === account) return;
    await page.goto(`${platform.url}/login`);
    await page.evaluate(() => localStorage.removeItem('xinfang.session'));
    signedInAs = null;
    if (!account) return;
    await page.goto(`${platform.url}/login`);
    await page.getByTestId('login-username').fill(account);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    signedInAs = account;
  }

  /** Waits until the page has its data and nothing moves, then scans it. */
  async function scan(): Promise<AxeViolation[]> {
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.el-loading-mask, .el-skeleton').count(), { timeout: 20_000 }).toBe(0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    const result = await page.evaluate(
      async (values) => (window as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: unknown[] }> } }).axe.run(document, { runOnly: { type: 'tag', values } }),
      TAGS,
    );
    return (result.violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  function describeViolations(where: string, violations: AxeViolation[]): string[] {
    return violations.flatMap((v) =>
      v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    );
  }

  async function visit(name: string, v: Visit): Promise<string[]> {
    await signInAs(v.findAs ?? v.as);
    const path = typeof v.path === 'string' ? v.path : await v.path(api);
    await signInAs(v.as);
    await page.evaluate((english) => (english ? localStorage.setItem('xinfang.locale', 'en') : localStorage.removeItem('xinfang.locale')), v.english === true);
    await page.goto(`${platform.url}${path}`);
    const where = `${name} ${path} as ${v.as ?? 'nobody'}${v.english ? ', in English' : ''}`;
    const found = describeViolations(where, await scan());
    if (v.open) {
      await v.open(page);
      found.push(...describeViolations(`${where}, dialog open`, await scan()));
    }
    // A picture of a page that fails, to see the colours axe measured (every page with A11Y_SCREENSHOTS=1).
    if (found.length > 0 || process.env.A11Y_SCREENSHOTS === '1') {
      await page.screenshot({ path: join(ARTEFACTS, `a11y-${name}-${v.as ?? 'public'}${v.english ? '-en' : ''}${v.open ? '-dialog' : ''}.png`), fullPage: true });
    }
    return found;
  }

  it('has a visit for every route of the portal', async () => {
    await page.goto(`${platform.url}/login`);
    await page.getByTestId('login-username').waitFor();
    const names = await page.evaluate(() => {
      const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: { getRoutes(): Array<{ name?: unknown; redirect?: unknown }> } } } } }).__vue_app__;
      return app.config.globalProperties.$router
        .getRoutes()
        .filter((r) => !r.redirect)
        .map((r) => String(r.name ?? ''));
    });
    expect(names.length).toBeGreaterThan(10);
    const pages = names.filter((n) => !NOT_PAGES.has(n));
    expect(pages.filter((n) => !(n in VISITS)), 'routes without an account to visit them in this test').toEqual([]);
    expect(Object.keys(VISITS).filter((n) => !pages.includes(n)), 'visits of routes that are gone').toEqual([]);
  });

  // Grouped by account, so each signs in once.
  const accounts = [...new Set(Object.values(VISITS).flat().map((v) => v.as))];
  it.each(accounts.map((a) => [a ?? 'nobody', a] as const))('finds no serious or critical violation on the pages of %s', async (_label, account) => {
    const found: string[] = [];
    for (const [name, visits] of Object.entries(VISITS)) {
      for (const v of visits.filter((x) => x.as === account)) found.push(...(await visit(name, v)));
    }
    expect(found, `serious or critical violations:\n${found.join('\n')}\n`).toEqual([]);
    expect(errors).toEqual([]);
  });
});
