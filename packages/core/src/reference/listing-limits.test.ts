import { describe, expect, it } from 'vitest';
import { LATEST_LISTING_LIMITS, LISTING_LIMITS, findListingLimitsAsOf } from './listing-limits';

describe('listing limits', () => {
  it('lists doc versions oldest first, newest being 5 areas × 5 sales plays', () => {
    const dates = LISTING_LIMITS.map((l) => l.docDate);
    expect(dates).toEqual([...dates].sort());
    expect(LISTING_LIMITS.at(-1)).toBe(LATEST_LISTING_LIMITS);
    expect(LATEST_LISTING_LIMITS).toMatchObject({
      maxSolutionAreas: 5,
      maxSubAreasPerArea: 5,
      subAreaTerm: 'sales play',
    });
  });

  it('picks the limits of the newest doc on or before a date', () => {
    expect(findListingLimitsAsOf('2019-01-01')).toBeUndefined();
    expect(findListingLimitsAsOf('2021-03-17')?.maxSolutionAreas).toBe(3);
    expect(findListingLimitsAsOf('2021-12-31')?.maxSubAreasPerArea).toBe(2);
    expect(findListingLimitsAsOf('2022-01-11')?.maxSolutionAreas).toBe(5);
    expect(findListingLimitsAsOf('2030-01-01')).toBe(LATEST_LISTING_LIMITS);
  });
});
