/** Users: global, since a person may belong to several organisations. */
import type { Locale, NotificationKind, UserRecord, UserRepository } from '@cosell/core';
import { and, asc, count, eq, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { passwordResets, users } from './schema';
import { likePattern, translateDbError, versionIn } from './sql-helpers';

type UserRow = typeof users.$inferSelect;

const toUser = (row: UserRow): UserRecord => ({
  ...row,
  locale: row.locale as Locale,
  mutedNotificationKinds: row.mutedNotificationKinds as NotificationKind[],
});

export function createUserRepository(db: Executor): UserRepository {
  return {
    async countUsers() {
      const [row] = await db.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },

    async createUser(input) {
      try {
        const [row] = await db.insert(users).values(input).returning();
        return toUser(row!);
      } catch (error) {
        translateDbError(error);
      }
    },

    async findUser(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? toUser(row) : null;
    },

    async findUserByEmail(email) {
      const [row] = await db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
      return row ? toUser(row) : null;
    },

    async updateUser(id, patch, expected = 'any') {
      const [row] = await db
        .update(users)
        .set({ ...patch, version: sql`${users.version} + 1` })
        .where(and(eq(users.id, id), versionIn(users.version, expected)))
        .returning();
      return row ? toUser(row) : null;
    },

    async listUsers(query) {
      const where = query.search
        ? or(
            ilike(users.email, likePattern(query.search)),
            ilike(users.name, likePattern(query.search)),
          )
        : undefined;
      const rows = await db
        .select()
        .from(users)
        .where(where)
        .orderBy(asc(users.email))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(users).where(where);
      return { items: rows.map(toUser), total: total?.n ?? 0 };
    },

    async createPasswordReset({ tokenHash, userId, expiresAt, now }) {
      await db.insert(passwordResets).values({ tokenHash, userId, expiresAt, createdAt: now });
    },

    async usePasswordReset(tokenHash, now) {
      // One statement: of two simultaneous uses, the second finds it used.
      const [row] = await db
        .update(passwordResets)
        .set({ usedAt: now })
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, now),
          ),
        )
        .returning({ userId: passwordResets.userId });
      return row?.userId ?? null;
    },

    async deletePasswordResetsOfUser(userId) {
      await db.delete(passwordResets).where(eq(passwordResets.userId, userId));
    },
  };
}
