import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';

/** Liveness, readiness and a database-free ping through the whole middleware chain. */
export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: {
      operationId: 'getLiveness',
      tags: ['health'],
      summary: 'Liveness: the process answers',
      answers: { 200: 'The process answers' },
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    config: { access: 'public' },
    schema: {
      operationId: 'getReadiness',
      tags: ['health'],
      summary: 'Readiness: the database answers',
      answers: {
        200: 'The database answers',
        503: { description: 'The database does not answer; retry after Retry-After' },
      },
      response: {
        200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }),
        503: z.object({ status: z.literal('unavailable') }),
      },
    },
    handler: async (_request, reply) => {
      try {
        await deps.database.ping();
        return { status: 'ready' as const, database: deps.database.kind };
      } catch {
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ status: 'unavailable' as const });
      }
    },
  });

  app.get('/api/ping', {
    config: { access: 'public' },
    schema: {
      operationId: 'ping',
      tags: ['health'],
      summary: 'Answers without touching the database (clients use it to check reachability)',
      answers: { 200: 'The server answers, with its time and whether you are signed in' },
      response: { 200: z.object({ ok: z.literal(true), signedIn: z.boolean(), time: z.string() }) },
    },
    handler: async (request) => ({
      ok: true as const,
      signedIn: request.auth !== null,
      time: deps.clock.now().toISOString(),
    }),
  });
};
