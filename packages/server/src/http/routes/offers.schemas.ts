/** Response schemas of offers, their co-sell tab, documents and contacts, with their mappers. */
import {
  ContactRoleIdSchema,
  CosellCountryCodeSchema,
  CosellStatusIdSchema,
  CosellDraftSchema,
  CountryCodeSchema,
  DocumentKindIdSchema,
  OfferLifecycleStateSchema,
  OfferTypeIdSchema,
  PUBLISH_STATUSES,
  isCosellEligibleOfferType,
  StateCodeSchema,
  translate,
  type ContactImportDiff,
  type ContactImportRecord,
  type ContactInput,
  type ContactRecord,
  type CosellTabView,
  type DocumentRecord,
  type CosellPolicyEra,
  type Locale,
  type OfferListItem,
  type OfferRecord,
  statusLabel,
} from '@cosell/core';
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../schemas';

export const OfferParams = z.object({ organisationId: IdSchema, offerId: IdSchema });

export const OfferSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    name: z.string(),
    alias: z.string(),
    offerType: OfferTypeIdSchema,
    /** False for Office add-ins: they can be listed but never co-sold. */
    cosellEligible: z.boolean(),
    summary: z.string(),
    description: z.string(),
    markets: z.array(CountryCodeSchema),
    transactable: z.boolean(),
    pricedAboveZero: z.boolean(),
    cspOptIn: z.boolean(),
    lifecycleState: OfferLifecycleStateSchema,
    archivedAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    /** Version of the offer and its co-sell draft: send `"v<version>"` as If-Match. */
    version: z.number().int(),
    /** Version of the contact list (If-Match of contact imports). */
    contactsVersion: z.number().int(),
    /** Draft, Publish in progress, Attention needed, Preview or Live. */
    publishStatus: z.enum(PUBLISH_STATUSES),
    /** The published version that is live, once the offer went live. */
    liveVersionId: IdSchema.nullable(),
  })
  .meta({ id: 'Offer' });

export const toOffer = (o: OfferRecord): z.infer<typeof OfferSchema> => ({
  id: o.id,
  organisationId: o.organisationId,
  name: o.name,
  alias: o.alias,
  offerType: o.offerType,
  cosellEligible: isCosellEligibleOfferType(o.offerType),
  summary: o.summary,
  description: o.description,
  markets: o.markets,
  transactable: o.transactable,
  pricedAboveZero: o.pricedAboveZero,
  cspOptIn: o.cspOptIn,
  lifecycleState: o.lifecycleState,
  archivedAt: o.archivedAt?.toISOString() ?? null,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
  version: o.version,
  contactsVersion: o.contactsVersion,
  publishStatus: o.publishStatus,
  liveVersionId: o.liveVersionId,
});

/** An offer of the list: with the co-sell status its status page shows. */
export const OfferListItemSchema = OfferSchema.extend({
  /** The co-sell status the status engine gave the live offer ("not co-sell ready" before). */
  cosellStatus: CosellStatusIdSchema,
  /** Its name in the reader's language, as the active policy names it. */
  cosellStatusName: z.string(),
}).meta({ id: 'OfferListItem' });

export const toOfferListItem = (
  o: OfferListItem,
  locale: Locale,
  era: CosellPolicyEra,
): z.infer<typeof OfferListItemSchema> => ({
  ...toOffer(o),
  cosellStatus: o.cosellStatus,
  cosellStatusName: statusLabel(o.cosellStatus, locale, era),
});

export const DocumentSchema = z
  .object({
    id: IdSchema,
    kind: DocumentKindIdSchema,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    /** Hex sha256 of the stored bytes. */
    sha256: z.string(),
    uploadedAt: TimestampSchema,
    uploadedBy: IdSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Document' });

export const toDocument = (d: DocumentRecord): z.infer<typeof DocumentSchema> => ({
  id: d.id,
  kind: d.kind,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  uploadedAt: d.uploadedAt.toISOString(),
  uploadedBy: d.uploadedBy,
  version: d.version,
});

const SectionStateSchema = z.enum(['not-started', 'incomplete', 'complete']);

export const CosellTabSchema = z
  .object({
    offer: OfferSchema,
    draft: CosellDraftSchema,
    documents: z.array(DocumentSchema),
    contactCount: z.number().int(),
    /** The confirmed import "Undo import" would revert, while nobody changed the contacts since. */
    undoableImportId: IdSchema.nullable(),
    sections: z.object({
      listing: SectionStateSchema,
      documents: SectionStateSchema,
      landingPage: SectionStateSchema,
      contacts: SectionStateSchema,
    }),
    /**
     * What co-sell ready needs on the offer: the parts of its requirements, met or not. It never
     * blocks publishing; the offer is Not co-sell ready until every item is met.
     */
    checklist: z.array(
      z.object({
        id: z.string(),
        section: z.enum(['offer', 'listing', 'documents', 'landingPage', 'contacts']),
        /** The form field that fixes the item (an element id in the web app). */
        field: z.string(),
        met: z.boolean(),
        code: z.string(),
        /** The requirement in the caller's language. */
        message: z.string(),
      }),
    ),
    readyToSubmit: z.boolean(),
    policy: z.object({
      id: z.string(),
      maxSolutionAreas: z.number().int(),
      maxSubAreasPerArea: z.number().int(),
      segmentsField: z.boolean(),
      subAreaTerm: z.enum(['sub-area', 'sales play']),
      requiredDocuments: z.array(DocumentKindIdSchema),
    }),
    uploadLimits: z.object({ videoMaxBytes: z.number().int(), otherMaxBytes: z.number().int() }),
  })
  .meta({ id: 'CosellTab' });

export function toCosellTab(
  view: CosellTabView,
  locale: Locale,
  uploadLimits: { videoMaxBytes: number; otherMaxBytes: number },
): z.infer<typeof CosellTabSchema> {
  return {
    offer: toOffer(view.offer),
    draft: view.offer.cosell,
    documents: view.documents.map(toDocument),
    contactCount: view.contactCount,
    undoableImportId: view.undoableImport?.id ?? null,
    sections: view.evaluation.sections,
    checklist: view.evaluation.checklist.map((item) => ({
      id: item.id,
      section: item.section,
      field: item.field,
      met: item.met,
      code: item.code,
      message: translate(locale, item.code, item.params),
    })),
    readyToSubmit: view.evaluation.readyToSubmit,
    policy: {
      id: view.policy.id,
      maxSolutionAreas: view.policy.listing.maxSolutionAreas,
      maxSubAreasPerArea: view.policy.listing.maxSubAreasPerArea,
      segmentsField: view.policy.listing.segmentsField,
      subAreaTerm: view.policy.listing.subAreaTerm,
      requiredDocuments: view.policy.documents.cosellReady.map((req) => req.kind),
    },
    uploadLimits: {
      videoMaxBytes: uploadLimits.videoMaxBytes,
      otherMaxBytes: uploadLimits.otherMaxBytes,
    },
  };
}

export const ContactFieldsSchema = z.object({
  name: z.string(),
  email: z.string(),
  jobTitle: z.string(),
  role: ContactRoleIdSchema,
  countries: z.array(CosellCountryCodeSchema),
  states: z.array(StateCodeSchema),
});

export const ContactSchema = ContactFieldsSchema.extend({
  id: IdSchema,
  /** The contact's version: send `"v<version>"` as If-Match to change or remove it. */
  version: z.number().int(),
}).meta({ id: 'Contact' });

export const toContact = (c: ContactRecord): z.infer<typeof ContactSchema> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  jobTitle: c.jobTitle,
  role: c.role,
  countries: c.countries,
  states: c.states,
  version: c.version,
});

const contactFields = (c: ContactInput): z.infer<typeof ContactFieldsSchema> => ({
  name: c.name,
  email: c.email,
  jobTitle: c.jobTitle,
  role: c.role,
  countries: c.countries,
  states: c.states,
});

export const ContactImportSchema = z
  .object({
    id: IdSchema,
    state: z.enum(['pending', 'applied', 'undone']),
    fileName: z.string().nullable(),
    rowCount: z.number().int(),
    /** The contacts version the preview compares against; confirm with it as If-Match. */
    baseContactsVersion: z.number().int(),
    createdAt: TimestampSchema,
    appliedAt: TimestampSchema.nullable(),
    undoneAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ContactImport' });

export const toContactImport = (i: ContactImportRecord): z.infer<typeof ContactImportSchema> => ({
  id: i.id,
  state: i.state,
  fileName: i.fileName,
  rowCount: i.rowCount,
  baseContactsVersion: i.baseContactsVersion,
  createdAt: i.createdAt.toISOString(),
  appliedAt: i.appliedAt?.toISOString() ?? null,
  undoneAt: i.undoneAt?.toISOString() ?? null,
});

const diffPart = <T extends z.ZodType>(item: T) =>
  z.object({ count: z.number().int(), sample: z.array(item) });

export const ContactImportPreviewSchema = z
  .object({
    import: ContactImportSchema,
    added: diffPart(ContactFieldsSchema),
    removed: diffPart(ContactFieldsSchema),
    changed: diffPart(z.object({ before: ContactFieldsSchema, after: ContactFieldsSchema })),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ContactImportPreview' });

export const toPreview = (
  record: ContactImportRecord,
  diff: ContactImportDiff,
): z.infer<typeof ContactImportPreviewSchema> => ({
  import: toContactImport(record),
  added: { count: diff.added.count, sample: diff.added.sample.map(contactFields) },
  removed: { count: diff.removed.count, sample: diff.removed.sample.map(contactFields) },
  changed: {
    count: diff.changed.count,
    sample: diff.changed.sample.map(({ before, after }) => ({
      before: contactFields(before),
      after: contactFields(after),
    })),
  },
  unchanged: diff.unchanged,
});
