/**
 * cosell killed (SIGKILL) in the middle of multi-row writes, on PostgreSQL and on embedded
 * PGlite, then started again on the same data: it starts, no use case is half-written, and
 * every write it had acknowledged is there.
 */
import { PGlite } from '@electric-sql/pglite';
import path from 'node:path';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  accept,
  adminClient,
  api,
  clusterInfo,
  cosellBackends,
  ensurePgUp,
  expectAcknowledgedWritesPresent,
  expectInvariants,
  expectNoUnhandledErrors,
  freshDatabase,
  lockTable,
  outcome,
  partnerWithInvitations,
  setUp,
  sleep,
  startCosell,
  stream,
  tally,
  tmpDir,
  unexpectedAnswers,
  unique,
  waitFor,
  type Cosell,
  type Outcome,
  type Query,
  type Session,
} from './harness';

/** Mixed multi-row writes (create organisation, invite, accept) from `workers` loops. */
function writeStream(
  server: Cosell,
  session: Session,
  organisationId: string,
  invitations: { email: string; token: string }[],
  stop: () => boolean,
) {
  const a = api(server.url, session, 10_000);
  return stream({
    workers: 4,
    maxOps: 400,
    maxMs: 20_000,
    stop,
    op: (i): Promise<Outcome> => {
      switch (i % 3) {
        case 0: {
          const name = unique('Org');
          return outcome('create-organisation', name, () => a.createOrganisation(name));
        }
        case 1: {
          const email = `${unique('invitee')}@partner.test`;
          return outcome('invite', email, () => a.invite(organisationId, email));
        }
        default: {
          const invitation = invitations[Math.floor(i / 3)];
          if (!invitation)
            return outcome('read', 'organisations', () => a.get('/api/organisations'));
          return outcome('accept', invitation.email, () =>
            accept(server.url, invitation.token, 'Invited', 10_000),
          );
        }
      }
    },
  });
}

/** Runs the write stream and SIGKILLs cosell after `killAfterMs`; returns what was answered. */
async function killDuringWrites(
  server: Cosell,
  session: Session,
  organisationId: string,
  invitations: { email: string; token: string }[],
  killAfterMs: number,
) {
  let killed = false;
  const killer = (async () => {
    await sleep(killAfterMs);
    killed = true;
    expect(server.alive(), 'cosell was running until the kill').toBe(true);
    await server.kill('SIGKILL');
  })();
  const outcomes = await writeStream(server, session, organisationId, invitations, () => killed);
  await killer;
  const counts = tally(outcomes);
  // Before the kill: 2xx (or 410 for an invitation accepted twice); the kill itself shows as a network error.
  expect(
    unexpectedAnswers(outcomes, (o) => o.op === 'accept' && o.status === 410),
    JSON.stringify(counts),
  ).toEqual([]);
  expect(
    outcomes.filter((o) => o.status !== null && o.status < 300).length,
    `writes before the kill: ${JSON.stringify(counts)}`,
  ).toBeGreaterThan(0);
  console.log(`killed after ${killAfterMs} ms: ${JSON.stringify(counts)}`);
  return outcomes;
}

const randomBetween = (min: number, max: number) => Math.round(min + Math.random() * (max - min));

describe.skipIf(!clusterInfo())('cosell killed during writes, on PostgreSQL', () => {
  let server: Cosell | undefined;
  let admin: pg.Client | undefined;

  afterEach(async () => {
    await admin?.end().catch(() => {});
    if (server) {
      expectNoUnhandledErrors(server);
      await server.stop();
    }
  });

  it('6a. SIGKILL while five use cases are each half-way through their transaction: after a restart none of them is there, all can be redone', async () => {
    await ensurePgUp();
    const db = await freshDatabase('crashpg');
    admin = await adminClient(db.name);
    const query: Query = (sql, params) => admin!.query(sql, params as unknown[]);
    const first = await startCosell({ name: 'crash-pg-a', env: { DATABASE_URL: db.url } });
    const session = await setUp(first.url);
    const a = api(first.url, session);
    const { invitations } = await partnerWithInvitations(first.url, session, 3);

    const lock = await lockTable(db.name, 'audit_log');
    const pending = [
      ...invitations.map((i) => accept(first.url, i.token).catch((error: Error) => error)),
      a.createOrganisation('Half Written One').catch((error: Error) => error),
      a.createOrganisation('Half Written Two').catch((error: Error) => error),
    ];
    await waitFor(
      'five transactions blocked half-way',
      async () =>
        (await cosellBackends(admin!, db.name)).filter(
          (b) => b.wait_event_type === 'Lock' && b.backend_xid,
        ).length === 5,
    );
    await first.kill('SIGKILL');
    expect(
      (await Promise.all(pending)).every((r) => r instanceof Error),
      'no answer from a killed process',
    ).toBe(true);
    // Released: the orphaned backends finish their statement, find their client gone and roll back.
    await lock.release();
    await waitFor(
      'the dead process’s backends gone',
      async () => (await cosellBackends(admin!, db.name)).length === 0,
    );

    server = await startCosell({ name: 'crash-pg-b', env: { DATABASE_URL: db.url } });
    const state =
      await query(`select (select count(*)::int from organisations where name like 'Half Written%') orgs,
      (select count(*)::int from invitations where accepted_at is not null) accepted, (select count(*)::int from users) users`);
    expect(state.rows[0]).toEqual({ orgs: 0, accepted: 0, users: 1 });
    await expectInvariants(query);
    for (const invitation of invitations)
      expect((await accept(server.url, invitation.token)).status).toBe(200);
    const b = api(server.url, session);
    expect((await b.createOrganisation('Half Written One')).status).toBe(201);
    await expectInvariants(query);
  });

  it('6b. SIGKILL at a random moment of a stream of multi-row writes (twice): restarts, invariants hold, acknowledged writes kept', async () => {
    await ensurePgUp();
    const db = await freshDatabase('crashpg');
    admin = await adminClient(db.name);
    const query: Query = (sql, params) => admin!.query(sql, params as unknown[]);
    let current = await startCosell({ name: 'crash-pg-stream-0', env: { DATABASE_URL: db.url } });
    const session = await setUp(current.url);
    const all: Outcome[] = [];
    for (let round = 1; round <= 2; round++) {
      const { organisationId, invitations } = await partnerWithInvitations(
        current.url,
        session,
        30,
      );
      all.push(
        ...(await killDuringWrites(
          current,
          session,
          organisationId,
          invitations,
          randomBetween(300, 1200),
        )),
      );
      current = await startCosell({
        name: `crash-pg-stream-${round}`,
        env: { DATABASE_URL: db.url },
      });
      await expectInvariants(query);
      await expectAcknowledgedWritesPresent(query, all);
    }
    server = current;
    expect((await api(server.url, session).createOrganisation(unique('After'))).status).toBe(201);
  });
});

describe('cosell killed during writes, on embedded PGlite', () => {
  let server: Cosell | undefined;

  afterEach(async () => {
    if (server) {
      expectNoUnhandledErrors(server);
      await server.stop();
    }
  });

  it('7. SIGKILL during a stream of writes on PGlite (twice), restart on the same DATA_DIR: starts, invariants hold, acknowledged writes kept', async () => {
    const dataDir = tmpDir('pglite');
    const env = { DATA_DIR: dataDir };
    let current = await startCosell({ name: 'crash-pglite-0', env, readyTimeoutMs: 60_000 });
    const session = await setUp(current.url);
    const all: Outcome[] = [];
    for (let round = 1; round <= 2; round++) {
      const { organisationId, invitations } = await partnerWithInvitations(
        current.url,
        session,
        20,
      );
      all.push(
        ...(await killDuringWrites(
          current,
          session,
          organisationId,
          invitations,
          randomBetween(400, 1500),
        )),
      );
      current = await startCosell({ name: `crash-pglite-${round}`, env, readyTimeoutMs: 60_000 });
      // The session survived too, and writes work again.
      expect((await api(current.url, session).createOrganisation(unique('After'))).status).toBe(
        201,
      );
    }
    server = current;
    const stopped = await server.stop();
    server = undefined;
    expect(stopped).toEqual({ code: 0, signal: null });

    // The data folder, opened directly (as superuser): consistent and complete.
    const pglite = new PGlite(path.join(dataDir, 'pglite'));
    try {
      const query: Query = async (sql, params) => ({
        rows: (await pglite.query<Record<string, unknown>>(sql, params as unknown[])).rows,
      });
      await expectInvariants(query);
      await expectAcknowledgedWritesPresent(query, all);
    } finally {
      await pglite.close();
    }
  });
});
