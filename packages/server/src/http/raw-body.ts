/**
 * Routes whose request body is a file (a document upload, a contacts CSV) read it as a stream:
 * `config: { rawBody: [...] }` names the accepted content types. The body is never parsed or
 * buffered by Fastify; the handler streams it, counting bytes against its own limit, and a
 * declared Content-Length over the limit is refused before anything is read (QUALITY P11).
 */
import { AppError } from '@cosell/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Readable } from 'node:stream';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The content types of a streamed file body (documented as binary in the API). */
    rawBody?: string[];
    /** The content type of a file answer (documented as binary in the API). */
    rawResponse?: string;
  }
}

export const RAW_BODY_TYPES = ['application/octet-stream', 'text/csv'];

/** Lets every route receive octet-stream and CSV bodies as the raw request stream. */
export const rawBodyPlugin = fp(async (app: FastifyInstance) => {
  app.addContentTypeParser(RAW_BODY_TYPES, (request, payload, done) => {
    if (!request.routeOptions.config.rawBody) {
      done(
        Object.assign(new Error(`Unsupported Media Type: ${request.headers['content-type']}`), {
          statusCode: 415,
          code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        }),
        undefined,
      );
      return;
    }
    done(null, payload);
  });
});

/** The bytes a megabyte limit stands for, as users read it (1 MB = 1,048,576 bytes). */
export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** The "too large" answer: 413, and the connection closes so the client stops sending. */
export function tooLarge(reply: FastifyReply, limitBytes: number): AppError {
  reply.header('connection', 'close');
  return new AppError('PAYLOAD_TOO_LARGE', {
    messageKey: 'upload.tooLarge',
    params: { maximum: megabytes(limitBytes) },
  });
}

/** The declared body length, when the client sent one. */
export function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  if (header === undefined) return undefined;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/** The request body as a stream (only on routes with `config.rawBody`). */
export function bodyStream(request: FastifyRequest): NodeJS.ReadableStream {
  const body = request.body as NodeJS.ReadableStream | undefined;
  // A request without a body (no content type) still has the raw stream, which is empty.
  return body && typeof body.pipe === 'function' ? body : request.raw;
}

/**
 * The body's chunks. Stopping early (a limit, a refusal) does not destroy the request: its
 * socket must live to carry the 413 answer, after which `connection: close` ends it.
 */
export function bodyChunks(request: FastifyRequest): AsyncIterable<Uint8Array> {
  const stream = bodyStream(request) as Readable;
  return typeof stream.iterator === 'function'
    ? stream.iterator({ destroyOnReturn: false })
    : (stream as AsyncIterable<Uint8Array>);
}

/**
 * The body's chunks, failing with 413 as soon as more than `limitBytes` arrive; the rest is
 * never read.
 */
export async function* limitedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  limitBytes: number,
): AsyncGenerator<Uint8Array> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > limitBytes) throw tooLarge(reply, limitBytes);
  let total = 0;
  for await (const chunk of bodyChunks(request)) {
    total += chunk.byteLength;
    if (total > limitBytes) throw tooLarge(reply, limitBytes);
    yield chunk;
  }
}
