/**
 * Fault scenarios on cosell's own limits: a statement that must wait for a lock longer than
 * STATEMENT_TIMEOUT_MS, and a pool of one connection held by a long lock wait. Both must end
 * in a bounded 503, with nothing written, and recover once the lock is gone.
 */
import type pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accept,
  adminClient,
  api,
  clusterInfo,
  cosellBackends,
  ensurePgUp,
  expectAlive,
  expectInvariants,
  expectNoUnhandledErrors,
  expectUnavailable,
  freshDatabase,
  lockTable,
  partnerWithInvitations,
  request,
  setUp,
  startCosell,
  waitFor,
  type Cosell,
} from './harness';

describe.skipIf(!clusterInfo())('statement timeout and pool exhaustion', () => {
  let db: { name: string; url: string };
  let server: Cosell | undefined;
  let admin: pg.Client;
  const query = (sql: string, params?: unknown[]) => admin.query(sql, params as unknown[]);
  const releases: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    await ensurePgUp();
    db = await freshDatabase('limits');
    admin = await adminClient(db.name);
  });

  afterEach(async () => {
    for (const release of releases.splice(0)) await release();
    await admin.end().catch(() => {});
    if (server) {
      expectNoUnhandledErrors(server);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
      server = undefined;
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('4. STATEMENT_TIMEOUT_MS exceeded while a lock held by another transaction makes a write wait mid-way: 503 problem, nothing written, then the write succeeds', async () => {
    server = await startCosell({
      name: 'statement-timeout',
      env: { DATABASE_URL: db.url, STATEMENT_TIMEOUT_MS: '400' },
    });
    const session = await setUp(server.url);
    const a = api(server.url, session);
    const { invitations } = await partnerWithInvitations(server.url, session, 1);
    // Another transaction holds the audit table: every use case blocks at its audit entry,
    // after its other rows are written.
    const lock = await lockTable(db.name, 'audit_log');
    releases.push(lock.release);
    const started = Date.now();
    const created = await a.createOrganisation('Timed Out Partner');
    const accepted = await accept(server.url, invitations[0]!.token);
    expectUnavailable(created, 'create organisation past the statement timeout');
    expectUnavailable(accepted, 'accept invitation past the statement timeout');
    expect(Date.now() - started, 'both answered within a few statement timeouts').toBeLessThan(
      5000,
    );
    expect(server.output()).toMatch(/statement timeout/);
    await lock.release();

    const state = await query(
      `select (select count(*)::int from organisations where name = 'Timed Out Partner') orgs,
      (select accepted_at from invitations where id = $1) accepted_at, (select count(*)::int from users) users`,
      [invitations[0]!.id],
    );
    expect(state.rows[0]).toEqual({ orgs: 0, accepted_at: null, users: 1 });
    expect((await a.createOrganisation('Timed Out Partner')).status).toBe(201);
    expect((await accept(server.url, invitations[0]!.token)).status).toBe(200);
    await expectInvariants(query);
    expectAlive(server);
  });

  it('5. pool exhausted (DB_POOL_SIZE=1, its connection stuck in a lock wait): others get 503 within the connection timeout, not a hang; all recover when released', async () => {
    server = await startCosell({
      name: 'pool-exhaustion',
      env: { DATABASE_URL: db.url, DB_POOL_SIZE: '1', STATEMENT_TIMEOUT_MS: '60000' },
    });
    const session = await setUp(server.url);
    const a = api(server.url, session, 30_000);
    const lock = await lockTable(db.name, 'audit_log');
    releases.push(lock.release);
    const held = a.createOrganisation('Held Partner');
    await waitFor('the only connection stuck in a lock wait', async () =>
      (await cosellBackends(admin, db.name)).some((b) => b.wait_event_type === 'Lock'),
    );
    const [list, create, signIn, ready] = await Promise.all([
      a.get('/api/organisations'),
      a.createOrganisation('Starved Partner'),
      request(server.url, 'POST', '/api/session', {
        body: { email: 'admin@vendor.test', password: 'correct horse battery' },
        timeoutMs: 30_000,
      }),
      request(server.url, 'GET', '/readyz', { timeoutMs: 30_000 }),
    ]);
    for (const [what, answer] of Object.entries({ list, create, signIn })) {
      expectUnavailable(answer, what);
      // The pool's connection timeout is 5 s: the answer comes then, not never.
      expect(answer.ms, `${what} waited for a connection, then gave up`).toBeGreaterThan(3000);
      expect(answer.ms, `${what} bounded`).toBeLessThan(15_000);
    }
    expect(ready.status).toBe(503);
    expectAlive(server);

    await lock.release();
    expect((await held).status).toBe(201);
    expect((await a.get('/api/organisations')).status).toBe(200);
    expect((await request(server.url, 'GET', '/readyz')).status).toBe(200);
    expect((await a.createOrganisation('Starved Partner')).status).toBe(201);
    await expectInvariants(query);
  });
});
