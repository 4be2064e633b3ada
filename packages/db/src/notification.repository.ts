/** In-app notifications of users, and who receives those of an organisation. */
import type { NotificationKind, NotificationRecord, NotificationRepository } from '@cosell/core';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { memberships, notifications, users } from './schema';

type NotificationRow = typeof notifications.$inferSelect;

const toNotification = (row: NotificationRow): NotificationRecord => ({
  organisationId: row.organisationId,
  id: row.id,
  userId: row.userId,
  kind: row.kind as NotificationKind,
  offerId: row.offerId,
  params: row.params as NotificationRecord['params'],
  createdAt: row.createdAt,
  readAt: row.readAt,
});

export function createNotificationRepository(db: Executor): NotificationRepository {
  return {
    async createNotifications(entries) {
      const created: NotificationRecord[] = [];
      // In batches, each well below the protocol's 65,535 parameters (6 per row).
      for (let start = 0; start < entries.length; start += 5_000) {
        const rows = await db
          .insert(notifications)
          .values(
            entries.slice(start, start + 5_000).map((e) => ({
              organisationId: e.organisationId,
              userId: e.userId,
              kind: e.kind,
              offerId: e.offerId,
              params: e.params,
              createdAt: e.createdAt,
            })),
          )
          .returning();
        created.push(...rows.map(toNotification));
      }
      return created;
    },

    async listNotifications(userId, query) {
      // The user's rows in every organisation of the scope (row-level security limits them).
      const mine = eq(notifications.userId, userId);
      const where = query.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
      const rows = await db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.seq))
        .limit(query.limit)
        .offset(query.offset);
      const [counts] = await db
        .select({
          total: query.unreadOnly
            ? sql<number>`count(*) filter (where ${notifications.readAt} is null)`
            : count(),
          unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`,
        })
        .from(notifications)
        .where(mine);
      return {
        items: rows.map(toNotification),
        total: Number(counts?.total ?? 0),
        unread: Number(counts?.unread ?? 0),
      };
    },

    async markNotificationsRead(userId, ids, at) {
      if (ids !== 'all' && ids.length === 0) return 0;
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            ids === 'all' ? undefined : inArray(notifications.id, [...ids]),
          ),
        )
        .returning({ id: notifications.id });
      return rows.length;
    },

    async findNotification(userId, id) {
      const [row] = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
      return row ? toNotification(row) : null;
    },

    async listNotificationRecipients(organisationId) {
      const rows = await db
        .select({
          userId: users.id,
          email: users.email,
          name: users.name,
          locale: users.locale,
          roles: memberships.roles,
          mutedKinds: users.mutedNotificationKinds,
          disabledAt: users.disabledAt,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, organisationId))
        .orderBy(asc(users.email));
      return rows.map(({ disabledAt, mutedKinds, ...row }) => ({
        ...row,
        mutedKinds: mutedKinds as NotificationKind[],
        disabled: disabledAt !== null,
      }));
    },
  };
}
