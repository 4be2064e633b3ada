/**
 * The one place where errors become HTTP answers: RFC 9457 problem+json, localized to the
 * caller's language. AppError codes map to statuses here and nowhere else.
 */
import {
  AppError,
  isMessageKey,
  translate,
  type AppErrorCode,
  type FieldIssue,
  type Locale,
} from '@cosell/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The codes of problem answers: the AppError codes, INSUFFICIENT_STORAGE (the disk holding the
 * files or the database is full; raised by the storage, never by core), the request errors
 * found before a route runs (BAD_REQUEST: a malformed address or body; URI_TOO_LONG;
 * UNSUPPORTED_MEDIA_TYPE) and INTERNAL.
 */
export type ProblemCode =
  | AppErrorCode
  | 'INSUFFICIENT_STORAGE'
  | 'BAD_REQUEST'
  | 'URI_TOO_LONG'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL';

export const STATUS_BY_CODE: Record<ProblemCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  SETUP_DONE: 409,
  INVITATION_INVALID: 410,
  RESET_LINK_INVALID: 410,
  INVALID_CREDENTIALS: 401,
  CSRF: 403,
  IDEMPOTENCY_MISMATCH: 422,
  IDEMPOTENCY_IN_FLIGHT: 409,
  PAYLOAD_TOO_LARGE: 413,
  REFERRAL_CLOSED: 409,
  INSUFFICIENT_STORAGE: 507,
  BAD_REQUEST: 400,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

/** Titles of the problem codes that are not AppError codes (those use `error.<code>`). */
const TITLE_KEYS: Partial<Record<ProblemCode, string>> = {
  INSUFFICIENT_STORAGE: 'storage.full',
  BAD_REQUEST: 'http.badRequest',
  URI_TOO_LONG: 'http.uriTooLong',
  UNSUPPORTED_MEDIA_TYPE: 'http.unsupportedMediaType',
};

/**
 * Fastify's own 4xx errors (raised before a route runs): our code and detail for each. Their
 * messages are never answered, since some quote the input (a JSON parser's message shows
 * the body around the error).
 */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ProblemCode; messageKey?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', messageKey: 'http.malformedJson' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', messageKey: 'http.malformedJson' },
  FST_ERR_BAD_URL: { code: 'BAD_REQUEST', messageKey: 'http.badUrl' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG' },
};

/**
 * The body of every error answer (RFC 9457 problem details, `application/problem+json`), as
 * `sendProblem` and the error handler write it. The one `Problem` component of the API.
 */
export const ProblemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem, `urn:cosell:problem:<code>`'),
    title: z.string().describe("The kind of problem, in the caller's language"),
    status: z.number().int().describe('The HTTP status of the answer'),
    detail: z
      .string()
      .optional()
      .describe("What went wrong this time, in the caller's language, when there is more to say"),
    instance: z.string().optional().describe('The path of the request'),
    code: z
      .string()
      .describe(
        'A stable code for programs, e.g. `VALIDATION`, `NOT_FOUND`, `PRECONDITION_FAILED`',
      ),
    requestId: z.string().describe('The request id (also `X-Request-Id`), to find it in the log'),
    errors: z
      .array(
        z.object({
          /** JSON pointer into the request part, e.g. `/body/email`. */
          pointer: z.string().describe('JSON pointer into the request, e.g. `/body/email`'),
          /** The field path inside the part, dot-separated, e.g. `email` or `rows.3.email`. */
          field: z
            .string()
            .describe('The field inside the request part, dot-separated, e.g. `rows.3.email`'),
          code: z.string().describe('A stable message key, e.g. `issue.required`'),
          detail: z.string().describe("What is wrong with the field, in the caller's language"),
        }),
      )
      .optional()
      .describe('One entry per invalid field (400 and 422 answers)'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof ProblemSchema>;

/** PostgreSQL / driver conditions that mean "the database is not there right now". */
const UNAVAILABLE_PG_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '53300',
  '57014',
]);
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_PG_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code))
    )
      return true;
    const message = String((e as { message?: unknown }).message ?? '');
    if (
      /Connection terminated|timeout exceeded when trying to connect|PGlite is closed|Client has encountered a connection error/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}

/** Node's errno codes of a full disk (or a full quota). */
const STORAGE_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);
/** Node's errno codes of a file system that refuses writes: read-only, or not permitted. */
const STORAGE_NOT_WRITABLE_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);
/** PostgreSQL's disk_full (PGlite reports it the same way). */
const DISK_FULL_SQLSTATE = '53100';

export type StorageFault =
  { kind: 'full'; store: 'files' | 'database' } | { kind: 'notWritable'; store: 'files' };

/**
 * Whether `error` (or one of its causes) says that a disk refused a write: full (ENOSPC,
 * EDQUOT, or the database's disk_full) or not writable (EROFS, EACCES, EPERM from a file
 * system call). Only errors of a system call count, so an EACCES from a socket does not.
 */
export function storageFaultOf(error: unknown): StorageFault | null {
  for (
    let e: unknown = error, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (code === DISK_FULL_SQLSTATE) return { kind: 'full', store: 'database' };
    if (typeof code !== 'string' || typeof (e as { syscall?: unknown }).syscall !== 'string')
      continue;
    if (STORAGE_FULL_CODES.has(code)) return { kind: 'full', store: 'files' };
    if (STORAGE_NOT_WRITABLE_CODES.has(code) && (e as { path?: unknown }).path !== undefined)
      return { kind: 'notWritable', store: 'files' };
  }
  return null;
}

function issueKey(
  zodCode: string,
  message: string,
): { key: string; params: Record<string, string | number> } {
  if (isMessageKey(message)) return { key: message, params: {} };
  switch (zodCode) {
    case 'invalid_type':
      return /received undefined/.test(message)
        ? { key: 'issue.required', params: {} }
        : {
            key: 'issue.invalidType',
            params: { expected: message.match(/expected (\w+)/)?.[1] ?? '?' },
          };
    case 'too_small':
      return { key: 'issue.tooSmall', params: { minimum: message.match(/(\d+)/)?.[1] ?? '?' } };
    case 'too_big':
      return { key: 'issue.tooBig', params: { maximum: message.match(/(\d+)/)?.[1] ?? '?' } };
    case 'unrecognized_keys':
      return { key: 'issue.unknownField', params: {} };
    case 'invalid_value':
      return { key: 'issue.invalidOption', params: {} };
    case 'invalid_format':
      return { key: message.includes('email') ? 'email.invalid' : 'issue.invalid', params: {} };
    default:
      return { key: 'issue.invalid', params: {} };
  }
}

function toProblemErrors(locale: Locale, part: string, issues: FieldIssue[]) {
  return issues.map((issue) => ({
    pointer: `/${[part, ...issue.path].join('/')}`,
    field: issue.path.join('.'),
    code: issue.code,
    detail: translate(locale, issue.code, issue.params ?? {}),
  }));
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  options: {
    messageKey?: string;
    params?: Record<string, string | number>;
    errors?: Problem['errors'];
    detail?: string;
    /** Leave out `instance`: the address was not understood, so it is not repeated. */
    omitInstance?: boolean;
  } = {},
) {
  const locale = request.locale;
  const status = STATUS_BY_CODE[code];
  const problem: Problem = {
    type: `urn:cosell:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: translate(locale, TITLE_KEYS[code] ?? `error.${code}`, options.params ?? {}),
    status,
    code,
    // An unknown or unreadable address is not repeated back (it is the caller's input).
    ...(!options.omitInstance && !request.is404 && { instance: request.url.split('?')[0] }),
    requestId: String(request.id),
    ...(options.messageKey && {
      detail: translate(locale, options.messageKey, options.params ?? {}),
    }),
    ...(options.errors?.length && { errors: options.errors }),
  };
  return reply.code(status).type('application/problem+json').send(problem);
}

/**
 * A disk refused a write: 507 when it is full, 503 when it is read-only or not permitted. The
 * user learns that nothing was saved and why; the operator finds the path and the system's
 * error in the log. The rest of a request body that was not read is not waited for.
 */
function sendStorageProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  fault: StorageFault,
) {
  if (!request.raw.complete) reply.header('connection', 'close');
  if (fault.kind === 'full') {
    request.log.error({ err: error }, `storage full: the ${fault.store} disk has no space left`);
    return sendProblem(request, reply, 'INSUFFICIENT_STORAGE', {
      messageKey: fault.store === 'database' ? 'storage.databaseFull' : 'storage.filesFull',
    });
  }
  request.log.error({ err: error }, 'storage not writable: the file storage refused a write');
  reply.header('retry-after', '60');
  return sendProblem(request, reply, 'UNAVAILABLE', { messageKey: 'storage.notWritable' });
}

/** Fastify error handler: AppError, schema validation, body limits, database outages, the rest. */
export function errorHandler(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) {
    if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
    if (error.code === 'UNAVAILABLE') reply.header('retry-after', '5');
    const errors = toProblemErrors(request.locale, 'body', error.issues);
    return sendProblem(request, reply, error.code, {
      ...(error.messageKey !== `error.${error.code}` && { messageKey: error.messageKey }),
      params: error.params,
      errors,
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'body';
    const issues: FieldIssue[] = error.validation.map((v) => {
      const { key, params } = issueKey(v.keyword, v.message ?? '');
      const keys = (v.params as { keys?: string[] }).keys;
      const path = v.instancePath.split('/').filter(Boolean);
      return { path: keys?.length ? [...path, keys[0]!] : path, code: key, params };
    });
    return sendProblem(request, reply, 'VALIDATION', {
      errors: toProblemErrors(request.locale, part, issues),
    });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode === 413 || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendProblem(request, reply, 'PAYLOAD_TOO_LARGE');
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return sendClientError(request, reply, fastifyError);
  }
  const storageFault = storageFaultOf(error);
  if (storageFault) return sendStorageProblem(request, reply, error, storageFault);
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', '5');
    return sendProblem(request, reply, 'UNAVAILABLE');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(request, reply, 'INTERNAL');
}

/**
 * A client error raised by Fastify or a parser rather than by us: malformed JSON, a wrong
 * content type, a bad address. Answered as a problem in the caller's language; the error's
 * own message is not (it may quote the input).
 */
export function sendClientError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: Pick<FastifyError, 'code' | 'statusCode' | 'name'>,
) {
  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  const omitInstance =
    error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  if (known)
    return sendProblem(request, reply, known.code, {
      ...(known.messageKey && { messageKey: known.messageKey }),
      omitInstance,
    });
  // JSON.parse's own SyntaxError, when a parser lets it through with a 400.
  if (error.name === 'SyntaxError')
    return sendProblem(request, reply, 'BAD_REQUEST', { messageKey: 'http.malformedJson' });
  const byStatus = (Object.entries(STATUS_BY_CODE) as [ProblemCode, number][]).find(
    ([code, status]) => status === error.statusCode && code !== 'VALIDATION',
  );
  return sendProblem(request, reply, byStatus?.[0] ?? 'BAD_REQUEST');
}
