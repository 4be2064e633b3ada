/**
 * Repository ports of offers and their co-sell tab: offer rows, documents, contacts and the
 * staged contact imports. Implemented by packages/db; every method names the organisation.
 */
import type { ExpectedVersions, Page } from '../ports';
import type {
  CosellDraft,
  DraftPart,
  OfferFields,
  OfferListPage,
  OfferListQuery,
  OfferRecord,
} from './offer';

/** Offers and the co-sell draft stored on them. */
export interface OfferRepository {
  createOffer(organisationId: string, fields: OfferFields, at: Date): Promise<OfferRecord>;
  findOffer(organisationId: string, id: string): Promise<OfferRecord | null>;
  listOffers(organisationId: string, query: OfferListQuery): Promise<Page<OfferRecord>>;
  /**
   * The same page, each offer with its stored co-sell status, and the program's active policy:
   * one statement (the offer list's round trips stay those of a plain read).
   */
  listOffersWithStatus(organisationId: string, query: OfferListQuery): Promise<OfferListPage>;
  /** Updates fields, the draft or the archive mark; null when the version is not one of `expected`. */
  updateOffer(
    organisationId: string,
    id: string,
    patch: Partial<OfferFields> & { cosell?: CosellDraft; archivedAt?: Date | null },
    expected: ExpectedVersions,
    at: Date,
  ): Promise<OfferRecord | null>;
  /**
   * Bumps the offer's contacts version when it is one of `expected`; returns the new version,
   * or null when it is not (someone else changed the contacts).
   */
  bumpContactsVersion(
    organisationId: string,
    offerId: string,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<number | null>;
  /**
   * Records that `part` of the offer's draft changed: bumps its draft version and notes the
   * part at the new one; returns the new draft version (null when there is no such offer).
   */
  bumpDraftVersion(
    organisationId: string,
    offerId: string,
    part: DraftPart,
    at: Date,
  ): Promise<number | null>;
}
