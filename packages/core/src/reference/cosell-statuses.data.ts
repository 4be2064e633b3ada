// Source: SPEC §5 Co-sell statuses, names by version (AZ-mcosell-2020, AZ-req/status/overview-2021, PC-*-2023).
// Data only, no zod: the web app bundles it (`@cosell/core/reference-data`).
import type { CosellOfferTypeId } from './offer-types.data';

/** Stable ids of the co-sell statuses (this project's ids; labels change with the policy era). */
export const COSELL_STATUS_IDS = [
  'not-cosell-ready',
  'cosell-ready',
  'azure-ip-cosell-incentivized',
  'business-applications-standard',
  'business-applications-premium',
] as const;

export type CosellStatusId = (typeof COSELL_STATUS_IDS)[number];

/** Policy naming eras whose status labels differ (SPEC §5 table columns). */
export const COSELL_POLICY_ERAS = ['2020', '2021', '2023'] as const;

export type CosellPolicyEra = (typeof COSELL_POLICY_ERAS)[number];

/** The newest era; build against it unless product decides otherwise. */
export const LATEST_COSELL_POLICY_ERA: CosellPolicyEra = '2023';

/** Facts about one co-sell status. */
export interface CosellStatus {
  id: CosellStatusId;
  /** English label per policy era. */
  names: Readonly<Record<CosellPolicyEra, string>>;
  /** Every label seen, keyed by doc ms.date (ISO date, or year when only the year is known). */
  namesByDoc: Readonly<Record<string, string>>;
  /** What the status means, restated in English. */
  meaning: string;
  /** Offer types that can reach the status. */
  appliesToOfferTypes: readonly CosellOfferTypeId[];
  /** Requirements as listed by the docs, in English; version notes in parentheses. */
  requirements: readonly string[];
}

const ALL_COSELL_OFFER_TYPES = [
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

const AZURE_IP_OFFER_TYPES = [
  'azure-application',
  'azure-container',
  'azure-virtual-machine',
  'iot-edge-module',
  'saas',
] as const satisfies readonly CosellOfferTypeId[];

const BUSINESS_APPLICATIONS_OFFER_TYPES = [
  'dynamics-365-dataverse-power-apps',
  'dynamics-365-operations-apps',
] as const satisfies readonly CosellOfferTypeId[];

/**
 * Every status by id. Where an era used several labels, `names` takes the latest one of that era
 * that still tells the statuses apart: Azure IP 2021 = the 07/13/2021 label; Business
 * Applications 2021 = the 04/15/2021 Standard/Premium labels (07/13/2021 used a single
 * "Business Applications Co-sell incentive"); 2020 had one Business Applications status.
 */
export const COSELL_STATUSES: Readonly<Record<CosellStatusId, CosellStatus>> = {
  'not-cosell-ready': {
    id: 'not-cosell-ready',
    names: { '2020': 'Not ready', '2021': 'Not co-sell ready', '2023': 'In market' },
    namesByDoc: {
      '2020-09-02': 'Not ready',
      '2021': 'Not co-sell ready',
      '2023-08-24': 'In market',
    },
    meaning:
      'Co-sell ready requirements not met (2023: offer is live in the marketplace but requirements not met).',
    appliesToOfferTypes: ALL_COSELL_OFFER_TYPES,
    requirements: [],
  },
  'cosell-ready': {
    id: 'cosell-ready',
    names: { '2020': 'Co-sell ready', '2021': 'Co-sell ready', '2023': 'Co-sell ready' },
    namesByDoc: {
      '2020-09-02': 'Co-sell ready',
      '2021': 'Co-sell ready',
      '2023-08-24': 'Co-sell ready',
    },
    meaning: 'Visible to Microsoft sellers for joint selling.',
    appliesToOfferTypes: ALL_COSELL_OFFER_TYPES,
    requirements: [
      'PartnerID (MPN ID) and active commercial marketplace account',
      'complete business profile in Partner Center',
      'offer published live on Azure Marketplace or AppSource',
      'a (partner) sales contact for each co-sell eligible geography',
      'required listing fields completed',
      'one-pager and pitch deck uploaded',
      'services (Consulting service / Service solution type): gold competency (2021) or a Solutions Partner designation (2023)',
      'Dynamics 365 apps on Dataverse and Power Apps, Dynamics 365 Operations Apps: ISV Connect enrollment (Business Central excluded in 2021 docs)',
    ],
  },
  'azure-ip-cosell-incentivized': {
    id: 'azure-ip-cosell-incentivized',
    names: {
      '2020': 'Azure IP Co-sell incentivized',
      '2021': 'Azure IP Co-sell incentive',
      '2023': 'Azure IP co-sell eligible',
    },
    namesByDoc: {
      '2020-09-02': 'Azure IP Co-sell incentivized',
      '2021-02-24': 'Azure IP Co-sell incentivized',
      '2021-07-13': 'Azure IP Co-sell incentive',
      '2023-08-24': 'Azure IP co-sell eligible',
    },
    meaning: 'Co-sell ready Azure IP offer that also meets the revenue and technical requirements.',
    appliesToOfferTypes: AZURE_IP_OFFER_TYPES,
    requirements: [
      'co-sell ready',
      'solution type IP (2023)',
      'organization-level Azure Consumed Revenue >= USD 100,000 over trailing 12 months, or (transactable offers) billed revenue >= USD 100,000 (2020 wording: cumulative marketplace billed revenue for paid offers)',
      'technical validation: >50% of offer infrastructure uses repeatable IP code on Azure (2021; transactable VMs and Azure Applications meet it by default); 2023: primarily platformed on Azure and pass Azure-platformed technical validation',
      'reference architecture diagram (2021: all; 2023: not mandatory for Azure App, Container, VM, IoT Edge module)',
      '2023: offer transactable on the marketplace for new offers effective 2023-07-11',
    ],
  },
  'business-applications-standard': {
    id: 'business-applications-standard',
    names: {
      '2020': 'Business Applications Co-sell incentivized',
      '2021': 'Business Applications Co-sell incentivized Standard',
      '2023': 'Business Applications co-sell incentive standard',
    },
    namesByDoc: {
      '2020-09-02': 'Business Applications Co-sell incentivized',
      '2021-04-15': 'Business Applications Co-sell incentivized Standard',
      '2021-07-13': 'Business Applications Co-sell incentive',
      '2023-08-24': 'Business Applications co-sell incentive standard',
    },
    meaning: 'Business Applications ISV enrolled in ISV Connect (2023 successor: ISV Success).',
    appliesToOfferTypes: BUSINESS_APPLICATIONS_OFFER_TYPES,
    // 2021-02-24 doc: co-sell ready not needed for the ISV Connect Standard incentive; newer docs
    // need it.
    requirements: ['co-sell ready (2023 docs)', 'ISV Connect program enrollment'],
  },
  'business-applications-premium': {
    id: 'business-applications-premium',
    names: {
      '2020': 'Business Applications Co-sell incentivized',
      '2021': 'Business Applications Co-sell incentivized Premium',
      '2023': 'Business Applications co-sell incentive premium',
    },
    namesByDoc: {
      '2020-09-02': 'Business Applications Co-sell incentivized',
      '2021-02-24': 'Biz Apps ISV Connect Premium incentive',
      '2021-04-15': 'Business Applications Co-sell incentivized Premium',
      '2021-07-13': 'Business Applications Co-sell incentive',
      '2023-08-24': 'Business Applications co-sell incentive premium',
    },
    meaning: 'Business Applications ISV with an active ISV Connect premium-tier enrollment.',
    appliesToOfferTypes: BUSINESS_APPLICATIONS_OFFER_TYPES,
    requirements: [
      'co-sell ready',
      'active enrollment in ISV Connect premium tier',
      '2021-02: considered on past 12 months of revenue share and co-sell results/thresholds',
    ],
  },
};

/** English label of a status in a policy era (default: the newest era). */
export function cosellStatusName(
  id: CosellStatusId,
  era: CosellPolicyEra = LATEST_COSELL_POLICY_ERA,
): string {
  return COSELL_STATUSES[id].names[era];
}
