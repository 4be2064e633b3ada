/**
 * Security headers on every answer (QUALITY R11). Pages and their files: a CSP that allows only
 * our own scripts (Fluent UI injects styles at run time, hence 'unsafe-inline' for styles only)
 * and the document policies. API answers are JSON, never rendered: the headers OWASP's REST
 * Security Cheat Sheet lists for them (no-store, a CSP that allows nothing and no framing,
 * nosniff, DENY), and not the document policies, which would only lengthen every answer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API docs page runs Swagger UI, which needs inline script for its initializer. */
const DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};
// Prebuilt per kind of path: this runs on every request, so it only copies an object.
const API_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
};
const DOCS_HEADERS = {
  ...COMMON,
  'content-security-policy': DOCS_CSP,
  'cache-control': 'no-store',
};
const WEB_HEADERS = { ...COMMON, 'content-security-policy': CSP };
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Puts the request id and the security headers of the request's kind of path on its answer. Also called for the
 * errors Fastify's router raises before any hook runs (see `frameworkErrors` in app.ts).
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply) {
  const url = request.url;
  reply.header('x-request-id', request.id);
  reply.headers(
    url.startsWith('/api/docs')
      ? DOCS_HEADERS
      : url.startsWith('/api/')
        ? API_HEADERS
        : WEB_HEADERS,
  );
  if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
}

export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  // Set when the request arrives, so error answers and static files carry them too.
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(request, reply);
    done();
  });
});
