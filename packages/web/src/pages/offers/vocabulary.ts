/**
 * The co-sell vocabulary the offer screens need: offer types, solution types, document kinds
 * and file types, contact roles, countries and states. It is the core's own reference data
 * (`@cosell/core/reference-data`, plain data without zod, so the bundle stays small); this
 * module only shapes it for the screens, and the `satisfies` clauses keep it inside the API's
 * types.
 */
import {
  ALL_REGIONS_CODE,
  CONTACT_ROLE_IDS as CORE_CONTACT_ROLE_IDS,
  COUNTRY_CODES as CORE_COUNTRY_CODES,
  DOCUMENT_EXTENSIONS as CORE_DOCUMENT_EXTENSIONS,
  DOCUMENT_KIND_IDS,
  DOCUMENT_KINDS,
  MAX_OTHER_DOCUMENTS as CORE_MAX_OTHER_DOCUMENTS,
  OFFER_TYPE_IDS as CORE_OFFER_TYPE_IDS,
  OFFER_TYPES,
  SOLUTION_TYPE_IDS as CORE_SOLUTION_TYPE_IDS,
  STATES as CORE_STATES,
  VIDEO_DOCUMENT_EXTENSIONS,
} from '@cosell/core/reference-data';
import type {
  ContactCountryCode,
  ContactRoleId,
  DocumentKindId,
  MarketCode,
  OfferTypeId,
  SolutionTypeId,
  StateCode,
} from '../../api/client';

/** Every offer type, in Partner Center's order; Office add-ins last (never co-sell eligible). */
export const OFFER_TYPE_IDS = CORE_OFFER_TYPE_IDS satisfies readonly OfferTypeId[];

/** Apps and add-ins for Office can be created but never become co-sell eligible (SPEC §1). */
export const isCosellEligibleType = (type: OfferTypeId) => OFFER_TYPES[type].cosellEligible;

export const SOLUTION_TYPE_IDS = CORE_SOLUTION_TYPE_IDS satisfies readonly SolutionTypeId[];

/** Document kinds with one file each, in the order Partner Center lists them. */
export const SINGLE_DOCUMENT_KINDS: readonly DocumentKindId[] = DOCUMENT_KIND_IDS.filter(
  (kind) => DOCUMENT_KINDS[kind].maxCount === 1,
);

/** "Other documents or videos": at most this many. */
export const MAX_OTHER_DOCUMENTS = CORE_MAX_OTHER_DOCUMENTS;

/** File types the documents upload accepts (lower case, with the dot). */
export const DOCUMENT_EXTENSIONS: readonly string[] = CORE_DOCUMENT_EXTENSIONS;

/** Extensions held to the video size limit. */
export const VIDEO_EXTENSIONS: readonly string[] = VIDEO_DOCUMENT_EXTENSIONS;

export const CONTACT_ROLE_IDS = CORE_CONTACT_ROLE_IDS satisfies readonly ContactRoleId[];

/** The 246 two-letter co-sell country/region codes (offer markets and contact coverage). */
export const COUNTRY_CODES = CORE_COUNTRY_CODES satisfies readonly MarketCode[];

/** "All countries/regions" in a contact's coverage; it stands alone. */
export const ALL_REGIONS = ALL_REGIONS_CODE satisfies ContactCountryCode;

/** States and provinces a contact may cover (United States, Canada, Australia), in list order. */
export const STATES: readonly { code: StateCode; name: string; country: string }[] = CORE_STATES;

const STATE_COUNTRY = new Map<string, string>(CORE_STATES.map((s) => [s.code, s.country]));

/** The country a state code belongs to (`US-WA` → `US`); '' for an unknown code. */
export const stateCountry = (code: string) => STATE_COUNTRY.get(code) ?? '';
