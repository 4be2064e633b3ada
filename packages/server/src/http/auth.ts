/**
 * Authentication and request context: reads the session cookie or an API token
 * (`Authorization: Bearer`), loads the actor, picks the caller's language, enforces each
 * route's `access`, a token's `scope`, and the CSRF token on cookie writes.
 * API routes are private unless they say `config: { access: 'public' }`; every private route
 * names the token scope it needs, or `scope: 'session'` when only a signed-in session may call
 * it (accounts, sessions, token management).
 */
import { timingSafeEqual } from 'node:crypto';
import {
  AppError,
  authenticate,
  authenticateBearer,
  negotiateLocale,
  scopeGrants,
  type Actor,
  type AuthenticatedSession,
  type Locale,
  type TokenScope,
} from '@cosell/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { AppDeps } from '../deps';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public`: anyone; `user` (default): a signed-in user or an API token. */
    access?: 'public' | 'user';
    /**
     * The API token scope a private route needs (`<area>:read` for reads, `<area>:write` for
     * changes), `session`: a signed-in session only, never a token, or `identity`: any valid
     * token, whatever its scopes (who the caller is and which organisations it acts for).
     */
    scope?: TokenScope | 'session' | 'identity';
  }
  interface FastifyRequest {
    locale: Locale;
    auth: AuthenticatedSession | null;
    sessionToken: string | null;
    /** The actor of a request authenticated with an API token (then `auth` is null). */
    tokenActor: Actor | null;
  }
}

export const SECURE_COOKIE = '__Host-cosell_session';
/** Used only on plain http to a non-loopback host, where browsers refuse Secure cookies. */
export const PLAIN_COOKIE = 'cosell_session';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1)$/i;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SAFE = new Set(['GET', 'HEAD']);

/** True when the browser will keep a Secure cookie: https, or http on a loopback host. */
export const isSecureContext = (request: FastifyRequest) =>
  request.protocol === 'https' || LOOPBACK.test(request.hostname.replace(/:\d+$/, ''));

/**
 * The session cookie's `Set-Cookie` (the only cookie cosell sets; written with `cookie`, the
 * library @fastify/cookie wraps, without that plugin's two hooks on every request).
 */
function sessionCookie(request: FastifyRequest, value: string, maxAgeSeconds: number) {
  const secure = isSecureContext(request);
  return stringifySetCookie({
    name: secure ? SECURE_COOKIE : PLAIN_COOKIE,
    value,
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'lax',
    maxAge: maxAgeSeconds,
    ...(maxAgeSeconds === 0 && { expires: new Date(0) }),
  });
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeMs: number,
) {
  reply.header('set-cookie', sessionCookie(request, token, Math.floor(maxAgeMs / 1000)));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.header('set-cookie', sessionCookie(request, '', 0));
}

/** The session token the request's cookie carries, if any. */
function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const cookies = parseCookie(header);
  return cookies[SECURE_COOKIE] ?? cookies[PLAIN_COOKIE] ?? null;
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The signed-in actor (or the API token's), or UNAUTHENTICATED. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.tokenActor) return request.tokenActor;
  const auth = request.auth;
  if (!auth) throw new AppError('UNAUTHENTICATED');
  return { userId: auth.user.id, sessionId: auth.session.id, memberships: auth.memberships };
}

/** The id of whoever calls: the signed-in person, or an API token's principal; null if anonymous. */
export const principalIdOf = (request: FastifyRequest): string | null =>
  request.tokenActor?.userId ?? request.auth?.user.id ?? null;

const BEARER = /^Bearer +(\S{1,200})$/i;

/**
 * An API token request: resolves the token (401 `invalid_token` when it is malformed, unknown,
 * expired or revoked) and checks the route's scope (403 `insufficient_scope`). No CSRF token:
 * a browser never adds an Authorization header on its own, so no other site can forge one.
 */
async function authenticateToken(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  header: string,
) {
  const secret = BEARER.exec(header)?.[1];
  const bearer = secret ? await authenticateBearer(deps.account, secret, { ip: request.ip }) : null;
  request.locale = negotiateLocale(request.headers['accept-language'] ?? bearer?.locale);
  if (!bearer) {
    reply.header('www-authenticate', 'Bearer error="invalid_token"');
    throw new AppError('UNAUTHENTICATED', { messageKey: 'apiToken.invalid' });
  }
  request.tokenActor = bearer.actor;
  const config = request.routeOptions.config;
  const access = config.access ?? (request.url.startsWith('/api/') ? 'user' : 'public');
  if (access === 'public' || request.is404) return;
  const needed = config.scope ?? 'session';
  if (needed === 'session') {
    throw new AppError('FORBIDDEN', { messageKey: 'apiToken.sessionOnly' });
  }
  if (needed !== 'identity' && !scopeGrants(bearer.actor.token.scopes, needed)) {
    reply.header('www-authenticate', `Bearer error="insufficient_scope", scope="${needed}"`);
    throw new AppError('FORBIDDEN', {
      message: `insufficient_scope: the token lacks ${needed}`,
      messageKey: 'apiToken.insufficientScope',
      params: { scope: needed },
    });
  }
}

export const authPlugin = fp(async (app: FastifyInstance, deps: AppDeps) => {
  app.decorateRequest('locale', 'en');
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('tokenActor', null);

  /**
   * Access, CSRF and locale once the caller is known. Throws the request's refusal.
   */
  function admit(request: FastifyRequest, access: 'public' | 'user') {
    request.locale =
      request.auth?.user.locale ?? negotiateLocale(request.headers['accept-language']);

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
  }

  const admitted = (
    request: FastifyRequest,
    access: 'public' | 'user',
    done: (error?: Error) => void,
  ) => {
    try {
      admit(request, access);
    } catch (error) {
      return done(error as Error);
    }
    done();
  };

  // A callback hook: a request without a session or token (the storefront, the probes, the
  // web app's files) is admitted without a promise; only a look-up waits.
  app.addHook('onRequest', (request, reply, done) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined && request.url.startsWith('/api/')) {
      authenticateToken(request, reply, deps, authorization).then(() => done(), done);
      return;
    }
    const token = sessionTokenOf(request);
    request.sessionToken = token;
    // API routes are private unless marked public; the web app's static files are public.
    // (`routeOptions` builds a new object on every read: read once.)
    const api = request.url.startsWith('/api/');
    const access = request.routeOptions.config.access ?? (api ? 'user' : 'public');
    // The web app's files and pages are the same for everyone: reading them needs no session.
    // A signed-in page loads some 70 of them at once, and resolving the session for each one
    // kept the database busy while the page's own data waited (QUALITY W2).
    const webFile = !api && access === 'public' && SAFE.has(request.method);
    if (!token || token.length > 100 || webFile) return admitted(request, access, done);
    authenticate(deps.account, token).then((auth) => {
      request.auth = auth;
      admitted(request, access, done);
    }, done);
  });
});
