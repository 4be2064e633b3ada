/** Repository port of an offer's co-sell documents. */
import type { DocumentKindId } from '../reference/documents';
import type { ExpectedVersions } from '../ports';

export interface DocumentRecord {
  organisationId: string;
  offerId: string;
  id: string;
  kind: DocumentKindId;
  /** The name the file was uploaded with (NFC), offered again on download. */
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Hex sha256 of the stored bytes. */
  sha256: string;
  blobKey: string;
  uploadedBy: string | null;
  uploadedAt: Date;
  version: number;
}

/** Documents of offers, and which blobs anything still refers to. */
export interface DocumentRepository {
  listDocuments(organisationId: string, offerId: string): Promise<DocumentRecord[]>;
  findDocument(organisationId: string, offerId: string, id: string): Promise<DocumentRecord | null>;
  insertDocument(record: Omit<DocumentRecord, 'version'>): Promise<DocumentRecord>;
  /** Deletes; returns the deleted row, or null when the version is not one of `expected` or it is gone. */
  deleteDocument(
    organisationId: string,
    offerId: string,
    id: string,
    expected: ExpectedVersions,
  ): Promise<DocumentRecord | null>;
  /**
   * Program staff: which of `keys` a document or a published version of any organisation
   * still refers to (the orphan sweep deletes the others).
   */
  findReferencedBlobKeys(keys: readonly string[]): Promise<string[]>;
}
