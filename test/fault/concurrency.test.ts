/**
 * Lock conflicts between concurrent transactions on the same rows. A lock held from another
 * connection makes every contender queue on the row, so they really collide; when it is
 * released exactly one wins and the others get a clean 4xx, with no duplicate row.
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
  expectAlive,
  expectInvariants,
  expectNoUnhandledErrors,
  freshDatabase,
  lockTable,
  partnerWithInvitations,
  PASSWORD,
  request,
  sessionOf,
  setupBody,
  startCosell,
  waitFor,
  type Answer,
  type Cosell,
  type Session,
} from './harness';

describe.skipIf(!clusterInfo())('conflicting concurrent transactions', () => {
  let db: { name: string; url: string };
  let server: Cosell;
  let admin: pg.Client;
  let session: Session;
  const query = (sql: string, params?: unknown[]) => admin.query(sql, params as unknown[]);

  beforeAll(async () => {
    await ensurePgUp();
    db = await freshDatabase('conflict');
    server = await startCosell({ name: 'conflict', env: { DATABASE_URL: db.url } });
    admin = await adminClient(db.name);
    // The worker's start-up housekeeping reads the tables the scenarios lock: let it finish, so
    // the only transactions queued behind a lock are the contenders'.
    await waitFor(
      'the start-up jobs done',
      async () =>
        (await query(`select 1 from jobs where done_at is null and run_at <= now()`)).rows
          .length === 0,
    );
  });

  afterAll(async () => {
    await admin?.end().catch(() => {});
    if (server) {
      expectNoUnhandledErrors(server);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
  });

  /** Holds `sql` (a row lock) in an open transaction until the contenders queue behind it. */
  async function contend(
    lockSql: string,
    params: unknown[],
    contenders: number,
    start: () => Promise<Answer>[],
  ) {
    const holder = await adminClient(db.name);
    await holder.query('begin');
    await holder.query(lockSql, params);
    const answers = Promise.all(start());
    await waitFor(
      `${contenders} transactions queued on the locked row`,
      async () =>
        (await cosellBackends(admin, db.name)).filter((b) => b.wait_event_type === 'Lock')
          .length === contenders,
    );
    await holder.query('commit');
    await holder.end();
    return answers;
  }

  const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort();
  const problemCodes = (answers: Answer[]) =>
    answers
      .filter((a) => a.status >= 400)
      .map((a) => `${a.headers['content-type']?.split(';')[0]} ${a.json?.code}`);

  it('11a. two first-run set-ups at the same moment: one 201, the other 409 SETUP_DONE; one vendor, one admin', async () => {
    // Both read "no vendor yet" behind the lock, then race to insert: the unique index decides.
    const lock = await lockTable(db.name, 'organisations');
    const both = Promise.all([
      request(server.url, 'POST', '/api/setup', { body: setupBody('first@vendor.test') }),
      request(server.url, 'POST', '/api/setup', { body: setupBody('second@vendor.test') }),
    ]);
    await waitFor(
      'both set-ups queued',
      async () =>
        (await cosellBackends(admin, db.name)).filter((b) => b.wait_event_type === 'Lock')
          .length === 2,
    );
    await lock.release();
    const answers = await both;
    expect(statuses(answers)).toEqual([201, 409]);
    expect(problemCodes(answers)).toEqual(['application/problem+json SETUP_DONE']);
    const { rows } =
      await query(`select (select count(*)::int from organisations) orgs, (select count(*)::int from users) users,
      (select count(*)::int from memberships) memberships, (select count(*)::int from programs) programs`);
    expect(rows[0]).toEqual({ orgs: 1, users: 1, memberships: 1, programs: 1 });
    const winner = answers.find((a) => a.status === 201)!;
    session = sessionOf(winner);
    await expectInvariants(query);
  });

  it('11b. one invitation accepted five times at once by a new person: one 200, four 410; one user, one membership, one entry', async () => {
    const { organisationId, invitations } = await partnerWithInvitations(server.url, session, 1);
    const invitation = invitations[0]!;
    const answers = await contend(
      'select 1 from invitations where id = $1 for update',
      [invitation.id],
      5,
      () => Array.from({ length: 5 }, (_, i) => accept(server.url, invitation.token, `Racer ${i}`)),
    );
    expect(statuses(answers)).toEqual([200, 410, 410, 410, 410]);
    expect(new Set(problemCodes(answers))).toEqual(
      new Set(['application/problem+json INVITATION_INVALID']),
    );
    const { rows } = await query(
      `select (select count(*)::int from users where email = $1) users,
              (select count(*)::int from memberships where organisation_id = $2) memberships,
              (select count(*)::int from audit_log where organisation_id = $2 and action = 'invitation.accept') entries`,
      [invitation.email, organisationId],
    );
    expect(rows[0]).toEqual({ users: 1, memberships: 1, entries: 1 });
    await expectInvariants(query);
  });

  it('11c. one invitation accepted four times at once by an existing account: one 200, three 410; one membership', async () => {
    // The person joins a first partner, then is invited into a second one.
    const first = await partnerWithInvitations(server.url, session, 1);
    const email = first.invitations[0]!.email;
    expect((await accept(server.url, first.invitations[0]!.token)).status).toBe(200);
    const second = await partnerWithInvitations(server.url, session, 0);
    const invited = await api(server.url, session).invite(second.organisationId, email);
    expect(invited.status).toBe(201);
    const token = String(invited.json.url).split('/invite/')[1]!;
    const answers = await contend(
      'select 1 from invitations where id = $1 for update',
      [invited.json.id],
      4,
      () =>
        Array.from({ length: 4 }, () =>
          request(server.url, 'POST', `/api/invitations/${token}/accept`, {
            body: { password: PASSWORD },
          }),
        ),
    );
    expect(statuses(answers)).toEqual([200, 410, 410, 410]);
    const { rows } = await query(
      'select count(*)::int n from memberships where organisation_id = $1',
      [second.organisationId],
    );
    expect(rows[0]).toEqual({ n: 1 });
    await expectInvariants(query);
  });

  it('11d. five renames with the same If-Match at once: one 200, four 412; version +1, one audit entry', async () => {
    const { organisationId } = await partnerWithInvitations(server.url, session, 0);
    const a = api(server.url, session);
    const etag = String((await a.get(`/api/organisations/${organisationId}`)).headers.etag);
    const answers = await contend(
      'select 1 from organisations where id = $1 for update',
      [organisationId],
      5,
      () =>
        Array.from({ length: 5 }, (_, i) =>
          request(server.url, 'PATCH', `/api/organisations/${organisationId}`, {
            body: { name: `Renamed ${i}` },
            cookie: session.cookie,
            csrf: session.csrf,
            headers: { 'if-match': etag },
          }),
        ),
    );
    expect(statuses(answers)).toEqual([200, 412, 412, 412, 412]);
    const { rows } = await query(
      `select (select version from organisations where id = $1) version,
              (select count(*)::int from audit_log where organisation_id = $1 and action = 'organisation.rename') entries`,
      [organisationId],
    );
    expect(rows[0]).toEqual({ version: 2, entries: 1 });
    expectAlive(server);
  });
});
