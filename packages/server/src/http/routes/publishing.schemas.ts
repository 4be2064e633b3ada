/** Response schemas of publication, review, statuses, profiles, notifications and the storefront. */
import {
  BENEFIT_IDS,
  CosellStatusIdSchema,
  statusLabel,
  describeBenefits,
  describeEvaluation,
  describeProblems,
  DocumentKindIdSchema,
  ISV_CONNECT_LEVELS,
  NOTIFICATION_KINDS,
  OfferTypeIdSchema,
  POLICY_IDS,
  policyById,
  PROFILE_FIELDS,
  PUBLISH_SECTIONS,
  REQUIREMENT_IDS,
  renderNotification,
  notificationPath,
  SUBMISSION_STATES,
  TECHNICAL_VALIDATIONS,
  type Locale,
  type NotificationRecord,
  type OfferSnapshot,
  type ProgramProfileRecord,
  type PublishView,
  type ReviewDetail,
  type ReviewQueueItem,
  type SnapshotChange,
  type StatusView,
  type StorefrontListing,
  type SubmissionRecord,
} from '@cosell/core';
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../schemas';
import { ContactFieldsSchema, OfferSchema, toOffer } from './offers.schemas';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const ProblemItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

export const ReviewSchema = z
  .object({
    reviewerId: IdSchema,
    decision: z.enum(['approve', 'reject']),
    report: z.string(),
    technicalValidation: z.enum(TECHNICAL_VALIDATIONS),
    revenueVerified: z.boolean(),
    decidedAt: TimestampSchema,
  })
  .meta({ id: 'Review' });

export const SubmissionSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    offerId: IdSchema,
    versionId: IdSchema,
    sections: z.array(z.enum(PUBLISH_SECTIONS)),
    state: z.enum(SUBMISSION_STATES),
    problems: z.array(ProblemItemSchema),
    offerWasLive: z.boolean(),
    submittedBy: IdSchema.nullable(),
    submittedAt: TimestampSchema,
    review: ReviewSchema.nullable(),
    updatedAt: TimestampSchema,
    /** Send `"v<version>"` as If-Match when deciding a review. */
    version: z.number().int(),
  })
  .meta({ id: 'Submission' });

export const toSubmission = (
  s: SubmissionRecord,
  locale: Locale,
): z.infer<typeof SubmissionSchema> => ({
  id: s.id,
  organisationId: s.organisationId,
  offerId: s.offerId,
  versionId: s.versionId,
  sections: s.sections,
  state: s.state,
  problems: describeProblems(s.problems, locale),
  offerWasLive: s.offerWasLive,
  submittedBy: s.submittedBy,
  submittedAt: s.submittedAt.toISOString(),
  review: s.review ? { ...s.review, decidedAt: s.review.decidedAt.toISOString() } : null,
  updatedAt: s.updatedAt.toISOString(),
  version: s.version,
});

export const ChangeSchema = z
  .object({
    section: z.enum(['offer-setup', 'listing', 'documents', 'contacts']),
    field: z.string(),
    kind: z.enum(['added', 'removed', 'changed']),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'SnapshotChange' });
export const toChange = (c: SnapshotChange): z.infer<typeof ChangeSchema> => ({
  ...c,
  before: c.before ?? null,
  after: c.after ?? null,
});

export const PublishViewSchema = z
  .object({
    offer: OfferSchema,
    /**
     * The co-sell draft's version: fields, listing, documents and contacts each bump it. It is
     * the publish view's ETag; Publish sends it back as If-Match, and a stale one gets 412
     * naming the parts changed since.
     */
    draftVersion: z.number().int(),
    sections: z.array(
      z.object({
        id: z.enum(['offer-setup', 'listing', 'documents', 'landingPage', 'contacts']),
        state: z.enum(['not-started', 'incomplete', 'complete']),
      }),
    ),
    selectable: z.array(z.enum(PUBLISH_SECTIONS)),
    required: z.array(z.enum(PUBLISH_SECTIONS)),
    hasChanges: z.boolean(),
    changes: z.array(ChangeSchema),
    liveVersion: z
      .object({ id: IdSchema, number: z.number().int(), createdAt: TimestampSchema })
      .nullable(),
    current: SubmissionSchema.nullable(),
    submissions: z.array(SubmissionSchema),
    /**
     * Data the active policy calls invalid (over a limit, an unknown code): publishing is
     * refused until it is fixed. An incomplete co-sell tab never blocks publishing.
     */
    blocking: z.array(ProblemItemSchema),
    /**
     * What co-sell ready still needs on the offer (the co-sell tab's unmet checklist items): the
     * offer may be published, and is Not co-sell ready until they are met.
     */
    cosellMissing: z.array(ProblemItemSchema),
  })
  .meta({ id: 'PublishView' });

export const toPublishView = (
  v: PublishView,
  locale: Locale,
): z.infer<typeof PublishViewSchema> => ({
  offer: toOffer(v.offer),
  draftVersion: v.offer.draftVersion,
  sections: v.sections,
  selectable: v.selectable,
  required: v.required,
  hasChanges: v.hasChanges,
  changes: v.changes.map(toChange),
  liveVersion: v.liveVersion
    ? { ...v.liveVersion, createdAt: v.liveVersion.createdAt.toISOString() }
    : null,
  current: v.current ? toSubmission(v.current, locale) : null,
  submissions: v.submissions.map((s) => toSubmission(s, locale)),
  blocking: describeProblems(v.blocking, locale),
  cosellMissing: describeProblems(v.cosellMissing, locale),
});

const FixSchema = z.object({
  area: z.enum(['offer-setup', 'cosell', 'publish', 'profile', 'review']),
  field: z.string(),
});

const RequirementSchema = z.object({
  id: z.enum(REQUIREMENT_IDS),
  met: z.boolean(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  fix: FixSchema,
});

/** A benefit met or not, and why, like a requirement. */
const BenefitSchema = z.object({
  id: z.enum(BENEFIT_IDS),
  /** The policy offers the benefit to offers of this type at all. */
  applicable: z.boolean(),
  /** The offer has it (for the fee: the reduced fee applies). */
  met: z.boolean(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The reason, in the caller's language. */
  message: z.string(),
  /** Where to act to get it; null when nothing the publisher does changes it. */
  fix: FixSchema.nullable(),
});

export const StatusViewSchema = z
  .object({
    offerId: IdSchema,
    status: CosellStatusIdSchema,
    /** The status's name in the active policy's era ("Not co-sell ready", "In market"…). */
    statusName: z.string(),
    policyId: z.enum(POLICY_IDS),
    basis: z.enum(['live', 'draft', 'submission']),
    tiers: z.array(
      z.object({
        status: CosellStatusIdSchema,
        name: z.string(),
        applicable: z.boolean(),
        met: z.boolean(),
        requires: CosellStatusIdSchema.nullable(),
        requirements: z.array(RequirementSchema),
      }),
    ),
    benefits: z.object({
      visibleToSellers: z.boolean(),
      preferredSolutionBadge: z.object({
        qualifies: z.boolean(),
        granted: z.boolean(),
        dueAt: TimestampSchema.nullable(),
      }),
      azureBenefitEligible: z.boolean(),
      cspIncentivePercent: z.number().nullable(),
      marketplaceFeePercent: z.number(),
      /** Every benefit explained: met or not, why, and where to act. */
      explanations: z.array(BenefitSchema),
    }),
    qualifiedSince: TimestampSchema.nullable(),
    badgeGrantedAt: TimestampSchema.nullable(),
    evaluatedAt: TimestampSchema.nullable(),
    history: z.array(
      z.object({
        id: IdSchema,
        status: CosellStatusIdSchema,
        statusName: z.string(),
        previousStatus: CosellStatusIdSchema.nullable(),
        policyId: z.enum(POLICY_IDS),
        cause: z.string(),
        at: TimestampSchema,
      }),
    ),
  })
  .meta({ id: 'OfferStatus' });

export const toStatusView = (v: StatusView, locale: Locale): z.infer<typeof StatusViewSchema> => {
  const policy = policyById(v.policyId);
  return {
    offerId: v.offerId,
    status: v.status,
    statusName: statusLabel(v.status, locale, policy.namingEra),
    policyId: v.policyId,
    basis: v.basis,
    tiers: describeEvaluation(v.evaluation, locale, policy),
    benefits: {
      ...v.benefits,
      preferredSolutionBadge: {
        ...v.benefits.preferredSolutionBadge,
        dueAt: iso(v.benefits.preferredSolutionBadge.dueAt),
      },
      explanations: describeBenefits(v.benefits, locale, policy),
    },
    qualifiedSince: iso(v.stored?.qualifiedSince),
    badgeGrantedAt: iso(v.stored?.badgeGrantedAt),
    evaluatedAt: iso(v.stored?.evaluatedAt),
    history: v.history.map((h) => ({
      id: h.id,
      status: h.status,
      statusName: statusLabel(h.status, locale, policyById(h.policyId).namingEra),
      previousStatus: h.previousStatus,
      policyId: h.policyId,
      cause: h.cause,
      at: h.at.toISOString(),
    })),
  };
};

export const SnapshotSchema = z
  .object({
    fields: z.object({
      name: z.string(),
      alias: z.string(),
      offerType: OfferTypeIdSchema,
      summary: z.string(),
      description: z.string(),
      markets: z.array(z.string()),
      transactable: z.boolean(),
      pricedAboveZero: z.boolean(),
      cspOptIn: z.boolean(),
    }),
    cosell: z.object({
      listing: z.object({
        platforms: z.array(z.string()),
        segments: z.array(z.string()),
        solutionType: z.string().nullable(),
        solutionAreas: z.array(z.object({ areaId: z.string(), subAreaIds: z.array(z.string()) })),
      }),
      landingPageUrl: z.string().nullable(),
    }),
    documents: z.array(
      z.object({
        id: IdSchema,
        kind: DocumentKindIdSchema,
        fileName: z.string(),
        contentType: z.string(),
        sizeBytes: z.number(),
        sha256: z.string(),
      }),
    ),
    contacts: z.array(ContactFieldsSchema),
  })
  .meta({ id: 'OfferSnapshot' });

/** A snapshot as the API shows it: blob keys stay inside. */
export const toSnapshot = (s: OfferSnapshot): z.infer<typeof SnapshotSchema> => ({
  fields: s.fields,
  cosell: s.cosell,
  documents: s.documents.map(({ blobKey: _key, ...rest }) => rest),
  contacts: s.contacts,
});

export const ReviewQueueItemSchema = SubmissionSchema.extend({
  offerName: z.string(),
  offerType: OfferTypeIdSchema,
  organisationName: z.string(),
  /** Whole days since submission, by the program's clock. */
  ageDays: z.number().int(),
}).meta({ id: 'ReviewQueueItem' });

export const toQueueItem = (
  item: ReviewQueueItem,
  locale: Locale,
  now: Date,
): z.infer<typeof ReviewQueueItemSchema> => ({
  ...toSubmission(item, locale),
  offerName: item.offerName,
  offerType: item.offerType,
  organisationName: item.organisationName,
  ageDays: Math.max(0, Math.floor((now.getTime() - item.submittedAt.getTime()) / 86_400_000)),
});

const ProvenanceSchema = z.object({
  setBy: IdSchema.nullable(),
  setAt: TimestampSchema,
  source: z.enum(['partner', 'program', 'import', 'api']),
  verifiedBy: IdSchema.nullable(),
  verifiedAt: TimestampSchema.nullable(),
});

export const ProfileSchema = z
  .object({
    organisationId: IdSchema,
    partnerId: z.string().nullable(),
    marketplaceAccountActive: z.boolean(),
    businessProfileComplete: z.boolean(),
    azureConsumedRevenueUsd: z.number(),
    marketplaceBilledRevenueUsd: z.number(),
    goldCompetency: z.boolean(),
    solutionsPartnerDesignations: z.array(z.string()),
    isvConnect: z.enum(ISV_CONNECT_LEVELS),
    /** Who set each field, when, how, and whether the program verified it. */
    provenance: z.partialRecord(z.enum(PROFILE_FIELDS), ProvenanceSchema),
    /** Send `"v<version>"` as If-Match; `"v0"` (or `*`) creates the profile. */
    version: z.number().int(),
    updatedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ProgramProfile' });

export const toProfile = (
  organisationId: string,
  p: ProgramProfileRecord | null,
): z.infer<typeof ProfileSchema> => ({
  organisationId,
  partnerId: p?.partnerId ?? null,
  marketplaceAccountActive: p?.marketplaceAccountActive ?? false,
  businessProfileComplete: p?.businessProfileComplete ?? false,
  azureConsumedRevenueUsd: p?.azureConsumedRevenueUsd ?? 0,
  marketplaceBilledRevenueUsd: p?.marketplaceBilledRevenueUsd ?? 0,
  goldCompetency: p?.goldCompetency ?? false,
  solutionsPartnerDesignations: p?.solutionsPartnerDesignations ?? [],
  isvConnect: p?.isvConnect ?? 'none',
  provenance: Object.fromEntries(
    Object.entries(p?.provenance ?? {}).map(([field, entry]) => [
      field,
      {
        setBy: entry.setBy,
        setAt: entry.setAt,
        source: entry.source,
        verifiedBy: entry.verifiedBy,
        verifiedAt: entry.verifiedAt,
      },
    ]),
  ),
  version: p?.version ?? 0,
  updatedAt: iso(p?.updatedAt),
});

export const NotificationSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    kind: z.enum(NOTIFICATION_KINDS),
    offerId: IdSchema.nullable(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    subject: z.string(),
    text: z.string(),
    /** Where in the app it leads (the offer, or its preview when Go live is awaited); null: nowhere. */
    path: z.string().nullable(),
    createdAt: TimestampSchema,
    readAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'Notification' });

export const toNotification = (
  n: NotificationRecord,
  locale: Locale,
): z.infer<typeof NotificationSchema> => ({
  id: n.id,
  organisationId: n.organisationId,
  kind: n.kind,
  offerId: n.offerId,
  params: n.params,
  ...renderNotification(n, locale),
  path: notificationPath(n),
  createdAt: n.createdAt.toISOString(),
  readAt: iso(n.readAt),
});

export const StorefrontListingSchema = z
  .object({
    offerId: IdSchema,
    publisherName: z.string(),
    name: z.string(),
    offerType: OfferTypeIdSchema,
    summary: z.string(),
    description: z.string(),
    markets: z.array(z.string()),
    badges: z.array(z.enum(['preferred-solution', 'azure-benefit-eligible'])),
    cosellStatus: CosellStatusIdSchema,
    publishedAt: TimestampSchema,
  })
  .meta({ id: 'StorefrontListing' });

/** Only public fields: the organisation id stays inside too. */
export const toStorefrontListing = (
  l: StorefrontListing,
): z.infer<typeof StorefrontListingSchema> => ({
  offerId: l.offerId,
  publisherName: l.publisherName,
  name: l.name,
  offerType: l.offerType,
  summary: l.summary,
  description: l.description,
  markets: l.markets,
  badges: l.badges.filter(
    (b): b is 'preferred-solution' | 'azure-benefit-eligible' =>
      b === 'preferred-solution' || b === 'azure-benefit-eligible',
  ),
  cosellStatus: l.cosellStatus,
  publishedAt: l.publishedAt.toISOString(),
});

export type { ReviewDetail };
