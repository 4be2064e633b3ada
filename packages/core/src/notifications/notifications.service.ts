/**
 * Notifications: in the app for every member who works on offers, and by e-mail (a queued job
 * per message, so a slow or failing mail server never holds up the change that caused it).
 * Each person can mute kinds; a muted kind is neither shown nor mailed.
 */
import { AppError } from '../errors';
import { translate, type MessageKey } from '../i18n/messages';
import type { ReferralDeclineReason } from '../reference/referral.data';
import type { Clock, Mailer } from '../ports';
import { COSELL_POLICY_ERAS, type CosellStatusId } from '../reference/cosell-statuses';
import { statusLabel } from '../i18n/names';
import { negotiateLocale } from '../accounts/accounts.types';
import { hasPermission } from '../accounts/permissions';
import { scopeOf, type Actor } from '../accounts/access';
import type { Page } from '../ports';
import type { Role } from '../accounts/accounts.types';
import type { Tx } from '../transaction';
import type { UnitOfWork } from '../transaction';
import { NOTIFICATION_KINDS } from '../reference/notification-kinds';
import type { JobRecord } from '../jobs/jobs.ports';
import type { NotificationKind } from '../reference/notification-kinds';
import type { NotificationRecord } from './notifications.ports';

export interface NotifyDeps {
  clock: Clock;
}

/**
 * Creates the notification for every member of the organisation who may work on offers (or, with
 * `userIds`, for those members only) and has not muted the kind, and queues one e-mail each.
 * Runs inside the caller's transaction.
 */
export async function notify(
  tx: Tx,
  deps: NotifyDeps,
  event: {
    organisationId: string;
    kind: NotificationKind;
    offerId: string | null;
    params: Record<string, string | number>;
    /** The members to tell (a referral's team, its admins); every offer worker when absent. */
    userIds?: readonly string[] | undefined;
  },
): Promise<NotificationRecord[]> {
  const at = deps.clock.now();
  const { userIds } = event;
  const recipients = (
    await tx.notifications.listNotificationRecipients(event.organisationId)
  ).filter(
    (r) =>
      !r.disabled &&
      !r.mutedKinds.includes(event.kind) &&
      (userIds
        ? userIds.includes(r.userId)
        : hasPermission(r.roles as Role[], 'offers.write') ||
          hasPermission(r.roles as Role[], 'profile.write')),
  );
  if (recipients.length === 0) return [];
  const created = await tx.notifications.createNotifications(
    recipients.map((r) => ({
      organisationId: event.organisationId,
      userId: r.userId,
      kind: event.kind,
      offerId: event.offerId,
      params: event.params,
      createdAt: at,
    })),
  );
  for (const notification of created) {
    await tx.jobs.enqueueJob({
      kind: 'mail.notification',
      payload: { notificationId: notification.id, userId: notification.userId },
      organisationId: event.organisationId,
      runAt: at,
      dedupeKey: `mail.notification:${notification.id}`,
    });
  }
  return created;
}

/** Message catalogue keys of each notification's e-mail subject and text. */
export const NOTIFICATION_MESSAGES: Record<NotificationKind, { subject: string; text: string }> = {
  'review.passed': {
    subject: 'notification.review.passed.subject',
    text: 'notification.review.passed.text',
  },
  'review.failed': {
    subject: 'notification.review.failed.subject',
    text: 'notification.review.failed.text',
  },
  'status.changed': {
    subject: 'notification.status.changed.subject',
    text: 'notification.status.changed.text',
  },
  'badge.granted': {
    subject: 'notification.badge.granted.subject',
    text: 'notification.badge.granted.text',
  },
  'referral.received': {
    subject: 'notification.referral.received.subject',
    text: 'notification.referral.received.text',
  },
  'referral.accepted': {
    subject: 'notification.referral.accepted.subject',
    text: 'notification.referral.accepted.text',
  },
  'referral.declined': {
    subject: 'notification.referral.declined.subject',
    text: 'notification.referral.declined.text',
  },
  'referral.expiring': {
    subject: 'notification.referral.expiring.subject',
    text: 'notification.referral.expiring.text',
  },
  'referral.expired': {
    subject: 'notification.referral.expired.subject',
    text: 'notification.referral.expired.text',
  },
  'referral.invited': {
    subject: 'notification.referral.invited.subject',
    text: 'notification.referral.invited.text',
  },
  'referral.closed': {
    subject: 'notification.referral.closed.subject',
    text: 'notification.referral.closed.text',
  },
};

/** Catalogue keys of the decline reasons a declined-referral notification names. */
const DECLINE_REASON_MESSAGES: Record<ReferralDeclineReason, MessageKey> = {
  'No corresponding Microsoft customer record could be found':
    'notification.referral.reason.noCustomerRecord',
  'No Microsoft seller directly manages this customer': 'notification.referral.reason.noSeller',
  Other: 'notification.referral.reason.other',
};

/**
 * The catalogue keys of one notification: an approval of a new offer (`next: 'goLive'`) says
 * that the preview is ready and waits for Go live.
 */
function messagesOf(notification: Pick<NotificationRecord, 'kind' | 'params'>) {
  if (notification.kind === 'review.passed' && notification.params.next === 'goLive') {
    return {
      subject: 'notification.review.passedPreview.subject',
      text: 'notification.review.passedPreview.text',
    };
  }
  if (notification.kind === 'referral.closed' && notification.params.outcome === 'lost') {
    return {
      subject: 'notification.referral.lost.subject',
      text: 'notification.referral.lost.text',
    };
  }
  if (notification.kind === 'referral.expired' && notification.params.side === 'sender') {
    return {
      subject: 'notification.referral.expiredSender.subject',
      text: 'notification.referral.expiredSender.text',
    };
  }
  return NOTIFICATION_MESSAGES[notification.kind];
}

/**
 * Where in the app a notification leads (null: nowhere): its deal's page for a co-sell
 * opportunity; else its offer, on the "Review and publish" tab, with the preview and Go live,
 * when the publisher must act there.
 */
export function notificationPath(
  notification: Pick<NotificationRecord, 'offerId' | 'params'>,
): string | null {
  const referralId = notification.params.referralId;
  if (typeof referralId === 'string') return `/opportunities/${encodeURIComponent(referralId)}`;
  if (!notification.offerId) return null;
  const path = `/offers/${notification.offerId}`;
  return notification.params.next === 'goLive' ? `${path}?tab=publish` : path;
}

/** The subject and text of a notification in `locale`. */
export function renderNotification(
  notification: Pick<NotificationRecord, 'kind' | 'params'>,
  locale: ReturnType<typeof negotiateLocale>,
): { subject: string; text: string } {
  const params: Record<string, string | number> = { ...notification.params };
  for (const key of ['from', 'to', 'status']) {
    const value = params[key];
    if (typeof value === 'string') {
      const era = COSELL_POLICY_ERAS.find((e) => e === params.era) ?? '2021';
      params[`${key}Name`] = statusLabel(value as CosellStatusId, locale, era);
    }
  }
  if (typeof params.expirationDateTime === 'string') {
    const at = new Date(params.expirationDateTime);
    params.expiresOn = Number.isNaN(at.getTime())
      ? params.expirationDateTime
      : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
  }
  const reason = params.reason;
  if (typeof reason === 'string' && reason in DECLINE_REASON_MESSAGES) {
    params.reasonName = translate(locale, DECLINE_REASON_MESSAGES[reason as ReferralDeclineReason]);
  } else if (typeof reason === 'string') {
    params.reasonName = reason;
  }
  const messages = messagesOf(notification);
  return {
    subject: translate(locale, messages.subject, params),
    text: translate(locale, messages.text, params),
  };
}

/** Job 'mail.notification': sends the e-mail of one notification unless the kind was muted since. */
export async function sendNotificationMail(
  tx: Tx,
  mailer: Mailer,
  job: JobRecord,
  appUrl: string,
): Promise<void> {
  const notificationId = String(job.payload.notificationId);
  const userId = String(job.payload.userId);
  const notification = await tx.notifications.findNotification(userId, notificationId);
  if (!notification) return;
  const user = await tx.users.findUser(userId);
  if (!user || user.disabledAt || user.mutedNotificationKinds.includes(notification.kind)) return;
  const { subject, text } = renderNotification(notification, user.locale);
  const path = notificationPath(notification);
  const link = path ? `\n\n${appUrl.replace(/\/$/, '')}${path}` : '';
  await mailer.send({ to: user.email, subject, text: text + link });
}

export interface NotificationDeps {
  uow: UnitOfWork;
  clock: Clock;
}

export async function listNotifications(
  deps: NotificationDeps,
  actor: Actor,
  query: { unreadOnly: boolean; limit: number; offset: number },
): Promise<Page<NotificationRecord> & { unread: number }> {
  return deps.uow.run(
    (tx) => tx.notifications.listNotifications(actor.userId, query),
    scopeOf(actor),
  );
}

export async function markNotificationsRead(
  deps: NotificationDeps,
  actor: Actor,
  ids: readonly string[] | 'all',
): Promise<number> {
  return deps.uow.run(
    (tx) => tx.notifications.markNotificationsRead(actor.userId, ids, deps.clock.now()),
    scopeOf(actor),
  );
}

export async function getNotificationPreferences(
  deps: NotificationDeps,
  actor: Actor,
): Promise<{ muted: NotificationKind[]; kinds: readonly NotificationKind[] }> {
  return deps.uow.run(async (tx) => {
    const user = await tx.users.findUser(actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { muted: user.mutedNotificationKinds, kinds: NOTIFICATION_KINDS };
  }, scopeOf(actor));
}

export async function setNotificationPreferences(
  deps: NotificationDeps,
  actor: Actor,
  muted: NotificationKind[],
): Promise<{ muted: NotificationKind[]; kinds: readonly NotificationKind[] }> {
  return deps.uow.run(async (tx) => {
    const user = await tx.users.updateUser(actor.userId, {
      mutedNotificationKinds: [...new Set(muted)],
    });
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { muted: user.mutedNotificationKinds, kinds: NOTIFICATION_KINDS };
  }, scopeOf(actor));
}
