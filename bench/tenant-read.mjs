// Benchmark P2 of QUALITY.md: a signed-in tenant read (GET /api/organisations/:org/offers/:id)
// through cosell on PostgreSQL against a bare Fastify + pg route running the same SELECT with
// the same row-level security settings and the same pool size (bench/bare-tenant-read.mjs).
//
// Usage: node scripts/build.mjs server && node bench/tenant-read.mjs
//   [--connections 50] [--duration 10] [--rounds 3] [--pool 10] [--log-level info]
//   [--auth cookie|bearer] [--token <bearer token>]
//
// It creates the database `cosell_bench_tenant_read` on 127.0.0.1:5432 (or on
// BENCH_DATABASE_URL's server), starts cosell on it (`dist/cosell.js serve`), seeds a vendor, a
// partner organisation, its owner and an offer through the API, then starts the bare server.
// Runs interleave A (bare) and B (cosell) with the same autocannon settings, `--rounds` times;
// then each runs at half the bare median rate (autocannon `overallRate`) for its p99. Every
// setting the benchmark passes is printed from inside each child (bench/env-probe.mjs); the
// pool size is checked in pg_stat_activity and the log level by counting cosell's log lines.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const CONNECTIONS = Number(option('connections', 50));
const DURATION = Number(option('duration', 10));
const ROUNDS = Number(option('rounds', 3));
const POOL = Number(option('pool', 10));
const LOG_LEVEL = option('log-level', 'info');
/** How the signed-in requests authenticate: the session cookie, or an API token (bearer). */
const AUTH = option('auth', 'cookie');
if (!['cookie', 'bearer'].includes(AUTH)) throw new Error(`--auth cookie|bearer, not ${AUTH}`);

const cli = path.join(root, 'dist/cosell.js');
if (!existsSync(cli))
  throw new Error('dist/cosell.js is missing: run node scripts/build.mjs server');
const probe = pathToFileURL(path.join(root, 'bench/env-probe.mjs')).href;

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'cosell_bench_tenant_read';
const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cosell-tenant-read-'));
const PASSWORD = 'bench password 2026';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function admin(sql, params) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function freePort() {
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

/** Starts a server with the probe; its stdout goes to `<tmp>/<name>.log`. */
async function startServer(name, script, env, readyPath) {
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

async function call(base, method, urlPath, { headers = {}, body } = {}) {
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

function expectStatus(answer, status, what) {
  if (answer.status !== status)
    throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer.json;
}

/** The headers of a signed-in session answer: its cookie and CSRF token. */
function sessionOf(answer) {
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => /^(__Host-)?cosell_session=/.test(c));
  return { cookie, 'x-csrf-token': answer.json.csrfToken };
}

/**
 * Bearer mode: an API token of the signed-in owner. Pass it with `--token`; issuing it through
 * the API belongs here once cosell has API tokens (the session headers are the owner's).
 */
async function bearerToken(_base, _ownerSession) {
  const token = option('token', process.env.BENCH_BEARER_TOKEN);
  if (!token) throw new Error('--auth bearer needs --token <token> (or BENCH_BEARER_TOKEN)');
  return token;
}

/** Vendor, partner organisation, its owner (by invitation) and one offer, all through the API. */
async function seed(base) {
  const setup = await call(base, 'POST', '/api/setup', {
    body: {
      organisationName: 'Bench Vendor',
      name: 'Bench Admin',
      email: 'admin@bench.example',
      password: PASSWORD,
    },
  });
  expectStatus(setup, 201, 'set-up');
  const adminSession = sessionOf(setup);
  const organisation = expectStatus(
    await call(base, 'POST', '/api/organisations', {
      headers: adminSession,
      body: { kind: 'partner', name: 'Bench Partner' },
    }),
    201,
    'partner organisation',
  );
  const invitation = expectStatus(
    await call(base, 'POST', `/api/organisations/${organisation.id}/invitations`, {
      headers: adminSession,
      body: { email: 'owner@bench.example', roles: ['owner'] },
    }),
    201,
    'invitation',
  );
  const token = invitation.url.split('/invite/')[1];
  const accepted = await call(base, 'POST', `/api/invitations/${token}/accept`, {
    body: { name: 'Bench Owner', password: PASSWORD },
  });
  expectStatus(accepted, 200, 'accept invitation');
  const ownerSession = sessionOf(accepted);
  const offer = expectStatus(
    await call(base, 'POST', `/api/organisations/${organisation.id}/offers`, {
      headers: ownerSession,
      body: {
        name: 'Bench Analytics',
        alias: 'bench-analytics',
        offerType: 'saas',
        markets: ['US'],
      },
    }),
    201,
    'offer',
  );
  const headers =
    AUTH === 'cookie'
      ? { cookie: ownerSession.cookie }
      : { authorization: `Bearer ${await bearerToken(base, ownerSession)}` };
  return {
    path: `/api/organisations/${organisation.id}/offers/${offer.id}`,
    organisationId: organisation.id,
    offerId: offer.id,
    userId: accepted.json.user.id,
    headers,
  };
}

function load(url, headers, title, extra = {}) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        headers,
        connections: CONNECTIONS,
        duration: DURATION,
        pipelining: 1,
        title,
        ...extra,
      },
      (error, result) =>
        error
          ? reject(error)
          : resolve({
              rps: result.requests.average,
              p99: result.latency.p99,
              p50: result.latency.p50,
              bad: result.errors + result.timeouts + result.non2xx,
              total: result.requests.total,
            }),
    );
  });
}

/** CPU seconds (user + system) a process has used, from /proc; 0 once it is gone. */
function cpuSeconds(pid) {
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
async function cpuOf(child, applicationName) {
  const { rows } = await admin(
    `select pid from pg_stat_activity where datname = $1 and application_name = $2`,
    [DB_NAME, applicationName],
  );
  const pids = [child.pid, ...rows.map((r) => r.pid)];
  return new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
}

const cpuSince = (before, after) =>
  [...after].reduce((sum, [pid, s]) => sum + (before.has(pid) ? s - before.get(pid) : s), 0);

const countLines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"msg":"request"')).length;

async function connectionsOf(applicationName) {
  const { rows } = await admin(
    `select count(*)::int n from pg_stat_activity where datname = $1 and application_name = $2`,
    [DB_NAME, applicationName],
  );
  return rows[0].n;
}

// ---------------------------------------------------------------------------------------------

await admin(`drop database if exists ${DB_NAME} with (force)`);
await admin(`create database ${DB_NAME}`);
try {
  const cosell = await startServer(
    'cosell',
    cli,
    {
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(tmp, 'data'),
      LOG_LEVEL,
      DB_POOL_SIZE: String(POOL),
    },
    '/readyz',
  );
  const world = await seed(cosell.base);
  const bare = await startServer(
    'bare',
    path.join(root, 'bench/bare-tenant-read.mjs'),
    { DATABASE_URL: databaseUrl, DB_POOL_SIZE: String(POOL), BENCH_USER_ID: world.userId },
    '/healthz',
  );
  const targets = {
    bare: { url: `${bare.base}${world.path}`, headers: {}, child: bare.child, app: 'bench-bare' },
    cosell: {
      url: `${cosell.base}${world.path}`,
      headers: world.headers,
      child: cosell.child,
      app: 'cosell',
    },
  };
  for (const [name, target] of Object.entries(targets)) {
    const answer = await fetch(target.url, { headers: target.headers });
    const body = await answer.json();
    if (answer.status !== 200 || body.id !== world.offerId)
      throw new Error(`${name} does not serve the offer: ${answer.status} ${JSON.stringify(body)}`);
  }

  console.log(
    `\nP2 tenant read, ${AUTH}: ${CONNECTIONS} connections, ${DURATION} s, ${ROUNDS} rounds, pool ${POOL}, ` +
      `cosell LOG_LEVEL=${LOG_LEVEL}; node ${process.version}, ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  for (const [name, target] of Object.entries(targets)) {
    await load(target.url, target.headers, `${name} warm-up`, { duration: 3 });
  }
  const linesBefore = countLines(cosell.logFile);
  let cosellRequests = 0;
  const rounds = { bare: [], cosell: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, target] of Object.entries(targets)) {
      const cpuBefore = await cpuOf(target.child, target.app);
      const result = await load(target.url, target.headers, name);
      const cpuAfter = await cpuOf(target.child, target.app);
      const pid = target.child.pid;
      result.cpuUs = (cpuSince(cpuBefore, cpuAfter) * 1e6) / result.total;
      result.serverCpuUs = ((cpuAfter.get(pid) - cpuBefore.get(pid)) * 1e6) / result.total;
      if (name === 'cosell') cosellRequests += result.total;
      rounds[name].push(result);
      console.log(
        `round ${round} ${name.padEnd(6)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  bad ${result.bad}  ` +
          `${Math.round(result.cpuUs)} µs CPU per request (server ${Math.round(result.serverCpuUs)} + its PostgreSQL backends)`,
      );
    }
    const ratio = rounds.cosell.at(-1).rps / rounds.bare.at(-1).rps;
    console.log(`round ${round} ratio  ${ratio.toFixed(3)}`);
  }
  const pool = { cosell: await connectionsOf('cosell'), bare: await connectionsOf('bench-bare') };

  const bareRps = median(rounds.bare.map((r) => r.rps));
  const cosellRps = median(rounds.cosell.map((r) => r.rps));
  const halfRate = Math.max(1, Math.round(bareRps / 2));
  const paced = {};
  for (const [name, target] of Object.entries(targets)) {
    const result = await load(target.url, target.headers, `${name} paced`, {
      overallRate: halfRate,
    });
    if (name === 'cosell') cosellRequests += result.total;
    paced[name] = result;
    console.log(
      `at ${halfRate} req/s ${name.padEnd(6)} served ${Math.round(result.rps)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  bad ${result.bad}`,
    );
  }
  await sleep(500); // cosell's log is asynchronous and buffered
  const lines = countLines(cosell.logFile) - linesBefore;

  const report = {
    date: new Date().toISOString(),
    auth: AUTH,
    settings: {
      connections: CONNECTIONS,
      duration: DURATION,
      rounds: ROUNDS,
      pool: POOL,
      logLevel: LOG_LEVEL,
    },
    checks: {
      poolConnections: pool,
      cosellRequestLogLines: lines,
      cosellRequests,
      logLevelReachedCosell: LOG_LEVEL === 'info' ? lines >= cosellRequests * 0.99 : lines === 0,
    },
    medianRps: { bare: Math.round(bareRps), cosell: Math.round(cosellRps) },
    ratio: Number((cosellRps / bareRps).toFixed(3)),
    cpuUsPerRequest: {
      bare: Math.round(median(rounds.bare.map((r) => r.cpuUs))),
      cosell: Math.round(median(rounds.cosell.map((r) => r.cpuUs))),
    },
    cpuRatio: Number(
      (median(rounds.bare.map((r) => r.cpuUs)) / median(rounds.cosell.map((r) => r.cpuUs))).toFixed(
        3,
      ),
    ),
    roundRatios: rounds.cosell.map((r, i) => Number((r.rps / rounds.bare[i].rps).toFixed(3))),
    targetRatio: 0.5,
    halfRate: {
      rate: halfRate,
      p99Ms: { bare: paced.bare.p99, cosell: paced.cosell.p99 },
      servedRps: { bare: Math.round(paced.bare.rps), cosell: Math.round(paced.cosell.rps) },
      targetP99Ms: 25,
    },
  };
  console.log(JSON.stringify(report, null, 2));
  if (pool.cosell > POOL || pool.bare > POOL)
    throw new Error(`a pool exceeded ${POOL}: ${JSON.stringify(pool)}`);
  if (!report.checks.logLevelReachedCosell)
    throw new Error(
      `cosell wrote ${lines} request lines for ${cosellRequests} requests at LOG_LEVEL=${LOG_LEVEL}`,
    );
} finally {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  rmSync(tmp, { recursive: true, force: true });
}
