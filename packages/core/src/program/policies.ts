/**
 * Program policies: the co-sell rules of each program year as plain data (DESIGN "Program
 * policy: the rules are data"). Validators, the co-sell tab's checklist and the status engine
 * read the active policy; nothing branches on a year.
 *
 * Sources: SPEC §1 (drafts vs live offers), §2 (listing limits), §3 (documents), §4 (contacts),
 * §5 (statuses and their naming era).
 */
import { z } from 'zod';
import type { CosellPolicyEra, CosellStatusId } from '../reference/cosell-statuses';
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
  /**
   * The statuses above "not co-sell ready" this policy knows, each with what it needs. The
   * status engine reads these lists; which requirement applies under which policy is data.
   */
  statuses: Partial<Record<TierStatusId, StatusRule>>;
  benefits: BenefitsPolicy;
}

/** Statuses an offer earns by meeting requirements (everything above "not co-sell ready"). */
export type TierStatusId = Exclude<CosellStatusId, 'not-cosell-ready'>;

/**
 * The checks the status engine knows. Each is a fact about the offer, its co-sell material,
 * the partner's program profile or the vendor's review; a policy lists which ones a status needs.
 */
export const REQUIREMENT_IDS = [
  /** The offer type can have a co-sell status at all (never Office add-ins). */
  'offer.eligibleType',
  /** The offer is live in the marketplace. */
  'offer.live',
  /** The organisation has a PartnerID. */
  'profile.partnerId',
  /** The organisation has an active commercial marketplace account. */
  'profile.marketplaceAccount',
  /** The organisation's business profile is complete. */
  'profile.businessProfile',
  /** The listing's required fields are filled (platforms, segments, solution type, areas). */
  'tab.listingComplete',
  /** The documents the policy lists for co-sell ready are uploaded. */
  'documents.cosellReady',
  /** A Partner sales contact covers every market of the offer. */
  'tab.partnerSalesContacts',
  /** A vendor reviewer approved the co-sell material that is live. */
  'review.approved',
  /** Services offers: an active gold competency (2020–2021). */
  'partner.goldCompetency',
  /** Services offers: a Solutions Partner designation (2023). */
  'partner.solutionsPartner',
  /** Business Applications offers: enrolled in ISV Connect (standard or premium). */
  'partner.isvConnect',
  /** Enrolled in the ISV Connect premium tier. */
  'partner.isvConnectPremium',
  /** Azure consumed revenue, or billed marketplace revenue of a transactable offer, over the threshold, verified by the vendor. */
  'revenue.threshold',
  /** The vendor's technical validation passed (or the offer passes it by default). */
  'technical.validation',
  /** The documents the policy lists for Azure IP co-sell are uploaded. */
  'documents.azureIp',
  /** The listing's solution type is IP. */
  'tab.solutionTypeIp',
  /** The offer is transactable on the marketplace (for offers created from a date). */
  'offer.transactable',
] as const;
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/** One requirement of a status, optionally only for some offer types, with its parameters. */
export interface RequirementRule {
  id: RequirementId;
  /** Only offers of these types need it; undefined = every type the status applies to. */
  offerTypes?: readonly CosellOfferTypeId[];
  /** 'revenue.threshold': the amount in USD over the trailing 12 months. */
  thresholdUsd?: number;
  /** 'technical.validation': transactable offers of these types pass it by default. */
  passByDefaultWhenTransactable?: readonly CosellOfferTypeId[];
  /** 'offer.transactable': only offers created on or after this ISO date need it. */
  fromDate?: string;
}

export interface StatusRule {
  /** The status an offer must hold first (its requirements are included), or null. */
  requires: TierStatusId | null;
  /** Offer types that can reach the status. */
  offerTypes: readonly CosellOfferTypeId[];
  requirements: readonly RequirementRule[];
}

export interface BenefitsPolicy {
  /** The Microsoft Preferred Solution badge: which statuses earn it, how long it takes to appear. */
  preferredSolutionBadge: { statuses: readonly TierStatusId[]; delayDays: number };
  /** Purchases count toward a customer's Azure consumption commitment ("Azure benefit eligible"). */
  azureBenefitEligible: { statuses: readonly TierStatusId[] };
  /** CSP partners' incentive to resell, in percent, for offers holding one of `statuses`. */
  cspIncentive: { percent: number; statuses: readonly TierStatusId[] } | null;
  /** The marketplace fee in percent, and the reduced fee for `reducedFor` statuses and offer types. */
  marketplaceFee: {
    percent: number;
    reduced: {
      percent: number;
      statuses: readonly TierStatusId[];
      offerTypes: readonly CosellOfferTypeId[];
    } | null;
  };
}

const LIMITS_3_BY_2 = { maxSolutionAreas: 3, maxSubAreasPerArea: 2 } as const;
const LIMITS_5_BY_5 = { maxSolutionAreas: 5, maxSubAreasPerArea: 5 } as const;
const ONE_PAGER_AND_DECK: readonly DocumentRequirement[] = [
  { kind: 'one-pager' },
  { kind: 'pitch-deck' },
];

/** SPEC §1: which offer types can reach which status. */
const ALL_COSELL_TYPES = [
  'azure-application',
  'azure-container',
  'azure-virtual-machine',
  'consulting-service',
  'dynamics-365-dataverse-power-apps',
  'dynamics-365-operations-apps',
  'dynamics-365-business-central',
  'iot-edge-module',
  'managed-service',
  'power-bi-app',
  'saas',
] as const satisfies readonly CosellOfferTypeId[];
const AZURE_IP_TYPES = [
  'azure-application',
  'azure-container',
  'azure-virtual-machine',
  'iot-edge-module',
  'saas',
] as const satisfies readonly CosellOfferTypeId[];
const BUSINESS_APPLICATIONS_TYPES = [
  'dynamics-365-dataverse-power-apps',
  'dynamics-365-operations-apps',
] as const satisfies readonly CosellOfferTypeId[];
/** IaaS and SaaS offers, whose marketplace fee the Azure IP incentive reduced (2020–2021). */
const IAAS_SAAS_TYPES = [
  'azure-application',
  'azure-container',
  'azure-virtual-machine',
  'saas',
] as const satisfies readonly CosellOfferTypeId[];

/** Co-sell ready in every policy: the partner's account, the live offer, the reviewed tab. */
const COSELL_READY_BASE: readonly RequirementRule[] = [
  { id: 'offer.eligibleType' },
  { id: 'offer.live' },
  { id: 'profile.partnerId' },
  { id: 'profile.marketplaceAccount' },
  { id: 'profile.businessProfile' },
  { id: 'tab.partnerSalesContacts' },
  { id: 'review.approved' },
];
const LISTING_AND_DOCUMENTS: readonly RequirementRule[] = [
  { id: 'tab.listingComplete' },
  { id: 'documents.cosellReady' },
];
const USD_100K = 100_000;

const BUSINESS_APPLICATIONS_2021: Record<TierStatusId, StatusRule> = {
  'cosell-ready': {
    requires: null,
    offerTypes: ALL_COSELL_TYPES,
    requirements: [
      ...COSELL_READY_BASE,
      ...LISTING_AND_DOCUMENTS,
      { id: 'partner.isvConnect', offerTypes: BUSINESS_APPLICATIONS_TYPES },
    ],
  },
  'azure-ip-cosell-incentivized': {
    requires: 'cosell-ready',
    offerTypes: AZURE_IP_TYPES,
    requirements: [],
  },
  'business-applications-standard': {
    requires: 'cosell-ready',
    offerTypes: BUSINESS_APPLICATIONS_TYPES,
    requirements: [{ id: 'partner.isvConnect' }],
  },
  'business-applications-premium': {
    requires: 'business-applications-standard',
    offerTypes: BUSINESS_APPLICATIONS_TYPES,
    requirements: [{ id: 'partner.isvConnectPremium' }],
  },
};

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
    // 2019: listing and documents optional; one Business Applications status.
    statuses: {
      'cosell-ready': {
        requires: null,
        offerTypes: ALL_COSELL_TYPES,
        requirements: COSELL_READY_BASE,
      },
      'azure-ip-cosell-incentivized': {
        requires: 'cosell-ready',
        offerTypes: AZURE_IP_TYPES,
        requirements: [
          { id: 'revenue.threshold', thresholdUsd: USD_100K },
          { id: 'technical.validation', offerTypes: ['saas'] },
        ],
      },
      'business-applications-standard': {
        requires: 'cosell-ready',
        offerTypes: BUSINESS_APPLICATIONS_TYPES,
        requirements: [{ id: 'partner.isvConnect' }],
      },
    },
    benefits: {
      // Before August 2021 a co-sell ready offer earned the badge.
      preferredSolutionBadge: {
        statuses: [
          'cosell-ready',
          'azure-ip-cosell-incentivized',
          'business-applications-standard',
        ],
        delayDays: 30,
      },
      azureBenefitEligible: { statuses: ['azure-ip-cosell-incentivized'] },
      cspIncentive: null,
      marketplaceFee: { percent: 20, reduced: null },
    },
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
    // 2020 (AZ-mcosell-2020): listing required, documents optional; gold competency for
    // services; the >50% IP rule stated for SaaS only; one Business Applications status.
    statuses: {
      'cosell-ready': {
        requires: null,
        offerTypes: ALL_COSELL_TYPES,
        requirements: [
          ...COSELL_READY_BASE,
          ...LISTING_AND_DOCUMENTS,
          { id: 'partner.goldCompetency', offerTypes: ['consulting-service', 'managed-service'] },
        ],
      },
      'azure-ip-cosell-incentivized': {
        requires: 'cosell-ready',
        offerTypes: AZURE_IP_TYPES,
        requirements: [
          { id: 'revenue.threshold', thresholdUsd: USD_100K },
          { id: 'technical.validation', offerTypes: ['saas'] },
        ],
      },
      'business-applications-standard': {
        requires: 'cosell-ready',
        offerTypes: BUSINESS_APPLICATIONS_TYPES,
        requirements: [{ id: 'partner.isvConnect' }],
      },
    },
    benefits: {
      preferredSolutionBadge: {
        statuses: [
          'cosell-ready',
          'azure-ip-cosell-incentivized',
          'business-applications-standard',
        ],
        delayDays: 30,
      },
      azureBenefitEligible: { statuses: ['azure-ip-cosell-incentivized'] },
      cspIncentive: { percent: 10, statuses: ['azure-ip-cosell-incentivized'] },
      marketplaceFee: {
        percent: 20,
        reduced: {
          percent: 10,
          statuses: ['azure-ip-cosell-incentivized'],
          offerTypes: IAAS_SAAS_TYPES,
        },
      },
    },
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
    // AZ-req-2021-07: gold competency for services, ISV Connect for Business Applications
    // (Business Central excepted), USD 100,000 and >50% IP on Azure (transactable VMs and
    // Azure Applications pass by default), the reference architecture diagram.
    statuses: {
      ...BUSINESS_APPLICATIONS_2021,
      'cosell-ready': {
        requires: null,
        offerTypes: ALL_COSELL_TYPES,
        requirements: [
          ...BUSINESS_APPLICATIONS_2021['cosell-ready'].requirements,
          { id: 'partner.goldCompetency', offerTypes: ['consulting-service', 'managed-service'] },
        ],
      },
      'azure-ip-cosell-incentivized': {
        requires: 'cosell-ready',
        offerTypes: AZURE_IP_TYPES,
        requirements: [
          { id: 'revenue.threshold', thresholdUsd: USD_100K },
          {
            id: 'technical.validation',
            passByDefaultWhenTransactable: ['azure-virtual-machine', 'azure-application'],
          },
          { id: 'documents.azureIp' },
        ],
      },
    },
    benefits: {
      // Since August 2021: Azure IP co-sell, or ISV Connect and co-sell ready.
      preferredSolutionBadge: {
        statuses: [
          'azure-ip-cosell-incentivized',
          'business-applications-standard',
          'business-applications-premium',
        ],
        delayDays: 30,
      },
      azureBenefitEligible: { statuses: ['azure-ip-cosell-incentivized'] },
      cspIncentive: { percent: 10, statuses: ['azure-ip-cosell-incentivized'] },
      marketplaceFee: {
        percent: 20,
        reduced: {
          percent: 10,
          statuses: ['azure-ip-cosell-incentivized'],
          offerTypes: IAAS_SAAS_TYPES,
        },
      },
    },
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
    // PC-req-2023: Solutions Partner designation for Consulting services; Azure IP co-sell
    // eligible needs solution type IP and, for offers created from 2023-07-11, transactability.
    statuses: {
      ...BUSINESS_APPLICATIONS_2021,
      'cosell-ready': {
        requires: null,
        offerTypes: ALL_COSELL_TYPES,
        requirements: [
          ...BUSINESS_APPLICATIONS_2021['cosell-ready'].requirements,
          { id: 'partner.solutionsPartner', offerTypes: ['consulting-service'] },
        ],
      },
      'azure-ip-cosell-incentivized': {
        requires: 'cosell-ready',
        offerTypes: AZURE_IP_TYPES,
        requirements: [
          { id: 'tab.solutionTypeIp' },
          { id: 'revenue.threshold', thresholdUsd: USD_100K },
          { id: 'technical.validation' },
          { id: 'documents.azureIp' },
          { id: 'offer.transactable', fromDate: '2023-07-11' },
        ],
      },
    },
    benefits: {
      preferredSolutionBadge: {
        statuses: [
          'azure-ip-cosell-incentivized',
          'business-applications-standard',
          'business-applications-premium',
        ],
        delayDays: 30,
      },
      azureBenefitEligible: { statuses: ['azure-ip-cosell-incentivized'] },
      // The 2022+ docs state a flat 3% store fee and no CSP incentive.
      cspIncentive: null,
      marketplaceFee: { percent: 3, reduced: null },
    },
  },
};

/** The policy with this id; an unknown stored id falls back to the default (and is logged upstream). */
export function policyById(id: string): ProgramPolicy {
  return (POLICIES as Record<string, ProgramPolicy | undefined>)[id] ?? POLICIES[DEFAULT_POLICY_ID];
}
