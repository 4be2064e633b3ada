/** The public storefront: a global projection of the public fields of live offers. */
import type {
  CosellStatusId,
  OfferTypeId,
  StorefrontListing,
  StorefrontRepository,
} from '@cosell/core';
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { storefrontListings } from './schema';
import { likePattern } from './sql-helpers';

type ListingRow = typeof storefrontListings.$inferSelect;

const toListing = (row: ListingRow): StorefrontListing => ({
  offerId: row.offerId,
  organisationId: row.organisationId,
  publisherName: row.publisherName,
  name: row.name,
  offerType: row.offerType as OfferTypeId,
  summary: row.summary,
  description: row.description,
  markets: row.markets,
  badges: row.badges,
  cosellStatus: row.cosellStatus as CosellStatusId,
  publishedAt: row.publishedAt,
});

export function createStorefrontRepository(db: Executor): StorefrontRepository {
  return {
    async upsertStorefrontListing(listing) {
      const values = {
        organisationId: listing.organisationId,
        publisherName: listing.publisherName,
        name: listing.name,
        offerType: listing.offerType,
        summary: listing.summary,
        description: listing.description,
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
  };
}
