/**
 * The referral expiry job (SPEC §7.4): a Received referral nobody answered is Expired 14 days
 * after it arrived, and its receiver is warned a few days before. Program-wide: the job finds
 * due referrals of every organisation through the `referralExpiry` scope (it reads nothing
 * else), then acts in each one organisation at a time, on the program clock, as the system.
 * Scheduled by the worker with the hourly housekeeping (one run per period).
 */
import { z } from 'zod';
import { defineJob, type JobContext } from '../jobs/job';
import type { EnqueueJob } from '../jobs/jobs.ports';
import { REFERRAL_EXPIRY_WARNING_DAYS } from '../reference/referral.data';
import { applyAction } from './lifecycle';

const DAY_MS = 86_400_000;
/** At most this many referrals are expired (and as many warned) per run; the rest go next run. */
export const REFERRAL_EXPIRY_BATCH = 200;

/** Warns the receivers of referrals about to expire, then expires those past their 14 days. */
export async function expireReferrals(
  ctx: Pick<JobContext, 'tx' | 'clock' | 'emit'>,
  limit = REFERRAL_EXPIRY_BATCH,
): Promise<{ warned: number; expired: number }> {
  const { tx } = ctx;
  const now = ctx.clock.now();
  await tx.widenScope({ referralExpiry: true });
  const warn = await tx.referrals.listExpiryWarningDue(
    now,
    REFERRAL_EXPIRY_WARNING_DAYS * DAY_MS,
    limit,
  );
  for (const referral of warn) {
    await tx.widenScope({ organisationIds: [referral.organizationId] });
    await tx.referrals.markWarned(referral.organizationId, referral.id, now);
    ctx.emit({
      type: 'referral.expiring',
      organisationId: referral.organizationId,
      subject: { type: 'referral', id: referral.id },
      data: {
        referralId: referral.id,
        engagementId: referral.engagementId,
        name: referral.name,
        expirationDateTime: referral.expirationDateTime ?? now.toISOString(),
      },
    });
    await tx.referrals.appendTimeline({
      referralId: referral.id,
      organisationId: referral.organizationId,
      at: now,
      actorKind: 'system',
      actorUserId: null,
      actorName: 'cosell',
      channel: 'system',
      action: 'warn',
      summary: { expirationDateTime: referral.expirationDateTime },
    });
  }
  const due = await tx.referrals.listExpiryDue(now, limit);
  let expired = 0;
  for (const referral of due) {
    await tx.widenScope({ organisationIds: [referral.organizationId] });
    const result = applyAction(referral, { kind: 'expire' }, null, now);
    if (!(await tx.referrals.update(result.referral, [Number(referral.eTag.slice(2, -1))]))) {
      continue;
    }
    for (const event of result.events) ctx.emit(event);
    await tx.audit.appendAudit({
      organisationId: referral.organizationId,
      actorUserId: null,
      action: ['referral', 'expire'].join('.'),
      entityType: 'referral',
      entityId: referral.id,
      before: { substatus: referral.substatus },
      after: { substatus: result.referral.substatus },
    });
    await tx.referrals.appendTimeline({
      referralId: referral.id,
      organisationId: referral.organizationId,
      at: now,
      actorKind: 'system',
      actorUserId: null,
      actorName: 'cosell',
      channel: 'system',
      action: 'expire',
      summary: { substatus: 'Expired' },
    });
    expired += 1;
  }
  return { warned: warn.length, expired };
}

/** Job 'referrals.expire': warnings and expiries due on the program clock. */
export const referralExpiryJob = defineJob({
  kind: 'referrals.expire',
  payload: z.object({}),
  run: (ctx) => expireReferrals(ctx),
});

export const OPPORTUNITY_JOBS = [referralExpiryJob] as const;

/** The scheduled expiry run for the period containing `now` (the program clock's). */
export function referralExpiryRun(now: Date, periodMs: number): EnqueueJob {
  return {
    kind: referralExpiryJob.kind,
    payload: {},
    organisationId: null,
    runAt: now,
    dedupeKey: `referrals.expire:${periodMs}:${Math.floor(now.getTime() / periodMs)}`,
  };
}
