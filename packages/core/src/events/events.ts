/**
 * Domain events: what happened, named `area.verb`, with a versioned payload. A command appends
 * them to the outbox in its own transaction; the job worker relays each one to the
 * subscribers of its type (notifications, the storefront projection, and later webhooks and
 * insights). The catalogue below is the contract: `docs/architecture.md` lists it for readers.
 */
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { ReferralEventPayloads } from './referral-events';

/** Who caused an event: a signed-in person, an API token, or the system (jobs, the CLI seed). */
export interface EventActor {
  kind: 'user' | 'token' | 'system';
  id: string | null;
}

/** Payload of each event type, version 1. A breaking change adds a version, never edits one. */
export interface EventPayloads extends ReferralEventPayloads {
  /** The first-run set-up created the vendor organisation and its first program admin. */
  'setup.completed': { vendorName: string; adminUserId: string };
  'organisation.created': { kind: string; name: string };
  'organisation.renamed': { from: string; to: string };
  'member.invited': { invitationId: string; email: string; roles: string[] };
  'invitation.revoked': { invitationId: string };
  'member.joined': { userId: string; roles: string[] };
  'member.roles-changed': { userId: string; from: string[]; to: string[] };
  'member.removed': { userId: string; roles: string[] };
  /** An owner created a service token (a CRM connector); never its secret. */
  'service-token.created': { tokenId: string; name: string; scopes: string[]; roles: string[] };
  'service-token.revoked': { tokenId: string; name: string };
  'program.taxonomy-updated': { solutionAreas: number };
  'program.policy-activated': { from: string; to: string };
  'offer.created': { offerId: string; name: string; offerType: string };
  'offer.updated': { offerId: string; fields: string[] };
  'offer.archived': { offerId: string };
  'offer.restored': { offerId: string };
  'offer.draft-saved': { offerId: string };
  'document.uploaded': { offerId: string; documentId: string; kind: string; fileName: string };
  'document.deleted': { offerId: string; documentId: string; kind: string };
  'contact.added': { offerId: string; contactId: string };
  'contact.updated': { offerId: string; contactId: string };
  'contact.removed': { offerId: string; contactId: string };
  /** A staged contacts file was confirmed: the offer's contacts are now its rows. */
  'contacts.imported': {
    offerId: string;
    importId: string;
    contacts: number;
    previousContacts: number;
  };
  'contacts.import-undone': { offerId: string; importId: string };
  'profile.updated': { fields: string[] };
  'profiles.imported': { organisations: number };
  /** The publisher submitted the draft (a new version) for review and publishing. */
  'offer.submitted': { offerId: string; submissionId: string; versionId: string };
  'offer.submission-cancelled': { offerId: string; submissionId: string };
  /** Automated validation found problems; the publisher must fix them and publish again. */
  'offer.validation-failed': { offerId: string; offerName: string; submissionId: string };
  /** A reviewer approved or rejected a submission. */
  'review.decided': {
    offerId: string;
    offerName: string;
    submissionId: string;
    decision: 'approve' | 'reject';
    /**
     * The offer had no live version: an approval leaves it in preview until the publisher
     * selects Go live. Absent in events recorded before it was added.
     */
    firstPublication?: boolean;
  };
  /** A version became the live one (Go live, or an approved update of a live offer). */
  'offer.published': { offerId: string; versionId: string };
  /**
   * The stored co-sell status record changed: the status, the policy that decides it, or the
   * badge timer. `from` equals `to` when only the policy or the timer moved.
   */
  'status.changed': {
    offerId: string;
    offerName: string;
    from: CosellStatusId | null;
    to: CosellStatusId;
    policyId: string;
    era: string;
    cause: string;
  };
  'badge.granted': { offerId: string; offerName: string; badge: 'preferred-solution' };
}

export type EventType = keyof EventPayloads;

/** Current payload version of every event type. */
export const EVENT_VERSION = 1;

/** Every event type, for documentation and the catalogue test. */
export const EVENT_TYPES = [
  'setup.completed',
  'organisation.created',
  'organisation.renamed',
  'member.invited',
  'invitation.revoked',
  'member.joined',
  'member.roles-changed',
  'member.removed',
  'service-token.created',
  'service-token.revoked',
  'program.taxonomy-updated',
  'program.policy-activated',
  'offer.created',
  'offer.updated',
  'offer.archived',
  'offer.restored',
  'offer.draft-saved',
  'document.uploaded',
  'document.deleted',
  'contact.added',
  'contact.updated',
  'contact.removed',
  'contacts.imported',
  'contacts.import-undone',
  'profile.updated',
  'profiles.imported',
  'offer.submitted',
  'offer.submission-cancelled',
  'offer.validation-failed',
  'review.decided',
  'offer.published',
  'status.changed',
  'badge.granted',
  'referral.created',
  'referral.accepted',
  'referral.declined',
  'referral.expiring',
  'referral.expired',
  'referral.updated',
  'referral.won',
  'referral.lost',
  'referral.invited',
] as const satisfies readonly EventType[];

/** An event as stored in the outbox. */
export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  organisationId: string;
  /** The aggregate the event is about, e.g. `{ type: 'offer', id }`. */
  subject: { type: string; id: string };
  data: EventPayloads[T];
  actor: EventActor;
  requestId: string | null;
  occurredAt: Date;
}

/** What a use case says happened; the envelope adds id, actor, request id and time. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  organisationId: string;
  subject: { type: string; id: string };
  data: EventPayloads[T];
}

/** Collects a command's (or job's) events; flushed to the outbox before the transaction commits. */
export interface EventSink {
  emit<T extends EventType>(event: NewEvent<T>): void;
}

/** The sink of a command or job: stamps each event, keeps them in order for the flush. */
export function createEventSink(meta: {
  actor: EventActor;
  requestId: string | null;
  now: () => Date;
  newId: () => string;
}): EventSink & { drain(): DomainEvent[] } {
  let pending: DomainEvent[] = [];
  return {
    emit(event) {
      pending.push({
        ...event,
        id: meta.newId(),
        version: EVENT_VERSION,
        actor: meta.actor,
        requestId: meta.requestId,
        occurredAt: meta.now(),
      } as DomainEvent);
    },
    drain() {
      const out = pending;
      pending = [];
      return out;
    },
  };
}

/**
 * A consumer of events, run by the job worker once per event (at least once; its writes commit
 * with the job, so a replay of the same event id changes nothing).
 */
export interface EventSubscriber<Ctx> {
  /** Stable name: part of each delivery's job kind (`event:<name>`) and dedupe key. */
  name: string;
  /** The event types it consumes. */
  types: readonly EventType[];
  /**
   * Whether one event of those types concerns it at all, judged on the event alone (no reads).
   * The relay queues a delivery job only for the events it wants; without it, every one.
   */
  wants?(event: DomainEvent): boolean;
  handle(ctx: Ctx, event: DomainEvent): Promise<void>;
}
