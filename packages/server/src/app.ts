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
import { rateLimitPlugin } from './http/rate-limit';
import { rawBodyPlugin } from './http/raw-body';
import { MODULE_ROUTES } from './http/routes';
import { securityHeadersPlugin } from './http/security-headers';
import { registerWeb, webRoot } from './http/static';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: 'public' | 'user';
  /** The API token scope the route needs, or `session` (signed-in sessions only). */
  scope: string | null;
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
      app.registeredRoutes.push({
        method,
        url: route.url,
        access: route.config?.access ?? 'user',
        scope: route.config?.scope ?? null,
      });
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
  await app.register(rateLimitPlugin, deps);
  // Route options `ifMatch` and `idempotent`: registered before the API docs and the routes,
  // whose schemas and hooks they extend.
  await app.register(concurrencyPlugin);
  await app.register(idempotencyPlugin, deps);
  await app.register(rawBodyPlugin);
  await registerOpenApi(app);

  for (const routes of MODULE_ROUTES) await app.register(routes, deps);

  await registerWeb(app, options.web === false ? undefined : webRoot());
  return app;
}
