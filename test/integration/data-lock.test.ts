/**
 * The built `cosell` (bundled as `npm run build` does) on one embedded data folder: a command
 * run while the server is up is refused and writes nothing, a second server is refused, and
 * after the server is killed (SIGKILL, its lock left behind) the next server starts and the
 * command then works, its write seen by the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer, ROOT } from '../helpers/bundle';

// Processes on an embedded data folder: nothing of it concerns PostgreSQL.
const only = process.env.COSELL_TEST_DB === 'postgres' ? describe.skip : describe;

const PASSWORD = 'a long enough password';

only('the data-folder lock, with the built cosell', () => {
  const buildDir = path.join(ROOT, 'test-results/data-lock', `build-${process.pid}`);
  let bundle: string;
  let dataDir: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    bundle = await bundleServer(buildDir);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-lock-'));
  });
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  function spawnCosell(args: string[], env: Record<string, string> = {}) {
    const child = spawn(process.execPath, [bundle, ...args], {
      cwd: os.tmpdir(),
      // Nothing of the test runner's environment (DATABASE_URL, PORT…) leaks in.
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
    const exit = once(child, 'exit').then(([code, signal]) => {
      children.delete(child);
      return { code: code as number | null, signal: signal as NodeJS.Signals | null };
    });
    return { child, exit, output: () => ({ stdout, stderr }) };
  }

  /** Runs a command to its end. */
  async function cosell(...args: string[]) {
    const run = spawnCosell(args, { LOG_LEVEL: 'warn' });
    const { code } = await run.exit;
    return { code, ...run.output() };
  }

  /** Starts `serve` on a free port and waits until it is ready. */
  async function serve() {
    const port = await freePort();
    const run = spawnCosell(['serve'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (run.child.exitCode !== null)
        throw new Error(`cosell serve exited: ${JSON.stringify(run.output())}`);
      if (Date.now() > deadline) throw new Error('cosell serve not ready within 60 s');
      const ready = await fetch(`${url}/readyz`).then(
        (answer) => answer.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { port, pid: run.child.pid!, url, child: run.child, exit: run.exit };
  }

  /** Signs in as the program admin; returns a fetch for the API with the session. */
  async function signIn(url: string, path = '/api/session', body: object = {}) {
    const answer = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@vendor.test', password: PASSWORD, ...body }),
    });
    expect(answer.status, await answer.clone().text()).toBeLessThan(300);
    const cookie = answer.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await answer.json()) as { csrfToken: string };
    return (method: string, route: string, payload?: unknown) =>
      fetch(`${url}${route}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(payload !== undefined && { 'content-type': 'application/json' }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
  }

  async function organisationNames(api: Awaited<ReturnType<typeof signIn>>) {
    const answer = await api('GET', '/api/organisations?limit=100');
    expect(answer.status).toBe(200);
    const page = (await answer.json()) as { items: { name: string }[] };
    return page.items.map((item) => item.name).sort();
  }

  const lockFile = () => path.join(dataDir, 'cosell.lock');

  it('refuses commands and a second server while cosell serves the folder, and recovers from a killed server', async () => {
    // A running server, set up, with an organisation written through the API.
    const first = await serve();
    const api = await signIn(first.url, '/api/setup', {
      organisationName: 'Vendor',
      name: 'Admin',
    });
    expect(
      (await api('POST', '/api/organisations', { kind: 'partner', name: 'Fabrikam' })).status,
    ).toBe(201);

    // The command is refused and writes nothing.
    const refused = await cosell('org', 'create', '--kind', 'partner', '--name', 'Contoso');
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `cosell is running on port ${first.port} with this data folder (pid ${first.pid}); stop it first, or point this command at PostgreSQL with DATABASE_URL.\n`,
    });
    // So is a second server on the same folder.
    const second = await cosell('serve', '--port', String(await freePort()));
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(
      `cosell is running on port ${first.port} with this data folder (pid ${first.pid}); stop it first, or start this one with another DATA_DIR.\n`,
    );
    // The server holds the lock, saying so.
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual({
      pid: first.pid,
      port: first.port,
      command: 'serve',
      startedAt: expect.any(String),
      hostname: os.hostname(),
    });
    // The server lost nothing and goes on working.
    expect(await organisationNames(api)).toEqual(['Fabrikam', 'Vendor']);
    expect(
      (await api('POST', '/api/organisations', { kind: 'reseller', name: 'Adatum' })).status,
    ).toBe(201);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(first.pid);

    // Killed, the server leaves its lock behind; the next server takes it over.
    first.child.kill('SIGKILL');
    expect(await first.exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(first.pid);
    const restarted = await serve();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({
      pid: restarted.pid,
      port: restarted.port,
    });
    expect(await organisationNames(await signIn(restarted.url))).toEqual([
      'Adatum',
      'Fabrikam',
      'Vendor',
    ]);
    // Stopped as operators do (Ctrl-C / SIGTERM), it removes its lock.
    restarted.child.kill('SIGTERM');
    expect(await restarted.exit).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile())).toBe(false);

    // Now the command works, and the server sees its write when it starts again.
    const created = await cosell('org', 'create', '--kind', 'partner', '--name', 'Contoso');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^[0-9a-f-]{36}\s+partner\s+Contoso\n$/);
    expect(existsSync(lockFile())).toBe(false);
    const third = await serve();
    expect(await organisationNames(await signIn(third.url))).toEqual([
      'Adatum',
      'Contoso',
      'Fabrikam',
      'Vendor',
    ]);
    third.child.kill('SIGTERM');
    expect(await third.exit).toEqual({ code: 0, signal: null });
  }, 300_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
