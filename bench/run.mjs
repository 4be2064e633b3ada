// Benchmarks P1 (middleware chain vs bare Fastify) and P12 (start-up time) of QUALITY.md.
// Usage: npm run build && node bench/run.mjs [--duration 20] [--connections 100]
// Each server runs in its own process; the load generator (autocannon) in this one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
const logIndex = process.argv.indexOf('--log-level');
/** cosell's log level during the run: `info` writes one line per request, as in production. */
const logLevel = logIndex > 0 ? process.argv[logIndex + 1] : 'info';

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

/** Starts a server process; resolves with the ms until it listened (/healthz) and was ready (/readyz). */
async function start(name) {
  const { args, port } = servers[name];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      // The limiter runs (its cost is part of the chain) with a quota the load never reaches.
      RATE_LIMIT_ANONYMOUS: '1000000000',
    }, // PGlite
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`))),
  );
  exited.catch(() => {});
  await Promise.race([waitFor(`http://127.0.0.1:${port}/healthz`), exited]);
  const ms = performance.now() - t0;
  const readyPath = name === 'bare' ? 'healthz' : 'readyz';
  await Promise.race([waitFor(`http://127.0.0.1:${port}/${readyPath}`), exited]);
  return { child, ms, readyMs: performance.now() - t0 };
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// P1 — requests per second through the whole chain vs bare Fastify, same route shape.
const results = {};
for (const name of ['bare', 'cosell']) {
  const { child } = await start(name);
  await load(servers[name].port, `${name} warm-up`).catch(() => {});
  const result = await load(servers[name].port, name);
  results[name] = {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
  await stop(child);
}
const p1 = results.cosell.rps / results.bare.rps;

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
  settings: { connections, pipelining, duration, logLevel },
  p1: {
    bareRps: Math.round(results.bare.rps),
    cosellRps: Math.round(results.cosell.rps),
    ratio: Number(p1.toFixed(3)),
    target: 0.8,
    p99Ms: { bare: results.bare.p99, cosell: results.cosell.p99 },
    errors: { bare: results.bare.errors, cosell: results.cosell.errors },
  },
  p12: {
    bareMedianMs: Math.round(median(starts.bare)),
    cosellMedianMs: Math.round(median(starts.cosell)),
    cosellReadyMedianMs: Math.round(median(starts.cosellReady)),
    ratio: Number((median(starts.cosell) / median(starts.bare)).toFixed(2)),
    targetMs: 1500,
    runs: startRuns,
  },
};
console.log(JSON.stringify(report, null, 2));
