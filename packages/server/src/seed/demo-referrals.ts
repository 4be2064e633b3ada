/**
 * The demo's co-sell opportunities: for each partner, outbound deals at every sales stage
 * (private and co-sell), inbound opportunities from the vendor's seller (received, accepted,
 * declined), a P2P invitation between two partners, deals won and lost, and one that expired
 * unanswered. Made through the same use cases as the API, on the program clock.
 */
import {
  actOnReferral,
  createEventSink,
  createReferral,
  expireReferrals,
  inviteToReferral,
  SALES_STAGE_NAMES,
  type Actor,
  type OpportunityDeps,
  type ReferralCreate,
} from '@cosell/core';
import type { AppDeps } from '../deps';

const DAY = 86_400_000;

export interface DemoReferralActors {
  seller: Actor;
  vendorId: string;
  partners: { organisationId: string; owner: Actor; name: string; domain: string }[];
}

const body = (
  name: string,
  customer: string,
  country: string,
  email: string,
  extra: Partial<ReferralCreate> = {},
): ReferralCreate => ({
  name,
  type: 'Independent',
  qualification: 'None',
  customerProfile: { name: customer, address: { country }, team: [] },
  consent: { consentToShareReferralWithMicrosoftSellers: true },
  details: {
    notes: `${customer} wants help with ${name.toLowerCase()}.`,
    dealValue: 25_000 + name.length * 1_000,
    currency: 'USD',
    closingDateTime: '2027-06-30T00:00:00.000Z',
    requirements: { solutions: [{ id: 'demo', name: 'Demo solution' }] },
  },
  team: [{ firstName: 'Demo', lastName: 'Seller', email }],
  target: [],
  visibility: 'private',
  dealKind: 'outbound',
  ...extra,
});

export async function seedDemoReferrals(deps: AppDeps, actors: DemoReferralActors) {
  const now = deps.offers.clock.now();
  const opportunities: OpportunityDeps = { uow: deps.offers.uow, clock: deps.offers.clock };
  const solutions = await deps.offers.uow.run(
    (tx) => tx.referrals.listCosellReadySolutions(null),
    {},
  );
  const ready = actors.partners.filter((p) =>
    solutions.some((s) => s.organizationId === p.organisationId),
  );
  const accept = (name: string) => ({
    kind: 'accept' as const,
    name,
    dealValue: 40_000,
    currency: 'USD',
    closingDateTime: '2027-03-31T00:00:00.000Z',
    notes: 'Accepted for the demo',
  });
  // Outbound deals at every stage, private and co-sell, won and lost.
  for (const partner of ready) {
    const email = `owner@${partner.domain}`;
    const solution = solutions.find((s) => s.organizationId === partner.organisationId)!;
    const withSolution = (b: ReferralCreate): ReferralCreate => ({
      ...b,
      details: {
        ...b.details,
        requirements: { solutions: [{ id: solution.id, name: solution.name }] },
      },
    });
    for (const [index, stage] of SALES_STAGE_NAMES.entries()) {
      const deal = await createReferral(
        opportunities,
        partner.owner,
        partner.organisationId,
        withSolution(
          body(`${stage} stage deal`, `Customer ${index + 1} of ${partner.name}`, 'US', email, {
            visibility: index % 2 === 0 ? 'private' : 'co-sell',
          }),
        ),
      );
      if (stage === 'Won') {
        await actOnReferral(
          opportunities,
          partner.owner,
          partner.organisationId,
          deal.id,
          { kind: 'win' },
          'any',
        );
      } else if (stage !== 'Created' && stage !== 'Accepted') {
        await actOnReferral(
          opportunities,
          partner.owner,
          partner.organisationId,
          deal.id,
          { kind: 'move-stage', stage },
          'any',
        );
      }
    }
    const lost = await createReferral(
      opportunities,
      partner.owner,
      partner.organisationId,
      withSolution(body('Lost deal', 'Lost Customer Inc', 'GB', email)),
    );
    await actOnReferral(
      opportunities,
      partner.owner,
      partner.organisationId,
      lost.id,
      { kind: 'lose', reason: 'Chose a competitor' },
      'any',
    );
  }

  // Inbound opportunities from the vendor's seller: received, accepted (then a P2P invitation), declined.
  const send = async (partner: (typeof ready)[number], name: string, at = opportunities) => {
    const solution = solutions.find((s) => s.organizationId === partner.organisationId)!;
    const own = await createReferral(
      at,
      actors.seller,
      actors.vendorId,
      body(name, `${name} Corp`, 'US', 'seller@microsoft.example', {
        target: [{ type: 'Organization', id: partner.organisationId }],
        details: {
          ...body(name, name, 'US', '').details,
          requirements: { solutions: [{ id: solution.id, name: solution.name }] },
        },
      }),
    );
    const received = await deps.offers.uow.run(
      (tx) => tx.referrals.listEngagement(partner.organisationId, own.engagementId),
      { organisationIds: [partner.organisationId] },
    );
    return received.find((r) => r.organizationId === partner.organisationId)!;
  };
  const [first, second, third] = ready;
  if (first) {
    await send(first, 'Inbound waiting');
    const accepted = await send(first, 'Inbound accepted');
    await actOnReferral(
      opportunities,
      first.owner,
      first.organisationId,
      accepted.id,
      accept('Inbound accepted'),
      'any',
    );
    const declined = await send(first, 'Inbound declined');
    await actOnReferral(
      opportunities,
      first.owner,
      first.organisationId,
      declined.id,
      { kind: 'decline', reason: 'Other', notes: 'Outside our regions' },
      'any',
    );
    const other = second ?? third;
    if (other) {
      await inviteToReferral(
        opportunities,
        first.owner,
        first.organisationId,
        accepted.id,
        {
          organizationId: other.organisationId,
          closingDateTime: '2027-04-30T00:00:00.000Z',
          dealValue: 15_000,
          currency: 'USD',
          notes: 'Join us on the data platform part',
          team: [{ firstName: 'Demo', lastName: 'Partner', email: `owner@${other.domain}` }],
          solutions: [{ id: 'p2p', name: 'Data platform services' }],
        },
        'any',
      );
    }
  }
  // One that nobody answered: sent 15 days ago, expired by the expiry job.
  const late = second ?? first;
  if (late) {
    const past = { now: () => new Date(now.getTime() - 15 * DAY) };
    await send(late, 'Inbound never answered', { ...opportunities, clock: past });
    await deps.offers.uow.run(async (tx) => {
      const sink = createEventSink({
        actor: { kind: 'system', id: null },
        requestId: null,
        now: () => now,
        newId: () => globalThis.crypto.randomUUID(),
      });
      await expireReferrals({ tx, clock: deps.offers.clock, emit: sink.emit });
      await tx.outbox.appendEvents(sink.drain());
    }, {});
  }
}
