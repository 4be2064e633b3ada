/* global document */
// W2: a signed-in page loaded cold (new browser context: empty cache, no service worker) over
// loopback in headless Chromium, timed from navigation start to the page's main content:
// - offers list (`/offers`): the first offer's row in the table;
// - offer page (`/offers/:id`): the offer's name as the heading and the co-sell tab's form.
// Prints each run and the median of N runs per page; `--trace` prints each request of the last
// run with its start and end (ms after navigation start), to see what waits for what.
//
// Usage: npm run build && node bench/page-load.mjs [--runs 7] [--url http://localhost:3000]
//   [--email owner@contoso.example] [--password cosell-demo-2026] [--trace] [--json file]
// Without --url it seeds the demo program into a temporary data folder and serves it from
// dist/cosell.js on a free port (PGlite). `--url` may be given several times (say, a build from
// before a change and one from after, each on its demo data): the runs then alternate between
// the servers, so both see the same load on a shared machine.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    url: { type: 'string', multiple: true },
    email: { type: 'string', default: 'owner@contoso.example' },
    password: { type: 'string', default: 'cosell-demo-2026' },
    trace: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const runs = Number(args.runs);

async function waitReady(url, child) {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`cosell exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('cosell not ready after 60 s');
}

/** A demo installation served from dist/cosell.js. */
async function server() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-page-load-'));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const cli = path.join(root, 'dist/cosell.js');
  const seeded = spawnSync(process.execPath, [cli, 'seed', '--demo'], { env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seed --demo failed: ${seeded.stderr}`);
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  await waitReady(url, child);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null)
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in over the API; returns the first offer of the signed-in organisation. */
async function signIn(url) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: args.email, password: args.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const session = await response.json();
  const raw = response.headers.getSetCookie().find((c) => c.includes('cosell_session'));
  const [name, value] = raw.split(';')[0].split('=');
  const offers = await fetch(
    `${url}/api/organisations/${session.activeOrganisationId}/offers?limit=1`,
    { headers: { cookie: `${name}=${value}` } },
  ).then((r) => r.json());
  const offer = offers.items?.[0] ?? offers.value?.[0];
  if (!offer) throw new Error('the signed-in organisation has no offer');
  return offer;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Resolves (in the page) with ms since navigation start once the main content shows. */
const mainContent = {
  offers: () => {
    const row = document.querySelector('main table tbody tr');
    return row && row.getBoundingClientRect().height > 0 ? performance.now() : false;
  },
  offer: (name) => {
    const heading = document.querySelector('main h1');
    const panel = document.querySelector('[role="tabpanel"][aria-labelledby="offer-tab-cosell"]');
    const ready =
      heading?.textContent === name &&
      panel?.querySelector('input, [role="combobox"]') &&
      !panel.querySelector('.fui-Spinner');
    return ready ? performance.now() : false;
  },
};

async function measure(browser, url, pagePath, check, arg) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Signing in through the context's request client puts the session cookie in its jar and
  // leaves the HTTP cache empty.
  const signedIn = await context.request.post(`${url}/api/session`, {
    data: { email: args.email, password: args.password },
  });
  if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()}`);
  const page = await context.newPage();
  const requests = [];
  page.on('requestfinished', (request) => {
    const timing = request.timing();
    requests.push({
      url: request.url().replace(url, ''),
      start: timing.startTime,
      end: timing.startTime + timing.responseEnd,
    });
  });
  await page.goto(`${url}${pagePath}`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(check, arg, { timeout: 30_000, polling: 'raf' });
  const ms = await handle.jsonValue();
  const origin = await page.evaluate(() => performance.timeOrigin);
  await context.close();
  return {
    ms,
    requests: requests.map((r) => ({
      url: r.url,
      start: Math.round(r.start - origin),
      end: Math.round(r.end - origin),
    })),
  };
}

const servers = args.url?.length
  ? args.url.map((url) => ({ url: url.replace(/\/$/, ''), stop: async () => {} }))
  : [await server()];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const results = {};
try {
  const targets = [];
  for (const { url } of servers) {
    const offer = await signIn(url);
    targets.push(
      { label: 'offers list', url, pagePath: '/offers', check: mainContent.offers },
      {
        label: 'offer page',
        url,
        pagePath: `/offers/${offer.id}`,
        check: mainContent.offer,
        arg: offer.name,
      },
    );
  }
  // One warm-up load of each page so the server's own first-request work is not counted.
  for (const target of targets)
    await measure(browser, target.url, target.pagePath, target.check, target.arg);
  const times = targets.map(() => []);
  const last = [];
  for (let i = 0; i < runs; i += 1)
    for (const [index, target] of targets.entries()) {
      last[index] = await measure(browser, target.url, target.pagePath, target.check, target.arg);
      times[index].push(Math.round(last[index].ms));
    }
  for (const [index, target] of targets.entries()) {
    const name = servers.length > 1 ? `${target.url} ${target.label}` : target.label;
    results[name] = {
      median: median(times[index]),
      runs: times[index],
      requests: last[index].requests.length,
    };
    console.log(
      `${name.padEnd(12)} median ${String(median(times[index])).padStart(5)} ms  runs ${times[index].join(', ')}  (${last[index].requests.length} requests)`,
    );
    if (args.trace)
      for (const r of last[index].requests.sort((a, b) => a.start - b.start))
        console.log(`  ${String(r.start).padStart(5)} → ${String(r.end).padStart(5)}  ${r.url}`);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
} finally {
  await browser.close();
  for (const running of servers) await running.stop();
}
