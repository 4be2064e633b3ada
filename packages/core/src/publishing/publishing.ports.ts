/**
 * Repository ports of publication, review, program profiles, computed statuses, the public
 * storefront, notifications and the job queue. Implemented by packages/db.
 */
import type { ExpectedVersions, Page } from '../ports';
import type { OfferTypeId } from '../reference/offer-types';
import type {
  OfferPublication,
  OfferSnapshot,
  OfferVersionRecord,
  PublishSection,
  ReviewRecord,
  SubmissionRecord,
  SubmissionState,
  ValidationProblem,
} from './publication';

/** A submission as the review queue lists it. */
export interface ReviewQueueItem extends SubmissionRecord {
  offerName: string;
  offerType: OfferTypeId;
  organisationName: string;
}

/** Published versions of offers and what is live. */
export interface VersionRepository {
  // --- versions and publication state ---
  /** Stores an immutable snapshot as the offer's next version number. */
  insertOfferVersion(input: {
    organisationId: string;
    offerId: string;
    snapshot: OfferSnapshot;
    createdBy: string | null;
    at: Date;
  }): Promise<OfferVersionRecord>;
  findOfferVersion(
    organisationId: string,
    offerId: string,
    versionId: string,
  ): Promise<OfferVersionRecord | null>;
  findOfferPublication(organisationId: string, offerId: string): Promise<OfferPublication | null>;
  /** Sets the offer's publication state (not a user edit: the offer's ETag stays). */
  setOfferPublication(
    organisationId: string,
    offerId: string,
    patch: Partial<OfferPublication>,
    at: Date,
  ): Promise<void>;
  /** True when a published version still refers to the blob (it must not be deleted). */
  isBlobKeptByVersion(organisationId: string, blobKey: string): Promise<boolean>;
}

/** Submissions on their way through review and publishing. */
export interface SubmissionRepository {
  // --- submissions and review ---
  createSubmission(input: {
    organisationId: string;
    offerId: string;
    versionId: string;
    sections: PublishSection[];
    offerWasLive: boolean;
    submittedBy: string;
    at: Date;
  }): Promise<SubmissionRecord>;
  findSubmission(organisationId: string, id: string): Promise<SubmissionRecord | null>;
  /** The offer's submissions, newest first. */
  listSubmissions(
    organisationId: string,
    offerId: string,
    limit: number,
  ): Promise<SubmissionRecord[]>;
  /**
   * Moves a submission to `patch.state` when it is in one of `from` (and, when given, its
   * version is one of `expected`); returns null otherwise. One statement: of two concurrent
   * moves exactly one wins, and a job that runs twice changes nothing the second time.
   */
  transitionSubmission(
    organisationId: string,
    id: string,
    from: readonly SubmissionState[],
    patch: {
      state: SubmissionState;
      problems?: ValidationProblem[];
      review?: ReviewRecord;
    },
    at: Date,
    expected?: ExpectedVersions,
  ): Promise<SubmissionRecord | null>;
  /** Program staff: submissions in `states` of every partner, oldest first. */
  listReviewQueue(query: {
    states: readonly SubmissionState[];
    limit: number;
    offset: number;
  }): Promise<Page<ReviewQueueItem>>;
}
