/**
 * Fault scenarios where PostgreSQL itself goes away: restarted (cleanly and by crash) under a
 * stream of writes, and stopped for a while. cosell must answer 2xx-and-committed or 503, and
 * recover by itself: the same process, never restarted.
 */
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accept,
  adminClient,
  api,
  clusterInfo,
  ensurePgUp,
  expectAcknowledgedWritesPresent,
  expectAlive,
  expectInvariants,
  expectNoUnhandledErrors,
  expectUnavailable,
  freshDatabase,
  outcome,
  partnerWithInvitations,
  pgRestart,
  pgStop,
  pgUp,
  request,
  setUp,
  sleep,
  startCosell,
  stream,
  tally,
  unexpectedAnswers,
  unique,
  waitFor,
  type Cosell,
  type Outcome,
  type Session,
} from './harness';

describe.skipIf(!clusterInfo())('PostgreSQL outages', () => {
  let db: { name: string; url: string };
  let server: Cosell;
  let session: Session;

  beforeAll(async () => {
    await ensurePgUp();
    db = await freshDatabase('outage');
    server = await startCosell({ name: 'outage', env: { DATABASE_URL: db.url } });
    session = await setUp(server.url);
  });

  // A scenario that failed half-way must not leave the cluster down for the next one.
  afterEach(() => ensurePgUp());

  afterAll(async () => {
    if (server) {
      expectNoUnhandledErrors(server);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
  });

  async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>) {
    const admin = await adminClient(db.name);
    try {
      return await work(admin);
    } finally {
      await admin.end().catch(() => {});
    }
  }

  /** A mixed stream of multi-row writes and reads while `fault` runs, then a settling period. */
  async function writesDuring(fault: () => Promise<void>) {
    const a = api(server.url, session);
    const { organisationId, invitations } = await partnerWithInvitations(server.url, session, 60);
    let faultDoneAt = 0;
    const faultRun = (async () => {
      await sleep(400);
      await fault();
      faultDoneAt = Date.now();
    })();
    const outcomes = await stream({
      workers: 4,
      maxOps: 600,
      maxMs: 20_000,
      stop: () => faultDoneAt > 0 && Date.now() > faultDoneAt + 1000,
      op: (i): Promise<Outcome> => {
        switch (i % 4) {
          case 0: {
            const name = unique('Org');
            return outcome('create-organisation', name, () => a.createOrganisation(name));
          }
          case 1: {
            const email = `${unique('invitee')}@partner.test`;
            return outcome('invite', email, () => a.invite(organisationId, email));
          }
          case 2: {
            const invitation = invitations[Math.floor(i / 4) % invitations.length]!;
            return outcome('accept', invitation.email, () => accept(server.url, invitation.token));
          }
          default:
            return outcome('read', 'organisations', () => a.get('/api/organisations'));
        }
      },
    });
    await faultRun;
    return outcomes;
  }

  /** After the fault, without touching cosell: ready again, writes succeed, rows consistent. */
  async function expectRecovered(outcomes: Outcome[]) {
    const counts = tally(outcomes);
    // An invitation accepted twice in the stream answers 410 the second time: that is right.
    expect(
      unexpectedAnswers(outcomes, (o) => o.op === 'accept' && o.status === 410),
      JSON.stringify(counts),
    ).toEqual([]);
    expect(
      outcomes.filter((o) => o.status === null),
      'cosell must always answer',
    ).toEqual([]);
    expect(
      outcomes.filter((o) => o.status === 503).length,
      `the fault was felt: ${JSON.stringify(counts)}`,
    ).toBeGreaterThan(0);
    expectAlive(server);
    await waitFor(
      '/readyz 200 again',
      async () => (await request(server.url, 'GET', '/readyz', { timeoutMs: 3000 })).status === 200,
      20_000,
      100,
    );
    const created = await api(server.url, session).createOrganisation(unique('After'));
    expect(created.status).toBe(201);
    await withAdmin(async (admin) => {
      const query = (sql: string, params?: unknown[]) => admin.query(sql, params as unknown[]);
      await expectInvariants(query);
      await expectAcknowledgedWritesPresent(query, outcomes);
    });
    console.log(`fault stream: ${JSON.stringify(counts)}`);
  }

  it('2. PostgreSQL restarted (pg_ctl restart -m fast) under a stream of writes: 2xx-and-committed or 503, then recovers by itself', async () => {
    const pid = server.child.pid;
    const outcomes = await writesDuring(() => pgRestart('fast'));
    await expectRecovered(outcomes);
    expect(server.child.pid).toBe(pid);
  });

  it('2b. PostgreSQL crashed (pg_ctl restart -m immediate: crash recovery) under a stream of writes: no acknowledged write lost, recovers by itself', async () => {
    const outcomes = await writesDuring(() => pgRestart('immediate'));
    await expectRecovered(outcomes);
  });

  it('3. PostgreSQL stopped: /healthz 200, /readyz 503, API 503 problem+json with Retry-After, never 2xx; started again: recovers by itself', async () => {
    const a = api(server.url, session, 10_000);
    const { invitations } = await partnerWithInvitations(server.url, session, 1);
    const orgName = unique('Written-While-Down');
    await pgStop('fast');
    try {
      for (let round = 0; round < 2; round++) {
        expect((await request(server.url, 'GET', '/healthz')).status).toBe(200);
        const ready = await request(server.url, 'GET', '/readyz');
        expect({
          status: ready.status,
          body: ready.json,
          retryAfter: ready.headers['retry-after'],
        }).toEqual({
          status: 503,
          body: { status: 'unavailable' },
          retryAfter: '5',
        });
        const answers = {
          'list organisations': await a.get('/api/organisations'),
          'create organisation': await a.createOrganisation(orgName),
          'sign in': await request(server.url, 'POST', '/api/session', {
            body: { email: 'admin@vendor.test', password: 'correct horse battery' },
          }),
          'preview invitation': await request(
            server.url,
            'GET',
            `/api/invitations/${invitations[0]!.token}`,
          ),
          'accept invitation': await accept(server.url, invitations[0]!.token),
        };
        for (const [what, answer] of Object.entries(answers)) {
          expectUnavailable(answer, what);
          expect(answer.ms, `${what} answered quickly`).toBeLessThan(6000);
        }
        expectAlive(server);
        await sleep(500);
      }
    } finally {
      await pgUp();
    }
    await waitFor(
      '/readyz 200 again',
      async () => (await request(server.url, 'GET', '/readyz', { timeoutMs: 3000 })).status === 200,
      20_000,
      100,
    );
    expect((await a.get('/api/organisations')).status).toBe(200);
    // The same name again: the write that answered 503 left nothing behind (a duplicate name would be refused).
    expect((await a.createOrganisation(orgName)).status).toBe(201);
    expect((await accept(server.url, invitations[0]!.token)).status).toBe(200);
    await withAdmin(async (admin) => {
      expect(
        (await admin.query('select count(*)::int n from organisations where name = $1', [orgName]))
          .rows[0],
      ).toEqual({ n: 1 });
      await expectInvariants((sql, params) => admin.query(sql, params as unknown[]));
    });
  });
});
