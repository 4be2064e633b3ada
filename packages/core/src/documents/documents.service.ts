/**
 * Co-sell documents of an offer. The server streams an upload to a temporary file and checks
 * its content; these use cases decide where it belongs and record it. Bytes go to the blob
 * store before the row that points at them commits, so a row never names a missing blob; a
 * crash in between leaves at most an unreferenced blob, never a half-written document.
 */
import { AppError, getOrNotFound } from '../errors';
import type { BlobStore, ExpectedVersions } from '../ports';
import { DOCUMENT_KINDS, MAX_OTHER_DOCUMENTS, type DocumentKindId } from '../reference/documents';
import { scopeOf, type Actor } from '../accounts/access';
import { runCommand } from '../commands/command';
import { readCosellTab, requireOffer, type OfferDeps } from '../offers/offer.service';
import type { DocumentRecord } from './documents.ports';

export interface DocumentDeps extends OfferDeps {
  blobs: BlobStore;
}

export interface UploadedFile {
  fileName: string;
  contentType: string;
  /** A finished, inspected temporary file; the blob store takes it over. */
  tempPath: string;
  sizeBytes: number;
  sha256: string;
}

const tooManyOther = () =>
  new AppError('VALIDATION', {
    issues: [
      { path: ['kind'], code: 'upload.tooManyOther', params: { maximum: MAX_OTHER_DOCUMENTS } },
    ],
  });

/**
 * Checks, before a byte of the body is read, that the actor may upload a document of `kind` to
 * the offer, or replace document `replaceId`. Returns the kind the upload will have (a
 * replacement keeps the kind of the document it replaces).
 */
export async function prepareDocumentUpload(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  upload: { kind: DocumentKindId; replaceId?: undefined } | { kind?: undefined; replaceId: string },
): Promise<DocumentKindId> {
  return deps.uow.run(async (tx) => {
    await requireOffer(tx, actor, organisationId, offerId, 'offers.write');
    const documents = await tx.documents.listDocuments(organisationId, offerId);
    if (upload.replaceId !== undefined) {
      return getOrNotFound(
        documents.find((d) => d.id === upload.replaceId),
        'document',
      ).kind;
    }
    if (upload.kind === 'other' && countOther(documents) >= MAX_OTHER_DOCUMENTS) {
      throw tooManyOther();
    }
    return upload.kind;
  }, scopeOf(actor));
}

const countOther = (documents: DocumentRecord[]) =>
  documents.filter((d) => d.kind === 'other').length;

/**
 * Records an uploaded document. A single-kind document (one-pager, pitch deck…) replaces the
 * one the offer has; `replaceId` replaces a given document (of any kind, keeping its kind).
 */
export async function storeDocument(
  deps: DocumentDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  kind: DocumentKindId,
  file: UploadedFile,
  options: { replaceId?: string; expected?: ExpectedVersions; requestId?: string } = {},
) {
  const id = crypto.randomUUID();
  const blobKey = `org/${organisationId}/offer/${offerId}/${id}`;
  await deps.blobs.putFile(blobKey, file.tempPath, {
    sizeBytes: file.sizeBytes,
    contentType: file.contentType,
  });
  try {
    const result = await runCommand(
      deps,
      { actor, requestId: options.requestId, expected: options.expected },
      { name: 'offer.document.upload', organisationId, permission: 'offers.write' },
      async ({ tx, now, audit, emit }) => {
        let replaced: DocumentRecord | null = null;
        const offer = getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
        const documents = await tx.documents.listDocuments(organisationId, offerId);
        let storedKind = kind;
        if (options.replaceId) {
          const target = getOrNotFound(
            documents.find((d) => d.id === options.replaceId),
            'document',
          );
          storedKind = target.kind;
          replaced = await tx.documents.deleteDocument(
            organisationId,
            offerId,
            target.id,
            options.expected ?? 'any',
          );
          if (!replaced) throw new AppError('PRECONDITION_FAILED');
        } else if (DOCUMENT_KINDS[kind].maxCount === 1) {
          const existing = documents.find((d) => d.kind === kind);
          if (existing)
            replaced = await tx.documents.deleteDocument(
              organisationId,
              offerId,
              existing.id,
              'any',
            );
        } else if (countOther(documents) >= MAX_OTHER_DOCUMENTS) {
          throw tooManyOther();
        }
        await tx.offers.bumpDraftVersion(organisationId, offerId, 'documents', now);
        const document = await tx.documents.insertDocument({
          organisationId,
          offerId,
          id,
          kind: storedKind,
          fileName: file.fileName,
          contentType: file.contentType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          blobKey,
          uploadedBy: actor.userId,
          uploadedAt: now,
        });
        audit({
          action: replaced ? 'offer.document.replace' : 'offer.document.upload',
          entityType: 'offer',
          entityId: offerId,
          before: replaced ? documentFacts(replaced) : undefined,
          after: documentFacts(document),
        });
        if (replaced) {
          emit({
            type: 'document.deleted',
            organisationId,
            subject: { type: 'offer', id: offerId },
            data: { offerId, documentId: replaced.id, kind: replaced.kind },
          });
        }
        emit({
          type: 'document.uploaded',
          organisationId,
          subject: { type: 'offer', id: offerId },
          data: {
            offerId,
            documentId: document.id,
            kind: document.kind,
            fileName: document.fileName,
          },
        });
        // A published version may still show the replaced file: its bytes then stay.
        const dropBlob =
          replaced !== null &&
          !(await tx.versions.isBlobKeptByVersion(organisationId, replaced.blobKey));
        return { document, replaced, dropBlob, tab: await readCosellTab(tx, offer) };
      },
    );
    // The old bytes go once the new row has committed; failing here leaves an orphan only.
    if (result.replaced && result.dropBlob) {
      await deps.blobs.delete(result.replaced.blobKey).catch(() => {});
    }
    return { document: result.document, tab: result.tab };
  } catch (error) {
    await deps.blobs.delete(blobKey).catch(() => {});
    throw error;
  }
}

/** What the audit log keeps of a document (never its bytes). */
function documentFacts(document: DocumentRecord) {
  const { id, kind, fileName, contentType, sizeBytes, sha256 } = document;
  return { id, kind, fileName, contentType, sizeBytes, sha256 };
}

export async function deleteDocument(
  deps: DocumentDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  documentId: string,
  expected: ExpectedVersions,
  requestId?: string,
) {
  const result = await runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'offer.document.delete', organisationId, permission: 'offers.write' },
    async ({ tx, now, audit, emit }) => {
      const offer = getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      getOrNotFound(
        await tx.documents.findDocument(organisationId, offerId, documentId),
        'document',
      );
      const removed = await tx.documents.deleteDocument(
        organisationId,
        offerId,
        documentId,
        expected,
      );
      if (!removed) throw new AppError('PRECONDITION_FAILED');
      await tx.offers.bumpDraftVersion(organisationId, offerId, 'documents', now);
      audit({ entityType: 'offer', entityId: offerId, before: documentFacts(removed) });
      emit({
        type: 'document.deleted',
        organisationId,
        subject: { type: 'offer', id: offerId },
        data: { offerId, documentId, kind: removed.kind },
      });
      const dropBlob = !(await tx.versions.isBlobKeptByVersion(organisationId, removed.blobKey));
      return { removed, dropBlob, tab: await readCosellTab(tx, offer) };
    },
  );
  if (result.dropBlob) await deps.blobs.delete(result.removed.blobKey).catch(() => {});
  return result.tab;
}

export async function listDocuments(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
): Promise<DocumentRecord[]> {
  return deps.uow.run(async (tx) => {
    await requireOffer(tx, actor, organisationId, offerId, 'offers.read');
    return tx.documents.listDocuments(organisationId, offerId);
  }, scopeOf(actor));
}

/** The document's record and a stream of its bytes, for download. */
export async function openDocument(
  deps: DocumentDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  documentId: string,
): Promise<{ document: DocumentRecord; stream: NodeJS.ReadableStream }> {
  const document = await deps.uow.run(async (tx) => {
    await requireOffer(tx, actor, organisationId, offerId, 'offers.read');
    return getOrNotFound(
      await tx.documents.findDocument(organisationId, offerId, documentId),
      'document',
    );
  }, scopeOf(actor));
  return { document, stream: await deps.blobs.open(document.blobKey) };
}
