import { describe, expect, it } from 'vitest';
import {
  COSELL_POLICY_ERAS,
  COSELL_STATUS_IDS,
  COSELL_STATUSES,
  cosellStatusName,
} from './cosell-statuses';
import { COSELL_OFFER_TYPE_IDS, OFFER_TYPES } from './offer-types';

describe('co-sell statuses', () => {
  it('names every status in every policy era', () => {
    for (const id of COSELL_STATUS_IDS) {
      expect(COSELL_STATUSES[id].id).toBe(id);
      for (const era of COSELL_POLICY_ERAS) expect(cosellStatusName(id, era)).not.toBe('');
    }
  });

  it('uses the 2023 names by default', () => {
    expect(cosellStatusName('not-cosell-ready')).toBe('In market');
    expect(cosellStatusName('azure-ip-cosell-incentivized')).toBe('Azure IP co-sell eligible');
    expect(cosellStatusName('business-applications-premium')).toBe(
      'Business Applications co-sell incentive premium',
    );
  });

  it('keeps the older names per era', () => {
    expect(cosellStatusName('not-cosell-ready', '2020')).toBe('Not ready');
    expect(cosellStatusName('not-cosell-ready', '2021')).toBe('Not co-sell ready');
    expect(cosellStatusName('azure-ip-cosell-incentivized', '2020')).toBe(
      'Azure IP Co-sell incentivized',
    );
  });

  it('agrees with the offer-type table on who can reach which status', () => {
    const reaching = (flag: 'canReachAzureIp' | 'canReachBusinessApplications') =>
      COSELL_OFFER_TYPE_IDS.filter((id) => OFFER_TYPES[id][flag]);
    expect(COSELL_STATUSES['azure-ip-cosell-incentivized'].appliesToOfferTypes).toEqual(
      reaching('canReachAzureIp'),
    );
    expect(COSELL_STATUSES['business-applications-standard'].appliesToOfferTypes).toEqual(
      reaching('canReachBusinessApplications'),
    );
    expect(COSELL_STATUSES['business-applications-premium'].appliesToOfferTypes).toEqual(
      reaching('canReachBusinessApplications'),
    );
    expect(COSELL_STATUSES['cosell-ready'].appliesToOfferTypes).toEqual([...COSELL_OFFER_TYPE_IDS]);
  });
});
