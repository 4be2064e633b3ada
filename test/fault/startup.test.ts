/**
 * Start-up faults: the database unreachable (refused, or a peer that never answers), an
 * invalid configuration, an unusable DATA_DIR. cosell must exit non-zero, soon, with a message
 * naming what is wrong, and leave nothing half-created.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './cluster';
import { spawnCosell, tmpDir } from './harness';

/** Runs `cosell serve` and waits (bounded) for it to exit. */
async function serveExpectingExit(env: Record<string, string>, name: string, boundMs: number) {
  const started = Date.now();
  const run = spawnCosell(
    ['serve'],
    { PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    name,
  );
  const timer = setTimeout(() => run.child.kill('SIGKILL'), boundMs);
  const result = await run.exit;
  clearTimeout(timer);
  const ms = Date.now() - started;
  expect(
    result.signal,
    `cosell did not exit within ${boundMs} ms (hang):\n${run.output().slice(-2000)}`,
  ).toBeNull();
  return { code: result.code, ms, output: run.output() };
}

/** The one line the operator reads: bin.ts prints the error message on stderr. */
const lastLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line && !line.startsWith('{'))
    .join('\n');

describe('start-up faults', () => {
  const servers: net.Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  });

  it('9a. DATABASE_URL to a closed loopback port: exits non-zero at once, naming the database (not the password)', async () => {
    const port = await freePort();
    const result = await serveExpectingExit(
      { DATABASE_URL: `postgres://cosell:s3cret-pw@127.0.0.1:${port}/cosell` },
      'startup-refused',
      20_000,
    );
    expect(result.code).not.toBe(0);
    expect(result.ms).toBeLessThan(15_000);
    expect(lastLines(result.output)).toContain(
      `cannot open the database (PostgreSQL at 127.0.0.1:${port}/cosell, from DATABASE_URL): connect ECONNREFUSED`,
    );
    expect(result.output).not.toContain('s3cret-pw');
    expect(result.output, 'no crash by unhandled rejection').not.toMatch(
      /Unhandled|triggerUncaughtException|^\s+at /m,
    );
  });

  it('9b. DATABASE_URL to a peer that accepts but never answers: exits non-zero within the connection timeout, not a hang', async () => {
    const sockets: net.Socket[] = [];
    const blackhole = net.createServer((socket) => sockets.push(socket));
    servers.push(blackhole);
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const { port } = blackhole.address() as net.AddressInfo;
    const result = await serveExpectingExit(
      { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/cosell` },
      'startup-blackhole',
      30_000,
    );
    for (const socket of sockets) socket.destroy();
    expect(result.code).not.toBe(0);
    expect(result.ms).toBeLessThan(20_000);
    expect(lastLines(result.output)).toMatch(
      new RegExp(
        `cannot open the database \\(PostgreSQL at 127\\.0\\.0\\.1:${port}/cosell, from DATABASE_URL\\): .*(timeout|terminated)`,
        'i',
      ),
    );
  });

  it('9c. invalid configuration (PORT=abc, a mysql DATABASE_URL, a tiny STATEMENT_TIMEOUT_MS): exits non-zero naming every bad key', async () => {
    const run = spawnCosell(
      ['serve'],
      { PORT: 'abc', DATABASE_URL: 'mysql://root@127.0.0.1/cosell', STATEMENT_TIMEOUT_MS: '5' },
      'startup-config',
    );
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 20_000);
    const result = await run.exit;
    clearTimeout(timer);
    expect(result).toEqual({ code: 1, signal: null });
    const message = run.output();
    expect(message).toContain('Invalid configuration');
    for (const key of ['PORT', 'DATABASE_URL', 'STATEMENT_TIMEOUT_MS'])
      expect(message).toMatch(new RegExp(`^\\s+${key}: `, 'm'));
  });

  it('10a. DATA_DIR beneath a regular file (unwritable): exits non-zero naming the folder; nothing created, the file untouched', async () => {
    const parent = tmpDir('datadir');
    const file = path.join(parent, 'not-a-folder');
    writeFileSync(file, 'precious');
    for (const dataDir of [path.join(file, 'data'), file]) {
      const result = await serveExpectingExit({ DATA_DIR: dataDir }, 'startup-datadir', 30_000);
      expect(result.code).not.toBe(0);
      expect(lastLines(result.output)).toContain(
        `cannot open the database (embedded PGlite in ${path.join(dataDir, 'pglite')}, from DATA_DIR): ENOTDIR`,
      );
      expect(readdirSync(parent)).toEqual(['not-a-folder']);
      expect(readFileSync(file, 'utf8')).toBe('precious');
    }
  });

  it('10b. DATA_DIR holding something that is not a database: exits non-zero with a clear message, the folder left as it was', async () => {
    const dataDir = tmpDir('datadir');
    mkdirSync(path.join(dataDir, 'pglite'));
    writeFileSync(path.join(dataDir, 'pglite/PG_VERSION'), 'garbage\n');
    const result = await serveExpectingExit({ DATA_DIR: dataDir }, 'startup-garbage', 60_000);
    expect(result.code).not.toBe(0);
    expect(lastLines(result.output)).toContain(
      `cannot open the database (embedded PGlite in ${path.join(dataDir, 'pglite')}, from DATA_DIR)`,
    );
    expect(readdirSync(path.join(dataDir, 'pglite'))).toEqual(['PG_VERSION']);
    expect(readFileSync(path.join(dataDir, 'pglite/PG_VERSION'), 'utf8')).toBe('garbage\n');
  });
});
