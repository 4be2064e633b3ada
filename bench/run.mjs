// Benchmarks P1 (middleware chain vs bare Fastify) and P12 (start-up time) of QUALITY.md.
// Usage: npm run build && node bench/run.mjs [--duration 20] [--connections 100] [--rounds 3]
//   [--log-level info] [--start-runs 7]
// Each server runs in its own process; the load generator (autocannon) in this one. P1 runs
// bare Fastify, cosell with the request log line (LOG_LEVEL=info, the operators' default) and
// cosell without it (LOG_LEVEL=warn), interleaved for `--rounds` rounds, and reports medians.
// Each child prints the settings it got (bench/env-probe.mjs), and the number of request lines
// cosell wrote is checked against the level asked for.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 20);
const connections = arg('connections', 100);
const pipelining = arg('pipelining', 10);
const startRuns = arg('start-runs', 7);
const rounds = arg('rounds', 3);
const logIndex = process.argv.indexOf('--log-level');
/** cosell's log level in the "with log line" rows: `info` writes one line per request. */
const logLevel = logIndex > 0 ? process.argv[logIndex + 1] : 'info';
/** The level of the "no log line" rows: warnings only, no request line. */
const QUIET = 'warn';
const probe = pathToFileURL(path.join(root, 'bench/env-probe.mjs')).href;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-bench-'));
const servers = {
  bare: { args: [path.join(root, 'bench/bare-fastify.mjs')], port: 4811 },
  cosell: { args: [path.join(root, 'dist/cosell.js'), 'serve'], port: 4812 },
};

async function waitFor(url, timeoutMs = 30_000) {
  const start = performance.now();
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return performance.now() - start;
    } catch {
      // not listening yet
    }
    if (performance.now() - start > timeoutMs)
      throw new Error(`${url} did not answer in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Starts a server process at `level`; resolves with the ms until it listened (/healthz) and was
 * ready (/readyz). With `probe`, the child prints the settings it got and its stdout (the log)
 * goes to a file whose request lines are counted.
 */
async function start(
  name,
  level = name === 'bare' ? undefined : logLevel,
  { probed = false } = {},
) {
  const { args, port } = servers[name];
  const t0 = performance.now();
  const env = {
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '', // PGlite
    ...(level && { LOG_LEVEL: level }),
    // The limiter counts every request (it is part of the chain) but never refuses one: a 429
    // is not the answer being measured.
    ...(name === 'cosell' && { RATE_LIMIT_ANONYMOUS: '1000000000' }),
  };
  const child = spawn(process.execPath, [...(probed ? ['--import', probe] : []), ...args], {
    env: {
      ...process.env,
      ...env,
      BENCH_PROBE_NAME: level ? `${name} (${level})` : name,
      BENCH_PROBE_KEYS: Object.keys(env).join(','),
    },
    stdio: ['ignore', probed ? 'pipe' : 'ignore', 'inherit'],
  });
  const lines = { count: 0 };
  if (probed) {
    // Count request lines as they come (the log is asynchronous; all of it arrives by exit).
    child.stdout.on('data', (chunk) => {
      lines.count += chunk.toString().split('"msg":"request"').length - 1;
    });
  }
  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`))),
  );
  exited.catch(() => {});
  await Promise.race([waitFor(`http://127.0.0.1:${port}/healthz`), exited]);
  const ms = performance.now() - t0;
  const readyPath = name === 'bare' ? 'healthz' : 'readyz';
  await Promise.race([waitFor(`http://127.0.0.1:${port}/${readyPath}`), exited]);
  return { child, ms, readyMs: performance.now() - t0, lines };
}

const stop = (child) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

function load(port, title) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `http://127.0.0.1:${port}/api/ping`, connections, pipelining, duration, title },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * CPU seconds (user + system) the process has used, from /proc: divided by the requests served
 * it is the chain's cost, much less sensitive than requests/s to other work on a shared machine.
 */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ (100)
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// P1 — requests per second through the whole chain vs bare Fastify, same route shape; cosell
// with and without the request log line; rounds interleaved (the machine may be shared).
const rows = {
  bare: ['bare', undefined],
  cosell: ['cosell', logLevel],
  cosellQuiet: ['cosell', QUIET],
};
const runs = Object.fromEntries(Object.keys(rows).map((row) => [row, []]));
const logLines = {};
for (let round = 1; round <= rounds; round++) {
  for (const [row, [name, level]] of Object.entries(rows)) {
    const server = await start(name, level, { probed: true });
    await load(servers[name].port, `${row} warm-up`).catch(() => {});
    const before = server.lines.count;
    const cpuBefore = cpuSeconds(server.child.pid);
    const result = await load(servers[name].port, row);
    const cpu = cpuSeconds(server.child.pid) - cpuBefore;
    await stop(server.child);
    runs[row].push({
      cpuUsPerRequest: (cpu * 1e6) / result.requests.total,
      rps: result.requests.average,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
    if (name === 'cosell') {
      const lines = server.lines.count - before;
      logLines[row] = { requests: result.requests.total, lines };
      const wanted = level === 'info' ? lines >= result.requests.total : lines === 0;
      if (!wanted)
        throw new Error(
          `cosell at LOG_LEVEL=${level} wrote ${lines} request lines for ${result.requests.total} requests`,
        );
    }
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(
        `${row}: ${result.non2xx} answers were not 2xx and ${result.errors} failed; nothing measured`,
      );
    console.error(
      `round ${round} ${row.padEnd(11)} ${Math.round(result.requests.average)} req/s p99 ${result.latency.p99} ms, ` +
        `${runs[row].at(-1).cpuUsPerRequest.toFixed(1)} µs CPU per request`,
    );
  }
}
const medianOf = (row, key) => median(runs[row].map((r) => r[key]));
const results = Object.fromEntries(
  Object.keys(rows).map((row) => [
    row,
    { rps: medianOf(row, 'rps'), p99: medianOf(row, 'p99'), cpu: medianOf(row, 'cpuUsPerRequest') },
  ]),
);
const p1 = results.cosell.rps / results.bare.rps;
const p1Quiet = results.cosellQuiet.rps / results.bare.rps;

// P12 — time from spawn to answering, migrations already applied (the data folder exists).
const starts = { bare: [], cosell: [], cosellReady: [] };
for (let i = 0; i < startRuns; i++) {
  for (const name of ['bare', 'cosell']) {
    const { child, ms, readyMs } = await start(name);
    starts[name].push(ms);
    if (name === 'cosell') starts.cosellReady.push(readyMs);
    await stop(child);
  }
}
rmSync(dataDir, { recursive: true, force: true });

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
  settings: { connections, pipelining, duration, rounds, logLevel, quietLogLevel: QUIET },
  p1: {
    bareRps: Math.round(results.bare.rps),
    cosellRps: Math.round(results.cosell.rps),
    ratio: Number(p1.toFixed(3)),
    cosellNoLogLineRps: Math.round(results.cosellQuiet.rps),
    ratioNoLogLine: Number(p1Quiet.toFixed(3)),
    roundRatios: runs.cosell.map((r, i) => Number((r.rps / runs.bare[i].rps).toFixed(3))),
    roundRatiosNoLogLine: runs.cosellQuiet.map((r, i) =>
      Number((r.rps / runs.bare[i].rps).toFixed(3)),
    ),
    target: 0.8,
    p99Ms: {
      bare: results.bare.p99,
      cosell: results.cosell.p99,
      cosellNoLogLine: results.cosellQuiet.p99,
    },
    // Requests/s one CPU second would serve, relative to bare: bare's CPU per request / cosell's.
    cpuUsPerRequest: {
      bare: Number(results.bare.cpu.toFixed(1)),
      cosell: Number(results.cosell.cpu.toFixed(1)),
      cosellNoLogLine: Number(results.cosellQuiet.cpu.toFixed(1)),
    },
    cpuRatio: Number((results.bare.cpu / results.cosell.cpu).toFixed(3)),
    cpuRatioNoLogLine: Number((results.bare.cpu / results.cosellQuiet.cpu).toFixed(3)),
    errors: Object.fromEntries(
      Object.keys(rows).map((row) => [row, runs[row].reduce((n, r) => n + r.errors, 0)]),
    ),
    requestLogLines: logLines,
  },
  p12: startRuns > 0 && {
    bareMedianMs: Math.round(median(starts.bare)),
    cosellMedianMs: Math.round(median(starts.cosell)),
    cosellReadyMedianMs: Math.round(median(starts.cosellReady)),
    ratio: Number((median(starts.cosell) / median(starts.bare)).toFixed(2)),
    targetMs: 1500,
    runs: startRuns,
  },
};
console.log(JSON.stringify(report, null, 2));
