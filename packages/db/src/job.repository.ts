/** The background job queue: a global table, each job then runs in its own tenant scope. */
import type { JobRecord, JobRepository } from '@cosell/core';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { jobs } from './schema';
import { oneOf, rowsOf } from './sql-helpers';

type JobRow = typeof jobs.$inferSelect;

const toJob = (row: JobRow): JobRecord => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload as Record<string, unknown>,
  organisationId: row.organisationId,
  runAt: row.runAt,
  attempts: row.attempts,
  maxAttempts: row.maxAttempts,
  lockedBy: row.lockedBy,
  lockedUntil: row.lockedUntil,
  lastError: row.lastError,
  doneAt: row.doneAt,
  createdAt: row.createdAt,
});

export function createJobRepository(db: Executor): JobRepository {
  return {
    async enqueueJob(job) {
      await db
        .insert(jobs)
        .values({
          kind: job.kind,
          payload: job.payload,
          organisationId: job.organisationId,
          runAt: job.runAt,
          dedupeKey: job.dedupeKey ?? null,
          ...(job.maxAttempts !== undefined && { maxAttempts: job.maxAttempts }),
        })
        .onConflictDoNothing({ target: jobs.dedupeKey });
    },

    async claimJob(workerId, now, leaseUntil) {
      // The oldest due job nobody holds (or whose lease ran out), locked with SKIP LOCKED so
      // concurrent workers each take a different one and never wait on each other.
      const at = now.toISOString();
      const [row] = await db
        .update(jobs)
        .set({
          lockedBy: workerId,
          lockedUntil: leaseUntil,
          attempts: sql`${jobs.attempts} + 1`,
        })
        .where(
          sql`${jobs.id} = (select due.id from jobs due
            where due.done_at is null and due.run_at <= ${at}::timestamptz
              and (due.locked_until is null or due.locked_until < ${at}::timestamptz)
            order by due.run_at, due.created_at
            for update skip locked
            limit 1)`,
        )
        .returning();
      return row ? toJob(row) : null;
    },

    async completeJob(id, workerId, at) {
      const rows = await db
        .update(jobs)
        .set({ doneAt: at, lockedBy: null, lockedUntil: null })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), isNull(jobs.doneAt)))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    async failJob(id, workerId, error, retryAt, at) {
      await db
        .update(jobs)
        .set({
          ...(retryAt ? { runAt: retryAt } : { doneAt: at }),
          lockedBy: null,
          lockedUntil: null,
          lastError: error,
        })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), isNull(jobs.doneAt)));
    },

    async findJob(id) {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ? toJob(row) : null;
    },

    async deleteDoneJobs(before, limit) {
      const result = await db.execute(sql`
        delete from jobs where id in (
          select id from jobs
          where done_at is not null and done_at < ${before.toISOString()}::timestamptz
          limit ${limit}
        ) returning id`);
      return rowsOf<{ id: string }>(result).length;
    },

    async countPendingJobs(kinds) {
      const [row] = await db
        .select({ n: count() })
        .from(jobs)
        .where(and(isNull(jobs.doneAt), kinds ? oneOf(jobs.kind, kinds) : undefined));
      return row?.n ?? 0;
    },
  };
}
