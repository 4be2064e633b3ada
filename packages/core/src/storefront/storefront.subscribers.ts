/**
 * The public storefront as a projection of domain events: whenever what a customer may see of
 * an offer can have changed (it went live, its status or badges changed), its listing is
 * rebuilt from the current state. Rebuilding is idempotent, so a replayed event changes nothing.
 */
import type { EventSubscriber } from '../events/events';
import type { JobContext } from '../jobs/job';
import { loadProgramContext } from '../offers/offer.service';
import { refreshStorefront } from '../status/status.service';

export const storefrontSubscriber: EventSubscriber<JobContext> = {
  name: 'storefront',
  types: ['offer.published', 'status.changed', 'badge.granted'],
  async handle(ctx, event) {
    if (event.subject.type !== 'offer') return;
    const row = await ctx.tx.statuses.findStatusInput(event.organisationId, event.subject.id);
    if (!row) {
      await ctx.tx.storefront.deleteStorefrontListing(event.subject.id);
      return;
    }
    const { policy } = await loadProgramContext(ctx.tx);
    await refreshStorefront(ctx.tx, row, row.current, policy);
  },
};
