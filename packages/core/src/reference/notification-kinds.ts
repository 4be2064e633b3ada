/** The kinds of notification a person can receive (and mute). */
export const NOTIFICATION_KINDS = [
  'review.passed',
  'review.failed',
  'status.changed',
  'badge.granted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
