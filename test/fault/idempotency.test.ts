/**
 * Idempotent answers commit with the work (ADR 005): a creating request under an
 * Idempotency-Key stores its answer in the same transaction as what it creates. The scenario
 * stops the request where the work is done and its answer about to be stored, kills cosell
 * (SIGKILL), lets the key's lease end and retries: the retry creates the offer once, and a
 * second retry replays that answer. Were the answer stored after the work committed, the retry
 * would run the work a second time.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { partnerOwner } from './cosell-tab-api';
import {
  adminClient,
  clusterInfo,
  cosellBackends,
  ensurePgUp,
  expectNoUnhandledErrors,
  freshDatabase,
  lockTable,
  request,
  setUp,
  startCosell,
  tmpDir,
  unique,
  waitFor,
  type Cosell,
} from './harness';

describe.runIf(clusterInfo())('an Idempotency-Key request killed around its commit', () => {
  let server: Cosell | undefined;
  const clients: pg.Client[] = [];

  afterEach(async () => {
    if (server?.alive()) {
      await server.stop();
      expectNoUnhandledErrors(server);
    }
    server = undefined;
    for (const client of clients.splice(0)) await client.end().catch(() => {});
  });

  it('8. SIGKILL once the offer is written and its answer about to be stored: after the lease, one retry creates it once and the next replays it', async () => {
    await ensurePgUp();
    const db = await freshDatabase('idem');
    const admin = await adminClient(db.name);
    clients.push(admin);
    const env = { DATABASE_URL: db.url, DATA_DIR: tmpDir('data') };
    server = await startCosell({ name: 'postgres-idempotency', env });
    const owner = await partnerOwner(server.url, await setUp(server.url));

    const alias = unique('idem');
    const key = randomUUID();
    const create = (base: string) =>
      request(base, 'POST', `/api/organisations/${owner.organisationId}/offers`, {
        body: { name: `Offer ${alias}`, alias, offerType: 'saas', markets: ['US'] },
        cookie: owner.session.cookie,
        csrf: owner.session.csrf,
        headers: { 'idempotency-key': key },
        timeoutMs: 30_000,
      });
    const offersNamed = async () =>
      (await admin.query('select id from offers where alias = $1', [alias])).rows.length;
    const lockWaits = async () =>
      (await cosellBackends(admin, db.name)).filter((b) => b.wait_event_type === 'Lock').length;

    // The offers table is held, so the request waits inside its work once it claimed the key.
    const offersHeld = await lockTable(db.name, 'offers');
    const first = create(server.url).catch((error: unknown) => error);
    await waitFor(
      'the key claimed',
      async () => (await admin.query('select 1 from idempotency_keys')).rows.length === 1,
    );
    // The key's row is held: whichever statement stores the answer waits on it.
    const keyHolder = await adminClient(db.name);
    clients.push(keyHolder);
    await keyHolder.query('begin');
    await keyHolder.query('select * from idempotency_keys for update');
    await offersHeld.release();
    await waitFor('the answer waiting to be stored', async () => (await lockWaits()) === 1);

    const killed = await server.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    expect(await first).toBeInstanceOf(Error);
    await keyHolder.query('commit');
    // Nothing of the killed request is visible: neither the offer nor an answer to replay.
    expect(await offersNamed()).toBe(0);

    // The key's lease (a minute) ends: a retry may take the abandoned claim over.
    await admin.query(`update idempotency_keys set created_at = created_at - interval '2 minutes'`);
    server = await startCosell({ name: 'postgres-idempotency-restarted', env });
    const retry = await create(server.url);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await offersNamed()).toBe(1);

    const replay = await create(server.url);
    expect(replay.status, replay.text).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json.id).toBe(retry.json.id);
    expect(replay.headers.etag).toBe(retry.headers.etag);
    expect(replay.headers.location).toBe(retry.headers.location);
    expect(await offersNamed()).toBe(1);
  });
});
