/**
 * Repository ports of offers and their co-sell tab: offer rows, documents, contacts and the
 * staged contact imports. Implemented by packages/db; every method names the organisation.
 */
import type { ContactInput } from '../contacts/contact';
import type { ExpectedVersions, Page } from '../ports';
import type { DocumentKindId } from '../reference/documents';
import type { CosellDraft, OfferFields, OfferListQuery, OfferRecord } from './offer';

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

export interface ContactRecord extends ContactInput {
  organisationId: string;
  offerId: string;
  id: string;
  /** Order in the list (the order of the imported file). */
  position: number;
  version: number;
}

export const CONTACT_IMPORT_STATES = ['pending', 'applied', 'undone'] as const;
export type ContactImportState = (typeof CONTACT_IMPORT_STATES)[number];

/** A validated contacts file staged for confirmation, and after that the undo point. */
export interface ContactImportRecord {
  organisationId: string;
  offerId: string;
  id: string;
  state: ContactImportState;
  fileName: string | null;
  rowCount: number;
  /** The contacts version the preview was computed against. */
  baseContactsVersion: number;
  /** The contacts version the import produced; undo is possible while it is current. */
  resultingContactsVersion: number | null;
  createdBy: string | null;
  createdAt: Date;
  appliedAt: Date | null;
  undoneAt: Date | null;
}

/** One side of a preview: how many, and the first few. */
export interface DiffPart<T> {
  count: number;
  sample: T[];
}

export interface ContactImportDiff {
  added: DiffPart<ContactInput>;
  removed: DiffPart<ContactInput>;
  changed: DiffPart<{ before: ContactInput; after: ContactInput }>;
  unchanged: number;
}

export interface OfferRepositories {
  createOffer(organisationId: string, fields: OfferFields, at: Date): Promise<OfferRecord>;
  findOffer(organisationId: string, id: string): Promise<OfferRecord | null>;
  listOffers(organisationId: string, query: OfferListQuery): Promise<Page<OfferRecord>>;
  /** Updates fields, the draft or the archive mark; null when the version is not one of `expected`. */
  updateOffer(
    organisationId: string,
    id: string,
    patch: Partial<OfferFields> & { cosell?: CosellDraft; archivedAt?: Date | null },
    expected: ExpectedVersions,
    at: Date,
  ): Promise<OfferRecord | null>;

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

  listContacts(organisationId: string, offerId: string): Promise<ContactRecord[]>;
  /** Contacts after `afterPosition` in list order, at most `limit` (for streaming exports). */
  listContactsAfter(
    organisationId: string,
    offerId: string,
    afterPosition: number,
    limit: number,
  ): Promise<ContactRecord[]>;
  countContacts(organisationId: string, offerId: string): Promise<number>;
  findContact(organisationId: string, offerId: string, id: string): Promise<ContactRecord | null>;
  /** Appends a contact; CONFLICT when the same e-mail already holds the same role. */
  createContact(
    organisationId: string,
    offerId: string,
    input: ContactInput,
  ): Promise<ContactRecord>;
  updateContact(
    organisationId: string,
    offerId: string,
    id: string,
    input: ContactInput,
    expected: ExpectedVersions,
  ): Promise<ContactRecord | null>;
  deleteContact(
    organisationId: string,
    offerId: string,
    id: string,
    expected: ExpectedVersions,
  ): Promise<ContactRecord | null>;
  /**
   * Bumps the offer's contacts version when it is one of `expected`; returns the new version,
   * or null when it is not (someone else changed the contacts).
   */
  bumpContactsVersion(
    organisationId: string,
    offerId: string,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<number | null>;

  createContactImport(input: {
    organisationId: string;
    offerId: string;
    fileName: string | null;
    baseContactsVersion: number;
    createdBy: string;
    at: Date;
  }): Promise<ContactImportRecord>;
  /** Stages validated rows of an import (called in batches while the file streams in). */
  stageContactImportRows(
    organisationId: string,
    importId: string,
    rows: readonly { row: number; contact: ContactInput }[],
  ): Promise<void>;
  /** Rows whose e-mail and role repeat an earlier row of the same import. */
  findContactImportDuplicates(
    organisationId: string,
    importId: string,
    limit: number,
  ): Promise<{ row: number; firstRow: number; email: string; role: string }[]>;
  setContactImportRowCount(
    organisationId: string,
    importId: string,
    rowCount: number,
  ): Promise<void>;
  findContactImport(
    organisationId: string,
    offerId: string,
    importId: string,
  ): Promise<ContactImportRecord | null>;
  /** What applying the import would change, matching contacts by e-mail and role. */
  diffContactImport(
    organisationId: string,
    offerId: string,
    importId: string,
    sampleSize: number,
  ): Promise<ContactImportDiff>;
  /**
   * Replaces the offer's contacts by the staged rows, keeping the previous ones with the import
   * for undo. Null when the contacts version is not one of `expected`.
   */
  applyContactImport(
    organisationId: string,
    offerId: string,
    importId: string,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<ContactImportRecord | null>;
  /** Puts the contacts kept by an applied import back. Null when contacts changed since. */
  undoContactImport(
    organisationId: string,
    offerId: string,
    importId: string,
    at: Date,
  ): Promise<ContactImportRecord | null>;
  /** The newest applied import of the offer (the one that can be undone), if any. */
  findLatestAppliedContactImport(
    organisationId: string,
    offerId: string,
  ): Promise<ContactImportRecord | null>;
  /** Removes one import with its staged rows. */
  deleteContactImport(organisationId: string, importId: string): Promise<void>;
  /** Removes the offer's imports other than `keepIds` that can no longer be applied or undone. */
  pruneContactImports(organisationId: string, offerId: string, keepIds: string[]): Promise<void>;
}
