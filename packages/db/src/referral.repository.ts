/**
 * Co-sell opportunities (referrals, ADR 016): one row per organisation's referral, the resource
 * in `document`, the columns the list filters and sorts on beside it. Every query names the
 * organisation; row-level security keeps the other organisations' rows out, and their shared
 * fields come from `referral_shares` (kept by a trigger). OData `$filter` reaches SQL only
 * through core's `toSql` with the column map below: values are always bound parameters.
 */
import {
  toSql,
  toSqlOrderBy,
  type FilterField,
  type OrderByField,
  type Referral,
  type ReferralImportEntry,
  type ReferralImportRecord,
  type ReferralRepository,
  type ReferralTimelineEntry,
  type ReferralVisibilityRule,
  type SharedReferralView,
} from '@cosell/core';
import { and, asc, desc, eq, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client';
import {
  engagements,
  memberships,
  referralFavorites,
  referralImports,
  referralShares,
  referralTimeline,
  referrals,
  storefrontListings,
} from './schema';
import { likePattern, rowsOf, translateDbError, versionIn } from './sql-helpers';

type ReferralRow = typeof referrals.$inferSelect;

/** The SQL column of each `$filter` field (`engagement_id` compares as text: any input is safe). */
export const REFERRAL_FILTER_COLUMNS: Readonly<Record<FilterField, string>> = {
  status: 'r.status',
  substatus: 'r.substatus',
  type: 'r.type',
  direction: 'r.direction',
  createdDateTime: 'r.created_at',
  updatedDateTime: 'r.updated_at',
  'details/closingDateTime': 'r.closing_at',
  engagementId: 'r.engagement_id::text',
  externalReferenceId: 'r.external_reference_id',
  'customerProfile/name': 'r.customer_name',
  dealKind: 'r.deal_kind',
  salesStage: 'r.sales_stage',
  'customerProfile/address/country': 'r.customer_country',
};

const ORDER_COLUMNS: Readonly<Record<OrderByField, string>> = {
  createdDateTime: 'r.created_at',
  updatedDateTime: 'r.updated_at',
  'details/closingDateTime': 'r.closing_at',
  status: 'r.status',
};

const versionOf = (eTag: string) => Number(/^"v(\d+)"$/.exec(eTag)?.[1] ?? 1);

/** The columns of a referral, from the resource. */
export function referralColumns(referral: Referral) {
  return {
    organisationId: referral.organizationId,
    id: referral.id,
    engagementId: referral.engagementId,
    organisationName: referral.organizationName,
    name: referral.name,
    status: referral.status,
    substatus: referral.substatus,
    type: referral.type,
    direction: referral.direction,
    dealKind: referral.dealKind,
    visibility: referral.visibility,
    salesStage: referral.salesStage ?? null,
    customerName: referral.customerProfile.name,
    customerCountry: referral.customerProfile.address.country,
    externalReferenceId: referral.externalReferenceId ?? null,
    teamEmails: referral.team.map((m) => m.email.toLowerCase()),
    createdAt: new Date(referral.createdDateTime),
    updatedAt: new Date(referral.updatedDateTime),
    closingAt: new Date(referral.details.closingDateTime),
    expirationAt: referral.expirationDateTime ? new Date(referral.expirationDateTime) : null,
    document: referral,
    version: versionOf(referral.eTag),
  };
}

const toReferral = (row: Pick<ReferralRow, 'document' | 'version'>): Referral => ({
  ...(row.document as Referral),
  eTag: `"v${row.version}"`,
});

/** SQL text with `$n` placeholders (from `toSql`) as a Drizzle fragment binding `params`. */
function bound(text: string, params: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
    } else {
      const value = params[Number(part) - 1];
      chunks.push(sql`${value instanceof Date ? value.toISOString() : value}`);
    }
  });
  return sql.join(chunks);
}

function ruleCondition(rule: ReferralVisibilityRule): SQL | undefined {
  switch (rule.kind) {
    case 'all':
      return undefined;
    case 'countries':
      return rule.countries.length > 0
        ? sql`r.customer_country in (${sql.join(
            rule.countries.map((country) => sql`${country}`),
            sql`, `,
          )})`
        : sql`false`;
    case 'team':
      return sql`${rule.email.toLowerCase()} = any(r.team_emails)`;
  }
}

const toImport = (row: typeof referralImports.$inferSelect): ReferralImportRecord => ({
  organisationId: row.organisationId,
  id: row.id,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  undoneAt: row.undoneAt,
  entries: row.entries as ReferralImportEntry[],
});

export function createReferralRepository(db: Executor): ReferralRepository {
  return {
    async list(organisationId, query, options) {
      const conditions: SQL[] = [sql`r.organisation_id = ${organisationId}`];
      if (query.filter) {
        const fragment = toSql(query.filter, REFERRAL_FILTER_COLUMNS);
        conditions.push(bound(fragment.text, fragment.params));
      }
      const rule = ruleCondition(options.rule);
      if (rule) conditions.push(rule);
      if (options.view === 'inbound') conditions.push(sql`r.direction = 'Incoming'`);
      if (options.view === 'outbound') conditions.push(sql`r.direction = 'Outgoing'`);
      if (options.view === 'favorites') {
        conditions.push(sql`exists (select 1 from referral_favorites f
          where f.organisation_id = r.organisation_id and f.referral_id = r.id
            and f.user_id = ${options.userId})`);
      }
      if (options.search) {
        const pattern = likePattern(options.search);
        conditions.push(
          sql`(r.name ilike ${pattern} or r.customer_name ilike ${pattern} or r.external_reference_id ilike ${pattern})`,
        );
      }
      const where = sql.join(conditions, sql` and `);
      const orderBy = sql.raw(toSqlOrderBy(query.orderBy, ORDER_COLUMNS, 'r.id'));
      const rows = rowsOf<{ document: unknown; version: number }>(
        await db.execute(sql`select r.document, r.version from referrals r where ${where}
          order by ${orderBy} limit ${query.top} offset ${query.skip}`),
      );
      let total: number | null = null;
      if (query.count) {
        const [counted] = rowsOf<{ n: number | string }>(
          await db.execute(sql`select count(*)::int as n from referrals r where ${where}`),
        );
        total = Number(counted?.n ?? 0);
      }
      const items = rows.map((row) => {
        const referral = toReferral({ document: row.document, version: row.version });
        if (!query.select) return referral;
        const picked: Record<string, unknown> = {};
        for (const field of query.select) {
          const value = (referral as unknown as Record<string, unknown>)[field];
          if (value !== undefined) picked[field] = value;
        }
        return picked as Partial<Referral>;
      });
      return { items, total };
    },

    async get(organisationId, referralId) {
      if (!/^[0-9a-f-]{36}$/i.test(referralId)) return null;
      const [row] = await db
        .select({ document: referrals.document, version: referrals.version })
        .from(referrals)
        .where(and(eq(referrals.organisationId, organisationId), eq(referrals.id, referralId)));
      return row ? toReferral(row) : null;
    },

    async listEngagement(organisationId, engagementId) {
      const rows = await db
        .select()
        .from(referralShares)
        .where(eq(referralShares.engagementId, engagementId))
        .orderBy(asc(referralShares.createdAt), asc(referralShares.id));
      // Only an engagement the organisation takes part in shows anything.
      if (!rows.some((row) => row.organisationId === organisationId)) return [];
      return rows.map((row): SharedReferralView => ({
        id: row.id,
        engagementId: row.engagementId,
        organizationId: row.organisationId,
        organizationName: row.organisationName,
        status: row.status as SharedReferralView['status'],
        substatus: row.substatus as SharedReferralView['substatus'],
        type: row.type as SharedReferralView['type'],
        createdDateTime: row.createdAt.toISOString(),
      }));
    },

    async createEngagement(engagementId, organisationId, at) {
      await db
        .insert(engagements)
        .values({ id: engagementId, createdByOrganisationId: organisationId, createdAt: at })
        .onConflictDoNothing();
    },

    async insert(list) {
      if (list.length === 0) return;
      await db.insert(referrals).values(list.map(referralColumns)).catch(translateDbError);
    },

    async update(next, expected) {
      const columns = referralColumns(next);
      const updated = await db
        .update(referrals)
        .set({ ...columns, organisationId: undefined, id: undefined })
        .where(
          and(
            eq(referrals.organisationId, next.organizationId),
            eq(referrals.id, next.id),
            versionIn(referrals.version, expected),
          ),
        )
        .returning({ id: referrals.id });
      return updated.length === 1;
    },

    async remove(organisationId, referralId, expected) {
      const removed = await db
        .delete(referrals)
        .where(
          and(
            eq(referrals.organisationId, organisationId),
            eq(referrals.id, referralId),
            versionIn(referrals.version, expected),
          ),
        )
        .returning({ id: referrals.id });
      return removed.length === 1;
    },

    async createImport(record) {
      const [row] = await db
        .insert(referralImports)
        .values({
          organisationId: record.organisationId,
          createdBy: record.createdBy,
          createdAt: record.createdAt,
          entries: record.entries,
        })
        .returning();
      return toImport(row!);
    },

    async findImport(organisationId, importId) {
      const [row] = await db
        .select()
        .from(referralImports)
        .where(
          and(eq(referralImports.organisationId, organisationId), eq(referralImports.id, importId)),
        );
      return row ? toImport(row) : null;
    },

    async markImportUndone(organisationId, importId, at) {
      const rows = await db
        .update(referralImports)
        .set({ undoneAt: at })
        .where(
          and(
            eq(referralImports.organisationId, organisationId),
            eq(referralImports.id, importId),
            isNull(referralImports.undoneAt),
          ),
        )
        .returning({ id: referralImports.id });
      return rows.length === 1;
    },

    async listExpiryDue(now, limit) {
      const rows = await db
        .select({ document: referrals.document, version: referrals.version })
        .from(referrals)
        .where(and(eq(referrals.substatus, 'Received'), lte(referrals.expirationAt, now)))
        .orderBy(asc(referrals.expirationAt), asc(referrals.id))
        .limit(limit);
      return rows.map(toReferral);
    },

    async listExpiryWarningDue(now, warnBeforeMs, limit) {
      const rows = await db
        .select({ document: referrals.document, version: referrals.version })
        .from(referrals)
        .where(
          and(
            eq(referrals.substatus, 'Received'),
            isNull(referrals.warnedAt),
            lte(referrals.expirationAt, new Date(now.getTime() + warnBeforeMs)),
            sql`${referrals.expirationAt} > ${now.toISOString()}`,
          ),
        )
        .orderBy(asc(referrals.expirationAt), asc(referrals.id))
        .limit(limit);
      return rows.map(toReferral);
    },

    async markWarned(organisationId, referralId, at) {
      await db
        .update(referrals)
        .set({ warnedAt: at })
        .where(and(eq(referrals.organisationId, organisationId), eq(referrals.id, referralId)));
    },

    async appendTimeline(entry) {
      await db.insert(referralTimeline).values({
        organisationId: entry.organisationId,
        referralId: entry.referralId,
        at: entry.at,
        actorKind: entry.actorKind,
        actorUserId: entry.actorUserId,
        actorName: entry.actorName,
        channel: entry.channel,
        action: entry.action,
        summary: entry.summary,
      });
    },

    async listTimeline(organisationId, referralId) {
      const rows = await db
        .select()
        .from(referralTimeline)
        .where(
          and(
            eq(referralTimeline.organisationId, organisationId),
            eq(referralTimeline.referralId, referralId),
          ),
        )
        .orderBy(desc(referralTimeline.at), desc(referralTimeline.seq));
      return rows.map((row): ReferralTimelineEntry => ({
        referralId: row.referralId,
        organisationId: row.organisationId,
        at: row.at,
        actorKind: row.actorKind as ReferralTimelineEntry['actorKind'],
        actorUserId: row.actorUserId,
        actorName: row.actorName,
        channel: row.channel as ReferralTimelineEntry['channel'],
        action: row.action as ReferralTimelineEntry['action'],
        summary: row.summary as ReferralTimelineEntry['summary'],
      }));
    },

    async setFavorite(organisationId, userId, referralId, on) {
      if (on) {
        await db
          .insert(referralFavorites)
          .values({ organisationId, userId, referralId })
          .onConflictDoNothing();
      } else {
        await db
          .delete(referralFavorites)
          .where(
            and(
              eq(referralFavorites.organisationId, organisationId),
              eq(referralFavorites.userId, userId),
              eq(referralFavorites.referralId, referralId),
            ),
          );
      }
    },

    async listCosellReadySolutions(organisationId) {
      const rows = await db
        .select()
        .from(storefrontListings)
        .where(
          and(
            ne(storefrontListings.cosellStatus, 'not-cosell-ready'),
            organisationId ? eq(storefrontListings.organisationId, organisationId) : undefined,
          ),
        )
        .orderBy(asc(storefrontListings.publisherName), asc(storefrontListings.name));
      return rows.map((row) => ({
        id: row.offerId,
        name: row.name,
        type: row.offerType,
        organizationId: row.organisationId,
        organizationName: row.publisherName,
      }));
    },

    async findReferralScope(organisationId, userId) {
      const [row] = await db
        .select({ countries: memberships.referralCountries })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
      return row ? row.countries : undefined;
    },

    async setReferralScope(organisationId, userId, countries) {
      const updated = await db
        .update(memberships)
        .set({
          referralCountries: countries ? [...countries] : null,
          version: sql`${memberships.version} + 1`,
        })
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
        .returning({ userId: memberships.userId });
      return updated.length === 1;
    },
  };
}
