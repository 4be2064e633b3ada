/**
 * Payloads of the referral (co-sell opportunity) events, version 1, with their zod schemas:
 * webhooks and notifications read them from the outbox, so the schema is the contract they
 * parse against. The subject of each is `{ type: 'referral', id: referralId }` and the
 * organisation is the one owning that referral. `senderOrganizationId` is the organisation that
 * sent an inbound referral (null for the organisation's own outbound deals): it is told when its
 * referral is accepted, declined or expires (SPEC §7.4, §7.7).
 */
import { z } from 'zod';

const ids = {
  referralId: z.string(),
  engagementId: z.string(),
};

export const REFERRAL_EVENT_SCHEMAS = {
  /** A referral was created: a partner's own deal, or an inbound one arriving at its receiver. */
  'referral.created': z.object({
    ...ids,
    name: z.string(),
    direction: z.enum(['Incoming', 'Outgoing']),
    dealKind: z.string(),
    visibility: z.string(),
    substatus: z.string(),
    senderOrganizationId: z.string().nullable(),
    expirationDateTime: z.string().nullable(),
  }),
  /** The receiver accepted an inbound referral (Received → Accepted). */
  'referral.accepted': z.object({
    ...ids,
    name: z.string(),
    senderOrganizationId: z.string().nullable(),
  }),
  /** The receiver declined it, with one of the program's reasons and notes. */
  'referral.declined': z.object({
    ...ids,
    reason: z.string(),
    senderOrganizationId: z.string().nullable(),
  }),
  /** The referral is still unanswered and expires soon: its receiver is warned. */
  'referral.expiring': z.object({
    ...ids,
    name: z.string(),
    expirationDateTime: z.string(),
  }),
  /** Nobody answered within 14 days: archived Expired. */
  'referral.expired': z.object({ ...ids, senderOrganizationId: z.string().nullable() }),
  /** Fields changed (an edit, a sales stage, a visibility upgrade, a close as Error). */
  'referral.updated': z.object({ ...ids, fields: z.array(z.string()) }),
  'referral.won': z.object({ ...ids, name: z.string() }),
  'referral.lost': z.object({ ...ids, reason: z.string() }),
  /** Another partner was invited into the engagement; its own referral arrives Received. */
  'referral.invited': z.object({
    ...ids,
    inviteeReferralId: z.string(),
    inviteeOrganizationId: z.string(),
  }),
} as const;

export type ReferralEventType = keyof typeof REFERRAL_EVENT_SCHEMAS;

export type ReferralEventPayloads = {
  [K in ReferralEventType]: z.infer<(typeof REFERRAL_EVENT_SCHEMAS)[K]>;
};
