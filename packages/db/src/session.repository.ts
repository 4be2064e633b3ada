/** Sessions: global, they belong to a user rather than an organisation. */
import type { SessionRecord, SessionRepository } from '@cosell/core';
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from './client';
import { sessions } from './schema';

export function createSessionRepository(db: Executor): SessionRepository {
  return {
    async createSession(input) {
      const [row] = await db
        .insert(sessions)
        .values({
          id: input.id,
          userId: input.userId,
          activeOrganisationId: input.activeOrganisationId,
          csrfToken: input.csrfToken,
          expiresAt: input.expiresAt,
          createdAt: input.now,
          lastSeenAt: input.now,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
        })
        .returning();
      return row as SessionRecord;
    },

    async findSession(id) {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return (row as SessionRecord | undefined) ?? null;
    },

    async touchSession(id, at) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },

    async setSessionOrganisation(id, organisationId) {
      await db
        .update(sessions)
        .set({ activeOrganisationId: organisationId })
        .where(eq(sessions.id, id));
    },

    async deleteSession(id) {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async deleteSessionsOfUser(userId, exceptSessionId) {
      await db
        .delete(sessions)
        .where(
          and(
            eq(sessions.userId, userId),
            exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
          ),
        );
    },
  };
}
