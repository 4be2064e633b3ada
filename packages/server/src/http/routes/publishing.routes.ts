/** Review and publish: the publish view, submissions, Go live, cancel, and published versions. */
import {
  cancelPublish,
  getOfferVersion,
  getPublishView,
  goLive,
  PUBLISH_SECTIONS,
  submitForPublish,
  type PublishView,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { idempotentRequest, sendAnswer, type Answer } from '../idempotency';
import { withEtag } from '../concurrency';
import { IdSchema } from '../schemas';
import { OfferParams } from './offers.schemas';
import { PublishViewSchema, SnapshotSchema, toPublishView, toSnapshot } from './publishing.schemas';

const SubmissionParams = OfferParams.extend({ submissionId: IdSchema });

export const publishingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const offers = deps.offers;
  const base = '/api/organisations/:organisationId/offers/:offerId';

  app.get(`${base}/publish`, {
    config: { scope: 'publishing:read' },
    schema: {
      operationId: 'getPublishView',
      tags: ['publishing'],
      summary:
        'Review and publish: section states, what may be submitted, Compare (draft against live), ' +
        'the submission on its way and past ones',
      params: OfferParams,
      answers: { 200: { description: 'Review and publish', headers: ['ETag'] } },
      response: { 200: PublishViewSchema },
    },
    handler: async (request, reply) => {
      const view = await getPublishView(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
      );
      return withEtag(reply, view.offer.draftVersion).send(toPublishView(view, request.locale));
    },
  });

  app.post(`${base}/submissions`, {
    config: { scope: 'publishing:write', ifMatch: 'required', idempotent: true },
    schema: {
      operationId: 'createSubmission',
      tags: ['publishing'],
      summary:
        'Publish: freeze the draft as the next version and start validation → co-sell review → ' +
        "preview. If-Match: the draft version the publisher compared (the publish view's ETag); a " +
        'stale one gets 412 listing the parts changed since',
      params: OfferParams,
      body: z.strictObject({ sections: z.array(z.enum(PUBLISH_SECTIONS)).min(1).max(2) }),
      answers: { 201: 'Submitted: review and publish with the new submission' },
      response: { 201: PublishViewSchema },
    },
    handler: async (request, reply) => {
      const answer = (view: PublishView): Answer => ({
        status: 201,
        body: toPublishView(view, request.locale),
      });
      const view = await submitForPublish(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.body.sections,
        request.ifMatch,
        idempotentRequest(request, reply, answer),
      );
      return sendAnswer(reply, answer(view));
    },
  });

  for (const action of ['cancel', 'go-live'] as const) {
    app.post(`${base}/submissions/:submissionId/${action}`, {
      config: { scope: 'publishing:write' },
      schema: {
        operationId: action === 'cancel' ? 'cancelSubmission' : 'goLive',
        tags: ['publishing'],
        summary:
          action === 'cancel'
            ? 'Cancel publish (possible until Go live)'
            : 'Go live: the publisher signs off the preview of a new offer',
        params: SubmissionParams,
        answers: {
          200: action === 'cancel' ? 'Cancelled: review and publish' : 'Live: review and publish',
          409: 'The submission has moved on: it can no longer be cancelled or signed off',
        },
        response: { 200: PublishViewSchema },
      },
      handler: async (request) => {
        const { organisationId, offerId, submissionId } = request.params;
        const run = action === 'cancel' ? cancelPublish : goLive;
        const view = await run(
          offers,
          requireActor(request),
          organisationId,
          offerId,
          submissionId,
          String(request.id),
        );
        return toPublishView(view, request.locale);
      },
    });
  }

  app.get(`${base}/versions/:versionId`, {
    config: { scope: 'publishing:read' },
    schema: {
      operationId: 'getOfferVersion',
      tags: ['publishing'],
      summary: 'A published (immutable) version of the offer',
      params: OfferParams.extend({ versionId: IdSchema }),
      answers: { 200: 'The published version' },
      response: {
        200: z.object({
          id: IdSchema,
          number: z.number().int(),
          createdAt: z.string(),
          snapshot: SnapshotSchema,
        }),
      },
    },
    handler: async (request) => {
      const { organisationId, offerId, versionId } = request.params;
      const version = await getOfferVersion(
        offers,
        requireActor(request),
        organisationId,
        offerId,
        versionId,
      );
      return {
        id: version.id,
        number: version.number,
        createdAt: version.createdAt.toISOString(),
        snapshot: toSnapshot(version.snapshot),
      };
    },
  });
};
