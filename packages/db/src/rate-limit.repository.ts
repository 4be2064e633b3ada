/**
 * Rate-limit counters shared by every API process (ADR 014): one atomic upsert per request,
 * `insert … on conflict do update … returning`, on a row per key that counts the requests of
 * its current fixed window. Now and then the same statement also deletes a few rows whose
 * window is long over, so keys that are never seen again (addresses, revoked tokens) do not
 * pile up. It runs on its own, outside any transaction: the counters hold no tenant data,
 * and one round trip is the whole cost.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client';

export interface RateLimitStore {
  /**
   * Counts one request of `key` in the window starting at `windowStart` and returns the
   * window's count so far. With `sweepBefore`, also deletes up to 50 other rows whose window
   * started before it.
   */
  hit(key: string, windowStart: Date, sweepBefore?: Date): Promise<number>;
}

type Rows = { rows: { hits: number | string }[] };

export function createRateLimitStore(db: Database | Promise<Database>): RateLimitStore {
  return {
    async hit(key, windowStart, sweepBefore) {
      const upsert = sql`insert into rate_limits (key, window_start, hits)
        values (${key}, ${windowStart.toISOString()}, 1)
        on conflict (key) do update set
          hits = case when rate_limits.window_start = excluded.window_start
            then rate_limits.hits + 1 else 1 end,
          window_start = excluded.window_start
        returning hits`;
      const statement = sweepBefore
        ? sql`with swept as (
            delete from rate_limits where key in (
              select key from rate_limits
              where window_start < ${sweepBefore.toISOString()} and key <> ${key}
              limit 50 for update skip locked))
            ${upsert}`
        : upsert;
      const result = (await (await db).execute(statement)) as unknown as Rows;
      return Number(result.rows[0]?.hits ?? 1);
    },
  };
}

/**
 * The same counters in this process's memory, for embedded PGlite: the data-folder lock lets
 * one process alone open it (ADR 010), so that process's memory is shared by every API
 * process there is. Old windows are swept on the same schedule as the table's.
 */
export function createMemoryRateLimitStore(): RateLimitStore {
  const counters = new Map<string, { windowStart: number; hits: number }>();
  return {
    async hit(key, windowStart, sweepBefore) {
      if (sweepBefore) {
        let swept = 0;
        for (const [other, counter] of counters) {
          if (swept >= 50) break;
          if (other !== key && counter.windowStart < sweepBefore.getTime()) {
            counters.delete(other);
            swept++;
          }
        }
      }
      const start = windowStart.getTime();
      const counter = counters.get(key);
      if (counter && counter.windowStart === start) return ++counter.hits;
      counters.set(key, { windowStart: start, hits: 1 });
      return 1;
    },
  };
}
