/**
 * Optimistic concurrency (QUALITY R5, docs/decisions/003-optimistic-concurrency.md): versioned
 * objects answer with a strong ETag `"v<version>"`, and a route that changes one says
 * `config: { ifMatch: 'required' }` (or `'optional'`). For those routes this plugin documents
 * the If-Match header, answers 428 when a required one is missing, and parses it into
 * `request.ifMatch`, the versions the write may apply to. The check itself is the write:
 * repositories put the versions into the UPDATE's WHERE, so of N writers holding the same ETag
 * exactly one succeeds and the others get 412.
 */
import { AppError, type ExpectedVersions } from '@cosell/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route changes a versioned object. `required`: a request without If-Match gets 428;
     * `optional`: without one the write applies to any version. Either way a sent If-Match
     * is honoured.
     */
    ifMatch?: 'required' | 'optional';
  }
  interface FastifyRequest {
    /** The versions If-Match accepts, on routes with `config.ifMatch` ('any' elsewhere). */
    ifMatch: ExpectedVersions;
  }
}

/** Strong ETag of a versioned row. */
export const etagOf = (version: number) => `"v${version}"`;

/** Sets the ETag of the versioned object an answer carries. */
export const withEtag = (reply: FastifyReply, version: number) =>
  reply.header('etag', etagOf(version));

/** Versions are PostgreSQL integers; a larger number in a tag can match no row. */
const MAX_VERSION = 2_147_483_647;
/** One entity-tag (RFC 9110 §8.8.3): an optional weakness prefix and a quoted opaque tag. */
const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/;

/**
 * The versions an If-Match header accepts (RFC 9110 §13.1.1): `*` accepts any current version;
 * otherwise each strong tag of ours names one. If-Match compares strongly, so a weak tag
 * (`W/"v3"`) matches nothing; neither does a tag we never issued or a header that does not
 * parse. Such a header yields an empty list and the write answers 412, after the checks that
 * answer 404 or 403, so it reveals nothing about objects the caller may not see.
 */
export function parseIfMatch(header: string | undefined): ExpectedVersions | undefined {
  if (header === undefined) return undefined;
  let rest = header.trim();
  if (rest === '*') return 'any';
  const versions: number[] = [];
  while (rest.length > 0) {
    const tag = ENTITY_TAG.exec(rest);
    if (!tag) return [];
    const version = /^v(0|[1-9]\d{0,9})$/.exec(tag[2]!);
    if (!tag[1] && version && Number(version[1]) <= MAX_VERSION) versions.push(Number(version[1]));
    rest = rest.slice(tag[0].length).trimStart();
    if (rest.length === 0) break;
    if (!rest.startsWith(',')) return [];
    rest = rest.slice(1).trimStart();
  }
  return versions;
}

export const IfMatchSchema = z
  .string()
  .max(2000)
  .optional()
  .describe(
    'The ETag of the version being changed (`"v<version>"`), or `*`. A stale or weak one gets 412.',
  );

/** The route's headers schema with `extra` added; unknown headers pass through untouched. */
export function withHeaders(existing: unknown, extra: z.ZodRawShape): z.ZodType {
  if (existing === undefined) return z.looseObject(extra);
  if (existing instanceof z.ZodObject) return z.looseObject({ ...existing.shape, ...extra });
  throw new Error('headers schema must be a zod object to add headers to it');
}

/** A route hook option (a function or a list of them) with `hook` appended. */
export function appendHook<T>(existing: T | T[] | undefined, hook: T): T[] {
  return [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), hook];
}

/** Adds a paragraph to the route's OpenAPI description. */
function addDescription(route: RouteOptions, text: string) {
  const schema = (route.schema ??= {}) as { description?: string };
  schema.description = schema.description ? `${schema.description}\n\n${text}` : text;
}

/** Reads If-Match on routes that opted in; registered before the routes and the API docs. */
export const concurrencyPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('ifMatch', 'any');
  app.addHook('onRoute', (route) => {
    const mode = route.config?.ifMatch;
    if (!mode) return;
    route.schema = {
      ...route.schema,
      headers: withHeaders(route.schema?.headers, { 'if-match': IfMatchSchema }),
    };
    addDescription(
      route,
      mode === 'required'
        ? 'Send the ETag you read as `If-Match`: without it the answer is 428, with a stale one 412.'
        : 'Send the ETag you read as `If-Match` to make the change only if nobody changed the object since (else 412).',
    );
    route.preHandler = appendHook(
      route.preHandler,
      async function readIfMatch(request: FastifyRequest) {
        const expected = parseIfMatch(request.headers['if-match']);
        if (expected === undefined && mode === 'required') {
          throw new AppError('PRECONDITION_REQUIRED');
        }
        request.ifMatch = expected ?? 'any';
      },
    );
  });
});
