/**
 * Housekeeping jobs: blobs nothing refers to, finished jobs past their retention, expired
 * sessions, spent invitations, idempotency keys past their 24 hours and contact imports staged
 * and never applied. Scheduled once an hour by the worker (one per period, however many
 * workers run); each sweep is bounded per run and its counts and time are logged.
 */
import { z } from 'zod';
import { defineJob, type JobContext } from './job';
import type { EnqueueJob } from './jobs.ports';

/** Blobs younger than this are left alone: an upload stores its blob before its row commits. */
const ORPHAN_MIN_AGE_MS = 60 * 60_000;
/** Finished jobs are kept this long (to look into failures), then deleted. */
const DONE_JOB_RETENTION_MS = 7 * 86_400_000;

/**
 * Deletes blobs no document and no published version refers to (left by a process killed
 * between storing a blob and committing its row, or after a replacement committed).
 */
export async function sweepOrphanBlobs(
  ctx: Pick<JobContext, 'tx' | 'blobs' | 'wallClock'>,
): Promise<number> {
  const olderThan = new Date(ctx.wallClock.now().getTime() - ORPHAN_MIN_AGE_MS);
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    const kept = new Set(await ctx.tx.documents.findReferencedBlobKeys(batch));
    for (const key of batch) {
      if (kept.has(key)) continue;
      await ctx.blobs.delete(key);
      removed += 1;
    }
    batch = [];
  };
  for await (const key of ctx.blobs.list(olderThan)) {
    batch.push(key);
    if (batch.length === 500) await flush();
  }
  if (batch.length > 0) await flush();
  return removed;
}

/** Spent invitations are kept this long after they were accepted, revoked or expired. */
const SPENT_INVITATION_RETENTION_MS = 7 * 86_400_000;
/** A staged contact import nobody confirmed within a day is abandoned. */
const ABANDONED_IMPORT_AGE_MS = 86_400_000;

/** How much one run deletes of each kind at most: `batches` statements of `batchSize` rows. */
export interface SweepLimits {
  batchSize: number;
  batches: number;
}
export const DEFAULT_SWEEP_LIMITS: SweepLimits = { batchSize: 1_000, batches: 10 };

/** What one sweep of a kind did: rows deleted, whether it stopped at its bound, time taken. */
export interface SweepCount {
  deleted: number;
  bounded: boolean;
  ms: number;
}

/** Deletes in statements of `batchSize` until fewer come back or the run's bound is reached. */
async function bounded(
  limits: SweepLimits,
  deleteBatch: (limit: number) => Promise<number>,
): Promise<SweepCount> {
  const started = performance.now();
  let deleted = 0;
  for (let batch = 0; batch < limits.batches; batch++) {
    const n = await deleteBatch(limits.batchSize);
    deleted += n;
    if (n < limits.batchSize) {
      return { deleted, bounded: false, ms: Math.round(performance.now() - started) };
    }
  }
  return { deleted, bounded: true, ms: Math.round(performance.now() - started) };
}

/**
 * Deletes finished work nobody will use again: expired sessions, spent invitation tokens,
 * idempotency keys past their 24 hours, staged imports never applied, finished jobs past their
 * retention. Each kind is bounded per run (what is left goes in the next hour's run).
 */
export async function sweepFinishedWork(
  ctx: Pick<JobContext, 'tx' | 'clock' | 'wallClock'>,
  limits: SweepLimits = DEFAULT_SWEEP_LIMITS,
): Promise<Record<string, SweepCount>> {
  // Invitations and imports are tenant rows: this scope may find and delete them, nothing more.
  await ctx.tx.widenScope({ housekeeping: true });
  const now = ctx.clock.now();
  const ago = (ms: number, clock = now) => new Date(clock.getTime() - ms);
  const { housekeeping, idempotency, jobs } = ctx.tx;
  return {
    sessions: await bounded(limits, (n) => housekeeping.deleteExpiredSessions(now, n)),
    invitations: await bounded(limits, (n) =>
      housekeeping.deleteSpentInvitations(ago(SPENT_INVITATION_RETENTION_MS), n),
    ),
    idempotencyKeys: await bounded(limits, (n) => idempotency.deleteExpiredIdempotencyKeys(now, n)),
    contactImports: await bounded(limits, (n) =>
      housekeeping.deleteAbandonedContactImports(ago(ABANDONED_IMPORT_AGE_MS), n),
    ),
    jobs: await bounded(limits, (n) =>
      jobs.deleteDoneJobs(ago(DONE_JOB_RETENTION_MS, ctx.wallClock.now()), n),
    ),
  };
}

/** Job 'maintenance.sweep': orphaned blobs and finished work; returns what it removed. */
export const maintenanceSweepJob = defineJob({
  kind: 'maintenance.sweep',
  payload: z.object({}),
  async run(ctx) {
    const blobsStarted = performance.now();
    const blobs = await sweepOrphanBlobs(ctx);
    return {
      blobs: { deleted: blobs, ms: Math.round(performance.now() - blobsStarted) },
      ...(await sweepFinishedWork(ctx)),
    };
  },
});

/** The scheduled housekeeping run for the period containing `now`. */
export function maintenanceJob(now: Date, periodMs: number): EnqueueJob {
  return {
    kind: maintenanceSweepJob.kind,
    payload: {},
    organisationId: null,
    runAt: now,
    dedupeKey: `maintenance.sweep:${periodMs}:${Math.floor(now.getTime() / periodMs)}`,
  };
}
