import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/access';
import type { DomainEvent, EventType } from '../events/events';
import * as opportunities from '../opportunities/opportunities.service';
import { expireReferrals } from '../opportunities/opportunities.jobs';
import { relayOutbox, subscribersOf } from '../modules';
import type { NotificationKind } from '../reference/notification-kinds';
import {
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
import { notificationPath, renderNotification } from './notifications.service';
import { notificationsSubscriber } from './notifications.subscribers';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: opportunities.OpportunityDeps;
let adminUS: Actor;
let adminPL: Actor;
const DAY = 86_400_000;

beforeEach(async () => {
  fakes = createFakes({ now: '2026-11-22T09:00:00Z' });
  world = seedProgram(fakes);
  deps = opportunityDeps(fakes);
  adminUS = addMember(fakes, world.partner, ['referrals-admin'], { name: 'Ursula US' });
  adminPL = addMember(fakes, world.partner, ['referrals-admin'], { name: 'Paweł PL' });
  await opportunities.setMemberReferralScope(deps, world.owner, world.partner.id, adminUS.userId, [
    'US',
  ]);
  await opportunities.setMemberReferralScope(deps, world.owner, world.partner.id, adminPL.userId, [
    'PL',
  ]);
});

/** The vendor seller sends Contoso (the partner) a co-sell opportunity for a US customer. */
async function sendToPartner(team = referralCreateBody().team) {
  const offerId = listOffer(fakes, world.partner.id, 'Contoso Migrate');
  const sent = await opportunities.createReferral(
    deps,
    world.seller,
    world.vendor.id,
    referralCreateBody({
      name: 'Woodgrove migration',
      team,
      target: [{ type: 'Organization', id: world.partner.id }],
      details: {
        ...referralCreateBody().details,
        requirements: { solutions: [{ id: offerId, name: 'Contoso Migrate' }] },
      },
    }),
  );
  const received = fakes.state.referrals.find(
    (r) => r.organizationId === world.partner.id && r.engagementId === sent.engagementId,
  )!;
  return { sent, received };
}

/** Hands every committed event of `type` not handled yet to the notifications subscriber. */
const handled = new Set<string>();
async function deliver(type: EventType) {
  for (const event of eventsOf(fakes).filter((e) => e.type === type && !handled.has(e.id))) {
    handled.add(event.id);
    await runInJob(
      fakes,
      { kind: 'event:notifications', organisationId: event.organisationId, payload: {} },
      (ctx) => notificationsSubscriber.handle(ctx, event as DomainEvent),
    );
  }
}

const told = (kind: NotificationKind) =>
  fakes.state.notifications
    .filter((n) => n.kind === kind)
    .map((n) => n.userId)
    .sort();

const accept = (referralId: string, version = 1) =>
  opportunities.actOnReferral(
    deps,
    adminUS,
    world.partner.id,
    referralId,
    {
      kind: 'accept',
      name: 'Woodgrove – migration',
      dealValue: 50000,
      currency: 'USD',
      closingDateTime: '2027-02-01T00:00:00.000Z',
      notes: 'On it',
    },
    [version],
  );

beforeEach(() => handled.clear());

describe('an incoming co-sell opportunity', () => {
  it("tells the receiver's referrals admins whose location scope holds the customer, with a link to the deal", async () => {
    const { received } = await sendToPartner();

    await deliver('referral.created');

    expect(told('referral.received')).toEqual([adminUS.userId]);
    const notification = fakes.state.notifications[0]!;
    expect(notification).toMatchObject({ organisationId: world.partner.id, offerId: null });
    expect(notificationPath(notification)).toBe(`/opportunities/${received.id}`);
    const en = renderNotification(notification, 'en');
    expect(en.subject).toBe('New co-sell opportunity: “Woodgrove migration”');
    expect(en.text).toContain('Northwind Program sent your company');
    expect(renderNotification(notification, 'pl-PL').subject).toContain('szansa');
    expect(fakes.state.jobs.map((j) => j.kind)).toEqual(['mail.notification']);
  });

  it('tells the owners and managers when no referrals admin covers the customer', async () => {
    fakes.state.memberships = fakes.state.memberships.filter((m) => m.userId !== adminUS.userId);

    await sendToPartner();
    await deliver('referral.created');

    expect(told('referral.received')).toEqual([world.owner.userId, world.manager.userId].sort());
  });

  it('tells nobody about a deal a partner creates itself', async () => {
    listOffer(fakes, world.partner.id, 'Contoso Migrate');
    await opportunities.createReferral(deps, world.owner, world.partner.id, referralCreateBody());

    await deliver('referral.created');

    expect(fakes.state.notifications).toEqual([]);
  });

  it('queues a delivery for an incoming deal and none for a deal a partner creates itself', async () => {
    listOffer(fakes, world.partner.id, 'Contoso Own');
    await opportunities.createReferral(deps, world.owner, world.partner.id, referralCreateBody());
    await sendToPartner();

    await runInJob(fakes, { kind: 'outbox.relay' }, (ctx) => relayOutbox(ctx, subscribersOf()));

    const deliveries = fakes.state.jobs.filter((j) => j.kind === 'event:notifications');
    const eventOf = (id: unknown) => fakes.state.events.find((e) => e.id === id)!;
    expect(
      deliveries.map((j) => {
        const event = eventOf(j.payload.eventId);
        return [event.type, (event.data as { direction?: string }).direction];
      }),
    ).toEqual([['referral.created', 'Incoming']]);
    expect(fakes.state.events.every((e) => e.dispatchedAt)).toBe(true);
  });

  it('tells nobody who muted the kind', async () => {
    fakes.state.users.find((u) => u.id === adminUS.userId)!.mutedNotificationKinds = [
      'referral.received',
    ];

    await sendToPartner();
    await deliver('referral.created');

    expect(fakes.state.notifications).toEqual([]);
    expect(fakes.state.jobs).toEqual([]);
  });
});

describe("the receiver's answer", () => {
  it("tells the sender's team members that it was accepted, about the sender's own deal", async () => {
    const seller2 = addMember(fakes, world.vendor, ['seller'], {
      name: 'Ada Seller',
      email: 'ada@partner-a.test',
    });
    const { sent, received } = await sendToPartner();

    await accept(received.id);
    await deliver('referral.accepted');

    expect(told('referral.accepted')).toEqual([seller2.userId]);
    const notification = fakes.state.notifications[0]!;
    expect(notification.organisationId).toBe(world.vendor.id);
    expect(notificationPath(notification)).toBe(`/opportunities/${sent.id}`);
    expect(renderNotification(notification, 'en').text).toBe(
      'Contoso accepted the co-sell opportunity “Woodgrove migration” your company sent.',
    );
  });

  it('tells whoever sent it when nobody on the team is a member, and names the decline reason', async () => {
    const { received } = await sendToPartner();

    await opportunities.actOnReferral(
      deps,
      adminUS,
      world.partner.id,
      received.id,
      {
        kind: 'decline',
        reason: 'No Microsoft seller directly manages this customer',
        notes: 'Not ours',
      },
      [1],
    );
    await deliver('referral.declined');

    expect(told('referral.declined')).toEqual([world.seller.userId]);
    const notification = fakes.state.notifications[0]!;
    expect(renderNotification(notification, 'en').text).toContain(
      'Reason: no seller directly manages this customer.',
    );
    expect(renderNotification(notification, 'sv-SE').text).toContain(
      'Orsak: ingen säljare hanterar den här kunden direkt.',
    );
  });
});

describe('expiry', () => {
  it('warns the receiver, then tells both the receiver and the sender when it expired', async () => {
    await sendToPartner();
    const expire = () =>
      runInJob(fakes, { kind: 'referrals.expire' }, (ctx) => expireReferrals(ctx));

    fakes.clock.advance(12 * DAY);
    await expire();
    await deliver('referral.expiring');
    expect(told('referral.expiring')).toEqual([adminUS.userId]);
    const warning = fakes.state.notifications[0]!;
    expect(renderNotification(warning, 'en').subject).toBe(
      '“Woodgrove migration” expires on December 6, 2026',
    );

    fakes.clock.advance(2 * DAY);
    await expire();
    await deliver('referral.expired');
    expect(told('referral.expired')).toEqual([adminUS.userId, world.seller.userId].sort());
    const toSender = fakes.state.notifications.find((n) => n.userId === world.seller.userId)!;
    expect(renderNotification(toSender, 'en').text).toBe(
      'Contoso did not answer the co-sell opportunity “Woodgrove migration” your company sent within 14 days, so it expired.',
    );
  });
});

describe('partner-to-partner and the end of a deal', () => {
  it("tells the invited partner's admins, then the other participants' teams when it is won", async () => {
    const { sent, received } = await sendToPartner();
    await accept(received.id);
    const { invitee } = await opportunities.inviteToReferral(
      deps,
      adminUS,
      world.partner.id,
      received.id,
      {
        organizationId: world.other.id,
        closingDateTime: '2027-05-01T00:00:00.000Z',
        dealValue: 10,
        currency: 'EUR',
        team: [{ firstName: 'Fay', lastName: 'F', email: 'fay@fabrikam.test' }],
        solutions: [{ id: 's', name: 'Ops' }],
      },
      [2],
    );

    await deliver('referral.created');
    expect(told('referral.invited')).toEqual([world.otherOwner.userId]);
    expect(told('referral.received')).toEqual([adminUS.userId]);
    const invitation = fakes.state.notifications.find((n) => n.kind === 'referral.invited')!;
    expect(notificationPath(invitation)).toBe(`/opportunities/${invitee.id}`);
    expect(renderNotification(invitation, 'en').subject).toBe(
      'Contoso invited you to “Woodgrove – migration”',
    );

    await opportunities.actOnReferral(
      deps,
      adminUS,
      world.partner.id,
      received.id,
      { kind: 'win' },
      'any',
    );
    await deliver('referral.won');

    // The vendor's seller created the vendor's referral (nobody on its team is a member). Nobody
    // of Fabrikam is on its team yet, and Contoso created it: Fabrikam has nobody to tell.
    const closed = fakes.state.notifications.filter((n) => n.kind === 'referral.closed');
    expect(closed.map((n) => [n.organisationId, n.userId])).toEqual([
      [world.vendor.id, world.seller.userId],
    ]);
    expect(notificationPath(closed[0]!)).toBe(`/opportunities/${sent.id}`);
    expect(renderNotification(closed[0]!, 'en').text).toBe(
      'Contoso marked the deal “Woodgrove migration” you work on together as won.',
    );
  });

  it('says why it was lost', async () => {
    const { received } = await sendToPartner();
    await accept(received.id);

    await opportunities.actOnReferral(
      deps,
      adminUS,
      world.partner.id,
      received.id,
      { kind: 'lose', reason: 'Budget cut' },
      'any',
    );
    await deliver('referral.lost');

    const [lost] = fakes.state.notifications;
    expect(lost).toMatchObject({ kind: 'referral.closed', userId: world.seller.userId });
    expect(renderNotification(lost!, 'en')).toEqual({
      subject: '“Woodgrove migration” was lost',
      text: 'Contoso marked the deal “Woodgrove migration” you work on together as lost. Reason: Budget cut.',
    });
  });
});
