/**
 * Idempotency keys (QUALITY R6, docs/decisions/005-idempotency-keys.md). A creating POST says
 * `config: { idempotent: true }`; a signed-in caller may then send `Idempotency-Key` (1–255
 * visible ASCII characters) and retry safely:
 * - the first request claims the key (one INSERT … ON CONFLICT, so of concurrent identical
 *   requests exactly one runs the handler) and its answer is stored, 2xx and 4xx alike;
 * - a retry with the same method, path and body gets that answer again, with
 *   `Idempotent-Replayed: true`; another body or path under the key gets 422, and a retry
 *   while the first is still running 409;
 * - a 5xx or a thrown handler releases the key, so the retry runs again.
 * Keys are per user (anonymous requests are not idempotent) and kept 24 hours. Only the key's
 * sha256 is stored, and the answer is sealed with a key derived from the Idempotency-Key: the
 * database alone yields neither, and answers can hold secrets (invitation links).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import {
  claimIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  recordIdempotentResponse,
  releaseIdempotencyKey,
  type IdempotencyDeps,
  type IdempotentRequest,
} from '@cosell/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { principalIdOf } from './auth';
import { appendHook, withHeaders } from './concurrency';
import { ProblemSchema } from './problem';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route creates something: it honours Idempotency-Key (ADR 005). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The key this request holds while it runs, on idempotent routes. */
    idempotency: HeldKey | null;
  }
}

interface HeldKey {
  request: IdempotentRequest;
  claimId: string;
  /** The Idempotency-Key as sent: it seals the stored answer. */
  key: string;
  /** Set once the answer is stored or the key released. */
  settled: boolean;
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** The answer headers a replay repeats; the rest (request id, cookies) belong to each answer. */
const STORED_HEADERS = ['content-type', 'etag', 'location'] as const;
/** How often (by the application clock) a request also sweeps expired keys. */
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

export const IdempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, { error: 'issue.invalid' })
  .optional()
  .describe(
    'A key of your choosing (1–255 visible ASCII characters; a random UUID is best) that makes ' +
      'retries safe for 24 hours: the same request again returns the first answer with ' +
      '`Idempotent-Replayed: true`; another request under the key gets 422, and one made while ' +
      'the first is still running 409.',
  );

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const SEAL_INFO = 'cosell idempotent answer v1';
const sealingKey = (key: string, userId: string) =>
  Buffer.from(hkdfSync('sha256', key, userId, SEAL_INFO, 32));

/** AES-256-GCM under a key derived from the Idempotency-Key: iv, tag and ciphertext, base64url. */
function seal(key: string, userId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key, userId), iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
}

function unseal(key: string, userId: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key, userId), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** Claims, replays and stores answers on routes with `config.idempotent`; before the routes. */
export const idempotencyPlugin = fp(async (app: FastifyInstance, deps: AppDeps) => {
  const idempotency: IdempotencyDeps = { uow: deps.account.uow, clock: deps.clock };
  let nextCleanupAt = Number.NEGATIVE_INFINITY;

  /** Sweeps expired keys now and then, until the job queue does it on a schedule. */
  async function sweepOccasionally(request: FastifyRequest) {
    const now = deps.clock.now().getTime();
    if (now < nextCleanupAt) return;
    nextCleanupAt = now + CLEANUP_INTERVAL_MS;
    try {
      await deleteExpiredIdempotencyKeys(idempotency, { batchSize: 500, maxBatches: 1 });
    } catch (error) {
      request.log.warn({ err: error }, 'expired idempotency keys not swept');
    }
  }

  async function claim(request: FastifyRequest, reply: FastifyReply) {
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    // Keys belong to a caller; without one there is nobody to replay to.
    const userId = principalIdOf(request);
    if (typeof key !== 'string' || !userId) return;
    await sweepOccasionally(request);
    const held: IdempotentRequest = {
      userId,
      keyHash: sha256(key),
      method: request.method,
      path: request.url,
      // The body as validated (trimmed, defaults filled), keys sorted: equal meaning, equal hash.
      requestHash: sha256(canonicalJson(request.body ?? null)),
    };
    const decision = await claimIdempotencyKey(idempotency, held, randomUUID());
    if (decision.kind === 'replay') {
      const { status, headers, body } = decision.response;
      reply.code(status).headers(headers).header(REPLAYED_HEADER, 'true');
      return reply.send(unseal(key, userId, body));
    }
    request.idempotency = { request: held, claimId: decision.claimId, key, settled: false };
  }

  /** Stores the answer of a request that ran (2xx, 4xx), or releases the key (5xx). */
  async function settle(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const held = request.idempotency;
    if (!held || held.settled) return payload;
    held.settled = true;
    const body =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : null;
    try {
      if (reply.statusCode >= 500 || body === null) {
        await releaseIdempotencyKey(idempotency, held.request, held.claimId);
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of STORED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const stored = await recordIdempotentResponse(idempotency, held.request, held.claimId, {
        status: reply.statusCode,
        headers,
        body: seal(held.key, held.request.userId, body),
      });
      if (!stored) request.log.warn('idempotency key taken over before its answer was stored');
    } catch (error) {
      // Neither stored nor released: the key stays in flight until its lease ends (ADR 005).
      request.log.error({ err: error }, 'idempotent answer not stored');
    }
    return payload;
  }

  /** A request that ended without an answer passing through onSend gives its key back. */
  async function releaseUnsettled(request: FastifyRequest) {
    const held = request.idempotency;
    if (!held || held.settled) return;
    held.settled = true;
    await releaseIdempotencyKey(idempotency, held.request, held.claimId).catch((error: unknown) =>
      request.log.error({ err: error }, 'idempotency key not released'),
    );
  }

  app.decorateRequest('idempotency', null);
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    const response = (route.schema?.response ?? {}) as Record<string, unknown>;
    route.schema = {
      ...route.schema,
      headers: withHeaders(route.schema?.headers, {
        [IDEMPOTENCY_KEY_HEADER]: IdempotencyKeySchema,
      }),
      response: { ...response, 409: ProblemSchema, 422: ProblemSchema },
    };
    route.preHandler = appendHook(route.preHandler, claim);
    route.onSend = appendHook(route.onSend, settle);
    route.onResponse = appendHook(route.onResponse, releaseUnsettled);
  });
});
