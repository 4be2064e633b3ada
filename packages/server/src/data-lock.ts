/**
 * The data-folder lock. Embedded PGlite is one process's database: PGlite takes no lock of its
 * own, so a second process opening `<DATA_DIR>/pglite` (a `cosell org create` beside a running
 * server) writes where the first never looks, and two writers can corrupt the folder. Whoever
 * opens the embedded database first holds `<DATA_DIR>/cosell.lock`; everyone else is refused
 * with a message naming the holder. See docs/decisions/010-data-folder-lock.md.
 *
 * With DATABASE_URL (PostgreSQL) many processes share the database and no lock is taken.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from './config';

export const DATA_LOCK_FILE = 'cosell.lock';

/** What the lock file holds (JSON). */
export interface DataLockHolder {
  pid: number;
  /** The server's port; null for a command. */
  port: number | null;
  /** `serve`, or the command (`org create`, `seed`…). */
  command: string;
  startedAt: string;
  hostname: string;
}

export interface DataLock {
  readonly file: string;
  readonly holder: DataLockHolder;
  /** Records the port the server listens on, once it is known. */
  recordPort(port: number): void;
  /** Removes the lock file (only if it is still this process's). Idempotent. */
  release(): void;
}

export interface DataLockOptions {
  /** `serve` or the command's name; a server is described by its port, a command by name. */
  command: string;
  port?: number | null;
  /**
   * On SIGINT/SIGTERM: release the lock, then end the process by the signal as it would have
   * without a handler. For commands; a server releases in its own graceful stop.
   */
  releaseOnSignal?: boolean;
}

/** The folder is held by a live process; the message says by whom and what to do. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly holder: DataLockHolder,
    readonly file: string,
    requester: string,
  ) {
    super(describeHolder(holder, requester));
    this.name = 'DataFolderInUseError';
  }
}

/** The refusal, as the person who ran `requester` reads it. */
export function describeHolder(holder: DataLockHolder, requester: string): string {
  if (holder.command !== 'serve')
    return `another cosell command (pid ${holder.pid}, ${JSON.stringify(holder.command)}) is using this data folder; wait for it to finish.`;
  const where = holder.port === null ? '' : ` on port ${holder.port}`;
  const advice =
    requester === 'serve'
      ? 'stop it first, or start this one with another DATA_DIR.'
      : 'stop it first, or point this command at PostgreSQL with DATABASE_URL.';
  return `cosell is running${where} with this data folder (pid ${holder.pid}); ${advice}`;
}

/** A freshly created lock file is empty for a moment; an older unreadable one is debris. */
const WRITE_GRACE_MS = 2_000;
/** How long to keep retrying while lock files appear and disappear under us. */
const ACQUIRE_DEADLINE_MS = 5_000;

/** Lock files this process holds (a lock naming our own pid that is not here is stale). */
const heldHere = new Set<string>();

/** Takes the lock for the embedded database of `config`; null with PostgreSQL (no lock). */
export function lockDataFolder(config: Config, options: DataLockOptions): Promise<DataLock | null> {
  if (config.databaseUrl) return Promise.resolve(null);
  return acquireDataLock(config.dataDir, options);
}

/**
 * Takes `<dataDir>/cosell.lock`, or throws DataFolderInUseError when a live process holds it.
 * A lock whose process is gone (or that names another machine) is taken over. Within one
 * process acquisitions take turns; between processes the file system decides (see below).
 */
export function acquireDataLock(dataDir: string, options: DataLockOptions): Promise<DataLock> {
  const result = turns.then(() => acquire(dataDir, options));
  turns = result.catch(() => {});
  return result;
}

let turns: Promise<unknown> = Promise.resolve();

/**
 * Creating the lock file with `wx` decides between starters: exactly one creates it. A stale
 * lock must be removed first, and removing is where two starters could both win: the second
 * one's removal could hit the lock the first has just created in its place. So a stale lock is
 * removed only by the starter that created its claim, `cosell.lock.claim-<that lock>-<n>`
 * (again with `wx`: one claimant per stale lock), after checking under the claim that the lock
 * file is still that stale lock. A claimant that died (its process gone) is passed over with
 * claim n + 1: claims are deleted only once their stale lock is gone, so that there is never
 * more than one live claimant of a lock.
 */
async function acquire(dataDir: string, options: DataLockOptions): Promise<DataLock> {
  const folder = path.resolve(dataDir);
  const file = path.join(folder, DATA_LOCK_FILE);
  const holder: DataLockHolder = {
    pid: process.pid,
    port: options.port ?? null,
    command: options.command,
    startedAt: new Date().toISOString(),
    hostname: os.hostname(),
  };
  const deadline = Date.now() + ACQUIRE_DEADLINE_MS;
  for (;;) {
    if (await createExclusive(file, serialise(holder))) {
      heldHere.add(file);
      await removeLeftoverClaims(file);
      return held(file, holder, options);
    }
    const found = await inspect(file);
    if (found.state === 'live') throw new DataFolderInUseError(found.holder, file, options.command);
    if (Date.now() > deadline)
      throw new Error(
        `could not take the data-folder lock ${file}: it keeps changing (${found.state})`,
      );
    if (found.state === 'stale') {
      if (!(await removeStale(file, found.identity))) await sleep(10);
    } else if (found.state === 'writing') await sleep(20);
    // 'gone': the holder just released it; try again at once.
  }
}

/** Removes the stale lock `identity` if we get its claim; false when another claimant has it. */
async function removeStale(file: string, identity: string): Promise<boolean> {
  const prefix = `${file}.claim-${identity}-`;
  const content = serialise({
    pid: process.pid,
    port: null,
    command: 'claim',
    startedAt: new Date().toISOString(),
    hostname: os.hostname(),
  });
  for (let n = 1; n <= MAX_CLAIMS; n++) {
    if (!(await createExclusive(`${prefix}${n}`, content))) {
      const claimant = await inspect(`${prefix}${n}`);
      // Its claimant is at work (or the claim is being written): wait for it.
      if (claimant.state === 'live' || claimant.state === 'writing') return false;
      continue; // gone or dead: pass it over
    }
    try {
      const again = await inspect(file);
      if (again.state === 'stale' && again.identity === identity) await unlink(file);
    } finally {
      await removeClaims(file, (name) => name.startsWith(path.basename(prefix)));
    }
    return true;
  }
  throw new Error(`could not take the data-folder lock ${file}: too many claims on a stale lock`);
}

const MAX_CLAIMS = 100;

/** Claims of stale locks that are gone: once we hold the lock, every claim is debris. */
function removeLeftoverClaims(file: string) {
  return removeClaims(file, () => true);
}

async function removeClaims(file: string, which: (name: string) => boolean) {
  const start = `${path.basename(file)}.claim-`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names)
    if (name.startsWith(start) && which(name))
      await unlink(path.join(path.dirname(file), name)).catch(() => {});
}

function serialise(holder: DataLockHolder): string {
  return `${JSON.stringify(holder)}\n`;
}

/** Creates the lock file with its content (and a missing data folder); false when it exists. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx').catch(async (error: unknown) => {
      // The folder is created only when missing: a DATA_DIR beneath a file fails as ENOTDIR.
      if (code(error) !== 'ENOENT') throw error;
      await mkdir(path.dirname(file), { recursive: true });
      return open(file, 'wx');
    });
  } catch (error) {
    if (code(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(file).catch(() => {});
    throw error;
  }
  await handle.close();
  return true;
}

type Inspection =
  | { state: 'gone' }
  | { state: 'writing' }
  | { state: 'live'; holder: DataLockHolder }
  | { state: 'stale'; identity: string };

/**
 * Reads a lock (or claim) file through one descriptor, so that its inode, time and content
 * belong together; together they name this instance of the file (`identity`).
 */
async function inspect(file: string): Promise<Inspection> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (code(error) === 'ENOENT') return { state: 'gone' };
    throw error;
  }
  try {
    const info = await handle.stat();
    const text = await handle.readFile('utf8');
    const identity = createHash('sha256')
      .update(`${info.dev}:${info.ino}:${info.mtimeMs}:${text}`)
      .digest('hex')
      .slice(0, 16);
    const holder = parseHolder(text);
    if (!holder)
      return Date.now() - info.mtimeMs < WRITE_GRACE_MS
        ? { state: 'writing' }
        : { state: 'stale', identity };
    return isLive(holder, file) ? { state: 'live', holder } : { state: 'stale', identity };
  } finally {
    await handle.close();
  }
}

function parseHolder(text: string): DataLockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<DataLockHolder> | null;
    if (
      value &&
      Number.isSafeInteger(value.pid) &&
      (value.pid as number) > 0 &&
      typeof value.command === 'string' &&
      typeof value.hostname === 'string' &&
      typeof value.startedAt === 'string' &&
      (value.port === null || Number.isInteger(value.port))
    )
      return value as DataLockHolder;
  } catch {
    // Not JSON (yet): see WRITE_GRACE_MS.
  }
  return null;
}

/**
 * Whether the holder still runs. A lock written on another machine (a data folder moved or
 * mounted elsewhere, a container recreated) is stale: its pid means nothing here. A lock naming
 * our own pid that this process does not hold was left by an earlier process that had the same
 * pid (a restarted container whose server is pid 1 again).
 */
function isLive(holder: DataLockHolder, file: string): boolean {
  if (holder.hostname !== os.hostname()) return false;
  if (holder.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return code(error) !== 'ESRCH';
  }
}

function held(file: string, holder: DataLockHolder, options: DataLockOptions): DataLock {
  let released = false;
  const isOurs = () => {
    try {
      const current = parseHolder(readFileSync(file, 'utf8'));
      return current?.pid === holder.pid && current.startedAt === holder.startedAt;
    } catch {
      return false;
    }
  };
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    heldHere.delete(file);
    try {
      if (isOurs()) unlinkSync(file);
    } catch (error) {
      if (code(error) !== 'ENOENT') throw error;
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    // Nothing of ours listens any more: the signal now does what it does by default.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('exit', release);
  if (options.releaseOnSignal) for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    file,
    holder,
    recordPort(port: number) {
      if (released || holder.port === port || !isOurs()) return;
      holder.port = port;
      // Written beside and renamed over, so that a reader never sees a half-written file.
      const next = `${file}.${process.pid}.tmp`;
      writeFileSync(next, serialise(holder));
      renameSync(next, file);
    },
    release,
  };
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
