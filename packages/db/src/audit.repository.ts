/** The audit log of each organisation. */
import type { AuditEntry, AuditRecord, AuditRepository, ListQuery } from '@cosell/core';
import { count, desc, eq } from 'drizzle-orm';
import type { Executor } from './client';
import { auditLog } from './schema';

export function createAuditRepository(db: Executor): AuditRepository {
  return {
    async appendAudit(entry: AuditEntry) {
      await db.insert(auditLog).values({
        organisationId: entry.organisationId,
        actorUserId: entry.actorUserId,
        actorTokenId: entry.actorTokenId ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: entry.requestId ?? null,
      });
    },

    async listAudit(organisationId, query: ListQuery) {
      const where = eq(auditLog.organisationId, organisationId);
      const rows = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.at))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      return { items: rows as AuditRecord[], total: total?.n ?? 0 };
    },
  };
}
