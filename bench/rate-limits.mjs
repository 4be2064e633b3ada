// The cost of the published rate limits (ADR 014): requests per second and latency of the
// same anonymous route (`GET /api/ping`) with the limiter off and on (with a quota no run
// reaches, so every request pays the counter's upsert and none is refused), interleaved
// rounds, one server process at a time, the load generator (autocannon) in this one.
// Usage: node scripts/build.mjs server && node bench/rate-limits.mjs
//          [--duration 10] [--connections 10] [--rounds 3] [--postgres postgres://…]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const duration = Number(arg('duration', 10));
const connections = Number(arg('connections', 10));
const rounds = Number(arg('rounds', 3));
const databaseUrl = arg('postgres', '');
const port = 4813;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-bench-rl-'));

async function waitFor(url, timeoutMs = 60_000) {
  const start = performance.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() - start > timeoutMs) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function start(limits) {
  const child = spawn(process.execPath, [path.join(root, 'dist/cosell.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      RATE_LIMITS: limits ? 'true' : 'false',
      RATE_LIMIT_ANONYMOUS: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/readyz`);
  return child;
}

const stop = (child) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

const load = (title, seconds = duration) =>
  new Promise((resolve, reject) =>
    autocannon(
      { url: `http://127.0.0.1:${port}/api/ping`, connections, duration: seconds, title },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );

const runs = { off: [], on: [] };
for (let round = 0; round < rounds; round++) {
  for (const mode of round % 2 ? ['on', 'off'] : ['off', 'on']) {
    const child = await start(mode === 'on');
    await load(`${mode} warm-up`, 3);
    const result = await load(mode);
    runs[mode].push({
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx + result.errors,
    });
    await stop(child);
  }
}
rmSync(dataDir, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (mode) => ({
  rps: Math.round(median(runs[mode].map((r) => r.rps))),
  p50Ms: median(runs[mode].map((r) => r.p50)),
  p99Ms: median(runs[mode].map((r) => r.p99)),
  non2xx: runs[mode].reduce((n, r) => n + r.non2xx, 0),
});
const off = summary('off');
const on = summary('on');
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      database: databaseUrl ? 'postgres' : 'pglite',
      settings: { connections, duration, rounds },
      off,
      on,
      rpsRatio: Number((on.rps / off.rps).toFixed(3)),
      addedMsPerRequest: Number((1000 / on.rps - 1000 / off.rps).toFixed(3)) * connections,
    },
    null,
    2,
  ),
);
