/** Repository port of in-app notifications. */
import type { NotificationKind } from '../reference/notification-kinds';
import type { Page } from '../ports';

export interface NotificationRecord {
  organisationId: string;
  id: string;
  userId: string;
  kind: NotificationKind;
  offerId: string | null;
  params: Record<string, string | number>;
  createdAt: Date;
  readAt: Date | null;
}

/** In-app notifications and who receives them. */
export interface NotificationRepository {
  // --- notifications ---
  createNotifications(
    entries: readonly Omit<NotificationRecord, 'id' | 'readAt'>[],
  ): Promise<NotificationRecord[]>;
  /** The user's notifications in the organisations of the transaction's scope, newest first. */
  listNotifications(
    userId: string,
    query: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<Page<NotificationRecord> & { unread: number }>;
  /** Marks these (or, with 'all', every) notification of the user read; returns how many. */
  markNotificationsRead(userId: string, ids: readonly string[] | 'all', at: Date): Promise<number>;
  findNotification(userId: string, id: string): Promise<NotificationRecord | null>;
  /** Members of the organisation with their e-mail, locale, roles and muted kinds. */
  listNotificationRecipients(organisationId: string): Promise<
    {
      userId: string;
      email: string;
      name: string;
      locale: string;
      roles: string[];
      mutedKinds: NotificationKind[];
      disabled: boolean;
    }[]
  >;
}
