/**
 * Submissions of offer versions and their review. The review queue is read by program staff
 * across partners: row-level security (the program_staff policies) decides what the
 * transaction's scope may see.
 */
import type {
  OfferTypeId,
  PublishSection,
  ReviewQueueItem,
  ReviewRecord,
  SubmissionRecord,
  SubmissionRepository,
  SubmissionState,
  ValidationProblem,
} from '@cosell/core';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { toReview, type StoredReview } from './rows';
import { offers, organisations, submissions } from './schema';
import { oneOf, translateDbError, versionIn } from './sql-helpers';

type SubmissionRow = typeof submissions.$inferSelect;

const storeReview = (review: ReviewRecord): StoredReview => ({
  ...review,
  decidedAt: review.decidedAt.toISOString(),
});

const toSubmission = (row: SubmissionRow): SubmissionRecord => ({
  organisationId: row.organisationId,
  id: row.id,
  offerId: row.offerId,
  versionId: row.versionId,
  sections: row.sections as PublishSection[],
  state: row.state as SubmissionState,
  problems: row.problems as ValidationProblem[],
  offerWasLive: row.offerWasLive,
  submittedBy: row.submittedBy,
  submittedAt: row.submittedAt,
  review: toReview(row.review),
  updatedAt: row.updatedAt,
  version: row.version,
});

const submissionKey = (organisationId: string, id: string) =>
  and(eq(submissions.organisationId, organisationId), eq(submissions.id, id));

export function createSubmissionRepository(db: Executor): SubmissionRepository {
  return {
    async createSubmission(input) {
      const [row] = await db
        .insert(submissions)
        .values({
          organisationId: input.organisationId,
          offerId: input.offerId,
          versionId: input.versionId,
          sections: input.sections,
          state: 'validating',
          problems: [],
          offerWasLive: input.offerWasLive,
          submittedBy: input.submittedBy,
          submittedAt: input.at,
          updatedAt: input.at,
        })
        .returning()
        .catch(translateDbError);
      return toSubmission(row!);
    },

    async findSubmission(organisationId, id) {
      const [row] = await db.select().from(submissions).where(submissionKey(organisationId, id));
      return row ? toSubmission(row) : null;
    },

    async listSubmissions(organisationId, offerId, limit) {
      const rows = await db
        .select()
        .from(submissions)
        .where(
          and(eq(submissions.organisationId, organisationId), eq(submissions.offerId, offerId)),
        )
        .orderBy(desc(submissions.submittedAt), desc(submissions.seq))
        .limit(limit);
      return rows.map(toSubmission);
    },

    async transitionSubmission(organisationId, id, from, patch, at, expected = 'any') {
      // One conditional UPDATE: the state (and version) checks and the write cannot be split.
      const [row] = await db
        .update(submissions)
        .set({
          state: patch.state,
          ...(patch.problems !== undefined && { problems: patch.problems }),
          ...(patch.review !== undefined && { review: storeReview(patch.review) }),
          updatedAt: at,
          version: sql`${submissions.version} + 1`,
        })
        .where(
          and(
            submissionKey(organisationId, id),
            oneOf(submissions.state, from),
            versionIn(submissions.version, expected),
          ),
        )
        .returning();
      return row ? toSubmission(row) : null;
    },

    async listReviewQueue(query) {
      // Program staff: across partners; row-level security decides what the scope sees.
      const where = oneOf(submissions.state, query.states);
      const rows = await db
        .select({
          submission: submissions,
          offerName: offers.name,
          offerType: offers.offerType,
          organisationName: organisations.name,
        })
        .from(submissions)
        .innerJoin(
          offers,
          and(
            eq(offers.organisationId, submissions.organisationId),
            eq(offers.id, submissions.offerId),
          ),
        )
        .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
        .where(where)
        .orderBy(asc(submissions.submittedAt), asc(submissions.seq))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db
        .select({ n: count() })
        .from(submissions)
        .innerJoin(
          offers,
          and(
            eq(offers.organisationId, submissions.organisationId),
            eq(offers.id, submissions.offerId),
          ),
        )
        .where(where);
      return {
        items: rows.map((row): ReviewQueueItem => ({
          ...toSubmission(row.submission),
          offerName: row.offerName,
          offerType: row.offerType as OfferTypeId,
          organisationName: row.organisationName,
        })),
        total: total?.n ?? 0,
      };
    },
  };
}
