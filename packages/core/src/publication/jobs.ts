/**
 * The background jobs of publication and statuses, by kind. The server's worker claims a job,
 * runs its handler in a transaction scoped to the job's organisation (program-wide jobs get the
 * program staff's read scope) and marks it done in that same transaction.
 */
import type { Clock, Mailer, Repositories } from '../ports';
import { sendNotificationMail } from './notifications.service';
import { runGoLiveStep, runPreviewStep, runValidateStep } from './publication.service';
import type { EnqueueJob, JobRecord } from './publication.ports';
import { grantDueBadges, reevaluatePage } from './status.service';

export interface JobContext {
  repos: Repositories;
  clock: Clock;
  job: JobRecord;
  mailer: Mailer;
  /** The web app's address, for links in e-mails. */
  appUrl: string;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

type Cursor = { organisationId: string; offerId: string } | null;

export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  'publish.validate': runValidateStep,
  'publish.preview': runPreviewStep,
  'publish.go-live': runGoLiveStep,
  'mail.notification': (ctx) => sendNotificationMail(ctx.repos, ctx.mailer, ctx.job, ctx.appUrl),
  /** Re-evaluates every offer, one page per run; the next page is the next job. */
  'status.reevaluate': async (ctx) => {
    const cause = String(ctx.job.payload.cause ?? 'policy');
    const next = await reevaluatePage(
      ctx.repos,
      ctx,
      (ctx.job.payload.after as Cursor) ?? null,
      cause,
    );
    if (next) {
      await ctx.repos.enqueueJob({
        kind: 'status.reevaluate',
        payload: { ...ctx.job.payload, after: next },
        organisationId: null,
        runAt: ctx.clock.now(),
        dedupeKey: `${ctx.job.id}:next`,
      });
    }
  },
  /** Grants badges that are due (scheduled, and after the clock moves). */
  'benefits.badges': async (ctx) => {
    const granted = await grantDueBadges(ctx.repos, ctx);
    if (granted === 500) {
      await ctx.repos.enqueueJob({
        kind: 'benefits.badges',
        payload: {},
        organisationId: null,
        runAt: ctx.clock.now(),
        dedupeKey: `${ctx.job.id}:more`,
      });
    }
  },
};

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
