/**
 * QUALITY W1 in Chromium: no serious or critical axe-core violation on the foundation's pages,
 * every page usable at 320 px (no horizontal scrolling), and the sign-in route's initial
 * JavaScript within 250 KB gzipped.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  launchBrowser,
  screenshot,
  startServer,
  type RunningServer,
} from './server';

const ADMIN = { email: 'ada@microsoft.example', password: 'a long enough password' };

describe('accessibility, small screens and bundle size', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(4900 + Math.floor(Math.random() * 90));
    browser = await launchBrowser();
    const setup = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisationName: 'Microsoft', name: 'Ada Admin', ...ADMIN }),
    });
    expect(setup.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/start$/);
    return page;
  }

  it('keeps the sign-in route within 250 KB of gzipped JavaScript', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url());
    });
    await page.goto(`${server.url}/sign-in`);
    await page.waitForLoadState('networkidle');
    let total = 0;
    for (const url of new Set(scripts))
      total += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
    console.log(
      `sign-in route: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KiB gzipped`,
    );
    expect(total).toBeLessThanOrEqual(250 * 1000);
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it('has no serious accessibility violation on the shell, settings and program pages', async () => {
    const page = await signedIn(1280);
    for (const path of ['start', 'catalog', 'settings', 'program', 'account']) {
      await page.goto(`${server.url}/${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await accessibilityProblems(page), path).toEqual([]);
    }
    await page.context().close();
  });

  it('is usable at 320 px: no horizontal scrolling, navigation behind a menu button', async () => {
    const page = await signedIn(320);
    for (const path of ['start', 'catalog', 'settings', 'program']) {
      await page.goto(`${server.url}/${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const wide = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= limit) return [];
        return [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
          .slice(0, 3)
          .map(
            (el) =>
              `${el.outerHTML.slice(0, 200)} right=${Math.round(el.getBoundingClientRect().right)}`,
          );
      });
      expect(wide, `${path} scrolls sideways`).toEqual([]);
      await screenshot(page, `320px-${path}`);
    }
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-settings').first().click();
    await page.waitForURL(/\/settings$/);
    await page.context().close();
  });
});
