import { beforeEach, describe, expect, it } from 'vitest';
import type { OfferRecord } from '../offers/offer';
import { POLICIES } from '../program/policies';
import {
  COMPLETE_DRAFT,
  READY_PROFILE,
  addOffer,
  addProfile,
  addReadyOffer,
  createFakes,
  eventsOf,
  publishOffer,
  runInJob,
  seedProgram,
  type Fakes,
} from '../testing';
import * as sut from './status.service';

const DAY = 86_400_000;

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: sut.StatusDeps & { newId: () => string };

beforeEach(() => {
  fakes = createFakes();
  world = seedProgram(fakes);
  deps = { uow: fakes.uow, clock: fakes.clock, newId: fakes.newId };
});

/**
 * A live, transactable, priced SaaS offer that holds Azure IP co-sell incentivized under 2021-09
 * (reviewed, revenue verified, reference architecture diagram) but only co-sell ready under
 * 2023, which also wants the listing's solution type to be IP (it is "service").
 */
function azureIpOffer(organisationId = world.partner.id, name = 'Contoso Analytics'): OfferRecord {
  addProfile(fakes, organisationId, { ...READY_PROFILE, azureConsumedRevenueUsd: 150_000 });
  const draft = addReadyOffer(
    fakes,
    organisationId,
    {
      name,
      transactable: true,
      pricedAboveZero: true,
      cosell: {
        ...COMPLETE_DRAFT,
        listing: { ...COMPLETE_DRAFT.listing, solutionType: 'service' },
      },
    },
    ['reference-architecture-diagram'],
  );
  return publishOffer(fakes, draft).offer;
}

const recompute = (offer: OfferRecord, cause = 'publish') =>
  runInJob(fakes, { kind: 'publish.go-live', organisationId: offer.organisationId }, (ctx) =>
    sut.recomputeOfferStatus(ctx.tx, ctx, offer.organisationId, offer.id, cause),
  );

const setPolicy = (policy: string) => {
  fakes.state.programs[0]!.activePolicy = policy;
};

describe(sut.recomputeOfferStatus.name, () => {
  it('should store the status of a live offer, record its history and announce status.changed', async () => {
    const offer = azureIpOffer();

    const stored = await recompute(offer);

    expect(stored).toEqual({
      organisationId: world.partner.id,
      offerId: offer.id,
      status: 'azure-ip-cosell-incentivized',
      policyId: '2021-09',
      qualifiedSince: fakes.clock.now(),
      badgeGrantedAt: null,
      evaluatedAt: fakes.clock.now(),
    });
    expect(fakes.state.statuses).toEqual([stored]);
    expect(fakes.state.statusHistory).toEqual([
      expect.objectContaining({
        offerId: offer.id,
        status: 'azure-ip-cosell-incentivized',
        previousStatus: null,
        policyId: '2021-09',
        cause: 'publish',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'status.changed',
        organisationId: world.partner.id,
        subject: { type: 'offer', id: offer.id },
        data: {
          offerId: offer.id,
          offerName: 'Contoso Analytics',
          from: null,
          to: 'azure-ip-cosell-incentivized',
          policyId: '2021-09',
          era: '2021',
          cause: 'publish',
        },
        actor: { kind: 'system', id: null },
      }),
    ]);
  });

  it('should change nothing when run again with the same inputs', async () => {
    const offer = azureIpOffer();
    await recompute(offer);
    const before = structuredClone(fakes.state);
    fakes.clock.advance(DAY);

    await recompute(offer);

    expect(fakes.state.statuses).toEqual(before.statuses);
    expect(fakes.state.statusHistory).toEqual(before.statusHistory);
    expect(fakes.state.events).toEqual(before.events);
  });

  it('should drop an offer whose partner lost its PartnerID and restart its badge clock', async () => {
    const offer = azureIpOffer();
    await recompute(offer);
    fakes.state.profiles[0]!.partnerId = null;
    fakes.clock.advance(DAY);

    const stored = await recompute(offer, 'profile');

    expect(stored).toMatchObject({ status: 'not-cosell-ready', qualifiedSince: null });
    expect(eventsOf(fakes).at(-1)!.data).toMatchObject({
      from: 'azure-ip-cosell-incentivized',
      to: 'not-cosell-ready',
      cause: 'profile',
    });
  });

  it('should hold a never-published offer not co-sell ready', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);

    const stored = await recompute(offer);

    expect(stored?.status).toBe('not-cosell-ready');
  });

  it('should answer null for an offer that does not exist', async () => {
    const missing = addOffer(fakes, world.partner.id);
    fakes.state.offers = [];

    await expect(recompute(missing)).resolves.toBeNull();
    expect(fakes.state.events).toEqual([]);
  });
});

describe(sut.getOfferStatus.name, () => {
  it('should check a never-published offer against its draft and hold it not co-sell ready', async () => {
    const offer = addReadyOffer(fakes, world.partner.id);

    const view = await sut.getOfferStatus(deps, world.viewer, world.partner.id, offer.id);

    expect(view).toMatchObject({ basis: 'draft', status: 'not-cosell-ready', stored: null });
    const cosellReady = view.evaluation.tiers.find((t) => t.status === 'cosell-ready')!;
    expect(cosellReady.requirements.filter((r) => !r.met).map((r) => r.id)).toEqual(
      expect.arrayContaining(['offer.live', 'review.approved', 'profile.partnerId']),
    );
  });

  it('should check a live offer against its live version and show the stored history', async () => {
    const offer = azureIpOffer();
    await recompute(offer);

    const view = await sut.getOfferStatus(deps, world.owner, world.partner.id, offer.id);

    expect(view).toMatchObject({
      basis: 'live',
      status: 'azure-ip-cosell-incentivized',
      policyId: '2021-09',
      benefits: { azureBenefitEligible: true },
    });
    expect(view.history.map((h) => h.status)).toEqual(['azure-ip-cosell-incentivized']);
  });

  it('should read everything from one read-only snapshot', async () => {
    const offer = addOffer(fakes, world.partner.id);

    await sut.getOfferStatus(deps, world.owner, world.partner.id, offer.id);

    expect(fakes.uow.runs.at(-1)).toMatchObject({ snapshot: true, outcome: 'committed' });
  });

  it("should answer NOT_FOUND for another organisation's offer", async () => {
    const theirs = azureIpOffer(world.other.id);

    await expect(
      sut.getOfferStatus(deps, world.owner, world.partner.id, theirs.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      sut.getOfferStatus(deps, world.owner, world.other.id, theirs.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe(sut.previewPolicySwitch.name, () => {
  it('should count, per status pair, the offers a switch would move, naming their partners', async () => {
    const mine = azureIpOffer(world.partner.id, 'Mine');
    const theirs = azureIpOffer(world.other.id, 'Theirs');
    addReadyOffer(fakes, world.partner.id, { name: 'Never published' });
    await recompute(mine);
    await recompute(theirs);

    const preview = await sut.previewPolicySwitch(deps, world.programAdmin, '2023');

    expect(preview).toMatchObject({
      from: '2021-09',
      to: '2023',
      offers: 2,
      gained: 0,
      lost: 2,
      unchanged: 0,
      moves: [{ from: 'azure-ip-cosell-incentivized', to: 'cosell-ready', count: 2 }],
    });
    expect(preview.sample.map((s) => [s.organisationName, s.offerName]).sort()).toEqual([
      ['Contoso', 'Mine'],
      ['Fabrikam', 'Theirs'],
    ]);
  });

  it('should change nothing', async () => {
    await recompute(azureIpOffer());
    const before = structuredClone(fakes.state);

    await sut.previewPolicySwitch(deps, world.programAdmin, '2023');

    expect(fakes.state).toEqual(before);
  });

  it('should refuse anyone but a program admin with FORBIDDEN', async () => {
    await expect(sut.previewPolicySwitch(deps, world.reviewer, '2023')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sut.previewPolicySwitch(deps, world.owner, '2023')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe(sut.activatePolicy.name, () => {
  it('should activate the policy, audit it, announce program.policy-activated and queue the re-evaluation', async () => {
    const program = await sut.activatePolicy(deps, world.programAdmin, '2023', [1], 'req-1');

    expect(program).toMatchObject({ activePolicy: '2023', version: 2 });
    expect(fakes.state.programs[0]).toMatchObject({ activePolicy: '2023', version: 2 });
    expect(fakes.state.audit).toEqual([
      expect.objectContaining({
        organisationId: world.vendor.id,
        actorUserId: world.programAdmin.userId,
        action: 'program.policy.activate',
        entityType: 'program',
        entityId: world.vendor.id,
        before: { activePolicy: '2021-09' },
        after: { activePolicy: '2023' },
        requestId: 'req-1',
      }),
    ]);
    expect(eventsOf(fakes)).toEqual([
      expect.objectContaining({
        type: 'program.policy-activated',
        organisationId: world.vendor.id,
        subject: { type: 'program', id: world.vendor.id },
        data: { from: '2021-09', to: '2023' },
        actor: { kind: 'user', id: world.programAdmin.userId },
      }),
    ]);
    expect(fakes.state.jobs).toEqual([
      expect.objectContaining({
        kind: 'status.reevaluate',
        payload: { cause: 'policy', policyId: '2023', after: null },
        organisationId: null,
        runAt: fakes.clock.now(),
        dedupeKey: 'status.reevaluate:2023:2',
      }),
    ]);
  });

  it('should neither announce nor queue anything when the policy is already active', async () => {
    expect(fakes.state.programs[0]!.policyChosenAt).toBeNull();

    await sut.activatePolicy(deps, world.programAdmin, '2021-09', 'any');

    // Keeping the active policy still counts as choosing it (the first-run checklist).
    expect(fakes.state.programs[0]!.policyChosenAt).toEqual(fakes.clock.now());
    expect(fakes.state.events).toEqual([]);
    expect(fakes.state.jobs).toEqual([]);
  });

  it('should refuse a stale If-Match with PRECONDITION_FAILED and leave policy, queue and outbox alone', async () => {
    fakes.state.programs[0]!.version = 4;

    await expect(sut.activatePolicy(deps, world.programAdmin, '2023', [3])).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });

    expect(fakes.state.programs[0]).toMatchObject({ activePolicy: '2021-09', version: 4 });
    expect(fakes.state.jobs).toEqual([]);
    expect(fakes.state.audit).toEqual([]);
    expect(fakes.state.events).toEqual([]);
  });

  it('should refuse a reviewer and a partner owner with FORBIDDEN', async () => {
    await expect(sut.activatePolicy(deps, world.reviewer, '2023', 'any')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sut.activatePolicy(deps, world.owner, '2023', 'any')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(fakes.state.programs[0]!.activePolicy).toBe('2021-09');
    expect(fakes.state.events).toEqual([]);
  });
});

describe(sut.reevaluatePage.name, () => {
  const reevaluate = (
    after: { organisationId: string; offerId: string } | null = null,
    pageSize?: number,
  ) =>
    runInJob(fakes, { kind: 'status.reevaluate' }, (ctx) =>
      sut.reevaluatePage(ctx.tx, ctx, after, 'policy', pageSize),
    );

  it('should move every offer to its status under the new policy and announce each change', async () => {
    const offer = azureIpOffer();
    await recompute(offer);
    setPolicy('2023');
    fakes.clock.advance(DAY);

    await expect(reevaluate()).resolves.toBeNull();

    expect(fakes.state.statuses).toEqual([
      expect.objectContaining({ status: 'cosell-ready', policyId: '2023', qualifiedSince: null }),
    ]);
    expect(fakes.state.statusHistory.at(-1)).toMatchObject({
      status: 'cosell-ready',
      previousStatus: 'azure-ip-cosell-incentivized',
      policyId: '2023',
      cause: 'policy',
    });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'status.changed',
      data: { from: 'azure-ip-cosell-incentivized', to: 'cosell-ready', era: '2023' },
    });
    expect(fakes.uow.runs.at(-1)!.widened).toEqual([{ organisationIds: [world.partner.id] }]);
  });

  it('should record the deciding policy even when the status stays the same', async () => {
    const offer = azureIpOffer();
    await recompute(offer);
    setPolicy('2019');

    await reevaluate();

    expect(fakes.state.statuses[0]).toMatchObject({
      status: 'azure-ip-cosell-incentivized',
      policyId: '2019',
    });
    expect(eventsOf(fakes).at(-1)!.data).toMatchObject({
      from: 'azure-ip-cosell-incentivized',
      to: 'azure-ip-cosell-incentivized',
      policyId: '2019',
    });
  });

  it('should pass over offers already evaluated under the active policy', async () => {
    await recompute(azureIpOffer());
    const events = fakes.state.events.length;

    await reevaluate();

    expect(fakes.state.events).toHaveLength(events);
  });

  it('should work page by page, handing back where the next page starts', async () => {
    const first = azureIpOffer(world.partner.id);
    const second = azureIpOffer(world.other.id);
    const [a, b] = [first, second].sort((x, y) =>
      `${x.organisationId}/${x.id}` < `${y.organisationId}/${y.id}` ? -1 : 1,
    );

    const cursor = await reevaluate(null, 1);
    expect(cursor).toEqual({ organisationId: a!.organisationId, offerId: a!.id });
    expect(fakes.state.statuses.map((s) => s.offerId)).toEqual([a!.id]);

    await reevaluate(cursor, 1);
    expect(fakes.state.statuses.map((s) => s.offerId)).toEqual([a!.id, b!.id]);
  });
});

describe(sut.grantDueBadges.name, () => {
  const grant = () =>
    runInJob(fakes, { kind: 'benefits.badges' }, (ctx) => sut.grantDueBadges(ctx.tx, ctx));

  it('should grant the badge once the status has held for the policy delay, and announce it', async () => {
    const offer = azureIpOffer();
    await recompute(offer);
    fakes.clock.advance(30 * DAY);

    await expect(grant()).resolves.toBe(1);

    expect(fakes.state.statuses[0]!.badgeGrantedAt).toEqual(fakes.clock.now());
    expect(fakes.state.statusHistory.at(-1)).toMatchObject({ cause: 'badge' });
    expect(eventsOf(fakes).at(-1)).toMatchObject({
      type: 'badge.granted',
      subject: { type: 'offer', id: offer.id },
      data: { offerId: offer.id, offerName: 'Contoso Analytics', badge: 'preferred-solution' },
    });
  });

  it('should wait until the delay has passed', async () => {
    await recompute(azureIpOffer());
    fakes.clock.advance(29 * DAY);

    await expect(grant()).resolves.toBe(0);

    expect(fakes.state.statuses[0]!.badgeGrantedAt).toBeNull();
  });

  it('should grant a badge only once', async () => {
    await recompute(azureIpOffer());
    fakes.clock.advance(31 * DAY);
    await grant();
    const events = fakes.state.events.length;

    await expect(grant()).resolves.toBe(0);
    expect(fakes.state.events).toHaveLength(events);
  });

  it('should grant nothing before the first set-up', async () => {
    fakes.state.organisations = fakes.state.organisations.filter((o) => o.kind !== 'vendor');

    await expect(grant()).resolves.toBe(0);
  });
});

describe(sut.refreshStorefront.name, () => {
  const refresh = (offer: OfferRecord) =>
    runInJob(
      fakes,
      { kind: 'event:storefront', organisationId: offer.organisationId },
      async (ctx) => {
        const row = (await ctx.tx.statuses.findStatusInput(offer.organisationId, offer.id))!;
        await sut.refreshStorefront(ctx.tx, row, row.current, POLICIES['2021-09']);
      },
    );

  it("should show a live offer's public facts and badges on the storefront", async () => {
    const offer = azureIpOffer();
    await recompute(offer);
    fakes.clock.advance(31 * DAY);
    await runInJob(fakes, { kind: 'benefits.badges' }, (ctx) => sut.grantDueBadges(ctx.tx, ctx));

    await refresh(offer);

    expect(fakes.state.storefront).toEqual([
      {
        offerId: offer.id,
        organisationId: world.partner.id,
        publisherName: 'Contoso',
        name: 'Contoso Analytics',
        offerType: 'saas',
        summary: 'Analytics for everyone',
        // The live version's description (this offer has none); never the co-sell tab.
        description: '',
        markets: ['US'],
        badges: ['preferred-solution', 'azure-benefit-eligible'],
        cosellStatus: 'azure-ip-cosell-incentivized',
        publishedAt: expect.any(Date),
      },
    ]);
  });

  it('should take an offer that is no longer live off the storefront', async () => {
    const offer = azureIpOffer();
    await refresh(offer);
    fakes.state.offers[0]!.lifecycleState = 'stop-sold';

    await refresh(offer);

    expect(fakes.state.storefront).toEqual([]);
  });
});
