/**
 * Co-sell opportunity notifications end to end (SPEC §7.7), on PGlite with row-level security:
 * a vendor seller's co-sell opportunity puts a notice in the bell of the partner's referrals
 * admin and a mail in the mailer once the job worker delivers the event; the answer goes back
 * to the seller's organisation; a muted kind produces neither.
 */
import type { Mail } from '@cosell/core';
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

type Referral = { id: string; eTag: string; engagementId: string; name: string };
type Bell = {
  items: { kind: string; subject: string; text: string; path: string | null }[];
  unread: number;
};

describe('co-sell opportunity notifications', () => {
  let ctx: TestContext;
  let world: World;
  let offerA: string;
  let adminUS: SeededPerson;
  const mails: Mail[] = [];
  const refs = (org: string) => `/api/organisations/${org}/engagements/referrals`;
  const A = () => world.partnerA.organisation.id;
  const drain = () => ctx.deps.jobs.drain();
  const bellOf = async (person: SeededPerson) =>
    json<Bell>(await as(ctx.app, person).get('/api/notifications'));

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    ctx.deps.mailer = { send: async (mail) => void mails.push(mail) };
    offerA = await cosellReadyOffer(ctx, world.partnerA.owner, A());
    adminUS = await addPerson(ctx.deps, world.admin.user.id, A(), {
      email: 'admin-us@a.test',
      name: 'Admin US',
      password: PASSWORD,
      roles: ['referrals-admin'],
    });
    const scoped = await as(ctx.app, world.partnerA.owner).put(
      `/api/organisations/${A()}/members/${adminUS.user.id}/referral-scope`,
      { countries: ['US'] },
    );
    expect(scoped.statusCode, scoped.body).toBe(200);
  });
  afterAll(() => ctx.close());

  const sellerSends = async (name: string) => {
    const r = await as(ctx.app, world.seller).post(
      refs(world.vendor.id),
      referralCreateBody({
        name,
        target: [{ type: 'Organization', id: A() }],
        details: {
          ...referralCreateBody().details,
          requirements: { solutions: [{ id: offerA, name: 'Contoso Migrate' }] },
        },
      }),
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(r.statusCode, r.body).toBe(201);
    const sent = json<Referral>(r);
    const list = json<{ value: Referral[] }>(
      await as(ctx.app, adminUS).get(
        `${refs(A())}?$filter=${encodeURIComponent(`engagementId eq '${sent.engagementId}'`)}`,
      ),
    );
    return { sent, received: list.value[0]! };
  };

  it("puts the seller's co-sell opportunity in the partner admin's bell and mailbox, and the answer in the seller's", async () => {
    mails.length = 0;
    const { sent, received } = await sellerSends('Woodgrove migration');

    await drain();

    const bell = await bellOf(adminUS);
    expect(bell.items[0]).toMatchObject({
      kind: 'referral.received',
      subject: 'New co-sell opportunity: “Woodgrove migration”',
      path: `/opportunities/${received.id}`,
    });
    expect(bell.unread).toBe(1);
    const mail = mails.find((m) => m.to === 'admin-us@a.test');
    expect(mail?.subject).toBe('New co-sell opportunity: “Woodgrove migration”');
    expect(mail?.text).toMatch(new RegExp(`/opportunities/${received.id}$`));
    // The partner's owner is not a referrals admin and is not told while an admin is.
    expect((await bellOf(world.partnerA.owner)).items).toEqual([]);

    const declined = await as(ctx.app, adminUS).post(
      `${refs(A())}/${received.id}/actions`,
      { kind: 'decline', reason: 'Other', notes: 'Not our region' },
      { 'if-match': received.eTag },
    );
    expect(declined.statusCode, declined.body).toBe(200);
    await drain();

    // The seller created the vendor's referral (nobody on its team is a member): the seller is told.
    const sellerBell = await bellOf(world.seller);
    expect(sellerBell.items[0]).toMatchObject({
      kind: 'referral.declined',
      path: `/opportunities/${sent.id}`,
    });
    expect(sellerBell.items[0]!.text).toContain('Partner A declined');
    expect(mails.some((m) => m.to === 'seller@vendor.test')).toBe(true);
  });

  it('tells nobody who muted the kind, neither in the bell nor by mail', async () => {
    const muted = await as(ctx.app, adminUS).put('/api/notifications/preferences', {
      muted: ['referral.received'],
    });
    expect(muted.statusCode, muted.body).toBe(200);
    const before = (await bellOf(adminUS)).items.length;
    mails.length = 0;

    await sellerSends('Tailspin rollout');
    await drain();

    expect((await bellOf(adminUS)).items).toHaveLength(before);
    expect(mails.filter((m) => m.to === 'admin-us@a.test')).toEqual([]);
  });
});
