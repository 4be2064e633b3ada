import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ALL_REGIONS_CODE,
  ALL_REGIONS_ENGLISH_LABEL,
  COSELL_COUNTRIES,
  COSELL_COUNTRY_CODES,
  COUNTRY_CODES,
  COUNTRY_ENGLISH_NAMES,
  CosellCountryCodeSchema,
  countryName,
  isCosellCountryCode,
  isCountryCode,
} from './countries';

describe('co-sell country list', () => {
  it('has 246 two-letter codes plus OOO', () => {
    expect(COUNTRY_CODES).toHaveLength(246);
    expect(new Set(COUNTRY_CODES).size).toBe(246);
    expect(COSELL_COUNTRY_CODES).toHaveLength(247);
    expect(COSELL_COUNTRY_CODES).toContain('OOO');
    expect(COSELL_COUNTRIES).toHaveLength(247);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('names every code in English and uses the newest name for TR', () => {
    expect(Object.keys(COUNTRY_ENGLISH_NAMES)).toHaveLength(246);
    expect(COUNTRY_ENGLISH_NAMES.TR).toBe('Türkiye');
    expect(COUNTRY_ENGLISH_NAMES.DE).toBe('Germany');
    expect(COUNTRY_ENGLISH_NAMES.CI).toBe("Côte d'Ivoire");
    expect(COSELL_COUNTRIES.at(-1)).toEqual({ code: 'OOO', name: 'Global contacts' });
  });

  it('accepts listed codes and OOO, and rejects anything else', () => {
    expect(isCosellCountryCode('US')).toBe(true);
    expect(isCosellCountryCode(ALL_REGIONS_CODE)).toBe(true);
    expect(isCountryCode(ALL_REGIONS_CODE)).toBe(false);
    expect(isCosellCountryCode('us')).toBe(false);
    expect(isCosellCountryCode('XK')).toBe(false);
    expect(isCosellCountryCode('')).toBe(false);
    expect(CosellCountryCodeSchema.safeParse('FR').success).toBe(true);
    expect(CosellCountryCodeSchema.safeParse('ZZ').success).toBe(false);
  });

  it('rejects every string that is not in the list', () => {
    const listed = new Set<string>(COSELL_COUNTRY_CODES);
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (code) => {
        expect(isCosellCountryCode(code)).toBe(listed.has(code));
      }),
    );
  });
});

describe(countryName.name, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns localized names from Intl', () => {
    expect(countryName('DE', 'zh-CN')).toBe('德国');
    expect(countryName('DE', 'pl-PL')).toBe('Niemcy');
    expect(countryName('DE', 'sv-SE')).toBe('Tyskland');
    expect(countryName('FR', 'pl-PL')).toBe('Francja');
  });

  it('returns a non-empty name for every listed code in every tested locale', () => {
    for (const locale of ['en-US', 'zh-CN', 'pl-PL', 'sv-SE']) {
      for (const code of COUNTRY_CODES) expect(countryName(code, locale)).not.toBe('');
    }
  });

  it('returns an unknown code unchanged', () => {
    expect(countryName('QQ', 'pl-PL')).toBe('QQ');
    expect(countryName('not-a-code', 'sv-SE')).toBe('not-a-code');
  });

  it('falls back to the English name when the locale is rejected by Intl', () => {
    expect(countryName('DE', '!!invalid!!')).toBe('Germany');
    expect(countryName('TR', '!!invalid!!')).toBe('Türkiye');
  });

  it('falls back to the English name when Intl has no name for the code', () => {
    class DisplayNamesWithoutData {
      of(): string | undefined {
        return undefined;
      }
    }
    vi.stubGlobal('Intl', { ...Intl, DisplayNames: DisplayNamesWithoutData });
    // A locale not used elsewhere, so the per-locale cache holds the stub.
    expect(countryName('SE', 'fi-FI-x-no-data')).toBe('Sweden');
  });

  it('labels OOO in English unless a label map covers the locale', () => {
    expect(countryName('OOO', 'pl-PL')).toBe(ALL_REGIONS_ENGLISH_LABEL);
    const allRegionsLabels = { 'pl-PL': 'Wszystkie kraje/regiony', sv: 'Alla länder/regioner' };
    expect(countryName('OOO', 'pl-PL', { allRegionsLabels })).toBe('Wszystkie kraje/regiony');
    expect(countryName('OOO', 'sv-SE', { allRegionsLabels })).toBe('Alla länder/regioner');
    expect(countryName('OOO', 'zh-CN', { allRegionsLabels })).toBe('All countries/regions');
  });
});
