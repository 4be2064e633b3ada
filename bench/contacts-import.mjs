// Benchmark P5 of QUALITY.md: a contacts CSV import (validate + stage + preview, then confirm)
// of a 10,000-row file, and memory while a 1,000,000-row file streams through the import.
// Usage: npm run build && node bench/contacts-import.mjs [--rows 10000] [--runs 5] [--big 1000000]
//
// cosell runs in its own process on PostgreSQL (a fresh database on 127.0.0.1:5432, or
// BENCH_DATABASE_URL's server) and on PGlite. The baseline runs in this process against the
// same PostgreSQL: csv-parse's synchronous parser and one INSERT … SELECT FROM unnest of the
// parsed rows — parsing and storing with no validation, no staging and no preview.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'packages/core/package.json'));
const { parse } = require('csv-parse/sync');
const pg = require(path.join(root, 'node_modules/pg'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 10_000);
const RUNS = arg('runs', 5);
const BIG = arg('big', 1_000_000);
const PASSWORD = 'cosell-demo-2026';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `cosell_bench_${process.pid}`;
const databaseUrl = serverUrl.replace(/\/[^/]*$/, `/${dbName}`);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cosell-bench-p5-'));
const cli = path.join(root, 'dist/cosell.js');

const COUNTRIES = ['US', 'SE', 'PL', 'DE', 'FR', 'GB', 'CN', 'TW', 'AU', 'CA'];
const ROLES = ['Partner sales', 'Partner marketing', 'Partner technical sales'];
const HEADER = 'Name,Email,Job title,Role,Countries/Regions,States/Provinces\r\n';
const line = (i) =>
  `Contact ${i},contact${i}@contoso.example,Account executive,${ROLES[i % 3]},` +
  `"${COUNTRIES[i % 10]}, ${COUNTRIES[(i + 3) % 10]}",\r\n`;

function csvOf(rows, offset = 0) {
  const parts = [HEADER];
  for (let i = 0; i < rows; i++) parts.push(line(i + offset));
  return Buffer.from(parts.join(''));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;

async function waitFor(url, timeoutMs = 60_000) {
  const start = performance.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() - start > timeoutMs) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every server started, stopped however the run ends. */
const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** Seeds the demo program and starts cosell; returns the process and a signed-in client. */
async function startCosell(env, port) {
  const seeded = spawnSync(process.execPath, [cli, 'seed', '--demo'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    // BENCH_VERBOSE=1 shows the server's warnings and errors.
    stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'ignore'],
  });
  children.add(child);
  await waitFor(`http://127.0.0.1:${port}/readyz`);
  const base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@contoso.example', password: PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const { csrfToken, activeOrganisationId } = await signIn.json();
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const offers = `${base}/api/organisations/${activeOrganisationId}/offers`;
  const created = await fetch(offers, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', alias: 'bench', offerType: 'saas', markets: COUNTRIES }),
  });
  const offer = await created.json();
  return { child, headers, offerUrl: `${offers}/${offer.id}`, port };
}

/** One import through the API: stage and preview, then confirm. */
async function importOnce(server, body) {
  const t0 = performance.now();
  const staged = await fetch(`${server.offerUrl}/contact-imports?fileName=bench.csv`, {
    method: 'POST',
    headers: { ...server.headers, 'content-type': 'text/csv' },
    body,
  });
  if (staged.status !== 201) throw new Error(`stage: ${staged.status} ${await staged.text()}`);
  const preview = await staged.json();
  const t1 = performance.now();
  const applied = await fetch(`${server.offerUrl}/contact-imports/${preview.import.id}/apply`, {
    method: 'POST',
    headers: server.headers,
  });
  if (applied.status !== 200) throw new Error(`apply: ${applied.status} ${await applied.text()}`);
  await applied.json();
  return { stage: t1 - t0, total: performance.now() - t0, preview };
}

/** The baseline: parse with csv-parse (sync) and store with one INSERT of unnested arrays. */
async function baselineOnce(client, body) {
  const t0 = performance.now();
  const records = parse(body, { bom: true, from_line: 2, trim: true, relax_column_count: true });
  const cols = [[], [], [], [], [], []];
  for (const r of records) for (let c = 0; c < 6; c++) cols[c].push(r[c] ?? '');
  await client.query('begin');
  await client.query('delete from bench_contacts');
  await client.query(
    `insert into bench_contacts (name, email, job_title, role, countries, states)
     select a, b, c, d, string_to_array(e, ', '), '{}'::text[]
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(a, b, c, d, e, f)`,
    cols,
  );
  await client.query('commit');
  return performance.now() - t0;
}

/** Peak RSS of a process (kB), sampled every 50 ms while `work` runs. */
async function peakRss(pid, work) {
  const read = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  const before = read();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, read())), 50);
  try {
    const result = await work();
    return { before, peak: Math.max(peak, read()), result };
  } finally {
    clearInterval(timer);
  }
}

/** Streams a file as the body of a request (no buffering on this side either). */
function streamFile(server, file) {
  const url = new URL(`${server.offerUrl}/contact-imports?fileName=big.csv`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { ...server.headers, 'content-type': 'text/csv' } },
      (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on('error', reject);
    createReadStream(file).pipe(request);
  });
}

const stop = async (child) => {
  child.kill('SIGTERM');
  await once(child, 'exit');
};

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const results = {};
try {
  const body = csvOf(ROWS);
  console.log(
    `P5 contacts import: ${ROWS} rows (${(body.length / 1024).toFixed(0)} KiB), ${RUNS} runs`,
  );

  // Baseline, in this process, on the same PostgreSQL server.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`create table bench_contacts (id serial primary key, name text, email text,
    job_title text, role text, countries text[], states text[])`);
  await baselineOnce(client, body);
  const baseline = [];
  for (let i = 0; i < RUNS; i++) baseline.push(await baselineOnce(client, body));
  await client.end();

  const postgres = await startCosell({ DATABASE_URL: databaseUrl, DATA_DIR: tmp }, 4821);
  await importOnce(postgres, csvOf(ROWS, 1_000_000)); // warm-up (and a full replace each run)
  const onPg = [];
  for (let i = 0; i < RUNS; i++) onPg.push(await importOnce(postgres, body));

  const pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-bench-p5-pglite-'));
  const pglite = await startCosell({ DATABASE_URL: '', DATA_DIR: pgliteDir }, 4822);
  await importOnce(pglite, csvOf(ROWS, 1_000_000));
  const onPglite = [];
  for (let i = 0; i < RUNS; i++) onPglite.push(await importOnce(pglite, body));
  await stop(pglite.child);
  rmSync(pgliteDir, { recursive: true, force: true });

  results.baseline = median(baseline);
  results.pg = median(onPg.map((r) => r.total));
  results.pgStage = median(onPg.map((r) => r.stage));
  results.pglite = median(onPglite.map((r) => r.total));
  console.log(`baseline (csv-parse sync + one INSERT, no validation): ${ms(results.baseline)}`);
  console.log(
    `cosell on PostgreSQL: ${ms(results.pg)} (stage+preview ${ms(results.pgStage)}), ` +
      `${(results.pg / results.baseline).toFixed(2)}× the baseline's time`,
  );
  console.log(
    `cosell on PGlite:     ${ms(results.pglite)}, ${(results.pglite / results.baseline).toFixed(2)}× the baseline's time`,
  );

  if (BIG > 0) {
    const file = path.join(tmp, 'big.csv');
    const out = createWriteStream(file);
    out.write(HEADER);
    for (let i = 0; i < BIG; i++) {
      if (!out.write(line(i))) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const size = (await import('node:fs')).statSync(file).size;
    const t0 = performance.now();
    const { before, peak, result } = await peakRss(postgres.child.pid, () =>
      streamFile(postgres, file),
    );
    const elapsed = performance.now() - t0;
    if (result.status !== 201)
      throw new Error(`big import: ${result.status} ${result.body.slice(0, 300)}`);
    console.log(
      `${BIG.toLocaleString('en')} rows (${(size / 1048576).toFixed(0)} MiB) staged with preview in ${ms(elapsed)}; ` +
        `server RSS ${Math.round(before / 1024)} MiB before, peak ${Math.round(peak / 1024)} MiB ` +
        `(+${Math.round((peak - before) / 1024)} MiB)`,
    );
  }
  await stop(postgres.child);
} finally {
  rmSync(tmp, { recursive: true, force: true });
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
