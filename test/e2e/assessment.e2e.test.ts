import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';

/**
 * 考核评价 in the built portal in Chromium, on the demo county (last year published with one veto
 * confirmed, 青山乡's objection answered; this year a draft): the county party secretary opens it
 * from the menu and gets last year's published townships by rank with the 一票否决 badge, and opens
 * a scorecard from its row; 青山乡 gets its own scorecard with its veto status and history, and
 * 城关镇's scorecard address is "not found" to it; 石桥村 gets its own village scorecard; the bureau
 * edits this year's township scheme (考核方案) and 青山乡 reads it. Pictures of the table, a
 * scorecard and the scheme editor.
 */
describe('考核评价 in a browser', () => {
  let platform: Awaited<ReturnType<typeof startBuiltPlatform>>;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  const errors: string[] = [];
  /** 城关镇, as the county secretary reads it: 青山乡 may not. */
  let chengguanId = '';
  const lastYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    platform = await startBuiltPlatform();
    browser = await openBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const at = (path: string) => `${platform.url}${path}`;

  async function settle(): Promise<void> {
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.el-loading-mask, .el-skeleton').count(), { timeout: 20_000 }).toBe(0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  }

  async function shot(name: string): Promise<void> {
    await settle();
    // ECharts animates its first drawing for about a second.
    await page.waitForTimeout(1200);
    await page.evaluate(() => window.scrollTo(0, 0));
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

  const rows = () => page.getByTestId('assessment-table').locator('.el-table__body tr');

  it('shows the county secretary last year’s published townships by rank with the 一票否决 badge, and a scorecard from its row', async () => {
    await signIn('secretary');
    await page.getByTestId('menu-assessment').click();
    await page.waitForURL(/\/assessment$/);
    await page.getByTestId('assessment-table').waitFor();
    await settle();
    expect(await page.getByTestId('assessment-year').innerText()).toContain(`${lastYear}年度`);
    expect((await page.getByTestId('assessment-stage').innerText()).trim()).toBe('已发布');
    type Row = { unit: { id: string; name: string }; rank: number; total: number; vetoStatus: string };
    const resultsOf = async (kind: string) =>
      (await api<{ assessmentResults: Row[] }>(`{ assessmentResults(year: ${lastYear}, unitKind: ${kind}) { unit { id name } rank total vetoStatus } }`)).assessmentResults;
    const townships = await resultsOf('TOWNSHIP');
    expect(townships.length).toBeGreaterThan(1);
    chengguanId = townships.find((r) => r.unit.name === '城关镇')?.unit.id ?? '';
    expect(chengguanId).not.toBe('');
    await expect.poll(() => rows().count()).toBe(townships.length);
    expect(await page.getByTestId('result-unit').allInnerTexts()).toEqual(townships.map((r) => r.unit.name));
    expect(await page.getByTestId('result-total').allInnerTexts()).toEqual(townships.map((r) => r.total.toFixed(2)));
    // Each indicator's column: its name and weight.
    expect(await page.getByTestId('result-column-onTimeRate').innerText()).toMatch(/按期答复率\s*25分/);

    // The one veto the county confirmed (the demo confirms one of those the records proposed): its unit's
    // kind on its tab, one red badge, on its unit's row.
    const { assessmentVetoes: vetoes } = await api<{ assessmentVetoes: Array<{ status: string; unit: { name: string; kind: string } }> }>(
      `{ assessmentVetoes(year: ${lastYear}) { status unit { name kind } } }`,
    );
    const confirmed = vetoes.filter((v) => v.status === 'CONFIRMED');
    expect(confirmed).toHaveLength(1);
    const kind = confirmed[0]!.unit.kind;
    const results = kind === 'TOWNSHIP' ? townships : await resultsOf(kind);
    if (kind !== 'TOWNSHIP') {
      await page.getByTestId('assessment-kinds').getByRole('tab', { name: kind === 'VILLAGE' ? '村(居)' : '部门' }).click();
      await page.waitForURL(new RegExp(`kind=${kind}`));
      await expect.poll(() => page.getByTestId('result-unit').allInnerTexts()).toEqual(results.map((r) => r.unit.name));
    }
    const vetoed = results.filter((r) => r.vetoStatus === 'CONFIRMED');
    expect(vetoed.map((r) => r.unit.name)).toEqual([confirmed[0]!.unit.name]);
    const badges = page.getByTestId('assessment-table').getByTestId('veto-badge-CONFIRMED');
    expect(await badges.count()).toBe(1);
    expect(await badges.innerText()).toBe('一票否决');
    const vetoedRow = rows().filter({ has: page.getByTestId('veto-badge-CONFIRMED') });
    expect(await vetoedRow.getByTestId('result-unit').innerText()).toBe(vetoed[0]!.unit.name);
    // A confirmed veto ranks after every other.
    expect(vetoed[0]!.rank).toBe(results.length);
    // The year's vetoes and 青山乡's objection, answered.
    await expect.poll(() => page.getByTestId('assessment-vetoes-table').getByTestId('veto-badge-CONFIRMED').count()).toBe(1);
    await expect.poll(() => page.getByTestId('objection-status').allInnerTexts()).toEqual(['已维持']);
    // The two townships commended after publication.
    const { commendations } = await api<{ commendations: Array<{ unit: { name: string }; title: string }> }>(`{ commendations(year: ${lastYear}) { unit { name } title } }`);
    expect(commendations).toHaveLength(2);
    await expect.poll(() => page.getByTestId('commendation-unit').allInnerTexts()).toEqual(commendations.map((c) => c.unit.name));
    expect(await page.getByTestId('commendation-title').allInnerTexts()).toEqual(commendations.map((c) => c.title));
    await shot('assessment-table');

    // A row opens the unit's scorecard of the same year.
    await vetoedRow.locator('td').first().click();
    await page.waitForURL(new RegExp(`/assessment/unit/[0-9a-f-]{36}\\?year=${lastYear}$`));
    await page.getByTestId('scorecard').waitFor();
    expect(await page.getByTestId('scorecard-title').innerText()).toBe(`${vetoed[0]!.unit.name} ${lastYear}年度考核结果`);
    expect(await page.getByTestId('scorecard-rank').innerText()).toBe(`第${vetoed[0]!.rank}名/共${results.length}个`);
    expect(errors).toEqual([]);
  });

  /** A veto status as the scorecard words it. */
  const VETO_WORDS: Record<string, string> = { NONE: '未被一票否决', PROPOSED: '待县委决定', CONFIRMED: '已被一票否决', REVOKED: '已撤销' };

  it('shows 青山乡 its own scorecard with its veto status, and 城关镇’s scorecard as not found', async () => {
    await signIn('qingshan');
    await page.getByTestId('menu-assessment').click();
    await page.waitForURL(/\/assessment$/);
    await page.getByTestId('scorecard').waitFor();
    await settle();
    const me = await api<{ me: { unitId: string } }>('{ me { unitId } }');
    const own = await api<{ assessmentResult: { rank: number; peerCount: number; total: number; vetoStatus: string } }>(
      `{ assessmentResult(unitId: "${me.me.unitId}", year: ${lastYear}) { rank peerCount total vetoStatus } }`,
    );
    expect(await page.getByTestId('scorecard-title').innerText()).toBe(`青山乡 ${lastYear}年度考核结果`);
    expect(await page.getByTestId('scorecard-total').innerText()).toBe(own.assessmentResult.total.toFixed(2));
    expect(await page.getByTestId('scorecard-rank').innerText()).toBe(`第${own.assessmentResult.rank}名/共${own.assessmentResult.peerCount}个`);
    // The records proposed a veto of 青山乡 (a skip-level collective visit); the committee decided it either way.
    expect(['CONFIRMED', 'REVOKED']).toContain(own.assessmentResult.vetoStatus);
    expect(await page.getByTestId('scorecard-veto-status').innerText()).toContain(VETO_WORDS[own.assessmentResult.vetoStatus]);
    expect(await page.getByTestId('scorecard-voided').count()).toBe(own.assessmentResult.vetoStatus === 'CONFIRMED' ? 1 : 0);
    await expect.poll(() => page.getByTestId('veto-history-step').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('scorecard-objection-answer').innerText()).toContain('维持原评分');
    // An indicator's parts open 数据分析's records of the township over the year.
    const numerator = page.getByTestId('indicator-onTimeRate-numerator');
    expect(await numerator.getAttribute('href')).toBe(`/figures/records?figure=onTimeRate&part=NUMERATOR&scope=${me.me.unitId}&from=${lastYear}-01-01&to=${lastYear}-12-31`);
    // A published year takes no objection.
    expect(await page.getByTestId('objection-form').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="indicator-chart-canvas"] canvas').count()).toBe(1);
    await shot('assessment-scorecard');

    // Another township's scorecard is not found to it: an empty state, no error.
    await page.goto(at(`/assessment/unit/${chengguanId}?year=${lastYear}`));
    await page.getByTestId('scorecard-empty').waitFor();
    expect(await page.getByTestId('scorecard-empty').innerText()).toContain('未找到该单位的考核结果');
    expect(await page.getByTestId('scorecard').count()).toBe(0);
    expect(await page.getByTestId('scorecard-error').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows 石桥村 its own village scorecard', async () => {
    await signIn('shiqiao');
    await page.getByTestId('menu-assessment').click();
    await page.waitForURL(/\/assessment$/);
    await page.getByTestId('scorecard').waitFor();
    await settle();
    expect(await page.getByTestId('scorecard-title').innerText()).toBe(`石桥村 ${lastYear}年度考核结果`);
    const me = await api<{ me: { unitId: string } }>('{ me { unitId } }');
    const own = await api<{ assessmentResult: { rank: number; peerCount: number; vetoStatus: string; indicators: Array<{ figure: string }> } }>(
      `{ assessmentResult(unitId: "${me.me.unitId}", year: ${lastYear}) { rank peerCount vetoStatus indicators { figure } } }`,
    );
    expect(await page.getByTestId('scorecard-rank').innerText()).toBe(`第${own.assessmentResult.rank}名/共${own.assessmentResult.peerCount}个`);
    // The village scheme's indicators, each a row of its own.
    expect(await page.getByTestId('scorecard-indicators').locator('.el-table__body tr').count()).toBe(own.assessmentResult.indicators.length);
    expect(await page.getByTestId('scorecard-veto-status').innerText()).toContain(VETO_WORDS[own.assessmentResult.vetoStatus]);
    await shot('assessment-village-scorecard');
    expect(errors).toEqual([]);
  });

  it('lets the bureau edit this year’s township scheme (105 cannot be saved, 100 is), and shows 青山乡 the same scheme read-only', async () => {
    const year = lastYear + 1;
    const message = () => page.locator('.el-message').last();
    await signIn('bureau');
    await page.goto(at(`/assessment?year=${year}`));
    await page.getByTestId('assessment-table').waitFor();
    await page.getByTestId('assessment-schemes').click();
    await page.waitForURL(new RegExp(`/assessment/schemes\\?year=${year}$`));
    type Scheme = { unitKind: string; version: number; indicators: Array<{ name: string; weight: number }> };
    const townshipScheme = async () =>
      (await api<{ assessmentSchemes: Scheme[] }>(`{ assessmentSchemes(year: ${year}) { unitKind version indicators { name weight } } }`)).assessmentSchemes.find((s) => s.unitKind === 'TOWNSHIP')!;
    const before = await townshipScheme();
    const editor = page.getByTestId('scheme-TOWNSHIP');
    await editor.waitFor();
    await settle();
    expect(await page.getByTestId('schemes-title').innerText()).toBe(`${year}年度考核方案`);
    expect(await editor.getByTestId('scheme-indicators').locator('.el-table__body tr').count()).toBe(before.indicators.length);
    expect(await editor.getByTestId('scheme-total-gap').innerText()).toBe('合计 100 分');

    // The first indicator 5 points heavier: 105 in all, 超出5分, and 保存 disabled.
    const weight = editor.getByTestId('scheme-weight-0').locator('input');
    const first = before.indicators[0]!.weight;
    await weight.fill(String(first + 5));
    await weight.press('Tab');
    await expect.poll(() => editor.getByTestId('scheme-total-gap').innerText()).toBe('超出5分');
    expect(await editor.getByTestId('scheme-total-value').innerText()).toBe('105 / 100 分');
    expect(await editor.getByTestId('scheme-save').isDisabled()).toBe(true);
    await shot('assessment-schemes-over');

    // Back to 100: saved, with its new version.
    await weight.fill(String(first));
    await weight.press('Tab');
    await expect.poll(() => editor.getByTestId('scheme-total-gap').innerText()).toBe('合计 100 分');
    expect(await editor.getByTestId('scheme-save').isDisabled()).toBe(false);
    await editor.getByTestId('scheme-save').click();
    await expect.poll(() => message().innerText()).toMatch(/^考核方案已保存（第 \d+ 版）$/);
    const after = await townshipScheme();
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.indicators).toEqual(before.indicators);
    expect(await message().innerText()).toBe(`考核方案已保存（第 ${after.version} 版）`);
    await expect.poll(() => editor.getByTestId('scheme-meta').innerText()).toContain(`第 ${after.version} 版`);
    await shot('assessment-schemes');

    // 青山乡 reads the same scheme, with nothing to edit.
    await signIn('qingshan');
    await page.goto(at(`/assessment/schemes?year=${year}`));
    await editor.waitFor();
    await settle();
    expect(await page.getByTestId('schemes-read-only').innerText()).toContain('考核方案由群众工作局制定，您只能查看');
    expect(await editor.locator('input').count()).toBe(0);
    expect(await editor.getByTestId('scheme-save').count()).toBe(0);
    expect(await editor.getByTestId('scheme-weight-0').innerText()).toBe(String(first));
    expect(await editor.getByTestId('scheme-name-0').innerText()).toBe(before.indicators[0]!.name);
    expect(await editor.getByTestId('scheme-total-gap').innerText()).toBe('合计 100 分');
    expect(errors).toEqual([]);
  });

  it('takes this year from the bureau’s draft through a veto revoked and 青山乡’s objection upheld to the review, publication refused in Chinese until it ends', async () => {
    const year = lastYear + 1;
    const message = () => page.locator('.el-message').last();
    await signIn('bureau');
    await page.goto(at(`/assessment?year=${year}`));
    await page.getByTestId('assessment-table').waitFor();
    await settle();
    expect((await page.getByTestId('assessment-stage').innerText()).trim()).toBe('草稿');
    await page.getByTestId('assessment-compute').click();
    await expect.poll(() => page.getByText(`${year}年度考核结果已计算`).count(), { timeout: 60_000 }).toBeGreaterThan(0);

    // 提出一票否决 of 河西镇, with its reason.
    await page.getByTestId('assessment-propose-veto').click();
    await page.getByTestId('propose-veto-dialog').waitFor();
    await page.getByTestId('propose-veto-unit').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '河西镇' }).first().click();
    await page.getByTestId('propose-veto-reason').fill('辖区重大矛盾纠纷排查不到位，经核实提出');
    await page.getByTestId('propose-veto-submit').click();
    await expect.poll(() => message().innerText()).toBe('已对河西镇提出一票否决');

    // The secretary revokes it with a reason, and opens the review after confirming.
    await signIn('secretary');
    await page.goto(at(`/assessment?year=${year}`));
    await page.getByTestId('assessment-vetoes-table').waitFor();
    await settle();
    const row = page.getByTestId('assessment-vetoes-table').locator('.el-table__body tr').filter({ hasText: '辖区重大矛盾纠纷排查不到位' });
    await row.getByTestId('veto-revoke').click();
    await page.getByTestId('decide-veto-submit').click();
    await expect.poll(() => page.getByTestId('decide-veto-dialog').innerText()).toContain('请填写决定理由');
    await page.getByTestId('decide-veto-reason').fill('经县委常委会研究，不予否决');
    await page.getByTestId('decide-veto-submit').click();
    await expect.poll(() => row.getByTestId('veto-badge-REVOKED').count()).toBe(1);
    await page.getByTestId('assessment-open-review').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => page.getByTestId('assessment-stage').innerText()).toMatch(/^公示中（至\d{4}-\d{2}-\d{2}）$/);

    // 青山乡 sees its draft and objects to an indicator.
    await signIn('qingshan');
    await page.getByTestId('menu-assessment').click();
    await page.getByTestId('objection-form').waitFor();
    expect(await page.getByTestId('scorecard-title').innerText()).toBe(`青山乡 ${year}年度考核结果`);
    const before = Number(await page.getByTestId('indicator-onTimeRate-points').innerText());
    await page.getByTestId('objection-target').click();
    await page.getByTestId('objection-target-onTimeRate').click();
    await page.getByTestId('objection-reason').fill('部分超期件系当事人补充材料所致，申请核减');
    await page.getByTestId('objection-submit').click();
    await expect.poll(() => page.getByTestId('scorecard-objection-status').allInnerTexts()).toEqual(['待答复']);

    // The bureau upholds it with a correction; the result is computed again.
    await signIn('bureau');
    await page.goto(at(`/assessment?year=${year}`));
    await page.getByTestId('objection-answer-button').click();
    await page.getByTestId('answer-objection-uphold').click();
    await page.getByTestId('answer-objection-answer').fill('经核查属实，予以采纳');
    await page.locator('[data-testid="answer-objection-correction"] input').fill('1.5');
    await page.getByTestId('answer-objection-submit').click();
    await expect.poll(() => page.getByTestId('objection-status').allInnerTexts()).toEqual(['已采纳']);

    await signIn('qingshan');
    await page.getByTestId('menu-assessment').click();
    await page.getByTestId('scorecard').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('indicator-onTimeRate-points').innerText())).toBeCloseTo(Math.min(25, before + 1.5), 2);

    // Publication waits for the end of the review, and says so.
    await signIn('secretary');
    await page.goto(at(`/assessment?year=${year}`));
    await page.getByTestId('assessment-publish').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => message().innerText()).toMatch(/^公示期至\d{4}-\d{2}-\d{2}，请在公示期满后发布$/);
    expect(errors).toEqual([]);
  });

  it('lets the secretary confirm a proposed veto and publish once the review is over; 青山乡 is told and its scorecard says so', async () => {
    const year = lastYear + 1;
    // The bureau proposes a veto of 河西镇 in the year under review; the review's five working days are then over.
    await signIn('bureau');
    const units = await api<{ units: Array<{ id: string; name: string }> }>('{ units { id name } }');
    const hexi = units.units.find((u) => u.name === '河西镇')!.id;
    await api(`mutation { proposeVeto(unitId: "${hexi}", year: ${year}, reason: "辖区越级集体访化解不力，经核实提出") { id } }`);
    await platform.orm.em.fork().getConnection().execute('update assessment_year set review_ends_on = ? where year = ?', [`${year}-01-01`, year]);

    await signIn('secretary');
    // Every other proposal of the year is decided first (revoked), so that only 河西镇's waits for the committee in the page.
    const pending = await api<{ assessmentVetoes: Array<{ id: string; status: string; reason: string }> }>(`{ assessmentVetoes(year: ${year}) { id status reason } }`);
    for (const v of pending.assessmentVetoes.filter((x) => x.status === 'PROPOSED' && !x.reason.startsWith('辖区越级集体访化解不力'))) {
      await api(`mutation { decideVeto(vetoId: "${v.id}", decision: REVOKE, reason: "经研究不予否决") { id } }`);
    }
    await page.goto(at(`/assessment?year=${year}`));
    await page.getByTestId('assessment-vetoes-table').waitFor();
    await settle();
    const row = page.getByTestId('assessment-vetoes-table').locator('.el-table__body tr').filter({ hasText: '辖区越级集体访化解不力' });
    await row.getByTestId('veto-confirm').click();
    await page.getByTestId('decide-veto-reason').fill('经县委常委会研究，证据确凿，予以一票否决');
    await page.getByTestId('decide-veto-submit').click();
    await expect.poll(() => row.getByTestId('veto-badge-CONFIRMED').count()).toBe(1);

    await page.getByTestId('assessment-publish').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => page.getByTestId('assessment-stage').innerText()).toBe('已发布');
    // 河西镇 is void and last of the townships.
    const hexiRow = page.getByTestId('assessment-table').locator('.el-table__body tr').filter({ hasText: '河西镇' });
    await expect.poll(() => hexiRow.getByTestId('veto-badge-CONFIRMED').count()).toBe(1);
    await shot('assessment-published');

    // 青山乡 is told in its inbox, and its scorecard is the published one.
    await signIn('qingshan');
    await page.goto(at('/inbox?tab=all'));
    await expect.poll(() => page.getByTestId('notification-kind').allInnerTexts()).toContain('年度考核结果已发布');
    await page.getByTestId('notification').filter({ hasText: '年度考核结果已发布' }).first().getByTestId('notification-assessment').click();
    await page.waitForURL(/\/assessment$/);
    await page.getByTestId('scorecard').waitFor();
    expect(await page.getByTestId('scorecard-title').innerText()).toBe(`青山乡 ${year}年度考核结果`);
    expect(await page.getByTestId('objection-form').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
