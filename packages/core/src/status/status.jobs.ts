/** The status module's jobs: program-wide re-evaluation after a policy switch, and badges. */
import { z } from 'zod';
import { defineJob } from '../jobs/job';
import type { EnqueueJob } from '../jobs/jobs.ports';
import { grantDueBadges, reevaluatePage } from './status.service';

const CursorSchema = z.object({ organisationId: z.string(), offerId: z.string() }).nullable();

/** Job 'status.reevaluate': re-evaluates every offer, one page per run; the next page is the next job. */
export const reevaluateJob = defineJob({
  kind: 'status.reevaluate',
  payload: z.looseObject({
    cause: z.string().default('policy'),
    after: CursorSchema.default(null),
  }),
  async run(ctx, payload) {
    const next = await reevaluatePage(ctx.tx, ctx, payload.after, payload.cause);
    if (next) {
      await ctx.tx.jobs.enqueueJob({
        kind: 'status.reevaluate',
        payload: { ...payload, after: next },
        organisationId: null,
        runAt: ctx.clock.now(),
        dedupeKey: `${ctx.job.id}:next`,
      });
    }
  },
});

/** Job 'benefits.badges': grants badges that are due (scheduled, and after the clock moves). */
export const badgesJob = defineJob({
  kind: 'benefits.badges',
  payload: z.object({}),
  async run(ctx) {
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
});

/** The scheduled badge run for the period containing `now` (one per period, however many callers). */
export function badgeSweepJob(now: Date, periodMs: number): EnqueueJob {
  const bucket = Math.floor(now.getTime() / periodMs);
  return {
    kind: badgesJob.kind,
    payload: {},
    organisationId: null,
    runAt: now,
    dedupeKey: `benefits.badges:${periodMs}:${bucket}`,
  };
}

export const STATUS_JOBS = [reevaluateJob, badgesJob];
