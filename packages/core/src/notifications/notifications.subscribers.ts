/**
 * Notifications as a subscriber of domain events: who is told what, in the app and by e-mail.
 * Runs once per event (its writes commit with the delivery job, so a replay adds nothing).
 */
import { z } from 'zod';
import type { DomainEvent, EventSubscriber } from '../events/events';
import { defineJob, type JobContext } from '../jobs/job';
import type { NotificationKind } from '../reference/notification-kinds';
import { notify, sendNotificationMail } from './notifications.service';
import {
  REFERRAL_NOTIFICATION_EVENTS,
  arrivesToAnswer,
  referralNotices,
} from './referral-notifications';

/** What each event means for the people of the organisation, if anything. */
function notificationOf(event: DomainEvent): {
  kind: NotificationKind;
  offerId: string | null;
  params: Record<string, string | number>;
} | null {
  const offerId = event.subject.type === 'offer' ? event.subject.id : null;
  switch (event.type) {
    case 'offer.validation-failed': {
      const data = event.data as DomainEvent<'offer.validation-failed'>['data'];
      return {
        kind: 'review.failed',
        offerId,
        params: { offerName: data.offerName, stage: 'validation' },
      };
    }
    case 'review.decided': {
      const data = event.data as DomainEvent<'review.decided'>['data'];
      // An approved new offer waits in preview for the publisher's Go live: say so.
      const params: Record<string, string> = { offerName: data.offerName, stage: 'review' };
      if (data.decision === 'approve' && data.firstPublication) params.next = 'goLive';
      return {
        kind: data.decision === 'approve' ? 'review.passed' : 'review.failed',
        offerId,
        params,
      };
    }
    case 'status.changed': {
      const data = event.data as DomainEvent<'status.changed'>['data'];
      // A first evaluation as Not co-sell ready, or a change of the deciding policy alone, is news to nobody.
      if (data.from === data.to || (data.from === null && data.to === 'not-cosell-ready'))
        return null;
      return {
        kind: 'status.changed',
        offerId,
        params: {
          offerName: data.offerName,
          from: data.from ?? 'not-cosell-ready',
          to: data.to,
          era: data.era,
        },
      };
    }
    case 'badge.granted': {
      const data = event.data as DomainEvent<'badge.granted'>['data'];
      return { kind: 'badge.granted', offerId, params: { offerName: data.offerName } };
    }
    default:
      return null;
  }
}

export const notificationsSubscriber: EventSubscriber<JobContext> = {
  name: 'notifications',
  types: [
    'offer.validation-failed',
    'review.decided',
    'status.changed',
    'badge.granted',
    ...REFERRAL_NOTIFICATION_EVENTS,
  ],
  // Most deals a CRM creates are a partner's own (Accepted, outgoing): no job for those.
  wants: (event) =>
    event.type !== 'referral.created' ||
    arrivesToAnswer(event.data as DomainEvent<'referral.created'>['data']),
  async handle(ctx, event) {
    const clock = { now: () => event.occurredAt };
    if (event.subject.type === 'referral') {
      for (const notice of await referralNotices(ctx.tx, event)) {
        if (notice.userIds.length === 0) continue;
        await notify(ctx.tx, { clock }, { ...notice, offerId: null });
      }
      return;
    }
    const notification = notificationOf(event);
    if (!notification) return;
    await notify(
      ctx.tx,
      { clock },
      {
        organisationId: event.organisationId,
        ...notification,
      },
    );
  },
};

/** Job 'mail.notification': sends the e-mail of one notification unless the kind was muted since. */
export const notificationMailJob = defineJob({
  kind: 'mail.notification',
  payload: z.looseObject({ notificationId: z.string(), userId: z.string() }),
  run: (ctx) => sendNotificationMail(ctx.tx, ctx.mailer, ctx.job, ctx.appUrl),
});
