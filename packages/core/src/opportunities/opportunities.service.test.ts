import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/access';
import {
  actorOf,
  addMember,
  createFakes,
  eventsOf,
  listOffer,
  opportunityDeps,
  referralCreateBody,
  runInJob,
  seedProgram,
  type Fakes,
} from '../testing';
import { expireReferrals } from './opportunities.jobs';
import * as sut from './opportunities.service';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: sut.OpportunityDeps;
const DAY = 86_400_000;

beforeEach(() => {
  fakes = createFakes({ now: '2026-11-22T09:00:00Z' });
  world = seedProgram(fakes);
  deps = opportunityDeps(fakes);
});

const row = (id: string) => fakes.state.referrals.find((r) => r.id === id)!;

/** The vendor seller sends Contoso (the partner) a co-sell opportunity. */
async function sendToPartner() {
  const offerId = listOffer(fakes, world.partner.id, 'Contoso Migrate');
  return sut.createReferral(
    deps,
    world.seller,
    world.vendor.id,
    referralCreateBody({
      target: [{ type: 'Organization', id: world.partner.id }],
      details: {
        ...referralCreateBody().details,
        requirements: { solutions: [{ id: offerId, name: 'Contoso Migrate' }] },
      },
    }),
  );
}

const received = () =>
  fakes.state.referrals.find(
    (r) => r.organizationId === world.partner.id && r.direction === 'Incoming',
  )!;

describe('creating referrals', () => {
  it("starts a partner's own deal Accepted and outgoing, with its timeline entry and event", async () => {
    listOffer(fakes, world.partner.id, 'Contoso Migrate');
    const deal = await sut.createReferral(
      deps,
      world.owner,
      world.partner.id,
      referralCreateBody(),
    );
    expect(deal).toMatchObject({ status: 'Active', substatus: 'Accepted', direction: 'Outgoing' });
    expect(fakes.state.referralTimeline).toMatchObject([
      { referralId: deal.id, action: 'create', channel: 'web', actorName: 'Olive Owner' },
    ]);
    expect(eventsOf(fakes).map((e) => e.type)).toEqual(['referral.created']);
    expect(fakes.state.audit.at(-1)).toMatchObject({
      action: 'referral.create',
      entityId: deal.id,
    });
  });

  it('refuses a New deal to a partner without a co-sell ready solution', async () => {
    listOffer(fakes, world.partner.id, 'Draft only', { cosellStatus: 'not-cosell-ready' });
    await expect(
      sut.createReferral(deps, world.owner, world.partner.id, referralCreateBody()),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'referral.refused.notCosellReady' });
    expect(fakes.state.referrals).toEqual([]);
  });

  it("delivers a vendor seller's opportunity to the partner as Received, expiring in 14 days", async () => {
    const own = await sendToPartner();
    expect(own).toMatchObject({ organizationId: world.vendor.id, substatus: 'Accepted' });
    expect(received()).toMatchObject({
      engagementId: own.engagementId,
      status: 'New',
      substatus: 'Received',
      dealKind: 'inbound',
      expirationDateTime: new Date(fakes.clock.now().getTime() + 14 * DAY).toISOString(),
    });
    // The partner's row was written with exactly the partner's organisation added to the scope.
    expect(fakes.uow.runs.at(-1)!.widened).toEqual([{ organisationIds: [world.partner.id] }]);
    expect(eventsOf(fakes).map((e) => [e.type, e.organisationId])).toEqual([
      ['referral.created', world.vendor.id],
      ['referral.created', world.partner.id],
    ]);
  });

  it("refuses an opportunity naming an offer that is not the partner's co-sell ready one", async () => {
    const otherOffer = listOffer(fakes, world.other.id, 'Fabrikam Ops');
    await expect(
      sut.createReferral(
        deps,
        world.seller,
        world.vendor.id,
        referralCreateBody({
          target: [{ type: 'Organization', id: world.partner.id }],
          details: {
            ...referralCreateBody().details,
            requirements: { solutions: [{ id: otherOffer, name: 'Fabrikam Ops' }] },
          },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [
        {
          path: ['details', 'requirements', 'solutions', 0, 'id'],
          code: 'referral.solution.notCosellReady',
        },
      ],
    });
  });
});

describe('working a referral', () => {
  it('accepts, moves stage and wins, each with If-Match, ETag and timeline', async () => {
    await sendToPartner();
    const incoming = received();
    const accepted = await sut.actOnReferral(
      deps,
      world.owner,
      world.partner.id,
      incoming.id,
      {
        kind: 'accept',
        name: 'Contoso – migration',
        dealValue: 50000,
        currency: 'USD',
        closingDateTime: '2027-02-01T00:00:00.000Z',
        notes: 'On it',
      },
      [1],
    );
    expect(accepted).toMatchObject({
      substatus: 'Accepted',
      eTag: '"v2"',
      expirationDateTime: null,
    });
    await expect(
      sut.actOnReferral(
        deps,
        world.owner,
        world.partner.id,
        incoming.id,
        { kind: 'move-stage', stage: 'Qualified' },
        [1],
      ),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const won = await sut.actOnReferral(
      deps,
      world.owner,
      world.partner.id,
      incoming.id,
      { kind: 'win' },
      [2],
    );
    expect(won).toMatchObject({ status: 'Closed', substatus: 'Won' });
    await expect(
      sut.actOnReferral(
        deps,
        world.owner,
        world.partner.id,
        incoming.id,
        { kind: 'lose', reason: 'x' },
        'any',
      ),
    ).rejects.toMatchObject({ code: 'REFERRAL_CLOSED' });
    const timeline = await sut.getReferralTimeline(
      deps,
      world.owner,
      world.partner.id,
      incoming.id,
    );
    expect(timeline.map((t) => t.action)).toEqual(['win', 'accept', 'create']);
  });

  it('tells the sender (its organisation) when the receiver declines', async () => {
    await sendToPartner();
    await sut.actOnReferral(
      deps,
      world.owner,
      world.partner.id,
      received().id,
      { kind: 'decline', reason: 'Other' as never, notes: 'Not our region' },
      'any',
    );
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'referral.declined',
      data: { senderOrganizationId: world.vendor.id },
    });
  });

  it('patches writable fields and refuses read-only ones', async () => {
    listOffer(fakes, world.partner.id, 'Contoso Migrate');
    const deal = await sut.createReferral(
      deps,
      world.owner,
      world.partner.id,
      referralCreateBody(),
    );
    const patched = await sut.patchReferral(
      deps,
      world.owner,
      world.partner.id,
      deal.id,
      [{ op: 'replace', path: '/details/dealValue', value: 99 }],
      [1],
    );
    expect(patched.details.dealValue).toBe(99);
    await expect(
      sut.patchReferral(
        deps,
        world.owner,
        world.partner.id,
        deal.id,
        [{ op: 'replace', path: '/customerProfile/name', value: 'Other' }],
        'any',
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(row(deal.id).customerProfile.name).toBe('Contoso Ltd');
  });

  it('invites a second partner, whose own Received referral joins the engagement', async () => {
    listOffer(fakes, world.partner.id, 'Contoso Migrate');
    const deal = await sut.createReferral(
      deps,
      world.owner,
      world.partner.id,
      referralCreateBody(),
    );
    const { referral, invitee } = await sut.inviteToReferral(
      deps,
      world.owner,
      world.partner.id,
      deal.id,
      {
        organizationId: world.other.id,
        closingDateTime: '2027-05-01T00:00:00.000Z',
        dealValue: 10,
        currency: 'EUR',
        team: [{ firstName: 'Fay', lastName: 'F', email: 'fay@fabrikam.test' }],
        solutions: [{ id: 's', name: 'Ops' }],
      },
      [1],
    );
    expect(referral.eTag).toBe('"v2"');
    expect(invitee).toMatchObject({ organizationName: 'Fabrikam', substatus: 'Received' });
    const participants = await sut.listReferralParticipants(
      deps,
      world.otherOwner,
      world.other.id,
      invitee.id,
    );
    expect(participants.map((p) => p.organizationName)).toEqual(['Contoso', 'Fabrikam']);
    expect(JSON.stringify(participants)).not.toContain('Wants to move');
  });
});

describe('who sees what', () => {
  it('hides other organisations, resellers and, for referrals users, deals off their team', async () => {
    listOffer(fakes, world.partner.id, 'Contoso Migrate');
    const deal = await sut.createReferral(
      deps,
      world.owner,
      world.partner.id,
      referralCreateBody(),
    );
    await expect(
      sut.getReferral(deps, world.otherOwner, world.partner.id, deal.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      sut.getReferral(deps, world.resellerMember, world.reseller.id, deal.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const onTeam = addMember(fakes, world.partner, ['referrals-user'], {
      email: 'ada@partner-a.test',
    });
    const offTeam = addMember(fakes, world.partner, ['referrals-user'], { email: 'bo@x.test' });
    expect((await sut.getReferral(deps, onTeam, world.partner.id, deal.id)).id).toBe(deal.id);
    await expect(sut.getReferral(deps, offTeam, world.partner.id, deal.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const list = await sut.listReferrals(deps, offTeam, world.partner.id, { odata: {} });
    expect(list.items).toEqual([]);
  });

  it('limits a referrals admin to its location scope, which owners set', async () => {
    listOffer(fakes, world.partner.id, 'Contoso Migrate');
    await sut.createReferral(deps, world.owner, world.partner.id, referralCreateBody());
    const admin: Actor = addMember(fakes, world.partner, ['referrals-admin']);
    const count = async () =>
      (await sut.listReferrals(deps, admin, world.partner.id, { odata: { $count: 'true' } })).total;
    expect(await count()).toBe(1);
    await sut.setMemberReferralScope(deps, world.owner, world.partner.id, admin.userId, ['PL']);
    expect(await count()).toBe(0);
    await expect(
      sut.setMemberReferralScope(deps, admin, world.partner.id, admin.userId, null),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists favourites, inbound and outbound views and searches text', async () => {
    const own = await sendToPartner();
    const seller = actorOf(fakes, world.seller.userId);
    await sut.setReferralFavorite(deps, seller, world.vendor.id, own.id, true);
    const view = async (v: 'favorites' | 'inbound' | 'outbound', search?: string) =>
      (await sut.listReferrals(deps, seller, world.vendor.id, { odata: {}, view: v, search })).items
        .length;
    expect(await view('favorites')).toBe(1);
    expect(await view('outbound')).toBe(1);
    expect(await view('inbound')).toBe(0);
    expect(await view('outbound', 'contoso')).toBe(1);
    expect(await view('outbound', 'nothing like it')).toBe(0);
  });
});

describe('expiry', () => {
  it('warns, then expires an unanswered referral after 14 days and tells the sender', async () => {
    await sendToPartner();
    fakes.clock.advance(12 * DAY);
    const warned = await runInJob(fakes, { kind: 'referrals.expire' }, (ctx) =>
      expireReferrals(ctx),
    );
    expect(warned).toEqual({ warned: 1, expired: 0 });
    fakes.clock.advance(2 * DAY);
    const expired = await runInJob(fakes, { kind: 'referrals.expire' }, (ctx) =>
      expireReferrals(ctx),
    );
    expect(expired).toEqual({ warned: 0, expired: 1 });
    expect(received()).toMatchObject({ status: 'Closed', substatus: 'Expired' });
    expect(
      eventsOf(fakes)
        .slice(-2)
        .map((e) => e.type),
    ).toEqual(['referral.expiring', 'referral.expired']);
    expect(eventsOf(fakes).at(-1)!.data).toMatchObject({ senderOrganizationId: world.vendor.id });
  });
});

describe('storefront leads', () => {
  it("creates a Received lead for the offer's publisher", async () => {
    const offerId = listOffer(fakes, world.partner.id, 'Contoso Migrate');
    await sut.createLead(deps, offerId, {
      name: 'Kim Buyer',
      email: 'kim@buyer.test',
      company: 'Buyer Inc',
      country: 'SE',
      message: 'Please call me',
      consent: true,
    });
    expect(received()).toMatchObject({ dealKind: 'lead', substatus: 'Received' });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'referral.created',
      organisationId: world.partner.id,
    });
  });
});
