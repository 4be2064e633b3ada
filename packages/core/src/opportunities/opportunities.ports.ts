/**
 * The repository the db layer implements for co-sell opportunities (referrals). One row per
 * organisation's referral, grouped by engagement; row-level security decides which rows a
 * transaction sees (ADR 016): a participant reads its own referral in full and, for the other
 * referrals of its engagements, only the shared fields. Every method takes the organisation
 * whose referral it is about; another organisation's referral is simply not found.
 */
import type { ReferralQuery } from './odata/query';
import type { Referral, ReferralActionKind } from './opportunities.types';

/** One page of a list (`nextPageToken` makes `@odata.nextLink`); `total` only with `$count=true`. */
export interface ReferralPage {
  items: Partial<Referral>[];
  total: number | null;
}

/** What another participant of the engagement sees of a referral (its shared fields). */
export type SharedReferralView = Pick<
  Referral,
  | 'id'
  | 'engagementId'
  | 'organizationId'
  | 'organizationName'
  | 'status'
  | 'substatus'
  | 'type'
  | 'createdDateTime'
>;

/** One entry of a referral's timeline (who did what, when), kept with the referral. */
export interface ReferralTimelineEntry {
  referralId: string;
  organisationId: string;
  at: Date;
  actorUserId: string | null;
  action: ReferralActionKind | 'create' | 'patch';
  /** Changed fields, the new substatus, a reason: what the timeline shows. */
  summary: Record<string, string | number | boolean | null>;
}

export interface ReferralRepository {
  /**
   * The organisation's referrals matching the compiled query: `filter` (use `toSql` with the
   * column of each filter field), `orderBy` then id (`toSqlOrderBy`), `top` rows from `skip`,
   * only the `select`ed properties (plus id and eTag) when given, and the total when `count`.
   */
  list(organisationId: string, query: ReferralQuery): Promise<ReferralPage>;
  get(organisationId: string, referralId: string): Promise<Referral | null>;
  /** The other referrals of an engagement the organisation takes part in. */
  listEngagement(organisationId: string, engagementId: string): Promise<SharedReferralView[]>;
  /**
   * Inserts new referrals (a partner's deal; a vendor seller's own referral and the partner's
   * Received one; a P2P invitee's) in the caller's transaction. Idempotency (the same
   * Idempotency-Key answering the same referral) is the command envelope's, keyed by request.
   */
  insert(referrals: readonly Referral[]): Promise<void>;
  /**
   * Writes `next` if the stored row still has one of the `expected` ETags (`any`: no check);
   * returns false when it does not (the caller answers 412). `next.eTag` is the new version.
   */
  update(next: Referral, expected: 'any' | readonly string[]): Promise<boolean>;
  /** Received referrals whose `expirationDateTime` is at or before `now`, oldest first. */
  listExpiryDue(now: Date, limit: number): Promise<Referral[]>;
  /** Received referrals whose warning point has passed and which were not warned yet. */
  listExpiryWarningDue(now: Date, limit: number): Promise<Referral[]>;
  appendTimeline(entry: ReferralTimelineEntry): Promise<void>;
  listTimeline(organisationId: string, referralId: string): Promise<ReferralTimelineEntry[]>;
}
