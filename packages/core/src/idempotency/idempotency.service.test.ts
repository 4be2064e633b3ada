import { beforeEach, describe, expect, it } from 'vitest';
import { createFakes, type Fakes } from '../testing';
import type { StoredResponse } from './idempotency.ports';
import * as sut from './idempotency.service';

let fakes: Fakes;
let deps: sut.IdempotencyDeps;

beforeEach(() => {
  fakes = createFakes();
  deps = { uow: fakes.uow, clock: fakes.clock };
});

const REQUEST: sut.IdempotentRequest = {
  userId: 'user-1',
  keyHash: 'key-hash-1',
  method: 'POST',
  path: '/api/v1/organisations/org-1/offers',
  requestHash: 'body-hash-1',
};
const RESPONSE: StoredResponse = {
  status: 201,
  headers: { etag: '"1"', location: '/api/v1/offers/1' },
  body: 'sealed-body',
};

describe(sut.claimIdempotencyKey.name, () => {
  it('should let the first request with a key run, holding the key for a day', async () => {
    await expect(sut.claimIdempotencyKey(deps, REQUEST, 'claim-1')).resolves.toEqual({
      kind: 'run',
      claimId: 'claim-1',
    });

    expect(fakes.state.idempotencyKeys).toEqual([
      expect.objectContaining({
        userId: 'user-1',
        keyHash: 'key-hash-1',
        claimId: 'claim-1',
        response: null,
        expiresAt: new Date(fakes.clock.now().getTime() + sut.IDEMPOTENCY_TTL_MS),
      }),
    ]);
    expect(fakes.uow.runs[0]!.scope).toEqual({ userId: 'user-1' });
  });

  it('should replay the stored answer to a retry of the same request', async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');
    await sut.recordIdempotentResponse(deps, REQUEST, 'claim-1', RESPONSE);

    await expect(sut.claimIdempotencyKey(deps, REQUEST, 'claim-2')).resolves.toEqual({
      kind: 'replay',
      response: RESPONSE,
    });
  });

  it('should tell a retry to wait while the first request is still running', async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');
    fakes.clock.advance(30_000);

    await expect(sut.claimIdempotencyKey(deps, REQUEST, 'claim-2')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_IN_FLIGHT',
      retryAfterSeconds: 1,
    });
  });

  it.each([
    ['another body', { requestHash: 'body-hash-2' }],
    ['another method', { method: 'PUT' }],
    ['another path', { path: '/api/v1/organisations/org-2/offers' }],
  ])('should refuse the key reused for %s with IDEMPOTENCY_MISMATCH', async (_, change) => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');
    await sut.recordIdempotentResponse(deps, REQUEST, 'claim-1', RESPONSE);

    await expect(
      sut.claimIdempotencyKey(deps, { ...REQUEST, ...change }, 'claim-2'),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
  });

  it("should keep one user's keys apart from another's", async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');

    await expect(
      sut.claimIdempotencyKey(deps, { ...REQUEST, userId: 'user-2' }, 'claim-2'),
    ).resolves.toEqual({ kind: 'run', claimId: 'claim-2' });
  });

  it('should let a retry take over a claim abandoned for more than a minute', async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');
    fakes.clock.advance(sut.IDEMPOTENCY_LEASE_MS + 1);

    await expect(sut.claimIdempotencyKey(deps, REQUEST, 'claim-2')).resolves.toEqual({
      kind: 'run',
      claimId: 'claim-2',
    });
    await expect(sut.recordIdempotentResponse(deps, REQUEST, 'claim-1', RESPONSE)).resolves.toBe(
      false,
    );
  });

  it('should free a key after its day, for any request', async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');
    await sut.recordIdempotentResponse(deps, REQUEST, 'claim-1', RESPONSE);
    fakes.clock.advance(sut.IDEMPOTENCY_TTL_MS);

    await expect(
      sut.claimIdempotencyKey(deps, { ...REQUEST, requestHash: 'body-hash-2' }, 'claim-2'),
    ).resolves.toEqual({ kind: 'run', claimId: 'claim-2' });
  });
});

describe(sut.recordIdempotentResponse.name, () => {
  it('should store the answer under the claim that ran the request', async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');

    await expect(sut.recordIdempotentResponse(deps, REQUEST, 'claim-1', RESPONSE)).resolves.toBe(
      true,
    );

    expect(fakes.state.idempotencyKeys[0]).toMatchObject({
      response: RESPONSE,
      completedAt: fakes.clock.now(),
    });
  });

  it('should store nothing for a claim it does not hold', async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');

    await expect(sut.recordIdempotentResponse(deps, REQUEST, 'claim-9', RESPONSE)).resolves.toBe(
      false,
    );
    expect(fakes.state.idempotencyKeys[0]!.response).toBeNull();
  });
});

describe(sut.releaseIdempotencyKey.name, () => {
  it('should give the key back so that a retry runs again', async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');

    await sut.releaseIdempotencyKey(deps, REQUEST, 'claim-1');

    await expect(sut.claimIdempotencyKey(deps, REQUEST, 'claim-2')).resolves.toEqual({
      kind: 'run',
      claimId: 'claim-2',
    });
  });

  it('should neither release a completed key nor a claim held by another request', async () => {
    await sut.claimIdempotencyKey(deps, REQUEST, 'claim-1');
    await sut.releaseIdempotencyKey(deps, REQUEST, 'claim-9');
    expect(fakes.state.idempotencyKeys).toHaveLength(1);

    await sut.recordIdempotentResponse(deps, REQUEST, 'claim-1', RESPONSE);
    await sut.releaseIdempotencyKey(deps, REQUEST, 'claim-1');
    await expect(sut.claimIdempotencyKey(deps, REQUEST, 'claim-2')).resolves.toMatchObject({
      kind: 'replay',
    });
  });
});

describe(sut.deleteExpiredIdempotencyKeys.name, () => {
  const claimMany = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await sut.claimIdempotencyKey(deps, { ...REQUEST, keyHash: `key-${i}` }, `claim-${i}`);
    }
  };

  it('should delete the keys past their day, batch by batch, and keep the others', async () => {
    await claimMany(5);
    fakes.clock.advance(sut.IDEMPOTENCY_TTL_MS);
    await sut.claimIdempotencyKey(deps, { ...REQUEST, keyHash: 'fresh' }, 'claim-fresh');
    const runs = fakes.uow.runs.length;

    await expect(sut.deleteExpiredIdempotencyKeys(deps, { batchSize: 2 })).resolves.toBe(5);

    expect(fakes.state.idempotencyKeys.map((k) => k.keyHash)).toEqual(['fresh']);
    expect(fakes.uow.runs.length - runs).toBe(3);
  });

  it('should stop after the batches it may run', async () => {
    await claimMany(5);
    fakes.clock.advance(sut.IDEMPOTENCY_TTL_MS);

    await expect(
      sut.deleteExpiredIdempotencyKeys(deps, { batchSize: 2, maxBatches: 1 }),
    ).resolves.toBe(2);
    expect(fakes.state.idempotencyKeys).toHaveLength(3);
  });
});
