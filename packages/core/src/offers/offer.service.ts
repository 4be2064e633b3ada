/**
 * Offer use cases: create, list, read, edit, archive, and the co-sell tab's draft. Every write
 * checks the actor's permission in the organisation, runs in one transaction with its audit
 * entry, and honours the version the caller edited (If-Match).
 */
import { AppError, getOrNotFound, type FieldIssue } from '../errors';
import type { Clock, ExpectedVersions, Page } from '../ports';
import { policyById, type ProgramPolicy } from '../program/policies';
import { TaxonomySchema, type Taxonomy } from '../program/taxonomy';
import { LATEST_COSELL_POLICY_ERA, type CosellPolicyEra } from '../reference/cosell-statuses';
import { requireOrganisationAccess, scopeOf, type Actor } from '../accounts/access';
import { runCommand, requestMeta, type CommandRequest } from '../commands/command';
import type { Permission } from '../accounts/permissions';
import { evaluateCosellTab, validateCosellDraft, type CosellTabEvaluation } from './cosell-tab';
import {
  normaliseOfferFields,
  type CosellDraft,
  type OfferFields,
  type OfferListItem,
  type OfferListQuery,
  type OfferRecord,
  type UpdateOfferInput,
  type DraftPart,
} from './offer';
import type { Tx } from '../transaction';
import type { UnitOfWork } from '../transaction';
import type { ContactImportRecord } from '../contacts/contacts.ports';
import type { DocumentRecord } from '../documents/documents.ports';

export interface OfferDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** Event ids (random unless a test fixes them). */
  newId?: () => string;
}

/** The program data a co-sell tab is checked against. */
export interface ProgramContext {
  policy: ProgramPolicy;
  taxonomy: Taxonomy;
}

/** Reads the active policy and taxonomy of the installation's program. */
export async function loadProgramContext(tx: Tx): Promise<ProgramContext> {
  const vendor = await tx.organisations.findVendorOrganisation();
  const program = vendor && (await tx.programs.findProgram(vendor.id));
  if (!program) throw new AppError('NOT_FOUND', { message: 'program not set up' });
  return {
    policy: policyById(program.activePolicy),
    taxonomy: TaxonomySchema.parse(program.taxonomy),
  };
}

/**
 * The offer, after checking `permission` in its organisation; NOT_FOUND for an organisation
 * the actor cannot see and for an offer that is not there (or is another organisation's).
 */
export async function requireOffer(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  offerId: string,
  permission: Permission,
): Promise<OfferRecord> {
  await requireOrganisationAccess(tx, actor, organisationId, permission);
  return getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
}

const aliasTaken = () =>
  new AppError('CONFLICT', {
    messageKey: 'alias.taken',
    issues: [{ path: ['alias'], code: 'alias.taken' }],
  });

/** Runs a write that may hit the alias unique index, answering with the field that collides. */
async function mapAliasConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT' && /alias/.test(error.message)) {
      throw aliasTaken();
    }
    throw error;
  }
}

export async function createOffer(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  fields: Omit<OfferFields, 'lifecycleState'>,
  request?: CommandRequest,
): Promise<OfferRecord> {
  return mapAliasConflict(() =>
    runCommand(
      deps,
      { actor, ...requestMeta(request) },
      { name: 'offer.create', organisationId, permission: 'offers.write' },
      async ({ tx, now, audit, emit }) => {
        const offer = await tx.offers.createOffer(
          organisationId,
          normaliseOfferFields({ ...fields, lifecycleState: 'draft' }),
          now,
        );
        audit({ entityType: 'offer', entityId: offer.id, after: auditFields(offer) });
        emit({
          type: 'offer.created',
          organisationId,
          subject: { type: 'offer', id: offer.id },
          data: { offerId: offer.id, name: offer.name, offerType: offer.offerType },
        });
        return offer;
      },
    ),
  );
}

/**
 * A page of the organisation's offers, each with the co-sell status its status page shows: the
 * status engine's result for an offer that is live, "not co-sell ready" before it went live;
 * `namingEra` names the statuses as the active policy does.
 */
export async function listOffers(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  query: OfferListQuery,
): Promise<Page<OfferListItem> & { namingEra: CosellPolicyEra }> {
  const page = await deps.uow.run(async (tx) => {
    await requireOrganisationAccess(tx, actor, organisationId, 'offers.read');
    return tx.offers.listOffersWithStatus(organisationId, query);
  }, scopeOf(actor));
  return {
    items: page.items.map(({ offer, cosellStatus }) => ({
      ...offer,
      cosellStatus: offer.liveVersionId && cosellStatus ? cosellStatus : 'not-cosell-ready',
    })),
    total: page.total,
    namingEra: page.activePolicy
      ? policyById(page.activePolicy).namingEra
      : LATEST_COSELL_POLICY_ERA,
  };
}

export async function getOffer(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
): Promise<OfferRecord> {
  return deps.uow.run(
    (tx) => requireOffer(tx, actor, organisationId, offerId, 'offers.read'),
    scopeOf(actor),
  );
}

/** The offer fields as the audit log keeps them (the draft is audited by its own action). */
function auditFields(offer: OfferRecord): Record<string, unknown> {
  const { cosell: _cosell, organisationId: _o, createdAt: _c, updatedAt: _u, ...rest } = offer;
  return rest;
}

/** Versions, not fields: never listed as changed. */
const NOT_FIELDS = new Set(['version', 'contactsVersion', 'draftVersion', 'draftChanges']);

/** Notes that `part` of the offer's draft changed, on the record handed back to the caller. */
async function withDraftBumped(
  tx: Tx,
  offer: OfferRecord,
  part: DraftPart,
  now: Date,
): Promise<OfferRecord> {
  const draftVersion = await tx.offers.bumpDraftVersion(offer.organisationId, offer.id, part, now);
  if (draftVersion === null) return offer;
  return { ...offer, draftVersion, draftChanges: { ...offer.draftChanges, [part]: draftVersion } };
}

/** Only the fields a patch changed, before and after. */
function changedFields(before: OfferRecord, after: OfferRecord) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const previous = auditFields(before);
  const next = auditFields(after);
  for (const key of Object.keys(next)) {
    if (NOT_FIELDS.has(key)) continue;
    if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) {
      b[key] = previous[key];
      a[key] = next[key];
    }
  }
  return { before: b, after: a };
}

export async function updateOffer(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  patch: UpdateOfferInput,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<OfferRecord> {
  return mapAliasConflict(() =>
    runCommand(
      deps,
      { actor, requestId, expected },
      { name: 'offer.update', organisationId, permission: 'offers.write' },
      async ({ tx, now, audit, emit }) => {
        const before = getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
        // Only a transactable offer can be priced above zero, whichever field the patch touches.
        const transactable = patch.transactable ?? before.transactable;
        const fields = transactable ? patch : { ...patch, pricedAboveZero: false };
        const updated = await tx.offers.updateOffer(organisationId, offerId, fields, expected, now);
        if (!updated) throw new AppError('PRECONDITION_FAILED');
        const changes = changedFields(before, updated);
        audit({ entityType: 'offer', entityId: offerId, ...changes });
        const fieldsChanged = Object.keys(changes.after);
        if (fieldsChanged.length === 0) return updated;
        emit({
          type: 'offer.updated',
          organisationId,
          subject: { type: 'offer', id: offerId },
          data: { offerId, fields: fieldsChanged },
        });
        return withDraftBumped(tx, updated, 'fields', now);
      },
    ),
  );
}

/** Archives (hides from the default list) or restores an offer. */
export async function setOfferArchived(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  archived: boolean,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<OfferRecord> {
  return runCommand(
    deps,
    { actor, requestId, expected },
    {
      name: archived ? 'offer.archive' : 'offer.restore',
      organisationId,
      permission: 'offers.write',
    },
    async ({ tx, now, audit, emit }) => {
      const before = getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      if (Boolean(before.archivedAt) === archived) return before;
      const updated = await tx.offers.updateOffer(
        organisationId,
        offerId,
        { archivedAt: archived ? now : null },
        expected,
        now,
      );
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      audit({
        entityType: 'offer',
        entityId: offerId,
        before: { archivedAt: before.archivedAt },
        after: { archivedAt: updated.archivedAt },
      });
      emit({
        type: archived ? 'offer.archived' : 'offer.restored',
        organisationId,
        subject: { type: 'offer', id: offerId },
        data: { offerId },
      });
      return updated;
    },
  );
}

/** Everything the co-sell tab shows: the draft, documents, contacts summary and the checklist. */
export interface CosellTabView {
  offer: OfferRecord;
  documents: DocumentRecord[];
  contactCount: number;
  /** The applied import that "Undo import" would revert, while it still can. */
  undoableImport: ContactImportRecord | null;
  evaluation: CosellTabEvaluation;
  policy: ProgramPolicy;
  taxonomy: Taxonomy;
}

/** Reads the tab inside a transaction (also used after each write to answer with fresh state). */
export async function readCosellTab(
  tx: Tx,
  offer: OfferRecord,
  program?: ProgramContext,
): Promise<CosellTabView> {
  const { policy, taxonomy } = program ?? (await loadProgramContext(tx));
  // In turn: the transaction's one connection runs one query at a time.
  const documents = await tx.documents.listDocuments(offer.organisationId, offer.id);
  const contacts = await tx.contacts.listContacts(offer.organisationId, offer.id);
  const latestImport = await tx.contactImports.findLatestAppliedContactImport(
    offer.organisationId,
    offer.id,
  );
  return {
    offer,
    documents,
    contactCount: contacts.length,
    undoableImport:
      latestImport?.resultingContactsVersion === offer.contactsVersion ? latestImport : null,
    evaluation: evaluateCosellTab({
      offer,
      draft: offer.cosell,
      documents,
      contacts,
      policy,
      taxonomy,
    }),
    policy,
    taxonomy,
  };
}

export async function getCosellTab(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
): Promise<CosellTabView> {
  return deps.uow.run(async (tx) => {
    const offer = await requireOffer(tx, actor, organisationId, offerId, 'offers.read');
    return readCosellTab(tx, offer);
  }, scopeOf(actor));
}

/**
 * "Save draft": stores the listing and landing page when they fit the taxonomy and the
 * active policy's limits (all problems reported at once). Incomplete drafts are fine; what is
 * missing shows in the checklist.
 */
export async function saveCosellDraft(
  deps: OfferDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  draft: CosellDraft,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<CosellTabView> {
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'offer.cosell.save', organisationId, permission: 'offers.write' },
    async ({ tx, now, audit, emit }) => {
      const before = getOrNotFound(await tx.offers.findOffer(organisationId, offerId), 'offer');
      const program = await loadProgramContext(tx);
      const issues: FieldIssue[] = validateCosellDraft(draft, program.taxonomy, program.policy);
      if (issues.length > 0) throw new AppError('VALIDATION', { issues });
      const updated = await tx.offers.updateOffer(
        organisationId,
        offerId,
        { cosell: draft },
        expected,
        now,
      );
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      audit({ entityType: 'offer', entityId: offerId, before: before.cosell, after: draft });
      emit({
        type: 'offer.draft-saved',
        organisationId,
        subject: { type: 'offer', id: offerId },
        data: { offerId },
      });
      const saved =
        JSON.stringify(before.cosell) === JSON.stringify(updated.cosell)
          ? updated
          : await withDraftBumped(tx, updated, 'listing', now);
      return readCosellTab(tx, saved, program);
    },
  );
}
