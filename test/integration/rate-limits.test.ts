/**
 * Published rate limits (ADR 014), with small configured quotas: per organisation for
 * sessions, per API token, per address for anonymous calls; 429 problem+json with Retry-After
 * and the IETF RateLimit-Policy / RateLimit headers; the window resets; old counters are swept.
 */
import { createSharedRateLimitCounter } from '@cosell/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

let ctx: TestContext;
let world: World;

beforeAll(async () => {
  ctx = await createTestContext({
    // An hour: the whole file runs inside one window (a boundary in the middle is unlikely).
    RATE_LIMIT_WINDOW_SECONDS: '3600',
    RATE_LIMIT_READS: '3',
    RATE_LIMIT_WRITES: '2',
    RATE_LIMIT_ANONYMOUS: '4',
  });
  world = await seedWorld(ctx.deps);
});
afterAll(() => ctx.close());

const offersOf = (organisationId: string) => `/api/organisations/${organisationId}/offers`;

describe('rate limits', () => {
  it('limits reads per organisation of a session, with the published headers', async () => {
    const a = world.partnerA.organisation.id;
    const first = await as(ctx.app, world.partnerA.owner).get(offersOf(a));
    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-policy']).toBe('"organisation-reads";q=3;w=3600');
    expect(first.headers['ratelimit']).toMatch(/^"organisation-reads";r=2;t=\d+$/);
    // The viewer of the same organisation shares its quota.
    expect((await as(ctx.app, world.partnerA.viewer).get(offersOf(a))).statusCode).toBe(200);
    expect((await as(ctx.app, world.partnerA.owner).get(offersOf(a))).statusCode).toBe(200);

    const refused = await as(ctx.app, world.partnerA.owner).get(offersOf(a));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(json<{ code: string }>(refused).code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers['ratelimit']).toBe(`"organisation-reads";r=0;t=${retryAfter}`);

    // Writes have their own quota; another organisation is not affected.
    const write = await as(ctx.app, world.partnerA.owner).post(offersOf(a), {
      name: 'Limited offer',
      alias: 'limited-offer',
      offerType: 'saas',
    });
    expect(write.statusCode).toBe(201);
    expect(write.headers['ratelimit-policy']).toBe('"organisation-writes";q=2;w=3600');
    const b = world.partnerB.organisation.id;
    expect((await as(ctx.app, world.partnerB.owner).get(offersOf(b))).statusCode).toBe(200);
  });

  it('limits each API token on its own', async () => {
    const created = await as(ctx.app, world.partnerB.owner).post('/api/tokens', {
      name: 'crm',
      scopes: ['offers:read'],
    });
    expect(created.statusCode).toBe(201);
    const secret = json<{ secret: string }>(created).secret;
    const read = () =>
      ctx.app.inject({
        method: 'GET',
        url: offersOf(world.partnerB.organisation.id),
        headers: { authorization: `Bearer ${secret}` },
      });
    const answers = [await read(), await read(), await read(), await read()];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers['ratelimit-policy']).toBe('"token-reads";q=3;w=3600');
  });

  it('limits anonymous calls per address', async () => {
    const from = (remoteAddress: string) =>
      ctx.app.inject({ method: 'GET', url: '/api/storefront/offers', remoteAddress });
    const answers = [];
    for (let n = 0; n < 5; n++) answers.push((await from('192.0.2.10')).statusCode);
    expect(answers).toEqual([200, 200, 200, 200, 429]);
    const other = await from('192.0.2.11');
    expect(other.statusCode).toBe(200);
    expect(other.headers['ratelimit-policy']).toBe('"anonymous";q=4;w=3600');
  });

  it('starts each window afresh', async () => {
    const handle = await ctx.deps.database.ready;
    const counter = createSharedRateLimitCounter(handle.db, { flushMs: 60_000, keepMs: 60_000 });
    const first = new Date('2021-05-01T10:00:00Z');
    expect(counter.hit('test:window', first)).toBe(1);
    expect(counter.hit('test:window', first)).toBe(2);
    await counter.flush();
    expect(counter.hit('test:window', new Date('2021-05-01T10:00:10Z'))).toBe(1);
    await counter.close();
    expect(await storedHits('test:window')).toBe(1);
  });

  it('adds up the hits of every process in the shared table, one flush late at most', async () => {
    const handle = await ctx.deps.database.ready;
    const options = { flushMs: 60_000, keepMs: 60_000 };
    const one = createSharedRateLimitCounter(handle.db, options);
    const two = createSharedRateLimitCounter(handle.db, options);
    const window = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    for (let n = 0; n < 5; n++) one.hit('test:shared', window);
    expect(two.hit('test:shared', window)).toBe(1);
    await one.flush();
    await two.flush();
    // Two has seen one's five; one sees two's hit once it flushes again.
    expect(two.hit('test:shared', window)).toBe(7);
    expect(one.hit('test:shared', window)).toBe(6);
    await one.flush();
    expect(one.hit('test:shared', window)).toBe(8);
    await Promise.all([one.close(), two.close()]);
    expect(await storedHits('test:shared')).toBe(9);
  });

  it('counts the hits of a flush still on its way to the table', async () => {
    const handle = await ctx.deps.database.ready;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const db = new Proxy(handle.db, {
      get: (target, property, receiver) =>
        property === 'execute'
          ? async (...args: unknown[]) => {
              started();
              await gate;
              return (target.execute as (...a: unknown[]) => unknown).apply(target, args);
            }
          : (Reflect.get(target, property, receiver) as unknown),
    });
    const counter = createSharedRateLimitCounter(db, { flushMs: 60_000, keepMs: 60_000 });
    const window = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    counter.hit('test:in-flight', window);
    counter.hit('test:in-flight', window);
    const flushed = counter.flush();
    await sending;
    // Two hits are on their way to the table: the third request is the third, not the first.
    expect(counter.hit('test:in-flight', window)).toBe(3);
    release();
    await flushed;
    expect(counter.hit('test:in-flight', window)).toBe(4);
    await counter.close();
    expect(await storedHits('test:in-flight')).toBe(4);
  });

  it('keeps hits it could not save and sends them with the next flush', async () => {
    const handle = await ctx.deps.database.ready;
    let broken = true;
    const db = new Proxy(handle.db, {
      get: (target, property, receiver) =>
        property === 'execute' && broken
          ? () => Promise.reject(new Error('connection refused'))
          : (Reflect.get(target, property, receiver) as unknown),
    });
    const counter = createSharedRateLimitCounter(db, { flushMs: 60_000, keepMs: 60_000 });
    const window = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    counter.hit('test:outage', window);
    counter.hit('test:outage', window);
    await expect(counter.flush()).rejects.toThrow('connection refused');
    broken = false;
    counter.hit('test:outage', window);
    await counter.close();
    expect(await storedHits('test:outage')).toBe(3);
  });

  it('sweeps counters of long-past windows', async () => {
    const handle = await ctx.deps.database.ready;
    const old = createSharedRateLimitCounter(handle.db, { flushMs: 60_000, keepMs: 60_000 });
    const past = new Date('2020-01-01T00:00:00Z');
    old.hit('test:old-1', past);
    old.hit('test:old-2', past);
    await old.close();
    expect(await storedHits('test:old-1')).toBe(1);
    // A process's first flush sweeps windows over for longer than `keepMs`.
    const counter = createSharedRateLimitCounter(handle.db, { flushMs: 60_000, keepMs: 60_000 });
    counter.hit('test:current', new Date());
    await counter.close();
    expect(await storedHits('test:old-1')).toBeNull();
    expect(await storedHits('test:old-2')).toBeNull();
    expect(await storedHits('test:current')).toBe(1);
  });
});

async function storedHits(key: string): Promise<number | null> {
  const handle = await ctx.deps.database.ready;
  const result = (await handle.db.execute(
    sql`select hits from rate_limits where key = ${key}`,
  )) as unknown as { rows: { hits: number }[] };
  return result.rows[0] ? Number(result.rows[0].hits) : null;
}
