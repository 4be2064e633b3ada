/**
 * The background jobs of publication and statuses, by kind. The server's worker claims a job,
 * runs its handler in a transaction scoped to the job's organisation (program-wide jobs get the
 * program staff's read scope) and marks it done in that same transaction.
 */
import type { BlobStore, Clock, Mailer } from '../ports';
import { sendNotificationMail } from '../notifications/notifications.service';
import { runGoLiveStep, runPreviewStep, runValidateStep } from '../publishing/publishing.service';
import { grantDueBadges, reevaluatePage } from '../status/status.service';
import type { Tx } from '../transaction';
import type { EnqueueJob } from './jobs.ports';
import type { JobRecord } from './jobs.ports';

export interface JobContext {
  tx: Tx;
  clock: Clock;
  job: JobRecord;
  mailer: Mailer;
  blobs: BlobStore;
  /** Real time, for housekeeping of files and the queue (the program clock may run ahead). */
  wallClock: Clock;
  /** The web app's address, for links in e-mails. */
  appUrl: string;
}

/** Blobs younger than this are left alone: an upload stores its blob before its row commits. */
const ORPHAN_MIN_AGE_MS = 60 * 60_000;
/** Finished jobs are kept this long (to look into failures), then deleted. */
const DONE_JOB_RETENTION_MS = 7 * 86_400_000;

/**
 * Deletes blobs no document and no published version refers to (left by a process killed
 * between storing a blob and committing its row, or after a replacement committed).
 */
export async function sweepOrphanBlobs(ctx: JobContext): Promise<number> {
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

export type JobHandler = (ctx: JobContext) => Promise<void>;

type Cursor = { organisationId: string; offerId: string } | null;

export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  'publish.validate': runValidateStep,
  'publish.preview': runPreviewStep,
  'publish.go-live': runGoLiveStep,
  'mail.notification': (ctx) => sendNotificationMail(ctx.tx, ctx.mailer, ctx.job, ctx.appUrl),
  /** Re-evaluates every offer, one page per run; the next page is the next job. */
  'status.reevaluate': async (ctx) => {
    const cause = String(ctx.job.payload.cause ?? 'policy');
    const next = await reevaluatePage(
      ctx.tx,
      ctx,
      (ctx.job.payload.after as Cursor) ?? null,
      cause,
    );
    if (next) {
      await ctx.tx.jobs.enqueueJob({
        kind: 'status.reevaluate',
        payload: { ...ctx.job.payload, after: next },
        organisationId: null,
        runAt: ctx.clock.now(),
        dedupeKey: `${ctx.job.id}:next`,
      });
    }
  },
  /** Housekeeping: orphaned blobs and old finished jobs. */
  'maintenance.sweep': async (ctx) => {
    await sweepOrphanBlobs(ctx);
    const before = new Date(ctx.wallClock.now().getTime() - DONE_JOB_RETENTION_MS);
    while ((await ctx.tx.jobs.deleteDoneJobs(before, 5_000)) === 5_000) {
      // keep deleting in bounded statements
    }
  },
  /** Grants badges that are due (scheduled, and after the clock moves). */
  'benefits.badges': async (ctx) => {
    const granted = await grantDueBadges(ctx.tx, ctx);
    if (granted === 500) {
      await ctx.tx.jobs.enqueueJob({
        kind: 'benefits.badges',
        payload: {},
        organisationId: null,
        runAt: ctx.clock.now(),
        dedupeKey: `${ctx.job.id}:more`,
      });
    }
  },
};

/** The scheduled housekeeping run for the period containing `now`. */
export function maintenanceJob(now: Date, periodMs: number): EnqueueJob {
  return {
    kind: 'maintenance.sweep',
    payload: {},
    organisationId: null,
    runAt: now,
    dedupeKey: `maintenance.sweep:${periodMs}:${Math.floor(now.getTime() / periodMs)}`,
  };
}

/** The scheduled badge run for the period containing `now` (one per period, however many callers). */
export function badgeSweepJob(now: Date, periodMs: number): EnqueueJob {
  const bucket = Math.floor(now.getTime() / periodMs);
  return {
    kind: 'benefits.badges',
    payload: {},
    organisationId: null,
    runAt: now,
    dedupeKey: `benefits.badges:${periodMs}:${bucket}`,
  };
}
