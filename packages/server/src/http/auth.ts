/**
 * Authentication and request context: reads the session cookie, loads the actor, picks the
 * caller's language, enforces each route's `access` and the CSRF token on cookie writes.
 * API routes are private unless they say `config: { access: 'public' }`.
 */
import { timingSafeEqual } from 'node:crypto';
import {
  AppError,
  authenticate,
  negotiateLocale,
  type Actor,
  type AuthenticatedSession,
  type Locale,
} from '@cosell/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type {} from '@fastify/cookie';
import type { AppDeps } from '../deps';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public`: anyone; `user` (default): a signed-in user. */
    access?: 'public' | 'user';
  }
  interface FastifyRequest {
    locale: Locale;
    auth: AuthenticatedSession | null;
    sessionToken: string | null;
  }
}

export const SECURE_COOKIE = '__Host-cosell_session';
/** Used only on plain http to a non-loopback host, where browsers refuse Secure cookies. */
export const PLAIN_COOKIE = 'cosell_session';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1)$/i;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True when the browser will keep a Secure cookie: https, or http on a loopback host. */
export const isSecureContext = (request: FastifyRequest) =>
  request.protocol === 'https' || LOOPBACK.test(request.hostname.replace(/:\d+$/, ''));

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeMs: number,
) {
  const secure = isSecureContext(request);
  reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'lax',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  const secure = isSecureContext(request);
  reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'lax',
  });
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The signed-in actor, or UNAUTHENTICATED. */
export function requireActor(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (!auth) throw new AppError('UNAUTHENTICATED');
  return { userId: auth.user.id, sessionId: auth.session.id, memberships: auth.memberships };
}

export const authPlugin = fp(async (app: FastifyInstance, deps: AppDeps) => {
  app.decorateRequest('locale', 'en');
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SECURE_COOKIE] ?? request.cookies[PLAIN_COOKIE] ?? null;
    request.sessionToken = token;
    if (token && token.length <= 100) request.auth = await authenticate(deps.account, token);
    request.locale =
      request.auth?.user.locale ?? negotiateLocale(request.headers['accept-language']);

    // API routes are private unless marked public; the web app's static files are public.
    const access =
      request.routeOptions.config.access ?? (request.url.startsWith('/api/') ? 'user' : 'public');
    // An unknown path answers 404 to everyone; there is nothing behind it to protect.
    if (access === 'user' && !request.auth && !request.is404) throw new AppError('UNAUTHENTICATED');

    if (UNSAFE.has(request.method)) {
      // Cross-site form posts cannot carry JSON without a CORS preflight we never answer, but
      // a mismatching Origin is refused outright as well.
      const origin = request.headers.origin;
      if (origin && origin !== 'null') {
        let host: string;
        try {
          host = new URL(origin).host;
        } catch {
          throw new AppError('CSRF');
        }
        if (host !== request.host) throw new AppError('CSRF');
      }
      if (request.auth) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, request.auth.session.csrfToken)) {
          throw new AppError('CSRF');
        }
      }
    }
  });
});
