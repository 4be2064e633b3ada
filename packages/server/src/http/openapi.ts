/**
 * The API's OpenAPI 3.1 contract at /api/openapi.json, generated from the same zod schemas that
 * validate (docs/decisions/015-openapi-contract.md). Routes state what only they know: an
 * explicit `operationId`, their module's tag, a summary, their success answers (`response`
 * plus `answers`: description and headers) and any problem status peculiar to them. Everything
 * that follows from a route's options is derived here, in one place: the problem statuses it
 * can answer (all `application/problem+json` with the one `Problem` schema), its security
 * (public, session cookie with the CSRF header on writes, API token scope) and the headers of
 * idempotent replays and of answers that say when to retry.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SECURE_COOKIE } from './auth';

/** A response header the API documents. */
export type AnswerHeader = 'ETag' | 'Location' | 'Content-Disposition';

/** How the contract describes one answer of a route: its description and the headers it sets. */
export type Answer = string | { readonly description: string; readonly headers?: AnswerHeader[] };

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The route's answers as the contract describes them, by status: every success status of
     * `response` (and of a file answer) needs one. A problem status listed here is added to
     * the ones derived from the route's options, or describes one of them more precisely.
     */
    answers?: Readonly<Partial<Record<number, Answer>>>;
  }
}

/** The capability modules, one tag each (the route file `<tag>.routes.ts`). */
export const API_TAGS = [
  { name: 'health', description: 'Liveness, readiness and reachability probes' },
  { name: 'sessions', description: 'First-run set-up, sign-in and out, your own user' },
  { name: 'accounts', description: 'Organisations, members, invitations and the audit log' },
  { name: 'program', description: 'The co-sell program: its policy and taxonomy' },
  { name: 'offers', description: 'Offers and their co-sell tab (listing and landing page)' },
  { name: 'documents', description: "An offer's co-sell documents (file uploads)" },
  { name: 'contacts', description: "An offer's contacts, their CSV export and imports" },
  { name: 'publishing', description: 'Review and publish: submissions and published versions' },
  { name: 'status', description: "An offer's co-sell status and its requirements" },
  { name: 'review', description: "The vendor's co-sell review of submissions" },
  { name: 'profiles', description: "Partners' program profiles" },
  { name: 'notifications', description: 'Your notifications and their preferences' },
  { name: 'storefront', description: 'The live offers, as partners and sellers browse them' },
  { name: 'tokens', description: 'API tokens: personal, and service tokens of an organisation' },
  { name: 'system', description: "The server's clock, for demonstrations and tests" },
  {
    name: 'opportunities',
    description: 'Co-sell opportunities (referrals): deals shared between the vendor and partners',
  },
] as const;
const TAG_NAMES = new Set<string>(API_TAGS.map((tag) => tag.name));

const PROBLEM_REF = '#/components/schemas/Problem';
const PROBLEM_TYPE = 'application/problem+json';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What each problem status means wherever it is answered; routes may say it more precisely. */
const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid: `errors` names each field and what is wrong with it',
  401: 'Not signed in, or the session has ended',
  403: 'Not allowed: a role is missing, or the CSRF token or the Origin does not match',
  404: 'No such object, or it belongs to an organisation you cannot see',
  409: 'Conflicts with the current state (or an earlier request with the same Idempotency-Key is still running)',
  410: 'Gone: used or expired',
  412: 'If-Match does not match the current version: read the object again',
  413: 'The body is larger than the limit',
  414: 'The URL is too long',
  415: 'The body is not of a type this route accepts',
  422: 'The Idempotency-Key was used before for another request',
  428: 'If-Match is required: send the ETag you read',
  429: 'Too many requests: wait as long as Retry-After says',
  500: 'An unexpected error; the request id in the answer finds it in the server log',
  503: 'The database or the file storage is not available right now: retry after Retry-After',
  507: 'The disk holding the files or the database is full: nothing was saved',
};

type DocumentedHeader =
  AnswerHeader | 'Retry-After' | 'Idempotent-Replayed' | 'RateLimit-Policy' | 'RateLimit';

/** The rate-limit headers (IETF httpapi draft) every answer of a limited route carries. */
const RATE_LIMIT_HEADERS: DocumentedHeader[] = ['RateLimit-Policy', 'RateLimit'];

const HEADERS: Record<DocumentedHeader, object> = {
  'RateLimit-Policy': {
    type: 'string',
    maxLength: 200,
    description:
      'The quota this request counts against (IETF httpapi RateLimit draft), e.g. `"token-reads";q=2000;w=10`: q requests per w seconds',
  },
  RateLimit: {
    type: 'string',
    maxLength: 200,
    description:
      'What is left of that quota, e.g. `"token-reads";r=1999;t=7`: r requests remain for t seconds',
  },
  ETag: {
    type: 'string',
    maxLength: 100,
    description:
      'The version of what the answer carries; for a versioned object, send it back as If-Match to change it',
  },
  Location: { type: 'string', maxLength: 2000, description: 'The URL of the created object' },
  'Content-Disposition': {
    type: 'string',
    maxLength: 2000,
    description: 'How to present the file (attachment, or inline for a preview) and its name',
  },
  'Retry-After': {
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 86400,
    description: 'Seconds to wait before trying again',
  },
  'Idempotent-Replayed': {
    type: 'string',
    enum: ['true'],
    description:
      'Present when this is the stored answer to an earlier request with the same Idempotency-Key',
  },
};

interface RouteFacts {
  method: string;
  url: string;
  access: 'public' | 'user';
  scope?: string;
  ifMatch?: 'required' | 'optional';
  idempotent: boolean;
  rawResponse?: string;
  /** The route validates a body, query string, path parameters or headers. */
  validates: boolean;
  hasBody: boolean;
  hasPathParameter: boolean;
}

function factsOf(route: RouteOptions, schema: Record<string, unknown>): RouteFacts {
  const config = (route.config ?? {}) as {
    access?: 'public' | 'user';
    scope?: string;
    ifMatch?: 'required' | 'optional';
    idempotent?: boolean;
    rawBody?: string[];
    rawResponse?: string;
  };
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  return {
    method,
    url: route.url,
    access: config.access ?? 'user',
    scope: config.scope,
    ifMatch: config.ifMatch,
    idempotent: config.idempotent === true,
    rawResponse: config.rawResponse,
    validates: ['body', 'querystring', 'params', 'headers'].some((part) => schema[part]),
    hasBody: Boolean(schema.body) || Boolean(config.rawBody),
    hasPathParameter: /[:{]/.test(route.url),
  };
}

/** The problem statuses a route can answer, from its options alone. */
export function problemStatusesOf(facts: RouteFacts): number[] {
  const statuses = new Set([414, 429, 500, 503]);
  if (facts.validates) statuses.add(400);
  if (facts.access !== 'public') {
    statuses.add(401);
    statuses.add(403);
  } else if (UNSAFE_METHODS.has(facts.method)) {
    statuses.add(403); // a foreign Origin, or a signed-in caller without the CSRF token
  }
  if (facts.hasPathParameter) statuses.add(404);
  if (facts.ifMatch) {
    statuses.add(409);
    statuses.add(412);
    if (facts.ifMatch === 'required') statuses.add(428);
  }
  if (facts.idempotent) {
    statuses.add(409);
    statuses.add(422);
  }
  if (facts.hasBody && UNSAFE_METHODS.has(facts.method)) {
    statuses.add(413);
    statuses.add(415);
  }
  return [...statuses];
}

/** Security of a route: public; or the session cookie (+ CSRF header on writes) or a token. */
function securityOf(facts: RouteFacts): Record<string, string[]>[] {
  if (facts.access === 'public') return [];
  const session: Record<string, string[]> = UNSAFE_METHODS.has(facts.method)
    ? { session: [], csrf: [] }
    : { session: [] };
  return facts.scope && facts.scope !== 'session'
    ? [session, { bearer: [facts.scope] }]
    : [session];
}

function accessParagraph(facts: RouteFacts): string {
  if (facts.access === 'public') return 'Public: no session needed.';
  const session = UNSAFE_METHODS.has(facts.method)
    ? 'Needs a session: the session cookie with its CSRF token as `X-CSRF-Token`'
    : 'Needs a session: the session cookie';
  return facts.scope && facts.scope !== 'session'
    ? `${session}, or an API token with the scope \`${facts.scope}\`.`
    : `${session}.`;
}

const headersOf = (names: readonly string[]) =>
  names.length === 0
    ? undefined
    : Object.fromEntries(names.map((name) => [name, HEADERS[name as DocumentedHeader]]));

const describe = (answer: Answer | undefined) =>
  typeof answer === 'string' ? answer : answer?.description;

/** The documented responses of a route: its successes as declared, then its problems. */
function responsesOf(
  facts: RouteFacts,
  response: Record<string, Record<string, unknown>>,
  answers: Readonly<Partial<Record<number, Answer>>>,
): Record<string, unknown> {
  const where = `${facts.method} ${facts.url}`;
  const documented: Record<string, unknown> = {};
  // Every API route counts against a published quota (ADR 014); the probes do not.
  const limited = facts.url.startsWith('/api/') ? RATE_LIMIT_HEADERS : [];
  // Successes, and the rare error answer that is not a problem (the readiness probe's 503).
  const ownAnswers = Object.entries(response).filter(
    ([status, jsonSchema]) => Number(status) < 400 || jsonSchema.$ref !== PROBLEM_REF,
  );
  if (facts.rawResponse) ownAnswers.push(['200', { type: 'string', format: 'binary' }]);
  for (const [status, jsonSchema] of ownAnswers) {
    const answer = answers[Number(status)];
    const description = describe(answer);
    if (!description) throw new Error(`${where}: describe its ${status} answer in schema.answers`);
    const headers = [
      ...(typeof answer === 'object' ? (answer.headers ?? []) : []),
      ...(facts.idempotent ? ['Idempotent-Replayed'] : []),
      ...limited,
    ];
    const media = facts.rawResponse && status === '200' ? facts.rawResponse : 'application/json';
    documented[status] = {
      description,
      ...(headers.length > 0 && { headers: headersOf(headers) }),
      ...(jsonSchema.type === 'null'
        ? { type: 'null' }
        : { content: { [media]: { schema: jsonSchema } } }),
    };
  }
  const problems = new Set([
    ...problemStatusesOf(facts),
    ...Object.keys(response).map(Number),
    ...Object.keys(answers).map(Number),
  ]);
  const problemStatuses = [...problems]
    .filter((status) => status >= 400 && !(String(status) in documented))
    .sort((a, b) => a - b);
  for (const status of problemStatuses) {
    const description = describe(answers[status]) ?? PROBLEM_DESCRIPTIONS[status];
    if (!description) throw new Error(`${where}: describe its ${status} answer in schema.answers`);
    documented[status] = {
      description,
      headers: headersOf([
        ...(status === 429 || status === 503 ? ['Retry-After'] : []),
        ...limited,
      ]),
      content: { [PROBLEM_TYPE]: { schema: { $ref: PROBLEM_REF } } },
    };
  }
  return documented;
}

/**
 * Fails the start of the server when a documented route has no operationId, shares one with
 * another route, or lacks its one module tag: client code generated from the document is named
 * after these ids, so they are chosen by hand and must never silently change or collide.
 */
function checkOperations(app: FastifyInstance) {
  const seen = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = route.schema as { hide?: boolean; operationId?: string; tags?: string[] };
    if (schema?.hide || methods.every((method) => method === 'HEAD')) return;
    const where = `${methods.join(',')} ${route.url}`;
    const id = schema?.operationId;
    if (!id || !/^[a-z][a-zA-Z0-9]*$/.test(id)) {
      throw new Error(`${where}: give it a camelCase schema.operationId`);
    }
    const other = seen.get(id);
    if (other) throw new Error(`${where}: operationId ${id} is already used by ${other}`);
    seen.set(id, where);
    if (schema.tags?.length !== 1 || !TAG_NAMES.has(schema.tags[0]!)) {
      throw new Error(`${where}: tag it with its module, one of ${[...TAG_NAMES].join(', ')}`);
    }
  });
}

/** Components that nothing in the document refers to any more, removed. */
function withoutUnused(document: Record<string, unknown>): void {
  const components = (document.components as { schemas: Record<string, unknown> }).schemas;
  const used = new Set<string>();
  const visit = (value: unknown) => {
    const text = JSON.stringify(value);
    for (const match of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (used.has(match[1]!)) continue;
      used.add(match[1]!);
      visit(components[match[1]!]);
    }
  };
  visit(document.paths);
  for (const name of Object.keys(components)) if (!used.has(name)) delete components[name];
}

/**
 * zod gives each named schema an input and an output form (`OfferInput`, `Offer`). Where the
 * two are the same (no defaults, no transforms), the input copy is dropped and its references
 * point to the one component; only the named schemas that differ keep both forms.
 */
function withSharedInputs(document: Record<string, unknown>): Record<string, unknown> {
  let text = JSON.stringify(document);
  for (;;) {
    const schemas = (JSON.parse(text) as { components: { schemas: Record<string, unknown> } })
      .components.schemas;
    const same = Object.keys(schemas).filter((name) => {
      const base = name.replace(/Input$/, '');
      if (base === name || !(base in schemas)) return false;
      const input = JSON.stringify(schemas[name]).replace(
        /(#\/components\/schemas\/\w+)Input"/g,
        '$1"',
      );
      return input === JSON.stringify(schemas[base]);
    });
    if (same.length === 0) break;
    const parsed = JSON.parse(text) as { components: { schemas: Record<string, unknown> } };
    for (const name of same) delete parsed.components.schemas[name];
    text = JSON.stringify(parsed);
    for (const name of same) {
      text = text.replaceAll(
        `"#/components/schemas/${name}"`,
        `"#/components/schemas/${name.replace(/Input$/, '')}"`,
      );
    }
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/** zod names each component with `$id` (a JSON pointer, not a URI): the document does not need it. */
function withoutIds(document: Record<string, unknown>): void {
  const schemas = (document.components as { schemas: Record<string, Record<string, unknown>> })
    .schemas;
  for (const schema of Object.values(schemas)) delete schema.$id;
}

const INT32 = 2 ** 31;

/**
 * Sizes that follow from a schema but that zod does not write down: an integer's format (int32
 * when its bounds fit, else int64: JSON numbers are exact up to 2^53) and a UUID's 36 characters.
 */
function withSizes(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(withSizes);
  if (value === null || typeof value !== 'object') return;
  const schema = value as Record<string, unknown>;
  if (schema.type === 'integer' && schema.format === undefined) {
    const fits = (bound: unknown) => typeof bound === 'number' && Math.abs(bound) <= INT32 - 1;
    schema.format = fits(schema.minimum) && fits(schema.maximum) ? 'int32' : 'int64';
  }
  if (schema.type === 'string' && schema.format === 'uuid' && schema.maxLength === undefined) {
    schema.maxLength = 36;
  }
  Object.values(schema).forEach(withSizes);
}

export async function registerOpenApi(app: FastifyInstance) {
  checkOperations(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cosell API',
        version: '0.1.0',
        description:
          'The public REST API of cosell, the same one its web app uses. Errors are RFC 9457 ' +
          'problem+json (the `Problem` schema). Writes made with the session cookie carry the ' +
          '`X-CSRF-Token` header from GET /api/session. Versioned objects return an ETag; send it ' +
          'back as If-Match. Creating requests honour an Idempotency-Key.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      tags: API_TAGS.map((tag) => ({ ...tag })),
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SECURE_COOKIE,
            description:
              'The session cookie set by sign-in (`cosell_session` on plain http to a host other than localhost)',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description:
              'The `csrfToken` of GET /api/session, sent on every write made with the session cookie',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'API token created in Settings or with `cosell token create`; scopes per area',
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const schema = { ...(out.schema as Record<string, unknown>) };
      if (schema.hide) return out;
      const facts = factsOf(input.route, schema);
      const answers = (schema.answers ?? {}) as Readonly<Partial<Record<number, Answer>>>;
      delete schema.answers;
      // File bodies (uploads, CSV) are streamed, not schema-validated: binary of their types.
      const rawBody = (input.route.config as { rawBody?: string[] } | undefined)?.rawBody;
      if (rawBody) {
        schema.consumes = rawBody;
        schema.body = { type: 'string', format: 'binary' };
      }
      schema.response = responsesOf(
        facts,
        (schema.response ?? {}) as Record<string, Record<string, unknown>>,
        answers,
      );
      schema.security = securityOf(facts);
      schema.description = [schema.description, accessParagraph(facts)]
        .filter(Boolean)
        .join('\n\n');
      return { ...out, schema } as typeof out;
    },
    transformObject: (input) => {
      const document = jsonSchemaTransformObject(input) as unknown as Record<string, unknown>;
      withoutIds(document);
      const shared = withSharedInputs(document);
      withoutUnused(shared);
      withSizes(shared.paths);
      withSizes(shared.components);
      return shared as unknown as ReturnType<typeof jsonSchemaTransformObject>;
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  // The docs page is as public as the spec it renders: its routes are marked public here,
  // or the auth hook would answer 401 to anyone who is not signed in.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
      uiHooks: {},
      staticCSP: false,
      transformSpecification: (spec) => spec,
    });
  });
}
