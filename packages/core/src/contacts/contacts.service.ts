/**
 * Contacts of an offer: edited one by one, or replaced as a whole by a CSV import that is
 * validated and staged first, previewed, confirmed, and can be undone.
 *
 * An import never half-happens: a file with any bad row stages nothing (its rows are dropped
 * with the import), and confirming swaps the whole list in one transaction. The file is read
 * as a stream and staged in batches, so memory stays flat whatever its size (QUALITY P5).
 */
import type { ContactInput } from './contact';
import { contactsCsvChunks, contactsCsvHead, parseContactsCsv } from './csv';
import { AppError, getOrNotFound, type FieldIssue } from '../errors';
import type { ExpectedVersions } from '../ports';
import { scopeOf, type Actor } from '../accounts/access';
import {
  runCommand,
  type CommandContext,
  requestMeta,
  type CommandRequest,
} from '../commands/command';
import { requireOffer, type OfferDeps } from '../offers/offer.service';
import type { ContactImportDiff } from './contacts.ports';
import type { ContactImportRecord } from './contacts.ports';
import type { ContactRecord } from './contacts.ports';
import type { Locale } from '../accounts/accounts.types';

/** Tunables of imports; the defaults suit the API. */
export interface ContactImportSettings {
  /** Rows staged per statement. */
  batchSize: number;
  /** Problems listed in a refusal (the total count is always given). */
  maxIssues: number;
  /** Contacts shown per preview part (added, removed, changed). */
  sampleSize: number;
  /**
   * The importing user's language: a file not saved as UTF-8 is read in its Excel code page
   * when that is unambiguous (see parseContactsCsv). Default English.
   */
  locale?: Locale;
}

export const DEFAULT_CONTACT_IMPORT_SETTINGS: ContactImportSettings = {
  batchSize: 2000,
  maxIssues: 1000,
  sampleSize: 50,
};

export interface ContactListView {
  contacts: ContactRecord[];
  contactsVersion: number;
}

export async function listContacts(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
): Promise<ContactListView> {
  return deps.uow.run(async (tx) => {
    const offer = await requireOffer(tx, actor, organisationId, offerId, 'offers.read');
    return {
      contacts: await tx.contacts.listContacts(organisationId, offerId),
      contactsVersion: offer.contactsVersion,
    };
  }, scopeOf(actor));
}

const duplicateContact = () =>
  new AppError('CONFLICT', {
    messageKey: 'import.duplicateContact',
    issues: [{ path: ['email'], code: 'import.duplicateContact' }],
  });

async function mapDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw duplicateContact();
    throw error;
  }
}

/** The result of a single-contact change: the contact and the list's new version. */
export interface ContactChange {
  contact: ContactRecord;
  contactsVersion: number;
}

export async function addContact(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  input: ContactInput,
  request?: CommandRequest,
): Promise<ContactChange> {
  return mapDuplicate(() =>
    runCommand(
      deps,
      { actor, ...requestMeta(request) },
      { name: 'offer.contact.create', organisationId, permission: 'offers.write' },
      async (ctx) => {
        getOrNotFound(await ctx.tx.offers.findOffer(organisationId, offerId), 'offer');
        const contact = await ctx.tx.contacts.createContact(organisationId, offerId, input);
        const contactsVersion = await recordContactChange(ctx, {
          offerId,
          contactId: contact.id,
          event: 'contact.added',
          before: undefined,
          after: input,
        });
        return { contact, contactsVersion };
      },
    ),
  );
}

export async function updateContact(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  contactId: string,
  input: ContactInput,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<ContactChange> {
  return mapDuplicate(() =>
    runCommand(
      deps,
      { actor, requestId, expected },
      { name: 'offer.contact.update', organisationId, permission: 'offers.write' },
      async (ctx) => {
        const { tx } = ctx;
        getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
        const before = getOrNotFound(
          await tx.contacts.findContact(organisationId, offerId, contactId),
          'contact',
        );
        const contact = await tx.contacts.updateContact(
          organisationId,
          offerId,
          contactId,
          input,
          expected,
        );
        if (!contact) throw new AppError('PRECONDITION_FAILED');
        const contactsVersion = await recordContactChange(ctx, {
          offerId,
          contactId,
          event: 'contact.updated',
          before: contactFields(before),
          after: input,
        });
        return { contact, contactsVersion };
      },
    ),
  );
}

export async function removeContact(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  contactId: string,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<{ contactsVersion: number }> {
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'offer.contact.delete', organisationId, permission: 'offers.write' },
    async (ctx) => {
      const { tx } = ctx;
      getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      getOrNotFound(await tx.contacts.findContact(organisationId, offerId, contactId), 'contact');
      const removed = await tx.contacts.deleteContact(organisationId, offerId, contactId, expected);
      if (!removed) throw new AppError('PRECONDITION_FAILED');
      const contactsVersion = await recordContactChange(ctx, {
        offerId,
        contactId,
        event: 'contact.removed',
        before: contactFields(removed),
        after: undefined,
      });
      return { contactsVersion };
    },
  );
}

/**
 * What every single-contact change does besides the row itself: bump the list's version (the
 * preview of a staged import compares against it), the audit entry and the event.
 */
async function recordContactChange(
  ctx: CommandContext,
  change: {
    offerId: string;
    contactId: string;
    event: 'contact.added' | 'contact.updated' | 'contact.removed';
    before: unknown;
    after: unknown;
  },
): Promise<number> {
  const organisationId = ctx.access!.organisation.id;
  const contactsVersion = await ctx.tx.offers.bumpContactsVersion(
    organisationId,
    change.offerId,
    'any',
    ctx.now,
  );
  await ctx.tx.offers.bumpDraftVersion(organisationId, change.offerId, 'contacts', ctx.now);
  ctx.audit({
    entityType: 'offer',
    entityId: change.offerId,
    before: change.before,
    after: change.after,
  });
  ctx.emit({
    type: change.event,
    organisationId,
    subject: { type: 'offer', id: change.offerId },
    data: { offerId: change.offerId, contactId: change.contactId },
  });
  return contactsVersion!;
}

function contactFields(contact: ContactRecord): ContactInput {
  const { name, email, jobTitle, role, countries, states } = contact;
  return { name, email, jobTitle, role, countries, states };
}

/** A staged import and what confirming it would change. */
export interface ContactImportPreview {
  import: ContactImportRecord;
  diff: ContactImportDiff;
}

/**
 * Validates a contacts file and stages its rows for confirmation. Refuses the whole file with
 * VALIDATION, listing every bad row and column (up to `maxIssues`, with the total in
 * `params.badRows`), when any row is wrong; then nothing is kept.
 */
export async function stageContactImport(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  source: AsyncIterable<Uint8Array | string>,
  fileName: string | null,
  settings: ContactImportSettings = DEFAULT_CONTACT_IMPORT_SETTINGS,
): Promise<ContactImportPreview> {
  const scope = scopeOf(actor);
  const record = await deps.uow.run(async (tx) => {
    const offer = await requireOffer(tx, actor, organisationId, offerId, 'offers.write');
    return tx.contactImports.createContactImport({
      organisationId,
      offerId,
      fileName,
      baseContactsVersion: offer.contactsVersion,
      createdBy: actor.userId,
      at: deps.clock.now(),
    });
  }, scope);

  // Rows are staged in short transactions while the file streams in, so a slow upload never
  // holds a transaction (or PGlite's only connection) open. Staged rows of a refused or
  // abandoned import are not contacts; they go with the import.
  const discard = () =>
    deps.uow.run((tx) => tx.contactImports.deleteContactImport(organisationId, record.id), scope);
  try {
    const issues: FieldIssue[] = [];
    let badRows = 0;
    let fileProblems = 0;
    let rowCount = 0;
    let batch: { row: number; contact: ContactInput }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      await deps.uow.run(
        (tx) => tx.contactImports.stageContactImportRows(organisationId, record.id, rows),
        scope,
      );
    };
    for await (const parsed of parseContactsCsv(source, {
      maxIssues: settings.maxIssues,
      locale: settings.locale ?? 'en',
    })) {
      rowCount++;
      if (parsed.contact && parsed.issueCount === 0) {
        // Once a bad row is found nothing will be applied; keep validating, stop staging.
        if (badRows === 0 && fileProblems === 0) {
          batch.push({ row: parsed.row, contact: parsed.contact });
          if (batch.length >= settings.batchSize) await flush();
        }
      } else {
        // A problem of the whole file (header, encoding) is not a row to correct.
        if (parsed.issues.length > 0 && parsed.issues.every((issue) => issue.path[0] === 'file')) {
          fileProblems++;
        } else {
          badRows++;
        }
        for (const issue of parsed.issues) {
          if (issues.length < settings.maxIssues) issues.push(issue);
        }
      }
    }
    if (badRows === 0 && fileProblems === 0) await flush();
    if (rowCount === 0) {
      issues.push({ path: ['file'], code: 'import.empty' });
      fileProblems = 1;
    }
    if (badRows === 0 && fileProblems === 0) {
      const duplicates = await deps.uow.run(
        (tx) =>
          tx.contactImports.findContactImportDuplicates(
            organisationId,
            record.id,
            settings.maxIssues,
          ),
        scope,
      );
      for (const duplicate of duplicates) {
        issues.push({
          path: ['rows', duplicate.row, 'email'],
          code: 'import.duplicateRow',
          params: { row: duplicate.row, firstRow: duplicate.firstRow, email: duplicate.email },
        });
      }
      badRows += duplicates.length;
    }
    if (badRows > 0) {
      throw new AppError('VALIDATION', {
        messageKey: 'import.refused',
        params: { badRows },
        issues,
      });
    }
    if (fileProblems > 0) {
      throw new AppError('VALIDATION', { messageKey: 'import.refusedFile', issues });
    }
    return await deps.uow.run(async (tx) => {
      await tx.contactImports.setContactImportRowCount(organisationId, record.id, rowCount);
      // Keep this import and the one "Undo" may still revert; older ones are spent.
      const latest = await tx.contactImports.findLatestAppliedContactImport(
        organisationId,
        offerId,
      );
      await tx.contactImports.pruneContactImports(
        organisationId,
        offerId,
        [record.id, latest?.id].filter((id): id is string => Boolean(id)),
      );
      const diff = await tx.contactImports.diffContactImport(
        organisationId,
        offerId,
        record.id,
        settings.sampleSize,
      );
      return { import: { ...record, rowCount }, diff };
    }, scope);
  } catch (error) {
    await discard().catch(() => {});
    throw error;
  }
}

/** Confirms a staged import: the offer's contacts become the file's rows, all at once. */
export async function applyContactImport(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  importId: string,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<ContactImportRecord> {
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'offer.contacts.import', organisationId, permission: 'offers.write' },
    async ({ tx, now, audit, emit }) => {
      getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      const staged = getOrNotFound(
        await tx.contactImports.findContactImport(organisationId, offerId, importId),
        'import',
      );
      if (staged.state !== 'pending') {
        throw new AppError('CONFLICT', { messageKey: 'import.notPending' });
      }
      const before = await tx.contacts.countContacts(organisationId, offerId);
      // The preview was computed against `baseContactsVersion`: without If-Match, that is the
      // version the confirmation is for.
      const applied = await tx.contactImports.applyContactImport(
        organisationId,
        offerId,
        importId,
        expected === 'any' ? [staged.baseContactsVersion] : expected,
        now,
      );
      if (!applied) throw new AppError('PRECONDITION_FAILED');
      await tx.offers.bumpDraftVersion(organisationId, offerId, 'contacts', now);
      await tx.contactImports.pruneContactImports(organisationId, offerId, [importId]);
      audit({
        entityType: 'offer',
        entityId: offerId,
        before: { contacts: before },
        after: { contacts: applied.rowCount, importId, fileName: applied.fileName },
      });
      emit({
        type: 'contacts.imported',
        organisationId,
        subject: { type: 'offer', id: offerId },
        data: { offerId, importId, contacts: applied.rowCount, previousContacts: before },
      });
      return applied;
    },
  );
}

/** Puts back the contacts an applied import replaced, while nobody has changed them since. */
export async function undoContactImport(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  importId: string,
  requestId?: string,
): Promise<ContactImportRecord> {
  return runCommand(
    deps,
    { actor, requestId },
    { name: 'offer.contacts.importUndo', organisationId, permission: 'offers.write' },
    async ({ tx, now, audit, emit }) => {
      getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      const applied = getOrNotFound(
        await tx.contactImports.findContactImport(organisationId, offerId, importId),
        'import',
      );
      if (applied.state !== 'applied') {
        throw new AppError('CONFLICT', { messageKey: 'import.notApplied' });
      }
      const undone = await tx.contactImports.undoContactImport(
        organisationId,
        offerId,
        importId,
        now,
      );
      if (!undone) throw new AppError('CONFLICT', { messageKey: 'import.undoStale' });
      await tx.offers.bumpDraftVersion(organisationId, offerId, 'contacts', now);
      emit({
        type: 'contacts.import-undone',
        organisationId,
        subject: { type: 'offer', id: offerId },
        data: { offerId, importId },
      });
      audit({
        entityType: 'offer',
        entityId: offerId,
        before: { contacts: applied.rowCount, importId },
        after: { contacts: await tx.contacts.countContacts(organisationId, offerId) },
      });
      return undone;
    },
  );
}

/**
 * The offer's contacts as CSV chunks in the template's shape, read page by page so a large list
 * is never held whole. Access is checked before the first chunk.
 */
export async function exportContacts(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  pageSize = 5000,
): Promise<AsyncIterable<string>> {
  const scope = scopeOf(actor);
  await deps.uow.run(
    (tx) => requireOffer(tx, actor, organisationId, offerId, 'offers.read'),
    scope,
  );
  async function* chunks(): AsyncGenerator<string> {
    yield contactsCsvHead();
    let after = 0;
    for (;;) {
      const page = await deps.uow.run(
        (tx) => tx.contacts.listContactsAfter(organisationId, offerId, after, pageSize),
        scope,
      );
      // contactsCsvChunks gives the BOM and header first, then a line per contact.
      const lines = contactsCsvChunks(page.map(contactFields));
      lines.next();
      yield [...lines].join('');
      if (page.length < pageSize) return;
      after = page[page.length - 1]!.position;
    }
  }
  return chunks();
}
