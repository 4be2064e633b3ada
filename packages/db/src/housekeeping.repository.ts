/**
 * Finished work nobody will use again, deleted in bounded statements by the hourly housekeeping
 * job. Each statement picks at most `limit` rows by an indexed condition and deletes them, so a
 * large backlog never holds locks for long. Invitations and contact imports are tenant rows:
 * the job's scope says `housekeeping`, which row-level security lets find and delete them
 * (migration 0008) and nothing else.
 */
import type { HousekeepingRepository } from '@cosell/core';
import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { rowsOf } from './sql-helpers';

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

export function createHousekeepingRepository(db: Executor): HousekeepingRepository {
  const deleted = async (statement: ReturnType<typeof sql>) =>
    rowsOf<{ gone: number }>(await db.execute(statement)).length;
  return {
    deleteExpiredSessions: (now, limit) =>
      deleted(sql`
        delete from sessions where id in (
          select id from sessions where expires_at <= ${at(now)} limit ${limit}
        ) returning 1 as gone`),

    deleteSpentInvitations: (before, limit) =>
      deleted(sql`
        delete from invitations where (organisation_id, id) in (
          select organisation_id, id from invitations
          where accepted_at <= ${at(before)} or revoked_at <= ${at(before)}
            or expires_at <= ${at(before)}
          limit ${limit}
        ) returning 1 as gone`),

    deleteAbandonedContactImports: (before, limit) =>
      deleted(sql`
        delete from contact_imports where (organisation_id, id) in (
          select organisation_id, id from contact_imports
          where state = 'pending' and created_at <= ${at(before)}
          limit ${limit}
        ) returning 1 as gone`),
  };
}
