/**
 * Database round trips of a signed-in tenant read on PostgreSQL (QUALITY P2): at most four,
 * BEGIN and COMMIT included: the session with its person and memberships in one, BEGIN with
 * the tenant scope in one, the read, COMMIT. Every query any pooled connection sends is counted.
 * The published rate limits (ADR 014) add no round trip to a request: each process counts in
 * memory and adds its hits to the shared table a few times a second, in one statement for all
 * keys. Measured apart, with the limiter off and then on.
 */
import { testDatabaseKind } from '@cosell/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

const MAX_ROUND_TRIPS = 4;

const originalQuery = pg.Client.prototype.query;
/** Records the text of every query any pooled connection sends (they all go through Client#query). */
function recordQueries(sent: string[]) {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    sent.push(typeof config === 'string' ? config : String((config as { text?: string }).text));
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
}

describe.runIf(testDatabaseKind() === 'postgres')('round trips of a signed-in read', () => {
  let ctx: TestContext;
  let world: World;
  let base: string;
  let offerId: string;
  const sent: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ RATE_LIMITS: 'false' });
    world = await seedWorld(ctx.deps);
    base = `/api/organisations/${world.partnerA.organisation.id}/offers`;
    const created = await as(ctx.app, world.partnerA.owner).post(base, {
      name: 'Contoso Analytics',
      alias: 'contoso-analytics',
      offerType: 'saas',
      markets: ['US'],
    });
    expect(created.statusCode, created.body).toBe(201);
    offerId = json<{ id: string }>(created).id;
    recordQueries(sent);
  });
  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    await ctx?.close();
  });

  /** The queries `request` sends, with its response. */
  const counted = async <T>(request: () => Promise<T>) => {
    sent.length = 0;
    const response = await request();
    return { response, queries: [...sent] };
  };

  it('reads one offer by session cookie in at most four round trips', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const { response, queries } = await counted(() => owner.get(`${base}/${offerId}`));
    expect(response.statusCode, response.body).toBe(200);
    expect(json<{ id: string }>(response).id).toBe(offerId);
    expect(queries.length, queries.map((q) => q.slice(0, 120)).join('\n')).toBeLessThanOrEqual(
      MAX_ROUND_TRIPS,
    );
  });

  it('reads one offer with an API token in at most four round trips, marking its use', async () => {
    const created = await as(ctx.app, world.partnerA.owner).post('/api/tokens', {
      name: 'crm',
      scopes: ['offers:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const secret = json<{ secret: string }>(created).secret;
    const read = () =>
      ctx.app.inject({
        method: 'GET',
        url: `${base}/${offerId}`,
        headers: { authorization: `Bearer ${secret}` },
        remoteAddress: '192.0.2.7',
      });
    const { response, queries } = await counted(read);
    expect(response.statusCode, response.body).toBe(200);
    expect(json<{ id: string }>(response).id).toBe(offerId);
    expect(queries.length, queries.map((q) => q.slice(0, 120)).join('\n')).toBeLessThanOrEqual(
      MAX_ROUND_TRIPS,
    );
    const { rows } = await ctx.database.pool!.query<{ ip: string; at: Date }>(
      `select last_used_ip as ip, last_used_at as at from api_tokens where name = 'crm'`,
    );
    expect(rows[0]).toMatchObject({ ip: '192.0.2.7', at: ctx.clock.now() });
  });

  it('lists offers, with their total, in at most four round trips', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const { response, queries } = await counted(() => owner.get(base));
    expect(response.statusCode, response.body).toBe(200);
    expect(json<{ items: { id: string }[]; total: number }>(response)).toMatchObject({
      items: [{ id: offerId }],
      total: 1,
    });
    expect(queries.length, queries.map((q) => q.slice(0, 120)).join('\n')).toBeLessThanOrEqual(
      MAX_ROUND_TRIPS,
    );
  });

  it('marks a session seen within the same round trips, at most once a minute', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const lastSeen = async () => {
      const { rows } = await ctx.database.pool!.query<{ at: Date }>(
        'select max(last_seen_at) as at from sessions s join users u on u.id = s.user_id where u.email = $1',
        ['owner@a.test'],
      );
      return rows[0]!.at.getTime();
    };
    ctx.clock.advance(2 * 60_000);
    const stale = await counted(() => owner.get(`${base}/${offerId}`));
    expect(stale.response.statusCode).toBe(200);
    expect(stale.queries.length).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    const marked = await lastSeen();
    expect(marked).toBe(ctx.clock.now().getTime());

    ctx.clock.advance(30_000);
    await owner.get(`${base}/${offerId}`);
    expect(await lastSeen()).toBe(marked);
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('round trips with the rate limiter on', () => {
  let ctx: TestContext;
  let world: World;
  const sent: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    recordQueries(sent);
  });
  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    await ctx?.close();
  });

  it('adds no round trip to a signed-in read, and announces the quota', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const url = `/api/organisations/${world.partnerA.organisation.id}/offers`;
    await owner.get(url);
    sent.length = 0;
    const response = await owner.get(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['ratelimit-policy']).toMatch(/^"organisation-reads";q=\d+;w=\d+$/);
    expect(sent.filter((q) => q.includes('rate_limits'))).toHaveLength(0);
    expect(sent.length, sent.map((q) => q.slice(0, 120)).join('\n')).toBeLessThanOrEqual(
      MAX_ROUND_TRIPS,
    );
    // The hits reach the shared table within a flush interval, in one statement.
    sent.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sent.filter((q) => q.includes('rate_limits'))).toHaveLength(1);
  });
});
