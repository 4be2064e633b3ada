/**
 * Optimistic concurrency (QUALITY R5, ADR 003) and idempotency keys (QUALITY R6, ADR 005), on
 * the engine of the project: concurrent writers holding one ETag, concurrent retries holding
 * one Idempotency-Key, and what the database holds afterwards.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  claimIdempotencyKey,
  signIn,
  deleteExpiredIdempotencyKeys,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENCY_TTL_MS,
  sampleTaxonomy,
  type Tx,
  type Role,
  type Taxonomy,
  type UnitOfWork,
} from '@cosell/core';
import { createOrganisationWithPeople, type SeededPerson } from '@cosell/server';
import { sql, type SQL } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  PASSWORD,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

type Row = Record<string, unknown>;
interface Problem {
  code: string;
  status: number;
  errors?: { pointer: string }[];
}
const problem = (response: LightMyRequestResponse) => json<Problem>(response);
const statuses = (answers: LightMyRequestResponse[]) =>
  answers.map((a) => a.statusCode).sort((a, b) => a - b);
const N = 10;

let ctx: TestContext;
let world: World;
let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

/** Runs SQL as the connecting (owner) role, outside any tenant scope. */
async function owner(query: SQL): Promise<Row[]> {
  const handle = await ctx.deps.database.ready;
  return ((await handle.db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** A partner organisation of its own, with an owner and a viewer. */
async function freshPartner() {
  const made = await createOrganisationWithPeople(ctx.deps, world.admin.user.id, {
    kind: 'partner',
    name: unique('Concurrent Partner'),
    people: (['owner', 'viewer'] as Role[]).map((role) => {
      const handle = `p${++counter}`;
      return {
        email: `${handle}@concurrency.test`,
        name: handle,
        password: PASSWORD,
        roles: [role],
      };
    }),
  });
  const [ownerPerson, viewer] = made.people as [SeededPerson, SeededPerson];
  return { organisation: made.organisation, owner: ownerPerson, viewer };
}

/** Replaces the handler-side unit of work for one test; the plugins keep the real one. */
async function withHandlerUow<T>(uow: (real: UnitOfWork) => UnitOfWork, work: () => Promise<T>) {
  const real = ctx.deps.account.uow;
  ctx.deps.account.uow = uow(real);
  try {
    return await work();
  } finally {
    ctx.deps.account.uow = real;
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  world = await seedWorld(ctx.deps);
});
afterAll(() => ctx.close());

describe('optimistic concurrency (QUALITY R5)', () => {
  it('gives every versioned object an ETag on read and on write', async () => {
    const { organisation, owner: person, viewer } = await freshPartner();
    const me = as(ctx.app, person);
    const url = `/api/organisations/${organisation.id}`;
    expect((await me.get(url)).headers.etag).toBe('"v1"');
    expect((await me.get('/api/program')).headers.etag).toMatch(/^"v\d+"$/);

    const members = json<{ items: { user: { id: string }; version: number }[] }>(
      await me.get(`${url}/members`),
    );
    expect(members.items.find((m) => m.user.id === viewer.user.id)!.version).toBe(1);
    const changed = await me.patch(
      `${url}/members/${viewer.user.id}`,
      { roles: ['manager'] },
      { 'if-match': '"v1"' },
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"v2"');

    const session = json<{ user: { version: number } }>(await me.get('/api/session'));
    const profile = await me.patch(
      '/api/me',
      { name: 'Renamed Person' },
      {
        'if-match': `"v${session.user.version}"`,
      },
    );
    expect(profile.statusCode).toBe(200);
    expect(profile.headers.etag).toBe(`"v${session.user.version + 1}"`);
    expect(json(profile).version).toBe(session.user.version + 1);
  });

  it(`lets exactly one of ${N} concurrent renames with one ETag win, and loses nothing`, async () => {
    const { organisation, owner: person } = await freshPartner();
    const url = `/api/organisations/${organisation.id}`;
    const etag = String((await as(ctx.app, person).get(url)).headers.etag);
    const answers = await Promise.all(
      Array.from({ length: N }, (_, n) =>
        as(ctx.app, person).patch(
          url,
          { name: `${organisation.name} racer ${n}` },
          { 'if-match': etag },
        ),
      ),
    );
    expect(statuses(answers)).toEqual([200, ...Array<number>(N - 1).fill(412)]);
    for (const loser of answers.filter((a) => a.statusCode === 412)) {
      expect(problem(loser).code).toBe('PRECONDITION_FAILED');
    }
    const winner = json<{ name: string }>(answers.find((a) => a.statusCode === 200)!);
    const [row] = await owner(
      sql`select name, version from organisations where id = ${organisation.id}`,
    );
    expect(row).toEqual({ name: winner.name, version: 2 });
    // Only the winner's change happened: one audit entry, naming it.
    const renames = await owner(sql`select "after" from audit_log
      where organisation_id = ${organisation.id} and action = 'organisation.rename'`);
    expect(renames).toEqual([{ after: { name: winner.name } }]);
  });

  it(`lets exactly one of ${N} concurrent taxonomy edits with one ETag win`, async () => {
    const current = await as(ctx.app, world.admin).get('/api/program');
    const { version } = json<{ version: number }>(current);
    const edit = (n: number): Taxonomy => {
      const taxonomy = sampleTaxonomy();
      taxonomy.segments = [...taxonomy.segments, { id: `racer-${n}`, name: `Racer ${n}` }];
      return taxonomy;
    };
    const answers = await Promise.all(
      Array.from({ length: N }, (_, n) =>
        as(ctx.app, world.admin).put('/api/program/taxonomy', edit(n), {
          'if-match': String(current.headers.etag),
        }),
      ),
    );
    expect(statuses(answers)).toEqual([200, ...Array<number>(N - 1).fill(412)]);
    const winner = json<{ taxonomy: Taxonomy }>(answers.find((a) => a.statusCode === 200)!);
    const [row] = await owner(
      sql`select taxonomy, version from programs where organisation_id = ${world.vendor.id}`,
    );
    expect(row).toEqual({ taxonomy: winner.taxonomy, version: version + 1 });
  });

  it(`lets exactly one of ${N} concurrent role changes with one ETag win`, async () => {
    const { organisation, owner: person, viewer } = await freshPartner();
    const url = `/api/organisations/${organisation.id}/members/${viewer.user.id}`;
    const choices: Role[][] = [
      ['manager'],
      ['contributor'],
      ['referrals-admin'],
      ['referrals-user'],
      ['viewer', 'contributor'],
      ['manager', 'referrals-user'],
      ['contributor', 'referrals-admin'],
      ['viewer', 'referrals-user'],
      ['manager', 'contributor'],
      ['referrals-admin', 'referrals-user'],
    ];
    const answers = await Promise.all(
      choices.map((roles) => as(ctx.app, person).patch(url, { roles }, { 'if-match': '"v1"' })),
    );
    expect(statuses(answers)).toEqual([200, ...Array<number>(N - 1).fill(412)]);
    const winner = json<{ roles: Role[] }>(answers.find((a) => a.statusCode === 200)!);
    const [row] = await owner(sql`select roles, version from memberships
      where organisation_id = ${organisation.id} and user_id = ${viewer.user.id}`);
    expect(row).toEqual({ roles: winner.roles, version: 2 });
  });

  it('compares If-Match strongly (RFC 9110): `*` and lists match, weak tags and garbage do not', async () => {
    const { organisation, owner: person } = await freshPartner();
    const me = as(ctx.app, person);
    const url = `/api/organisations/${organisation.id}`;
    const rename = (ifMatch: string | null) =>
      me.patch(url, { name: unique('Strong') }, ifMatch === null ? {} : { 'if-match': ifMatch });

    const refusals = [
      'W/"v1"',
      'W/"v1", W/"v2"',
      'v1',
      '"1"',
      '"v1',
      '"v1";',
      '"v99999999999"',
      '*, "v1"',
    ];
    for (const refused of refusals) {
      const answer = await rename(refused);
      expect(answer.statusCode, refused).toBe(412);
      expect(problem(answer).code).toBe('PRECONDITION_FAILED');
    }
    expect((await rename(null)).statusCode).toBe(428);
    expect(problem(await rename(null)).code).toBe('PRECONDITION_REQUIRED');
    expect((await rename('"v7", W/"v1" , "v1"')).statusCode).toBe(200);
    expect((await rename('*')).statusCode).toBe(200);
    expect(json(await me.get(url)).version).toBe(3);
  });

  it('requires If-Match for the taxonomy and honours it on members and profiles', async () => {
    const program = json(await as(ctx.app, world.admin).get('/api/program'));
    const noEtag = await as(ctx.app, world.admin).put('/api/program/taxonomy', program.taxonomy);
    expect(noEtag.statusCode).toBe(428);

    const { organisation, owner: person, viewer } = await freshPartner();
    const me = as(ctx.app, person);
    const member = `/api/organisations/${organisation.id}/members/${viewer.user.id}`;
    // A stale member ETag is refused, for a role change and for a removal.
    expect(
      (await me.patch(member, { roles: ['manager'] }, { 'if-match': '"v2"' })).statusCode,
    ).toBe(412);
    expect((await me.delete(member, { 'if-match': '"v2"' })).statusCode).toBe(412);
    // ADR 003: a role change must name the version it replaces.
    expect((await me.patch(member, { roles: ['manager'] })).statusCode).toBe(428);
    expect(
      (await me.patch(member, { roles: ['manager'] }, { 'if-match': '"v1"' })).statusCode,
    ).toBe(200);
    expect((await me.delete(member, { 'if-match': '"v2"' })).statusCode).toBe(204);

    const session = json<{ user: { version: number } }>(await me.get('/api/session'));
    const stale = await me.patch(
      '/api/me',
      { locale: 'sv-SE' },
      {
        'if-match': `"v${session.user.version - 1}"`,
      },
    );
    expect(stale.statusCode).toBe(412);
    expect((await me.patch('/api/me', { locale: 'en' })).statusCode).toBe(200);
  });

  it("answers 404, not 412, for another tenant's object whatever If-Match says", async () => {
    const mine = await freshPartner();
    const theirs = await freshPartner();
    const url = `/api/organisations/${theirs.organisation.id}`;
    for (const ifMatch of ['"v1"', '"v9"', 'W/"v1"', '*']) {
      const answer = await as(ctx.app, mine.owner).patch(
        url,
        { name: unique('Intruder') },
        { 'if-match': ifMatch },
      );
      expect(answer.statusCode, ifMatch).toBe(404);
      const member = await as(ctx.app, mine.owner).patch(
        `${url}/members/${theirs.viewer.user.id}`,
        { roles: ['manager'] },
        { 'if-match': ifMatch },
      );
      expect(member.statusCode, ifMatch).toBe(404);
    }
  });
});

describe('idempotency keys (QUALITY R6)', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
  const count = async (query: SQL) => Number((await owner(query))[0]!.n);

  it('creates exactly one object from 100 concurrent identical POSTs under one key', async () => {
    const key = `org-${randomUUID()}`;
    const body = { kind: 'partner', name: unique('Idempotent Partner') };
    const post = () =>
      as(ctx.app, world.admin).post('/api/organisations', body, { 'idempotency-key': key });
    const answers = await Promise.all(Array.from({ length: 100 }, post));

    expect(
      await count(sql`select count(*) as n from organisations where name = ${body.name}`),
    ).toBe(1);
    const created = answers.filter((a) => a.statusCode === 201);
    const inFlight = answers.filter((a) => a.statusCode === 409);
    expect(created.length + inFlight.length, answers.map((a) => a.statusCode).join()).toBe(100);
    expect(created.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(new Set(created.map((a) => a.body)).size).toBe(1);
    for (const answer of inFlight) {
      expect(problem(answer).code).toBe('IDEMPOTENCY_IN_FLIGHT');
      expect(answer.headers['retry-after']).toBeDefined();
    }

    const replay = await post();
    expect(replay.statusCode).toBe(201);
    expect(replay.body).toBe(created[0]!.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers.etag).toBe('"v1"');
    expect(replay.headers['content-type']).toBe(created[0]!.headers['content-type']);
  });

  it('creates exactly one invitation from 100 concurrent identical POSTs under one key', async () => {
    const { organisation, owner: person } = await freshPartner();
    const email = `${unique('invitee').replace(' ', '')}@concurrency.test`;
    const key = randomUUID();
    const post = () =>
      as(ctx.app, person).post(
        `/api/organisations/${organisation.id}/invitations`,
        { email, roles: ['viewer'] },
        { 'idempotency-key': key },
      );
    const answers = await Promise.all(Array.from({ length: 100 }, post));
    expect(await count(sql`select count(*) as n from invitations where email = ${email}`)).toBe(1);
    expect(statuses(answers).every((s) => s === 201 || s === 409)).toBe(true);
    const bodies = new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.body));
    expect(bodies.size).toBe(1);
    const replay = await post();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe([...bodies][0]);

    // The database holds neither the key nor the link the answer carries.
    const stored = await owner(sql`select key_hash, response_body from idempotency_keys
      where key_hash = ${sha256(key)}`);
    expect(stored).toHaveLength(1);
    const link = json<{ url: string }>(replay).url;
    const token = link.split('/invite/')[1]!;
    for (const value of Object.values(stored[0]!)) {
      expect(String(value)).not.toContain(key);
      expect(String(value)).not.toContain(token);
    }
    expect(
      await count(
        sql`select count(*) as n from idempotency_keys where path like ${'%' + token + '%'}`,
      ),
    ).toBe(0);
  });

  it('refuses the same key for another payload or another path with 422', async () => {
    const key = randomUUID();
    const admin = as(ctx.app, world.admin);
    const first = await admin.post(
      '/api/organisations',
      { kind: 'partner', name: unique('First') },
      { 'idempotency-key': key },
    );
    expect(first.statusCode).toBe(201);
    const otherBody = await admin.post(
      '/api/organisations',
      { kind: 'partner', name: unique('Second') },
      { 'idempotency-key': key },
    );
    expect(otherBody.statusCode).toBe(422);
    expect(problem(otherBody).code).toBe('IDEMPOTENCY_MISMATCH');
    expect(otherBody.headers['content-type']).toMatch(/^application\/problem\+json/);
    const otherPath = await admin.post(
      `/api/organisations/${world.partnerA.organisation.id}/invitations`,
      { email: 'other-path@concurrency.test', roles: ['viewer'] },
      { 'idempotency-key': key },
    );
    expect(otherPath.statusCode).toBe(422);
    expect(problem(otherPath).code).toBe('IDEMPOTENCY_MISMATCH');
    // Key order and whitespace are not a different payload; trimmed input is the same input.
    const body = json<{ name: string; kind: string }>(first);
    const same = await ctx.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: {
        cookie: `__Host-cosell_session=${world.admin.token}`,
        'x-csrf-token': world.admin.csrfToken,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      payload: `{ "name": "  ${body.name} ", "kind": "${body.kind}" }`,
    });
    expect(same.statusCode).toBe(201);
    expect(same.headers['idempotent-replayed']).toBe('true');
  });

  it("keeps each user's keys apart", async () => {
    const key = 'shared-key-1';
    const invite = (person: SeededPerson, organisationId: string) =>
      as(ctx.app, person).post(
        `/api/organisations/${organisationId}/invitations`,
        { email: 'same-person@concurrency.test', roles: ['viewer'] },
        { 'idempotency-key': key },
      );
    const a = await invite(world.partnerA.owner, world.partnerA.organisation.id);
    const b = await invite(world.partnerB.owner, world.partnerB.organisation.id);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(json(a).organisationId).toBe(world.partnerA.organisation.id);
    expect(json(b).organisationId).toBe(world.partnerB.organisation.id);
    // B's retry replays B's answer, never A's.
    const again = await invite(world.partnerB.owner, world.partnerB.organisation.id);
    expect(again.body).toBe(b.body);
  });

  it('stores and replays a 4xx answer, but not a refused header or body', async () => {
    const key = randomUUID();
    const seller = as(ctx.app, world.seller);
    const body = { kind: 'partner', name: unique('Not Allowed') };
    const refused = await seller.post('/api/organisations', body, { 'idempotency-key': key });
    expect(refused.statusCode).toBe(403);
    const replay = await seller.post('/api/organisations', body, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(403);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(json(replay).code).toBe('FORBIDDEN');

    // Input that fails validation never ran: the corrected request may use the key.
    const admin = as(ctx.app, world.admin);
    const badKey = randomUUID();
    const invalid = await admin.post(
      '/api/organisations',
      { kind: 'partner', name: 'x' },
      { 'idempotency-key': badKey },
    );
    expect(invalid.statusCode).toBe(400);
    const fixed = await admin.post(
      '/api/organisations',
      { kind: 'partner', name: unique('Fixed') },
      { 'idempotency-key': badKey },
    );
    expect(fixed.statusCode).toBe(201);

    for (const bad of ['', 'x'.repeat(256), 'has space', 'ключ']) {
      const answer = await admin.post('/api/organisations', body, { 'idempotency-key': bad });
      expect(answer.statusCode, JSON.stringify(bad)).toBe(400);
      expect(problem(answer).errors?.[0]?.pointer).toBe('/headers/idempotency-key');
    }
  });

  it('releases the key when the request fails on our side, so the retry runs', async () => {
    const key = randomUUID();
    const body = { kind: 'partner', name: unique('After Outage') };
    const post = () =>
      as(ctx.app, world.admin).post('/api/organisations', body, { 'idempotency-key': key });
    const failed = await withHandlerUow(
      (real) => ({
        run: (work, scope) =>
          real.run(
            (repos) =>
              work({
                ...repos,
                organisations: {
                  ...repos.organisations,
                  createOrganisation: () => Promise.reject(new Error('disk on fire')),
                },
              } satisfies Tx),
            scope,
          ),
      }),
      post,
    );
    expect(failed.statusCode).toBe(500);
    const retry = await post();
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(
      await count(sql`select count(*) as n from organisations where name = ${body.name}`),
    ).toBe(1);
  });

  it('answers 409 while the first request runs, and replays its answer after', async () => {
    const key = randomUUID();
    const body = { kind: 'partner', name: unique('Slow Partner') };
    const post = () =>
      as(ctx.app, world.admin).post('/api/organisations', body, { 'idempotency-key': key });
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    let proceed!: () => void;
    const gate = new Promise<void>((resolve) => (proceed = resolve));
    const [first, second] = await withHandlerUow(
      (real) => ({
        // Holds the handler before its transaction opens (PGlite has one connection).
        run: async (work, scope) => {
          if (scope?.programAdmin) {
            entered();
            await gate;
          }
          return real.run(work, scope);
        },
      }),
      async () => {
        const slow = post();
        await inHandler;
        const meanwhile = await post();
        proceed();
        return [await slow, meanwhile];
      },
    );
    expect(second.statusCode).toBe(409);
    expect(problem(second).code).toBe('IDEMPOTENCY_IN_FLIGHT');
    expect(first.statusCode).toBe(201);
    const replay = await post();
    expect(replay.body).toBe(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('lets a retry take over a key whose request died mid-flight, after the lease', async () => {
    const key = randomUUID();
    const body = { kind: 'partner', name: unique('Crashed Partner') };
    // A claim left behind by a process that died while running the request.
    const deps = { uow: ctx.deps.account.uow, clock: ctx.deps.clock };
    const held = await claimIdempotencyKey(
      deps,
      {
        userId: world.admin.user.id,
        keyHash: sha256(key),
        method: 'POST',
        path: '/api/organisations',
        requestHash: sha256(JSON.stringify({ kind: body.kind, name: body.name })),
      },
      randomUUID(),
    );
    expect(held.kind).toBe('run');
    const post = () =>
      as(ctx.app, world.admin).post('/api/organisations', body, { 'idempotency-key': key });
    expect((await post()).statusCode).toBe(409);
    ctx.clock.advance(IDEMPOTENCY_LEASE_MS + 1);
    const retry = await post();
    expect(retry.statusCode).toBe(201);
    expect((await post()).headers['idempotent-replayed']).toBe('true');
  });

  it('documents Idempotency-Key and If-Match on the routes that take them', async () => {
    const spec = json<{
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    }>(await as(ctx.app).get('/api/openapi.json'));
    const headers = (path: string, method: string) =>
      (spec.paths[path]![method]!.parameters ?? [])
        .filter((p) => p.in === 'header')
        .map((p) => p.name);
    expect(headers('/api/organisations', 'post')).toContain('idempotency-key');
    expect(headers('/api/organisations/{organisationId}/invitations', 'post')).toContain(
      'idempotency-key',
    );
    expect(headers('/api/organisations/{organisationId}', 'patch')).toContain('if-match');
    expect(headers('/api/program/taxonomy', 'put')).toContain('if-match');
    expect(headers('/api/organisations/{organisationId}/members/{userId}', 'patch')).toContain(
      'if-match',
    );
  });

  it('lets a key be used again after its 24 hours, and sweeps expired keys (runs last: a day passes)', async () => {
    const key = randomUUID();
    // A day ends every session: each step signs the admin in anew (keys belong to the user).
    const admin = async () => {
      const issued = await signIn(
        ctx.deps.account,
        { email: world.admin.user.email, password: PASSWORD },
        { ip: '127.0.0.1' },
      );
      return as(ctx.app, { token: issued.token, csrfToken: issued.session.csrfToken });
    };
    const create = async (name: string) =>
      (await admin()).post(
        '/api/organisations',
        { kind: 'reseller', name },
        { 'idempotency-key': key },
      );
    const first = await create(unique('Day One'));
    expect(first.statusCode).toBe(201);
    ctx.clock.advance(IDEMPOTENCY_TTL_MS - 60_000);
    expect((await create(unique('Too Early'))).statusCode).toBe(422);
    // The hourly housekeeping job deletes the keys that had expired by then.
    await ctx.deps.account.uow.run(
      (tx) =>
        tx.jobs.enqueueJob({
          kind: 'maintenance.sweep',
          payload: {},
          organisationId: null,
          runAt: ctx.clock.now(),
          dedupeKey: randomUUID(),
        }),
      {},
    );
    await ctx.deps.jobs.drain();
    const sweptUpTo = ctx.clock.now().toISOString();
    expect(
      await count(sql`select count(*) as n from idempotency_keys
        where expires_at <= ${sweptUpTo}::timestamptz`),
    ).toBe(0);
    ctx.clock.advance(2 * 60_000);
    const later = await create(unique('Day Two'));
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(json(later).id).not.toBe(json(first).id);

    // Deleting in bounded batches takes whatever is left.
    ctx.clock.advance(IDEMPOTENCY_TTL_MS + 1);
    const deps = { uow: ctx.deps.account.uow, clock: ctx.deps.clock };
    await deleteExpiredIdempotencyKeys(deps, { batchSize: 2 });
    expect(await count(sql`select count(*) as n from idempotency_keys`)).toBe(0);
    const fresh = await create(unique('Day Three'));
    expect(fresh.statusCode).toBe(201);
    expect(await count(sql`select count(*) as n from idempotency_keys`)).toBe(1);
  });
});
