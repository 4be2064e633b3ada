/**
 * The OpenAPI contract as a client (or a client generator) relies on it: stable, unique
 * operation ids and module tags; public operations without security and the others with the
 * session (plus the CSRF header on writes); every error answer problem+json with the one
 * Problem schema, and only the statuses a route can answer; and the server answering as the
 * document says.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOpenApi } from '../../packages/server/src/http/openapi';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
}
interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema: Schema }>;
}
interface Operation {
  operationId?: string;
  tags?: string[];
  description?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, Response>;
}
interface Document {
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema & { $id?: string }>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
const PROBLEM_REF = '#/components/schemas/Problem';

describe('OpenAPI contract', () => {
  let ctx: TestContext;
  let world: World;
  let spec: Document;
  let operations: { method: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    spec = json<Document>(await as(ctx.app).get('/api/openapi.json'));
    operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
    );
  });
  afterAll(() => ctx.close());

  const where = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path}`;
  const registered = () =>
    ctx.app.registeredRoutes.map((route) => ({
      ...route,
      operation: spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()],
    }));

  it('names every operation with a unique verb-first camelCase id and tags it with one module', () => {
    const tags = new Set(spec.tags.map((tag) => tag.name));
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(operations.length).toBeGreaterThan(60);
    for (const o of operations) {
      expect(o.operation.operationId, where(o)).toMatch(/^[a-z]+[A-Z]?[a-zA-Z0-9]*$/);
      expect(o.operation.tags, where(o)).toHaveLength(1);
      expect(tags, where(o)).toContain(o.operation.tags![0]);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // Client code is generated from these names: the ones the web app calls stay put.
    const id = (path: string, method: string) => spec.paths[path]![method]!.operationId;
    expect(id('/api/organisations/{organisationId}/offers', 'get')).toBe('listOffers');
    expect(id('/api/organisations/{organisationId}/offers/{offerId}', 'get')).toBe('getOffer');
    expect(id('/api/organisations/{organisationId}/offers/{offerId}/cosell', 'put')).toBe(
      'updateOfferCosell',
    );
    expect(
      id(
        '/api/organisations/{organisationId}/offers/{offerId}/contact-imports/{importId}/apply',
        'post',
      ),
    ).toBe('applyContactImport');
  });

  it('declares no security on public operations, and the session (CSRF on writes) on the others', () => {
    expect(spec.components.securitySchemes.csrf).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
    });
    expect(spec.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const routes = registered();
    // The probes (/healthz, /readyz) are public too, outside /api; so is a storefront visitor's
    // contact request, and "Forgot password?" (its options, the ask and the reset link).
    expect(routes.filter((route) => route.access === 'public')).toHaveLength(12);
    expect(spec.paths['/healthz']!.get!.security).toEqual([]);
    expect(spec.paths['/readyz']!.get!.security).toEqual([]);
    for (const route of routes) {
      const label = `${route.method} ${route.url}`;
      if (route.access === 'public') {
        expect(route.operation?.security, label).toEqual([]);
        // Only for a reason of its own (wrong credentials), never for want of a session.
        expect(route.operation!.responses['401']?.description ?? '', label).not.toMatch(
          /signed in/,
        );
      } else {
        const session = UNSAFE.has(route.method.toLowerCase())
          ? { session: [], csrf: [] }
          : { session: [] };
        expect(route.operation?.security?.[0], label).toEqual(session);
        expect(Object.keys(route.operation!.responses), label).toEqual(
          expect.arrayContaining(['401', '403']),
        );
      }
    }
  });

  it('answers every error as problem+json with the one Problem schema', () => {
    let errors = 0;
    for (const o of operations) {
      for (const [status, response] of Object.entries(o.operation.responses)) {
        expect(response.description, `${where(o)} ${status}`).not.toBe('Default Response');
        // The readiness probe's 503 is the one error answer that is not a problem.
        if (Number(status) < 400 || o.path === '/readyz') continue;
        errors++;
        expect(response.content, `${where(o)} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: PROBLEM_REF } },
        });
      }
      for (const status of ['414', '429', '500', '503']) {
        expect(Object.keys(o.operation.responses), where(o)).toContain(status);
      }
      expect(o.operation.responses['429']!.headers, where(o)).toHaveProperty('Retry-After');
    }
    expect(errors).toBeGreaterThan(operations.length * 4);
    const schemas = Object.keys(spec.components.schemas);
    expect(schemas).toContain('Problem');
    expect(schemas.filter((name) => /^Problem|Input$/.test(name))).toEqual(['Problem']);
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      expect(schema.$id, name).toBeUndefined();
    }
  });

  it('lists 412 and 428 only where If-Match is read, and 400 only where there is input', () => {
    for (const o of operations) {
      const statuses = Object.keys(o.operation.responses);
      const readsIfMatch = (o.operation.parameters ?? []).some((p) => p.name === 'if-match');
      const hasInput =
        (o.operation.parameters ?? []).length > 0 || Boolean(o.operation.requestBody);
      if (o.method === 'get') {
        expect(statuses, where(o)).not.toContain('412');
        expect(statuses, where(o)).not.toContain('428');
      }
      if (!readsIfMatch) expect(statuses, where(o)).not.toContain('412');
      if (hasInput) expect(statuses, where(o)).toContain('400');
    }
    const patchOffer = spec.paths['/api/organisations/{organisationId}/offers/{offerId}']!.patch!;
    expect(Object.keys(patchOffer.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '409', '412', '428']),
    );
  });

  it('documents the headers a client reads: ETag, Location, Idempotent-Replayed', () => {
    const offers = spec.paths['/api/organisations/{organisationId}/offers']!;
    expect(Object.keys(offers.post!.responses['201']!.headers ?? {})).toEqual(
      expect.arrayContaining(['ETag', 'Location', 'Idempotent-Replayed']),
    );
    const offer = spec.paths['/api/organisations/{organisationId}/offers/{offerId}']!;
    expect(offer.get!.responses['200']!.headers).toHaveProperty('ETag');
    expect(offer.get!.responses['200']!.description).toBe('The offer');
  });

  it('answers problems with exactly the fields the Problem schema documents', async () => {
    const problem = spec.components.schemas.Problem!;
    const documented = Object.keys(problem.properties!);
    const documentedIssue = Object.keys(problem.properties!.errors!.items!.properties!);
    const owner = world.partnerA.owner;
    const organisationId = world.partnerA.organisation.id;

    const invalid = await as(ctx.app, owner).post(`/api/organisations/${organisationId}/offers`, {
      name: '',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = json<{ errors: Record<string, unknown>[] }>(invalid);
    expect(documented).toEqual(expect.arrayContaining(Object.keys(body)));
    expect(body).toEqual(
      expect.objectContaining(
        Object.fromEntries(problem.required!.map((k) => [k, expect.anything()])),
      ),
    );
    expect(body.errors.length).toBeGreaterThan(0);
    for (const issue of body.errors)
      expect(Object.keys(issue).sort()).toEqual(documentedIssue.sort());

    const missing = await as(ctx.app, owner).get(
      `/api/organisations/${organisationId}/offers/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing.statusCode).toBe(404);
    expect(documented).toEqual(expect.arrayContaining(Object.keys(json(missing))));
  });

  it("offers an API token with the route's scope as the alternative to the session", async () => {
    const app = Fastify();
    await registerOpenApi(app);
    const probe = (operationId: string, scope: string | undefined) => ({
      // `scope` is read from the route's config when the route declares one.
      config: (scope ? { scope } : {}) as Record<string, unknown>,
      schema: {
        operationId,
        tags: ['offers'],
        summary: 'A probe',
      },
      handler: async () => null,
    });
    app.get('/api/read', probe('readProbe', 'offers:read'));
    app.post('/api/write', probe('writeProbe', 'offers:write'));
    app.post('/api/own', probe('ownProbe', 'session'));
    await app.ready();
    const document = app.swagger() as unknown as Document;
    await app.close();
    expect(document.paths['/api/read']!.get!.security).toEqual([
      { session: [] },
      { bearer: ['offers:read'] },
    ]);
    expect(document.paths['/api/write']!.post!.security).toEqual([
      { session: [], csrf: [] },
      { bearer: ['offers:write'] },
    ]);
    expect(document.paths['/api/own']!.post!.security).toEqual([{ session: [], csrf: [] }]);
    expect(document.paths['/api/read']!.get!.description).toMatch(
      /API token with the scope `offers:read`/,
    );
  });

  it('refuses to start when a route has no operationId or shares one', async () => {
    const build = async (routes: (app: ReturnType<typeof Fastify>) => void) => {
      const app = Fastify();
      await registerOpenApi(app);
      routes(app);
      await app.ready();
      await app.close();
    };
    const route = (operationId?: string) => ({
      schema: { operationId, tags: ['health'], summary: 'A probe' },
      handler: async () => ({}),
    });
    await expect(build((app) => app.get('/api/probe', route()))).rejects.toThrow(/operationId/);
    await expect(
      build((app) => {
        app.get('/api/a', route('getProbe'));
        app.get('/api/b', route('getProbe'));
      }),
    ).rejects.toThrow(/getProbe is already used by GET \/api\/a/);
    await expect(build((app) => app.get('/api/probe', route('getProbe')))).resolves.toBeUndefined();
  });
});
