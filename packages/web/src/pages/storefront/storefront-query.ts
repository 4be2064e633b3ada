/** The storefront's filters as they live in the address (`?q=&type=&market=&badge=&offset=`). */
import type { OfferTypeId } from '../../api/client';
import { OFFER_TYPE_IDS } from '../offers/vocabulary';
import type { StorefrontBadge } from './listing-parts';

export const STOREFRONT_BADGES = [
  'preferred-solution',
  'azure-benefit-eligible',
] as const satisfies readonly StorefrontBadge[];

export const isStorefrontBadge = (value: string): value is StorefrontBadge =>
  (STOREFRONT_BADGES as readonly string[]).includes(value);

export type Query = {
  search: string;
  offerType: OfferTypeId | '';
  market: string;
  badges: StorefrontBadge[];
  offset: number;
};

/** Reads the filters, dropping values the API would refuse. */
export function readQuery(params: URLSearchParams): Query {
  const type = params.get('type') ?? '';
  const market = params.get('market') ?? '';
  return {
    search: params.get('q') ?? '',
    offerType: (OFFER_TYPE_IDS as readonly string[]).includes(type) ? (type as OfferTypeId) : '',
    market: /^[A-Z]{2}$/.test(market) ? market : '',
    badges: STOREFRONT_BADGES.filter((badge) => params.getAll('badge').includes(badge)),
    offset: Math.max(0, Math.floor(Number(params.get('offset'))) || 0),
  };
}

/** Writes the filters back, leaving out the defaults. */
export function writeQuery(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.offerType) params.set('type', query.offerType);
  if (query.market) params.set('market', query.market);
  for (const badge of query.badges) params.append('badge', badge);
  if (query.offset > 0) params.set('offset', String(query.offset));
  return params;
}
