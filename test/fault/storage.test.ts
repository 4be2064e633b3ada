/**
 * Storage faults (QUALITY R12): the disk under cosell's files or database refuses a write in
 * the middle of a document upload or a contacts import. Each time the request ends in a clear
 * problem answer within seconds (507 when a disk is full, 503 when the file storage cannot be
 * written), nothing half-written is left (no document row, no blob, no temp file, no staged
 * import; the documents and contacts exactly as before), and the same process serves the
 * same request once space or permission is back.
 *
 * The faults are real where the machine allows it (root with the right to mount): size-limited
 * tmpfs file systems stand in for the disks, filled with a ballast file, remounted read-only,
 * or a folder is made unwritable for the user cosell runs as. Where mounting is not possible
 * the scenarios that need it are skipped with a warning (2 needs no mount and always runs).
 *
 * Which disk a write meets:
 * - An upload streams into DATA_DIR/tmp, is checked there, then moves into BLOB_DIR: a rename
 *   when both are on one file system (the default, DATA_DIR/blobs), a copy when not. So the
 *   disk can fill while the body streams in (3: the data folder's disk) or while the checked
 *   file is copied into the blob folder's own disk (4: it fails at the byte where space ends).
 * - A contacts import has no temp file: the CSV streams straight into the database in batches
 *   (staging), and the confirmation rewrites the contacts in one transaction. Its disk is the
 *   database's: a tablespace on its own small disk for PostgreSQL (5), and the data folder for
 *   embedded PGlite (6).
 */
import { PGlite } from '@electric-sql/pglite';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statfsSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/files';
import {
  blobKeyOf,
  contactsFile,
  cosellTab,
  createOffer,
  expectContactInvariants,
  filesUnder,
  MIB,
  mp4Head,
  partnerOwner,
  sendFile,
  tempUploads,
  whichList,
  type OfferRef,
} from './cosell-tab-api';
import {
  adminClient,
  clusterInfo,
  ensurePgUp,
  expectAlive,
  expectInvariants,
  expectNoUnhandledErrors,
  requireCluster,
  setUp,
  startCosell,
  tmpDir,
  unique,
  type Answer,
  type Cosell,
  type ProcessUser,
  type Query,
} from './harness';

const IS_ROOT = process.getuid?.() === 0;

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, on Linux). */
function canMount(): boolean {
  if (!IS_ROOT || process.platform !== 'linux') return false;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cosell-fault-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], {
      stdio: 'ignore',
      timeout: 10_000,
    });
    execFileSync('umount', [dir], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MOUNTABLE = canMount();
if (!MOUNTABLE) {
  const message =
    'cannot mount a size-limited tmpfs here (needs root with CAP_SYS_ADMIN on Linux): ' +
    'the full-disk and read-only scenarios are SKIPPED';
  console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n${'!'.repeat(78)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Disks

interface Disk {
  /** The mount point; the test's folders go below it, the ballast file beside them. */
  dir: string;
  /** Fills the disk with a ballast file until `leaveBytes` are free. */
  fill(leaveBytes: number): void;
  /** Removes the ballast: the space is back. */
  free(): void;
  readOnly(): void;
  writable(): void;
  freeBytes(): number;
}

const mounted: string[] = [];

/** A tmpfs of `sizeBytes` mounted on a fresh folder (owned by `owner`, when given). */
function tmpfsDisk(sizeBytes: number, owner?: ProcessUser): Disk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cosell-fault-disk-'));
  const options = [`size=${sizeBytes}`, 'mode=0755'];
  if (owner) options.push(`uid=${owner.uid}`, `gid=${owner.gid}`);
  execFileSync('mount', ['-t', 'tmpfs', '-o', options.join(','), 'tmpfs', dir], {
    timeout: 10_000,
  });
  mounted.push(dir);
  const ballast = path.join(dir, 'ballast');
  const remount = (mode: 'ro' | 'rw') =>
    execFileSync('mount', ['-o', `remount,${mode}`, dir], { timeout: 10_000 });
  const freeBytes = () => {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  };
  return {
    dir,
    freeBytes,
    fill(leaveBytes) {
      const fd = openSync(ballast, 'a');
      const zeros = Buffer.alloc(MIB);
      try {
        for (let left = freeBytes() - leaveBytes; left > 0; left = freeBytes() - leaveBytes)
          writeSync(fd, zeros, 0, Math.min(left, zeros.length));
      } finally {
        closeSync(fd);
      }
      expect(freeBytes(), 'free space after filling the disk').toBeLessThanOrEqual(leaveBytes);
    },
    free() {
      unlinkSync(ballast);
    },
    readOnly: () => remount('ro'),
    writable: () => remount('rw'),
  };
}

function unmount(dir: string) {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    // Still busy (a process that has not exited yet): detach it now, freed when unused.
    execFileSync('umount', ['-l', dir], { stdio: 'ignore', timeout: 10_000 });
  }
  rmSync(dir, { recursive: true, force: true });
}

afterAll(() => {
  for (const dir of mounted.splice(0)) unmount(dir);
});

/** `chown -R` */
function chownTree(dir: string, user: ProcessUser) {
  chownSync(dir, user.uid, user.gid);
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    chownSync(path.join(dir, entry), user.uid, user.gid);
}

/** Sets the mode of `dir` and of every folder below it. */
function chmodFolders(dir: string, mode: number) {
  chmodSync(dir, mode);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isDirectory()) chmodSync(path.join(entry.parentPath, entry.name), mode);
}

// ---------------------------------------------------------------------------------------------
// Answers and files

/** A valid MP4 of about `bytes` (ftyp, moov, then an mdat box of zeros). */
function mp4Of(bytes: number) {
  return Buffer.concat([mp4Head(bytes), Buffer.alloc(bytes)]);
}

/** No answer may take longer: a fault must never turn into a hang. */
const ANSWER_WITHIN_MS = 15_000;

/**
 * The problem a refused write gets: 507 INSUFFICIENT_STORAGE naming the full disk, or 503
 * UNAVAILABLE saying the file storage cannot be written (with a Retry-After).
 */
function expectStorageProblem(
  answer: Answer,
  fault: 'filesFull' | 'databaseFull' | 'notWritable',
  what: string,
) {
  const expected = {
    filesFull: {
      status: 507,
      code: 'INSUFFICIENT_STORAGE',
      title: 'Not enough storage space.',
      detail:
        'Nothing was saved: the disk that holds the files is full. Try again once an administrator has freed space.',
      retryAfter: undefined,
    },
    databaseFull: {
      status: 507,
      code: 'INSUFFICIENT_STORAGE',
      title: 'Not enough storage space.',
      detail:
        'Nothing was saved: the disk that holds the database is full. Try again once an administrator has freed space.',
      retryAfter: undefined,
    },
    notWritable: {
      status: 503,
      code: 'UNAVAILABLE',
      title: 'The service is temporarily unavailable. Try again shortly.',
      detail:
        'Nothing was saved: the file storage cannot be written to (it is read-only or not permitted). Try again later; an administrator can find the cause in the log.',
      retryAfter: '60',
    },
  }[fault];
  expect(
    {
      status: answer.status,
      contentType: String(answer.headers['content-type']).split(';')[0],
      code: answer.json?.code,
      title: answer.json?.title,
      detail: answer.json?.detail,
      retryAfter: answer.headers['retry-after'],
    },
    `${what}: ${answer.text.slice(0, 400)}`,
  ).toEqual({ contentType: 'application/problem+json', ...expected });
  expect(answer.ms, `${what}: answered in time`).toBeLessThan(ANSWER_WITHIN_MS);
}

/** Stops cosell: a clean exit, no unhandled error in its log. */
async function stopCleanly(server: Cosell) {
  const stopped = await server.stop();
  expectNoUnhandledErrors(server);
  expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
}

/**
 * cosell logged one line matching every pattern (the message and the system's error). Its log
 * is buffered: check once it has stopped.
 */
function expectLogLine(server: Cosell, patterns: RegExp[]) {
  const lines = server.output().split('\n');
  expect(
    lines.some((line) => patterns.every((pattern) => pattern.test(line))),
    `a log line matching ${patterns.join(' and ')}`,
  ).toBe(true);
}

type Tab = ReturnType<typeof cosellTab>;

/** Replaces document `documentId` with `bytes` (PUT …/documents/:id/content). */
function replaceDocument(
  base: string,
  offer: OfferRef,
  documentId: string,
  fileName: string,
  bytes: Buffer,
) {
  return sendFile(
    base,
    offer.session,
    'PUT',
    `/api/organisations/${offer.organisationId}/offers/${offer.offerId}/documents/${documentId}/content?fileName=${encodeURIComponent(fileName)}`,
    { body: bytes },
  );
}

/** Downloads a document; its bytes. */
async function download(base: string, offer: OfferRef, documentId: string) {
  const answer = await sendFile(
    base,
    offer.session,
    'GET',
    `/api/organisations/${offer.organisationId}/offers/${offer.offerId}/documents/${documentId}/content`,
  );
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  return answer;
}

/**
 * The blob folder holds exactly the blobs of `documents` (no partial copy, no orphan) and no
 * upload temp file is left in the data folder.
 */
function expectFilesOf(
  offer: OfferRef,
  documents: { id: string }[],
  blobDir: string,
  dataDir: string,
) {
  expect(filesUnder(blobDir), 'the blob folder holds exactly the documents’ blobs').toEqual(
    documents.map((d) => blobKeyOf(offer, d.id)).sort(),
  );
  expect(tempUploads(dataDir), 'no upload temp file left').toEqual([]);
}

/** A server, a partner owner's offer with a one-pager on it. */
async function offerWithOnePager(server: Cosell) {
  const offer = await createOffer(
    server.url,
    await partnerOwner(server.url, await setUp(server.url)),
  );
  const tab = cosellTab(() => server.url, offer);
  const onePager = await tab.upload('one-pager', 'One pager.pdf', samplePdf());
  expect(onePager.status, onePager.text.slice(0, 300)).toBe(201);
  const documents = await tab.documents();
  expect(documents.map((d) => d.kind)).toEqual(['one-pager']);
  return { offer, tab, documents };
}

/** Stops cosell on PGlite (a clean stop, no unhandled error) and queries its data folder. */
async function withStoppedPglite<T>(
  server: Cosell,
  dataDir: string,
  work: (query: Query) => Promise<T>,
) {
  await stopCleanly(server);
  const pglite = new PGlite(path.join(dataDir, 'pglite'));
  try {
    return await work(async (sql, params) => ({
      rows: (await pglite.query<Record<string, unknown>>(sql, params as unknown[])).rows,
    }));
  } finally {
    await pglite.close();
  }
}

// ---------------------------------------------------------------------------------------------

describe('document uploads when the blob folder cannot be written', () => {
  let server: Cosell | undefined;

  afterEach(async () => {
    if (server) await stopCleanly(server);
    server = undefined;
  });

  it.skipIf(!MOUNTABLE)(
    '1. the blob folder’s file system turns read-only (EROFS): 503 naming the storage for a new and a replaced document, downloads still work, nothing half-written; uploads work once it is writable',
    async () => {
      const disk = tmpfsDisk(64 * MIB);
      const blobDir = path.join(disk.dir, 'blobs');
      const dataDir = tmpDir('data');
      server = await startCosell({
        name: 'storage-readonly',
        env: { DATA_DIR: dataDir, BLOB_DIR: blobDir },
        readyTimeoutMs: 120_000,
      });
      const base = server.url;
      const { offer, tab, documents: before } = await offerWithOnePager(server);
      const onePager = before[0]!;
      const original = await download(base, offer, onePager.id);
      expectFilesOf(offer, before, blobDir, dataDir);

      disk.readOnly();
      const video = mp4Of(2 * MIB);
      expectStorageProblem(
        await tab.upload('other', 'Product demo.mp4', video),
        'notWritable',
        'a new document',
      );
      expectStorageProblem(
        await replaceDocument(base, offer, onePager.id, 'One pager v2.pdf', samplePdf()),
        'notWritable',
        'a replaced document',
      );
      // Reading is not writing: the stored document still downloads, unchanged.
      expect((await download(base, offer, onePager.id)).text).toBe(original.text);
      expect(await tab.documents(), 'the documents are unchanged').toEqual(before);
      expectFilesOf(offer, before, blobDir, dataDir);
      expectAlive(server);

      disk.writable();
      const added = await tab.upload('other', 'Product demo.mp4', video);
      expect(added.status, added.text.slice(0, 300)).toBe(201);
      const replaced = await replaceDocument(
        base,
        offer,
        onePager.id,
        'One pager v2.pdf',
        samplePdf(),
      );
      expect(replaced.status, replaced.text.slice(0, 300)).toBe(200);
      const after = await tab.documents();
      expect(after.map((d) => `${d.kind}: ${d.fileName}`).sort()).toEqual([
        'one-pager: One pager v2.pdf',
        'other: Product demo.mp4',
      ]);
      expectFilesOf(offer, after, blobDir, dataDir);

      const stopped = server;
      server = undefined;
      await withStoppedPglite(stopped, dataDir, async (query) => {
        const { rows } = await query('select blob_key from offer_documents order by blob_key');
        expect(rows.map((r) => r.blob_key)).toEqual(
          after.map((d) => blobKeyOf(offer, d.id)).sort(),
        );
        await expectInvariants(query);
      });
      expectLogLine(stopped, [/storage not writable/, /EROFS/]);
    },
  );

  // No mount needed: permissions alone.
  it('2. the blob folder is not writable for the user cosell runs as (EACCES): 503 naming the storage, nothing half-written; uploads work once the permission is back', async () => {
    // As root cosell runs as nobody, so that the folder's permissions apply to it.
    const user = IS_ROOT ? { uid: 65534, gid: 65534 } : undefined;
    const dataDir = tmpDir('data');
    if (user) chownTree(dataDir, user);
    const blobDir = path.join(dataDir, 'blobs');
    server = await startCosell({
      name: 'storage-permission',
      env: { DATA_DIR: dataDir },
      readyTimeoutMs: 120_000,
      ...(user && { user }),
    });
    const { offer, tab, documents: before } = await offerWithOnePager(server);
    expectFilesOf(offer, before, blobDir, dataDir);

    // Someone restored the folder with the wrong permissions: cosell may read, not write.
    chmodFolders(blobDir, 0o500);
    expectStorageProblem(
      await tab.upload('other', 'Product demo.mp4', mp4Of(2 * MIB)),
      'notWritable',
      'an upload into an unwritable blob folder',
    );
    expect(await tab.documents(), 'the documents are unchanged').toEqual(before);
    expectFilesOf(offer, before, blobDir, dataDir);

    chmodFolders(blobDir, 0o700);
    const added = await tab.upload('other', 'Product demo.mp4', mp4Of(2 * MIB));
    expect(added.status, added.text.slice(0, 300)).toBe(201);
    const after = await tab.documents();
    expect(after.map((d) => d.kind).sort()).toEqual(['one-pager', 'other']);
    expectFilesOf(offer, after, blobDir, dataDir);
    expectAlive(server);
    const stopped = server;
    server = undefined;
    await stopCleanly(stopped);
    expectLogLine(stopped, [/storage not writable/, /EACCES/]);
  });
});

describe.skipIf(!MOUNTABLE)('document uploads when a disk fills', () => {
  let server: Cosell | undefined;
  let admin: pg.Client | undefined;

  afterEach(async () => {
    await admin?.end().catch(() => {});
    admin = undefined;
    if (server) await stopCleanly(server);
    server = undefined;
  });

  it.skipIf(!clusterInfo())(
    '3. the data folder’s disk (upload temp folder and blobs) fills while a 4 MiB upload streams in: 507 naming the files’ disk, no row, no blob, no temp file; the upload works once space is back',
    async () => {
      await ensurePgUp();
      const database = unique('storage_full').replace(/-/g, '_');
      admin = await adminClient();
      await admin.query(`create database ${database}`);
      const info = requireCluster();
      const disk = tmpfsDisk(32 * MIB);
      const dataDir = path.join(disk.dir, 'data');
      mkdirSync(dataDir);
      server = await startCosell({
        name: 'storage-data-full',
        env: {
          DATABASE_URL: `postgres://postgres@${info.host}:${info.port}/${database}`,
          DATA_DIR: dataDir,
        },
      });
      const blobDir = path.join(dataDir, 'blobs');
      const { offer, tab, documents: before } = await offerWithOnePager(server);
      const rows = async () => {
        const client = await adminClient(database);
        try {
          const { rows: found } = await client.query(
            'select blob_key from offer_documents order by blob_key',
          );
          return found.map((r) => r.blob_key as string);
        } finally {
          await client.end();
        }
      };

      // 1 MiB left: the 4 MiB body cannot be written to the temp folder.
      disk.fill(MIB);
      const video = mp4Of(4 * MIB);
      expectStorageProblem(
        await tab.upload('other', 'Product demo.mp4', video),
        'filesFull',
        'an upload onto a full disk',
      );
      expect(await tab.documents(), 'the documents are unchanged').toEqual(before);
      expect(await rows(), 'no document row').toEqual([blobKeyOf(offer, before[0]!.id)]);
      expectFilesOf(offer, before, blobDir, dataDir);
      expect(disk.freeBytes(), 'the partial temp file is gone').toBeGreaterThan(MIB / 2);

      disk.free();
      const stored = await tab.upload('other', 'Product demo.mp4', video);
      expect(stored.status, stored.text.slice(0, 300)).toBe(201);
      const after = await tab.documents();
      expect(after.map((d) => d.kind).sort()).toEqual(['one-pager', 'other']);
      expect(await rows()).toEqual(after.map((d) => blobKeyOf(offer, d.id)).sort());
      expectFilesOf(offer, after, blobDir, dataDir);
      expectAlive(server);
      const stopped = server;
      server = undefined;
      await stopCleanly(stopped);
      expectLogLine(stopped, [/storage full: the files disk/, /ENOSPC/]);
      await admin.query(`drop database ${database} with (force)`);
    },
  );

  it('4. the blob folder’s own disk fills while a checked 4 MiB file is copied into it (the copy fails after 1 MiB): 507 naming the files’ disk, no partial blob, no row, no temp file; the upload works once space is back', async () => {
    const disk = tmpfsDisk(16 * MIB);
    const blobDir = path.join(disk.dir, 'blobs');
    const dataDir = tmpDir('data');
    server = await startCosell({
      name: 'storage-blobs-full',
      env: { DATA_DIR: dataDir, BLOB_DIR: blobDir },
      readyTimeoutMs: 120_000,
    });
    const { offer, tab, documents: before } = await offerWithOnePager(server);

    // The temp folder is on another disk with room: the body arrives whole and is checked;
    // storing it is then a copy across file systems, which runs out of space after 1 MiB.
    disk.fill(MIB);
    const video = mp4Of(4 * MIB);
    expectStorageProblem(
      await tab.upload('other', 'Product demo.mp4', video),
      'filesFull',
      'an upload whose copy into the blob folder fills its disk',
    );
    expect(await tab.documents(), 'the documents are unchanged').toEqual(before);
    expectFilesOf(offer, before, blobDir, dataDir);
    expect(disk.freeBytes(), 'the partial copy is gone').toBeGreaterThan(MIB / 2);

    disk.free();
    const stored = await tab.upload('other', 'Product demo.mp4', video);
    expect(stored.status, stored.text.slice(0, 300)).toBe(201);
    const after = await tab.documents();
    expect(after.map((d) => d.kind).sort()).toEqual(['one-pager', 'other']);
    expectFilesOf(offer, after, blobDir, dataDir);
    expectAlive(server);

    const stopped = server;
    server = undefined;
    await withStoppedPglite(stopped, dataDir, async (query) => {
      const { rows } = await query('select blob_key from offer_documents order by blob_key');
      expect(rows.map((r) => r.blob_key)).toEqual(after.map((d) => blobKeyOf(offer, d.id)).sort());
      await expectInvariants(query);
    });
    // It failed while copying into the blob folder, not while receiving.
    expectLogLine(stopped, [/storage full: the files disk/, /ENOSPC/, /copyfile/]);
  });
});

// ---------------------------------------------------------------------------------------------

/** Rows per contacts file: several batches of staging, more than the space left. */
const ROWS = 20_000;
/** PGlite writes its WAL on the same disk; smaller files keep a scenario in one WAL segment. */
const PGLITE_ROWS = 5_000;
/** Space left on the database's disk when it is "full". */
const LEFT = 256 * 1024;

/**
 * An import meets a full database disk twice: while the file is staged, and while the staged
 * import is confirmed. Both times: 507, the contacts as before, no staged rows left, the import
 * (when it was staged) still pending; with space back, staging and confirming work.
 */
async function importOntoFullDisk(options: {
  tab: Tab;
  disk: Disk;
  rows: number;
  /** Before each fill (PGlite: puts the WAL at the start of a segment, see scenario 6). */
  beforeFill?: () => Promise<void>;
  /**
   * Staged imports of the offer that are still pending, read from the database while cosell
   * runs (PostgreSQL); without it only what the API shows is checked during the scenario.
   */
  pendingImports?: () => Promise<{ id: string; rows: number }[]>;
}) {
  const { tab, disk, rows } = options;
  const before = await tab.contacts();

  // Staging: the file's rows do not fit.
  const next = contactsFile(unique('next'), rows);
  await options.beforeFill?.();
  disk.fill(LEFT);
  expectStorageProblem(await tab.stage(next.body), 'databaseFull', 'staging onto a full disk');
  expect(await tab.contacts(), 'the contacts are unchanged').toEqual(before);
  if (options.pendingImports)
    expect(await options.pendingImports(), 'no staged import or row left').toEqual([]);
  disk.free();

  const staged = await tab.stage(next.body);
  expect(staged.status, staged.text.slice(0, 300)).toBe(201);
  const importId = staged.json.import.id as string;
  if (options.pendingImports)
    expect(await options.pendingImports()).toEqual([{ id: importId, rows }]);

  // Confirming: the new contacts (and the old ones kept for undo) do not fit.
  await options.beforeFill?.();
  disk.fill(LEFT);
  expectStorageProblem(await tab.apply(importId), 'databaseFull', 'confirming onto a full disk');
  expect(await tab.contacts(), 'the contacts are unchanged').toEqual(before);
  if (options.pendingImports)
    expect(await options.pendingImports(), 'the import is still pending, whole').toEqual([
      { id: importId, rows },
    ]);
  disk.free();

  const applied = await tab.apply(importId);
  expect(applied.status, applied.text.slice(0, 300)).toBe(200);
  const after = await tab.contacts();
  expect(whichList(after.emails, { next: next.emails })).toBe('next');
  expect(after.version).toBe(before.version + 1);
  if (options.pendingImports) expect(await options.pendingImports()).toEqual([]);
}

/** The first list of an offer's contacts, imported whole. */
async function firstContacts(tab: Tab) {
  const first = contactsFile(unique('first'), 1_000);
  const staged = await tab.stage(first.body);
  expect(staged.status, staged.text.slice(0, 300)).toBe(201);
  const applied = await tab.apply(staged.json.import.id);
  expect(applied.status, applied.text.slice(0, 300)).toBe(200);
}

const PENDING_IMPORTS = `
  select i.id, (select count(*)::int from contact_import_rows r where r.import_id = i.id) as rows
    from contact_imports i where i.offer_id = $1 and i.state = 'pending' order by i.created_at`;

describe.skipIf(!MOUNTABLE)('contacts imports when the database’s disk fills', () => {
  let server: Cosell | undefined;

  afterEach(async () => {
    if (server) await stopCleanly(server);
    server = undefined;
  });

  it.skipIf(!clusterInfo())(
    '5. PostgreSQL, the database in a tablespace on its own small disk: staging and confirming a 20,000-row import onto the full disk get 507 naming the database’s disk, the contacts and the pending import untouched; both work once space is back',
    async () => {
      await ensurePgUp();
      const info = requireCluster();
      const postgresUser = info.asPostgres
        ? {
            uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
            gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
          }
        : undefined;
      const disk = tmpfsDisk(64 * MIB, postgresUser);
      const name = unique('storage_db').replace(/-/g, '_');
      const tablespace = path.join(disk.dir, 'tablespace');
      mkdirSync(tablespace, { mode: 0o700 });
      if (postgresUser) chownSync(tablespace, postgresUser.uid, postgresUser.gid);
      const admin = await adminClient();
      let client: pg.Client | undefined;
      try {
        await admin.query(`create tablespace ${name} location '${tablespace}'`);
        await admin.query(`create database ${name} tablespace ${name}`);
        server = await startCosell({
          name: 'storage-database-full',
          env: {
            DATABASE_URL: `postgres://postgres@${info.host}:${info.port}/${name}`,
            DATA_DIR: tmpDir('data'),
          },
        });
        const offer = await createOffer(
          server.url,
          await partnerOwner(server.url, await setUp(server.url)),
        );
        const tab = cosellTab(() => server!.url, offer);
        await firstContacts(tab);
        client = await adminClient(name);
        const query: Query = (sql, params) => client!.query(sql, params as unknown[]);
        await importOntoFullDisk({
          tab,
          disk,
          rows: ROWS,
          pendingImports: async () => (await query(PENDING_IMPORTS, [offer.offerId])).rows as never,
        });
        await expectContactInvariants(query);
        await expectInvariants(query);
        expectAlive(server);
        const stopped = server;
        server = undefined;
        await stopCleanly(stopped);
        expectLogLine(stopped, [/storage full: the database disk/, /could not extend file/]);
      } finally {
        await client?.end().catch(() => {});
        await server?.stop();
        server = undefined;
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.query(`drop tablespace if exists ${name}`);
        await admin.end();
      }
    },
  );

  it('6. embedded PGlite, the data folder on a small disk: staging and confirming a 5,000-row import onto the full disk get 507 naming the database’s disk, the contacts and the pending import untouched; both work once space is back', async () => {
    const disk = tmpfsDisk(256 * MIB);
    const dataDir = path.join(disk.dir, 'data');
    mkdirSync(dataDir);
    const start = (name: string) =>
      startCosell({ name, env: { DATA_DIR: dataDir }, readyTimeoutMs: 120_000 });
    server = await start('storage-pglite-full-0');
    const offer = await createOffer(
      server.url,
      await partnerOwner(server.url, await setUp(server.url)),
    );
    const tab = cosellTab(() => server!.url, offer);
    await firstContacts(tab);

    /**
     * PGlite keeps its WAL in the data folder too. When the disk fills just as PostgreSQL
     * starts a new 16 MB WAL segment, PGlite (0.5.16) fails with 53100 "could not write to
     * file pg_wal/xlogtemp…" and is left broken: cosell then either spins at full CPU without
     * answering anything (SIGTERM included) or answers every request, /healthz too, with a 500
     * ("cannot drop active portal"), also once space is back, until it is restarted; the data
     * survive the restart. PostgreSQL itself PANICs there and restarts. That is a defect to be
     * handled in packages/db, not a matter of the answers checked here. This scenario is about
     * the tables' disk, so before each fill the WAL moves to the start of a fresh segment with
     * the next one already allocated: the fault's writes then meet the full disk in the tables,
     * as nearly all writes do (a segment is 16 MB of WAL).
     */
    let restarts = 0;
    const freshWalSegment = async () => {
      await withStoppedPglite(server!, dataDir, async (query) => {
        await query('select pg_switch_wal()');
        await query('checkpoint');
      });
      server = await start(`storage-pglite-full-${++restarts}`);
    };
    await importOntoFullDisk({ tab, disk, rows: PGLITE_ROWS, beforeFill: freshWalSegment });
    expectAlive(server);

    // PGlite has one connection, cosell's: its rows are read once cosell has stopped. By then
    // the successful staging has pruned any older pending import, so the rows a refused
    // staging might leave are checked on PostgreSQL (5), which shares the code; here the last
    // confirmed import must be all there is, and the tables consistent.
    const stopped = server;
    server = undefined;
    await withStoppedPglite(stopped, dataDir, async (query) => {
      const { rows } = await query(
        'select state, count(*)::int n from contact_imports where offer_id = $1 group by state',
        [offer.offerId],
      );
      expect(rows, 'only the last import (undoable) is kept').toEqual([{ state: 'applied', n: 1 }]);
      await expectContactInvariants(query);
      await expectInvariants(query);
    });
    expectLogLine(stopped, [/storage full: the database disk/, /could not extend file/]);
  });
});
