// Source: SPEC §1 Offer types and reachable statuses (AZ-configure-2021/2022, PC-configure-2023, PC-req-2023).
// Data only, no zod: the web app bundles it (`@cosell/core/reference-data`).
/**
 * Stable ids of the marketplace offer types this product knows: the 11 types with a co-sell
 * configuration, then the never-eligible Office add-in type.
 */
export const OFFER_TYPE_IDS = [
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
  'office-add-in',
] as const;

export type OfferTypeId = (typeof OFFER_TYPE_IDS)[number];

/** The 11 offer types that can be configured for co-sell (every id except `office-add-in`). */
export const COSELL_OFFER_TYPE_IDS = [
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
] as const satisfies readonly OfferTypeId[];

export type CosellOfferTypeId = (typeof COSELL_OFFER_TYPE_IDS)[number];

/** Availability of the co-sell tab in the 05/12/2020 doc (AZ-cosell-2020). */
export type CosellTabIn2020 = 'available' | 'to-be-announced' | 'not-listed';

/** Facts about one offer type. */
export interface OfferType {
  id: OfferTypeId;
  /** English name as in the 2022/2023 docs. */
  name: string;
  /** Earlier English names, oldest first (2020–2021 docs). */
  formerNames: readonly string[];
  /** False only for apps and add-ins for Office, which can never become co-sell ready. */
  cosellEligible: boolean;
  /** Can reach "Co-sell ready". */
  canReachCosellReady: boolean;
  /**
   * Can reach the Azure IP co-sell status (incentivized / incentive / eligible). From 2023 this
   * also needs solution type IP; that rule lives with the status rules, not here.
   */
  canReachAzureIp: boolean;
  /** Can reach Business Applications Standard / Premium (needs ISV Connect enrollment). */
  canReachBusinessApplications: boolean;
  /**
   * Co-sell ready needs ISV Connect enrollment. Business Central was excluded from this rule in
   * the 2021 docs and is not named by the 2023 ones.
   */
  needsIsvConnectForReady: boolean;
  /** Co-sell tab availability in the 05/12/2020 doc; null when not applicable. */
  cosellTabIn2020: CosellTabIn2020 | null;
}

/** Every offer type by id (SPEC §1 table). */
export const OFFER_TYPES: Readonly<Record<OfferTypeId, OfferType>> = {
  'azure-application': {
    id: 'azure-application',
    name: 'Azure Application',
    formerNames: [],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: true,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'available',
  },
  'azure-container': {
    id: 'azure-container',
    name: 'Azure Container',
    formerNames: [],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: true,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'to-be-announced',
  },
  'azure-virtual-machine': {
    id: 'azure-virtual-machine',
    name: 'Azure Virtual Machine',
    formerNames: [],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: true,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'to-be-announced',
  },
  'consulting-service': {
    id: 'consulting-service',
    name: 'Consulting service',
    formerNames: [],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: false,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'to-be-announced',
  },
  'dynamics-365-dataverse-power-apps': {
    id: 'dynamics-365-dataverse-power-apps',
    name: 'Dynamics 365 apps on Dataverse and Power Apps',
    formerNames: ['Dynamics 365 for Customer Engagement & PowerApps'],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: false,
    canReachBusinessApplications: true,
    needsIsvConnectForReady: true,
    cosellTabIn2020: 'available',
  },
  'dynamics-365-operations-apps': {
    id: 'dynamics-365-operations-apps',
    name: 'Dynamics 365 Operations Apps',
    formerNames: ['Dynamics 365 for operations'],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: false,
    canReachBusinessApplications: true,
    needsIsvConnectForReady: true,
    cosellTabIn2020: 'available',
  },
  'dynamics-365-business-central': {
    id: 'dynamics-365-business-central',
    name: 'Dynamics 365 Business Central',
    formerNames: [],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: false,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'available',
  },
  'iot-edge-module': {
    id: 'iot-edge-module',
    name: 'IoT Edge Module',
    formerNames: [],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: true,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'to-be-announced',
  },
  'managed-service': {
    id: 'managed-service',
    name: 'Managed Service',
    formerNames: [],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: false,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'not-listed',
  },
  'power-bi-app': {
    id: 'power-bi-app',
    name: 'Power BI App',
    formerNames: ['Power BI Service App'],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: false,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'to-be-announced',
  },
  saas: {
    id: 'saas',
    name: 'Software as a service (SaaS)',
    formerNames: [],
    cosellEligible: true,
    canReachCosellReady: true,
    canReachAzureIp: true,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: 'available',
  },
  // Never eligible (AZ-req-2021-07, PC-req-2023): Teams, Outlook, Excel, SharePoint solutions…
  'office-add-in': {
    id: 'office-add-in',
    name: 'Apps and add-ins for Microsoft Office',
    formerNames: [],
    cosellEligible: false,
    canReachCosellReady: false,
    canReachAzureIp: false,
    canReachBusinessApplications: false,
    needsIsvConnectForReady: false,
    cosellTabIn2020: null,
  },
};

const offerTypeIdSet: ReadonlySet<string> = new Set(OFFER_TYPE_IDS);

/** True when `id` is a known offer type id (including `office-add-in`). */
export function isOfferTypeId(id: string): id is OfferTypeId {
  return offerTypeIdSet.has(id);
}
