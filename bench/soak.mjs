// Soak benchmark: cosell's memory under a steady signed-in read-and-write mix, on the embedded
// default (PGlite) or on PostgreSQL. The target: after warm-up, memory stays flat — RSS grows
// by less than 5% over the last 20 minutes.
//
// Usage: node scripts/build.mjs server && node bench/soak.mjs [--db pglite|postgres]
//          [--minutes 30] [--rate 40] [--warmup 10] [--sample-seconds 60]
//          [--heap-snapshots <dir>] [--json <file>] [--keep]
//
// cosell (dist/cosell.js) runs in its own process, seeded with the demo program, started as
// `node --expose-gc --import bench/soak-probe.mjs dist/cosell.js serve`. The probe answers
// process.memoryUsage() after a full collection over the IPC channel (cosell has no memory
// endpoint); RSS is read from /proc/<pid>/status. The three partner owners of the demo sign in
// and the benchmark sends `--rate` requests a second, open loop (a slow answer does not slow
// the rate; over 64 operations in flight, the next ones are counted as dropped):
//   35 % GET an offer · 20 % GET the offers list (a page of 20, sometimes searched)
//   15 % GET the co-sell tab · 10 % GET the contacts
//   10 % edit a draft: GET the co-sell tab, PUT it back changed with If-Match (2 requests)
//    8 % create an offer · 2 % contacts import: stage 100 rows, confirm (2 requests)
// Edits and imports never overlap on one offer, so a 412 or 409 is a real error.
//
// With --db postgres a database `cosell_soak` is created on 127.0.0.1:5432 (or on
// BENCH_DATABASE_URL's server) and dropped at the end; it must not exist beforehand.
// --heap-snapshots writes a heap snapshot of cosell at the end of warm-up and at the end, for a
// comparison in Chrome DevTools (Memory → Comparison) when memory grows. Writing one raises
// cosell's RSS for good (the snapshot writer's memory stays with the allocator): such a run's
// heap figures count, its RSS curve does not.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const pg = require('pg');

// ---------------------------------------------------------------------------------------------
// Options

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}
const flag = (name) => process.argv.includes(`--${name}`);

const DB = option('db', 'pglite');
if (!['pglite', 'postgres'].includes(DB)) throw new Error('--db is pglite or postgres');
const MINUTES = Number(option('minutes', '30'));
const RATE = Number(option('rate', '40'));
const WARMUP = Number(option('warmup', String(Math.min(10, Math.floor(MINUTES / 3)))));
const SAMPLE_SECONDS = Number(option('sample-seconds', '60'));
const SNAPSHOT_DIR = option('heap-snapshots', undefined);
const JSON_OUT = option('json', undefined);
const KEEP = flag('keep');
for (const [name, value] of Object.entries({ MINUTES, RATE, WARMUP, SAMPLE_SECONDS })) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`bad ${name.toLowerCase()}: ${value}`);
}

const PASSWORD = 'cosell-demo-2026';
const OWNERS = ['owner@contoso.example', 'owner@fabrikam.example', 'owner@northwind.example'];
const POOL = 20; // offers per owner made before the run: read, listed and edited
const IMPORT_ROWS = 100;
const MAX_IN_FLIGHT = 64;
const MIB = 1024 * 1024;

const cli = path.join(root, 'dist/cosell.js');
const probe = path.join(root, 'bench/soak-probe.mjs');
if (!existsSync(cli))
  throw new Error('dist/cosell.js is missing: run node scripts/build.mjs server');

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'cosell_soak';
const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${DB_NAME}`);
const tmp = mkdtempSync(path.join(os.tmpdir(), `cosell-soak-${DB}-`));
const dataDir = path.join(tmp, 'data');
const logFile = path.join(tmp, 'cosell.log');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

// ---------------------------------------------------------------------------------------------
// HTTP: keep-alive connections, as a browser and a reverse proxy keep them

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
let base = '';

/** One request; resolves with status, headers and the parsed body (never rejects on status). */
function call(
  method,
  urlPath,
  { session, body, contentType, headers = {}, timeoutMs = 60_000 } = {},
) {
  const payload =
    body === undefined
      ? undefined
      : Buffer.isBuffer(body)
        ? body
        : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(urlPath, base),
      {
        method,
        agent,
        timeout: timeoutMs,
        headers: {
          ...(session && { cookie: session.cookie, 'x-csrf-token': session.csrf }),
          ...(payload && {
            'content-type': contentType ?? 'application/json',
            'content-length': String(payload.length),
          }),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${urlPath}: no answer in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function expectStatus(answer, status, what) {
  if (answer.status !== status)
    throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer;
}

// ---------------------------------------------------------------------------------------------
// cosell

async function createDatabase() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [DB_NAME]);
    if (rows.length)
      throw new Error(`database ${DB_NAME} exists already: drop it (a run left it?) and retry`);
    await admin.query(`create database ${DB_NAME}`);
  } finally {
    await admin.end();
  }
}

async function dropDatabase() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  } finally {
    await admin.end();
  }
}

/** cosell's connections to the soak database (application_name 'cosell'). */
async function cosellConnections() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `select count(*)::int n from pg_stat_activity where datname = $1 and application_name = 'cosell'`,
      [DB_NAME],
    );
    return rows[0].n;
  } finally {
    await admin.end();
  }
}

const serverEnv = (port) => ({
  PATH: process.env.PATH ?? '',
  HOME: tmp,
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  // The operators' default: one JSON line per request.
  LOG_LEVEL: 'info',
  ...(DB === 'postgres' && { DATABASE_URL: databaseUrl }),
});
const NODE_FLAGS = ['--expose-gc', '--import', pathToFileURL(probe).href];

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

/** Seeds the demo program, starts cosell and checks that every flag and variable reached it. */
async function startCosell() {
  const port = await freePort();
  const env = serverEnv(port);
  const seeded = spawnSync(process.execPath, [cli, 'seed', '--demo'], {
    env: { ...env, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}${seeded.stdout}`);
  const out = createWriteStream(logFile);
  await once(out, 'open');
  const child = spawn(process.execPath, [...NODE_FLAGS, cli, 'serve'], {
    cwd: tmp,
    env,
    stdio: ['ignore', out, out, 'ipc'],
  });
  process.on('exit', () => child.kill('SIGKILL'));
  const exited = once(child, 'exit');
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`cosell exited:\n${readFileSync(logFile, 'utf8')}`);
    const ready = await call('GET', '/readyz', { timeoutMs: 2000 }).catch(() => null);
    if (ready?.status === 200) break;
    if (Date.now() > deadline) throw new Error('cosell did not become ready in 60 s');
    await sleep(100);
  }

  // What the process really got: its command line, its environment, the database it opened.
  const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
  const environ = Object.fromEntries(
    readFileSync(`/proc/${child.pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const problems = [];
  for (const f of NODE_FLAGS) if (!cmdline.includes(f)) problems.push(`node flag ${f} missing`);
  for (const [key, value] of Object.entries(env))
    if (environ[key] !== value) problems.push(`${key}=${environ[key]} (wanted ${value})`);
  if (DB === 'pglite' && 'DATABASE_URL' in environ) problems.push('DATABASE_URL set for PGlite');
  const memory = await askProbe(child, { type: 'memory', gc: true });
  if (!memory.gcExposed) problems.push('global gc() missing: --expose-gc did not reach cosell');
  if (DB === 'postgres' && (await cosellConnections()) === 0)
    problems.push(`no cosell connection to ${DB_NAME}`);
  if (DB === 'pglite' && !existsSync(path.join(dataDir, 'pglite')))
    problems.push(`no PGlite data in ${dataDir}/pglite`);
  if (problems.length)
    throw new Error(`cosell did not start as asked:\n  ${problems.join('\n  ')}`);
  log(
    `cosell pid ${child.pid}: node ${memory.execArgv.join(' ')}; ` +
      (DB === 'postgres' ? `PostgreSQL ${DB_NAME}` : `PGlite in ${dataDir}`) +
      `; log ${logFile}`,
  );
  return { child, exited };
}

/**
 * The start-up line names the database cosell opened. cosell's log is buffered (4 KiB), so
 * this is checked once requests have filled the buffer.
 */
async function expectStartupLine() {
  const wanted = DB === 'postgres' ? '(database: PostgreSQL)' : '(database: embedded PGlite in';
  for (let i = 0; i < 100; i++) {
    if (readFileSync(logFile, 'utf8').includes(wanted)) return;
    await sleep(100);
  }
  throw new Error(`cosell's log has no start-up line with "${wanted}"`);
}

let probeId = 0;
/** One question to the probe inside cosell; answered within 60 s or an error. */
function askProbe(child, message) {
  const id = ++probeId;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`the probe did not answer ${message.type}`));
    }, 60_000);
    const onMessage = (answer) => {
      if (answer?.id !== id) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(answer);
    };
    child.on('message', onMessage);
    child.send({ ...message, id });
  });
}

const rssOf = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

// ---------------------------------------------------------------------------------------------
// The signed-in users and their offers

async function signIn(email) {
  const answer = expectStatus(
    await call('POST', '/api/session', { body: { email, password: PASSWORD } }),
    200,
    `sign-in ${email}`,
  );
  const cookie = []
    .concat(answer.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => /^(__Host-)?cosell_session=/.test(c));
  return {
    email,
    cookie,
    csrf: answer.json.csrfToken,
    offersPath: `/api/organisations/${answer.json.activeOrganisationId}/offers`,
  };
}

let aliasCounter = 0;
function postOffer(session) {
  const n = ++aliasCounter;
  return call('POST', session.offersPath, {
    session,
    body: { name: `Soak offer ${n}`, alias: `soak-${n}`, offerType: 'saas', markets: ['US'] },
  });
}
const createOffer = async (session) =>
  expectStatus(await postOffer(session), 201, 'create offer').json.id;

let importCounter = 0;
function contactsCsv() {
  const tag = ++importCounter;
  const lines = ['Name,Email,Job title,Role,Countries/Regions,States/Provinces'];
  for (let i = 0; i < IMPORT_ROWS; i++)
    lines.push(`Person ${tag} ${i},p${tag}-${i}@contacts.example,Seller,Partner sales,US,`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

// ---------------------------------------------------------------------------------------------
// The mix

const pick = (items) => items[Math.floor(Math.random() * items.length)];

function operations() {
  const offerPath = (user, id) => `${user.offersPath}/${id}`;
  const busy = new Set();
  /** An offer of `list` nobody is editing or importing into now (null when all are busy). */
  const takeFree = (list) => {
    for (let tries = 0; tries < 8; tries++) {
      const id = pick(list);
      if (!busy.has(id)) {
        busy.add(id);
        return id;
      }
    }
    return null;
  };
  let draftCounter = 0;
  return [
    {
      name: 'read offer',
      weight: 35,
      requests: 1,
      run: async (user) => [
        await call('GET', offerPath(user, pick(user.offers)), { session: user }),
      ],
    },
    {
      name: 'list offers',
      weight: 20,
      requests: 1,
      run: async (user) => {
        const search =
          Math.random() < 0.25 ? `&search=soak%20offer%20${Math.ceil(Math.random() * 9)}` : '';
        return [
          await call('GET', `${user.offersPath}?limit=20&offset=${pick([0, 0, 20, 40])}${search}`, {
            session: user,
          }),
        ];
      },
    },
    {
      name: 'read co-sell tab',
      weight: 15,
      requests: 1,
      run: async (user) => [
        await call('GET', `${offerPath(user, pick(user.offers))}/cosell`, { session: user }),
      ],
    },
    {
      name: 'read contacts',
      weight: 10,
      requests: 1,
      run: async (user) => [
        await call('GET', `${offerPath(user, pick(user.imports))}/contacts`, { session: user }),
      ],
    },
    {
      name: 'edit draft',
      weight: 10,
      requests: 2,
      run: async (user) => {
        const id = takeFree(user.pool);
        if (!id) return [];
        try {
          const tab = await call('GET', `${offerPath(user, id)}/cosell`, { session: user });
          if (tab.status !== 200) return [tab];
          const saved = await call('PUT', `${offerPath(user, id)}/cosell`, {
            session: user,
            headers: { 'if-match': tab.headers.etag },
            body: {
              listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
              landingPageUrl: `https://contoso.example/products/${++draftCounter}`,
            },
          });
          return [tab, saved];
        } finally {
          busy.delete(id);
        }
      },
    },
    {
      name: 'create offer',
      weight: 8,
      requests: 1,
      run: async (user) => {
        const answer = await postOffer(user);
        if (answer.status === 201) user.offers.push(answer.json.id);
        return [answer];
      },
    },
    {
      name: 'import contacts',
      weight: 2,
      requests: 2,
      run: async (user) => {
        const id = takeFree(user.imports);
        if (!id) return [];
        try {
          const staged = await call(
            'POST',
            `${offerPath(user, id)}/contact-imports?fileName=soak.csv`,
            {
              session: user,
              body: contactsCsv(),
              contentType: 'text/csv',
            },
          );
          if (staged.status !== 201) return [staged];
          const applied = await call(
            'POST',
            `${offerPath(user, id)}/contact-imports/${staged.json.import.id}/apply`,
            { session: user },
          );
          return [staged, applied];
        } finally {
          busy.delete(id);
        }
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Statistics

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
const mib = (bytes) => bytes / MIB;
const fmt = (x, digits = 0) => x.toFixed(digits);

/** Least-squares line through (x, y); returns the slope. */
function slope(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx ? sxy / sxx : 0;
}

// ---------------------------------------------------------------------------------------------
// The run

if (DB === 'postgres') await createDatabase();
let server;
const samples = [];
const totals = { requests: 0, errors: 0, dropped: 0, byStatus: {}, errorSamples: [], byOp: {} };
try {
  server = await startCosell();
  const { child } = server;

  const users = [];
  for (const email of OWNERS) {
    const user = await signIn(email);
    user.pool = [];
    for (let i = 0; i < POOL; i++) user.pool.push(await createOffer(user));
    user.offers = [...user.pool];
    user.imports = [await createOffer(user), await createOffer(user)];
    users.push(user);
  }
  await expectStartupLine();
  const ops = operations();
  const totalWeight = ops.reduce((s, op) => s + op.weight, 0);
  const pickOp = () => {
    let r = Math.random() * totalWeight;
    for (const op of ops) if ((r -= op.weight) < 0) return op;
    return ops[0];
  };
  log(
    `${DB}: ${MINUTES} min at ${RATE} requests/s (${users.length} users, ` +
      `${users.length * (POOL + 2)} offers to start with); warm-up ${WARMUP} min, ` +
      `a sample every ${SAMPLE_SECONDS} s`,
  );

  let minute = { requests: 0, errors: 0, dropped: 0, latencies: [] };
  let inFlight = 0;
  const launch = (op) => {
    if (inFlight >= MAX_IN_FLIGHT) {
      minute.dropped += 1;
      totals.dropped += 1;
      return;
    }
    inFlight += 1;
    const user = pick(users);
    const started = performance.now();
    op.run(user)
      .then((answers) => {
        const ms = performance.now() - started;
        for (const answer of answers) {
          minute.requests += 1;
          totals.requests += 1;
          totals.byStatus[answer.status] = (totals.byStatus[answer.status] ?? 0) + 1;
          if (answer.status >= 300) {
            minute.errors += 1;
            totals.errors += 1;
            if (totals.errorSamples.length < 10)
              totals.errorSamples.push(`${op.name}: ${answer.status} ${answer.text.slice(0, 200)}`);
          }
        }
        if (answers.length) minute.latencies.push(ms / answers.length);
        (totals.byOp[op.name] ??= []).push(ms);
      })
      .catch((error) => {
        minute.errors += 1;
        totals.errors += 1;
        totals.byStatus.network = (totals.byStatus.network ?? 0) + 1;
        if (totals.errorSamples.length < 10)
          totals.errorSamples.push(`${op.name}: ${error.message}`);
      })
      .finally(() => {
        inFlight -= 1;
      });
  };

  const sample = async (at) => {
    const rss = rssOf(child.pid);
    const answer = await askProbe(child, { type: 'memory', gc: true });
    const latencies = minute.latencies.sort((a, b) => a - b);
    const row = {
      minute: at,
      requests: minute.requests,
      errors: minute.errors,
      dropped: minute.dropped,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      rss,
      rssAfterGc: rssOf(child.pid),
      heapUsed: answer.memory.heapUsed,
      heapTotal: answer.memory.heapTotal,
      external: answer.memory.external,
      arrayBuffers: answer.memory.arrayBuffers,
    };
    samples.push(row);
    minute = { requests: 0, errors: 0, dropped: 0, latencies: [] };
    return row;
  };
  const header =
    'minute | requests | req/s | errors | dropped | p50 ms | p99 ms | RSS MiB | heap used MiB (after GC) | heap total MiB | external MiB';
  console.log(header);
  console.log(header.replace(/[^|]/g, '-'));
  const printRow = (r) =>
    console.log(
      [
        fmt(r.minute, 1),
        r.requests,
        fmt(r.requests / SAMPLE_SECONDS, 1),
        r.errors,
        r.dropped,
        fmt(r.p50, 1),
        fmt(r.p99, 1),
        fmt(mib(r.rss)),
        fmt(mib(r.heapUsed), 1),
        fmt(mib(r.heapTotal)),
        fmt(mib(r.external)),
      ].join(' | '),
    );
  printRow(await sample(0));

  // Open loop: one request's worth of credit every 1/RATE s; an operation of two requests
  // waits for two. The schedule is absolute, so a slow tick does not lower the rate.
  const start = performance.now();
  const end = start + MINUTES * 60_000;
  const interval = 1000 / RATE;
  let credit = 0;
  let next = pickOp();
  let ticks = 0;
  let nextSample = start + SAMPLE_SECONDS * 1000;
  let snapshotTaken = false;
  while (performance.now() < end) {
    const due = start + ++ticks * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    credit += 1;
    while (credit >= next.requests) {
      credit -= next.requests;
      launch(next);
      next = pickOp();
    }
    if (performance.now() >= nextSample) {
      nextSample += SAMPLE_SECONDS * 1000;
      // Writing a snapshot leaves its memory with cosell's allocator (RSS +140 MiB on a 30 MiB
      // heap): it comes before the first sample after warm-up, so the measured RSS starts after
      // that step. With --heap-snapshots, compare the heap figures, not RSS.
      if (SNAPSHOT_DIR && !snapshotTaken && (performance.now() - start) / 60_000 >= WARMUP - 0.01) {
        snapshotTaken = true;
        const file = path.join(path.resolve(SNAPSHOT_DIR), `soak-${DB}-warm.heapsnapshot`);
        log(`heap snapshot: ${(await askProbe(child, { type: 'snapshot', file })).file}`);
      }
      printRow(await sample((performance.now() - start) / 60_000));
    }
  }
  // The operations still running finish; then the last snapshot.
  for (let waited = 0; inFlight > 0 && waited < 60_000; waited += 100) await sleep(100);
  if (SNAPSHOT_DIR) {
    const file = path.join(path.resolve(SNAPSHOT_DIR), `soak-${DB}-end.heapsnapshot`);
    log(`heap snapshot: ${(await askProbe(child, { type: 'snapshot', file })).file}`);
  }

  // ---------------------------------------------------------------------------------------------
  // Summary
  const measured = samples.filter((r) => r.minute >= WARMUP - 0.01);
  const first = measured[0];
  const last = measured.at(-1);
  const span = last.minute - first.minute;
  const summary = { db: DB, minutes: MINUTES, rate: RATE, warmup: WARMUP, totals };
  console.log(
    `\n${totals.requests} requests (${fmt(totals.requests / (MINUTES * 60), 1)}/s), ` +
      `${totals.errors} errors, ${totals.dropped} operations dropped; statuses ${JSON.stringify(totals.byStatus)}`,
  );
  for (const line of totals.errorSamples) console.log(`  error: ${line}`);
  for (const [name, list] of Object.entries(totals.byOp)) {
    const sorted = list.sort((a, b) => a - b);
    console.log(
      `  ${name}: ${sorted.length} operations, p50 ${fmt(percentile(sorted, 50))} ms, ` +
        `p99 ${fmt(percentile(sorted, 99))} ms`,
    );
    totals.byOp[name] = {
      count: sorted.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
    };
  }
  const logText = readFileSync(logFile, 'utf8');
  const errorLines = logText.split('\n').filter((l) => /"level":(50|60)/.test(l));
  console.log(`cosell log: ${errorLines.length} error lines`);
  for (const l of errorLines.slice(0, 5)) console.log(`  ${l.slice(0, 300)}`);
  if (span > 0) {
    const fit = (key) => {
      const points = measured.map((r) => ({ x: r.minute, y: r[key] }));
      const mean = points.reduce((s, p) => s + p.y, 0) / points.length;
      const perMinute = slope(points);
      return { perMinute, overSpan: (perMinute * span) / mean, mean };
    };
    const rows = [
      ['RSS', 'rss'],
      ['heap used after GC', 'heapUsed'],
      ['external', 'external'],
    ];
    console.log(
      `\ngrowth over the last ${fmt(span, 1)} minutes (from minute ${fmt(first.minute, 1)}):`,
    );
    summary.growth = {};
    for (const [label, key] of rows) {
      const f = fit(key);
      const endpoints = (last[key] - first[key]) / first[key];
      summary.growth[key] = { from: first[key], to: last[key], endpoints, fitted: f.overSpan };
      console.log(
        `  ${label}: ${fmt(mib(first[key]), 1)} → ${fmt(mib(last[key]), 1)} MiB ` +
          `(${endpoints >= 0 ? '+' : ''}${fmt(endpoints * 100, 1)}%); ` +
          `fitted line ${f.perMinute >= 0 ? '+' : ''}${fmt(mib(f.perMinute), 2)} MiB/min = ` +
          `${f.overSpan >= 0 ? '+' : ''}${fmt(f.overSpan * 100, 1)}% over the span; ` +
          `min ${fmt(mib(Math.min(...measured.map((r) => r[key]))))}, max ${fmt(mib(Math.max(...measured.map((r) => r[key]))))} MiB`,
      );
    }
    const rss = summary.growth.rss;
    const verdict = SNAPSHOT_DIR
      ? 'not judged (heap snapshots were written: their memory stays in RSS)'
      : Math.max(rss.endpoints, rss.fitted) < 0.05
        ? 'MET'
        : 'NOT MET';
    console.log(`target (RSS grows < 5% after warm-up): ${verdict}`);
    summary.verdict = verdict;
  }
  summary.samples = samples;
  if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify(summary, null, 2));
} finally {
  if (server) {
    server.child.kill('SIGTERM');
    await Promise.race([server.exited, sleep(15_000)]);
  }
  agent.destroy();
  if (DB === 'postgres' && !KEEP) await dropDatabase();
  if (!KEEP) rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}${DB === 'postgres' ? ` and database ${DB_NAME}` : ''}`);
}
