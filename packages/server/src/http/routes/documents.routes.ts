/**
 * Co-sell documents: upload (streamed to a temporary file, checked by content, then stored),
 * replace, delete, list and download.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  deleteDocument,
  DocumentKindIdSchema,
  listDocuments,
  maxDocumentSizeBytes,
  openDocument,
  prepareDocumentUpload,
  storeDocument,
  type Actor,
} from '@cosell/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import {
  inspectDocument,
  receiveUpload,
  UploadTooLargeError,
  validateUploadFileName,
} from '../../storage';
import { requireActor } from '../auth';
import { bodyChunks, declaredLength, RAW_BODY_TYPES, tooLarge } from '../raw-body';
import { IdSchema } from '../schemas';
import {
  CosellTabSchema,
  DocumentSchema,
  OfferParams,
  toCosellTab,
  toDocument,
} from './offers.schemas';

const DocumentParams = OfferParams.extend({ documentId: IdSchema });
const UploadAnswerSchema = z
  .object({ document: DocumentSchema, tab: CosellTabSchema })
  .meta({ id: 'DocumentUpload' });

/** `attachment` (or `inline`) with the name in ASCII and, for the rest, RFC 8187 UTF-8. */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const documentRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const offers = deps.offers;
  const tempDir = path.join(deps.config.dataDir, 'tmp');
  const base = '/api/organisations/:organisationId/offers/:offerId/documents';

  /** Receives, checks and stores one upload; `replaceId` replaces that document. */
  async function upload(
    request: FastifyRequest & { params: { organisationId: string; offerId: string } },
    reply: FastifyReply,
    actor: Actor,
    fileName: string,
    target: { kind: z.infer<typeof DocumentKindIdSchema> } | { replaceId: string },
  ) {
    const { organisationId, offerId } = request.params;
    const name = validateUploadFileName(fileName);
    if (!name.ok) {
      throw new AppError('VALIDATION', {
        issues: [{ path: ['fileName'], code: name.code, params: name.params ?? {} }],
      });
    }
    // Permission, offer and slot are checked before a byte of the body is read.
    const kind = await prepareDocumentUpload(offers, actor, organisationId, offerId, target);
    const replaceId = 'replaceId' in target ? target.replaceId : undefined;
    const maxBytes = maxDocumentSizeBytes(name.extension, deps.config.uploads);
    let file;
    try {
      file = await receiveUpload(bodyChunks(request), {
        tempDir,
        maxBytes,
        declaredLength: declaredLength(request),
      });
    } catch (error) {
      if (error instanceof UploadTooLargeError) throw tooLarge(reply, maxBytes);
      throw error;
    }
    try {
      const check = await inspectDocument(file.path, name.extension);
      if (!check.ok) {
        throw new AppError('VALIDATION', {
          issues: [{ path: ['file'], code: check.code, params: check.params ?? {} }],
        });
      }
      return await storeDocument(
        offers,
        actor,
        organisationId,
        offerId,
        kind,
        {
          fileName: name.safeName,
          contentType: check.contentType,
          tempPath: file.path,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
        },
        { replaceId, expected: request.ifMatch, requestId: String(request.id) },
      );
    } finally {
      // The blob store took the file over, or it was refused: either way no temp file stays.
      await rm(file.path, { force: true });
    }
  }

  app.get(base, {
    config: { scope: 'documents:read' },
    schema: {
      operationId: 'listDocuments',
      tags: ['documents'],
      summary: "The offer's co-sell documents",
      params: OfferParams,
      answers: { 200: 'The documents' },
      response: { 200: z.array(DocumentSchema) },
    },
    handler: async (request) => {
      const documents = await listDocuments(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
      );
      return documents.map(toDocument);
    },
  });

  app.post(base, {
    config: { scope: 'documents:write', rawBody: RAW_BODY_TYPES },
    schema: {
      operationId: 'uploadDocument',
      tags: ['documents'],
      summary:
        'Upload a document (the body is the file). A one-pager, pitch deck… replaces the one ' +
        'the offer has; "other" adds up to five. Checked by content; 413 over the size limit.',
      params: OfferParams,
      querystring: z.object({
        kind: DocumentKindIdSchema,
        fileName: z.string().max(1000),
      }),
      answers: {
        201: 'Stored: the document and the co-sell tab',
        409: 'The offer is archived, or has five other documents already',
        507: 'The disk is full: the file was not stored',
      },
      response: { 201: UploadAnswerSchema },
    },
    handler: async (request, reply) => {
      const result = await upload(request, reply, requireActor(request), request.query.fileName, {
        kind: request.query.kind,
      });
      return reply.code(201).send({
        document: toDocument(result.document),
        tab: toCosellTab(result.tab, request.locale, deps.config.uploads),
      });
    },
  });

  app.put(`${base}/:documentId/content`, {
    config: { scope: 'documents:write', rawBody: RAW_BODY_TYPES, ifMatch: 'optional' },
    schema: {
      operationId: 'replaceDocumentContent',
      tags: ['documents'],
      summary: 'Replace a document with a new file (the body), keeping its kind',
      params: DocumentParams,
      querystring: z.object({ fileName: z.string().max(1000) }),
      answers: {
        200: 'Stored: the document and the co-sell tab',
        507: 'The disk is full: the file was not stored',
      },
      response: { 200: UploadAnswerSchema },
    },
    handler: async (request, reply) => {
      const result = await upload(request, reply, requireActor(request), request.query.fileName, {
        replaceId: request.params.documentId,
      });
      return {
        document: toDocument(result.document),
        tab: toCosellTab(result.tab, request.locale, deps.config.uploads),
      };
    },
  });

  app.delete(`${base}/:documentId`, {
    config: { scope: 'documents:write', ifMatch: 'optional' },
    schema: {
      operationId: 'deleteDocument',
      tags: ['documents'],
      summary: 'Delete a document',
      params: DocumentParams,
      answers: { 200: 'Deleted: the co-sell tab without it' },
      response: { 200: CosellTabSchema },
    },
    handler: async (request) => {
      const tab = await deleteDocument(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.params.documentId,
        request.ifMatch,
        String(request.id),
      );
      return toCosellTab(tab, request.locale, deps.config.uploads);
    },
  });

  app.get(`${base}/:documentId/content`, {
    config: { scope: 'documents:read', rawResponse: 'application/octet-stream' },
    schema: {
      operationId: 'downloadDocument',
      tags: ['documents'],
      summary: 'Download a document (as an attachment, never rendered inline)',
      params: DocumentParams,
      answers: { 200: { description: 'The file', headers: ['ETag', 'Content-Disposition'] } },
    },
    handler: async (request, reply) => {
      const { document, stream } = await openDocument(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.params.documentId,
      );
      return reply
        .header('content-type', document.contentType)
        .header('content-length', String(document.sizeBytes))
        .header('content-disposition', contentDisposition(document.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-cache')
        .header('etag', `"${document.sha256}"`)
        .send(stream as never);
    },
  });
};
