/**
 * End-to-end fixtures: the built cosell (dist/cosell.js) on a fresh data folder, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-results/e2e/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readCatalogue } from '../../packages/web/src/i18n/catalogue-files';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results/e2e');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`cosell exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/** Starts the built server on its own port and empty data folder (or the demo program). */
export async function startServer(
  port: number,
  env: Record<string, string> = {},
  options: { demo?: boolean } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-e2e-'));
  if (options.demo) {
    const seeded = spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist/cosell.js'), 'seed', '--demo'],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
        encoding: 'utf8',
      },
    );
    if (seeded.status !== 0) throw new Error(`seed --demo failed: ${seeded.stderr}`);
  }
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/cosell.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  await waitFor(`${url}/readyz`, child);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Serious or critical accessibility violations on the page (QUALITY W1), as readable lines. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  // A toast or panel still fading in has a colour between its own and the background's: let
  // finite animations end first (spinners run forever, so waiting is bounded).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {});
  // Fluent UI's focus manager (tabster) inserts aria-hidden focus sentinels at the edges of
  // focus traps; they hand focus on and are never read out. axe flags them as
  // aria-hidden-focus, so they are left out of the analysis (and nothing else is).
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`).join(', ')}`,
    );
}

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

/** The UI text of `key` in `locale`, placeholders filled. */
export function translator(locale: string) {
  const catalogue = leaves(readCatalogue(locale));
  return (key: string, vars: Record<string, string | number> = {}) => {
    const text = catalogue.get(key);
    if (text === undefined) throw new Error(`no ${key} in ${locale}`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
  };
}

/** A JSON API client for seeding, holding one session cookie and its CSRF token. */
export class ApiSession {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  /** The ETag of the last answer (for If-Match). */
  etag = '';

  /** Sends JSON, or a Buffer as a raw file body. */
  async send<T>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const raw = Buffer.isBuffer(body);
    const response = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        ...(body === undefined
          ? {}
          : { 'content-type': raw ? 'application/octet-stream' : 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
    });
    this.etag = response.headers.get('etag') ?? '';
    const setCookie = response.headers.getSetCookie().find((c) => c.includes('cosell_session'));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
    const data = (text ? JSON.parse(text) : null) as T;
    const token = (data as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') this.csrf = token;
    return data;
  }
}
