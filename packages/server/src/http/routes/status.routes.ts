/** The offer's co-sell status: requirements, benefits and history. */
import { getOfferStatus } from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { OfferParams } from './offers.schemas';
import { StatusViewSchema, toStatusView } from './publishing.schemas';

export const statusRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const offers = deps.offers;
  const base = '/api/organisations/:organisationId/offers/:offerId';
  app.get(`${base}/status`, {
    config: { scope: 'publishing:read' },
    schema: {
      operationId: 'getOfferStatus',
      tags: ['status'],
      summary:
        'The co-sell status: every requirement of every status met or not (with the reason and ' +
        'where to fix it), benefits, and the history with the policy that decided each status',
      params: OfferParams,
      answers: { 200: 'The co-sell status with its requirements and history' },
      response: { 200: StatusViewSchema },
    },
    handler: async (request) => {
      const view = await getOfferStatus(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
      );
      return toStatusView(view, request.locale);
    },
  });
};
