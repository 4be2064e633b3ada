/** Repository port of idempotency keys (ADR 005). */

/** An idempotency key as stored (ADR 005): one per user and key, kept for 24 hours. */
export interface IdempotencyRecord {
  userId: string;
  /** sha256 of the Idempotency-Key: the key itself decrypts the stored answer and is not stored. */
  keyHash: string;
  method: string;
  /** The request path with its query. */
  path: string;
  /** sha256 of the canonical JSON request body. */
  requestHash: string;
  /** Who holds the key while the request runs; completing or releasing needs the same id. */
  claimId: string;
  /** The answer once the request has completed; null while it is in flight. */
  response: StoredResponse | null;
  createdAt: Date;
  completedAt: Date | null;
  expiresAt: Date;
}

/** An HTTP answer kept for replay: status, the headers that matter, the (sealed) body. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Idempotency keys and their stored answers. */
export interface IdempotencyRepository {
  /**
   * Claims a user's idempotency key for a request: inserts it, or takes over a row that has
   * expired or whose claim was abandoned (in flight since before `staleBefore`). One statement,
   * so of concurrent claims exactly one succeeds. False when someone else holds the key.
   */
  claimIdempotencyKey(input: {
    userId: string;
    keyHash: string;
    method: string;
    path: string;
    requestHash: string;
    claimId: string;
    now: Date;
    expiresAt: Date;
    staleBefore: Date;
  }): Promise<boolean>;
  findIdempotencyKey(userId: string, keyHash: string): Promise<IdempotencyRecord | null>;
  /** Stores the answer under the claim; false when the claim was lost meanwhile. */
  completeIdempotencyKey(
    userId: string,
    keyHash: string,
    claimId: string,
    response: StoredResponse,
    at: Date,
  ): Promise<boolean>;
  /** Gives the key up if `claimId` still holds it. */
  releaseIdempotencyKey(userId: string, keyHash: string, claimId: string): Promise<void>;
  /** Deletes up to `limit` keys that expired at or before `now`; returns how many. */
  deleteExpiredIdempotencyKeys(now: Date, limit: number): Promise<number>;
}
