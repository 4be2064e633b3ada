/** Offers and the co-sell tab's draft (listing and landing page). */
import {
  CosellDraftSchema,
  CreateOfferSchema,
  getCosellTab,
  getOffer,
  listOffers,
  OFFER_SORT_FIELDS,
  OfferTypeIdSchema,
  saveCosellDraft,
  setOfferArchived,
  updateOffer,
  UpdateOfferSchema,
  createOffer,
  type OfferRecord,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { etagOf, withEtag } from '../concurrency';
import { idempotentRequest, sendAnswer, type Answer } from '../idempotency';
import { IdSchema, pageOf, PageQuerySchema } from '../schemas';
import {
  CosellTabSchema,
  OfferListItemSchema,
  OfferParams,
  OfferSchema,
  toCosellTab,
  toOffer,
  toOfferListItem,
} from './offers.schemas';

const OrgParams = z.object({ organisationId: IdSchema });

export const offerRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const offers = deps.offers;
  const base = '/api/organisations/:organisationId/offers';

  app.get(base, {
    config: { scope: 'offers:read' },
    schema: {
      operationId: 'listOffers',
      tags: ['offers'],
      summary: "The organisation's offers: paged, sortable, searchable by name or alias",
      params: OrgParams,
      querystring: PageQuerySchema.extend({
        sort: z.enum(OFFER_SORT_FIELDS).default('updatedAt'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        archived: z.enum(['active', 'archived', 'all']).default('active'),
        offerType: OfferTypeIdSchema.optional(),
      }),
      answers: { 200: 'A page of offers, each with its co-sell status' },
      response: { 200: pageOf(OfferListItemSchema) },
    },
    handler: async (request) => {
      const page = await listOffers(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.query,
      );
      return {
        items: page.items.map((offer) => toOfferListItem(offer, request.locale, page.namingEra)),
        total: page.total,
      };
    },
  });

  app.post(base, {
    config: { scope: 'offers:write', idempotent: true },
    schema: {
      operationId: 'createOffer',
      tags: ['offers'],
      summary: 'Create an offer (owners, managers, contributors)',
      params: OrgParams,
      body: CreateOfferSchema,
      answers: { 201: { description: 'Created', headers: ['ETag', 'Location'] } },
      response: { 201: OfferSchema },
    },
    handler: async (request, reply) => {
      const answer = (offer: OfferRecord): Answer => ({
        status: 201,
        headers: {
          etag: etagOf(offer.version),
          location: `/api/organisations/${offer.organisationId}/offers/${offer.id}`,
        },
        body: toOffer(offer),
      });
      const offer = await createOffer(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.body,
        idempotentRequest(request, reply, answer),
      );
      return sendAnswer(reply, answer(offer));
    },
  });

  app.get(`${base}/:offerId`, {
    config: { scope: 'offers:read' },
    schema: {
      operationId: 'getOffer',
      tags: ['offers'],
      summary: 'One offer',
      params: OfferParams,
      answers: { 200: { description: 'The offer', headers: ['ETag'] } },
      response: { 200: OfferSchema },
    },
    handler: async (request, reply) => {
      const offer = await getOffer(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
      );
      return withEtag(reply, offer.version).send(toOffer(offer));
    },
  });

  app.patch(`${base}/:offerId`, {
    config: { scope: 'offers:write', ifMatch: 'required' },
    schema: {
      operationId: 'updateOffer',
      tags: ['offers'],
      summary: 'Change offer fields (rename, markets, type…); If-Match required',
      params: OfferParams,
      body: UpdateOfferSchema,
      answers: { 200: { description: 'The offer, changed', headers: ['ETag'] } },
      response: { 200: OfferSchema },
    },
    handler: async (request, reply) => {
      const offer = await updateOffer(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.body,
        request.ifMatch,
        String(request.id),
      );
      return withEtag(reply, offer.version).send(toOffer(offer));
    },
  });

  for (const action of ['archive', 'restore'] as const) {
    app.post(`${base}/:offerId/${action}`, {
      config: { scope: 'offers:write', ifMatch: 'optional' },
      schema: {
        operationId: action === 'archive' ? 'archiveOffer' : 'restoreOffer',
        tags: ['offers'],
        summary:
          action === 'archive'
            ? 'Archive an offer: hidden from the default list, kept whole'
            : 'Restore an archived offer',
        params: OfferParams,
        answers: {
          200: {
            description: action === 'archive' ? 'The offer, archived' : 'The offer, restored',
            headers: ['ETag'],
          },
        },
        response: { 200: OfferSchema },
      },
      handler: async (request, reply) => {
        const offer = await setOfferArchived(
          offers,
          requireActor(request),
          request.params.organisationId,
          request.params.offerId,
          action === 'archive',
          request.ifMatch,
          String(request.id),
        );
        return withEtag(reply, offer.version).send(toOffer(offer));
      },
    });
  }

  app.get(`${base}/:offerId/cosell`, {
    config: { scope: 'offers:read' },
    schema: {
      operationId: 'getOfferCosell',
      tags: ['offers'],
      summary: 'The co-sell tab: draft, documents, contacts summary, section states, checklist',
      params: OfferParams,
      answers: { 200: { description: 'The co-sell tab', headers: ['ETag'] } },
      response: { 200: CosellTabSchema },
    },
    handler: async (request, reply) => {
      const tab = await getCosellTab(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
      );
      return withEtag(reply, tab.offer.version).send(
        toCosellTab(tab, request.locale, deps.config.uploads),
      );
    },
  });

  app.put(`${base}/:offerId/cosell`, {
    config: { scope: 'offers:write', ifMatch: 'required' },
    schema: {
      operationId: 'updateOfferCosell',
      tags: ['offers'],
      summary: 'Save draft: the listing and product landing page; If-Match required',
      params: OfferParams,
      body: CosellDraftSchema,
      answers: { 200: { description: 'The co-sell tab with the saved draft', headers: ['ETag'] } },
      response: { 200: CosellTabSchema },
    },
    handler: async (request, reply) => {
      const tab = await saveCosellDraft(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.body,
        request.ifMatch,
        String(request.id),
      );
      return withEtag(reply, tab.offer.version).send(
        toCosellTab(tab, request.locale, deps.config.uploads),
      );
    },
  });
};
