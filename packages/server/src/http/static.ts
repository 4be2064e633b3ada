import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem';

/** The built web app: beside the bundled server (dist/web) or in the source tree. */
export function webRoot(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [
    path.join(here, 'web'),
    path.join(here, '../../../web/dist'),
    path.join(here, '../../web/dist'),
  ].find((dir) => existsSync(path.join(dir, 'index.html')));
}

/**
 * Serves the single-page app; unknown non-API paths get index.html so client routes work.
 * Every other unknown path (all of /api, or everything when the web app is not built) gets
 * a 404 problem, like any other error of the API.
 */
export async function registerWeb(app: FastifyInstance, root: string | undefined) {
  if (root) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // Hashed assets never change; index.html must be revalidated so new builds show up.
      maxAge: '1y',
      immutable: true,
      setHeaders: (res, filePath) => {
        if (filePath.endsWith('index.html')) res.setHeader('cache-control', 'no-cache');
      },
    });
  } else {
    app.log.warn('web app not built (run npm run build); only the API is served');
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      root &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !path.extname(request.url.split('?')[0]!)
    ) {
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { maxAge: 0, immutable: false });
    }
    return sendProblem(request, reply, 'NOT_FOUND');
  });
}
