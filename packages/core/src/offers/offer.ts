/**
 * Offers: the publisher's marketplace offers, the things a co-sell tab belongs to (SPEC §1).
 * Schemas here validate the REST API's bodies and queries; their messages are catalogue keys.
 */
import { z } from 'zod';
import { nameText } from '../reference/text';
import type { CosellStatusId } from '../reference/cosell-statuses';
import { CountryCodeSchema, type CountryCode } from '../reference/countries';
import { OFFER_TYPES, OfferTypeIdSchema, type OfferTypeId } from '../reference/offer-types';
import { SolutionTypeIdSchema, type SolutionTypeId } from '../reference/solution-types';

/**
 * Where the offer stands in the marketplace. cosell mirrors it; the 2023 policy only lets live
 * offers be co-sold (SPEC §1 CONFLICT).
 */
export const OFFER_LIFECYCLE_STATES = ['draft', 'preview', 'live', 'stop-sold'] as const;
export type OfferLifecycleState = (typeof OFFER_LIFECYCLE_STATES)[number];
export const OfferLifecycleStateSchema = z.enum(OFFER_LIFECYCLE_STATES);

/**
 * Offer statuses as Partner Center shows them (SPEC §6 step 5), kept on the offer row and set
 * by publishing.
 */
export const PUBLISH_STATUSES = [
  'draft',
  'publish-in-progress',
  'attention-needed',
  'preview',
  'live',
] as const;
export type PublishStatus = (typeof PUBLISH_STATUSES)[number];

/** Limits of the offer fields, after Partner Center's offer setup and listing pages. */
export const OFFER_FIELD_LIMITS = {
  name: 200,
  alias: 50,
  summary: 100,
  description: 5000,
} as const;

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) =>
  z.string().trim().min(1, { error: 'issue.required' }).max(max);

/** Markets: unique two-letter country codes where the offer is sold (co-sell country list). */
export const MarketsSchema = z
  .array(CountryCodeSchema)
  .max(300)
  .transform((codes) => [...new Set(codes)]);

/** Every editable offer field. */
export const OfferFieldsSchema = z.strictObject({
  name: nameText({ max: OFFER_FIELD_LIMITS.name, tooShort: 'issue.required' }),
  /** The publisher's internal name; unique within the organisation (case-insensitive). */
  alias: requiredText(OFFER_FIELD_LIMITS.alias).regex(/^[^\p{Cc}]*$/u, {
    error: 'alias.invalid',
  }),
  offerType: OfferTypeIdSchema,
  summary: text(OFFER_FIELD_LIMITS.summary).default(''),
  description: text(OFFER_FIELD_LIMITS.description).default(''),
  markets: MarketsSchema.default([]),
  /** Sold through the marketplace (a transactable offer). */
  transactable: z.boolean().default(false),
  /** A transactable offer with a price above zero (free and BYOL plans do not count for MACC). */
  pricedAboveZero: z.boolean().default(false),
  /** Opted in to resale by CSP partners: their resellers then see co-sell material and contacts. */
  cspOptIn: z.boolean().default(false),
  lifecycleState: OfferLifecycleStateSchema.default('draft'),
});
export type OfferFields = z.infer<typeof OfferFieldsSchema>;

/**
 * A create body: every field, defaults filled. The lifecycle state is not the publisher's to
 * set: publishing moves it (draft → preview → live).
 */
export const CreateOfferSchema = OfferFieldsSchema.omit({ lifecycleState: true });
export type CreateOfferInput = z.input<typeof CreateOfferSchema>;

/** A patch body: any subset of the fields (no defaults applied). */
export const UpdateOfferSchema = z.strictObject({
  name: OfferFieldsSchema.shape.name.optional(),
  alias: OfferFieldsSchema.shape.alias.optional(),
  offerType: OfferTypeIdSchema.optional(),
  summary: text(OFFER_FIELD_LIMITS.summary).optional(),
  description: text(OFFER_FIELD_LIMITS.description).optional(),
  markets: MarketsSchema.optional(),
  transactable: z.boolean().optional(),
  pricedAboveZero: z.boolean().optional(),
  cspOptIn: z.boolean().optional(),
});
export type UpdateOfferInput = z.infer<typeof UpdateOfferSchema>;

/** One solution area of the listing with the sub-areas chosen in it. */
export interface ListingSolutionArea {
  areaId: string;
  subAreaIds: string[];
}

/** The listing section of the co-sell tab (SPEC §2). Ids refer to the program taxonomy. */
export interface Listing {
  platforms: string[];
  segments: string[];
  solutionType: SolutionTypeId | null;
  solutionAreas: ListingSolutionArea[];
}

/** What "Save draft" stores: the listing and the product landing page. */
export interface CosellDraft {
  listing: Listing;
  landingPageUrl: string | null;
}

const TaxonomyIdSchema = z.string().trim().min(1).max(64);

export const CosellDraftSchema = z.strictObject({
  listing: z.strictObject({
    platforms: z.array(TaxonomyIdSchema).max(200),
    segments: z.array(TaxonomyIdSchema).max(50),
    solutionType: SolutionTypeIdSchema.nullable(),
    solutionAreas: z
      .array(
        z.strictObject({
          areaId: TaxonomyIdSchema,
          subAreaIds: z.array(TaxonomyIdSchema).max(50),
        }),
      )
      .max(50),
  }),
  landingPageUrl: z
    .string()
    .trim()
    .max(2048)
    .nullable()
    .transform((url) => (url ? url : null)),
}) satisfies z.ZodType<CosellDraft, unknown>;

/** The parts of an offer's draft, each of which bumps its draft version. */
export const DRAFT_PARTS = ['fields', 'listing', 'documents', 'contacts'] as const;
export type DraftPart = (typeof DRAFT_PARTS)[number];
export type DraftChanges = Partial<Record<DraftPart, number>>;

/**
 * The parts of the draft changed after the publisher's view: empty when `seen` (the draft
 * versions If-Match accepts) holds the current one, or accepts any.
 */
export function draftChangedSince(
  offer: Pick<OfferRecord, 'draftVersion' | 'draftChanges'>,
  seen: 'any' | readonly number[],
): DraftPart[] {
  if (seen === 'any' || seen.includes(offer.draftVersion)) return [];
  // A tag we never issued (or none parsed): say everything may have changed.
  const since = seen.length === 0 ? 0 : Math.max(...seen);
  const changed = DRAFT_PARTS.filter((part) => (offer.draftChanges[part] ?? 1) > since);
  return changed.length > 0 ? changed : [...DRAFT_PARTS];
}

export const EMPTY_COSELL_DRAFT: CosellDraft = {
  listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
  landingPageUrl: null,
};

export interface OfferRecord extends OfferFields {
  organisationId: string;
  id: string;
  cosell: CosellDraft;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Version of the offer fields and the co-sell draft (its ETag). */
  version: number;
  /** Version of the offer's contact list, bumped by every contact change and import. */
  contactsVersion: number;
  /**
   * Version of the whole co-sell draft: every part (fields, listing, documents, contacts)
   * bumps it. Compare shows it and Publish names it in If-Match.
   */
  draftVersion: number;
  /** The draft version at which each part last changed (absent: not since creation). */
  draftChanges: DraftChanges;
  /** Draft, Publish in progress, Attention needed, Preview or Live (set by publishing). */
  publishStatus: PublishStatus;
  /** The published version buyers and sellers see, once the offer went live. */
  liveVersionId: string | null;
}

/** Normalises interdependent fields: only a transactable offer can be priced above zero. */
export function normaliseOfferFields<T extends Partial<OfferFields>>(fields: T): T {
  if (fields.transactable === false) return { ...fields, pricedAboveZero: false };
  return fields;
}

/** Office add-ins can be created, but never become co-sell eligible (SPEC §1). */
export function isCosellEligibleOfferType(type: OfferTypeId): boolean {
  return OFFER_TYPES[type].cosellEligible;
}

export const OFFER_SORT_FIELDS = ['name', 'alias', 'offerType', 'updatedAt', 'createdAt'] as const;
export type OfferSortField = (typeof OFFER_SORT_FIELDS)[number];

export interface OfferListQuery {
  search?: string | undefined;
  sort: OfferSortField;
  direction: 'asc' | 'desc';
  /** 'active' (default), 'archived' or 'all'. */
  archived: 'active' | 'archived' | 'all';
  offerType?: OfferTypeId | undefined;
  limit: number;
  offset: number;
}

/** An offer of the list with its stored co-sell status (null: the status engine never rated it). */
export interface OfferListRow {
  offer: OfferRecord;
  cosellStatus: CosellStatusId | null;
}

/** A page of the offer list, with the program's active policy (null: no program yet). */
export interface OfferListPage {
  items: OfferListRow[];
  total: number;
  activePolicy: string | null;
}

/** An offer as the list shows it: with the co-sell status its status page shows. */
export type OfferListItem = OfferRecord & { cosellStatus: CosellStatusId };

export type OfferMarket = CountryCode;
