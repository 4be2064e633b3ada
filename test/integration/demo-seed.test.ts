/**
 * The demo program (`cosell seed --demo`) shows every stage of publishing: a live offer with
 * its co-sell status on the storefront, a submission in the review queue, and a draft.
 */
import { seedDemo } from '@cosell/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../helpers/context';

describe('demo seed', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedDemo(ctx.deps);
  });
  afterAll(() => ctx?.close());

  it('has a live Azure IP co-sell offer on the storefront and one submission in review', async () => {
    const store = json<{ items: { name: string; cosellStatus: string; badges: string[] }[] }>(
      await ctx.app.inject({ method: 'GET', url: '/api/storefront/offers' }),
    );
    expect(store.items).toEqual([
      expect.objectContaining({
        name: 'Contoso Retail Insights',
        cosellStatus: 'azure-ip-cosell-incentivized',
        badges: ['azure-benefit-eligible'],
      }),
    ]);
    const queue = await ctx.deps.offers.uow.run(
      (repos) => repos.submissions.listReviewQueue({ states: ['in-review'], limit: 10, offset: 0 }),
      { programStaff: true },
    );
    expect(queue.items.map((i) => i.offerName)).toEqual(['Fabrikam Threat Guard']);
  });
});
