/**
 * A private, throw-away PostgreSQL cluster for the fault suite: initdb into a temporary folder,
 * started on a free loopback port with its socket in that folder. As root the binaries run as
 * the `postgres` user (runuser), which owns the folder. Every command is bounded in time.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface ClusterInfo {
  binDir: string;
  /** The temporary folder holding data, socket and log. */
  root: string;
  dataDir: string;
  port: number;
  host: string;
  /** Root runs the binaries as the postgres user. */
  asPostgres: boolean;
  logFile: string;
}

const BINARIES = ['initdb', 'pg_ctl', 'postgres'];

/** The PostgreSQL server binaries: COSELL_PG_BINDIR, `pg_config --bindir`, /usr/lib/postgresql/<newest>/bin. */
export function findPgBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.COSELL_PG_BINDIR) candidates.push(process.env.COSELL_PG_BINDIR);
  try {
    candidates.push(
      execFileSync('pg_config', ['--bindir'], {
        timeout: 5000,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim(),
    );
  } catch {
    // no pg_config
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  return candidates.find((dir) => BINARIES.every((b) => existsSync(path.join(dir, b)))) ?? null;
}

export function freePort(): Promise<number> {
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

function command(
  info: Pick<ClusterInfo, 'binDir' | 'asPostgres'>,
  binary: string,
  args: string[],
): [string, string[]] {
  const full = path.join(info.binDir, binary);
  return info.asPostgres ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
}

const serverOptions = (info: ClusterInfo) =>
  // fsync off: only cosell and PostgreSQL processes are crashed here, never the OS, so the
  // kernel keeps every committed write; synchronous_commit stays on.
  `-p ${info.port} -k ${info.root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;

/** pg_ctl, bounded: `-t` bounds PostgreSQL's wait, the timeout bounds the process. */
export async function pgCtl(
  info: ClusterInfo,
  action: 'start' | 'stop' | 'restart',
  mode: 'fast' | 'immediate' = 'fast',
) {
  const args = ['-D', info.dataDir, '-w', '-t', '30'];
  if (action !== 'start') args.push('-m', mode);
  // -l always: without it the server inherits (and holds open) our stdout pipe.
  if (action !== 'stop') args.push('-l', info.logFile, '-o', serverOptions(info));
  const [file, argv] = command(info, 'pg_ctl', [...args, action]);
  await execFileAsync(file, argv, { timeout: 45_000 });
}

export function pgCtlStopSync(info: ClusterInfo) {
  const [file, argv] = command(info, 'pg_ctl', [
    '-D',
    info.dataDir,
    '-m',
    'immediate',
    '-w',
    '-t',
    '20',
    'stop',
  ]);
  execFileSync(file, argv, { timeout: 30_000, stdio: 'ignore' });
}

/** initdb + start. Retries on another port when the chosen one was taken meanwhile. */
export async function createCluster(binDir: string) {
  const asPostgres = process.getuid?.() === 0;
  const root = mkdtempSync(path.join(os.tmpdir(), 'cosell-fault-pg-'));
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(root, uid, gid);
  }
  const info: ClusterInfo = {
    binDir,
    root,
    dataDir: path.join(root, 'data'),
    port: 0,
    host: '127.0.0.1',
    asPostgres,
    logFile: path.join(root, 'postgresql.log'),
  };
  const [file, argv] = command(info, 'initdb', [
    '-D',
    info.dataDir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
    '--no-instructions',
  ]);
  let lastError: unknown;
  try {
    await execFileAsync(file, argv, { timeout: 120_000 });
    for (let attempt = 0; attempt < 3; attempt++) {
      info.port = await freePort();
      try {
        await pgCtl(info, 'start');
        return { info, stopSync: () => pgCtlStopSync(info) };
      } catch (error) {
        lastError = error;
      }
    }
  } catch (error) {
    lastError = error;
  }
  rmSync(root, { recursive: true, force: true });
  throw new Error(`the private PostgreSQL cluster did not start: ${String(lastError)}`);
}
