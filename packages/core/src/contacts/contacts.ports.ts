/** Repository ports of an offer's contacts and their staged CSV imports. */
import type { ContactInput } from './contact';
import type { ExpectedVersions } from '../ports';

export const CONTACT_IMPORT_STATES = ['pending', 'applied', 'undone'] as const;
export type ContactImportState = (typeof CONTACT_IMPORT_STATES)[number];

export interface ContactRecord extends ContactInput {
  organisationId: string;
  offerId: string;
  id: string;
  /** Order in the list (the order of the imported file). */
  position: number;
  version: number;
}

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

/** Contacts of offers. */
export interface ContactRepository {
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
}

/** Staged contact imports (ADR 006). */
export interface ContactImportRepository {
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
