/**
 * The API's routes, one plugin per capability module (mirroring `packages/core/src/<module>`),
 * registered in this order by `app.ts`. A module's routes declare their access and schemas.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { accountRoutes } from './accounts.routes';
import { contactRoutes } from './contacts.routes';
import { documentRoutes } from './documents.routes';
import { healthRoutes } from './health.routes';
import { notificationRoutes } from './notifications.routes';
import { offerRoutes } from './offers.routes';
import { opportunityRoutes } from './opportunities.routes';
import { profileRoutes } from './profiles.routes';
import { programRoutes } from './program.routes';
import { publishingRoutes } from './publishing.routes';
import { reviewRoutes } from './review.routes';
import { sessionRoutes } from './sessions.routes';
import { statusRoutes } from './status.routes';
import { storefrontRoutes } from './storefront.routes';
import { systemRoutes } from './system.routes';
import { tokenRoutes } from './tokens.routes';

export const MODULE_ROUTES: readonly FastifyPluginAsyncZod<AppDeps>[] = [
  healthRoutes,
  sessionRoutes,
  accountRoutes,
  programRoutes,
  offerRoutes,
  documentRoutes,
  contactRoutes,
  publishingRoutes,
  statusRoutes,
  reviewRoutes,
  profileRoutes,
  notificationRoutes,
  storefrontRoutes,
  systemRoutes,
  tokenRoutes,
  opportunityRoutes,
];
