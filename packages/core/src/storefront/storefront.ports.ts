/** Repository port of the public storefront projection. */
import type { OfferTypeId } from '../reference/offer-types';
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { Page } from '../ports';

/** What the public storefront shows of a live offer: public fields only. */
export interface StorefrontListing {
  offerId: string;
  organisationId: string;
  publisherName: string;
  name: string;
  offerType: OfferTypeId;
  summary: string;
  /** The offer's long description (plain text), '' when it has none. */
  description: string;
  markets: string[];
  /** 'preferred-solution', 'azure-benefit-eligible'. */
  badges: string[];
  /** The co-sell status label id (public in Partner Center's marketplace too). */
  cosellStatus: CosellStatusId;
  publishedAt: Date;
}

export interface StorefrontQuery {
  search?: string | undefined;
  offerType?: OfferTypeId | undefined;
  market?: string | undefined;
  /** Only offers holding every one of these badges. */
  badges?: readonly string[] | undefined;
  limit: number;
  offset: number;
}

/** The public projection of live offers. */
export interface StorefrontRepository {
  // --- storefront (public, global) ---
  upsertStorefrontListing(listing: StorefrontListing): Promise<void>;
  deleteStorefrontListing(offerId: string): Promise<void>;
  searchStorefront(query: StorefrontQuery): Promise<Page<StorefrontListing>>;
  findStorefrontListing(offerId: string): Promise<StorefrontListing | null>;
}
