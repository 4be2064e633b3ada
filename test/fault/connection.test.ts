/**
 * Fault scenarios on single connections: a backend terminated in the middle of a multi-row
 * transaction (deterministically, and at random under load), and idle pool connections
 * terminated by the server.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accept,
  adminClient,
  api,
  clusterInfo,
  cosellBackends,
  ensurePgUp,
  expectAcknowledgedWritesPresent,
  expectAlive,
  expectInvariants,
  expectNoUnhandledErrors,
  expectUnavailable,
  freshDatabase,
  lockTable,
  outcome,
  partnerWithInvitations,
  request,
  setupBody,
  sessionOf,
  sleep,
  stream,
  tally,
  terminate,
  unexpectedAnswers,
  waitFor,
  type Cosell,
  type Session,
  startCosell,
} from './harness';

describe.skipIf(!clusterInfo())('PostgreSQL connection faults', () => {
  let db: { name: string; url: string };
  let server: Cosell;
  let admin: pg.Client;
  let session: Session;
  const query = (sql: string, params?: unknown[]) => admin.query(sql, params as unknown[]);

  beforeAll(async () => {
    await ensurePgUp();
    db = await freshDatabase('conn');
    server = await startCosell({ name: 'connection', env: { DATABASE_URL: db.url } });
    admin = await adminClient(db.name);
  });

  afterAll(async () => {
    await admin?.end().catch(() => {});
    if (server) {
      expectNoUnhandledErrors(server);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
  });

  it('1a. set-up killed mid-transaction (pg_terminate_backend): 503 problem, no row of it committed, the retry succeeds', async () => {
    // The set-up writes organisation, program, user, membership, then the audit entry: with
    // the audit table locked it stops there, its first four rows written but not committed.
    const lock = await lockTable(db.name, 'audit_log');
    const pending = request(server.url, 'POST', '/api/setup', { body: setupBody() });
    const victim = await waitFor('the set-up transaction blocked mid-way', async () =>
      (await cosellBackends(admin, db.name)).find(
        (b) => b.wait_event_type === 'Lock' && b.backend_xid,
      ),
    );
    await terminate(admin, [victim.pid]);
    const answer = await pending;
    await lock.release();
    expectUnavailable(answer, 'set-up whose connection died');

    const { rows } =
      await query(`select (select count(*) from organisations) o, (select count(*) from programs) p,
      (select count(*) from users) u, (select count(*) from memberships) m, (select count(*) from audit_log) a,
      (select count(*) from sessions) s`);
    expect(rows[0]).toEqual({ o: '0', p: '0', u: '0', m: '0', a: '0', s: '0' });
    expectAlive(server);

    expect((await request(server.url, 'GET', '/api/setup')).json).toEqual({ needed: true });
    const retried = await request(server.url, 'POST', '/api/setup', { body: setupBody() });
    expect(retried.status).toBe(201);
    session = sessionOf(retried);
    await expectInvariants(query);
  });

  it('1b. invitation acceptance killed mid-transaction: 503, invitation still open, no user or membership; the link then works once', async () => {
    const { organisationId, invitations } = await partnerWithInvitations(server.url, session, 1);
    const invitation = invitations[0]!;
    const lock = await lockTable(db.name, 'audit_log');
    const pending = accept(server.url, invitation.token);
    const victim = await waitFor('the acceptance blocked mid-way', async () =>
      (await cosellBackends(admin, db.name)).find(
        (b) => b.wait_event_type === 'Lock' && b.backend_xid,
      ),
    );
    await terminate(admin, [victim.pid]);
    const answer = await pending;
    await lock.release();
    expectUnavailable(answer, 'acceptance whose connection died');

    const state = await query(
      `select (select accepted_at from invitations where id = $1) accepted_at,
              (select count(*) from users where email = $2) users,
              (select count(*) from memberships where organisation_id = $3) memberships,
              (select count(*) from audit_log where action = 'invitation.accept') entries`,
      [invitation.id, invitation.email, organisationId],
    );
    expect(state.rows[0]).toEqual({
      accepted_at: null,
      users: '0',
      memberships: '0',
      entries: '0',
    });

    expect((await accept(server.url, invitation.token)).status).toBe(200);
    expect((await accept(server.url, invitation.token)).status).toBe(410);
    await expectInvariants(query);
    expectAlive(server);
  });

  it('1c. backends terminated at random while acceptances stream: every answer 200 or 503, never partial, and the process survives', async () => {
    const { invitations } = await partnerWithInvitations(server.url, session, 40);
    let done = false;
    let kills = 0;
    let killsMidWrite = 0;
    // The killer: polls cosell's backends and terminates, at random, those in the middle of a
    // transaction: most of those that have written (they hold an xid), a few of those idle in
    // one. Some acceptances must get through. Bounded in kills and time.
    const killer = (async () => {
      const deadline = Date.now() + 30_000;
      while (!done && Date.now() < deadline && kills < 20) {
        const victims = (await cosellBackends(admin, db.name)).filter((b) =>
          b.backend_xid
            ? Math.random() < 0.7
            : b.state === 'idle in transaction' && Math.random() < 0.15,
        );
        if (victims.length) {
          await terminate(
            admin,
            victims.map((v) => v.pid),
          );
          kills += victims.length;
          killsMidWrite += victims.filter((v) => v.backend_xid).length;
        }
        await sleep(Math.random() * 2);
      }
    })();
    const outcomes = await stream({
      workers: 4,
      maxOps: invitations.length,
      maxMs: 60_000,
      op: (i) =>
        outcome('accept', invitations[i]!.email, () => accept(server.url, invitations[i]!.token)),
    });
    done = true;
    await killer;

    const counts = tally(outcomes);
    expect(unexpectedAnswers(outcomes), JSON.stringify(counts)).toEqual([]);
    expect(
      outcomes.filter((o) => o.status === null),
      'network errors',
    ).toEqual([]);
    console.log(
      `${kills} backends terminated mid-transaction (${killsMidWrite} after writing): ${JSON.stringify(counts)}`,
    );
    expect(kills, 'backends terminated mid-transaction').toBeGreaterThan(0);
    expect(counts['accept 503'] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts['accept 200'] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expectAlive(server);
    await expectInvariants(query);
    await expectAcknowledgedWritesPresent(query, outcomes);

    // Recovered by itself: a fresh acceptance succeeds.
    const more = await partnerWithInvitations(server.url, session, 1);
    expect((await accept(server.url, more.invitations[0]!.token)).status).toBe(200);
  });

  it('8. idle pool connections terminated by the server: no crash, the next requests succeed', async () => {
    const a = api(server.url, session);
    // Fill the pool with several connections, then let them go idle.
    const warm = await Promise.all(Array.from({ length: 8 }, () => a.get('/api/organisations')));
    expect(warm.map((r) => r.status)).toEqual(Array(8).fill(200));
    const idle = await waitFor('idle pooled connections', async () => {
      const list = (await cosellBackends(admin, db.name)).filter((b) => b.state === 'idle');
      return list.length >= 2 ? list : null;
    });
    await terminate(
      admin,
      idle.map((b) => b.pid),
    );
    await waitFor('terminated backends gone', async () => {
      const pids = new Set((await cosellBackends(admin, db.name)).map((b) => b.pid));
      return idle.every((b) => !pids.has(b.pid));
    });
    await sleep(200);
    expectAlive(server);
    const after = await Promise.all(Array.from({ length: 8 }, () => a.get('/api/organisations')));
    expect(after.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect((await request(server.url, 'GET', '/readyz')).status).toBe(200);
  });
});
