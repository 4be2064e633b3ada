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
  AppError,
  claimIdempotencyKey,
  recordIdempotentResponse,
  releaseIdempotencyKey,
  type IdempotencyDeps,
  type Clock,
  type CommandRequest,
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
  /** The status of the answer stored inside the use case's own transaction, if it was. */
  storedInTransaction: number | null;
  /** The application clock, for the time the answer is stored. */
  clock: Clock;
}

/** An answer of an idempotent route: what `sendAnswer` sends and a retry replays. */
export interface Answer {
  status: number;
  /** Headers a retry repeats (ETag, Location). */
  headers?: Record<string, string>;
  body: unknown;
}

/** Sends `answer`. */
export const sendAnswer = (reply: FastifyReply, answer: Answer) =>
  reply
    .code(answer.status)
    .headers(answer.headers ?? {})
    .send(answer.body);

/**
 * The request to hand a creating use case on an idempotent route. Under an Idempotency-Key,
 * the answer `render` makes of the use case's result is stored in the command's own
 * transaction, so a crash after the work commits can never let a retry run it again; if the
 * claim was taken over meanwhile (its lease ended), the work rolls back instead (ADR 005).
 */
export function idempotentRequest<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  render: (result: T) => Answer,
): CommandRequest {
  const held = request.idempotency;
  if (!held) return String(request.id);
  return {
    id: String(request.id),
    commitWith: async (tx, result) => {
      const answer = render(result as T);
      // The route's own serializer, for the answer's status: the stored body is the one sent.
      const serialized = reply.code(answer.status).serialize(answer.body);
      const body =
        typeof serialized === 'string'
          ? serialized
          : Buffer.from(serialized as Uint8Array).toString('utf8');
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        ...answer.headers,
      };
      const stored = await tx.idempotency.completeIdempotencyKey(
        held.request.userId,
        held.request.keyHash,
        held.claimId,
        { status: answer.status, headers, body: seal(held.key, held.request.userId, body) },
        held.clock.now(),
      );
      if (!stored) {
        throw new AppError('IDEMPOTENCY_IN_FLIGHT', {
          retryAfterSeconds: 1,
          message: 'the Idempotency-Key was taken over by a retry while this request ran',
        });
      }
      held.storedInTransaction = answer.status;
    },
  };
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** The answer headers a replay repeats; the rest (request id, cookies) belong to each answer. */
const STORED_HEADERS = ['content-type', 'etag', 'location'] as const;

export const IdempotencyKeySchema = z
  .string()
  .max(255, { error: 'issue.invalid' })
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
  async function claim(request: FastifyRequest, reply: FastifyReply) {
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    // Keys belong to a caller; without one there is nobody to replay to.
    const userId = principalIdOf(request);
    if (typeof key !== 'string' || !userId) return;
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
    request.idempotency = {
      request: held,
      claimId: decision.claimId,
      key,
      settled: false,
      storedInTransaction: null,
      clock: deps.clock,
    };
  }

  /** Stores the answer of a request that ran (2xx, 4xx), or releases the key (5xx). */
  async function settle(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const held = request.idempotency;
    if (!held || held.settled) return payload;
    held.settled = true;
    // Stored with the work, and the work committed (this is its answer).
    if (held.storedInTransaction === reply.statusCode) return payload;
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
