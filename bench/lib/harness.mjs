// Shared by the PostgreSQL benchmarks (P2 tenant-read, P7 referrals): servers started with the
// settings probe, API calls, autocannon runs, CPU time of processes and their backends.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'dist/cosell.js');
export const probe = pathToFileURL(path.join(root, 'bench/env-probe.mjs')).href;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `--name value` from the command line, or `fallback`. */
export const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

export const adminUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The address of database `name` on the benchmark's PostgreSQL server. */
export const databaseUrlOf = (name) => adminUrl.replace(/\/[^/]*$/, `/${name}`);

export async function admin(sql, params) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/**
 * Starts `script` (`cli` runs `serve`) with the settings probe in `tmp`; its stdout goes to
 * `<tmp>/<name>.log`. Resolves once `readyPath` answers.
 */
export async function startServer(tmp, name, script, env, readyPath) {
  const port = await freePort();
  const logFile = path.join(tmp, `${name}.log`);
  const out = createWriteStream(logFile);
  await once(out, 'open');
  const child = spawn(
    process.execPath,
    ['--import', probe, script, ...(script === cli ? ['serve'] : [])],
    {
      cwd: tmp,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tmp,
        PORT: String(port),
        HOST: '127.0.0.1',
        BENCH_PROBE_NAME: name,
        BENCH_PROBE_KEYS: Object.keys(env).join(','),
        ...env,
      },
      stdio: ['ignore', out, 'pipe'],
    },
  );
  children.push(child);
  child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited:\n${readFileSync(logFile, 'utf8')}`);
    const ok = await fetch(`${base}${readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${name} did not become ready in 60 s`);
    await sleep(100);
  }
  return { child, base, logFile };
}

export async function call(base, method, urlPath, { headers = {}, body } = {}) {
  const response = await fetch(`${base}${urlPath}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : undefined,
    text,
  };
}

export function expectStatus(answer, status, what) {
  if (answer.status !== status)
    throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer.json;
}

/** The headers of a signed-in session answer: its cookie and CSRF token. */
export function sessionOf(answer) {
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => /^(__Host-)?cosell_session=/.test(c));
  return { cookie, 'x-csrf-token': answer.json.csrfToken };
}

/** An autocannon run; `extra` passes any other autocannon option (requests, overallRate…). */
export function load(url, headers, title, { connections, duration, ...extra }) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, headers, connections, duration, pipelining: 1, title, ...extra },
      (error, result) =>
        error
          ? reject(error)
          : resolve({
              rps: result.requests.average,
              p99: result.latency.p99,
              p97_5: result.latency.p97_5,
              p90: result.latency.p90,
              p50: result.latency.p50,
              bad: result.errors + result.timeouts + result.non2xx,
              total: result.requests.total,
            }),
    );
  });
}

/** CPU seconds (user + system) a process has used, from /proc; 0 once it is gone. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of a server process and of its PostgreSQL backends (found by application name;
 * the database runs on this machine): the work one request costs, which other load on a
 * shared machine disturbs far less than requests/s.
 */
export async function cpuOf(child, database, applicationName) {
  const { rows } = await admin(
    `select pid from pg_stat_activity where datname = $1 and application_name = $2`,
    [database, applicationName],
  );
  const pids = [child.pid, ...rows.map((r) => r.pid)];
  return new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
}

export const cpuSince = (before, after) =>
  [...after].reduce((sum, [pid, s]) => sum + (before.has(pid) ? s - before.get(pid) : s), 0);

export const countLines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"msg":"request"')).length;

export async function connectionsOf(database, applicationName) {
  const { rows } = await admin(
    `select count(*)::int n from pg_stat_activity where datname = $1 and application_name = $2`,
    [database, applicationName],
  );
  return rows[0].n;
}

/** Stops every server `startServer` started, each as an operator would (SIGTERM). */
export async function stopServers() {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}
