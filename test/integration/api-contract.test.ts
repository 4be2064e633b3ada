/**
 * What every API client relies on regardless of the route: the OpenAPI document, health
 * probes, request ids, security headers and RFC 9457 problem answers.
 */
import { testDatabaseKind } from '@cosell/db/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts an RFC 9457 problem answer and returns its body. */
function expectProblem(response: LightMyRequestResponse, status: number, code?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = json<{
    type: string;
    title: string;
    status: number;
    code: string;
    requestId: string;
  }>(response);
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^urn:cosell:problem:[a-z-]+$/),
      title: expect.any(String),
      status,
      code: code ?? expect.any(String),
      requestId: response.headers['x-request-id'],
    }),
  );
  expect(body.title.length).toBeGreaterThan(0);
  return body;
}

describe('API contract', () => {
  let ctx: TestContext;
  let world: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('publishes OpenAPI 3.1 documenting every registered route', async () => {
    const response = await as(ctx.app).get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const spec = json<OpenApi>(response);
    expect(spec.openapi).toMatch(/^3\.1\.\d+$/);
    const undocumented = ctx.app.registeredRoutes
      .map((route) => ({ route, path: route.url.replace(/:(\w+)/g, '{$1}') }))
      .filter(({ route, path }) => !spec.paths[path]?.[route.method.toLowerCase()])
      .map(({ route }) => `${route.method} ${route.url}`);
    expect(undocumented).toEqual([]);
    for (const route of ctx.app.registeredRoutes) {
      const operation =
        spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]![route.method.toLowerCase()]!;
      expect(operation.summary, `${route.method} ${route.url} summary`).toBeTruthy();
      expect(
        Object.keys(operation.responses ?? {}).length,
        `${route.method} ${route.url} responses`,
      ).toBeGreaterThan(0);
    }
  });

  it('serves the interactive API docs to anyone', async () => {
    const docs = await as(ctx.app).get('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expect(docs.body).toMatch(/<html/i);
  });

  it('answers liveness and readiness probes, and says when the database is away', async () => {
    const live = await as(ctx.app).get('/healthz');
    expect(live.statusCode).toBe(200);
    expect(json(live)).toEqual({ status: 'ok' });
    const ready = await as(ctx.app).get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(json(ready)).toEqual({ status: 'ready', database: testDatabaseKind() });

    const ping = ctx.deps.database.ping;
    ctx.deps.database.ping = async () => {
      throw new Error('connection refused');
    };
    try {
      const down = await as(ctx.app).get('/readyz');
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBeDefined();
      expect(json(down)).toEqual({ status: 'unavailable' });
    } finally {
      ctx.deps.database.ping = ping;
    }
  });

  it('gives every answer an x-request-id and echoes a valid incoming one', async () => {
    const answers = [
      await as(ctx.app).get('/healthz'),
      await as(ctx.app).get('/api/ping'),
      await as(ctx.app).get('/api/session'),
      await as(ctx.app, world.seller).get('/api/session'),
      await as(ctx.app).get('/api/no-such-route'),
      await as(ctx.app).post('/api/session', { email: 'nope' }),
    ];
    for (const answer of answers) expect(answer.headers['x-request-id']).toMatch(UUID);
    expect(new Set(answers.map((a) => a.headers['x-request-id'])).size).toBe(answers.length);

    const echoed = await as(ctx.app).get('/api/session', { 'x-request-id': 'trace-42.a:b_c' });
    expect(echoed.headers['x-request-id']).toBe('trace-42.a:b_c');
    expect(json(echoed).requestId).toBe('trace-42.a:b_c');
    for (const unusable of ['has spaces in it', 'x'.repeat(101), '<script>']) {
      const replaced = await as(ctx.app).get('/api/ping', { 'x-request-id': unusable });
      expect(replaced.headers['x-request-id']).toMatch(UUID);
    }
  });

  it('sets security headers on every answer, without HSTS on plain http', async () => {
    const answers = [
      await as(ctx.app).get('/healthz'),
      await as(ctx.app, world.seller).get('/api/program'),
      await as(ctx.app).get('/api/session'),
      await as(ctx.app).get('/api/no-such-route'),
      // Without TRUST_PROXY a forwarded scheme is not believed.
      await as(ctx.app).get('/api/ping', { 'x-forwarded-proto': 'https' }),
    ];
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
    // Pages and their files carry the document policies; API answers, JSON that is never
    // rendered, a policy that allows nothing.
    expect(answers[0]!.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(answers[0]!.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    for (const answer of answers.slice(1))
      expect(answer.headers['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    // API answers are personal: never stored by caches.
    expect(answers[1]!.headers['cache-control']).toBe('no-store');
  });

  it('answers errors as application/problem+json with type, title, status, code and requestId', async () => {
    expectProblem(await as(ctx.app).get('/api/session'), 401, 'UNAUTHENTICATED');
    expectProblem(
      await as(ctx.app, world.seller).post('/api/organisations', { kind: 'partner', name: 'Nope' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await as(ctx.app, world.admin).get('/api/organisations/00000000-0000-4000-8000-000000000000'),
      404,
      'NOT_FOUND',
    );
    const invalid = expectProblem(
      await as(ctx.app).post('/api/session', { email: 'nope' }),
      400,
      'VALIDATION',
    );
    expect(invalid).toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'email', pointer: '/body/email', code: 'email.invalid' }),
        expect.objectContaining({ field: 'password', pointer: '/body/password' }),
      ]),
    });
    const badParam = expectProblem(
      await as(ctx.app, world.admin).get('/api/organisations/not-a-uuid'),
      400,
      'VALIDATION',
    );
    expect(badParam).toMatchObject({
      errors: [expect.objectContaining({ pointer: '/params/organisationId' })],
    });
  });

  it('answers malformed JSON, a wrong media type and an oversize body with a problem', async () => {
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c",',
    });
    expectProblem(malformed, 400);
    const xml = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/xml' },
      payload: '<session><email>a@b.c</email></session>',
    });
    expectProblem(xml, 415);
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }),
    });
    expectProblem(huge, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown /api route with a 404 problem, signed in or not', async () => {
    expectProblem(await as(ctx.app).get('/api/no-such-route'), 404, 'NOT_FOUND');
    expectProblem(await as(ctx.app, world.seller).get('/api/no-such-route'), 404, 'NOT_FOUND');
    expectProblem(await as(ctx.app, world.seller).delete('/api/organisations'), 404, 'NOT_FOUND');
  });
});

describe('behind a trusted TLS-terminating proxy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ TRUST_PROXY: 'true' });
  });
  afterAll(() => ctx.close());

  it('sends HSTS only when the proxy says the request came over https', async () => {
    const https = await as(ctx.app).get('/api/ping', { 'x-forwarded-proto': 'https' });
    expect(
      Number(/max-age=(\d+)/.exec(String(https.headers['strict-transport-security']))![1]),
    ).toBeGreaterThanOrEqual(31_536_000);
    const http = await as(ctx.app).get('/api/ping', { 'x-forwarded-proto': 'http' });
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});
