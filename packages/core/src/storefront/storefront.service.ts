/**
 * The public storefront: live offers with their public facts and badges, for anyone, without
 * signing in. It reads only the storefront projection, which never holds co-sell documents,
 * contacts, review reports or program profiles.
 */
import { getOrNotFound } from '../errors';
import type { Page } from '../ports';
import type { UnitOfWork } from '../transaction';
import type { StorefrontListing } from './storefront.ports';
import type { StorefrontQuery } from './storefront.ports';

export interface StorefrontDeps {
  uow: UnitOfWork;
}

export async function searchStorefront(
  deps: StorefrontDeps,
  query: StorefrontQuery,
): Promise<Page<StorefrontListing>> {
  return deps.uow.run((tx) => tx.storefront.searchStorefront(query), {});
}

export async function getStorefrontListing(
  deps: StorefrontDeps,
  offerId: string,
): Promise<StorefrontListing> {
  return deps.uow.run(
    async (tx) => getOrNotFound(await tx.storefront.findStorefrontListing(offerId), 'offer'),
    {},
  );
}
