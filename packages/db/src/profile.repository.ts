/**
 * Program profiles of partner organisations. The methods the port marks "Program staff" read
 * across partners, and row-level security decides what the transaction's scope may see.
 */
import type { IsvConnectLevel, ProfileRepository, ProgramProfileRecord } from '@cosell/core';
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { organisations, programProfiles } from './schema';
import { likePattern, translateDbError, versionIn } from './sql-helpers';

type ProfileRow = typeof programProfiles.$inferSelect;

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

export function createProfileRepository(db: Executor): ProfileRepository {
  return {
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
  };
}
