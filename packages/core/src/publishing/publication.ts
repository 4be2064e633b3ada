/**
 * Publication (SPEC §6): an offer's draft, its immutable published versions, and the
 * submissions that carry a draft through automated validation, the vendor's co-sell review,
 * preview and "Go live".
 */
import { z } from 'zod';
import type { ContactInput } from '../contacts/contact';
import type { CosellDraft, OfferFields, OfferLifecycleState, PublishStatus } from '../offers/offer';
import type { DocumentKindId } from '../reference/documents';
import { offerStatusFacts } from '../program/evaluation';
import { TECHNICAL_VALIDATIONS, type StatusOfferFacts } from '../program/status-engine';

/** What "Review and publish" lets the publisher tick (SPEC §6 step 3). */
export const PUBLISH_SECTIONS = ['offer-setup', 'cosell'] as const;
export type PublishSection = (typeof PUBLISH_SECTIONS)[number];

/** The offer fields a published version keeps (the publisher's view of the marketplace offer). */
export type SnapshotFields = Omit<OfferFields, 'lifecycleState'>;

export interface SnapshotDocument {
  id: string;
  kind: DocumentKindId;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  blobKey: string;
}

/** An immutable copy of everything a publish submits. */
export interface OfferSnapshot {
  fields: SnapshotFields;
  cosell: CosellDraft;
  documents: SnapshotDocument[];
  contacts: ContactInput[];
}

export interface OfferVersionRecord {
  organisationId: string;
  offerId: string;
  id: string;
  /** 1, 2, 3… per offer. */
  number: number;
  snapshot: OfferSnapshot;
  createdBy: string | null;
  createdAt: Date;
}

/**
 * Where a submission is. validating → (attention-needed | in-review) → (rejected | approved)
 * → (preview → publishing | publishing) → published; cancelled from any open state before
 * the publisher's sign-off ("Go live").
 */
export const SUBMISSION_STATES = [
  'validating',
  'attention-needed',
  'in-review',
  'rejected',
  'approved',
  'preview',
  'publishing',
  'published',
  'cancelled',
] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SubmissionStateSchema = z.enum(SUBMISSION_STATES);

/** States in which a submission is still on its way (one per offer at a time). */
export const OPEN_SUBMISSION_STATES: readonly SubmissionState[] = [
  'validating',
  'in-review',
  'approved',
  'preview',
  'publishing',
];
/** States from which the publisher may cancel (before sign-off). */
export const CANCELLABLE_STATES: readonly SubmissionState[] = [
  'validating',
  'in-review',
  'approved',
  'preview',
];

export const REVIEW_DECISIONS = ['approve', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** What a reviewer records. */
export interface ReviewRecord {
  reviewerId: string;
  decision: ReviewDecision;
  /** The report the publisher reads (required when rejecting). */
  report: string;
  technicalValidation: (typeof TECHNICAL_VALIDATIONS)[number];
  revenueVerified: boolean;
  decidedAt: Date;
}

export interface ValidationProblem {
  /** A checklist item id or a field path, and its message key. */
  id: string;
  code: string;
  params: Record<string, string | number>;
}

export interface SubmissionRecord {
  organisationId: string;
  id: string;
  offerId: string;
  versionId: string;
  sections: PublishSection[];
  state: SubmissionState;
  /** Automated validation problems (when state is attention-needed). */
  problems: ValidationProblem[];
  /** The offer was live when this was submitted (a co-sell-only update of a live offer). */
  offerWasLive: boolean;
  submittedBy: string | null;
  submittedAt: Date;
  review: ReviewRecord | null;
  updatedAt: Date;
  version: number;
}

/** The offer's status as the offer list shows it, from its latest submission. */
export function publishStatusOf(
  latest: Pick<SubmissionRecord, 'state'> | null,
  hasLiveVersion: boolean,
): PublishStatus {
  switch (latest?.state) {
    case 'attention-needed':
    case 'rejected':
      return 'attention-needed';
    case 'preview':
      return 'preview';
    case 'validating':
    case 'in-review':
    case 'approved':
    case 'publishing':
      return 'publish-in-progress';
    default:
      return hasLiveVersion ? 'live' : 'draft';
  }
}

/** Publication state kept on the offer row. */
export interface OfferPublication {
  publishStatus: PublishStatus;
  lifecycleState: OfferLifecycleState;
  liveVersionId: string | null;
}

/** The engine's view of a snapshot (a live version, or the draft for a preview of the status). */
export function snapshotStatusFacts(
  snapshot: OfferSnapshot,
  meta: { live: boolean; createdAt: Date },
): StatusOfferFacts {
  return offerStatusFacts(snapshot, meta);
}

/** One difference between the draft and the live version. */
export interface SnapshotChange {
  section: 'offer-setup' | 'listing' | 'documents' | 'contacts';
  /** The field (offer field name, listing field, document kind, or contact e-mail + role). */
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted: stored JSON (jsonb) does not keep key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * "Compare": the draft against the live version, field by field, documents by kind and file,
 * contacts by e-mail and role. Without a live version everything is "added".
 */
export function compareSnapshots(
  live: OfferSnapshot | null,
  draft: OfferSnapshot,
): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  const fieldKeys = Object.keys(draft.fields) as (keyof SnapshotFields)[];
  for (const key of fieldKeys) {
    const before = live ? live.fields[key] : undefined;
    const after = draft.fields[key];
    if (!live) changes.push({ section: 'offer-setup', field: key, kind: 'added', before, after });
    else if (!same(before, after)) {
      changes.push({ section: 'offer-setup', field: key, kind: 'changed', before, after });
    }
  }
  const listingOf = (s: OfferSnapshot | null) =>
    s ? { ...s.cosell.listing, landingPageUrl: s.cosell.landingPageUrl } : null;
  const liveListing = listingOf(live);
  const draftListing = listingOf(draft)!;
  for (const key of Object.keys(draftListing) as (keyof typeof draftListing)[]) {
    const before = liveListing ? liveListing[key] : undefined;
    const after = draftListing[key];
    if (!liveListing)
      changes.push({ section: 'listing', field: key, kind: 'added', before, after });
    else if (!same(before, after)) {
      changes.push({ section: 'listing', field: key, kind: 'changed', before, after });
    }
  }
  const docKey = (d: SnapshotDocument) => `${d.kind}:${d.sha256}:${d.fileName}`;
  const liveDocs = new Map((live?.documents ?? []).map((d) => [docKey(d), d]));
  const draftDocs = new Map(draft.documents.map((d) => [docKey(d), d]));
  for (const [key, doc] of draftDocs) {
    if (!liveDocs.has(key)) {
      changes.push({
        section: 'documents',
        field: doc.kind,
        kind: 'added',
        before: null,
        after: doc.fileName,
      });
    }
  }
  for (const [key, doc] of liveDocs) {
    if (!draftDocs.has(key)) {
      changes.push({
        section: 'documents',
        field: doc.kind,
        kind: 'removed',
        before: doc.fileName,
        after: null,
      });
    }
  }
  const contactKey = (c: ContactInput) => `${c.email.toLowerCase()} (${c.role})`;
  const liveContacts = new Map((live?.contacts ?? []).map((c) => [contactKey(c), c]));
  const draftContacts = new Map(draft.contacts.map((c) => [contactKey(c), c]));
  for (const [key, contact] of draftContacts) {
    const before = liveContacts.get(key);
    if (!before) {
      changes.push({
        section: 'contacts',
        field: key,
        kind: 'added',
        before: null,
        after: contact,
      });
    } else if (!same(before, contact)) {
      changes.push({ section: 'contacts', field: key, kind: 'changed', before, after: contact });
    }
  }
  for (const [key, contact] of liveContacts) {
    if (!draftContacts.has(key)) {
      changes.push({
        section: 'contacts',
        field: key,
        kind: 'removed',
        before: contact,
        after: null,
      });
    }
  }
  return changes;
}

/** True when anything outside the co-sell tab (the offer setup fields) differs from the live version. */
export function offerSetupChanged(changes: readonly SnapshotChange[]): boolean {
  return changes.some((change) => change.section === 'offer-setup');
}
