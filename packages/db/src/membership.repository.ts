/** Memberships: who belongs to which organisation, with which roles. */
import type { MembershipRecord, MembershipRepository, Role } from '@cosell/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { toOrganisation } from './rows';
import { memberships, organisations, users } from './schema';
import { translateDbError, versionIn } from './sql-helpers';

type MembershipRow = typeof memberships.$inferSelect;

const toMembership = (row: MembershipRow): MembershipRecord => ({
  organisationId: row.organisationId,
  userId: row.userId,
  roles: row.roles as Role[],
  createdAt: row.createdAt,
  version: row.version,
});

export function createMembershipRepository(db: Executor): MembershipRepository {
  return {
    async listMembershipsOfUser(userId) {
      const rows = await db
        .select({ membership: memberships, organisation: organisations })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(organisations.kind), asc(organisations.name));
      return rows.map((row) => ({
        ...toMembership(row.membership),
        organisation: toOrganisation(row.organisation),
      }));
    },

    async findMembership(organisationId, userId) {
      const [row] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
      return row ? toMembership(row) : null;
    },

    async listMembers(organisationId) {
      const rows = await db
        .select({
          membership: memberships,
          user: { id: users.id, email: users.email, name: users.name },
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, organisationId))
        .orderBy(asc(sql`lower(${users.name})`));
      return rows.map((row) => ({ ...toMembership(row.membership), user: row.user }));
    },

    async createMembership(input) {
      try {
        const [row] = await db.insert(memberships).values(input).returning();
        return toMembership(row!);
      } catch (error) {
        translateDbError(error);
      }
    },

    async updateMembershipRoles(organisationId, userId, roles, expected) {
      const [row] = await db
        .update(memberships)
        .set({ roles, version: sql`${memberships.version} + 1` })
        .where(
          and(
            eq(memberships.organisationId, organisationId),
            eq(memberships.userId, userId),
            versionIn(memberships.version, expected),
          ),
        )
        .returning();
      return row ? toMembership(row) : null;
    },

    async deleteMembership(organisationId, userId, expected = 'any') {
      const rows = await db
        .delete(memberships)
        .where(
          and(
            eq(memberships.organisationId, organisationId),
            eq(memberships.userId, userId),
            versionIn(memberships.version, expected),
          ),
        )
        .returning({ userId: memberships.userId });
      return rows.length > 0;
    },
  };
}
