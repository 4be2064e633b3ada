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
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  admin,
  call,
  cli,
  connectionsOf,
  countLines,
  cpuOf,
  cpuSince,
  databaseUrlOf,
  expectStatus,
  load as loadWith,
  median,
  option,
  root,
  sessionOf,
  sleep,
  startServer as startIn,
  stopServers,
} from './lib/harness.mjs';

const CONNECTIONS = Number(option('connections', 50));
const DURATION = Number(option('duration', 10));
const ROUNDS = Number(option('rounds', 3));
const POOL = Number(option('pool', 10));
const LOG_LEVEL = option('log-level', 'info');
/** How the signed-in requests authenticate: the session cookie, or an API token (bearer). */
const AUTH = option('auth', 'cookie');
if (!['cookie', 'bearer'].includes(AUTH)) throw new Error(`--auth cookie|bearer, not ${AUTH}`);

if (!existsSync(cli))
  throw new Error('dist/cosell.js is missing: run node scripts/build.mjs server');

const DB_NAME = 'cosell_bench_tenant_read';
const databaseUrl = databaseUrlOf(DB_NAME);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cosell-tenant-read-'));
const PASSWORD = 'bench password 2026';
const startServer = (...args) => startIn(tmp, ...args);
const load = (url, headers, title, extra = {}) =>
  loadWith(url, headers, title, { connections: CONNECTIONS, duration: DURATION, ...extra });

/**
 * Bearer mode: an API token of the signed-in owner with `offers:read`, issued through the API
 * (`--token` uses one made elsewhere).
 */
async function bearerToken(base, ownerSession) {
  const given = option('token', process.env.BENCH_BEARER_TOKEN);
  if (given) return given;
  const created = await call(base, 'POST', '/api/tokens', {
    headers: ownerSession,
    body: { name: 'bench', scopes: ['offers:read'] },
  });
  return expectStatus(created, 201, 'API token').secret;
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
      // The limiter counts every request (it is part of the path) but never refuses one: a 429
      // is not the read being measured.
      RATE_LIMIT_READS: '1000000000',
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
      const cpuBefore = await cpuOf(target.child, DB_NAME, target.app);
      const result = await load(target.url, target.headers, name);
      const cpuAfter = await cpuOf(target.child, DB_NAME, target.app);
      const pid = target.child.pid;
      result.cpuUs = (cpuSince(cpuBefore, cpuAfter) * 1e6) / result.total;
      result.serverCpuUs = ((cpuAfter.get(pid) - cpuBefore.get(pid)) * 1e6) / result.total;
      if (name === 'cosell') cosellRequests += result.total;
      if (result.bad > 0)
        throw new Error(`${name}: ${result.bad} answers were not 2xx; nothing measured`);
      rounds[name].push(result);
      console.log(
        `round ${round} ${name.padEnd(6)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  bad ${result.bad}  ` +
          `${Math.round(result.cpuUs)} µs CPU per request (server ${Math.round(result.serverCpuUs)} + its PostgreSQL backends)`,
      );
    }
    const ratio = rounds.cosell.at(-1).rps / rounds.bare.at(-1).rps;
    console.log(`round ${round} ratio  ${ratio.toFixed(3)}`);
  }
  const pool = {
    cosell: await connectionsOf(DB_NAME, 'cosell'),
    bare: await connectionsOf(DB_NAME, 'bench-bare'),
  };

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
  await stopServers();
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  rmSync(tmp, { recursive: true, force: true });
}
