/**
 * The foundation journey in Chromium: set-up → sign out → sign in → invite a user → the
 * invitee accepts → switches to Chinese and sees every string translated → signs out; and
 * the API docs page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../packages/web/src/i18n/catalogue-files';
import { launchBrowser, screenshot, startServer, type RunningServer } from './server';

/** Every text of a locale: its catalogue and its areas' files. */
const locale = (name: string): Record<string, unknown> => readCatalogue(name);

/** Every leaf string of a locale file, by dotted key. */
function leaves(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else if (value && typeof value === 'object')
      for (const [k, v] of leaves(value as Record<string, unknown>, full)) out.set(k, v);
  }
  return out;
}

const ADMIN = {
  organisation: 'Microsoft',
  name: 'Ada Admin',
  email: 'ada@microsoft.example',
  password: 'a long enough password',
};
const INVITEE = {
  name: 'Lin Reviewer',
  email: 'lin@microsoft.example',
  password: 'another long password',
};

describe('foundation journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(4700 + Math.floor(Math.random() * 200));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets up, signs in, invites a user who joins, reads Chinese and signs out', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();

    // First run: an empty database leads to the set-up page.
    await page.goto(server.url);
    await page.waitForURL(/\/setup$/);
    await page.getByLabel('Vendor organisation name', { exact: true }).fill(ADMIN.organisation);
    await page.getByLabel('Your name', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('E-mail', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    const confirm = page.getByLabel('Confirm password', { exact: true });
    if (await confirm.count()) await confirm.fill(ADMIN.password);
    await screenshot(page, '01-setup');
    await page.getByRole('button', { name: 'Set up and sign in' }).click();

    // The vendor shell: Catalog, Review queue, Opportunities, Program, Settings.
    await expect.poll(() => page.getByTestId('nav-program').count()).toBeGreaterThan(0);
    for (const id of ['start', 'catalog', 'review-queue', 'opportunities', 'program', 'settings']) {
      expect(await page.getByTestId(`nav-${id}`).count(), `nav-${id}`).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('nav-offers').count()).toBe(0);
    await screenshot(page, '02-vendor-shell');

    // Sign out, then sign in again.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
    // Without a mail server, "Forgot password?" says whom to ask instead of sending a link.
    await page.getByTestId('forgot-password').click();
    await page.waitForURL(/\/forgot-password$/);
    const askOwner = page.getByTestId('password-reset-ask-owner');
    await askOwner.getByText('Ask an owner of your organisation').waitFor();
    expect(await askOwner.getByText('cosell user reset-password').count()).toBe(1);
    await askOwner.getByRole('button', { name: 'Back to sign-in' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel('E-mail', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('wrong password!!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByText('The e-mail address or password is wrong.').count())
      .toBeGreaterThan(0);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('nav-settings').first().waitFor();

    // Invite a reviewer into the vendor organisation. Escape closes the empty dialog at once;
    // once something is typed, it asks before discarding it.
    await page.getByTestId('nav-settings').first().click();
    const invite = page.getByRole('button', { name: 'Invite user' }).first();
    await invite.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await invite.click();
    const email = dialog.getByLabel('E-mail address', { exact: true });
    await email.fill(INVITEE.email);
    await page.keyboard.press('Escape');
    const prompt = page.getByTestId('discard-prompt');
    await prompt.getByText('Discard your changes?').waitFor();
    await screenshot(page, '03-discard-prompt');
    await prompt.getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => prompt.count()).toBe(0);
    expect(await email.inputValue()).toBe(INVITEE.email);
    await dialog.getByRole('checkbox', { name: /Reviewer/ }).check();
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = dialog.getByTestId('invitation-url');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/invite\/[\w-]{43}$/);
    await screenshot(page, '03-invitation-created');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The invitee opens the link in their own browser, creates an account and is signed in.
    const invitee = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
    });
    const theirs = await invitee.newPage();
    await theirs.goto(url);
    await theirs.getByLabel('Your name', { exact: true }).fill(INVITEE.name);
    await theirs.getByLabel('Password', { exact: true }).fill(INVITEE.password);
    await theirs.getByLabel('Confirm password', { exact: true }).fill(INVITEE.password);
    await screenshot(theirs, '04-invitation-accept');
    await theirs.getByRole('button', { name: 'Create account and accept' }).click();
    await theirs.getByTestId('nav-review-queue').first().waitFor();

    // Switch to Chinese: every string on the page is translated.
    await theirs.getByTestId('language-picker').first().click();
    await theirs.getByTestId('language-zh-CN').click();
    await expect.poll(() => theirs.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const zh = leaves(locale('zh-CN'));
    expect(await theirs.getByTestId('nav-settings').first().innerText()).toBe(
      zh.get('nav.settings'),
    );
    const english = [...leaves(locale('en'))].filter(
      ([key, value]) =>
        value !== zh.get(key) &&
        value.length > 3 &&
        !value.includes('{{') &&
        !/^(cosell|Microsoft|English)$/.test(value),
    );
    for (const pageName of ['review-queue', 'settings']) {
      await theirs.getByTestId(`nav-${pageName}`).first().click();
      await theirs.waitForURL(new RegExp(`/${pageName}$`));
      await theirs.waitForLoadState('networkidle');
      await theirs
        .getByRole('heading', {
          level: 1,
          name: zh.get(pageName === 'settings' ? 'settings.title' : 'reviewQueue.title'),
        })
        .waitFor();
      const text = await theirs.locator('body').innerText();
      const leftovers = english
        .filter(([, value]) => text.includes(value))
        .map(([key, value]) => `${key}: ${value}`);
      expect(leftovers, `English left on ${pageName}`).toEqual([]);
      await screenshot(theirs, `05-zh-CN-${pageName}`);
    }

    // The choice is remembered for the user: a new browser signing in gets Chinese.
    await theirs.getByTestId('user-menu').click();
    await theirs.getByTestId('sign-out').click();
    await theirs.waitForURL(/\/sign-in/);
    const fresh = await browser.newContext({ locale: 'en-US' });
    const again = await fresh.newPage();
    await again.goto(`${server.url}/sign-in`);
    await again.getByLabel('E-mail', { exact: true }).fill(INVITEE.email);
    await again.getByLabel('Password', { exact: true }).fill(INVITEE.password);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => again.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
      .toBe('zh-CN');
    await screenshot(again, '06-zh-CN-remembered');

    // The signed-out session is dead on the server, not just forgotten by the browser.
    const stale = await theirs.request.get(`${server.url}/api/session`);
    expect(stale.status()).toBe(401);

    await Promise.all([context.close(), invitee.close(), fresh.close()]);
  });

  it('serves the API docs page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/api/docs`);
    await page.getByText('cosell API').first().waitFor({ timeout: 30_000 });
    await screenshot(page, '07-api-docs');
    await context.close();
  });
});
