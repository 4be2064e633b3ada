/**
 * Program policies: the co-sell rules of each program year as plain data (DESIGN "Program
 * policy: the rules are data"). Validators, the co-sell tab's checklist and the status engine
 * read the active policy; nothing branches on a year.
 *
 * Sources: SPEC §1 (drafts vs live offers), §2 (listing limits), §3 (documents), §4 (contacts),
 * §5 (statuses and their naming era).
 */
import { z } from 'zod';
import type { CosellPolicyEra } from '../reference/cosell-statuses';
import type { DocumentKindId } from '../reference/documents';
import type { CosellOfferTypeId } from '../reference/offer-types';

export const POLICY_IDS = ['2019', '2020', '2021-09', '2023'] as const;
export type PolicyId = (typeof POLICY_IDS)[number];
export const PolicyIdSchema = z.enum(POLICY_IDS);

/** The policy a new program starts with. */
export const DEFAULT_POLICY_ID: PolicyId = '2021-09';

/** Which documents a status needs, optionally only for some offer types. */
export interface DocumentRequirement {
  kind: DocumentKindId;
  /** Only offers of these types need it; undefined = every type the status applies to. */
  offerTypes?: readonly CosellOfferTypeId[];
}

export interface ProgramPolicy {
  id: PolicyId;
  /** Status names follow this era (SPEC §5 table). */
  namingEra: CosellPolicyEra;
  /** The co-sell tab may be filled on a draft (never published) offer (2019–2022); 2023 needs a live offer. */
  cosellOnDraftOffers: boolean;
  listing: {
    maxSolutionAreas: number;
    maxSubAreasPerArea: number;
    /** Every listing field is required for co-sell ready (2019: the listing was optional). */
    requiredForCosellReady: boolean;
    /** The listing has a market segments field (dropped from the 2023 doc). */
    segmentsField: boolean;
    /** What a sub-area is called ("sales play" from 2023). */
    subAreaTerm: 'sub-area' | 'sales play';
  };
  documents: {
    /** Needed for co-sell ready. */
    cosellReady: readonly DocumentRequirement[];
    /** Needed, on top, for the Azure IP co-sell status. */
    azureIp: readonly DocumentRequirement[];
  };
  contacts: {
    /** A Partner sales contact for every market of the offer is needed for co-sell ready. */
    partnerSalesPerMarket: boolean;
  };
}

const LIMITS_3_BY_2 = { maxSolutionAreas: 3, maxSubAreasPerArea: 2 } as const;
const LIMITS_5_BY_5 = { maxSolutionAreas: 5, maxSubAreasPerArea: 5 } as const;
const ONE_PAGER_AND_DECK: readonly DocumentRequirement[] = [
  { kind: 'one-pager' },
  { kind: 'pitch-deck' },
];

/** Every policy by id. */
export const POLICIES: Readonly<Record<PolicyId, ProgramPolicy>> = {
  '2019': {
    id: '2019',
    namingEra: '2020',
    cosellOnDraftOffers: true,
    listing: {
      ...LIMITS_3_BY_2,
      requiredForCosellReady: false,
      segmentsField: true,
      subAreaTerm: 'sub-area',
    },
    documents: { cosellReady: [], azureIp: [] },
    contacts: { partnerSalesPerMarket: true },
  },
  '2020': {
    id: '2020',
    namingEra: '2020',
    cosellOnDraftOffers: true,
    listing: {
      ...LIMITS_3_BY_2,
      requiredForCosellReady: true,
      segmentsField: true,
      subAreaTerm: 'sub-area',
    },
    documents: { cosellReady: [], azureIp: [] },
    contacts: { partnerSalesPerMarket: true },
  },
  '2021-09': {
    id: '2021-09',
    namingEra: '2021',
    cosellOnDraftOffers: true,
    listing: {
      ...LIMITS_5_BY_5,
      requiredForCosellReady: true,
      segmentsField: true,
      subAreaTerm: 'sub-area',
    },
    documents: {
      cosellReady: ONE_PAGER_AND_DECK,
      azureIp: [{ kind: 'reference-architecture-diagram' }],
    },
    contacts: { partnerSalesPerMarket: true },
  },
  '2023': {
    id: '2023',
    namingEra: '2023',
    cosellOnDraftOffers: false,
    listing: {
      ...LIMITS_5_BY_5,
      requiredForCosellReady: true,
      segmentsField: false,
      subAreaTerm: 'sales play',
    },
    documents: {
      cosellReady: ONE_PAGER_AND_DECK,
      azureIp: [{ kind: 'reference-architecture-diagram', offerTypes: ['saas'] }],
    },
    contacts: { partnerSalesPerMarket: true },
  },
};

/** The policy with this id; an unknown stored id falls back to the default (and is logged upstream). */
export function policyById(id: string): ProgramPolicy {
  return (POLICIES as Record<string, ProgramPolicy | undefined>)[id] ?? POLICIES[DEFAULT_POLICY_ID];
}
