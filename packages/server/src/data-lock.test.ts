/**
 * The data-folder lock: taken and released, refused while a live process holds it, taken over
 * from a process that is gone, held by a server until it stops, and won by exactly one of
 * several processes starting at the same instant.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import {
  acquireDataLock,
  DataFolderInUseError,
  lockDataFolder,
  type DataLock,
  type DataLockHolder,
} from './data-lock';
import { startServer } from './server';

let dir: string;
const held: DataLock[] = [];
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cosell-lock-'));
});
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const lockFile = (folder = dir) => path.join(folder, 'cosell.lock');
const readLock = (folder = dir) => JSON.parse(readFileSync(lockFile(folder), 'utf8'));

async function take(folder: string, command: string) {
  const lock = await acquireDataLock(folder, { command });
  held.push(lock);
  return lock;
}

function holder(fields: Partial<DataLockHolder>): DataLockHolder {
  return {
    pid: process.pid,
    port: null,
    command: 'serve',
    startedAt: new Date().toISOString(),
    hostname: os.hostname(),
    ...fields,
  };
}

const writeLock = (fields: Partial<DataLockHolder>) =>
  writeFileSync(lockFile(), JSON.stringify(holder(fields)));

/** A process that is alive until the test ends. */
function liveProcess(): ChildProcess & { pid: number } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child as ChildProcess & { pid: number };
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('data-folder lock', () => {
  it('is created in a new data folder with its holder, and removed on release', async () => {
    const folder = path.join(dir, 'data');
    const lock = await take(folder, 'seed');
    expect(readLock(folder)).toEqual({
      pid: process.pid,
      port: null,
      command: 'seed',
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      hostname: os.hostname(),
    });
    lock.release();
    expect(existsSync(lockFile(folder))).toBe(false);
    lock.release();
    (await take(folder, 'migrate')).release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses while a live process holds it, saying who, and leaves its file alone', async () => {
    const server = liveProcess();
    writeLock({ pid: server.pid, port: 3000, command: 'serve' });
    const before = readFileSync(lockFile(), 'utf8');
    await expect(acquireDataLock(dir, { command: 'org create' })).rejects.toMatchObject({
      name: 'DataFolderInUseError',
      holder: JSON.parse(before),
      file: lockFile(),
    });
    await expect(acquireDataLock(dir, { command: 'org create' })).rejects.toThrow(
      `cosell is running on port 3000 with this data folder (pid ${server.pid}); stop it first, or point this command at PostgreSQL with DATABASE_URL.`,
    );
    await expect(acquireDataLock(dir, { command: 'serve' })).rejects.toThrow(
      `cosell is running on port 3000 with this data folder (pid ${server.pid}); stop it first, or start this one with another DATA_DIR.`,
    );
    expect(readFileSync(lockFile(), 'utf8')).toBe(before);

    writeLock({ pid: server.pid, command: 'seed' });
    await expect(acquireDataLock(dir, { command: 'user list' })).rejects.toThrow(
      `another cosell command (pid ${server.pid}, "seed") is using this data folder; wait for it to finish.`,
    );
  });

  it('refuses a second holder in the same process', async () => {
    await take(dir, 'serve');
    await expect(acquireDataLock(dir, { command: 'seed' })).rejects.toThrow(
      `with this data folder (pid ${process.pid})`,
    );
  });

  it('takes over a lock whose process is gone', async () => {
    const server = liveProcess();
    writeLock({ pid: server.pid, port: 3000 });
    await expect(acquireDataLock(dir, { command: 'seed' })).rejects.toThrow(DataFolderInUseError);
    server.kill('SIGKILL');
    await once(server, 'exit');
    const lock = await take(dir, 'seed');
    expect(readLock()).toMatchObject({ pid: process.pid, command: 'seed', port: null });
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock written on another machine, or by an earlier process with our pid', async () => {
    const live = liveProcess();
    writeLock({ pid: live.pid, hostname: `not-${os.hostname()}` });
    (await take(dir, 'seed')).release();
    // A restarted container: cosell is pid 1 again, and so was the server killed before.
    writeLock({ pid: process.pid, port: 3000 });
    const lock = await take(dir, 'serve');
    expect(readLock().startedAt).toBe(lock.holder.startedAt);
  });

  it('waits for a lock file being written, and takes over one left unreadable', async () => {
    const live = liveProcess();
    writeFileSync(lockFile(), '');
    const attempt = acquireDataLock(dir, { command: 'seed' });
    setTimeout(() => writeLock({ pid: live.pid, port: 3000 }), 300);
    await expect(attempt).rejects.toThrow(`(pid ${live.pid})`);

    writeFileSync(lockFile(), '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), old, old);
    await take(dir, 'seed');
    expect(readLock().pid).toBe(process.pid);
  });

  it('is not taken with PostgreSQL', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://cosell@127.0.0.1:1/cosell',
      DATA_DIR: dir,
    });
    expect(await lockDataFolder(config, { command: 'seed' })).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is held by a server from start to stop, with its port; a second server is refused', async () => {
    const config = loadConfig({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' });
    const server = await startServer(config);
    try {
      const port = new URL(server.address).port;
      expect(readLock()).toMatchObject({ pid: process.pid, command: 'serve', port: Number(port) });
      await expect(startServer(config)).rejects.toThrow(
        `cosell is running on port ${port} with this data folder (pid ${process.pid}); stop it first, or start this one with another DATA_DIR.`,
      );
      expect(readLock().port).toBe(Number(port));
    } finally {
      await server.stop();
    }
    expect(existsSync(lockFile())).toBe(false);
  }, 120_000);
});

describe('data-folder lock, processes racing', () => {
  let bundleDir: string;
  let bundle: string;

  beforeEach(async () => {
    bundleDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-lock-bundle-'));
    bundle = path.join(bundleDir, 'data-lock.mjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'data-lock.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
    });
  });
  afterEach(() => rmSync(bundleDir, { recursive: true, force: true }));

  /** Each process takes the lock at `startAt`, says how it went, and holds on until told. */
  const racer = `
    const { acquireDataLock } = await import(process.argv[1]);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.argv[3]) - Date.now())));
    try {
      await acquireDataLock(process.argv[2], { command: 'race' });
      console.log('won ' + process.pid);
    } catch (error) {
      console.log('refused ' + error.message);
    }
    process.stdin.resume();
  `;

  async function race(count: number) {
    // Late enough for every process to have started, even on a busy machine.
    const startAt = Date.now() + 3_000;
    const racers = Array.from({ length: count }, () => {
      const child = spawn(
        process.execPath,
        ['--input-type=module', '-e', racer, bundle, dir, String(startAt)],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      children.push(child);
      let out = '';
      child.stdout!.on('data', (data: Buffer) => (out += data.toString()));
      return { child, said: () => out };
    });
    const deadline = Date.now() + 30_000;
    while (racers.some((r) => !r.said().includes('\n')) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const answers = racers.map((r) => r.said().trim());
    const lock = readLock();
    const names = readdirSync(dir);
    // Told to finish, each process ends normally: the winner's lock goes with it.
    for (const { child } of racers) {
      const exited = once(child, 'exit');
      child.stdin!.end();
      await exited;
    }
    return { answers, lock, names };
  }

  it('a command releases its lock on SIGINT and SIGTERM, and still ends by the signal', async () => {
    const holder = `
      const { acquireDataLock } = await import(process.argv[1]);
      await acquireDataLock(process.argv[2], { command: 'seed', releaseOnSignal: true });
      console.log('held');
      setInterval(() => {}, 1000);
    `;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', holder, bundle, dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      await once(child.stdout!, 'data');
      expect(readLock()).toMatchObject({ pid: child.pid, command: 'seed' });
      const exited = once(child, 'exit');
      child.kill(signal);
      expect(await exited).toEqual([null, signal]);
      expect(existsSync(lockFile())).toBe(false);
    }
  });

  it('exactly one of six processes wins an empty folder, and one wins a stale lock (three rounds)', async () => {
    const rounds = [null, await deadPid(), await deadPid(), await deadPid()];
    for (const stalePid of rounds) {
      if (stalePid !== null) writeLock({ pid: stalePid, port: 3000 });
      const { answers, lock, names } = await race(6);
      const winners = answers.filter((a) => a.startsWith('won '));
      expect(winners, answers.join('\n')).toEqual([`won ${lock.pid}`]);
      for (const answer of answers.filter((a) => !a.startsWith('won ')))
        expect(answer).toBe(
          `refused another cosell command (pid ${lock.pid}, "race") is using this data folder; wait for it to finish.`,
        );
      expect(names).toEqual(['cosell.lock']);
      expect(existsSync(lockFile()), 'released when its holder ends').toBe(false);
    }
  }, 120_000);
});
