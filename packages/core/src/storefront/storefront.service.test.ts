import { beforeEach, describe, expect, it } from 'vitest';
import {
  runInJob,
  createFakes,
  eventsOf,
  type Fakes,
  addReadyOffer,
  publishOffer,
  seedProgram,
} from '../testing';
import type { StorefrontListing } from './storefront.ports';
import { storefrontSubscriber } from './storefront.subscribers';
import * as sut from './storefront.service';

let fakes: Fakes;
let deps: sut.StorefrontDeps;

beforeEach(() => {
  fakes = createFakes();
  deps = { uow: fakes.uow };
});

const listing = (listing: Partial<StorefrontListing> = {}): StorefrontListing => {
  const offerId = listing.offerId ?? fakes.id();
  const record: StorefrontListing = {
    offerId,
    organisationId: 'org-1',
    publisherName: 'Contoso',
    name: 'Contoso Analytics',
    offerType: 'saas',
    summary: 'Analytics for everyone',
    description: '',
    markets: ['US'],
    badges: [],
    cosellStatus: 'cosell-ready',
    publishedAt: fakes.clock.now(),
    ...listing,
  };
  fakes.state.storefront.push(record);
  return record;
};

const query = { limit: 20, offset: 0 };

describe(sut.searchStorefront.name, () => {
  it('should list live offers by name for anyone, in a transaction that sees no tenant', async () => {
    const b = listing({ name: 'beta' });
    const a = listing({ name: 'Alpha' });

    await expect(sut.searchStorefront(deps, query)).resolves.toEqual({ items: [a, b], total: 2 });
    expect(fakes.uow.runs.at(-1)!.scope).toEqual({});
  });

  it('should find offers by name, summary or publisher', async () => {
    const byName = listing({ name: 'Fraud Radar' });
    const bySummary = listing({ name: 'Other', summary: 'Stops fraud early' });
    const byPublisher = listing({ name: 'Third', publisherName: 'Fraudless Inc' });
    listing({ name: 'Unrelated' });

    const page = await sut.searchStorefront(deps, { ...query, search: 'FRAUD' });

    expect(page.items.map((l) => l.offerId).sort()).toEqual(
      [byName.offerId, bySummary.offerId, byPublisher.offerId].sort(),
    );
  });

  it('should filter by offer type, market and every badge asked for', async () => {
    const wanted = listing({
      offerType: 'azure-application',
      markets: ['US', 'SE'],
      badges: ['preferred-solution', 'azure-benefit-eligible'],
    });
    listing({ offerType: 'saas', markets: ['SE'], badges: ['preferred-solution'] });
    listing({ offerType: 'azure-application', markets: ['US'], badges: ['preferred-solution'] });

    const page = await sut.searchStorefront(deps, {
      ...query,
      offerType: 'azure-application',
      market: 'SE',
      badges: ['preferred-solution', 'azure-benefit-eligible'],
    });

    expect(page).toEqual({ items: [wanted], total: 1 });
  });

  it('should page through the results', async () => {
    for (const name of ['a', 'b', 'c']) listing({ name });

    const page = await sut.searchStorefront(deps, { limit: 1, offset: 1 });

    expect(page.items.map((l) => l.name)).toEqual(['b']);
    expect(page.total).toBe(3);
  });
});

describe(sut.getStorefrontListing.name, () => {
  it('should give the listing of a live offer', async () => {
    const shown = listing();

    await expect(sut.getStorefrontListing(deps, shown.offerId)).resolves.toEqual(shown);
  });

  it('should answer NOT_FOUND for an offer the storefront does not show', async () => {
    await expect(sut.getStorefrontListing(deps, 'no-such-offer')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe(storefrontSubscriber.name, () => {
  it('should show the public facts of an offer once it is published, and nothing private', async () => {
    const world = seedProgram(fakes);
    const { offer, version } = publishOffer(fakes, addReadyOffer(fakes, world.partner.id));
    await runInJob(
      fakes,
      { kind: 'publish.go-live', organisationId: offer.organisationId },
      async (ctx) =>
        ctx.emit({
          type: 'offer.published',
          organisationId: offer.organisationId,
          subject: { type: 'offer', id: offer.id },
          data: { offerId: offer.id, versionId: version.id },
        }),
    );

    await runInJob(fakes, { kind: 'event:storefront' }, (ctx) =>
      storefrontSubscriber.handle(ctx, eventsOf(fakes)[0]!),
    );

    const shown = await sut.getStorefrontListing(deps, offer.id);
    expect(shown).toMatchObject({
      offerId: offer.id,
      publisherName: 'Contoso',
      name: offer.name,
      summary: offer.summary,
      description: version.snapshot.fields.description,
      markets: ['US'],
    });
    // The co-sell tab (its landing page included) is for the vendor's sellers, never public.
    expect(Object.keys(shown).sort()).toEqual(
      [
        'badges',
        'cosellStatus',
        'description',
        'markets',
        'name',
        'offerId',
        'offerType',
        'organisationId',
        'publishedAt',
        'publisherName',
        'summary',
      ].sort(),
    );
  });

  it('should take an offer off the storefront when it is gone', async () => {
    const shown = listing();

    await runInJob(fakes, { kind: 'event:storefront' }, (ctx) =>
      storefrontSubscriber.handle(ctx, {
        id: 'event-x',
        type: 'status.changed',
        version: 1,
        organisationId: shown.organisationId,
        subject: { type: 'offer', id: shown.offerId },
        data: {
          offerId: shown.offerId,
          offerName: shown.name,
          from: 'cosell-ready',
          to: 'not-cosell-ready',
          policyId: '2021-09',
          era: '2021',
          cause: 'policy',
        },
        actor: { kind: 'system', id: null },
        requestId: null,
        occurredAt: fakes.clock.now(),
      }),
    );

    await expect(sut.getStorefrontListing(deps, shown.offerId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
