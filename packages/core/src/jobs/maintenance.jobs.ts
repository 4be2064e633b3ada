/**
 * Housekeeping jobs: blobs nothing refers to and finished jobs past their retention. Scheduled
 * once an hour by the worker (one per period, however many workers run).
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

/** Job 'maintenance.sweep': orphaned blobs and old finished jobs. */
export const maintenanceSweepJob = defineJob({
  kind: 'maintenance.sweep',
  payload: z.object({}),
  async run(ctx) {
    await sweepOrphanBlobs(ctx);
    const before = new Date(ctx.wallClock.now().getTime() - DONE_JOB_RETENTION_MS);
    while ((await ctx.tx.jobs.deleteDoneJobs(before, 5_000)) === 5_000) {
      // keep deleting in bounded statements
    }
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
