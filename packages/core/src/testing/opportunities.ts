// Set-up shared by the service tests of co-sell opportunities (referrals) on the in-memory fakes.
import type { OpportunityDeps } from '../opportunities/opportunities.service';
import type { Fakes } from './fakes';

/** The opportunities use cases on `fakes`, with readable sequential referral ids. */
export function opportunityDeps(fakes: Fakes): OpportunityDeps {
  let ids = 0;
  return {
    uow: fakes.uow,
    clock: fakes.clock,
    newId: fakes.newId,
    referralId: () => `7f000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  };
}

/**
 * A live storefront listing of `organisationId` (what New deal and the vendor's form name as a
 * solution), co-sell ready unless told otherwise. Returns its offer id.
 */
export function listOffer(
  fakes: Fakes,
  organisationId: string,
  name: string,
  { offerId = fakes.id(), cosellStatus = 'cosell-ready' } = {},
) {
  fakes.state.storefront.push({
    offerId,
    organisationId,
    publisherName: fakes.state.organisations.find((o) => o.id === organisationId)!.name,
    name,
    offerType: 'saas',
    summary: '',
    description: '',
    markets: [],
    badges: [],
    cosellStatus: cosellStatus as 'cosell-ready',
    publishedAt: fakes.clock.now(),
  });
  return offerId;
}
