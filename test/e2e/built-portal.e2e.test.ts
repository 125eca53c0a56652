import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@xinfang/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../support/browser.js';
import { startBuiltPlatform } from '../support/e2e-server.js';
import { PORTAL_DIST, chunkGraph, importCycles } from './built-chunks.js';

/**
 * The portal exactly as built (portal/dist) and served by the built server: it must run. One build of
 * a commit once came out as a blank page ("TypeError: M is not a constructor") because two of its
 * chunks imported each other; other builds of the same commit worked (issue 8, defect 3).
 */
describe('the built portal', () => {
  it('has no two chunks that import each other, and every chunk it imports exists', () => {
    const graph = chunkGraph();
    expect(graph.size).toBeGreaterThan(5);
    expect(importCycles(graph)).toEqual([]);
    const missing = [...graph].flatMap(([chunk, imports]) => imports.filter((i) => !graph.has(i)).map((i) => `${chunk} → ${i}`));
    expect(missing).toEqual([]);
    // The page's own references too.
    const html = readFileSync(join(PORTAL_DIST, 'index.html'), 'utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(referenced.length).toBeGreaterThan(1);
    expect(referenced.filter((file) => !existsSync(join(PORTAL_DIST, file)))).toEqual([]);
  });

  describe('in Chromium, served by the built server', () => {
    let platform: Awaited<ReturnType<typeof startBuiltPlatform>>;
    let browser: Awaited<ReturnType<typeof openBrowser>>;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      platform = await startBuiltPlatform();
      browser = await openBrowser();
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url})`);
      });
      // A query the portal cancels as it leaves a page is no failure; a chunk that does not load is.
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} ${reason}`);
      });
    });
    afterAll(async () => {
      await browser?.close();
      await platform?.stop();
    });

    it('shows the sign-in form, signs the bureau in, and opens every page of its menu without an error', async () => {
      await page.goto(platform.url);
      await page.waitForURL(/\/login/);
      await page.getByTestId('login-username').fill('bureau');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/my-work$/);
      await page.getByTestId('my-work-title').waitFor();

      // Every page loads its own chunks: each must run too (排查情况 brings ECharts).
      const items = await page.getByTestId('main-menu').locator('[data-testid^="menu-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!));
      expect(items.length).toBeGreaterThan(5);
      for (const item of items) {
        await page.getByTestId(item).click();
        await expect.poll(() => page.getByTestId('main-menu').locator('.el-menu-item.is-active').getAttribute('data-testid'), { timeout: 15_000 }).toBe(item);
        await page.waitForLoadState('networkidle');
        expect(await page.locator('.layout-main').innerText()).not.toBe('');
      }
      expect(errors).toEqual([]);
    });
  });
});
