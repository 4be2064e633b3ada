/**
 * Streaming an upload to a temp file (QUALITY P11): the hash and size, memory that stays flat
 * for a 300 MB body, the size limit before and while reading, and no partial file left
 * behind whatever goes wrong.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '@cosell/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveUpload, sweepTempFiles, UploadTooLargeError } from './receive-upload';

const MIB = 1024 * 1024;
let tempDir: string;

beforeEach(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'cosell-receive-'));
});
afterEach(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A source that counts how many chunks were pulled from it. */
function countingSource(chunks: number, chunk: Buffer) {
  const source = {
    pulled: 0,
    finished: false,
    async *[Symbol.asyncIterator]() {
      try {
        for (let i = 0; i < chunks; i++) {
          source.pulled++;
          yield chunk;
        }
      } finally {
        source.finished = true;
      }
    },
  };
  return source;
}

describe(receiveUpload.name, () => {
  it('writes the bytes to a private temp file and returns their size and sha256', async () => {
    const bytes = randomBytes(3 * MIB + 17);
    const chunks = [
      bytes.subarray(0, 1000),
      bytes.subarray(1000, 2 * MIB),
      bytes.subarray(2 * MIB),
    ];
    const received = await receiveUpload(Readable.from(chunks), { tempDir, maxBytes: 4 * MIB });
    expect(received.sizeBytes).toBe(bytes.length);
    expect(received.sha256).toBe(sha256(bytes));
    expect(path.dirname(received.path)).toBe(tempDir);
    expect((await readFile(received.path)).equals(bytes)).toBe(true);
    expect((await stat(received.path)).mode & 0o777).toBe(0o600);
  });

  it('accepts a body of exactly the limit, and string chunks', async () => {
    const received = await receiveUpload(Readable.from(['abc', 'def']), { tempDir, maxBytes: 6 });
    expect(received).toMatchObject({ sizeBytes: 6, sha256: sha256(Buffer.from('abcdef')) });
  });

  it('gives every upload its own file', async () => {
    const [a, b] = await Promise.all([
      receiveUpload(Readable.from([Buffer.from('a')]), { tempDir, maxBytes: 10 }),
      receiveUpload(Readable.from([Buffer.from('b')]), { tempDir, maxBytes: 10 }),
    ]);
    expect(a.path).not.toBe(b.path);
    expect((await readdir(tempDir)).length).toBe(2);
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const source = countingSource(10, Buffer.alloc(10));
    const error = await receiveUpload(source, { tempDir, maxBytes: 50, declaredLength: 51 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UploadTooLargeError);
    expect((error as UploadTooLargeError).limitBytes).toBe(50);
    expect(source.pulled).toBe(0);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('stops reading as soon as the body passes the limit and leaves no file', async () => {
    // 1000 chunks of 64 KiB offered, limit 1 MiB: the 17th chunk passes it.
    const source = countingSource(1000, Buffer.alloc(64 * 1024, 1));
    await expect(receiveUpload(source, { tempDir, maxBytes: MIB })).rejects.toBeInstanceOf(
      UploadTooLargeError,
    );
    expect(source.pulled).toBe(17);
    expect(source.finished).toBe(true);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('destroys a stream source that passes the limit, even under a lying Content-Length', async () => {
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < 100; i++) yield Buffer.alloc(64 * 1024);
      })(),
    );
    await expect(
      receiveUpload(stream, { tempDir, maxBytes: MIB, declaredLength: 10 }),
    ).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(stream.destroyed).toBe(true);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('deletes the partial file when the client aborts', async () => {
    const stream = new Readable({ read() {} });
    const pending = receiveUpload(stream, { tempDir, maxBytes: 10 * MIB });
    stream.push(Buffer.alloc(MIB, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A partial file exists while the body is streaming…
    expect((await readdir(tempDir)).length).toBe(1);
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    stream.destroy(aborted);
    await expect(pending).rejects.toBe(aborted);
    // …and is gone once the upload failed.
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('deletes the partial file when an iterable source fails', async () => {
    const failing = {
      async *[Symbol.asyncIterator]() {
        yield Buffer.alloc(1000);
        throw new Error('socket hang up');
      },
    };
    await expect(receiveUpload(failing, { tempDir, maxBytes: MIB })).rejects.toThrow(
      'socket hang up',
    );
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('creates the temp dir when it is missing', async () => {
    const nested = path.join(tempDir, 'a', 'b');
    const received = await receiveUpload(Readable.from([Buffer.from('x')]), {
      tempDir: nested,
      maxBytes: 10,
    });
    expect(path.dirname(received.path)).toBe(nested);
  });

  it('streams 300 MB with flat memory', async () => {
    // One 1 MiB buffer, refilled with the chunk number each time the receiver pulls the next
    // chunk: generating costs nothing, a receiver that concatenated chunks would grow by
    // 300 MB, and one that kept references to write later would write the wrong bytes (the
    // file's hash is checked). RSS and heap are sampled at every chunk.
    const chunk = Buffer.alloc(MIB);
    const chunks = 300;
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const source = {
      async *[Symbol.asyncIterator]() {
        for (let i = 0; i < chunks; i++) {
          const now = process.memoryUsage();
          peakRss = Math.max(peakRss, now.rss);
          peakHeap = Math.max(peakHeap, now.heapUsed);
          yield chunk.fill(i & 0xff);
        }
      },
    };
    const started = performance.now();
    const received = await receiveUpload(source, { tempDir, maxBytes: 500 * MIB });
    const seconds = (performance.now() - started) / 1000;
    const rssGrowth = (peakRss - before.rss) / MIB;
    const heapGrowth = (peakHeap - before.heapUsed) / MIB;

    const expected = createHash('sha256');
    for (let i = 0; i < chunks; i++) expected.update(chunk.fill(i & 0xff));
    const sha = expected.digest('hex');
    expect(received.sizeBytes).toBe(chunks * MIB);
    expect(received.sha256).toBe(sha);
    const onDisk = createHash('sha256');
    for await (const part of createReadStream(received.path, { highWaterMark: MIB })) {
      onDisk.update(part as Buffer);
    }
    expect(onDisk.digest('hex')).toBe(sha);

    console.info(
      `300 MiB upload: ${seconds.toFixed(2)} s, RSS growth ${rssGrowth.toFixed(1)} MiB, heap growth ${heapGrowth.toFixed(1)} MiB`,
    );
    expect(rssGrowth).toBeLessThan(50);
    expect(heapGrowth).toBeLessThan(50);
  });
});

describe(UploadTooLargeError.name, () => {
  it('carries the limit in bytes and, for messages, in MB', () => {
    const error = new UploadTooLargeError(50 * MIB);
    expect(error).toMatchObject({
      limitBytes: 50 * MIB,
      messageKey: 'document.tooLarge',
      params: { maximum: 50 },
    });
    expect(new UploadTooLargeError(1.5 * MIB).params).toEqual({ maximum: 1.5 });
  });

  it('converts to a VALIDATION error with one issue on the file', () => {
    const appError = new UploadTooLargeError(100 * MIB).toAppError();
    expect(appError).toBeInstanceOf(AppError);
    expect(appError.code).toBe('VALIDATION');
    expect(appError.issues).toEqual([
      { path: ['file'], code: 'document.tooLarge', params: { maximum: 100 } },
    ]);
  });
});

describe(sweepTempFiles.name, () => {
  it('removes old temp files of ours only', async () => {
    const now = Date.now();
    const hourAgo = new Date(now - 3600_000);
    const name = (id: string) => `cosell-upload-${id}.part`;
    const stale = path.join(tempDir, name('00000000-0000-4000-8000-000000000001'));
    const fresh = path.join(tempDir, name('00000000-0000-4000-8000-000000000002'));
    const foreign = path.join(tempDir, 'someone-else.part');
    for (const file of [stale, fresh, foreign]) await writeFile(file, 'x');
    await utimes(stale, hourAgo, hourAgo);
    await utimes(foreign, hourAgo, hourAgo);

    expect(await sweepTempFiles(tempDir, 600_000, now)).toBe(1);
    expect((await readdir(tempDir)).sort()).toEqual(
      [path.basename(fresh), path.basename(foreign)].sort(),
    );
  });

  it('answers 0 for a temp dir that does not exist', async () => {
    expect(await sweepTempFiles(path.join(tempDir, 'missing'), 0)).toBe(0);
  });
});
