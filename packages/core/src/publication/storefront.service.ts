/**
 * The public storefront: live offers with their public facts and badges, for anyone, without
 * signing in. It reads only the storefront projection, which never holds co-sell documents,
 * contacts, review reports or program profiles.
 */
import { getOrNotFound } from '../errors';
import type { Page, UnitOfWork } from '../ports';
import type { StorefrontListing, StorefrontQuery } from './publication.ports';

export interface StorefrontDeps {
  uow: UnitOfWork;
}

export async function searchStorefront(
  deps: StorefrontDeps,
  query: StorefrontQuery,
): Promise<Page<StorefrontListing>> {
  return deps.uow.run((repos) => repos.searchStorefront(query), {});
}

export async function getStorefrontListing(
  deps: StorefrontDeps,
  offerId: string,
): Promise<StorefrontListing> {
  return deps.uow.run(
    async (repos) => getOrNotFound(await repos.findStorefrontListing(offerId), 'offer'),
    {},
  );
}
