/** Repository port of the outbox: domain events stored in the transaction of their command. */
import type { DomainEvent } from './events';

export interface OutboxRepository {
  /** Appends events; they commit (or vanish) with the transaction that produced them. */
  appendEvents(events: readonly DomainEvent[]): Promise<void>;
  /**
   * Takes up to `limit` events nobody has dispatched yet, oldest first, locking them
   * (FOR UPDATE SKIP LOCKED) so concurrent relays never take the same event.
   */
  claimUndispatched(limit: number): Promise<DomainEvent[]>;
  /** Marks events dispatched (their subscribers' jobs are queued in the same transaction). */
  markDispatched(ids: readonly string[], at: Date): Promise<void>;
  /** One event of an organisation, or null. */
  findEvent(organisationId: string, id: string): Promise<DomainEvent | null>;
  /** Events not dispatched yet (for tests and health checks). */
  countUndispatched(): Promise<number>;
}
