/**
 * A schema-driven bad-input sweep over every operation of the OpenAPI document (QUALITY R13):
 * signed in as the owner of a seeded organisation, with real ids, every operation receives
 * wrong types, NUL characters, lone surrogates, control and bidi characters, 1 MB strings,
 * malformed JSON, wrong content types, unknown fields and non-UUID ids in each body field,
 * query parameter and path parameter. Nothing may answer 5xx, and every 4xx is a problem.
 * The status histogram is printed for the record.
 */
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

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minItems?: number;
  default?: unknown;
}
interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const MEGABYTE_STRING = 'x'.repeat(1024 * 1024);
/** Text values that must be refused wherever text goes (or at least never break anything). */
const BAD_TEXT = [
  'a\u0000b',
  'x\ud800y',
  'x\udc00y',
  'a\u0007b',
  'a\u202eb',
  '\u200b\u200b',
  MEGABYTE_STRING,
  'not-a-uuid',
];
/** Path and query values as they travel in an address (already percent-encoded). */
const BAD_ADDRESS_VALUES = [
  'not-a-uuid',
  'a%00b',
  '%ED%A0%80',
  '%E0%A4%A',
  'a%07b',
  '%E2%80%AE',
  'x'.repeat(5000),
  '-1',
  '1e309',
];

describe('bad input never answers 5xx', () => {
  let ctx: TestContext;
  let world: World;
  let spec: OpenApi;
  let ids: Record<string, string>;
  beforeAll(async () => {
    // The limiter stays in the chain, with quotas the sweep's thousands of requests cannot
    // spend: a 429 would hide what the route does with the input.
    ctx = await createTestContext({
      RATE_LIMIT_READS: '1000000',
      RATE_LIMIT_WRITES: '1000000',
      RATE_LIMIT_ANONYMOUS: '1000000',
    });
    world = await seedWorld(ctx.deps);
    spec = json<OpenApi>(await as(ctx.app).get('/api/openapi.json'));
    const owner = as(ctx.app, world.partnerA.owner);
    const org = world.partnerA.organisation.id;
    const offer = json<{ id: string }>(
      await owner.post(`/api/organisations/${org}/offers`, {
        name: 'Contoso Analytics',
        alias: 'contoso',
        offerType: 'saas',
        markets: ['US'],
      }),
    );
    ids = {
      organisationId: org,
      offerId: offer.id,
      userId: world.partnerA.viewer.user.id,
    };
  }, 120_000);
  afterAll(() => ctx.close());

  const resolve = (schema: Schema | undefined): Schema => {
    let current = schema ?? {};
    for (let i = 0; current.$ref && i < 10; i++) {
      current = spec.components?.schemas?.[current.$ref.split('/').at(-1)!] ?? {};
    }
    const variant = current.anyOf ?? current.oneOf;
    if (variant) return resolve(variant.find((s) => s.type !== 'null') ?? variant[0]);
    if (current.allOf) return resolve(current.allOf[0]);
    return current;
  };

  /** A plausible value for a schema: the base every bad value is put into. */
  const sample = (raw: Schema | undefined, name = '', depth = 0): unknown => {
    const schema = resolve(raw);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum?.length) return schema.enum[0];
    if (schema.default !== undefined) return schema.default;
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    switch (type) {
      case 'string':
        if (schema.format === 'uuid') return ids[name] ?? crypto.randomUUID();
        if (schema.format === 'email') return `someone${Math.random()}@example.com`;
        if (schema.format === 'date-time') return '2026-11-22T09:00:00.000Z';
        if (schema.format === 'uri') return 'https://example.com/x';
        return `Sample ${name || 'text'}`;
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return false;
      case 'array':
        return depth > 4 || !schema.minItems ? [] : [sample(schema.items, name, depth + 1)];
      case 'object': {
        if (depth > 4) return {};
        const out: Record<string, unknown> = {};
        for (const key of schema.required ?? []) {
          out[key] = sample(schema.properties?.[key], key, depth + 1);
        }
        return out;
      }
      default:
        return 'sample';
    }
  };

  /** A value of the wrong type for a schema. */
  const wrongType = (raw: Schema | undefined): unknown => {
    const type = resolve(raw).type;
    if (type === 'string') return 12345;
    if (type === 'array') return { not: 'an array' };
    if (type === 'object') return ['not', 'an', 'object'];
    return 'not-a-number-or-boolean';
  };

  it('names the field and the reason of NUL and lone surrogates, in the caller language', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const nul = await owner.get('/api/organisations?search=a%00b', { 'accept-language': 'sv-SE' });
    expect(nul.statusCode).toBe(400);
    expect(json(nul)).toMatchObject({
      code: 'VALIDATION',
      errors: [
        {
          pointer: '/querystring/search',
          field: 'search',
          code: 'input.nul',
          detail: expect.stringMatching(/NUL/),
        },
      ],
    });
    const anonymous = await as(ctx.app).get('/api/storefront/offers?search=a%00b');
    expect(anonymous.statusCode).toBe(400);

    const surrogate = await owner.patch('/api/me', { name: 'x\ud800y', deep: [{ a: 'b\udc00' }] });
    expect(surrogate.statusCode).toBe(400);
    expect(json<{ errors: { pointer: string; code: string }[] }>(surrogate).errors).toEqual([
      expect.objectContaining({ pointer: '/body/name', code: 'input.loneSurrogate' }),
      expect.objectContaining({ pointer: '/body/deep/0/a', code: 'input.loneSurrogate' }),
    ]);
  });

  it('refuses control, bidi-override and invisible-only names', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const org = world.partnerA.organisation.id;
    const cases: [string, string][] = [
      ['Acme\u0007', 'text.controlCharacter'],
      ['Acme\u0085Corp', 'text.controlCharacter'],
      ['Acme \u202egnp.exe', 'text.bidiControl'],
      ['Acme \u2066x\u2069', 'text.bidiControl'],
      ['\u200b\u200c\u200d\ufeff', 'text.invisibleOnly'],
    ];
    for (const [name, code] of cases) {
      const me = await owner.patch('/api/me', { name });
      expect(me.statusCode, name).toBe(400);
      expect(json<{ errors: { field: string; code: string }[] }>(me).errors).toContainEqual(
        expect.objectContaining({ field: 'name', code }),
      );
      const offer = await owner.post(`/api/organisations/${org}/offers`, {
        name,
        alias: `alias-${Math.random()}`.slice(0, 20),
        offerType: 'saas',
      });
      expect(offer.statusCode, name).toBe(400);
    }
    // Right-to-left names and their marks stay welcome.
    expect((await owner.patch('/api/me', { name: 'سارة\u200f أحمد' })).statusCode).toBe(200);
  });

  it('answers router errors as problems with security headers and request id, without echoing', async () => {
    const owner = as(ctx.app, world.partnerA.owner);
    const long = 'q'.repeat(5000);
    const cases: [string, number, string][] = [
      ['/api/organisations/%E0%A4%A', 400, 'BAD_REQUEST'],
      [`/api/organisations/${long}`, 414, 'URI_TOO_LONG'],
      [`/api/no-such-route-${long}`, 404, 'NOT_FOUND'],
    ];
    for (const [url, status, code] of cases) {
      const response = await owner.get(url, { 'accept-language': 'pl-PL' });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['x-request-id']).toEqual(expect.any(String));
      expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(json(response)).toMatchObject({ code, requestId: response.headers['x-request-id'] });
      expect(response.body).not.toMatch(/qqqq|%E0|A4/);
    }
    const typed = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'text/secret-type' },
      payload: 'x',
    });
    expect(typed.statusCode).toBe(415);
    expect(typed.body).not.toMatch(/secret-type/);
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv-SE' },
      payload: '{"email": secretvalue',
    });
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed)).toMatchObject({
      code: 'BAD_REQUEST',
      detail: 'Innehållet är inte giltig JSON.',
    });
    expect(malformed.body).not.toMatch(/secretvalue/);
    const large = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(large.statusCode).toBe(413);
    expect(large.headers['x-request-id']).toEqual(expect.any(String));
  });

  // Last: the sweep changes the owner's password and signs the owner out.
  it('over every operation of the OpenAPI document', async () => {
    const histogram = new Map<number, number>();
    const failures: string[] = [];
    const notProblems: string[] = [];
    const count = (label: string, response: LightMyRequestResponse) => {
      histogram.set(response.statusCode, (histogram.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) {
        failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      } else if (
        response.statusCode >= 400 &&
        !/^application\/problem\+json/.test(String(response.headers['content-type']))
      ) {
        notProblems.push(`${label} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
    };

    // Operations that end the owner's session or change its password run last.
    const last = (method: string, path: string) =>
      method === 'delete' && path === '/api/session' ? 2 : path === '/api/me/password' ? 1 : 0;
    const operations = Object.entries(spec.paths)
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      )
      .filter(({ method }) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .sort((a, b) => last(a.method, a.path) - last(b.method, b.path));
    expect(operations.length).toBeGreaterThan(40);

    const owner = world.partnerA.owner;
    for (const { path, method, operation } of operations) {
      const params = (operation.parameters ?? []).filter((p) => p.in === 'path');
      const queries = (operation.parameters ?? []).filter((p) => p.in === 'query');
      const urlWith = (override: Record<string, string> = {}, query = '') =>
        path.replace(
          /\{(\w+)\}/g,
          (_m, name: string) =>
            override[name] ??
            ids[name] ??
            (name === 'token' ? 'x'.repeat(43) : crypto.randomUUID()),
        ) + query;
      const jsonContent = operation.requestBody?.content?.['application/json'];
      const rawContent = Object.keys(operation.requestBody?.content ?? {}).find(
        (type) => type !== 'application/json',
      );
      const bodySchema = resolve(jsonContent?.schema);
      const base = jsonContent
        ? (sample(jsonContent.schema) as Record<string, unknown>)
        : undefined;
      const send = async (
        label: string,
        url: string,
        payload?: string | Buffer,
        contentType?: string,
      ) => {
        const real = await ctx.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          headers: {
            cookie: `__Host-cosell_session=${owner.token}`,
            'x-csrf-token': owner.csrfToken,
            ...(contentType && { 'content-type': contentType }),
          },
          ...(payload !== undefined && { payload }),
        });
        count(`${method.toUpperCase()} ${path} ${label}`, real);
      };

      // Path parameters: every bad value in each one.
      for (const param of params) {
        for (const value of BAD_ADDRESS_VALUES) {
          await send(`path ${param.name}=${value.slice(0, 20)}`, urlWith({ [param.name]: value }));
        }
      }
      // Query parameters: bad text, wrong types, non-UUIDs.
      for (const query of queries) {
        for (const value of BAD_ADDRESS_VALUES) {
          await send(
            `query ${query.name}=${value.slice(0, 20)}`,
            urlWith({}, `?${query.name}=${value}`),
          );
        }
        await send(`query ${query.name} twice`, urlWith({}, `?${query.name}=a&${query.name}=b`));
      }
      // Bodies: malformed JSON, wrong content types, wrong shapes, unknown fields.
      const url = urlWith();
      await send('malformed JSON', url, '{"name": "unterminated', 'application/json');
      await send('empty JSON', url, '', 'application/json');
      await send('JSON array', url, '[1,2,3]', 'application/json');
      await send('JSON null', url, 'null', 'application/json');
      await send('JSON string with NUL', url, '"a\\u0000b"', 'application/json');
      await send('text/plain', url, 'hello', 'text/plain');
      await send('xml', url, '<a/>', 'application/xml');
      await send('form', url, 'a=1', 'application/x-www-form-urlencoded');
      await send('bogus content type', url, '{}', 'application/json; charset=bogus-8');
      await send(
        'nested 10,000 deep',
        url,
        '['.repeat(10_000) + ']'.repeat(10_000),
        'application/json',
      );
      if (rawContent) {
        await send('octet-stream with NUL', url, Buffer.from('a\u0000b'), rawContent);
      }
      if (base && typeof base === 'object' && !Array.isArray(base)) {
        const post = (label: string, body: unknown) =>
          send(label, url, JSON.stringify(body), 'application/json');
        await post('valid sample', base);
        await post('unknown field', { ...base, unexpected: 'field' });
        await post('NUL in a key', { ...base, 'na\u0000me': 'x' });
        for (const [field, schema] of Object.entries(bodySchema.properties ?? {})) {
          await post(`${field}: wrong type`, { ...base, [field]: wrongType(schema) });
          await post(`${field}: null`, { ...base, [field]: null });
          for (const value of BAD_TEXT) {
            await post(`${field}: ${JSON.stringify(value.slice(0, 12))}`, {
              ...base,
              [field]: value,
            });
          }
          await post(`${field}: bad text in an array`, { ...base, [field]: ['a\u0000b'] });
          await post(`${field}: bad text deeper`, { ...base, [field]: { x: { y: 'x\ud800y' } } });
        }
      }
    }

    const rows = [...histogram.entries()].sort(([a], [b]) => a - b);
    const total = rows.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `bad-input sweep: ${operations.length} operations, ${total} requests\n` +
        rows.map(([status, n]) => `  ${status}: ${n}`).join('\n'),
    );
    expect(failures).toEqual([]);
    expect(notProblems).toEqual([]);
  }, 900_000);
});
