import * as core from '@cosell/core';
import { describe, expect, it } from 'vitest';
import {
  ALL_REGIONS,
  CONTACT_ROLE_IDS,
  COUNTRY_CODES,
  DOCUMENT_EXTENSIONS,
  DOCUMENT_KIND_IDS,
  isCosellEligibleType,
  LIFECYCLE_STATES,
  MAX_OTHER_DOCUMENTS,
  OFFER_TYPE_IDS,
  SINGLE_DOCUMENT_KINDS,
  SOLUTION_TYPE_IDS,
  STATE_COUNTRIES,
  stateCountry,
  STATES,
  VIDEO_EXTENSIONS,
} from './vocabulary';

describe('web co-sell vocabulary', () => {
  it('matches the core offer types, their eligibility and lifecycle states', () => {
    expect([...OFFER_TYPE_IDS]).toEqual([...core.OFFER_TYPE_IDS]);
    for (const type of core.OFFER_TYPE_IDS) {
      expect(isCosellEligibleType(type), type).toBe(core.isCosellEligibleOfferType(type));
    }
    expect([...LIFECYCLE_STATES]).toEqual([...core.OFFER_LIFECYCLE_STATES]);
    expect([...SOLUTION_TYPE_IDS]).toEqual([...core.SOLUTION_TYPE_IDS]);
  });

  it('matches the core document kinds, limits and file types', () => {
    expect([...DOCUMENT_KIND_IDS]).toEqual([...core.DOCUMENT_KIND_IDS]);
    expect(SINGLE_DOCUMENT_KINDS.every((kind) => core.DOCUMENT_KINDS[kind].maxCount === 1)).toBe(
      true,
    );
    expect(MAX_OTHER_DOCUMENTS).toBe(core.MAX_OTHER_DOCUMENTS);
    expect([...DOCUMENT_EXTENSIONS]).toEqual([...core.DOCUMENT_EXTENSIONS]);
    expect([...VIDEO_EXTENSIONS]).toEqual([...core.VIDEO_DOCUMENT_EXTENSIONS]);
  });

  it('matches the core contact roles, countries and states', () => {
    expect([...CONTACT_ROLE_IDS]).toEqual([...core.CONTACT_ROLE_IDS]);
    expect([...COUNTRY_CODES]).toEqual([...core.COUNTRY_CODES]);
    expect(ALL_REGIONS).toBe(core.ALL_REGIONS_CODE);
    expect(STATES.map(([code, name]) => ({ code, name }))).toEqual(
      core.STATES.map(({ code, name }) => ({ code, name })),
    );
    expect(STATES.every(([code]) => stateCountry(code) === core.stateCountry(code))).toBe(true);
    expect([...STATE_COUNTRIES]).toEqual([...core.STATE_COUNTRY_CODES]);
  });
});
