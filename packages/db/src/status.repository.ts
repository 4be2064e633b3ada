/**
 * Computed co-sell statuses of offers and their history. The methods the port marks "Program
 * staff" read across partners, and row-level security decides what the transaction's scope may
 * see.
 */
import type {
  CosellDraft,
  CosellStatusId,
  IsvConnectLevel,
  OfferSnapshot,
  OfferStatusRecord,
  PolicyId,
  ProgramProfileRecord,
  StatusHistoryRecord,
  StatusInputRow,
  StatusRepository,
} from '@cosell/core';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client';
import { toReview } from './rows';
import { offerStatuses, offerStatusHistory } from './schema';
import { asJson, rowsOf } from './sql-helpers';

type StatusRow = typeof offerStatuses.$inferSelect;
type HistoryRow = typeof offerStatusHistory.$inferSelect;

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

/**
 * A timestamp from a raw query: both drivers hand drizzle's raw results timestamps as
 * PostgreSQL text ("2026-11-22 09:00:00+00"), which Date parses.
 */
const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const toDateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : toDate(value);

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

export function createStatusRepository(db: Executor): StatusRepository {
  /**
   * The status inputs of offers with a live version or a status row: the live snapshot, the
   * co-sell draft, the review of the published submission of that version, the organisation's profile and the
   * current status. One query per page; the review comes from a LATERAL lookup on the offer's
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
  };
}
