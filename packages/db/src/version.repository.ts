/** Offer versions (the snapshots that go live) and the publication state of offers. */
import type {
  OfferLifecycleState,
  OfferSnapshot,
  OfferVersionRecord,
  PublishStatus,
  VersionRepository,
} from '@cosell/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { offerKey } from './offer.repository';
import { offerVersions, offers } from './schema';
import { asJson, translateDbError } from './sql-helpers';

type VersionRow = typeof offerVersions.$inferSelect;

const toVersion = (row: VersionRow): OfferVersionRecord => ({
  organisationId: row.organisationId,
  offerId: row.offerId,
  id: row.id,
  number: row.number,
  snapshot: row.snapshot as OfferSnapshot,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

export function createVersionRepository(db: Executor): VersionRepository {
  return {
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
  };
}
