/**
 * Streams an upload's body to a private temp file (QUALITY P11): never more than one chunk in
 * memory, the size limit enforced while reading, and no partial file left behind on any error.
 * The content is checked afterwards (inspect.ts) on the finished file, then moved into the
 * blob store, which is on the same filesystem so the move is a rename.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@cosell/core';

/** The finished temp file; the caller inspects it, then stores or deletes it. */
export interface ReceivedUpload {
  /** Absolute path of the temp file (mode 0o600). */
  path: string;
  sizeBytes: number;
  /** Lower-case hex sha256 of the bytes. */
  sha256: string;
}

export interface ReceiveUploadOptions {
  /** Directory for the temp file; created (mode 0o700) when missing. */
  tempDir: string;
  /** Largest accepted body in bytes. */
  maxBytes: number;
  /** The request's Content-Length, when it sent one: checked before anything is read. */
  declaredLength?: number;
}

/** Temp files are named `<prefix><uuid><suffix>`, which is what {@link sweepTempFiles} removes. */
const TEMP_PREFIX = 'cosell-upload-';
const TEMP_SUFFIX = '.part';
const TEMP_NAME = /^cosell-upload-[0-9a-f-]{36}\.part$/;

const MEBIBYTE = 1024 * 1024;

/**
 * The body is, or would be, larger than the limit. A class of its own because the HTTP layer
 * answers it with 413 rather than 422; {@link UploadTooLargeError.toAppError} gives the
 * field-issue form for clients that show field messages.
 */
export class UploadTooLargeError extends Error {
  /** The limit that was exceeded, in bytes. */
  readonly limitBytes: number;
  /** Message catalogue key of the user-facing reason. */
  readonly messageKey = 'document.tooLarge';
  /** `{maximum}` for the message, in MB (1 MB = 1,048,576 bytes, as the limits are set). */
  readonly params: { maximum: number };

  constructor(limitBytes: number) {
    super(`upload larger than ${limitBytes} bytes`);
    this.name = 'UploadTooLargeError';
    this.limitBytes = limitBytes;
    this.params = { maximum: toMegabytes(limitBytes) };
  }

  /** The same refusal as a VALIDATION error with one issue on `['file']`. */
  toAppError(): AppError {
    return new AppError('VALIDATION', {
      message: this.message,
      issues: [{ path: ['file'], code: 'document.tooLarge', params: this.params }],
    });
  }
}

/** Bytes as MB with at most one decimal, for messages ("50", "1.5"). */
export function toMegabytes(bytes: number): number {
  return Math.round((bytes / MEBIBYTE) * 10) / 10;
}

/**
 * Writes `source` to a new temp file in `options.tempDir`, hashing it on the way.
 *
 * - A `declaredLength` above `maxBytes` throws {@link UploadTooLargeError} before one byte is
 *   read, so the HTTP layer can answer 413 at once.
 * - Otherwise the bytes flow through a pipeline (backpressure: the next chunk is pulled only
 *   once the previous one is written). When the count passes `maxBytes` the source is
 *   destroyed and {@link UploadTooLargeError} thrown; a lying Content-Length cannot get
 *   further than the limit either.
 * - On any failure (client abort, full disk, oversize) the partial file is deleted before the
 *   error is rethrown. On success the file is fsynced.
 *
 * Destroying an HTTP request stream closes its socket; a caller that wants to answer 413 on
 * the same connection can pass an async iterable that wraps the request instead.
 */
export async function receiveUpload(
  source: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
  options: ReceiveUploadOptions,
): Promise<ReceivedUpload> {
  const { tempDir, maxBytes, declaredLength } = options;
  if (declaredLength !== undefined && declaredLength > maxBytes) {
    throw new UploadTooLargeError(maxBytes);
  }
  await mkdir(tempDir, { recursive: true, mode: 0o700 });
  const filePath = path.resolve(tempDir, `${TEMP_PREFIX}${randomUUID()}${TEMP_SUFFIX}`);
  // 'wx': never follow or reuse an existing file, even though the name is random.
  const handle = await open(filePath, 'wx', 0o600);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let closed = false;
  try {
    await pipeline(
      source,
      async function* meter(chunks: AsyncIterable<Uint8Array | string>) {
        for await (const chunk of chunks) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          sizeBytes += bytes.byteLength;
          // Checked before the chunk is written: the file never holds more than the limit.
          if (sizeBytes > maxBytes) throw new UploadTooLargeError(maxBytes);
          hash.update(bytes);
          yield bytes;
        }
      },
      async (chunks: AsyncIterable<Uint8Array>) => {
        for await (const chunk of chunks) await writeAll(handle, chunk);
      },
    );
    await handle.sync();
    closed = true;
    await handle.close();
    return { path: filePath, sizeBytes, sha256: hash.digest('hex') };
  } catch (error) {
    // pipeline destroys stream sources on error; an iterable source (or one pipeline did not
    // own) is destroyed here so the producer stops, too.
    destroySource(source);
    if (!closed) await handle.close().catch(() => undefined);
    await removeQuietly(filePath);
    throw error;
  }
}

/** FileHandle.write may write less than asked (a full disk reports that way first). */
async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    if (bytesWritten === 0) throw new Error('write made no progress');
    offset += bytesWritten;
  }
}

/** Without an error: an 'error' event nobody listens to any more would crash the process. */
function destroySource(source: unknown): void {
  if (typeof source === 'object' && source !== null && 'destroy' in source) {
    const destroy = (source as { destroy: unknown }).destroy;
    const destroyed = (source as { destroyed?: unknown }).destroyed === true;
    if (typeof destroy === 'function' && !destroyed) {
      destroy.call(source);
    }
  }
}

async function removeQuietly(filePath: string): Promise<void> {
  try {
    await unlink(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Removes temp files of uploads that never finished because the process was killed (a
 * finished upload's file is moved or deleted at once). Only files named like ours and last
 * modified more than `olderThanMs` ago are touched, so a shared temp dir is safe and running
 * uploads (whose mtime moves with every write) are left alone. Returns how many were removed.
 */
export async function sweepTempFiles(
  tempDir: string,
  olderThanMs: number,
  now: number = Date.now(),
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tempDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const filePath = path.join(tempDir, name);
    try {
      const info = await stat(filePath);
      if (!info.isFile() || now - info.mtimeMs <= olderThanMs) continue;
      await unlink(filePath);
      removed += 1;
    } catch (error) {
      // Another sweeper or the upload itself removed it meanwhile.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}
