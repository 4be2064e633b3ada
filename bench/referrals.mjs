// Benchmark P7 of QUALITY.md: co-sell opportunities (referrals) on PostgreSQL — creates with an
// Idempotency-Key (each request its own key), at the highest rate the server sustains and at
// 300/s for its p95, and list reads (`GET …/engagements/referrals?$top=20`, the default
// order). The create latency reported is autocannon's p97.5, the nearest percentile above p95
// (meeting 50 ms there meets the p95 target). Each is run beside a baseline in the same
// benchmark process: `/api/ping` on the same server (the chain without the work), so the
// figures can be read against what this machine does at the time.
//
// Usage: node scripts/build.mjs server && node bench/referrals.mjs [--duration 10]
//   [--connections 20] [--rate 300] [--pool 10]
//
// It creates the database `cosell_bench_referrals` on 127.0.0.1:5432 (or BENCH_DATABASE_URL's
// server), seeds the demo program into it (`cosell seed --demo`), starts cosell on it and signs
// in as owner@contoso.example, whose organisation has co-sell-ready solutions; New deals name
// the first one. Quotas are set beyond reach (a 429 is not a create), and any answer that is
// not 2xx fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  admin,
  call,
  cli,
  databaseUrlOf,
  expectStatus,
  load,
  option,
  sessionOf,
  startServer,
  stopServers,
} from './lib/harness.mjs';

const DURATION = Number(option('duration', 10));
const CONNECTIONS = Number(option('connections', 20));
const RATE = Number(option('rate', 300));
const POOL = Number(option('pool', 10));
if (!existsSync(cli))
  throw new Error('dist/cosell.js is missing: run node scripts/build.mjs server');

const DB_NAME = 'cosell_bench_referrals';
const databaseUrl = databaseUrlOf(DB_NAME);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cosell-referrals-'));
const env = {
  DATABASE_URL: databaseUrl,
  DATA_DIR: path.join(tmp, 'data'),
  DB_POOL_SIZE: String(POOL),
  RATE_LIMIT_READS: '1000000000',
  RATE_LIMIT_WRITES: '1000000000',
  RATE_LIMIT_ANONYMOUS: '1000000000',
};

const percentile = (result) => result.p97_5 ?? result.p99;

await admin(`drop database if exists ${DB_NAME} with (force)`);
await admin(`create database ${DB_NAME}`);
try {
  const seeded = spawnSync(process.execPath, [cli, 'seed', '--demo'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed --demo failed:\n${seeded.stderr}`);
  const cosell = await startServer(tmp, 'cosell', cli, { ...env, LOG_LEVEL: 'info' }, '/readyz');
  const signIn = await call(cosell.base, 'POST', '/api/session', {
    body: { email: 'owner@contoso.example', password: 'cosell-demo-2026' },
  });
  const session = sessionOf({ ...signIn, json: expectStatus(signIn, 200, 'sign-in') });
  const organisationId = signIn.json.memberships[0].organisation.id;
  const referrals = `/api/organisations/${organisationId}/engagements/referrals`;
  const options = expectStatus(
    await call(cosell.base, 'GET', `/api/organisations/${organisationId}/referral-options`, {
      headers: session,
    }),
    200,
    'referral options',
  );
  if (!options.canCreate || options.solutions.length === 0)
    throw new Error(`the demo organisation cannot create deals: ${JSON.stringify(options)}`);
  const solution = options.solutions[0];
  const body = JSON.stringify({
    name: 'Fabrikam data platform',
    type: 'Independent',
    qualification: 'None',
    customerProfile: { name: 'Fabrikam', address: { country: 'US', city: 'Seattle' }, team: [] },
    consent: { consentToShareReferralWithMicrosoftSellers: true },
    details: {
      notes: 'Benchmark deal.',
      dealValue: 50000,
      currency: 'USD',
      closingDateTime: '2027-06-30T00:00:00.000Z',
      requirements: { solutions: [{ id: solution.id, name: solution.name }] },
    },
    team: [{ firstName: 'Contoso', lastName: 'Owner', email: 'owner@contoso.example' }],
    target: [],
    visibility: 'private',
    dealKind: 'outbound',
  });
  const headers = { ...session, 'content-type': 'application/json' };
  const first = await fetch(`${cosell.base}${referrals}`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    body,
  });
  if (first.status !== 201) throw new Error(`create: ${first.status} ${await first.text()}`);

  // Every create carries its own Idempotency-Key, as a CRM retrying safely would send.
  const creates = {
    method: 'POST',
    body,
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, 'idempotency-key': randomUUID() },
    }),
  };
  const run = async (title, url, extra, runHeaders = headers) => {
    const result = await load(url, runHeaders, title, {
      connections: CONNECTIONS,
      duration: DURATION,
      ...extra,
    });
    if (result.bad > 0) throw new Error(`${title}: ${result.bad} answers were not 2xx`);
    console.log(
      `${title.padEnd(22)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50} ms  p97.5 ${percentile(result)} ms  p99 ${result.p99} ms`,
    );
    return result;
  };
  console.log(
    `\nP7 referrals on PostgreSQL: ${CONNECTIONS} connections, ${DURATION} s, pool ${POOL}; node ${process.version}, ` +
      `${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  await run('warm-up', `${cosell.base}${referrals}`, { ...creates, duration: 3 });
  const ping = await run('baseline /api/ping', `${cosell.base}/api/ping`, {}, {});
  const createMax = await run('creates, max', `${cosell.base}${referrals}`, creates);
  const createPaced = await run(`creates at ${RATE}/s`, `${cosell.base}${referrals}`, {
    ...creates,
    overallRate: RATE,
  });
  const reads = await run('list reads', `${cosell.base}${referrals}?$top=20`, {});
  const { rows } = await admin(
    `select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'cosell'`,
    [DB_NAME],
  );
  const report = {
    date: new Date().toISOString(),
    settings: { duration: DURATION, connections: CONNECTIONS, rate: RATE, pool: POOL },
    poolConnections: rows[0].n,
    baselinePingRps: Math.round(ping.rps),
    creates: {
      maxRps: Math.round(createMax.rps),
      maxRatioToPing: Number((createMax.rps / ping.rps).toFixed(3)),
      atRate: {
        rate: RATE,
        servedRps: Math.round(createPaced.rps),
        p97_5Ms: percentile(createPaced),
        p99Ms: createPaced.p99,
      },
      target: '≥ 300/s with p95 ≤ 50 ms at that rate',
    },
    reads: {
      rps: Math.round(reads.rps),
      ratioToPing: Number((reads.rps / ping.rps).toFixed(3)),
      p99Ms: reads.p99,
      target: '≥ 1,500/s',
    },
  };
  console.log(JSON.stringify(report, null, 2));
  if (report.poolConnections > POOL) throw new Error(`the pool exceeded ${POOL}`);
} finally {
  await stopServers();
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  rmSync(tmp, { recursive: true, force: true });
}
