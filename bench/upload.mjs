// Benchmark P11 of QUALITY.md: a 500 MB document upload must raise the server's RSS by less
// than 100 MB (streamed to disk, never buffered), and an oversize body must get 413 before it
// is read whole.
// Usage: npm run build && node bench/upload.mjs [--mb 500]
//
// cosell runs in its own process (PGlite, a temporary DATA_DIR, a 600 MB video limit); this
// process streams a valid MP4 (ftyp, moov, then one large mdat box of zeros) as the body and
// samples the server's RSS from /proc every 50 ms. The baseline is the same server's RSS while
// it answers a small upload of the same kind, measured in the same run.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MB = arg('mb', 500);
const PORT = 4841;
const cli = path.join(root, 'dist/cosell.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-bench-p11-'));
const env = {
  ...process.env,
  DATABASE_URL: '',
  DATA_DIR: dataDir,
  PORT: String(PORT),
  LOG_LEVEL: 'warn',
  UPLOAD_VIDEO_MAX_MB: '600',
};

const u32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const box = (type, body) =>
  Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2avc1mp41', 'latin1'));
const mvhd = box('mvhd', Buffer.concat([Buffer.alloc(12), u32(1000), Buffer.alloc(80)]));
const moov = box('moov', mvhd);

/** The head of an MP4 whose mdat box holds `payloadBytes` bytes that follow. */
const mp4Head = (payloadBytes) =>
  Buffer.concat([ftyp, moov, u32(8 + payloadBytes), Buffer.from('mdat', 'latin1')]);

const rssKb = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

async function waitFor(url) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer`);
}

/** Streams `head` then `payloadBytes` zero bytes as one upload, with backpressure. */
function upload(target, headers, head, payloadBytes, declareLength = true) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/octet-stream',
          ...(declareLength && { 'content-length': String(head.length + payloadBytes) }),
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    // Once the server has answered (a 413), it closes the connection: stop writing.
    request.on('error', (error) => (request.writableEnded ? undefined : reject(error)));
    const chunk = Buffer.alloc(1024 * 1024);
    let left = payloadBytes;
    request.write(head);
    const pump = () => {
      while (left > 0) {
        const size = Math.min(left, chunk.length);
        left -= size;
        if (!request.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          request.once('drain', pump);
          return;
        }
      }
      request.end();
    };
    pump();
  });
}

const seeded = spawnSync(process.execPath, [cli, 'seed', '--demo'], { env, encoding: 'utf8' });
if (seeded.status !== 0) throw new Error(seeded.stderr);
const server = spawn(process.execPath, [cli, 'serve'], { env, stdio: 'ignore' });
process.on('exit', () => server.kill('SIGKILL'));
try {
  await waitFor(`http://127.0.0.1:${PORT}/readyz`);
  const base = `http://127.0.0.1:${PORT}`;
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@contoso.example', password: 'cosell-demo-2026' }),
  });
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const { csrfToken, activeOrganisationId } = await signIn.json();
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const offers = `${base}/api/organisations/${activeOrganisationId}/offers`;
  const offer = await (
    await fetch(offers, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Video', alias: 'video', offerType: 'saas' }),
    })
  ).json();
  const target = (name) => `${offers}/${offer.id}/documents?kind=other&fileName=${name}`;

  // Baseline: a 1 MB upload of the same kind, after which RSS settles.
  const small = await upload(target('small.mp4'), headers, mp4Head(1 << 20), 1 << 20);
  if (small.status !== 201) throw new Error(`small upload: ${small.status} ${small.body}`);
  await new Promise((r) => setTimeout(r, 500));
  const before = rssKb(server.pid);

  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid))), 50);
  const bytes = MB * 1024 * 1024;
  const t0 = performance.now();
  const big = await upload(target('big.mp4'), headers, mp4Head(bytes), bytes);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssKb(server.pid));
  if (big.status !== 201) throw new Error(`big upload: ${big.status} ${big.body.slice(0, 300)}`);
  const sha = JSON.parse(big.body).document.sha256;
  console.log(
    `P11 upload: ${MB} MB in ${seconds.toFixed(1)} s (${(MB / seconds).toFixed(0)} MB/s); ` +
      `server RSS ${Math.round(before / 1024)} MiB after a 1 MB upload, peak ${Math.round(peak / 1024)} MiB ` +
      `during ${MB} MB (+${Math.round((peak - before) / 1024)} MiB); sha256 ${sha.slice(0, 12)}…`,
  );

  // Oversize, declared: 413 at once; oversize, chunked (no length): 413 once the limit passes.
  for (const declare of [true, false]) {
    const t1 = performance.now();
    const over = await upload(
      target('over.mp4'),
      headers,
      mp4Head(700 << 20),
      700 << 20,
      declare,
    ).catch((error) => ({ status: `connection closed (${error.code})`, body: '' }));
    console.log(
      `oversize 700 MB, ${declare ? 'Content-Length declared' : 'chunked'}: ${over.status} after ` +
        `${Math.round(performance.now() - t1)} ms`,
    );
  }
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  rmSync(dataDir, { recursive: true, force: true });
}
