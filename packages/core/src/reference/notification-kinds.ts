/** The kinds of notification a person can receive (and mute). */
export const NOTIFICATION_KINDS = [
  'review.passed',
  'review.failed',
  'status.changed',
  'badge.granted',
  // Co-sell opportunities (SPEC §7.7).
  'referral.received',
  'referral.accepted',
  'referral.declined',
  'referral.expiring',
  'referral.expired',
  'referral.invited',
  'referral.closed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
