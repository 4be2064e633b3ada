import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCountryCode } from './countries';
import {
  STATE_CODE_PATTERN,
  STATE_CODES,
  STATES,
  StateCodeSchema,
  findStateName,
  findStatesOfCountry,
  isStateCode,
  stateCountry,
} from './states';

describe('subdivision list', () => {
  it('has 57 US, 13 Canadian and 8 Australian subdivisions', () => {
    expect(findStatesOfCountry('US')).toHaveLength(57);
    expect(findStatesOfCountry('CA')).toHaveLength(13);
    expect(findStatesOfCountry('AU')).toHaveLength(8);
    expect(STATES).toHaveLength(78);
    expect(new Set(STATE_CODES).size).toBe(78);
    expect(findStatesOfCountry('FR')).toEqual([]);
  });

  it('prefixes every code with its own co-sell country', () => {
    for (const state of STATES) {
      expect(state.code.startsWith(`${state.country}-`)).toBe(true);
      expect(isCountryCode(state.country)).toBe(true);
    }
  });

  it('matches CC- followed by two or three letters, as Australian codes need three', () => {
    for (const code of STATE_CODES) expect(code).toMatch(STATE_CODE_PATTERN);
    expect(isStateCode('AU-NSW')).toBe(true);
    expect(isStateCode('US-WA')).toBe(true);
    expect(findStateName('US-VI')).toBe('U.S. Virgin Islands');
  });

  it('rejects unknown, lower-case and malformed codes', () => {
    expect(isStateCode('us-wa')).toBe(false);
    expect(isStateCode('US-ZZ')).toBe(false);
    expect(isStateCode('US-WASH')).toBe(false);
    expect(stateCountry('FR-75')).toBeUndefined();
    expect(StateCodeSchema.safeParse('CA-QC').success).toBe(true);
    expect(StateCodeSchema.safeParse('CA-XX').success).toBe(false);
  });
});

describe(stateCountry.name, () => {
  it('returns a co-sell country for any valid state code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATE_CODES), (code) => {
        const country = stateCountry(code);
        expect(isCountryCode(country)).toBe(true);
        expect(code.startsWith(`${country}-`)).toBe(true);
      }),
    );
  });

  it('returns undefined exactly when the code is not a listed subdivision', () => {
    const codeLike = fc
      .tuple(fc.constantFrom('US', 'CA', 'AU', 'FR'), fc.stringMatching(/^[A-Z]{2,3}$/))
      .map(([country, rest]) => `${country}-${rest}`);
    fc.assert(
      fc.property(fc.oneof(codeLike, fc.string()), (code) => {
        expect(stateCountry(code) === undefined).toBe(!isStateCode(code));
      }),
    );
  });
});
