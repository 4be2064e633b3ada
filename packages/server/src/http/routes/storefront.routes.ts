/**
 * The public storefront (no sign-in): live offers with public facts and badges. Answers come
 * only from the storefront projection and are mapped field by field: co-sell documents,
 * contacts, review reports and program profiles are never part of them.
 */
import { getStorefrontListing, OfferTypeIdSchema, searchStorefront } from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { IdSchema, pageOf, PageQuerySchema } from '../schemas';
import { StorefrontListingSchema, toStorefrontListing } from './publishing.schemas';

const StorefrontBadgeSchema = z.enum(['preferred-solution', 'azure-benefit-eligible']);

export const storefrontRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const store = deps.offers;

  app.get('/api/storefront/offers', {
    config: { access: 'public' },
    schema: {
      operationId: 'listStorefrontOffers',
      tags: ['storefront'],
      summary: 'Live offers: search by name, summary or publisher; filter by type, market, badge',
      querystring: PageQuerySchema.extend({
        offerType: OfferTypeIdSchema.optional(),
        market: z
          .string()
          .length(2)
          .regex(/^[A-Z]{2}$/)
          .optional(),
        /** Repeat to require several badges (`?badge=a&badge=b`). */
        badge: z
          .union([StorefrontBadgeSchema, z.array(StorefrontBadgeSchema).max(2)])
          .optional()
          .transform((value) => (value === undefined ? [] : [value].flat())),
      }),
      answers: { 200: 'A page of live offers' },
      response: { 200: pageOf(StorefrontListingSchema) },
    },
    handler: async (request, reply) => {
      const { badge, ...rest } = request.query;
      const page = await searchStorefront(store, { ...rest, badges: badge });
      reply.header('cache-control', 'public, no-cache');
      return { items: page.items.map(toStorefrontListing), total: page.total };
    },
  });

  app.get('/api/storefront/offers/:offerId', {
    config: { access: 'public' },
    schema: {
      operationId: 'getStorefrontOffer',
      tags: ['storefront'],
      summary: 'One live offer',
      params: z.object({ offerId: IdSchema }),
      answers: { 200: 'The live offer', 404: 'No live offer has this id' },
      response: { 200: StorefrontListingSchema },
    },
    handler: async (request, reply) => {
      const listing = await getStorefrontListing(store, request.params.offerId);
      reply.header('cache-control', 'public, no-cache');
      return toStorefrontListing(listing);
    },
  });
};
