/**
 * The composition root of the HTTP server: plugins in order (request ids and logs, security
 * headers, cookies, auth, validation), the routes, the API docs and the web app.
 */
import { randomUUID } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
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
import { negotiateLocale } from '@cosell/core';
import { inputGuardPlugin } from './http/input-guard';
import { errorHandler, sendClientError } from './http/problem';
import { rateLimitPlugin } from './http/rate-limit';
import { rawBodyPlugin } from './http/raw-body';
import { MODULE_ROUTES } from './http/routes';
import { applySecurityHeaders, securityHeadersPlugin } from './http/security-headers';
import { lazyChildLogger } from './http/request-logger';
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
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The tokens of invitation and password reset links are secrets: keep them out of logs. */
const SECRET_IN_PATH = /(\/(?:invitations|invite|password-reset|reset-password)\/)[\w-]{20,}/;
const redactUrl = (url: string) =>
  // Most paths name no such link: one substring test spares them the expression.
  !url.includes('/invit') && !url.includes('password')
    ? url
    : url.replace(SECRET_IN_PATH, '$1[redacted]');

/**
 * The one log line of a request, written when its answer is sent: through the root logger with
 * the request id, so that no per-request child logger is built for it.
 */
function logRequest(request: FastifyRequest, reply: FastifyReply) {
  request.server.log.info(
    {
      reqId: request.id,
      method: request.method,
      url: redactUrl(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    },
    'request',
  );
}

/**
 * Errors of Fastify's router, raised before any hook runs (an address with bad
 * percent-encoding, a path parameter over `maxParamLength`): answered like every other error,
 * with the security headers, the request id and one log line, and without repeating the input.
 */
function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  applySecurityHeaders(request, reply);
  request.locale = negotiateLocale(request.headers['accept-language']);
  // No onResponse hook runs for these requests: the log line is written here.
  reply.raw.once('finish', () => logRequest(request, reply));
  // The address was not understood: log its length, not its text.
  request.log.debug({ code: error.code, urlLength: request.raw.url?.length }, 'router error');
  return sendClientError(request, reply, error);
}

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
    // `request.log` is built only when something logs (most requests log just their line).
    childLoggerFactory: lazyChildLogger,
    // A path parameter longer than this answers 414 (ids are 36 characters, tokens ≤ 100).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 100 },
    frameworkErrors,
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
  const requestLines =
    options.logger !== false && ['info', 'debug', 'trace'].includes(deps.config.logLevel);
  app.addHook('onResponse', (request, reply, done) => {
    // A write may have queued domain events or jobs: an idle worker looks at once.
    if (reply.statusCode < 400 && WRITES.has(request.method)) deps.jobs.kick();
    // Below `info` there is no line to write: nothing is built for it either.
    if (!requestLines) return done();
    logRequest(request, reply);
    done();
  });

  await app.register(securityHeadersPlugin);
  await app.register(authPlugin, deps);
  await app.register(rateLimitPlugin, deps);
  // Route options `ifMatch` and `idempotent`: registered before the API docs and the routes,
  // whose schemas and hooks they extend.
  await app.register(concurrencyPlugin);
  await app.register(idempotencyPlugin, deps);
  await app.register(rawBodyPlugin);
  // NUL and lone surrogates anywhere in a request: refused before any route validates it.
  await app.register(inputGuardPlugin);
  await registerOpenApi(app);

  for (const routes of MODULE_ROUTES) await app.register(routes, deps);

  await registerWeb(app, options.web === false ? undefined : webRoot());
  return app;
}
