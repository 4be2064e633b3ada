/**
 * Partner Center's own base path, `/api/engagements/referrals` (SPEC §7.5): the same operations
 * as under `/api/organisations/{org}/engagements/referrals`, for the caller's organisation. A
 * service token acts for its organisation, a person in one organisation for that one; a person
 * in several names it with `X-Organisation-Id` or `?organisationId=`, or gets 400 naming the
 * selector and no list. The authorization suite runs every route of it across tenants and roles.
 */
import { addPerson, type SeededPerson } from '@cosell/server';
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
import { cosellReadyOffer, referralCreateBody } from '../helpers/referrals';

type Referral = { id: string; eTag: string; organizationId: string; name: string };
type Problem = { code: string; detail?: string; errors?: { field: string; code: string }[] };
const BASE = '/api/engagements/referrals';

describe("Partner Center's base path for referrals", () => {
  let ctx: TestContext;
  let world: World;
  let both: SeededPerson;
  let deal: Referral;
  const A = () => world.partnerA.organisation.id;
  const B = () => world.partnerB.organisation.id;
  const ids = (r: Parameters<typeof json>[0]) =>
    json<{ value: Referral[] }>(r).value.map((x) => x.id);

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    await cosellReadyOffer(ctx, world.partnerA.owner, A());
    // A referrals admin of both partners.
    both = await addPerson(ctx.deps, world.admin.user.id, A(), {
      email: 'both@ab.test',
      name: 'Both',
      password: PASSWORD,
      roles: ['referrals-admin'],
    });
    await addPerson(ctx.deps, world.admin.user.id, B(), {
      email: 'both@ab.test',
      name: 'Both',
      password: PASSWORD,
      roles: ['referrals-admin'],
    });
  });
  afterAll(() => ctx.close());

  it("creates, reads, changes and lists the only organisation's referrals of a person", async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const created = await owner.post(BASE, referralCreateBody({ name: 'At the base path' }), {
      'idempotency-key': crypto.randomUUID(),
    });
    expect(created.statusCode, created.body).toBe(201);
    deal = json<Referral>(created);
    expect(deal.organizationId).toBe(A());
    expect(created.headers.location).toBe(`${BASE}/${deal.id}`);

    const read = await owner.get(`${BASE}/${deal.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe(deal.eTag);

    const patched = await owner.patch(
      `${BASE}/${deal.id}`,
      [{ op: 'replace', path: '/name', value: 'Renamed at the base path' }],
      { 'if-match': deal.eTag, prefer: 'return=representation' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json<Referral>(patched).name).toBe('Renamed at the base path');

    const timeline = json<{ value: { action: string }[] }>(
      await owner.get(`${BASE}/${deal.id}/timeline`),
    );
    expect(timeline.value.map((t) => t.action)).toEqual(['patch', 'create']);

    const list = await owner.get(`${BASE}?$top=5`);
    expect(list.statusCode).toBe(200);
    expect(ids(list)).toEqual(
      ids(await owner.get(`/api/organisations/${A()}/engagements/referrals?$top=5`)),
    );
    expect(ids(list)).toContain(deal.id);
  });

  it('asks a person in several organisations to name one, and lists nothing until then', async () => {
    const person = as(ctx.app, both);

    const unnamed = await person.get(BASE);
    expect(unnamed.statusCode).toBe(400);
    const problem = json<Problem>(unnamed);
    expect(problem.code).toBe('VALIDATION');
    expect(problem.detail).toContain('X-Organisation-Id');
    expect(problem.errors).toEqual([
      expect.objectContaining({
        field: 'X-Organisation-Id',
        code: 'referral.organisation.required',
      }),
    ]);
    expect(unnamed.body).not.toContain(deal.id);

    // Named by the header or the query parameter: that organisation's referrals.
    expect(ids(await person.get(BASE, { 'x-organisation-id': A() }))).toContain(deal.id);
    expect(ids(await person.get(`${BASE}?organisationId=${B()}`))).not.toContain(deal.id);
    expect((await person.get(`${BASE}/${deal.id}?organisationId=${A()}`)).statusCode).toBe(200);
    // On B's side the deal does not exist.
    expect((await person.get(`${BASE}/${deal.id}`, { 'x-organisation-id': B() })).statusCode).toBe(
      404,
    );

    // Two different names are refused rather than one chosen.
    const conflicting = await person.get(`${BASE}?organisationId=${A()}`, {
      'x-organisation-id': B(),
    });
    expect(conflicting.statusCode).toBe(400);
    expect(json<Problem>(conflicting).errors?.[0]?.code).toBe('referral.organisation.conflict');
    // A selector that is no id is a field problem too.
    expect((await person.get(`${BASE}?organisationId=nope`)).statusCode).toBe(400);
  });

  it("answers 404 for an organisation the caller does not belong to, and hides the other's deals", async () => {
    const ownerB = as(ctx.app, world.partnerB.owner);
    expect((await ownerB.get(`${BASE}?organisationId=${A()}`)).statusCode).toBe(404);
    expect((await ownerB.get(`${BASE}/${deal.id}`)).statusCode).toBe(404);
    expect(ids(await ownerB.get(BASE))).not.toContain(deal.id);
  });

  it("serves a service token its own organisation's referrals", async () => {
    const created = await as(ctx.app, world.partnerA.owner).post(
      `/api/organisations/${A()}/tokens`,
      { name: 'CRM connector', scopes: ['opportunities:read'], roles: ['referrals-admin'] },
    );
    expect(created.statusCode, created.body).toBe(201);
    const { secret } = json<{ secret: string }>(created);
    const bearer = (url: string) =>
      ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });

    const list = await bearer(BASE);
    expect(list.statusCode, list.body).toBe(200);
    expect(ids(list)).toContain(deal.id);
    expect((await bearer(`${BASE}?organisationId=${B()}`)).statusCode).toBe(404);
  });
});
