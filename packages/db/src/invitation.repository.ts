/** Invitations to join an organisation, found by the hash of their token. */
import type { InvitationRecord, InvitationRepository, Role } from '@cosell/core';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from './client';
import { invitations } from './schema';

type InvitationRow = typeof invitations.$inferSelect;

const toInvitation = (row: InvitationRow): InvitationRecord => ({
  ...row,
  roles: row.roles as Role[],
});

export function createInvitationRepository(db: Executor): InvitationRepository {
  return {
    async createInvitation(input) {
      const [row] = await db.insert(invitations).values(input).returning();
      return toInvitation(row!);
    },

    async findInvitationByTokenHash(tokenHash) {
      const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row ? toInvitation(row) : null;
    },

    async listOpenInvitations(organisationId, now) {
      const rows = await db
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.organisationId, organisationId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, now),
          ),
        )
        .orderBy(desc(invitations.createdAt));
      return rows.map(toInvitation);
    },

    async markInvitationAccepted(organisationId, id, at) {
      // The acceptedAt IS NULL guard makes a replayed link lose the race, not double-join.
      const rows = await db
        .update(invitations)
        .set({ acceptedAt: at })
        .where(
          and(
            eq(invitations.organisationId, organisationId),
            eq(invitations.id, id),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      return rows.length > 0;
    },

    async revokeInvitation(organisationId, id, at) {
      const rows = await db
        .update(invitations)
        .set({ revokedAt: at })
        .where(
          and(
            eq(invitations.organisationId, organisationId),
            eq(invitations.id, id),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning({ id: invitations.id });
      return rows.length > 0;
    },
  };
}
