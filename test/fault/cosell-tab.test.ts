/**
 * The co-sell tab's multi-row writes under faults (QUALITY R12): a contacts import confirmed
 * while cosell is SIGKILLed, a large document upload cut off by a SIGKILL, and PostgreSQL
 * restarted while an import is staged or confirmed. After each fault the offer's contacts are
 * exactly the list before or exactly the list of the file (never a mixture), the version and
 * the import's state agree with the list, no document row or blob is half-written, abandoned
 * upload files are swept, and the same or a restarted process serves the next request.
 * A kill after an upload's blob is stored but before its row commits (2c) leaves that blob
 * without a row until the hourly maintenance sweep removes it once it is an hour old
 * (test/integration/maintenance.test.ts); here it is only logged.
 */
import { PGlite } from '@electric-sql/pglite';
import { existsSync, utimesSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/files';
import {
  blobKeyOf,
  contactsFile,
  cosellTab,
  createOffer,
  documentsPath,
  expectContactInvariants,
  filesUnder,
  MIB,
  mp4Head,
  partnerOwner,
  streamingUpload,
  tempUploads,
  whichList,
  type ContactsFile,
  type OfferRef,
} from './cosell-tab-api';
import {
  adminClient,
  clusterInfo,
  cosellBackends,
  ensurePgUp,
  expectAlive,
  expectInvariants,
  expectNoUnhandledErrors,
  freshDatabase,
  lockTable,
  pgRestart,
  request,
  setUp,
  sleep,
  startCosell,
  tmpDir,
  unique,
  waitFor,
  type Answer,
  type Cosell,
  type Query,
} from './harness';

/** Rows per contacts file: big enough that confirming one takes a while. */
const ROWS = 20_000;
/** PGlite is several times slower per row; P5's 10,000 rows keep its rounds short. */
const PGLITE_ROWS = 10_000;

const randomBetween = (min: number, max: number) => Math.round(min + Math.random() * (max - min));

// ---------------------------------------------------------------------------------------------
// The scenarios, shared by PostgreSQL and PGlite

interface Backend {
  name: string;
  /** Starts cosell on the scenario's data (the same database and DATA_DIR each time). */
  start(name: string): Promise<Cosell>;
  /** After a SIGKILL: waits until the dead process's database sessions are gone. */
  afterKill(): Promise<void>;
  /** Whether a cosell transaction holding writes is open right now (null: cannot tell). */
  writing(): Promise<boolean | null>;
  /** The superuser's view of the rows, while cosell runs (PostgreSQL only). */
  query: Query | null;
}

/**
 * Scenario 1: confirm an import of `rows` contacts replacing `rows` others, SIGKILL at a random
 * moment, restart on the same data; `rounds` times.
 */
async function killDuringApply(backend: Backend, rounds: number, rows: number) {
  let server = await backend.start(`${backend.name}-apply-0`);
  const offer = await createOffer(
    server.url,
    await partnerOwner(server.url, await setUp(server.url)),
  );
  const tab = cosellTab(() => server.url, offer);

  // The first list, imported whole.
  let current: ContactsFile = contactsFile(unique('first'), rows);
  const first = await tab.stage(current.body);
  expect(first.status, first.text.slice(0, 300)).toBe(201);
  const firstApply = await tab.apply(first.json.import.id);
  expect(firstApply.status, firstApply.text.slice(0, 300)).toBe(200);
  let version = firstApply.json.contactsVersion as number;
  expect(whichList((await tab.contacts()).emails, { first: current.emails })).toBe('first');
  // How long a confirmation that replaces the whole list takes: first guessed (twice the work
  // of the first one), then measured on each one that completes.
  let replaceMs = 2 * firstApply.ms;

  const results: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    const next = contactsFile(unique(`round${round}`), rows);
    const staged = await tab.stage(next.body);
    expect(staged.status, staged.text.slice(0, 300)).toBe(201);
    expect([staged.json.added.count, staged.json.removed.count]).toEqual([rows, rows]);
    const importId = staged.json.import.id as string;

    // Mostly inside the confirmation, sometimes just after its answer.
    const delay = randomBetween(replaceMs * 0.2, replaceMs * 1.2);
    const pending = tab.apply(importId).catch((error: Error) => error);
    await sleep(delay);
    const writing = await backend.writing();
    await server.kill('SIGKILL');
    const answered = await pending;
    await backend.afterKill();

    const restarted = Date.now();
    server = await backend.start(`${backend.name}-apply-${round}`);
    const startMs = Date.now() - restarted;
    const after = await tab.contacts();
    const list = whichList(after.emails, { old: current.emails, new: next.emails });
    expect(list, `round ${round}: the contacts after the restart`).toMatch(/^(old|new)$/);
    if (!(answered instanceof Error)) {
      // An answer that came before the kill is a 200, and then the new list is there.
      expect(answered.status, answered.text.slice(0, 300)).toBe(200);
      expect(list, 'an acknowledged confirmation was kept').toBe('new');
      replaceMs = answered.ms;
    }
    if (list === 'old') {
      expect(after.version, 'the old list keeps its version').toBe(version);
      // The import is still pending: confirming it now works, in full.
      const again = await tab.apply(importId);
      expect(again.status, again.text.slice(0, 300)).toBe(200);
      expect(again.json.contactsVersion).toBe(version + 1);
      expect(whichList((await tab.contacts()).emails, { new: next.emails })).toBe('new');
      replaceMs = again.ms;
    } else {
      expect(after.version, 'the new list comes with the next version').toBe(version + 1);
      // The import is applied: confirming it again is refused, and changes nothing.
      const again = await tab.apply(importId);
      expect(again.status, again.text.slice(0, 300)).toBe(409);
      expect(whichList((await tab.contacts()).emails, { new: next.emails })).toBe('new');
    }
    if (backend.query) {
      const { rows: state } = await backend.query(
        'select state from contact_imports where id = $1',
        [importId],
      );
      expect(state).toEqual([{ state: 'applied' }]);
      await expectContactInvariants(backend.query);
      await expectInvariants(backend.query);
    }
    version += 1;
    current = next;
    const outcome = answered instanceof Error ? 'no answer' : `answered ${answered.status}`;
    const at = writing === null ? '' : writing ? ', mid-transaction' : ', no open write';
    results.push(
      `killed after ${delay} ms${at} (${outcome}) → ${list} list; staging ${staged.ms} ms, ` +
        `restart ${startMs} ms, a confirmation ${replaceMs} ms`,
    );
  }
  console.log(`${backend.name}, ${rows} contacts:\n  ${results.join('\n  ')}`);
  return server;
}

/** Scenario 2: SIGKILL in the middle of a large upload; restart; the sweep; an upload again. */
async function killDuringUpload(backend: Backend & { dataDir: string }) {
  let server = await backend.start(`${backend.name}-upload-0`);
  const offer = await createOffer(
    server.url,
    await partnerOwner(server.url, await setUp(server.url)),
  );
  const tab = cosellTab(() => server.url, offer);
  const blobDir = path.join(backend.dataDir, 'blobs');

  // The offer already has a document: it must come through unchanged.
  const onePager = await tab.upload('one-pager', 'One pager.pdf', samplePdf());
  expect(onePager.status, onePager.text.slice(0, 300)).toBe(201);
  const before = await tab.documents();
  expect(before.map((d) => d.kind)).toEqual(['one-pager']);

  /** Rows and blobs agree: each document's blob is on disk, and no blob lacks its row. */
  const expectBlobsMatchRows = async (documents: { id: string }[]) => {
    const keys = documents.map((d) => blobKeyOf(offer, d.id)).sort();
    if (backend.query) {
      const { rows } = await backend.query(
        'select blob_key from offer_documents order by blob_key',
      );
      expect(
        rows.map((r) => r.blob_key),
        'blob keys of the offer_documents rows',
      ).toEqual(keys);
    }
    expect(filesUnder(blobDir), 'files in the blob store = blob keys of the rows').toEqual(keys);
  };
  await expectBlobsMatchRows(before);

  // 200 MB of video, cut off at a random point once the server has received that much.
  const payload = 200 * MIB;
  const pauseAt = randomBetween(40, 160) * MIB;
  const head = mp4Head(payload);
  const upload = streamingUpload(
    server.url,
    offer.session,
    documentsPath(offer, 'other', 'Product demo.mp4'),
    head,
    payload,
    pauseAt,
  );
  const answer = upload.answer.catch((error: Error) => error);
  await waitFor(
    `the server to receive ${pauseAt / MIB} MiB`,
    () => tempUploads(backend.dataDir).some((t) => t.size >= head.length + pauseAt),
    60_000,
  );
  await server.kill('SIGKILL');
  expect(await answer, 'no answer from a killed process').toBeInstanceOf(Error);
  const leftovers = tempUploads(backend.dataDir);
  expect(leftovers.length, 'the killed upload left its temp file').toBe(1);
  await backend.afterKill();

  server = await backend.start(`${backend.name}-upload-1`);
  expect(await tab.documents(), 'the documents are unchanged').toEqual(before);
  await expectBlobsMatchRows(before);
  // A recent temp file may belong to a running upload: the start-up sweep leaves it.
  await sleep(300);
  expect(existsSync(leftovers[0]!.file), 'a recent temp file is not swept').toBe(true);

  // Eleven minutes later it is abandoned: the next start removes it.
  const past = new Date(Date.now() - 11 * 60_000);
  utimesSync(leftovers[0]!.file, past, past);
  expect(await server.stop()).toEqual({ code: 0, signal: null });
  server = await backend.start(`${backend.name}-upload-2`);
  await waitFor('the abandoned temp file swept at start', () => !existsSync(leftovers[0]!.file));
  expect(tempUploads(backend.dataDir)).toEqual([]);

  // Uploads work again: a streamed video of 16 MiB, whole this time.
  const again = streamingUpload(
    server.url,
    offer.session,
    documentsPath(offer, 'other', 'Product demo.mp4'),
    mp4Head(16 * MIB),
    16 * MIB,
  );
  const stored = await again.answer;
  expect(stored.status, stored.text.slice(0, 300)).toBe(201);
  const after = await tab.documents();
  expect(after.map((d) => d.kind).sort()).toEqual(['one-pager', 'other']);
  expect(after.find((d) => d.kind === 'one-pager')).toEqual(before[0]);
  await expectBlobsMatchRows(after);
  expect(tempUploads(backend.dataDir)).toEqual([]);
  console.log(`${backend.name}: upload killed after ${pauseAt / MIB} of ${payload / MIB} MiB`);
  return { server, offer, documents: after };
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!clusterInfo())('co-sell tab writes killed (SIGKILL), on PostgreSQL', () => {
  let server: Cosell | undefined;
  let admin: pg.Client | undefined;

  afterEach(async () => {
    await admin?.end().catch(() => {});
    if (server) {
      // cosell's log is written asynchronously: all of it is there once the process exited.
      const stopped = await server.stop();
      expectNoUnhandledErrors(server);
      expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
    }
    server = undefined;
  });

  async function postgresBackend(prefix: string, env: Record<string, string> = {}) {
    await ensurePgUp();
    const db = await freshDatabase(prefix);
    const client = await adminClient(db.name);
    admin = client;
    const dataDir = tmpDir('data');
    const backend: Backend & { dataDir: string } = {
      name: 'postgres',
      dataDir,
      start: (name) =>
        startCosell({ name, env: { DATABASE_URL: db.url, DATA_DIR: dataDir, ...env } }),
      afterKill: async () => {
        await waitFor(
          'the killed process’s database sessions gone',
          async () => (await cosellBackends(client, db.name)).length === 0,
        );
      },
      writing: async () =>
        (await cosellBackends(client, db.name)).some((b) => b.backend_xid !== null),
      query: (sql, params) => client.query(sql, params as unknown[]),
    };
    return { backend, db, client };
  }

  it('1a. SIGKILL while a 20,000-row import is confirmed, with every row written but not committed: the old list, the import still pending and confirmable', async () => {
    const { backend, db, client } = await postgresBackend('tabapply');
    const first = await backend.start('postgres-apply-locked-0');
    const offer = await createOffer(
      first.url,
      await partnerOwner(first.url, await setUp(first.url)),
    );
    let base = first.url;
    const tab = cosellTab(() => base, offer);
    const old = contactsFile(unique('old'), ROWS);
    const initial = await tab.stage(old.body);
    expect((await tab.apply(initial.json.import.id)).status).toBe(200);
    const { version } = await tab.contacts();
    const next = contactsFile(unique('new'), ROWS);
    const staged = await tab.stage(next.body);
    expect(staged.status, staged.text.slice(0, 300)).toBe(201);

    // The audit entry is the confirmation's last write: holding its table stops the
    // transaction after the list was swapped, before it commits.
    const lock = await lockTable(db.name, 'audit_log');
    const pending = tab.apply(staged.json.import.id).catch((error: Error) => error);
    await waitFor('the confirmation blocked after its writes', async () =>
      (await cosellBackends(client, db.name)).some(
        (b) => b.wait_event_type === 'Lock' && b.backend_xid !== null,
      ),
    );
    const written = await client.query(
      "select count(*)::int n from contact_import_rows where import_id = $1 and side = 'previous'",
      [staged.json.import.id],
    );
    expect(written.rows[0], 'uncommitted rows are invisible to others').toEqual({ n: 0 });
    await first.kill('SIGKILL');
    expect(await pending, 'no answer from a killed process').toBeInstanceOf(Error);
    await lock.release();
    await backend.afterKill();

    server = await backend.start('postgres-apply-locked-1');
    base = server.url;
    const after = await tab.contacts();
    expect(whichList(after.emails, { old: old.emails, new: next.emails })).toBe('old');
    expect(after.version).toBe(version);
    const { rows } = await client.query('select state from contact_imports where id = $1', [
      staged.json.import.id,
    ]);
    expect(rows).toEqual([{ state: 'pending' }]);
    await expectContactInvariants(backend.query!);
    const applied = await tab.apply(staged.json.import.id);
    expect(applied.status, applied.text.slice(0, 300)).toBe(200);
    const now = await tab.contacts();
    expect(whichList(now.emails, { new: next.emails })).toBe('new');
    expect(now.version).toBe(version + 1);
    expect((await tab.apply(staged.json.import.id)).status, 'confirmed twice').toBe(409);
    await expectContactInvariants(backend.query!);
  });

  it('1b. SIGKILL at a random moment of confirming a 20,000-row import (three rounds): the old or the new list entirely, version and import state agree', async () => {
    const { backend } = await postgresBackend('tabapply');
    server = await killDuringApply(backend, 3, ROWS);
  });

  it('2. SIGKILL in the middle of a 200 MB upload: no row, no blob, the temp file swept once abandoned, uploads work', async () => {
    const { backend } = await postgresBackend('tabupload', { UPLOAD_VIDEO_MAX_MB: '300' });
    ({ server } = await killDuringUpload(backend));
  });

  it('2c. SIGKILL after an upload’s blob is stored, before its row commits: no row, the documents unchanged, the upload can be redone', async () => {
    const { backend, db, client } = await postgresBackend('tabblob');
    const first = await backend.start('postgres-blob-0');
    const offer = await createOffer(
      first.url,
      await partnerOwner(first.url, await setUp(first.url)),
    );
    let base = first.url;
    const tab = cosellTab(() => base, offer);
    const blobDir = path.join(backend.dataDir, 'blobs');

    // The audit entry is storeDocument's last write: the blob is in place, the row inserted
    // but not committed.
    const lock = await lockTable(db.name, 'audit_log');
    const pending = tab.upload('one-pager', 'One pager.pdf', samplePdf()).catch((e: Error) => e);
    await waitFor(
      'the upload blocked after its blob and row',
      async () =>
        filesUnder(blobDir).length === 1 &&
        (await cosellBackends(client, db.name)).some(
          (b) => b.wait_event_type === 'Lock' && b.backend_xid !== null,
        ),
    );
    await first.kill('SIGKILL');
    expect(await pending, 'no answer from a killed process').toBeInstanceOf(Error);
    await lock.release();
    await backend.afterKill();

    server = await backend.start('postgres-blob-1');
    base = server.url;
    expect(await tab.documents(), 'no document half-recorded').toEqual([]);
    expect((await client.query('select count(*)::int n from offer_documents')).rows[0]).toEqual({
      n: 0,
    });
    const uploaded = await tab.upload('one-pager', 'One pager.pdf', samplePdf());
    expect(uploaded.status, uploaded.text.slice(0, 300)).toBe(201);
    const documents = await tab.documents();
    expect(documents.map((d) => d.kind)).toEqual(['one-pager']);
    // Every row names a blob that is there…
    const stored = filesUnder(blobDir);
    expect(stored).toContain(blobKeyOf(offer, documents[0]!.id));
    // …but the killed upload's blob has no row, and nothing reconciles it (documents.service.ts
    // accepts "at most an unreferenced blob"): reported, not failed, until a sweep exists.
    const orphans = stored.filter((key) => key !== blobKeyOf(offer, documents[0]!.id));
    if (orphans.length)
      console.log(
        `${orphans.length} blob(s) without a row after the kill (left to the maintenance sweep): ${orphans}`,
      );
  });
});

describe('co-sell tab writes killed (SIGKILL), on embedded PGlite', () => {
  let server: Cosell | undefined;

  afterEach(async () => {
    if (server) {
      // cosell's log is written asynchronously: all of it is there once the process exited.
      const stopped = await server.stop();
      expectNoUnhandledErrors(server);
      expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
    }
    server = undefined;
  });

  function pgliteBackend(env: Record<string, string> = {}): Backend & { dataDir: string } {
    const dataDir = tmpDir('pglite');
    return {
      name: 'pglite',
      dataDir,
      start: (name) =>
        startCosell({ name, env: { DATA_DIR: dataDir, ...env }, readyTimeoutMs: 60_000 }),
      afterKill: async () => {},
      writing: async () => null,
      query: null,
    };
  }

  /** Stops cosell and opens its data folder directly (as superuser). */
  async function withStoppedPglite<T>(dataDir: string, work: (query: Query) => Promise<T>) {
    const stopped = await server!.stop();
    expectNoUnhandledErrors(server!);
    server = undefined;
    expect(stopped).toEqual({ code: 0, signal: null });
    const pglite = new PGlite(path.join(dataDir, 'pglite'));
    try {
      return await work(async (sql, params) => ({
        rows: (await pglite.query<Record<string, unknown>>(sql, params as unknown[])).rows,
      }));
    } finally {
      await pglite.close();
    }
  }

  it('1c. SIGKILL at a random moment of confirming a 10,000-row import on PGlite (two rounds): the old or the new list entirely, version and import state agree', async () => {
    const backend = pgliteBackend();
    server = await killDuringApply(backend, 2, PGLITE_ROWS);
    await withStoppedPglite(backend.dataDir, async (query) => {
      await expectContactInvariants(query);
      await expectInvariants(query);
      const { rows } = await query(
        'select state, count(*)::int n from contact_imports group by state order by state',
      );
      expect(rows, 'only the last import (undoable) is kept').toEqual([{ state: 'applied', n: 1 }]);
    });
  });

  it('2b. SIGKILL in the middle of a 200 MB upload on PGlite: no row, no blob, the temp file swept once abandoned, uploads work', async () => {
    const backend = pgliteBackend({ UPLOAD_VIDEO_MAX_MB: '300' });
    const result = await killDuringUpload(backend);
    server = result.server;
    await withStoppedPglite(backend.dataDir, async (query) => {
      const { rows } = await query('select blob_key from offer_documents order by blob_key');
      const keys = rows.map((r) => r.blob_key);
      expect(keys).toEqual(result.documents.map((d) => blobKeyOf(result.offer, d.id)).sort());
      expect(filesUnder(path.join(backend.dataDir, 'blobs'))).toEqual(keys);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe.skipIf(!clusterInfo())('PostgreSQL restarted under the co-sell tab', () => {
  let db: { name: string; url: string };
  let server: Cosell;
  let offer: OfferRef;
  let tab: ReturnType<typeof cosellTab>;
  /** The list the offer has now, and its version. */
  let current: ContactsFile;
  let version: number;

  beforeAll(async () => {
    await ensurePgUp();
    db = await freshDatabase('tabrestart');
    server = await startCosell({
      name: 'tab-restart',
      env: { DATABASE_URL: db.url, DATA_DIR: tmpDir('data') },
    });
    offer = await createOffer(server.url, await partnerOwner(server.url, await setUp(server.url)));
    tab = cosellTab(() => server.url, offer);
    current = contactsFile(unique('start'), ROWS);
    const staged = await tab.stage(current.body);
    expect(staged.status, staged.text.slice(0, 300)).toBe(201);
    const applied = await tab.apply(staged.json.import.id);
    expect(applied.status, applied.text.slice(0, 300)).toBe(200);
    version = applied.json.contactsVersion;
  });

  // A scenario that failed half-way must not leave the cluster down for the next one.
  afterEach(() => ensurePgUp());

  afterAll(async () => {
    if (server) {
      const stopped = await server.stop();
      expectNoUnhandledErrors(server);
      expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
    }
  });

  async function withAdmin<T>(work: (query: Query) => Promise<T>) {
    const admin = await adminClient(db.name);
    try {
      return await work((sql, params) => admin.query(sql, params as unknown[]));
    } finally {
      await admin.end().catch(() => {});
    }
  }

  /** After the fault, the same process: ready again, and the rows consistent. */
  async function expectRecovered(pid: number | undefined) {
    expectAlive(server);
    expect(server.child.pid, 'the same process').toBe(pid);
    await waitFor(
      '/readyz 200 again',
      async () => (await request(server.url, 'GET', '/readyz', { timeoutMs: 3000 })).status === 200,
      20_000,
      100,
    );
    await withAdmin(async (query) => {
      await expectContactInvariants(query);
      await expectInvariants(query);
    });
  }

  /** The answer to a request cut by the restart: the 2xx it asked for, or a 503 problem. */
  function expectAnsweredHonestly(answer: Answer | Error, success: number, what: string) {
    expect(answer, `${what}: cosell must answer`).not.toBeInstanceOf(Error);
    const { status, json, text } = answer as Answer;
    expect(
      status === success || (status === 503 && json?.code === 'UNAVAILABLE'),
      `${what}: ${status} ${text.slice(0, 300)}`,
    ).toBe(true);
  }

  /** Confirms `importId` (after a fault: again) and checks the list became `next`. */
  async function confirm(importId: string, next: ContactsFile) {
    const applied = await tab.apply(importId);
    expect(applied.status, applied.text.slice(0, 300)).toBe(200);
    const after = await tab.contacts();
    expect(whichList(after.emails, { new: next.emails })).toBe('new');
    expect(after.version).toBe(version + 1);
    version += 1;
    current = next;
  }

  it('3a. PostgreSQL restarted (fast) while a 20,000-row file is staged: 201 or 503, the contacts untouched, a retry imports', async () => {
    const pid = server.child.pid;
    const next = contactsFile(unique('staged'), ROWS);
    const stageRequest = tab.stage(next.body).catch((error: Error) => error);
    // Rows are staged in batches of 2,000 in short transactions: restart once some are in.
    const stagedRows = () =>
      withAdmin(async (query) => {
        const { rows } = await query(
          `select count(*)::int n from contact_import_rows r join contact_imports i on i.id = r.import_id
            where i.offer_id = $1 and i.state = 'pending' and r.side = 'incoming'`,
          [offer.offerId],
        );
        return rows[0]!.n as number;
      });
    await waitFor('the first staged rows', async () => (await stagedRows()) > 0, 20_000, 10);
    const delay = randomBetween(0, 150);
    await sleep(delay);
    await pgRestart('fast');
    const answer = await stageRequest;
    expectAnsweredHonestly(answer, 201, 'staging during the restart');
    await expectRecovered(pid);

    // Staging never touches the contacts.
    const after = await tab.contacts();
    expect(whichList(after.emails, { old: current.emails })).toBe('old');
    expect(after.version).toBe(version);

    // What the cut-off staging left: an import nobody was told about, with some of its rows.
    const cutOff = await withAdmin(
      async (query) =>
        (
          await query(
            `select count(*)::int imports, coalesce(sum((select count(*) from contact_import_rows r
                where r.import_id = i.id)), 0)::int rows
               from contact_imports i where i.offer_id = $1 and i.state = 'pending'`,
            [offer.offerId],
          )
        ).rows[0]!,
    );
    const status = (answer as Answer).status;
    let importId: string;
    if (status === 201) {
      importId = (answer as Answer).json.import.id;
    } else {
      // Refused: stage the file again. Whatever the cut-off staging left is pruned by it.
      const again = await tab.stage(next.body);
      expect(again.status, again.text.slice(0, 300)).toBe(201);
      importId = again.json.import.id;
      const leftovers = await withAdmin(
        async (query) =>
          (
            await query(
              "select id from contact_imports where offer_id = $1 and state = 'pending' and id <> $2",
              [offer.offerId, importId],
            )
          ).rows,
      );
      expect(leftovers, 'a cut-off staging is pruned by the next one').toEqual([]);
    }
    await confirm(importId, next);
    console.log(
      `staging: PostgreSQL restarted ${delay} ms after the first rows → ${status}; ` +
        `pending afterwards: ${cutOff.imports} import(s), ${cutOff.rows} staged rows`,
    );
  });

  it('3b. PostgreSQL crashed (immediate) while a confirmation has every row written but not committed: 503, the old list, the retry confirms', async () => {
    const pid = server.child.pid;
    const next = contactsFile(unique('locked'), ROWS);
    const staged = await tab.stage(next.body);
    expect(staged.status, staged.text.slice(0, 300)).toBe(201);
    const importId = staged.json.import.id as string;

    const lock = await lockTable(db.name, 'audit_log');
    const applyRequest = tab.apply(importId).catch((error: Error) => error);
    await withAdmin((query) =>
      waitFor(
        'the confirmation blocked after its writes',
        async () =>
          (
            await query(
              `select 1 from pg_stat_activity where application_name = 'cosell' and datname = $1
              and wait_event_type = 'Lock' and backend_xid is not null`,
              [db.name],
            )
          ).rows.length > 0,
      ),
    );
    await pgRestart('immediate');
    await lock.release(); // its connection is gone with the crash
    const answer = await applyRequest;
    expectAnsweredHonestly(answer, 200, 'confirmation during the crash');
    expect((answer as Answer).status, 'an uncommitted confirmation cannot succeed').toBe(503);
    await expectRecovered(pid);

    const after = await tab.contacts();
    expect(whichList(after.emails, { old: current.emails, new: next.emails })).toBe('old');
    expect(after.version).toBe(version);
    await confirm(importId, next);
    expect((await tab.apply(importId)).status, 'confirmed twice').toBe(409);
  });

  it('3c. PostgreSQL restarted (fast) at a random moment of a confirmation (three rounds): 200 or 503, the old or the new list entirely, the retry confirms', async () => {
    const pid = server.child.pid;
    const results: string[] = [];
    for (let round = 1; round <= 3; round++) {
      const next = contactsFile(unique(`restart${round}`), ROWS);
      const staged = await tab.stage(next.body);
      expect(staged.status, staged.text.slice(0, 300)).toBe(201);
      const importId = staged.json.import.id as string;

      const applyRequest = tab.apply(importId).catch((error: Error) => error);
      const delay = randomBetween(100, 1300);
      await sleep(delay);
      await pgRestart('fast');
      const answer = await applyRequest;
      expectAnsweredHonestly(answer, 200, `round ${round}: confirmation during the restart`);
      await expectRecovered(pid);

      const after = await tab.contacts();
      const list = whichList(after.emails, { old: current.emails, new: next.emails });
      expect(list, `round ${round}: the contacts after the restart`).toMatch(/^(old|new)$/);
      const status = (answer as Answer).status;
      if (status === 200) expect(list, 'an acknowledged confirmation was kept').toBe('new');
      if (list === 'old') {
        expect(after.version).toBe(version);
        await confirm(importId, next);
      } else {
        expect(after.version).toBe(version + 1);
        expect((await tab.apply(importId)).status, 'confirmed twice').toBe(409);
        version += 1;
        current = next;
      }
      results.push(`restart after ${delay} ms → ${status}, ${list} list`);
    }
    console.log(`confirmation under restarts:\n  ${results.join('\n  ')}`);
  });
});
