/**
 * Idempotency keys (QUALITY R6, ADR 005): a client that retries a creating request with the
 * same Idempotency-Key gets the first answer again instead of a second object. The HTTP layer
 * hashes and seals; these use cases decide, over the repositories, whether a request runs,
 * replays or is refused.
 */
import { AppError } from '../errors';
import type { Clock } from '../ports';
import type { StoredResponse } from './idempotency.ports';
import type { UnitOfWork } from '../transaction';

/** How long a key is kept: within this window a retry replays, after it the key may be reused. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long a claim may stay in flight before another request may take the key over. A process
 * killed mid-request leaves its claim behind; requests here finish in seconds (statement
 * timeout 15 s), so a minute-old claim is abandoned, and its retry must not wait a day.
 */
export const IDEMPOTENCY_LEASE_MS = 60 * 1000;

/** Seconds a client is told to wait before retrying a request whose key is in flight. */
const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

export interface IdempotencyDeps {
  uow: UnitOfWork;
  clock: Clock;
}

/** One request under an Idempotency-Key, as the HTTP layer describes it. */
export interface IdempotentRequest {
  /** The caller: keys are per user, so two users' keys never collide. */
  userId: string;
  /** sha256 of the Idempotency-Key. */
  keyHash: string;
  method: string;
  /** Path and query. */
  path: string;
  /** sha256 of the canonical request body. */
  requestHash: string;
}

/** What to do with a request: run it (holding the claim) or replay the stored answer. */
export type IdempotencyDecision =
  { kind: 'run'; claimId: string } | { kind: 'replay'; response: StoredResponse };

/**
 * Claims the key for `request`, or says why it does not run: the stored answer of the same
 * request to replay, IDEMPOTENCY_MISMATCH for a different request under the key, or
 * IDEMPOTENCY_IN_FLIGHT while the first one is still running.
 */
export async function claimIdempotencyKey(
  deps: IdempotencyDeps,
  request: IdempotentRequest,
  claimId: string,
): Promise<IdempotencyDecision> {
  const scope = { userId: request.userId };
  // Two rounds at most: the holder may release the key (it failed) between our insert and read.
  for (let round = 0; round < 2; round++) {
    const now = deps.clock.now();
    const claimed = await deps.uow.run(
      (tx) =>
        tx.idempotency.claimIdempotencyKey({
          ...request,
          claimId,
          now,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
          staleBefore: new Date(now.getTime() - IDEMPOTENCY_LEASE_MS),
        }),
      scope,
    );
    if (claimed) return { kind: 'run', claimId };
    const existing = await deps.uow.run(
      (tx) => tx.idempotency.findIdempotencyKey(request.userId, request.keyHash),
      scope,
    );
    if (!existing) continue;
    if (
      existing.method !== request.method ||
      existing.path !== request.path ||
      existing.requestHash !== request.requestHash
    ) {
      throw new AppError('IDEMPOTENCY_MISMATCH', {
        message: `the key was first used for ${existing.method} ${existing.path} with another body`,
      });
    }
    if (existing.response) return { kind: 'replay', response: existing.response };
    break;
  }
  throw new AppError('IDEMPOTENCY_IN_FLIGHT', { retryAfterSeconds: IN_FLIGHT_RETRY_AFTER_SECONDS });
}

/** Stores the answer of a request that ran under its claim, so retries replay it. */
export async function recordIdempotentResponse(
  deps: IdempotencyDeps,
  request: Pick<IdempotentRequest, 'userId' | 'keyHash'>,
  claimId: string,
  response: StoredResponse,
): Promise<boolean> {
  return deps.uow.run(
    (tx) =>
      tx.idempotency.completeIdempotencyKey(
        request.userId,
        request.keyHash,
        claimId,
        response,
        deps.clock.now(),
      ),
    { userId: request.userId },
  );
}

/** Gives the key back after a request failed on our side, so that a retry runs it again. */
export async function releaseIdempotencyKey(
  deps: IdempotencyDeps,
  request: Pick<IdempotentRequest, 'userId' | 'keyHash'>,
  claimId: string,
): Promise<void> {
  await deps.uow.run(
    (tx) => tx.idempotency.releaseIdempotencyKey(request.userId, request.keyHash, claimId),
    { userId: request.userId },
  );
}

/**
 * Deletes keys older than their 24 hours, in batches of `batchSize`, until none is left or
 * `maxBatches` ran; returns how many went. For the job queue, and called now and then by the
 * HTTP layer meanwhile.
 */
export async function deleteExpiredIdempotencyKeys(
  deps: IdempotencyDeps,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const now = deps.clock.now();
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    // One short transaction per batch: a large backlog never holds locks for long.
    const n = await deps.uow.run((tx) =>
      tx.idempotency.deleteExpiredIdempotencyKeys(now, batchSize),
    );
    deleted += n;
    if (n < batchSize) break;
  }
  return deleted;
}
