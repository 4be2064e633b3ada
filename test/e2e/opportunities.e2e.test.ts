/**
 * The co-sell journey in Chromium on the demo program: a vendor seller sends a co-sell
 * opportunity to Contoso; Contoso accepts it and invites Fabrikam; Fabrikam accepts; both move
 * their deals on and win them. A second opportunity nobody answers expires once the program
 * admin moves the program clock 14 days.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, screenshot } from './server';

const PASSWORD = 'cosell-demo-2026';
const PORT = 5600 + Math.floor(Math.random() * 200);
const URL = `http://localhost:${PORT}`;

let dataDir: string;
let child: ChildProcess;
let browser: Browser;

async function waitReady(timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(`${URL}/readyz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('cosell not ready');
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-e2e-opp-'));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const seeded = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist/cosell.js'), 'seed', '--demo'],
    {
      env,
      stdio: 'ignore',
    },
  );
  if (seeded.status !== 0) throw new Error('seed failed');
  child = spawn(process.execPath, [path.join(ROOT, 'dist/cosell.js'), 'serve'], {
    env: { ...env, PORT: String(PORT), HOST: '127.0.0.1', CLOCK_CONTROL: 'on' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitReady();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${URL}/sign-in`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  return page;
}

/** The seller sends an opportunity for `customer` to the publisher of the first solution. */
async function sendOpportunity(seller: Page, name: string, customer: string): Promise<void> {
  await seller.goto(`${URL}/opportunities/new`);
  await seller.getByRole('checkbox').first().check();
  await seller.getByRole('button', { name: 'Next' }).click();
  await seller.getByLabel('Customer name').fill(customer);
  await seller.getByRole('combobox', { name: 'Country' }).click();
  await seller.getByRole('option', { name: 'Poland' }).click();
  await seller.getByRole('button', { name: 'Next' }).click();
  await seller.getByLabel('Deal name').fill(name);
  await seller.getByLabel('Estimated value').fill('250000');
  await seller.getByLabel('Estimated close date').fill('2027-06-30');
  await seller.getByLabel('Notes').fill('Retail analytics pilot.');
  await seller.getByRole('button', { name: 'Next' }).click();
  await seller.getByRole('button', { name: 'Next' }).click();
  await seller.getByRole('button', { name: 'Send opportunity' }).click();
  await seller.getByRole('heading', { level: 1, name }).waitFor();
}

/** Opens the deal called `name` from the Inbound tab. */
async function openInbound(page: Page, name: string) {
  await page.goto(`${URL}/opportunities?tab=inbound`);
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function accept(page: Page) {
  await page.getByRole('toolbar').getByRole('button', { name: 'Accept' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Notes').fill('We will run the pilot.');
  await dialog.getByRole('button', { name: 'Accept' }).click();
  await page.getByText('Active · Accepted').first().waitFor();
}

async function moveStageAndWin(page: Page) {
  await page.getByRole('toolbar').getByRole('button', { name: 'Move stage' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move stage' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('toolbar').getByRole('button', { name: 'Mark as won' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as won' }).click();
  await page.getByText('Closed · Won').first().waitFor();
}

describe('co-sell opportunities', () => {
  it('goes from a seller to two partners who accept, work and win it', async () => {
    const seller = await signIn('seller@microsoft.example');
    await sendOpportunity(seller, 'Adventure Works analytics', 'Adventure Works');
    await screenshot(seller, 'opportunities-01-sent');

    const contoso = await signIn('owner@contoso.example');
    await openInbound(contoso, 'Adventure Works analytics');
    await expect(
      contoso
        .getByText(/Expires in 14 days/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await accept(contoso);

    // Contoso invites Fabrikam (P2P) with its own solution.
    await contoso.getByRole('toolbar').getByRole('button', { name: 'Invite a partner' }).click();
    const invite = contoso.getByRole('dialog');
    await invite.getByRole('combobox', { name: 'Partner' }).click();
    await contoso.getByRole('option', { name: 'Fabrikam Security' }).click();
    await invite.getByRole('checkbox').first().check();
    await invite.getByRole('button', { name: 'Invite a partner' }).click();
    await invite.waitFor({ state: 'detached' });
    await contoso.getByRole('cell', { name: 'Fabrikam Security' }).waitFor();

    const fabrikam = await signIn('owner@fabrikam.example');
    await openInbound(fabrikam, 'Adventure Works analytics');
    await accept(fabrikam);
    await moveStageAndWin(fabrikam);

    await contoso.reload();
    await moveStageAndWin(contoso);
    await screenshot(contoso, 'opportunities-02-won');
    // The history names who did what, from where.
    const history = contoso.getByTestId('timeline');
    await expect(history.getByText('Marked as won').first().isVisible()).resolves.toBe(true);
    await expect(
      history
        .getByText(/via web/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
  }, 240_000);

  // Moving the clock queues the referral expiry run with the badge sweep: it runs at once.
  it('expires an unanswered opportunity once the program clock moves 14 days', async () => {
    const seller = await signIn('seller@microsoft.example');
    await sendOpportunity(seller, 'Northwind dashboards', 'Northwind Retail');

    const admin = await signIn('admin@microsoft.example');
    await admin.goto(`${URL}/program?section=clock`);
    await admin.getByTestId('clock-days').fill('14');
    await admin.getByTestId('clock-advance').click();
    await admin.getByText(/14/).first().waitFor();

    const contoso = await signIn('owner@contoso.example');
    await expect
      .poll(
        async () => {
          await openInbound(contoso, 'Northwind dashboards');
          return contoso.getByText('Closed · Expired').count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    await screenshot(contoso, 'opportunities-03-expired');
  }, 180_000);
});
