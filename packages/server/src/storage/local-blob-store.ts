/**
 * The default BlobStore: one file per blob under a root directory. Writes are crash-safe
 * (QUALITY R12): a blob appears by an atomic rename of a fully written, fsynced file, and the
 * directory entry is fsynced too, so after a crash there is either no blob or the whole blob.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError, type BlobInfo, type BlobStore } from '@cosell/core';

/** Longest accepted key; far above `org/<uuid>/offer/<uuid>/<uuid>` (122 characters). */
const MAX_KEY_LENGTH = 1024;
const KEY_PATTERN = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

/**
 * Throws when `key` could leave the root or is not a plain relative path: only
 * `[A-Za-z0-9._-]` segments joined by single slashes, none of them `.` or `..`. Keys are
 * chosen by server code, so a bad one is a bug, not a user error.
 */
export function assertBlobKey(key: string): void {
  const segments = key.split('/');
  if (
    key.length > MAX_KEY_LENGTH ||
    !KEY_PATTERN.test(key) ||
    segments.some((segment) => segment === '.' || segment === '..')
  ) {
    throw new RangeError(`invalid blob key: ${JSON.stringify(key.slice(0, 200))}`);
  }
}

/**
 * A {@link BlobStore} keeping each blob at `rootDir/<key>` with mode 0o600 (directories
 * 0o700). The content type in {@link BlobInfo} is not stored here: the database row that
 * refers to the blob holds it. The temp dir of uploads should be on the same filesystem as
 * `rootDir` so that storing is a rename; across filesystems the file is copied first.
 */
export function createLocalBlobStore(rootDir: string): BlobStore {
  const root = path.resolve(rootDir);

  function blobPath(key: string): string {
    assertBlobKey(key);
    const resolved = path.resolve(root, key);
    // The pattern already rules out escapes; this guards the rule itself.
    if (!resolved.startsWith(root + path.sep)) throw new RangeError('blob key escapes the root');
    return resolved;
  }

  return {
    async putFile(key: string, filePath: string, info: BlobInfo): Promise<void> {
      const dest = blobPath(key);
      const source = await open(filePath, 'r');
      try {
        const { size } = await source.stat();
        if (size !== info.sizeBytes) {
          throw new Error(`blob ${key}: file has ${size} bytes, expected ${info.sizeBytes}`);
        }
        await source.chmod(0o600);
        // The caller may have fsynced already (receiveUpload does); a second sync is cheap
        // and makes this method safe for any file.
        await source.sync();
      } finally {
        await source.close();
      }
      const dir = path.dirname(dest);
      const firstCreated = await mkdir(dir, { recursive: true, mode: 0o700 });
      // New directories exist durably only once their parents' entries are synced too.
      if (firstCreated) {
        const parents = directoriesBetween(path.dirname(firstCreated), path.dirname(dir));
        for (const d of parents) await syncDirectory(d);
      }
      try {
        await rename(filePath, dest);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyAcrossDevices(filePath, dest);
        await unlink(filePath);
      }
      await syncDirectory(dir);
    },

    async open(key: string): Promise<NodeJS.ReadableStream> {
      const file = blobPath(key);
      let handle;
      try {
        handle = await open(file, 'r');
      } catch (error) {
        if (isMissing(error)) throw new AppError('NOT_FOUND', { message: `blob ${key} not found` });
        throw error;
      }
      const info = await handle.stat().catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      if (!info.isFile()) {
        await handle.close();
        throw new AppError('NOT_FOUND', { message: `blob ${key} not found` });
      }
      // Opened before returning so a missing blob is NOT_FOUND here, not a stream error later.
      return handle.createReadStream();
    },

    async delete(key: string): Promise<void> {
      const file = blobPath(key);
      try {
        await unlink(file);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      await syncDirectory(path.dirname(file));
    },

    async *list(olderThan: Date): AsyncIterable<string> {
      const walk = async function* (dir: string): AsyncGenerator<string> {
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch (error) {
          if (isMissing(error)) return;
          throw error;
        }
        for (const entry of entries) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) yield* walk(full);
          else if (entry.isFile()) {
            const info = await stat(full).catch(() => null);
            if (info && info.mtime < olderThan) {
              yield path.relative(root, full).split(path.sep).join('/');
            }
          }
        }
      };
      yield* walk(root);
    },

    async exists(key: string): Promise<boolean> {
      const file = blobPath(key);
      try {
        return (await stat(file)).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}

/** `from`, then each directory below it down to `to` (which lies inside `from`). */
function directoriesBetween(from: string, to: string): string[] {
  const chain: string[] = [];
  for (let d = to; d !== from && d !== path.dirname(d); d = path.dirname(d)) chain.push(d);
  return [from, ...chain.reverse()];
}

/** fsync a directory so a rename or unlink in it survives a crash. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some filesystems (and Windows) cannot fsync a directory; the rename is still atomic.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Across filesystems a rename is impossible: copy to a temp name next to the destination,
 * fsync it, then rename it into place, so readers never see a half-copied blob.
 */
async function copyAcrossDevices(filePath: string, dest: string): Promise<void> {
  const temp = `${dest}.tmp-${randomBytes(8).toString('hex')}`;
  try {
    await copyFile(filePath, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.chmod(0o600);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, dest);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  // ENOTDIR: a key below what is a blob ("a/b" when "a" is a file) does not exist either.
  return code === 'ENOENT' || code === 'ENOTDIR';
}
