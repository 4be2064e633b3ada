/** The outbox of domain events (see core `events/`), over one transaction. */
import type { DomainEvent, OutboxRepository } from '@cosell/core';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from './client';
import { domainEvents } from './schema';

type EventRow = typeof domainEvents.$inferSelect;

const toEvent = (row: EventRow): DomainEvent =>
  ({
    id: row.id,
    type: row.type,
    version: row.version,
    organisationId: row.organisationId,
    subject: { type: row.subjectType, id: row.subjectId },
    data: row.data,
    actor: { kind: row.actorKind, id: row.actorId },
    requestId: row.requestId,
    occurredAt: row.occurredAt,
  }) as DomainEvent;

export function createOutboxRepository(db: Executor): OutboxRepository {
  return {
    async appendEvents(events) {
      if (events.length === 0) return;
      await db.insert(domainEvents).values(
        events.map((e) => ({
          organisationId: e.organisationId,
          id: e.id,
          type: e.type,
          version: e.version,
          subjectType: e.subject.type,
          subjectId: e.subject.id,
          data: e.data,
          actorKind: e.actor.kind,
          actorId: e.actor.id,
          requestId: e.requestId,
          occurredAt: e.occurredAt,
        })),
      );
    },

    async claimUndispatched(limit) {
      const rows = await db
        .select()
        .from(domainEvents)
        .where(isNull(domainEvents.dispatchedAt))
        .orderBy(asc(domainEvents.seq))
        .limit(limit)
        .for('update', { skipLocked: true });
      return rows.map(toEvent);
    },

    async markDispatched(ids, at) {
      if (ids.length === 0) return;
      await db
        .update(domainEvents)
        .set({ dispatchedAt: at })
        .where(and(inArray(domainEvents.id, [...ids]), isNull(domainEvents.dispatchedAt)));
    },

    async findEvent(organisationId, id) {
      const [row] = await db
        .select()
        .from(domainEvents)
        .where(and(eq(domainEvents.organisationId, organisationId), eq(domainEvents.id, id)));
      return row ? toEvent(row) : null;
    },

    async countUndispatched() {
      const [row] = await db
        .select({ n: count() })
        .from(domainEvents)
        .where(isNull(domainEvents.dispatchedAt));
      return row?.n ?? 0;
    },
  };
}
