/**
 * Co-sell opportunities over HTTP (SPEC §7.5), on PGlite and on PostgreSQL: the whole flow (a
 * vendor seller sends a partner a deal, the partner accepts, invites a second partner, both work
 * it, it is won), expiry on the program clock, OData options and paging, conditional writes,
 * closed referrals, and who may see and do what.
 */
import { referralExpiryRun } from '@cosell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, type SeededPerson } from '@cosell/server';
import {
  as,
  createTestContext,
  json,
  PASSWORD,
  seedWorld,
  type Json,
  type TestContext,
  type World,
} from '../helpers/context';
import { cosellReadyOffer, referralCreateBody } from '../helpers/referrals';

type Referral = Json & { id: string; eTag: string; engagementId: string; substatus: string };
const DAY = 86_400_000;

describe('co-sell opportunities API', () => {
  let ctx: TestContext;
  let world: World;
  let offerA: string;
  let adminUS: SeededPerson;
  let adminPL: SeededPerson;
  let userOnTeam: SeededPerson;
  let userOffTeam: SeededPerson;
  const refs = (org: string) => `/api/organisations/${org}/engagements/referrals`;
  const A = () => world.partnerA.organisation.id;
  const B = () => world.partnerB.organisation.id;
  const V = () => world.vendor.id;

  beforeAll(async () => {
    ctx = await createTestContext({ CLOCK_CONTROL: 'true' });
    world = await seedWorld(ctx.deps);
    offerA = await cosellReadyOffer(ctx, world.partnerA.owner, A());
    const add = (email: string, roles: Parameters<typeof addPerson>[3]['roles']) =>
      addPerson(ctx.deps, world.admin.user.id, A(), {
        email,
        name: email,
        password: PASSWORD,
        roles,
      });
    adminUS = await add('admin-us@a.test', ['referrals-admin']);
    adminPL = await add('admin-pl@a.test', ['referrals-admin']);
    userOnTeam = await add('ada@partner-a.test', ['referrals-user']);
    userOffTeam = await add('bob@a.test', ['referrals-user']);
    for (const [person, countries] of [
      [adminUS, ['US']],
      [adminPL, ['PL']],
    ] as const) {
      const r = await as(ctx.app, world.partnerA.owner).put(
        `/api/organisations/${A()}/members/${person.user.id}/referral-scope`,
        { countries },
      );
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(() => ctx.close());

  const sellerSends = async () => {
    const r = await as(ctx.app, world.seller).post(
      refs(V()),
      referralCreateBody({
        target: [{ type: 'Organization', id: A() }],
        details: {
          ...referralCreateBody().details,
          requirements: { solutions: [{ id: offerA, name: 'Contoso Migrate' }] },
        },
      }),
      { 'idempotency-key': `send-${Math.random()}` },
    );
    expect(r.statusCode, r.body).toBe(201);
    return json<Referral>(r);
  };
  const inbound = async (engagementId: string) => {
    const list = json<{ value: Referral[] }>(
      await as(ctx.app, world.partnerA.owner).get(
        `${refs(A())}?$filter=${encodeURIComponent(`engagementId eq '${engagementId}'`)}`,
      ),
    );
    return list.value[0]!;
  };

  it('runs the whole flow: seller sends, partner accepts, invites a second partner, both win', async () => {
    const sent = await sellerSends();
    const received = await inbound(sent.engagementId);
    expect(received).toMatchObject({ substatus: 'Received', direction: 'Incoming' });

    const owner = as(ctx.app, world.partnerA.owner);
    const accepted = await owner.post(
      `${refs(A())}/${received.id}/actions`,
      {
        kind: 'accept',
        name: 'Contoso migration',
        dealValue: 50000,
        currency: 'USD',
        closingDateTime: '2027-02-01T00:00:00Z',
        notes: 'We take it',
      },
      { 'if-match': received.eTag, 'ms-correlationid': 'corr-123' },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.headers['ms-correlationid']).toBe('corr-123');
    expect(accepted.headers.etag).toBe('"v2"');

    const invited = await owner.post(
      `${refs(A())}/${received.id}/invitations`,
      {
        organizationId: B(),
        closingDateTime: '2027-03-01T00:00:00Z',
        dealValue: 20000,
        currency: 'EUR',
        team: [{ firstName: 'Bo', lastName: 'B', email: 'owner@b.test' }],
        solutions: [{ id: 'b-solution', name: 'Fabrikam Ops' }],
      },
      { 'if-match': '"v2"' },
    );
    expect(invited.statusCode, invited.body).toBe(201);
    const invitee = json<{ invitee: Referral }>(invited).invitee;

    const ownerB = as(ctx.app, world.partnerB.owner);
    const bRef = json<Referral>(await ownerB.get(`${refs(B())}/${invitee.id}`));
    expect(bRef).toMatchObject({ substatus: 'Received', dealKind: 'p2p' });
    const bAccepted = await ownerB.post(
      `${refs(B())}/${invitee.id}/actions`,
      {
        kind: 'accept',
        name: 'Fabrikam part',
        dealValue: 20000,
        currency: 'EUR',
        closingDateTime: '2027-03-01T00:00:00Z',
        notes: 'Joining',
      },
      { 'if-match': bRef.eTag },
    );
    expect(bAccepted.statusCode, bAccepted.body).toBe(200);

    for (const [client, org, id, etag] of [
      [owner, A(), received.id, '"v3"'],
      [ownerB, B(), invitee.id, '"v2"'],
    ] as const) {
      const won = await client.post(
        `${refs(org)}/${id}/actions`,
        { kind: 'win' },
        { 'if-match': etag },
      );
      expect(won.statusCode, won.body).toBe(200);
      expect(json<Referral>(won).substatus).toBe('Won');
    }
    // Participants: shared fields of everyone in the engagement, no notes.
    const participants = await owner.get(`${refs(A())}/${received.id}/participants`);
    expect(participants.statusCode).toBe(200);
    const views = json<{ value: Json[] }>(participants).value;
    expect(views.map((v) => v.organizationName).sort()).toEqual(
      ['Microsoft', 'Partner A', 'Partner B'].sort(),
    );
    expect(participants.body).not.toContain('We take it');
    // A closed referral refuses every change with REFERRAL_CLOSED.
    const late = await owner.post(
      `${refs(A())}/${received.id}/actions`,
      { kind: 'lose', reason: 'changed our mind' },
      { 'if-match': '*' },
    );
    expect(late.statusCode).toBe(409);
    expect(json(late).code).toBe('REFERRAL_CLOSED');
    // The timeline says who did what through which channel.
    const timeline = json<{ value: { action: string; channel: string }[] }>(
      await owner.get(`${refs(A())}/${received.id}/timeline`),
    ).value;
    expect(timeline.map((t) => t.action)).toEqual(['win', 'invite', 'accept', 'create']);
    expect(timeline.every((t) => t.channel === 'web')).toBe(true);
  });

  it('expires an unanswered referral once the program clock has moved 14 days, telling the sender', async () => {
    const sent = await sellerSends();
    const received = await inbound(sent.engagementId);
    ctx.deps.adjustableClock!.advance(14 * DAY + 60_000);
    await ctx.deps.database.ready;
    await ctx.deps.offers.uow.run(
      (tx) => tx.jobs.enqueueJob(referralExpiryRun(ctx.deps.offers.clock.now(), 3_600_000)),
      {},
    );
    await ctx.deps.jobs.drain();
    const after = json<Referral>(
      await as(ctx.app, world.partnerA.owner).get(`${refs(A())}/${received.id}`),
    );
    expect(after).toMatchObject({ status: 'Closed', substatus: 'Expired' });
    const timeline = json<{ value: { action: string; channel: string }[] }>(
      await as(ctx.app, world.partnerA.owner).get(`${refs(A())}/${received.id}/timeline`),
    ).value;
    expect(timeline[0]).toMatchObject({ action: 'expire', channel: 'system' });
  });

  it('pages with $top and @odata.nextLink, counts, filters, orders and selects', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    for (let i = 0; i < 3; i++) {
      const r = await owner.post(refs(A()), referralCreateBody({ name: `Own deal ${i}` }));
      expect(r.statusCode, r.body).toBe(201);
    }
    const first = json<{ value: Referral[]; '@odata.nextLink'?: string; '@odata.count': number }>(
      await owner.get(
        `${refs(A())}?$top=2&$count=true&$filter=${encodeURIComponent("direction eq 'Outgoing'")}&$orderby=createdDateTime desc&$select=name`,
      ),
    );
    expect(first['@odata.count']).toBe(3);
    expect(first.value).toHaveLength(2);
    expect(Object.keys(first.value[0]!).sort()).toEqual(['eTag', 'id', 'name']);
    expect(first['@odata.nextLink']).toContain('$skiptoken=');
    const second = json<{ value: Referral[]; '@odata.nextLink'?: string }>(
      await owner.get(first['@odata.nextLink']!),
    );
    expect(second.value).toHaveLength(1);
    expect(second['@odata.nextLink']).toBeUndefined();
    const names = [...first.value, ...second.value].map((r) => r.name);
    expect(new Set(names).size).toBe(3);

    const bad = await owner.get(`${refs(A())}?$filter=${encodeURIComponent("nope eq 'x'")}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const search = json<{ value: Referral[] }>(
      await owner.get(`${refs(A())}?$search=Own%20deal%201`),
    );
    expect(search.value.map((r) => r.name)).toEqual(['Own deal 1']);
  });

  it('needs If-Match on PUT and PATCH: 428 without, 412 when stale', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const created = json<Referral>(await owner.post(refs(A()), referralCreateBody()));
    const url = `${refs(A())}/${created.id}`;
    const patch = [{ op: 'replace', path: '/details/dealValue', value: 77 }];
    expect((await owner.patch(url, patch)).statusCode).toBe(428);
    const patched = await owner.patch(url, patch, {
      'if-match': created.eTag,
      'content-type': 'application/json-patch+json',
      prefer: 'return=representation',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json<{ details: { dealValue: number } }>(patched).details.dealValue).toBe(77);
    expect((await owner.patch(url, patch, { 'if-match': created.eTag })).statusCode).toBe(412);
    const noContent = await owner.patch(url, patch, { 'if-match': '"v2"' });
    expect(noContent.statusCode).toBe(204);
    expect(noContent.headers.etag).toBe('"v3"');

    const { id: _id, eTag: _e, ...rest } = created;
    void _id;
    void _e;
    const body = referralCreateBody({ name: 'Renamed' });
    const { engagementId: _g, dealKind: _d, ...replace } = body;
    void rest;
    void _g;
    void _d;
    expect((await owner.put(url, replace)).statusCode).toBe(428);
    expect((await owner.put(url, replace, { 'if-match': '"v1"' })).statusCode).toBe(412);
    const replaced = await owner.put(url, replace, { 'if-match': '"v3"' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(json<Referral>(replaced).name).toBe('Renamed');
  });

  it('answers each role as the contract says', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const created = json<Referral>(await owner.post(refs(A()), referralCreateBody()));
    const pl = json<Referral>(
      await owner.post(
        refs(A()),
        referralCreateBody({
          customerProfile: { name: 'Polska SA', address: { country: 'PL' }, team: [] },
        }),
      ),
    );
    const get = (person: SeededPerson | null, org: string, id: string) =>
      as(ctx.app, person).get(`${refs(org)}/${id}`);
    expect((await get(world.partnerA.owner, A(), created.id)).statusCode).toBe(200);
    expect((await get(world.partnerA.manager, A(), created.id)).statusCode).toBe(200);
    expect((await get(world.partnerB.owner, A(), created.id)).statusCode).toBe(404);
    expect((await get(world.partnerB.owner, B(), created.id)).statusCode).toBe(404);
    expect((await get(adminUS, A(), created.id)).statusCode).toBe(200);
    expect((await get(adminUS, A(), pl.id)).statusCode).toBe(404);
    expect((await get(adminPL, A(), pl.id)).statusCode).toBe(200);
    expect((await get(userOnTeam, A(), created.id)).statusCode).toBe(200);
    expect((await get(userOffTeam, A(), created.id)).statusCode).toBe(404);
    expect((await get(world.seller, A(), created.id)).statusCode).toBe(404);
    expect(
      (await get(world.reseller.member, world.reseller.organisation.id, created.id)).statusCode,
    ).toBe(404);
    expect((await get(null, A(), created.id)).statusCode).toBe(401);
    // A vendor seller sees the deals its organisation takes part in.
    const sent = await sellerSends();
    expect((await get(world.seller, V(), sent.id)).statusCode).toBe(200);
    // A token without the opportunities scope is refused (403).
    const token = await owner.post('/api/tokens', {
      name: 'offers only',
      scopes: ['offers:read'],
    });
    expect(token.statusCode, token.body).toBe(201);
    const secret = json<{ secret: string }>(token).secret;
    const refused = await ctx.app.inject({
      method: 'GET',
      url: refs(A()),
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('turns a storefront contact request into a lead for the publisher', async () => {
    const r = await as(ctx.app).post(`/api/storefront/offers/${offerA}/contact-requests`, {
      name: 'Kim Buyer',
      email: 'kim@buyer.test',
      company: 'Buyer Inc',
      country: 'SE',
      message: 'Please call',
      consent: true,
    });
    expect(r.statusCode, r.body).toBe(202);
    const leads = json<{ value: Referral[] }>(
      await as(ctx.app, world.partnerA.owner).get(`${refs(A())}?view=inbound&$search=Buyer`),
    ).value;
    expect(leads.map((l) => [l.dealKind, l.substatus])).toEqual([['lead', 'Received']]);
  });
});
