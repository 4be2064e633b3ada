/**
 * Rate-limit counters shared by every API process (ADR 014), in the table `rate_limits`: a row
 * per key counts the requests of its current fixed window. Each process keeps its new hits in
 * memory and adds them to the table in one statement for all keys every few hundred
 * milliseconds (`insert … on conflict do update … returning`), so a request costs no round
 * trip. Now and then a statement also deletes a few rows whose window is long over, so
 * keys that are never seen again (addresses, revoked tokens) do not pile up. The counters run
 * outside any transaction: they hold no tenant data.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client';

/** The table's count and this process's unsent hits for one key, in one window. */
interface LocalCount {
  windowStart: number;
  /** The window's count in the table, as of this process's last flush of the key. */
  shared: number;
  /** Hits this process counted since, not yet added to the table. */
  pending: number;
  /** Hits on their way to the table (a flush not yet answered): they still count here. */
  sending: number;
}

export interface RateLimitCounter {
  /**
   * Counts one request of `key` in the window starting at `windowStart` and returns the
   * window's count as this process knows it: the table's count at the last flush plus the hits
   * counted here since. Synchronous: no round trip.
   */
  hit(key: string, windowStart: Date): number;
  /** Adds the unsent hits to the table and reads back every flushed key's count. */
  flush(): Promise<void>;
  /** Stops the timer and sends what is left. */
  close(): Promise<void>;
}

export interface SharedRateLimitOptions {
  /** How often unsent hits go to the table (ms). */
  flushMs: number;
  /** Rows whose window started this long ago are swept (ms). */
  keepMs: number;
  /** Told when a flush fails; the hits are kept and sent with the next one. */
  onError?: (error: unknown) => void;
}

/**
 * The counters in this process's memory alone, for embedded PGlite: the data-folder lock lets
 * one process alone open it (ADR 010), so that process's memory is shared by every API process
 * there is. Windows over for `keepMs` are forgotten, a few at a time.
 */
function memoryCounter(keepMs: number): RateLimitCounter {
  const counts = new Map<string, { windowStart: number; hits: number }>();
  let hits = 0;
  return {
    hit(key, windowStart) {
      const start = windowStart.getTime();
      if (++hits % 64 === 0) {
        let swept = 0;
        for (const [other, count] of counts) {
          if (swept >= 50) break;
          if (count.windowStart < start - keepMs) {
            counts.delete(other);
            swept++;
          }
        }
      }
      const count = counts.get(key);
      if (count && count.windowStart === start) return ++count.hits;
      counts.set(key, { windowStart: start, hits: 1 });
      return 1;
    },
    flush: async () => {},
    close: async () => {},
  };
}

/**
 * Counters shared by every API process without a round trip per request: each process counts
 * in memory and, every `flushMs`, adds its new hits to `rate_limits` in one statement, reading
 * back each key's total over all processes. A single process therefore counts exactly; with
 * several, each one sees the others' hits at most one flush interval late, so a quota can be
 * overshot by what the other processes served in that interval (ADR 014). Without a database
 * (`null`: embedded PGlite) the counts stay in this process's memory.
 */
export function createSharedRateLimitCounter(
  db: Database | Promise<Database> | null,
  options: SharedRateLimitOptions,
): RateLimitCounter {
  if (!db) return memoryCounter(options.keepMs);
  const database = db;
  const counts = new Map<string, LocalCount>();
  let flushing: Promise<void> | null = null;
  let lastSweep = 0;

  async function send() {
    const batch: { key: string; window_start: string; hits: number }[] = [];
    const sent = new Map<string, { windowStart: number; hits: number }>();
    for (const [key, count] of counts) {
      if (count.pending === 0) continue;
      batch.push({
        key,
        window_start: new Date(count.windowStart).toISOString(),
        hits: count.pending,
      });
      sent.set(key, { windowStart: count.windowStart, hits: count.pending });
      count.sending += count.pending;
      count.pending = 0;
    }
    const now = Date.now();
    // Memory: keys of windows that are over and have nothing left to send.
    for (const [key, count] of counts)
      if (
        count.pending === 0 &&
        count.sending === 0 &&
        !sent.has(key) &&
        count.windowStart < now - options.keepMs
      )
        counts.delete(key);
    if (batch.length === 0) return;
    const sweepBefore =
      now - lastSweep > options.keepMs ? new Date(now - options.keepMs).toISOString() : null;
    // The sweep never touches a key being counted: one statement may not delete and update
    // the same row.
    const statement = sql`with batch as (
        select key, window_start, hits
        from json_to_recordset(${JSON.stringify(batch)}::json)
          as batch(key text, window_start timestamptz, hits integer)
      ), swept as (
        delete from rate_limits where ${sweepBefore !== null} and key in (
          select key from rate_limits
          where window_start < ${sweepBefore ?? new Date(0).toISOString()}
            and key not in (select key from batch)
          limit 500 for update skip locked)
      )
      insert into rate_limits (key, window_start, hits)
      select key, window_start, hits from batch
      on conflict (key) do update set
        hits = case when rate_limits.window_start = excluded.window_start
          then rate_limits.hits + excluded.hits else excluded.hits end,
        window_start = excluded.window_start
      returning key, hits`;
    let result: { rows: { key: string; hits: number | string }[] };
    try {
      result = (await (await database).execute(statement)) as unknown as typeof result;
    } catch (error) {
      // Kept for the next flush: the hits were served and still count.
      for (const [key, unsent] of sent) {
        const count = counts.get(key);
        if (count && count.windowStart === unsent.windowStart) {
          count.sending -= unsent.hits;
          count.pending += unsent.hits;
        }
      }
      throw error;
    }
    if (sweepBefore) lastSweep = now;
    for (const row of result.rows) {
      const count = counts.get(row.key);
      const flushed = sent.get(row.key);
      // A window that moved on meanwhile starts from its own hits.
      if (count && flushed && count.windowStart === flushed.windowStart) {
        // The table's total now holds the hits sent; those counted meanwhile stay pending.
        count.shared = Number(row.hits);
        count.sending -= flushed.hits;
      }
    }
  }

  function flush(): Promise<void> {
    // One flush at a time; a caller during one waits for it, then sends what came since.
    const run = (flushing ?? Promise.resolve()).then(send);
    const settled = run.finally(() => {
      if (flushing === settled) flushing = null;
    });
    flushing = settled.catch(() => {});
    return settled;
  }

  const timer = setInterval(() => {
    flush().catch((error: unknown) => options.onError?.(error));
  }, options.flushMs);
  timer.unref();

  return {
    hit(key, windowStart) {
      const start = windowStart.getTime();
      const count = counts.get(key);
      if (count && count.windowStart === start) {
        count.pending += 1;
        return count.shared + count.sending + count.pending;
      }
      counts.set(key, { windowStart: start, shared: 0, pending: 1, sending: 0 });
      return 1;
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
