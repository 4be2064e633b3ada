/**
 * A clock that can be moved forward: for tests and demos of time-based rules (the Preferred
 * Solution badge appears 30 days after the status). Only enabled by CLOCK_CONTROL=on; in
 * production the system clock is used as is. The offset is kept in `installation_settings`
 * (`clock.offsetMs`), so a restart goes on at the time the program was moved to.
 */
import type { Clock } from '@cosell/core';

export interface AdjustableClock extends Clock {
  /** How far ahead of real time the clock is, in milliseconds. */
  readonly offsetMs: number;
  advance(ms: number): void;
  /** Puts the clock back where it was before a restart (`ms` ahead of real time). */
  restore(ms: number): void;
}

export function createAdjustableClock(base: Clock = { now: () => new Date() }): AdjustableClock {
  let offsetMs = 0;
  return {
    now: () => new Date(base.now().getTime() + offsetMs),
    get offsetMs() {
      return offsetMs;
    },
    advance(ms) {
      if (ms < 0) throw new Error('the clock only moves forward');
      offsetMs += ms;
    },
    restore(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('the clock offset must be 0 or more');
      offsetMs = ms;
    },
  };
}
