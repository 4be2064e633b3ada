/** Repository port of computed co-sell statuses and their history. */
import type { CosellDraft } from '../offers/offer';
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { PolicyId } from '../program/policies';
import type { OfferSnapshot } from '../publishing/publication';
import type { ReviewRecord } from '../publishing/publication';
import type { ProgramProfileRecord } from '../profiles/profile';

/** The computed co-sell status of an offer (one row per offer). */
export interface OfferStatusRecord {
  organisationId: string;
  offerId: string;
  status: CosellStatusId;
  /** The policy that decided it. */
  policyId: PolicyId;
  /** Since when the offer holds a badge-qualifying status without a break. */
  qualifiedSince: Date | null;
  badgeGrantedAt: Date | null;
  evaluatedAt: Date;
}

export interface StatusHistoryRecord {
  organisationId: string;
  offerId: string;
  id: string;
  status: CosellStatusId;
  previousStatus: CosellStatusId | null;
  policyId: PolicyId;
  /** What triggered the evaluation (e.g. 'publish', 'profile', 'policy', 'badge'). */
  cause: string;
  at: Date;
}

/** Everything the status engine needs about one offer, read in bulk (re-evaluation, policy preview). */
export interface StatusInputRow {
  organisationId: string;
  offerId: string;
  offerName: string;
  createdAt: Date;
  /** The live version's snapshot, or null when the offer never went live. */
  live: OfferSnapshot | null;
  /** The co-sell draft (listing and landing page) that publishing would submit next. */
  draft: CosellDraft;
  lifecycleState: string;
  /** The review of the live version, if any. */
  review: ReviewRecord | null;
  profile: ProgramProfileRecord | null;
  current: OfferStatusRecord | null;
}

/** Computed statuses, their history, and the inputs the status engine reads in bulk. */
export interface StatusRepository {
  // --- computed statuses ---
  findOfferStatus(organisationId: string, offerId: string): Promise<OfferStatusRecord | null>;
  saveOfferStatus(record: OfferStatusRecord): Promise<void>;
  /** Bulk version of saveOfferStatus (one statement per call). */
  saveOfferStatuses(records: readonly OfferStatusRecord[]): Promise<void>;
  appendStatusHistory(entries: readonly Omit<StatusHistoryRecord, 'id'>[]): Promise<void>;
  listStatusHistory(
    organisationId: string,
    offerId: string,
    limit: number,
  ): Promise<StatusHistoryRecord[]>;
  /** Statuses of these offers (for the offer list). */
  listOfferStatuses(
    organisationId: string,
    offerIds: readonly string[],
  ): Promise<OfferStatusRecord[]>;
  /**
   * Program staff: the status inputs of every offer that has a live version or a status row,
   * in (organisation, offer) order after `after`, at most `limit`.
   */
  listStatusInputs(
    after: { organisationId: string; offerId: string } | null,
    limit: number,
  ): Promise<StatusInputRow[]>;
  /** The same for one offer. */
  findStatusInput(organisationId: string, offerId: string): Promise<StatusInputRow | null>;
  /** Program staff: offers whose badge is due (qualified since at or before `qualifiedBefore`, not granted). */
  listBadgesDue(
    qualifiedBefore: Date,
    limit: number,
  ): Promise<{ organisationId: string; offerId: string }[]>;
}
