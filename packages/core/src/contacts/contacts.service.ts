/**
 * Contacts of an offer: edited one by one, or replaced as a whole by a CSV import that is
 * validated and staged first, previewed, confirmed, and can be undone.
 *
 * An import never half-happens: a file with any bad row stages nothing (its rows are dropped
 * with the import), and confirming swaps the whole list in one transaction. The file is read
 * as a stream and staged in batches, so memory stays flat whatever its size (QUALITY P5).
 */
import type { ContactInput } from './contact';
import { contactsCsvChunks, contactsCsvTemplate, parseContactsCsv } from './csv';
import { AppError, getOrNotFound, type FieldIssue } from '../errors';
import type { ExpectedVersions } from '../ports';
import { scopeOf, type Actor } from '../accounts/access';
import { requireOffer, type OfferDeps } from '../offers/offer.service';
import type { Tx } from '../transaction';
import type { ContactImportDiff } from './contacts.ports';
import type { ContactImportRecord } from './contacts.ports';
import type { ContactRecord } from './contacts.ports';

/** Tunables of imports; the defaults suit the API. */
export interface ContactImportSettings {
  /** Rows staged per statement. */
  batchSize: number;
  /** Problems listed in a refusal (the total count is always given). */
  maxIssues: number;
  /** Contacts shown per preview part (added, removed, changed). */
  sampleSize: number;
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
  requestId?: string,
): Promise<ContactChange> {
  return mapDuplicate(() =>
    deps.uow.run(async (tx) => {
      await requireOffer(tx, actor, organisationId, offerId, 'offers.write');
      const contact = await tx.contacts.createContact(organisationId, offerId, input);
      const contactsVersion = await recordContactChange(tx, deps, actor, {
        organisationId,
        offerId,
        action: 'offer.contact.create',
        before: undefined,
        after: input,
        requestId,
      });
      return { contact, contactsVersion };
    }, scopeOf(actor)),
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
    deps.uow.run(async (tx) => {
      await requireOffer(tx, actor, organisationId, offerId, 'offers.write');
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
      const contactsVersion = await recordContactChange(tx, deps, actor, {
        organisationId,
        offerId,
        action: 'offer.contact.update',
        before: contactFields(before),
        after: input,
        requestId,
      });
      return { contact, contactsVersion };
    }, scopeOf(actor)),
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
  return deps.uow.run(async (tx) => {
    await requireOffer(tx, actor, organisationId, offerId, 'offers.write');
    getOrNotFound(await tx.contacts.findContact(organisationId, offerId, contactId), 'contact');
    const removed = await tx.contacts.deleteContact(organisationId, offerId, contactId, expected);
    if (!removed) throw new AppError('PRECONDITION_FAILED');
    const contactsVersion = await recordContactChange(tx, deps, actor, {
      organisationId,
      offerId,
      action: 'offer.contact.delete',
      before: contactFields(removed),
      after: undefined,
      requestId,
    });
    return { contactsVersion };
  }, scopeOf(actor));
}

/**
 * What every single-contact change does besides the row itself: bump the list's version (the
 * preview of a staged import compares against it) and write the audit entry.
 */
async function recordContactChange(
  tx: Tx,
  deps: OfferDeps,
  actor: Actor,
  change: {
    organisationId: string;
    offerId: string;
    action: string;
    before: unknown;
    after: unknown;
    requestId: string | undefined;
  },
): Promise<number> {
  const contactsVersion = await tx.offers.bumpContactsVersion(
    change.organisationId,
    change.offerId,
    'any',
    deps.clock.now(),
  );
  await tx.audit.appendAudit({
    organisationId: change.organisationId,
    actorUserId: actor.userId,
    action: change.action,
    entityType: 'offer',
    entityId: change.offerId,
    before: change.before,
    after: change.after,
    requestId: change.requestId,
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
    for await (const parsed of parseContactsCsv(source, { maxIssues: settings.maxIssues })) {
      rowCount++;
      if (parsed.contact && parsed.issueCount === 0) {
        // Once a bad row is found nothing will be applied; keep validating, stop staging.
        if (badRows === 0) {
          batch.push({ row: parsed.row, contact: parsed.contact });
          if (batch.length >= settings.batchSize) await flush();
        }
      } else {
        badRows++;
        for (const issue of parsed.issues) {
          if (issues.length < settings.maxIssues) issues.push(issue);
        }
      }
    }
    if (badRows === 0) await flush();
    if (rowCount === 0) {
      issues.push({ path: ['file'], code: 'import.empty' });
      badRows = 1;
    }
    if (badRows === 0) {
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
  return deps.uow.run(async (tx) => {
    await requireOffer(tx, actor, organisationId, offerId, 'offers.write');
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
      deps.clock.now(),
    );
    if (!applied) throw new AppError('PRECONDITION_FAILED');
    await tx.contactImports.pruneContactImports(organisationId, offerId, [importId]);
    await tx.audit.appendAudit({
      organisationId,
      actorUserId: actor.userId,
      action: 'offer.contacts.import',
      entityType: 'offer',
      entityId: offerId,
      before: { contacts: before },
      after: { contacts: applied.rowCount, importId, fileName: applied.fileName },
      requestId,
    });
    return applied;
  }, scopeOf(actor));
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
  return deps.uow.run(async (tx) => {
    await requireOffer(tx, actor, organisationId, offerId, 'offers.write');
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
      deps.clock.now(),
    );
    if (!undone) throw new AppError('CONFLICT', { messageKey: 'import.undoStale' });
    await tx.audit.appendAudit({
      organisationId,
      actorUserId: actor.userId,
      action: 'offer.contacts.importUndo',
      entityType: 'offer',
      entityId: offerId,
      before: { contacts: applied.rowCount, importId },
      after: { contacts: await tx.contacts.countContacts(organisationId, offerId) },
      requestId,
    });
    return undone;
  }, scopeOf(actor));
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
    yield contactsCsvTemplate();
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
