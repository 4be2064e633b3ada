/**
 * The composition root of the HTTP server: plugins in order (request ids and logs, security
 * headers, cookies, auth, validation), the routes, the API docs and the web app.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino from 'pino';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './deps';
import { authPlugin } from './http/auth';
import { concurrencyPlugin } from './http/concurrency';
import { idempotencyPlugin } from './http/idempotency';
import { registerOpenApi } from './http/openapi';
import { errorHandler } from './http/problem';
import { rawBodyPlugin } from './http/raw-body';
import { contactRoutes } from './http/routes/contact.routes';
import { documentRoutes } from './http/routes/document.routes';
import { healthRoutes } from './http/routes/health.routes';
import { offerRoutes } from './http/routes/offer.routes';
import { organisationRoutes } from './http/routes/organisation.routes';
import { notificationRoutes } from './http/routes/notification.routes';
import { profileRoutes } from './http/routes/profile.routes';
import { programRoutes } from './http/routes/program.routes';
import { publicationRoutes } from './http/routes/publication.routes';
import { storefrontRoutes } from './http/routes/storefront.routes';
import { systemRoutes } from './http/routes/system.routes';
import { sessionRoutes } from './http/routes/session.routes';
import { securityHeadersPlugin } from './http/security-headers';
import { registerWeb, webRoot } from './http/static';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: 'public' | 'user';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access level, for the authorization suite. */
    registeredRoutes: RegisteredRoute[];
  }
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;
/** Invitation tokens are secrets: keep them out of logs. */
const redactUrl = (url: string) =>
  url
    .replace(/(\/invitations\/)[\w-]{20,}/, '$1[redacted]')
    .replace(/(\/invite\/)[\w-]{20,}/, '$1[redacted]');

export interface BuildAppOptions {
  /** Serve the built web app (off in API tests). */
  web?: boolean;
  /** `false` silences logging (tests); otherwise pino writes JSON lines to stdout. */
  logger?: false;
}

export async function buildApp(
  deps: AppDeps,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger === false
      ? { logger: false }
      : {
          // Buffered, asynchronous writes: a request never waits for stdout (flushed at exit).
          loggerInstance: pino(
            { level: deps.config.logLevel },
            pino.destination({ dest: 1, sync: false, minLength: 4096 }),
          ) as FastifyBaseLogger,
        }),
    trustProxy: deps.config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // One log line per request (written on response) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  app.decorate('registeredRoutes', [] as RegisteredRoute[]);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (
      !route.url.startsWith('/api/') ||
      route.url.startsWith('/api/docs') ||
      route.url === '/api/openapi.json'
    )
      return;
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.registeredRoutes.push({ method, url: route.url, access: route.config?.access ?? 'user' });
    }
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: redactUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });

  await app.register(securityHeadersPlugin);
  await app.register(cookie);
  await app.register(authPlugin, deps);
  // Route options `ifMatch` and `idempotent`: registered before the API docs and the routes,
  // whose schemas and hooks they extend.
  await app.register(concurrencyPlugin);
  await app.register(idempotencyPlugin, deps);
  await app.register(rawBodyPlugin);
  await registerOpenApi(app);

  await app.register(healthRoutes, deps);
  await app.register(sessionRoutes, deps);
  await app.register(organisationRoutes, deps);
  await app.register(programRoutes, deps);
  await app.register(offerRoutes, deps);
  await app.register(documentRoutes, deps);
  await app.register(contactRoutes, deps);
  await app.register(publicationRoutes, deps);
  await app.register(profileRoutes, deps);
  await app.register(notificationRoutes, deps);
  await app.register(storefrontRoutes, deps);
  await app.register(systemRoutes, deps);

  await registerWeb(app, options.web === false ? undefined : webRoot());
  return app;
}
