/**
 * Sign-in throttling counters, keyed before anyone is signed in: by account and address, by
 * account alone and by address alone (see `signIn` in core). Counting is one atomic statement,
 * so simultaneous attempts each see their own number.
 */
import type { ThrottleRepository } from '@cosell/core';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { loginThrottle } from './schema';

export function createThrottleRepository(db: Executor): ThrottleRepository {
  return {
    async findThrottle(key) {
      const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
      return row ?? null;
    },

    async saveThrottle(record) {
      await db
        .insert(loginThrottle)
        .values(record)
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            failures: record.failures,
            windowStartedAt: record.windowStartedAt,
            lockedUntil: record.lockedUntil,
          },
        });
    },

    async addThrottleFailures(key, by, now, windowMs) {
      const at = sql`${now.toISOString()}::timestamptz`;
      const expired = sql`${loginThrottle.windowStartedAt} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
      const first = Math.max(by, 0);
      const [row] = await db
        .insert(loginThrottle)
        .values({ key, failures: first, windowStartedAt: now, lockedUntil: null })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            // A series older than the window is forgotten; a lock it left stays until it ends.
            failures: sql`case when ${expired} then ${first}::integer else greatest(${loginThrottle.failures} + ${by}::integer, 0) end`,
            windowStartedAt: sql`case when ${expired} then ${at} else ${loginThrottle.windowStartedAt} end`,
          },
        })
        .returning();
      return row!;
    },

    async lockThrottle(key, until) {
      const at = sql`${until.toISOString()}::timestamptz`;
      await db
        .update(loginThrottle)
        .set({
          lockedUntil: sql`greatest(coalesce(${loginThrottle.lockedUntil}, ${at}), ${at})`,
        })
        .where(eq(loginThrottle.key, key));
    },

    async clearThrottle(key) {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
    },
  };
}
