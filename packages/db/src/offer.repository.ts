/** Offers. Each query names the organisation, like every tenant repository here. */
import type {
  CosellDraft,
  DraftChanges,
  CosellStatusId,
  CountryCode,
  OfferLifecycleState,
  OfferListQuery,
  OfferRecord,
  OfferRepository,
  OfferTypeId,
  PublishStatus,
} from '@cosell/core';
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { offerStatuses, offers, organisations, programs } from './schema';
import { likePattern, translateDbError, versionIn } from './sql-helpers';

type OfferRow = typeof offers.$inferSelect;

const toOffer = (row: OfferRow): OfferRecord => ({
  ...row,
  offerType: row.offerType as OfferTypeId,
  markets: row.markets as CountryCode[],
  lifecycleState: row.lifecycleState as OfferLifecycleState,
  cosell: row.cosell as CosellDraft,
  draftChanges: row.draftChanges as DraftChanges,
  publishStatus: row.publishStatus as PublishStatus,
});

/** The offers of a list query: the organisation's, archived or not, of a type, matching a search. */
const listWhere = (organisationId: string, query: OfferListQuery) =>
  and(
    eq(offers.organisationId, organisationId),
    query.archived === 'active'
      ? isNull(offers.archivedAt)
      : query.archived === 'archived'
        ? isNotNull(offers.archivedAt)
        : undefined,
    query.offerType ? eq(offers.offerType, query.offerType) : undefined,
    query.search
      ? or(
          ilike(offers.name, likePattern(query.search)),
          ilike(offers.alias, likePattern(query.search)),
        )
      : undefined,
  );

/** Text columns sort the way people read lists: without regard to case. */
const SORT_COLUMNS = {
  name: sql`lower(${offers.name})`,
  alias: sql`lower(${offers.alias})`,
  offerType: offers.offerType,
  updatedAt: offers.updatedAt,
  createdAt: offers.createdAt,
} as const;

const prepareFindOffer = (db: Executor) =>
  db
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.organisationId, sql.placeholder('organisationId')),
        eq(offers.id, sql.placeholder('id')),
      ),
    )
    .prepare('cosell_find_offer');

/** The key of one offer of an organisation. */
export const offerKey = (organisationId: string, id: string) =>
  and(eq(offers.organisationId, organisationId), eq(offers.id, id));

export function createOfferRepository(db: Executor): OfferRepository {
  // The hottest read, prepared once per executor (a pooled connection on PostgreSQL, whose
  // named statement is then neither rebuilt here nor parsed there again).
  let findOne: ReturnType<typeof prepareFindOffer> | undefined;
  return {
    async createOffer(organisationId, fields, at) {
      const [row] = await db
        .insert(offers)
        .values({
          organisationId,
          ...fields,
          cosell: {
            listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
            landingPageUrl: null,
          },
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .catch(translateDbError);
      return toOffer(row!);
    },

    async findOffer(organisationId, id) {
      findOne ??= prepareFindOffer(db);
      const [row] = await findOne.execute({ organisationId, id });
      return row ? toOffer(row) : null;
    },

    async listOffers(organisationId, query) {
      const where = listWhere(organisationId, query);
      const column = SORT_COLUMNS[query.sort];
      const order = query.direction === 'asc' ? asc : desc;
      // The page and the total in one statement (a window count); only a page past the end,
      // which has no row to carry the total, counts again.
      const rows = await db
        .select({ offer: offers, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(offers)
        .where(where)
        .orderBy(order(column), asc(offers.id))
        .limit(query.limit)
        .offset(query.offset);
      if (rows.length > 0) {
        return { items: rows.map((row) => toOffer(row.offer)), total: rows[0]!.total };
      }
      if (query.offset === 0) return { items: [], total: 0 };
      const [total] = await db.select({ n: count() }).from(offers).where(where);
      return { items: [], total: total?.n ?? 0 };
    },

    async listOffersWithStatus(organisationId, query) {
      const where = listWhere(organisationId, query);
      const column = SORT_COLUMNS[query.sort];
      const order = query.direction === 'asc' ? asc : desc;
      // The page, its total, each offer's stored status and the program's active policy in one
      // statement: the status by a join on its key, the policy by a scalar subquery.
      const activePolicy = sql<string | null>`(select ${programs.activePolicy} from ${programs}
        join ${organisations} on ${organisations.id} = ${programs.organisationId}
        where ${organisations.kind} = 'vendor' limit 1)`;
      const rows = await db
        .select({
          offer: offers,
          status: offerStatuses.status,
          activePolicy,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(offers)
        .leftJoin(
          offerStatuses,
          and(
            eq(offerStatuses.organisationId, offers.organisationId),
            eq(offerStatuses.offerId, offers.id),
          ),
        )
        .where(where)
        .orderBy(order(column), asc(offers.id))
        .limit(query.limit)
        .offset(query.offset);
      if (rows.length > 0) {
        return {
          items: rows.map((row) => ({
            offer: toOffer(row.offer),
            cosellStatus: (row.status as CosellStatusId | null) ?? null,
          })),
          total: rows[0]!.total,
          activePolicy: rows[0]!.activePolicy,
        };
      }
      // An empty list names no status: the policy matters only past the end of a list.
      if (query.offset === 0) return { items: [], total: 0, activePolicy: null };
      const [total] = await db.select({ n: count(), activePolicy }).from(offers).where(where);
      return { items: [], total: total?.n ?? 0, activePolicy: total?.activePolicy ?? null };
    },

    async updateOffer(organisationId, id, patch, expected, at) {
      const [row] = await db
        .update(offers)
        .set({ ...patch, updatedAt: at, version: sql`${offers.version} + 1` })
        .where(and(offerKey(organisationId, id), versionIn(offers.version, expected)))
        .returning()
        .catch(translateDbError);
      return row ? toOffer(row) : null;
    },

    async bumpContactsVersion(organisationId, offerId, expected, at) {
      const [row] = await db
        .update(offers)
        .set({ contactsVersion: sql`${offers.contactsVersion} + 1`, updatedAt: at })
        .where(and(offerKey(organisationId, offerId), versionIn(offers.contactsVersion, expected)))
        .returning({ contactsVersion: offers.contactsVersion });
      return row?.contactsVersion ?? null;
    },

    async bumpDraftVersion(organisationId, offerId, part, at) {
      const [row] = await db
        .update(offers)
        .set({
          draftVersion: sql`${offers.draftVersion} + 1`,
          draftChanges: sql`${offers.draftChanges} || jsonb_build_object(${part}::text, ${offers.draftVersion} + 1)`,
          updatedAt: at,
        })
        .where(offerKey(organisationId, offerId))
        .returning({ draftVersion: offers.draftVersion });
      return row?.draftVersion ?? null;
    },
  };
}
