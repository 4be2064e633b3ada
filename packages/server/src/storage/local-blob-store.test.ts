/**
 * The filesystem BlobStore: the BlobStore contract (put, open, exists, delete, NOT_FOUND),
 * key validation, private file modes, and the copy path across filesystems.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '@cosell/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBlobKey, createLocalBlobStore } from './local-blob-store';

let root: string;
let work: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cosell-blobs-'));
  work = await mkdtemp(path.join(os.tmpdir(), 'cosell-blob-src-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

// /dev/shm is a tmpfs on Linux: a different filesystem from the OS temp dir, so the rename
// fails with EXDEV and the store must copy, fsync and rename instead.
const shm = '/dev/shm';
const crossDevice = await stat(shm).then(
  async (shmInfo) => shmInfo.dev !== (await stat(os.tmpdir())).dev,
  () => false,
);

const key = () => `org/${randomUUID()}/offer/${randomUUID()}/${randomUUID()}`;

async function tempFile(bytes: Buffer, dir = work): Promise<string> {
  const file = path.join(dir, `upload-${randomUUID()}`);
  await writeFile(file, bytes);
  return file;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part as Buffer));
  return Buffer.concat(parts);
}

const info = (bytes: Buffer) => ({ sizeBytes: bytes.length, contentType: 'application/pdf' });

describe(createLocalBlobStore.name, () => {
  it('stores, opens, reports and deletes a blob', async () => {
    const store = createLocalBlobStore(root);
    const bytes = randomBytes(100_000);
    const source = await tempFile(bytes);
    const k = key();

    expect(await store.exists(k)).toBe(false);
    await store.putFile(k, source, info(bytes));
    expect(await store.exists(k)).toBe(true);
    expect((await readAll(await store.open(k))).equals(bytes)).toBe(true);
    // The temp file was moved, not copied.
    expect(await readdir(work)).toEqual([]);
    expect((await stat(path.join(root, k))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(root, path.dirname(k)))).mode & 0o777).toBe(0o700);

    await store.delete(k);
    expect(await store.exists(k)).toBe(false);
    await expect(store.open(k)).rejects.toSatisfy(
      (error: unknown) => isAppError(error) && error.code === 'NOT_FOUND',
    );
  });

  it('replaces a blob stored again under the same key', async () => {
    const store = createLocalBlobStore(root);
    const k = key();
    const first = Buffer.from('first');
    const second = Buffer.from('second version');
    await store.putFile(k, await tempFile(first), info(first));
    await store.putFile(k, await tempFile(second), info(second));
    expect((await readAll(await store.open(k))).toString()).toBe('second version');
  });

  it('answers NOT_FOUND for a missing blob and for a key that names a directory', async () => {
    const store = createLocalBlobStore(root);
    const k = key();
    const bytes = Buffer.from('x');
    await store.putFile(k, await tempFile(bytes), info(bytes));
    for (const missing of [key(), path.dirname(k), `${k}/below`]) {
      await expect(store.open(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await store.exists(missing)).toBe(false);
    }
  });

  it('deletes quietly what is already gone', async () => {
    const store = createLocalBlobStore(root);
    await expect(store.delete(key())).resolves.toBeUndefined();
  });

  it('refuses a file whose size differs from the declared one, keeping the file', async () => {
    const store = createLocalBlobStore(root);
    const source = await tempFile(Buffer.from('12345'));
    const k = key();
    await expect(
      store.putFile(k, source, { sizeBytes: 4, contentType: 'application/pdf' }),
    ).rejects.toThrow(/expected 4/);
    expect(await store.exists(k)).toBe(false);
    expect(await readdir(work)).toEqual([path.basename(source)]);
  });

  it.each([
    ['empty', ''],
    ['absolute', '/etc/passwd'],
    ['parent segment', 'org/../../etc/passwd'],
    ['leading parent', '../x'],
    ['current segment', 'org/./x'],
    ['empty segment', 'org//x'],
    ['trailing slash', 'org/x/'],
    ['backslash', 'org\\x'],
    ['space', 'org/a b'],
    ['non-ASCII', 'org/é'],
    ['NUL', 'org/a\0b'],
    ['too long', `org/${'a'.repeat(2000)}`],
  ])('refuses a key with %s', async (_what, badKey) => {
    const store = createLocalBlobStore(root);
    const bytes = Buffer.from('x');
    const source = await tempFile(bytes);
    expect(() => assertBlobKey(badKey)).toThrow(RangeError);
    await expect(store.putFile(badKey, source, info(bytes))).rejects.toThrow(RangeError);
    await expect(store.open(badKey)).rejects.toThrow(RangeError);
    await expect(store.exists(badKey)).rejects.toThrow(RangeError);
    await expect(store.delete(badKey)).rejects.toThrow(RangeError);
    expect(await readdir(root)).toEqual([]);
  });

  it('accepts the keys the server uses', () => {
    expect(() => assertBlobKey(key())).not.toThrow();
    expect(() => assertBlobKey('org/a.b_c-d/x.pdf')).not.toThrow();
  });

  it.skipIf(!crossDevice)('copies across filesystems and leaves no temp copy', async () => {
    const store = createLocalBlobStore(root);
    const shmDir = await mkdtemp(path.join(shm, 'cosell-blob-'));
    try {
      const bytes = randomBytes(50_000);
      const source = await tempFile(bytes, shmDir);
      const k = key();
      await store.putFile(k, source, info(bytes));
      expect((await readAll(await store.open(k))).equals(bytes)).toBe(true);
      expect(await readdir(shmDir)).toEqual([]);
      expect(await readdir(path.join(root, path.dirname(k)))).toEqual([path.basename(k)]);
      expect((await stat(path.join(root, k))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(shmDir, { recursive: true, force: true });
    }
  });
});
