/** Review and publish: the publish view, submissions, Go live, cancel, and published versions. */
import {
  cancelPublish,
  getOfferVersion,
  getPublishView,
  goLive,
  PUBLISH_SECTIONS,
  submitForPublish,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { withEtag } from '../concurrency';
import { problemResponses } from '../problem';
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
      tags: ['publish'],
      summary:
        'Review and publish: section states, what may be submitted, Compare (draft against live), ' +
        'the submission on its way and past ones',
      params: OfferParams,
      response: { 200: PublishViewSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const view = await getPublishView(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
      );
      return withEtag(reply, view.offer.version).send(toPublishView(view, request.locale));
    },
  });

  app.post(`${base}/submissions`, {
    config: { scope: 'publishing:write', ifMatch: 'required', idempotent: true },
    schema: {
      tags: ['publish'],
      summary:
        'Publish: freeze the draft as the next version and start validation → co-sell review → ' +
        'preview. If-Match: the offer version the publisher reviewed',
      params: OfferParams,
      body: z.strictObject({ sections: z.array(z.enum(PUBLISH_SECTIONS)).min(1).max(2) }),
      response: { 201: PublishViewSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const view = await submitForPublish(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.body.sections,
        request.ifMatch,
        String(request.id),
      );
      return reply.code(201).send(toPublishView(view, request.locale));
    },
  });

  for (const action of ['cancel', 'go-live'] as const) {
    app.post(`${base}/submissions/:submissionId/${action}`, {
      config: { scope: 'publishing:write' },
      schema: {
        tags: ['publish'],
        summary:
          action === 'cancel'
            ? 'Cancel publish (possible until Go live)'
            : 'Go live: the publisher signs off the preview of a new offer',
        params: SubmissionParams,
        response: { 200: PublishViewSchema, ...problemResponses },
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
      tags: ['publish'],
      summary: 'A published (immutable) version of the offer',
      params: OfferParams.extend({ versionId: IdSchema }),
      response: {
        200: z.object({
          id: IdSchema,
          number: z.number().int(),
          createdAt: z.string(),
          snapshot: SnapshotSchema,
        }),
        ...problemResponses,
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
