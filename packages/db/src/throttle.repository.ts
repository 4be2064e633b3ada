/** Login throttling counters, keyed by e-mail and address before anyone is signed in. */
import type { ThrottleRepository } from '@cosell/core';
import { eq } from 'drizzle-orm';
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

    async clearThrottle(key) {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
    },
  };
}
