/** Idempotency keys: they belong to the calling user, and every query names the user. */
import type { IdempotencyRecord, IdempotencyRepository } from '@cosell/core';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { idempotencyKeys } from './schema';

const toIdempotencyRecord = (row: typeof idempotencyKeys.$inferSelect): IdempotencyRecord => ({
  userId: row.userId,
  keyHash: row.keyHash,
  method: row.method,
  path: row.path,
  requestHash: row.requestHash,
  claimId: row.claimId,
  response:
    row.responseStatus === null || row.responseBody === null
      ? null
      : { status: row.responseStatus, headers: row.responseHeaders ?? {}, body: row.responseBody },
  createdAt: row.createdAt,
  completedAt: row.completedAt,
  expiresAt: row.expiresAt,
});

export function createIdempotencyRepository(db: Executor): IdempotencyRepository {
  return {
    async claimIdempotencyKey(input) {
      const claim = {
        method: input.method,
        path: input.path,
        requestHash: input.requestHash,
        claimId: input.claimId,
        responseStatus: null,
        responseHeaders: null,
        responseBody: null,
        createdAt: input.now,
        completedAt: null,
        expiresAt: input.expiresAt,
      };
      // One statement: a new key is inserted; an existing one is taken over only when it has
      // expired or its claim was abandoned. Concurrent claims queue on the row, and each
      // re-checks the condition against the winner's row, so exactly one gets it.
      const rows = await db
        .insert(idempotencyKeys)
        .values({ userId: input.userId, keyHash: input.keyHash, ...claim })
        .onConflictDoUpdate({
          target: [idempotencyKeys.userId, idempotencyKeys.keyHash],
          set: claim,
          setWhere: or(
            lte(idempotencyKeys.expiresAt, input.now),
            and(
              isNull(idempotencyKeys.completedAt),
              lte(idempotencyKeys.createdAt, input.staleBefore),
            ),
          ),
        })
        .returning({ claimId: idempotencyKeys.claimId });
      return rows.length > 0;
    },

    async findIdempotencyKey(userId, keyHash) {
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.keyHash, keyHash)));
      return row ? toIdempotencyRecord(row) : null;
    },

    async completeIdempotencyKey(userId, keyHash, claimId, response, at) {
      const rows = await db
        .update(idempotencyKeys)
        .set({
          responseStatus: response.status,
          responseHeaders: response.headers,
          responseBody: response.body,
          completedAt: at,
        })
        .where(
          and(
            eq(idempotencyKeys.userId, userId),
            eq(idempotencyKeys.keyHash, keyHash),
            eq(idempotencyKeys.claimId, claimId),
          ),
        )
        .returning({ claimId: idempotencyKeys.claimId });
      return rows.length > 0;
    },

    async releaseIdempotencyKey(userId, keyHash, claimId) {
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.userId, userId),
            eq(idempotencyKeys.keyHash, keyHash),
            eq(idempotencyKeys.claimId, claimId),
            isNull(idempotencyKeys.completedAt),
          ),
        );
    },

    async deleteExpiredIdempotencyKeys(now, limit) {
      // Batched, so a large backlog is removed in short transactions.
      const rows = await db
        .delete(idempotencyKeys)
        .where(
          sql`(${idempotencyKeys.userId}, ${idempotencyKeys.keyHash}) in (
            select expired.user_id, expired.key_hash from idempotency_keys expired
            where expired.expires_at <= ${now.toISOString()}::timestamptz limit ${limit})`,
        )
        .returning({ userId: idempotencyKeys.userId });
      return rows.length;
    },
  };
}
