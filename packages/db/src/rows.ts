/** Row mappers shared by several repositories (a mapper used by one stays in its repository). */
import type { OrganisationRecord, ReviewRecord } from '@cosell/core';
import type { organisations } from './schema';

type OrgRow = typeof organisations.$inferSelect;

export const toOrganisation = (row: OrgRow): OrganisationRecord => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  createdAt: row.createdAt,
  version: row.version,
});

/** A review as stored in JSON: its decision time is an ISO string. */
export type StoredReview = Omit<ReviewRecord, 'decidedAt'> & { decidedAt: string };

export const toReview = (stored: unknown): ReviewRecord | null => {
  if (!stored) return null;
  const review = stored as StoredReview;
  return { ...review, decidedAt: new Date(review.decidedAt) };
};
