/**
 * One input rule at the edge, for every route: text anywhere in a request — the JSON body at
 * any depth (keys too), the query string, the path parameters and the header values — must not
 * hold a NUL character or a lone UTF-16 surrogate. PostgreSQL refuses both in text (and a lone
 * surrogate cannot be written as UTF-8 at all), so without this rule such input would fail deep
 * in a query. The answer is a 400 problem naming each field (JSON pointer and dotted path) and
 * the reason, in the caller's language, before the route's own validation runs.
 */
import { translate } from '@cosell/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem, type Problem } from './problem';

type Reason = 'input.nul' | 'input.loneSurrogate';
type Part = 'body' | 'querystring' | 'params' | 'headers';

/** At most this many fields are named in one answer. */
const MAX_ISSUES = 20;

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Any character that may be bad: most text has none, and one test of this settles it. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const SUSPECT = /[\u0000\ud800-\udfff]/;

/**
 * Whether `value` holds any text that may be bad, keys included: a scan that allocates nothing,
 * run before `findBadInput` names the places (almost every request has none).
 */
function mayHoldBadText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return SUSPECT.test(value);
  if (value === null || typeof value !== 'object') return false;
  // Deep bodies are left to the iterative search.
  if (depth > 64) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (mayHoldBadText(item, depth + 1)) return true;
    return false;
  }
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    if (SUSPECT.test(key) || mayHoldBadText(value[key], depth + 1)) return true;
  }
  return false;
}

/** Why `text` cannot be stored, or null when it can. */
export function badTextReason(text: string): Reason | null {
  if (text.includes(NUL)) return 'input.nul';
  if (LONE_SURROGATE.test(text)) return 'input.loneSurrogate';
  return null;
}

export interface BadInput {
  path: string[];
  reason: Reason;
}

/**
 * The places in `value` (a parsed JSON body, query, params or headers) holding bad text, keys
 * included. Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function findBadInput(value: unknown, limit = MAX_ISSUES): BadInput[] {
  const found: BadInput[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && found.length < limit) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const reason = badTextReason(current);
      if (reason) found.push({ path, reason });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({ value: current[i], path: [...path, String(i)] });
    } else if (isPlainObject(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const keyReason = badTextReason(key);
        // The key itself cannot be named as it is: the pointer would carry the bad text.
        if (keyReason) found.push({ path: [...path, sanitize(key)], reason: keyReason });
        else stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return found;
}

/**
 * A record of parsed data: a JSON object, or the query and header objects, whose prototypes
 * are null-based. Streams and buffers (file bodies) are not looked into.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** A key with the bad characters replaced by U+FFFD, so the answer is valid text itself. */
function sanitize(key: string): string {
  return key.replaceAll(NUL, '\ufffd').replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd');
}

/** RFC 6901: `~` and `/` inside a reference token are escaped. */
const pointerToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

function problemErrors(request: FastifyRequest, part: Part, found: BadInput[]): Problem['errors'] {
  return found.map(({ path, reason }) => ({
    pointer: `/${[part, ...path].map(pointerToken).join('/')}`,
    field: path.join('.'),
    code: reason,
    detail: translate(request.locale, reason),
  }));
}

/** The bad text of a request, part by part, or an empty list. */
export function badInputOf(request: FastifyRequest): NonNullable<Problem['errors']> {
  const errors: NonNullable<Problem['errors']> = [];
  const parts: [Part, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['headers', request.headers],
    ['body', request.body],
  ];
  for (const [part, value] of parts) {
    if (value === undefined || value === null || !mayHoldBadText(value)) continue;
    const found = findBadInput(value, MAX_ISSUES - errors.length);
    if (found.length > 0) errors.push(...(problemErrors(request, part, found) ?? []));
    if (errors.length >= MAX_ISSUES) break;
  }
  return errors;
}

export const inputGuardPlugin = fp(async (app: FastifyInstance) => {
  // preValidation: after the body is parsed, before any route schema or handler sees it.
  // A callback hook: no promise for the requests (nearly all) that pass.
  app.addHook('preValidation', (request, reply, done) => {
    const errors = badInputOf(request);
    if (errors.length === 0) return done();
    // Answering without calling `done` ends the request here: the route never runs.
    void sendProblem(request, reply, 'VALIDATION', { errors });
  });
});
