/**
 * Drizzle implementation of the publication ports: offer versions and publication state,
 * submissions and review, program profiles, computed statuses and their history, the public
 * storefront, notifications and the job queue.
 *
 * Tenant tables are filtered by organisation id like every repository here, except in the
 * methods the port marks "Program staff": those read across partners, and row-level security
 * (the program_staff policies) decides what the transaction's scope may see. The storefront and
 * the job queue are global tables.
 */
import type {
  CosellStatusId,
  IsvConnectLevel,
  JobRecord,
  NotificationKind,
  NotificationRecord,
  OfferLifecycleState,
  OfferSnapshot,
  OfferStatusRecord,
  OfferTypeId,
  OfferVersionRecord,
  PolicyId,
  ProgramProfileRecord,
  VersionRepository,
  SubmissionRepository,
  ProfileRepository,
  StatusRepository,
  StorefrontRepository,
  NotificationRepository,
  JobRepository,
  CosellDraft,
  DocumentRepository,
  PublishSection,
  PublishStatus,
  ReviewQueueItem,
  ReviewRecord,
  StatusHistoryRecord,
  StatusInputRow,
  StorefrontListing,
  SubmissionRecord,
  SubmissionState,
  ValidationProblem,
} from '@cosell/core';
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from './client';
import { likePattern, translateDbError, versionIn } from './sql-helpers';
import {
  jobs,
  memberships,
  notifications,
  offerStatuses,
  offerStatusHistory,
  offerVersions,
  offers,
  organisations,
  programProfiles,
  storefrontListings,
  submissions,
  users,
} from './schema';

type VersionRow = typeof offerVersions.$inferSelect;
type SubmissionRow = typeof submissions.$inferSelect;
type ProfileRow = typeof programProfiles.$inferSelect;
type StatusRow = typeof offerStatuses.$inferSelect;
type HistoryRow = typeof offerStatusHistory.$inferSelect;
type NotificationRow = typeof notifications.$inferSelect;
type JobRow = typeof jobs.$inferSelect;
type ListingRow = typeof storefrontListings.$inferSelect;

/** A review as stored in JSON: its decision time is an ISO string. */
type StoredReview = Omit<ReviewRecord, 'decidedAt'> & { decidedAt: string };

const toReview = (stored: unknown): ReviewRecord | null => {
  if (!stored) return null;
  const review = stored as StoredReview;
  return { ...review, decidedAt: new Date(review.decidedAt) };
};
const storeReview = (review: ReviewRecord): StoredReview => ({
  ...review,
  decidedAt: review.decidedAt.toISOString(),
});

const toVersion = (row: VersionRow): OfferVersionRecord => ({
  organisationId: row.organisationId,
  offerId: row.offerId,
  id: row.id,
  number: row.number,
  snapshot: row.snapshot as OfferSnapshot,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

const toSubmission = (row: SubmissionRow): SubmissionRecord => ({
  organisationId: row.organisationId,
  id: row.id,
  offerId: row.offerId,
  versionId: row.versionId,
  sections: row.sections as PublishSection[],
  state: row.state as SubmissionState,
  problems: row.problems as ValidationProblem[],
  offerWasLive: row.offerWasLive,
  submittedBy: row.submittedBy,
  submittedAt: row.submittedAt,
  review: toReview(row.review),
  updatedAt: row.updatedAt,
  version: row.version,
});

const toProfile = (row: ProfileRow): ProgramProfileRecord => ({
  organisationId: row.organisationId,
  partnerId: row.partnerId,
  marketplaceAccountActive: row.marketplaceAccountActive,
  businessProfileComplete: row.businessProfileComplete,
  azureConsumedRevenueUsd: Number(row.azureConsumedRevenueUsd),
  marketplaceBilledRevenueUsd: Number(row.marketplaceBilledRevenueUsd),
  goldCompetency: row.goldCompetency,
  solutionsPartnerDesignations: row.solutionsPartnerDesignations,
  isvConnect: row.isvConnect as IsvConnectLevel,
  provenance: row.provenance as ProgramProfileRecord['provenance'],
  updatedAt: row.updatedAt,
  version: row.version,
});

const toStatus = (row: StatusRow): OfferStatusRecord => ({
  organisationId: row.organisationId,
  offerId: row.offerId,
  status: row.status as CosellStatusId,
  policyId: row.policyId as PolicyId,
  qualifiedSince: row.qualifiedSince,
  badgeGrantedAt: row.badgeGrantedAt,
  evaluatedAt: row.evaluatedAt,
});

const toHistory = (row: HistoryRow): StatusHistoryRecord => ({
  organisationId: row.organisationId,
  offerId: row.offerId,
  id: row.id,
  status: row.status as CosellStatusId,
  previousStatus: row.previousStatus as CosellStatusId | null,
  policyId: row.policyId as PolicyId,
  cause: row.cause,
  at: row.at,
});

const toNotification = (row: NotificationRow): NotificationRecord => ({
  organisationId: row.organisationId,
  id: row.id,
  userId: row.userId,
  kind: row.kind as NotificationKind,
  offerId: row.offerId,
  params: row.params as NotificationRecord['params'],
  createdAt: row.createdAt,
  readAt: row.readAt,
});

const toJob = (row: JobRow): JobRecord => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload as Record<string, unknown>,
  organisationId: row.organisationId,
  runAt: row.runAt,
  attempts: row.attempts,
  maxAttempts: row.maxAttempts,
  lockedBy: row.lockedBy,
  lockedUntil: row.lockedUntil,
  lastError: row.lastError,
  doneAt: row.doneAt,
  createdAt: row.createdAt,
});

const toListing = (row: ListingRow): StorefrontListing => ({
  offerId: row.offerId,
  organisationId: row.organisationId,
  publisherName: row.publisherName,
  name: row.name,
  offerType: row.offerType as OfferTypeId,
  summary: row.summary,
  markets: row.markets,
  badges: row.badges,
  cosellStatus: row.cosellStatus as CosellStatusId,
  publishedAt: row.publishedAt,
});

/** Rows of a query result, whichever driver ran it (node-postgres or PGlite). */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/**
 * A timestamp from a raw query: both drivers hand drizzle's raw results timestamps as
 * PostgreSQL text ("2026-11-22 09:00:00+00"), which Date parses.
 */
const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const toDateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : toDate(value);

/** `column IN (…)`, matching nothing for an empty list. */
const oneOf = <T>(column: AnyPgColumn, values: readonly T[]): SQL =>
  values.length > 0 ? inArray(column, [...values]) : sql`false`;

/** Bulk writes go as one JSON parameter, whatever their size (65,535 parameters at most). */
const asJson = (value: unknown) => JSON.stringify(value);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The columns listStatusInputs reads, snake-case as they come out of the raw query. */
interface RawStatusInput {
  organisation_id: string;
  offer_id: string;
  offer_name: string;
  created_at: unknown;
  lifecycle_state: string;
  live: unknown;
  draft: unknown;
  review: unknown;
  p_organisation_id: string | null;
  p_partner_id: string | null;
  p_marketplace_account_active: boolean;
  p_business_profile_complete: boolean;
  p_azure_consumed_revenue_usd: string | number;
  p_marketplace_billed_revenue_usd: string | number;
  p_gold_competency: boolean;
  p_solutions_partner_designations: string[];
  p_isv_connect: string;
  p_provenance: unknown;
  p_updated_at: unknown;
  p_version: number;
  s_status: string | null;
  s_policy_id: string;
  s_qualified_since: unknown;
  s_badge_granted_at: unknown;
  s_evaluated_at: unknown;
}

const rawToStatusInput = (row: RawStatusInput): StatusInputRow => ({
  organisationId: row.organisation_id,
  offerId: row.offer_id,
  offerName: row.offer_name,
  createdAt: toDate(row.created_at),
  live: (row.live ?? null) as OfferSnapshot | null,
  draft: row.draft as CosellDraft,
  lifecycleState: row.lifecycle_state,
  review: toReview(row.review),
  profile:
    row.p_organisation_id === null
      ? null
      : {
          organisationId: row.p_organisation_id,
          partnerId: row.p_partner_id,
          marketplaceAccountActive: row.p_marketplace_account_active,
          businessProfileComplete: row.p_business_profile_complete,
          azureConsumedRevenueUsd: Number(row.p_azure_consumed_revenue_usd),
          marketplaceBilledRevenueUsd: Number(row.p_marketplace_billed_revenue_usd),
          goldCompetency: row.p_gold_competency,
          solutionsPartnerDesignations: row.p_solutions_partner_designations,
          isvConnect: row.p_isv_connect as IsvConnectLevel,
          provenance: row.p_provenance as ProgramProfileRecord['provenance'],
          updatedAt: toDate(row.p_updated_at),
          version: Number(row.p_version),
        },
  current:
    row.s_status === null
      ? null
      : {
          organisationId: row.organisation_id,
          offerId: row.offer_id,
          status: row.s_status as CosellStatusId,
          policyId: row.s_policy_id as PolicyId,
          qualifiedSince: toDateOrNull(row.s_qualified_since),
          badgeGrantedAt: toDateOrNull(row.s_badge_granted_at),
          evaluatedAt: toDate(row.s_evaluated_at),
        },
});

export function createPublicationRepositories(
  db: Executor,
): VersionRepository &
  SubmissionRepository &
  ProfileRepository &
  StatusRepository &
  StorefrontRepository &
  NotificationRepository &
  JobRepository &
  Pick<DocumentRepository, 'findReferencedBlobKeys'> {
  const offerKey = (organisationId: string, offerId: string) =>
    and(eq(offers.organisationId, organisationId), eq(offers.id, offerId));
  const submissionKey = (organisationId: string, id: string) =>
    and(eq(submissions.organisationId, organisationId), eq(submissions.id, id));

  /**
   * The status inputs of offers with a live version or a status row: the live snapshot, the
   * co-sell draft, the review of the published submission of that version, the organisation's
   * profile and the current status. One query per page; the review comes from a LATERAL lookup on the offer's
   * submissions index.
   */
  const statusInputs = async (where: SQL, limit: number, evaluatedOnly: boolean) => {
    const result = await db.execute(sql`select
        o.organisation_id, o.id as offer_id, o.name as offer_name, o.created_at,
        o.lifecycle_state, v.snapshot as live, o.cosell as draft, r.review,
        p.organisation_id as p_organisation_id, p.partner_id as p_partner_id,
        p.marketplace_account_active as p_marketplace_account_active,
        p.business_profile_complete as p_business_profile_complete,
        p.azure_consumed_revenue_usd as p_azure_consumed_revenue_usd,
        p.marketplace_billed_revenue_usd as p_marketplace_billed_revenue_usd,
        p.gold_competency as p_gold_competency,
        p.solutions_partner_designations as p_solutions_partner_designations,
        p.isv_connect as p_isv_connect, p.provenance as p_provenance,
        p.updated_at as p_updated_at, p.version as p_version,
        s.status as s_status, s.policy_id as s_policy_id,
        s.qualified_since as s_qualified_since, s.badge_granted_at as s_badge_granted_at,
        s.evaluated_at as s_evaluated_at
      from offers o
      left join offer_versions v
        on v.organisation_id = o.organisation_id and v.id = o.live_version_id
      left join offer_statuses s on s.organisation_id = o.organisation_id and s.offer_id = o.id
      left join program_profiles p on p.organisation_id = o.organisation_id
      left join lateral (
        select sub.review from submissions sub
        where sub.organisation_id = o.organisation_id and sub.offer_id = o.id
          and sub.version_id = o.live_version_id and sub.state = 'published'
        order by sub.submitted_at desc, sub.seq desc
        limit 1
      ) r on true
      where ${evaluatedOnly ? sql`(o.live_version_id is not null or s.offer_id is not null)` : sql`true`}
        and ${where}
      order by o.organisation_id, o.id
      limit ${limit}`);
    return rowsOf<RawStatusInput>(result).map(rawToStatusInput);
  };

  /** Inserts or replaces the statuses of offers: one statement, whatever their number. */
  const saveStatuses = async (records: readonly OfferStatusRecord[]) => {
    if (records.length === 0) return;
    // One row per offer (the last wins): ON CONFLICT may not touch a row twice.
    const byOffer = new Map(records.map((r) => [`${r.organisationId}/${r.offerId}`, r]));
    const json = asJson(
      [...byOffer.values()].map((r) => ({
        organisation_id: r.organisationId,
        offer_id: r.offerId,
        status: r.status,
        policy_id: r.policyId,
        qualified_since: iso(r.qualifiedSince),
        badge_granted_at: iso(r.badgeGrantedAt),
        evaluated_at: iso(r.evaluatedAt),
      })),
    );
    await db.execute(sql`insert into offer_statuses
        (organisation_id, offer_id, status, policy_id, qualified_since, badge_granted_at,
         evaluated_at)
      select x.organisation_id, x.offer_id, x.status, x.policy_id, x.qualified_since,
        x.badge_granted_at, x.evaluated_at
      from jsonb_to_recordset(${json}::jsonb) as x(organisation_id uuid, offer_id uuid,
        status text, policy_id text, qualified_since timestamptz, badge_granted_at timestamptz,
        evaluated_at timestamptz)
      on conflict (organisation_id, offer_id) do update set
        status = excluded.status,
        policy_id = excluded.policy_id,
        qualified_since = excluded.qualified_since,
        badge_granted_at = excluded.badge_granted_at,
        evaluated_at = excluded.evaluated_at`);
  };

  return {
    // --- versions and publication state ---

    async insertOfferVersion(input) {
      // The next number in the same statement; two concurrent publishes of one offer collide
      // on offer_versions_number_key (CONFLICT) instead of sharing a number.
      const [row] = await db
        .insert(offerVersions)
        .values({
          organisationId: input.organisationId,
          offerId: input.offerId,
          number: sql`(select coalesce(max(number), 0) + 1 from offer_versions
            where organisation_id = ${input.organisationId} and offer_id = ${input.offerId})`,
          snapshot: input.snapshot,
          createdBy: input.createdBy,
          createdAt: input.at,
        })
        .returning()
        .catch(translateDbError);
      return toVersion(row!);
    },

    async findOfferVersion(organisationId, offerId, versionId) {
      const [row] = await db
        .select()
        .from(offerVersions)
        .where(
          and(
            eq(offerVersions.organisationId, organisationId),
            eq(offerVersions.offerId, offerId),
            eq(offerVersions.id, versionId),
          ),
        );
      return row ? toVersion(row) : null;
    },

    async findOfferPublication(organisationId, offerId) {
      const [row] = await db
        .select({
          publishStatus: offers.publishStatus,
          lifecycleState: offers.lifecycleState,
          liveVersionId: offers.liveVersionId,
        })
        .from(offers)
        .where(offerKey(organisationId, offerId));
      return row
        ? {
            publishStatus: row.publishStatus as PublishStatus,
            lifecycleState: row.lifecycleState as OfferLifecycleState,
            liveVersionId: row.liveVersionId,
          }
        : null;
    },

    async setOfferPublication(organisationId, offerId, patch, at) {
      // Not a user edit: the version (the offer's ETag) stays.
      await db
        .update(offers)
        .set({
          ...(patch.publishStatus !== undefined && { publishStatus: patch.publishStatus }),
          ...(patch.lifecycleState !== undefined && { lifecycleState: patch.lifecycleState }),
          ...(patch.liveVersionId !== undefined && { liveVersionId: patch.liveVersionId }),
          updatedAt: at,
        })
        .where(offerKey(organisationId, offerId));
    },

    async isBlobKeptByVersion(organisationId, blobKey) {
      const [row] = await db
        .select({ id: offerVersions.id })
        .from(offerVersions)
        .where(
          and(
            eq(offerVersions.organisationId, organisationId),
            sql`${offerVersions.snapshot} -> 'documents' @> ${asJson([{ blobKey }])}::jsonb`,
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    // --- submissions and review ---

    async createSubmission(input) {
      const [row] = await db
        .insert(submissions)
        .values({
          organisationId: input.organisationId,
          offerId: input.offerId,
          versionId: input.versionId,
          sections: input.sections,
          state: 'validating',
          problems: [],
          offerWasLive: input.offerWasLive,
          submittedBy: input.submittedBy,
          submittedAt: input.at,
          updatedAt: input.at,
        })
        .returning()
        .catch(translateDbError);
      return toSubmission(row!);
    },

    async findSubmission(organisationId, id) {
      const [row] = await db.select().from(submissions).where(submissionKey(organisationId, id));
      return row ? toSubmission(row) : null;
    },

    async listSubmissions(organisationId, offerId, limit) {
      const rows = await db
        .select()
        .from(submissions)
        .where(
          and(eq(submissions.organisationId, organisationId), eq(submissions.offerId, offerId)),
        )
        .orderBy(desc(submissions.submittedAt), desc(submissions.seq))
        .limit(limit);
      return rows.map(toSubmission);
    },

    async transitionSubmission(organisationId, id, from, patch, at, expected = 'any') {
      // One conditional UPDATE: the state (and version) checks and the write cannot be split.
      const [row] = await db
        .update(submissions)
        .set({
          state: patch.state,
          ...(patch.problems !== undefined && { problems: patch.problems }),
          ...(patch.review !== undefined && { review: storeReview(patch.review) }),
          updatedAt: at,
          version: sql`${submissions.version} + 1`,
        })
        .where(
          and(
            submissionKey(organisationId, id),
            oneOf(submissions.state, from),
            versionIn(submissions.version, expected),
          ),
        )
        .returning();
      return row ? toSubmission(row) : null;
    },

    async listReviewQueue(query) {
      // Program staff: across partners; row-level security decides what the scope sees.
      const where = oneOf(submissions.state, query.states);
      const rows = await db
        .select({
          submission: submissions,
          offerName: offers.name,
          offerType: offers.offerType,
          organisationName: organisations.name,
        })
        .from(submissions)
        .innerJoin(
          offers,
          and(
            eq(offers.organisationId, submissions.organisationId),
            eq(offers.id, submissions.offerId),
          ),
        )
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .where(where)
        .orderBy(asc(submissions.submittedAt), asc(submissions.seq))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db
        .select({ n: count() })
        .from(submissions)
        .innerJoin(
          offers,
          and(
            eq(offers.organisationId, submissions.organisationId),
            eq(offers.id, submissions.offerId),
          ),
        )
        .where(where);
      return {
        items: rows.map((row): ReviewQueueItem => ({
          ...toSubmission(row.submission),
          offerName: row.offerName,
          offerType: row.offerType as OfferTypeId,
          organisationName: row.organisationName,
        })),
        total: total?.n ?? 0,
      };
    },

    // --- program profiles ---

    async findProfile(organisationId) {
      const [row] = await db
        .select()
        .from(programProfiles)
        .where(eq(programProfiles.organisationId, organisationId));
      return row ? toProfile(row) : null;
    },

    async findProfileByPartnerId(partnerId) {
      // Program staff: any organisation's profile (row-level security permitting).
      const [row] = await db
        .select()
        .from(programProfiles)
        .where(eq(programProfiles.partnerId, partnerId));
      return row ? toProfile(row) : null;
    },

    async saveProfile(record, expected, at) {
      const facts = {
        partnerId: record.partnerId,
        marketplaceAccountActive: record.marketplaceAccountActive,
        businessProfileComplete: record.businessProfileComplete,
        azureConsumedRevenueUsd: record.azureConsumedRevenueUsd,
        marketplaceBilledRevenueUsd: record.marketplaceBilledRevenueUsd,
        goldCompetency: record.goldCompetency,
        solutionsPartnerDesignations: record.solutionsPartnerDesignations,
        isvConnect: record.isvConnect,
        provenance: record.provenance,
        updatedAt: at,
      };
      const replace = { ...facts, version: sql`${programProfiles.version} + 1` };
      const mayInsert = expected === 'any' || expected.includes(0);
      try {
        if (!mayInsert) {
          // Only an existing profile at one of the expected versions is replaced.
          const [row] = await db
            .update(programProfiles)
            .set(replace)
            .where(
              and(
                eq(programProfiles.organisationId, record.organisationId),
                versionIn(programProfiles.version, expected),
              ),
            )
            .returning();
          return row ? toProfile(row) : null;
        }
        // Insert when there is no profile yet; otherwise replace it if its version is expected
        // (with [0] alone, an existing profile is a mismatch). One statement: of two concurrent
        // first saves, the second finds the first's row and is checked against its version.
        const existing =
          expected === 'any' ? undefined : versionIn(programProfiles.version, expected);
        const [row] = await db
          .insert(programProfiles)
          .values({ organisationId: record.organisationId, ...facts, version: 1 })
          .onConflictDoUpdate({
            target: programProfiles.organisationId,
            set: replace,
            ...(existing && { setWhere: existing }),
          })
          .returning();
        return row ? toProfile(row) : null;
      } catch (error) {
        translateDbError(error);
      }
    },

    async listProfiles(query) {
      // Program staff: organisations are global; the profiles follow row-level security.
      const where = and(
        eq(organisations.kind, 'partner'),
        query.search
          ? or(
              ilike(organisations.name, likePattern(query.search)),
              ilike(programProfiles.partnerId, likePattern(query.search)),
            )
          : undefined,
      );
      const rows = await db
        .select({
          organisationId: organisations.id,
          organisationName: organisations.name,
          profile: programProfiles,
        })
        .from(organisations)
        .leftJoin(programProfiles, eq(programProfiles.organisationId, organisations.id))
        .where(where)
        .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db
        .select({ n: count() })
        .from(organisations)
        .leftJoin(programProfiles, eq(programProfiles.organisationId, organisations.id))
        .where(where);
      return {
        items: rows.map((row) => ({
          organisationId: row.organisationId,
          organisationName: row.organisationName,
          profile: row.profile ? toProfile(row.profile) : null,
        })),
        total: total?.n ?? 0,
      };
    },

    // --- computed statuses ---

    async findOfferStatus(organisationId, offerId) {
      const [row] = await db
        .select()
        .from(offerStatuses)
        .where(
          and(eq(offerStatuses.organisationId, organisationId), eq(offerStatuses.offerId, offerId)),
        );
      return row ? toStatus(row) : null;
    },

    async saveOfferStatus(record) {
      await saveStatuses([record]);
    },

    async saveOfferStatuses(records) {
      await saveStatuses(records);
    },

    async appendStatusHistory(entries) {
      if (entries.length === 0) return;
      const json = asJson(
        entries.map((e) => ({
          organisation_id: e.organisationId,
          offer_id: e.offerId,
          status: e.status,
          previous_status: e.previousStatus,
          policy_id: e.policyId,
          cause: e.cause,
          at: e.at.toISOString(),
        })),
      );
      await db.execute(sql`insert into offer_status_history
          (organisation_id, offer_id, status, previous_status, policy_id, cause, at)
        select x.organisation_id, x.offer_id, x.status, x.previous_status, x.policy_id, x.cause,
          x.at
        from jsonb_to_recordset(${json}::jsonb) as x(organisation_id uuid, offer_id uuid,
          status text, previous_status text, policy_id text, cause text, at timestamptz)`);
    },

    async listStatusHistory(organisationId, offerId, limit) {
      const rows = await db
        .select()
        .from(offerStatusHistory)
        .where(
          and(
            eq(offerStatusHistory.organisationId, organisationId),
            eq(offerStatusHistory.offerId, offerId),
          ),
        )
        .orderBy(desc(offerStatusHistory.at), desc(offerStatusHistory.seq))
        .limit(limit);
      return rows.map(toHistory);
    },

    async listOfferStatuses(organisationId, offerIds) {
      if (offerIds.length === 0) return [];
      const rows = await db
        .select()
        .from(offerStatuses)
        .where(
          and(
            eq(offerStatuses.organisationId, organisationId),
            inArray(offerStatuses.offerId, [...offerIds]),
          ),
        );
      return rows.map(toStatus);
    },

    async listStatusInputs(after, limit) {
      // Program staff: every organisation the scope may read, in keyset order.
      const where = after
        ? sql`(o.organisation_id, o.id) > (${after.organisationId}::uuid, ${after.offerId}::uuid)`
        : sql`true`;
      return statusInputs(where, limit, true);
    },

    async findStatusInput(organisationId, offerId) {
      // Any existing offer (live null when it never went live), so a draft can be previewed.
      const [row] = await statusInputs(
        sql`o.organisation_id = ${organisationId}::uuid and o.id = ${offerId}::uuid`,
        1,
        false,
      );
      return row ?? null;
    },

    async listBadgesDue(qualifiedBefore, limit) {
      // Program staff: across partners (row-level security permitting).
      return db
        .select({ organisationId: offerStatuses.organisationId, offerId: offerStatuses.offerId })
        .from(offerStatuses)
        .where(
          and(
            isNull(offerStatuses.badgeGrantedAt),
            sql`${offerStatuses.qualifiedSince} <= ${qualifiedBefore.toISOString()}::timestamptz`,
          ),
        )
        .orderBy(asc(offerStatuses.qualifiedSince), asc(offerStatuses.organisationId))
        .limit(limit);
    },

    // --- storefront (public, global) ---

    async upsertStorefrontListing(listing) {
      const values = {
        organisationId: listing.organisationId,
        publisherName: listing.publisherName,
        name: listing.name,
        offerType: listing.offerType,
        summary: listing.summary,
        markets: listing.markets,
        badges: listing.badges,
        cosellStatus: listing.cosellStatus,
        publishedAt: listing.publishedAt,
      };
      await db
        .insert(storefrontListings)
        .values({ offerId: listing.offerId, ...values })
        .onConflictDoUpdate({ target: storefrontListings.offerId, set: values });
    },

    async deleteStorefrontListing(offerId) {
      await db.delete(storefrontListings).where(eq(storefrontListings.offerId, offerId));
    },

    async searchStorefront(query) {
      const pattern = query.search ? likePattern(query.search) : undefined;
      const where = and(
        pattern
          ? or(
              ilike(storefrontListings.name, pattern),
              ilike(storefrontListings.summary, pattern),
              ilike(storefrontListings.publisherName, pattern),
            )
          : undefined,
        query.offerType ? eq(storefrontListings.offerType, query.offerType) : undefined,
        query.market ? sql`${query.market} = any(${storefrontListings.markets})` : undefined,
        query.badges?.length
          ? sql`${storefrontListings.badges} @> ${`{${query.badges.join(',')}}`}::text[]`
          : undefined,
      );
      const rows = await db
        .select()
        .from(storefrontListings)
        .where(where)
        .orderBy(asc(sql`lower(${storefrontListings.name})`), asc(storefrontListings.offerId))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(storefrontListings).where(where);
      return { items: rows.map(toListing), total: total?.n ?? 0 };
    },

    async findStorefrontListing(offerId) {
      const [row] = await db
        .select()
        .from(storefrontListings)
        .where(eq(storefrontListings.offerId, offerId));
      return row ? toListing(row) : null;
    },

    // --- notifications ---

    async createNotifications(entries) {
      const created: NotificationRecord[] = [];
      // In batches, each well below the protocol's 65,535 parameters (6 per row).
      for (let start = 0; start < entries.length; start += 5_000) {
        const rows = await db
          .insert(notifications)
          .values(
            entries.slice(start, start + 5_000).map((e) => ({
              organisationId: e.organisationId,
              userId: e.userId,
              kind: e.kind,
              offerId: e.offerId,
              params: e.params,
              createdAt: e.createdAt,
            })),
          )
          .returning();
        created.push(...rows.map(toNotification));
      }
      return created;
    },

    async listNotifications(userId, query) {
      // The user's rows in every organisation of the scope (row-level security limits them).
      const mine = eq(notifications.userId, userId);
      const where = query.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
      const rows = await db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.seq))
        .limit(query.limit)
        .offset(query.offset);
      const [counts] = await db
        .select({
          total: query.unreadOnly
            ? sql<number>`count(*) filter (where ${notifications.readAt} is null)`
            : count(),
          unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`,
        })
        .from(notifications)
        .where(mine);
      return {
        items: rows.map(toNotification),
        total: Number(counts?.total ?? 0),
        unread: Number(counts?.unread ?? 0),
      };
    },

    async markNotificationsRead(userId, ids, at) {
      if (ids !== 'all' && ids.length === 0) return 0;
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            ids === 'all' ? undefined : inArray(notifications.id, [...ids]),
          ),
        )
        .returning({ id: notifications.id });
      return rows.length;
    },

    async findNotification(userId, id) {
      const [row] = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
      return row ? toNotification(row) : null;
    },

    async listNotificationRecipients(organisationId) {
      const rows = await db
        .select({
          userId: users.id,
          email: users.email,
          name: users.name,
          locale: users.locale,
          roles: memberships.roles,
          mutedKinds: users.mutedNotificationKinds,
          disabledAt: users.disabledAt,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, organisationId))
        .orderBy(asc(users.email));
      return rows.map(({ disabledAt, mutedKinds, ...row }) => ({
        ...row,
        mutedKinds: mutedKinds as NotificationKind[],
        disabled: disabledAt !== null,
      }));
    },

    // --- job queue (global) ---

    async enqueueJob(job) {
      await db
        .insert(jobs)
        .values({
          kind: job.kind,
          payload: job.payload,
          organisationId: job.organisationId,
          runAt: job.runAt,
          dedupeKey: job.dedupeKey ?? null,
          ...(job.maxAttempts !== undefined && { maxAttempts: job.maxAttempts }),
        })
        .onConflictDoNothing({ target: jobs.dedupeKey });
    },

    async claimJob(workerId, now, leaseUntil) {
      // The oldest due job nobody holds (or whose lease ran out), locked with SKIP LOCKED so
      // concurrent workers each take a different one and never wait on each other.
      const at = now.toISOString();
      const [row] = await db
        .update(jobs)
        .set({
          lockedBy: workerId,
          lockedUntil: leaseUntil,
          attempts: sql`${jobs.attempts} + 1`,
        })
        .where(
          sql`${jobs.id} = (select due.id from jobs due
            where due.done_at is null and due.run_at <= ${at}::timestamptz
              and (due.locked_until is null or due.locked_until < ${at}::timestamptz)
            order by due.run_at, due.created_at
            for update skip locked
            limit 1)`,
        )
        .returning();
      return row ? toJob(row) : null;
    },

    async completeJob(id, workerId, at) {
      const rows = await db
        .update(jobs)
        .set({ doneAt: at, lockedBy: null, lockedUntil: null })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), isNull(jobs.doneAt)))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    async failJob(id, workerId, error, retryAt, at) {
      await db
        .update(jobs)
        .set({
          ...(retryAt ? { runAt: retryAt } : { doneAt: at }),
          lockedBy: null,
          lockedUntil: null,
          lastError: error,
        })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), isNull(jobs.doneAt)));
    },

    async findJob(id) {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ? toJob(row) : null;
    },

    async deleteDoneJobs(before, limit) {
      const result = await db.execute(sql`
        delete from jobs where id in (
          select id from jobs
          where done_at is not null and done_at < ${before.toISOString()}::timestamptz
          limit ${limit}
        ) returning id`);
      return rowsOf<{ id: string }>(result).length;
    },

    async findReferencedBlobKeys(keys) {
      if (keys.length === 0) return [];
      // Program staff: documents and published versions of every organisation (RLS permitting).
      const found = await db.execute(sql`
        with wanted(key) as (select unnest(string_to_array(${keys.join('\n')}, E'\n')))
        select w.key from wanted w
        where exists (select 1 from offer_documents d where d.blob_key = w.key)
           or exists (
             select 1 from offer_versions v
             where v.snapshot -> 'documents' @> jsonb_build_array(jsonb_build_object('blobKey', w.key))
           )`);
      return rowsOf<{ key: string }>(found).map((r) => r.key);
    },

    async countPendingJobs(kinds) {
      const [row] = await db
        .select({ n: count() })
        .from(jobs)
        .where(and(isNull(jobs.doneAt), kinds ? oneOf(jobs.kind, kinds) : undefined));
      return row?.n ?? 0;
    },
  };
}
