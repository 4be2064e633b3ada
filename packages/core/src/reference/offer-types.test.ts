import { describe, expect, it } from 'vitest';
import {
  COSELL_OFFER_TYPE_IDS,
  OFFER_TYPE_IDS,
  OFFER_TYPES,
  OfferTypeIdSchema,
  isOfferTypeId,
} from './offer-types';

describe('offer types', () => {
  it('gives every offer type a unique id', () => {
    expect(new Set(OFFER_TYPE_IDS).size).toBe(OFFER_TYPE_IDS.length);
    expect(OFFER_TYPE_IDS).toHaveLength(12);
  });

  it('keys each record by its own id', () => {
    expect(Object.keys(OFFER_TYPES).sort()).toEqual([...OFFER_TYPE_IDS].sort());
    for (const id of OFFER_TYPE_IDS) expect(OFFER_TYPES[id].id).toBe(id);
  });

  it('lists the 11 co-sell offer types and flags Office add-ins as never eligible', () => {
    expect(COSELL_OFFER_TYPE_IDS).toHaveLength(11);
    const eligible = OFFER_TYPE_IDS.filter((id) => OFFER_TYPES[id].cosellEligible);
    expect(eligible).toEqual([...COSELL_OFFER_TYPE_IDS]);
    const office = OFFER_TYPES['office-add-in'];
    expect(office.cosellEligible).toBe(false);
    expect(office.canReachCosellReady || office.canReachAzureIp).toBe(false);
    expect(office.canReachBusinessApplications).toBe(false);
  });

  it('lets only Azure IP types reach Azure IP co-sell', () => {
    const azureIp = OFFER_TYPE_IDS.filter((id) => OFFER_TYPES[id].canReachAzureIp);
    expect(azureIp).toEqual([
      'azure-application',
      'azure-container',
      'azure-virtual-machine',
      'iot-edge-module',
      'saas',
    ]);
  });

  it('requires ISV Connect exactly for the Business Applications types', () => {
    for (const id of OFFER_TYPE_IDS) {
      const type = OFFER_TYPES[id];
      expect(type.needsIsvConnectForReady).toBe(type.canReachBusinessApplications);
    }
    expect(OFFER_TYPES['dynamics-365-business-central'].needsIsvConnectForReady).toBe(false);
  });

  it('keeps former names', () => {
    expect(OFFER_TYPES['power-bi-app'].formerNames).toEqual(['Power BI Service App']);
    expect(OFFER_TYPES['dynamics-365-operations-apps'].formerNames).toEqual([
      'Dynamics 365 for operations',
    ]);
  });

  it('validates ids with the schema and the guard', () => {
    expect(OfferTypeIdSchema.parse('saas')).toBe('saas');
    expect(OfferTypeIdSchema.safeParse('teams-app').success).toBe(false);
    expect(isOfferTypeId('power-bi-app')).toBe(true);
    expect(isOfferTypeId('SaaS')).toBe(false);
  });
});
