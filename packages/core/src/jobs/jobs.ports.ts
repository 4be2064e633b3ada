/** Repository port of the job queue (ADR 008). */

export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** The organisation the job works in (its tenant scope), or null for program-wide jobs. */
  organisationId: string | null;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  doneAt: Date | null;
  createdAt: Date;
}

export interface EnqueueJob {
  kind: string;
  payload: Record<string, unknown>;
  organisationId: string | null;
  runAt: Date;
  /** At most one job with the same key is ever enqueued (a second enqueue is a no-op). */
  dedupeKey?: string | undefined;
  maxAttempts?: number | undefined;
}

/** The job queue in the database. */
export interface JobRepository {
  // --- job queue (global) ---
  enqueueJob(job: EnqueueJob): Promise<void>;
  /**
   * Takes the oldest due job nobody holds (FOR UPDATE SKIP LOCKED) and leases it to `workerId`
   * until `leaseUntil`; null when there is none. Increments its attempts.
   */
  claimJob(workerId: string, now: Date, leaseUntil: Date): Promise<JobRecord | null>;
  /** Marks the job done if `workerId` still holds it; false otherwise. */
  completeJob(id: string, workerId: string, at: Date): Promise<boolean>;
  /** Records a failure: retry at `retryAt`, or give up (done with the error) when null. */
  failJob(
    id: string,
    workerId: string,
    error: string,
    retryAt: Date | null,
    at: Date,
  ): Promise<void>;
  findJob(id: string): Promise<JobRecord | null>;
  /** Deletes up to `limit` jobs done before `before`; returns how many. */
  deleteDoneJobs(before: Date, limit: number): Promise<number>;
  countPendingJobs(kinds?: readonly string[]): Promise<number>;
}

/**
 * Finished work nobody will use again, deleted by the hourly housekeeping job in bounded
 * statements. Each method deletes at most `limit` rows and returns how many it deleted.
 */
export interface HousekeepingRepository {
  /** Sessions past their expiry. */
  deleteExpiredSessions(now: Date, limit: number): Promise<number>;
  /** Invitations accepted, revoked or expired at or before `before`: their tokens are spent. */
  deleteSpentInvitations(before: Date, limit: number): Promise<number>;
  /** Contact imports staged (never applied) at or before `before`, with their staged rows. */
  deleteAbandonedContactImports(before: Date, limit: number): Promise<number>;
}
