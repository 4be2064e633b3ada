/** The vendor's review queue: submissions of every partner, their detail and documents, decisions. */
import {
  decideReview,
  findSubmittedDocument,
  getReviewDetail,
  listReviewQueue,
  TECHNICAL_VALIDATIONS,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { contentDisposition } from './documents.routes';
import { withEtag } from '../concurrency';
import { IdSchema, pageOf, PageQuerySchema } from '../schemas';
import { OfferSchema, toOffer } from './offers.schemas';
import {
  ChangeSchema,
  ProfileSchema,
  ReviewQueueItemSchema,
  SnapshotSchema,
  StatusViewSchema,
  SubmissionSchema,
  toProfile,
  toQueueItem,
  toSnapshot,
  toChange,
  toStatusView,
  toSubmission,
} from './publishing.schemas';

const ReviewParams = z.object({ organisationId: IdSchema, submissionId: IdSchema });

/** Inline for formats a browser shows safely in a sandbox; the rest downloads. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'video/mp4']);

export const reviewRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const offers = deps.offers;
  app.get('/api/review/submissions', {
    config: { scope: 'publishing:read' },
    schema: {
      operationId: 'listReviewQueue',
      tags: ['review'],
      summary:
        'Review queue (reviewers, program admins): submissions of every partner, oldest first',
      querystring: PageQuerySchema.extend({ state: z.enum(['open', 'decided']).default('open') }),
      answers: { 200: 'A page of submissions waiting for review' },
      response: { 200: pageOf(ReviewQueueItemSchema) },
    },
    handler: async (request) => {
      const page = await listReviewQueue(offers, requireActor(request), {
        state: request.query.state,
        limit: request.query.limit,
        offset: request.query.offset,
      });
      const now = offers.clock.now();
      return {
        items: page.items.map((i) => toQueueItem(i, request.locale, now)),
        total: page.total,
      };
    },
  });

  app.get('/api/review/organisations/:organisationId/submissions/:submissionId', {
    config: { scope: 'publishing:read' },
    schema: {
      operationId: 'getReviewSubmission',
      tags: ['review'],
      summary:
        'One submission for review: the submitted listing, documents and contacts, what changed ' +
        'since the live version, the partner profile and the status checklist',
      params: ReviewParams,
      answers: { 200: { description: 'The submission for review', headers: ['ETag'] } },
      response: {
        200: z.object({
          submission: SubmissionSchema,
          offer: OfferSchema,
          organisationName: z.string(),
          snapshot: SnapshotSchema,
          changes: z.array(ChangeSchema),
          status: StatusViewSchema,
          profile: ProfileSchema,
          /** Whole days since submission on the program clock (which may run ahead). */
          ageDays: z.number().int(),
        }),
      },
    },
    handler: async (request, reply) => {
      const { organisationId, submissionId } = request.params;
      const detail = await getReviewDetail(
        offers,
        requireActor(request),
        organisationId,
        submissionId,
      );
      return withEtag(reply, detail.submission.version).send({
        submission: toSubmission(detail.submission, request.locale),
        offer: toOffer(detail.offer),
        organisationName: detail.organisationName,
        snapshot: toSnapshot(detail.snapshot),
        changes: detail.changes.map(toChange),
        status: toStatusView(detail.status, request.locale),
        profile: toProfile(organisationId, detail.profile),
        ageDays: Math.max(
          0,
          Math.floor(
            (offers.clock.now().getTime() - detail.submission.submittedAt.getTime()) / 86_400_000,
          ),
        ),
      });
    },
  });

  app.get(
    '/api/review/organisations/:organisationId/submissions/:submissionId/documents/:documentId',
    {
      config: { scope: 'publishing:read', rawResponse: 'application/octet-stream' },
      schema: {
        operationId: 'downloadReviewDocument',
        tags: ['review'],
        summary:
          'A submitted document, for preview: PDF, images and video open in the browser (sandboxed), ' +
          'other formats download',
        params: ReviewParams.extend({ documentId: IdSchema }),
        answers: { 200: { description: 'The file', headers: ['Content-Disposition'] } },
      },
      handler: async (request, reply) => {
        const { organisationId, submissionId, documentId } = request.params;
        const document = await findSubmittedDocument(
          offers,
          requireActor(request),
          organisationId,
          submissionId,
          documentId,
        );
        const stream = await offers.blobs.open(document.blobKey);
        const disposition = INLINE_TYPES.has(document.contentType) ? 'inline' : 'attachment';
        return (
          reply
            .header('content-type', document.contentType)
            .header('content-length', String(document.sizeBytes))
            .header('content-disposition', contentDisposition(document.fileName, disposition))
            .header('x-content-type-options', 'nosniff')
            // Chromium's PDF viewer needs the document unsandboxed; nothing here may run scripts.
            .header(
              'content-security-policy',
              disposition === 'inline' && document.contentType === 'application/pdf'
                ? "default-src 'none'; object-src 'self'; frame-ancestors 'self'"
                : "default-src 'none'; img-src 'self'; media-src 'self'; sandbox; frame-ancestors 'self'",
            )
            .header('cache-control', 'private, no-cache')
            .send(stream as never)
        );
      },
    },
  );

  app.post('/api/review/organisations/:organisationId/submissions/:submissionId/decision', {
    config: { scope: 'publishing:write', ifMatch: 'required' },
    schema: {
      operationId: 'decideSubmission',
      tags: ['review'],
      summary:
        'Approve or reject a submission in review, with the technical validation, the revenue ' +
        'verification and a report for the publisher (required when rejecting). If-Match required',
      params: ReviewParams,
      body: z.strictObject({
        decision: z.enum(['approve', 'reject']),
        report: z.string().max(10_000).default(''),
        technicalValidation: z.enum(TECHNICAL_VALIDATIONS).default('not-assessed'),
        revenueVerified: z.boolean().default(false),
      }),
      answers: { 200: { description: 'The submission with the decision', headers: ['ETag'] } },
      response: { 200: SubmissionSchema },
    },
    handler: async (request, reply) => {
      const { organisationId, submissionId } = request.params;
      const submission = await decideReview(
        offers,
        requireActor(request),
        organisationId,
        submissionId,
        request.body,
        request.ifMatch,
        String(request.id),
      );
      return withEtag(reply, submission.version).send(toSubmission(submission, request.locale));
    },
  });
};
