/**
 * Repository ports of publication, review, program profiles, computed statuses, the public
 * storefront, notifications and the job queue. Implemented by packages/db.
 */
import type { ExpectedVersions, Page } from '../ports';
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { OfferTypeId } from '../reference/offer-types';
import type { PolicyId } from '../program/policies';
import type { ProgramProfileRecord } from '../program/profile';
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

/** A submission as the review queue lists it. */
export interface ReviewQueueItem extends SubmissionRecord {
  offerName: string;
  offerType: OfferTypeId;
  organisationName: string;
}

/** Everything the status engine needs about one offer, read in bulk (re-evaluation, policy preview). */
export interface StatusInputRow {
  organisationId: string;
  offerId: string;
  offerName: string;
  createdAt: Date;
  /** The live version's snapshot, or null when the offer never went live. */
  live: OfferSnapshot | null;
  lifecycleState: string;
  /** The review of the live version, if any. */
  review: ReviewRecord | null;
  profile: ProgramProfileRecord | null;
  current: OfferStatusRecord | null;
}

/** What the public storefront shows of a live offer: public fields only. */
export interface StorefrontListing {
  offerId: string;
  organisationId: string;
  publisherName: string;
  name: string;
  offerType: OfferTypeId;
  summary: string;
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

export const NOTIFICATION_KINDS = [
  'review.passed',
  'review.failed',
  'status.changed',
  'badge.granted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationRecord {
  organisationId: string;
  id: string;
  userId: string;
  kind: NotificationKind;
  offerId: string | null;
  params: Record<string, string | number>;
  createdAt: Date;
  readAt: Date | null;
}

export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** The organisation the job works in (its tenant scope), or null for program-wide jobs. */
  organisationId: string | null;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  doneAt: Date | null;
  createdAt: Date;
}

export interface EnqueueJob {
  kind: string;
  payload: Record<string, unknown>;
  organisationId: string | null;
  runAt: Date;
  /** At most one job with the same key is ever enqueued (a second enqueue is a no-op). */
  dedupeKey?: string | undefined;
  maxAttempts?: number | undefined;
}

export interface PublicationRepositories {
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

  // --- program profiles ---
  findProfile(organisationId: string): Promise<ProgramProfileRecord | null>;
  /** Program staff: the organisation whose profile has this PartnerID. */
  findProfileByPartnerId(partnerId: string): Promise<ProgramProfileRecord | null>;
  /** Inserts or replaces; null when the version is not one of `expected` (0 = no profile yet). */
  saveProfile(
    record: Omit<ProgramProfileRecord, 'updatedAt' | 'version'>,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<ProgramProfileRecord | null>;
  /** Program staff: partner organisations with their profiles (null when none yet). */
  listProfiles(query: {
    search?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<
    Page<{ organisationId: string; organisationName: string; profile: ProgramProfileRecord | null }>
  >;

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

  // --- storefront (public, global) ---
  upsertStorefrontListing(listing: StorefrontListing): Promise<void>;
  deleteStorefrontListing(offerId: string): Promise<void>;
  searchStorefront(query: StorefrontQuery): Promise<Page<StorefrontListing>>;
  findStorefrontListing(offerId: string): Promise<StorefrontListing | null>;

  // --- notifications ---
  createNotifications(
    entries: readonly Omit<NotificationRecord, 'id' | 'readAt'>[],
  ): Promise<NotificationRecord[]>;
  /** The user's notifications in the organisations of the transaction's scope, newest first. */
  listNotifications(
    userId: string,
    query: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<Page<NotificationRecord> & { unread: number }>;
  /** Marks these (or, with 'all', every) notification of the user read; returns how many. */
  markNotificationsRead(userId: string, ids: readonly string[] | 'all', at: Date): Promise<number>;
  findNotification(userId: string, id: string): Promise<NotificationRecord | null>;
  /** Members of the organisation with their e-mail, locale, roles and muted kinds. */
  listNotificationRecipients(organisationId: string): Promise<
    {
      userId: string;
      email: string;
      name: string;
      locale: string;
      roles: string[];
      mutedKinds: NotificationKind[];
      disabled: boolean;
    }[]
  >;

  // --- job queue (global) ---
  enqueueJob(job: EnqueueJob): Promise<void>;
  /**
   * Takes the oldest due job nobody holds (FOR UPDATE SKIP LOCKED) and leases it to `workerId`
   * until `leaseUntil`; null when there is none. Increments its attempts.
   */
  claimJob(workerId: string, now: Date, leaseUntil: Date): Promise<JobRecord | null>;
  /** Marks the job done if `workerId` still holds it; false otherwise. */
  completeJob(id: string, workerId: string, at: Date): Promise<boolean>;
  /** Records a failure: retry at `retryAt`, or give up (done with the error) when null. */
  failJob(
    id: string,
    workerId: string,
    error: string,
    retryAt: Date | null,
    at: Date,
  ): Promise<void>;
  findJob(id: string): Promise<JobRecord | null>;
  /** Deletes up to `limit` jobs done before `before`; returns how many. */
  deleteDoneJobs(before: Date, limit: number): Promise<number>;
  /**
   * Program staff: which of `keys` a document or a published version of any organisation
   * still refers to (the orphan sweep deletes the others).
   */
  findReferencedBlobKeys(keys: readonly string[]): Promise<string[]>;
  countPendingJobs(kinds?: readonly string[]): Promise<number>;
}
