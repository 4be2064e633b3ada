/**
 * Which errors are a disk refusing a write (test/fault/storage.test.ts shows the answers on
 * real full and read-only file systems): errors of a file-system call and the database's
 * disk_full, also when wrapped, and nothing else that merely shares an errno name.
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageFaultOf } from './problem';

/** An error shaped as Node's fs module throws it. */
const systemError = (code: string, syscall: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${code}: ${syscall}`), { errno: -1, code, syscall, ...extra });

describe(storageFaultOf.name, () => {
  it('reads a full disk from ENOSPC and EDQUOT of any file-system call', () => {
    expect(storageFaultOf(systemError('ENOSPC', 'write'))).toEqual({
      kind: 'full',
      store: 'files',
    });
    expect(storageFaultOf(systemError('EDQUOT', 'copyfile', { path: '/a', dest: '/b' }))).toEqual({
      kind: 'full',
      store: 'files',
    });
  });

  it('reads an unwritable file storage from EROFS, EACCES and EPERM on a path', () => {
    for (const code of ['EROFS', 'EACCES', 'EPERM'])
      expect(storageFaultOf(systemError(code, 'rename', { path: '/data/tmp/x' }))).toEqual({
        kind: 'notWritable',
        store: 'files',
      });
  });

  it('reads the database’s disk_full (53100) through the query error that wraps it', () => {
    const driverError = Object.assign(new Error('could not extend file "base/1/2"'), {
      code: '53100',
    });
    const wrapped = new Error('Failed query: insert …', { cause: driverError });
    expect(storageFaultOf(wrapped)).toEqual({ kind: 'full', store: 'database' });
  });

  it('leaves other errors alone: sockets, other SQLSTATEs, errors without a system call', () => {
    expect(storageFaultOf(systemError('EACCES', 'listen'))).toBeNull();
    expect(storageFaultOf(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBeNull();
    expect(storageFaultOf(Object.assign(new Error('x'), { code: '53200' }))).toBeNull();
    expect(storageFaultOf(Object.assign(new Error('x'), { code: '57P01' }))).toBeNull();
    expect(storageFaultOf(new Error('plain'))).toBeNull();
    expect(storageFaultOf(null)).toBeNull();
  });

  it('recognises what the fs module really throws', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cosell-problem-'));
    try {
      const error = await open(path.join(dir, 'missing', 'file'), 'r').catch((e: unknown) => e);
      // ENOENT is not a storage fault, but it has the shape the check relies on.
      expect(error).toMatchObject({ code: 'ENOENT', syscall: 'open', path: expect.any(String) });
      expect(storageFaultOf(error)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
