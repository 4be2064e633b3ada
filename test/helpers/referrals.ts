/** Referral bodies and a co-sell-ready solution for the integration tests. */
import { createRepositories, withTenantScope } from '@cosell/db';
import { expect } from 'vitest';
import type { SeededPerson } from '@cosell/server';
import { as, json, type TestContext } from './context';

export { referralCreateBody } from '../../packages/core/src/testing/referrals.fake';

/**
 * "Contoso Migrate", an offer of `organisationId` made by its owner through the API, live and
 * co-sell ready in the marketplace (what publishing's projection would write): a solution a New
 * deal or a co-sell opportunity may name. Resolves with the offer's id.
 */
export async function cosellReadyOffer(
  ctx: TestContext,
  owner: SeededPerson,
  organisationId: string,
): Promise<string> {
  const offer = await as(ctx.app, owner).post(`/api/organisations/${organisationId}/offers`, {
    name: 'Contoso Migrate',
    alias: 'migrate',
    offerType: 'saas',
  });
  expect(offer.statusCode, offer.body).toBe(201);
  const offerId = json<{ id: string }>(offer).id;
  await withTenantScope(
    (await ctx.deps.database.ready).db,
    { organisationIds: [organisationId] },
    (tx) =>
      createRepositories(tx, {}).storefront.upsertStorefrontListing({
        offerId,
        organisationId,
        publisherName: 'Partner A',
        name: 'Contoso Migrate',
        offerType: 'saas',
        summary: '',
        description: '',
        markets: ['US'],
        badges: [],
        cosellStatus: 'cosell-ready',
        publishedAt: ctx.clock.now(),
      }),
  );
  return offerId;
}
