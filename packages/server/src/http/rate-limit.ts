/**
 * Published rate limits (ADR 014). Every API request counts against one fixed window of
 * RATE_LIMIT_WINDOW_SECONDS: per API token, per organisation for signed-in sessions, per
 * address for anonymous calls; reads and writes have their own quota. On PostgreSQL the
 * counters live in the database, so every API process shares them: each process counts in
 * memory and adds its hits to the table a few times a second, so a request waits for no round
 * trip; on embedded PGlite, which one process alone may open, in that process's memory. Each answer carries
 * the IETF httpapi draft headers `RateLimit-Policy` and `RateLimit`; one over the quota is
 * refused with 429, `Retry-After` and a problem+json body.
 */
import { AppError } from '@cosell/core';
import { createSharedRateLimitCounter } from '@cosell/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { serializeList } from 'structured-headers';
import type { AppDeps } from '../deps';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Probes and the API docs are never limited: a load balancer must always reach them. */
const UNLIMITED = /^\/api\/(health|docs|openapi\.json)(\/|\?|$)/;
/**
 * How often each process adds its hits to the shared table: the longest another process can go
 * without seeing them, so the most a quota can be overshot is what the other processes serve in
 * this time.
 */
const FLUSH_MS = 200;

interface Bucket {
  /** The counter's key: who is counted, and whether for reads or writes. */
  key: string;
  /** The policy's name in the headers. */
  policy: string;
  quota: number;
}

type Limits = NonNullable<AppDeps['config']['rateLimits']>;

/** Whom a request counts against: its token, its session's organisation, or its address. */
export function bucketOf(request: FastifyRequest, limits: Limits): Bucket {
  const write = UNSAFE.has(request.method);
  const kind = write ? 'writes' : 'reads';
  const quota = write ? limits.writes : limits.reads;
  const token = request.tokenActor?.token;
  if (token) return { key: `token:${token.id}:${kind}`, policy: `token-${kind}`, quota };
  const auth = request.auth;
  if (auth) {
    const owner =
      auth.session.activeOrganisationId ??
      auth.memberships[0]?.organisationId ??
      `user-${auth.user.id}`;
    return { key: `organisation:${owner}:${kind}`, policy: `organisation-${kind}`, quota };
  }
  return { key: `address:${request.ip}`, policy: 'anonymous', quota: limits.anonymous };
}

export const rateLimitPlugin = fp(async (app: FastifyInstance, deps: AppDeps) => {
  const limits = deps.config.rateLimits;
  if (!limits) return;
  const windowMs = limits.windowSeconds * 1000;
  // PostgreSQL: the shared table. Embedded PGlite is opened by one process only (the
  // data-folder lock), so its counters stay in that process's memory (ADR 014).
  const counter = createSharedRateLimitCounter(
    deps.database.kind === 'postgres' ? deps.database.db : null,
    {
      flushMs: FLUSH_MS,
      // Counters of windows this old are of no use to anyone: swept.
      keepMs: Math.max(2 * windowMs, 60_000),
      // The limiter never takes the API down with it: the hits are sent again with the next
      // flush, and requests go on meanwhile (the database reports its own outage).
      onError: (error) => app.log.warn({ err: error }, 'rate limit counters not saved'),
    },
  );
  app.addHook('onClose', () => counter.close().catch(() => {}));
  // A policy's header and name never change: serialised once.
  const policies = new Map<string, { header: string; name: string }>();
  const policyOf = (bucket: Bucket) => {
    let policy = policies.get(bucket.policy);
    if (policy === undefined) {
      policy = {
        header: serializeList([
          [
            bucket.policy,
            new Map([
              ['q', bucket.quota],
              ['w', limits.windowSeconds],
            ]),
          ],
        ]),
        name: serializeList([[bucket.policy, new Map()]]),
      };
      policies.set(bucket.policy, policy);
    }
    return policy;
  };
  const policyHeader = (bucket: Bucket) => policyOf(bucket).header;
  const policyName = (bucket: Bucket) => policyOf(bucket).name;

  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/api/') || UNLIMITED.test(request.url) || request.is404)
      return done();
    const bucket = bucketOf(request, limits);
    // Wall-clock time, the same in every process: windows start on multiples of their length.
    const now = Date.now();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    const hits = counter.hit(bucket.key, new Date(windowStart));
    reply.header('ratelimit-policy', policyHeader(bucket));
    // The policy's name as a Structured Fields string, then two sf-integers: decimal digits.
    reply.header(
      'ratelimit',
      `${policyName(bucket)};r=${Math.max(0, bucket.quota - hits)};t=${resetSeconds}`,
    );
    if (hits > bucket.quota) {
      return done(
        new AppError('RATE_LIMITED', {
          message: `rate limit ${bucket.policy} exceeded`,
          messageKey: 'rateLimit.exceeded',
          params: { seconds: resetSeconds },
          retryAfterSeconds: resetSeconds,
        }),
      );
    }
    done();
  });
});
