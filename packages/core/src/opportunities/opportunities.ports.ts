/**
 * The repository the db layer implements for co-sell opportunities (referrals). One row per
 * organisation's referral, grouped by engagement; row-level security decides which rows a
 * transaction sees (ADR 016): a participant reads its own referral in full and, for the other
 * referrals of its engagements, only the shared fields. Every method takes the organisation
 * whose referral it is about; another organisation's referral is simply not found.
 */
import type { ExpectedVersions } from '../ports';
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

/** Who acted: a person, an API token, or cosell itself (a job). */
export type ReferralActorKind = 'user' | 'token' | 'system';
/** Where the change came from: the web app, the API, a CSV import, the command line, a job. */
export const REFERRAL_CHANNELS = ['web', 'api', 'csv', 'cli', 'system'] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];

/** One entry of a referral's timeline (who did what, when), kept with the referral. */
export interface ReferralTimelineEntry {
  referralId: string;
  organisationId: string;
  at: Date;
  actorKind: ReferralActorKind;
  actorUserId: string | null;
  /** The person's name, the token's name, or `cosell`. */
  actorName: string;
  channel: ReferralChannel;
  action: ReferralActionKind | 'create' | 'patch' | 'replace' | 'warn';
  /** Changed fields, the new substatus, a reason: what the timeline shows. */
  summary: Record<string, string | number | boolean | null>;
}

/**
 * Which of the organisation's referrals a member sees (SPEC §7.2): all of them (owners,
 * managers, vendor sellers and program admins, a referrals admin of the whole company), those
 * whose customer is in one of `countries` (a referrals admin with a location scope), or those
 * whose team has `email` (a referrals user).
 */
export type ReferralVisibilityRule =
  | { kind: 'all' }
  | { kind: 'countries'; countries: readonly string[] }
  | { kind: 'team'; email: string };

/** The cosell extensions of the list on top of OData. */
export interface ReferralListOptions {
  rule: ReferralVisibilityRule;
  /** inbound: Incoming; outbound: Outgoing; favorites: the user's favourites. */
  view: 'all' | 'inbound' | 'outbound' | 'favorites';
  /** Text in the name, the customer's name or the external reference id. */
  search?: string | undefined;
  /** The member whose favourites `view=favorites` lists. */
  userId: string;
}

/** An offer a referral can name as its solution. */
export interface CosellReadySolution {
  id: string;
  name: string;
  type: string;
  organizationId: string;
  organizationName: string;
}

/** One deal an applied CSV import touched, as undo needs it. */
export interface ReferralImportEntry {
  /** The file's row (1 is the header). */
  row: number;
  referralId: string;
  action: 'create' | 'update';
  /** The deal before the import (null when the import created it). */
  before: Referral | null;
  /** The deal's ETag after the import: undo requires it unchanged. */
  eTag: string;
}

/** An applied CSV import of referrals, the undo point. */
export interface ReferralImportRecord {
  organisationId: string;
  id: string;
  createdBy: string | null;
  createdAt: Date;
  undoneAt: Date | null;
  entries: ReferralImportEntry[];
}

export interface ReferralRepository {
  /**
   * The organisation's referrals matching the compiled query and the options: `filter` (through
   * `toSql` with the column of each filter field), the role rule, the view and the search,
   * `orderBy` then id (`toSqlOrderBy`), `top` rows from `skip`, only the `select`ed properties
   * (plus id and eTag) when given, and the total when `count`.
   */
  list(
    organisationId: string,
    query: ReferralQuery,
    options: ReferralListOptions,
  ): Promise<ReferralPage>;
  get(organisationId: string, referralId: string): Promise<Referral | null>;
  /** Every referral of an engagement the organisation takes part in (its own included). */
  listEngagement(organisationId: string, engagementId: string): Promise<SharedReferralView[]>;
  /** Records a new engagement created by `organisationId`. */
  createEngagement(engagementId: string, organisationId: string, at: Date): Promise<void>;
  /**
   * Inserts new referrals (a partner's deal; a vendor seller's own referral and the partner's
   * Received one; a P2P invitee's) in the caller's transaction. Idempotency (the same
   * Idempotency-Key answering the same referral) is the command envelope's, keyed by request.
   */
  insert(referrals: readonly Referral[]): Promise<void>;
  /**
   * Writes `next` if the stored row still has one of the `expected` versions (`any`: no check);
   * returns false when it does not (the caller answers 412). `next.eTag` is the new version.
   */
  update(next: Referral, expected: ExpectedVersions): Promise<boolean>;
  /** Received referrals whose `expirationDateTime` is at or before `now`, oldest first. */
  listExpiryDue(now: Date, limit: number): Promise<Referral[]>;
  /**
   * Received referrals whose warning point (`warnBefore` before expiry) has passed and which
   * were not warned yet.
   */
  listExpiryWarningDue(now: Date, warnBeforeMs: number, limit: number): Promise<Referral[]>;
  /** Records that the receiver was warned (so it is warned once). */
  markWarned(organisationId: string, referralId: string, at: Date): Promise<void>;
  /** Deletes the referral if it still has one of the `expected` versions; false when not. */
  remove(organisationId: string, referralId: string, expected: ExpectedVersions): Promise<boolean>;
  /** Records an applied CSV import (its id is new). */
  createImport(
    record: Omit<ReferralImportRecord, 'id' | 'undoneAt'>,
  ): Promise<ReferralImportRecord>;
  findImport(organisationId: string, importId: string): Promise<ReferralImportRecord | null>;
  /** Marks the import undone at `at` unless it already was; false when it was. */
  markImportUndone(organisationId: string, importId: string, at: Date): Promise<boolean>;
  appendTimeline(entry: ReferralTimelineEntry): Promise<void>;
  /** Newest first. */
  listTimeline(organisationId: string, referralId: string): Promise<ReferralTimelineEntry[]>;
  /** Marks (`on`) or unmarks a referral as one of the member's favourites. */
  setFavorite(
    organisationId: string,
    userId: string,
    referralId: string,
    on: boolean,
  ): Promise<void>;
  /**
   * Co-sell-ready offers live in the marketplace (storefront listings whose status is not
   * "not co-sell ready"): one organisation's, or every organisation's with null.
   */
  listCosellReadySolutions(organisationId: string | null): Promise<CosellReadySolution[]>;
  /** A member's referral location scope: countries, null for the whole company, undefined when not a member. */
  findReferralScope(organisationId: string, userId: string): Promise<string[] | null | undefined>;
  /** Sets it; false when the person is not a member. */
  setReferralScope(
    organisationId: string,
    userId: string,
    countries: readonly string[] | null,
  ): Promise<boolean>;
}
