import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built web app: beside the bundled server (dist/web) or in the source tree. */
export function webRoot(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.join(here, 'web'), path.join(here, '../../../web/dist'), path.join(here, '../../web/dist')].find((dir) =>
    existsSync(path.join(dir, 'index.html')),
  );
}

/** Serves the single-page app; unknown non-API paths get index.html so client routes work. */
export async function registerWeb(app: FastifyInstance, root: string | undefined) {
  if (!root) {
    app.log.warn('web app not built (run npm run build); only the API is served');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    maxAge: '1y',
    immutable: true,
    allowedPath: (pathName) => pathName.startsWith('/assets/') || /^\/[\w.-]+\.(svg|png|ico|txt)$/.test(pathName),
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/') && !path.extname(request.url.split('?')[0]!)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0, immutable: false });
    }
    return reply.code(404).type('application/problem+json').send({
      type: 'urn:cosell:problem:not-found',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
      requestId: String(request.id),
    });
  });
}
