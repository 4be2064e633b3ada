// Source: SPEC §4 Contacts, location codes; names from the runtime's CLDR data (Intl.DisplayNames).
/**
 * Country/region names people type into a contacts file instead of codes: "United States",
 * "Deutschland", "美国", "Polska", "Sverige", and "All countries/regions" for `OOO`, in the five
 * interface languages, in English and in the languages whose names are the countries' own.
 * The names are not a hand-written table: they come from `Intl.DisplayNames` (CLDR), long and
 * short forms, plus the English names of the published code table.
 */
import {
  ALL_REGIONS_CODE,
  ALL_REGIONS_DOC_NAME,
  ALL_REGIONS_ENGLISH_LABEL,
  COUNTRY_CODES,
  COUNTRY_ENGLISH_NAMES,
  isCosellCountryCode,
  type CosellCountryCode,
} from './countries.data';

/**
 * Languages whose country names are accepted: the interface languages (Chinese in both
 * scripts) and German, whose names a contacts file of a DACH team carries ("Deutschland",
 * "Österreich", "Schweiz").
 */
export const COUNTRY_NAME_LANGUAGES = ['en', 'pl', 'sv', 'zh-Hans', 'zh-Hant', 'de'] as const;

/** `OOO` as the contact pickers of the five interface languages name it. */
export const ALL_REGIONS_LABELS: Readonly<Record<string, string>> = {
  en: ALL_REGIONS_ENGLISH_LABEL,
  'zh-CN': '所有国家/地区',
  'zh-TW': '所有國家/地區',
  'sv-SE': 'Alla länder/regioner',
  'pl-PL': 'Wszystkie kraje/regiony',
};

/**
 * The lookup key of a name: compatibility forms folded (full-width letters, ideographic
 * space), accents dropped, lower case, spaces collapsed and removed around `/` `,` `(` `)`.
 * "  united   STATES " and "Türkiye"/"turkiye" meet; names that would then collide are dropped.
 */
export function countryNameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([/,()])\s*/g, '$1')
    .trim();
}

let codeByKey: ReadonlyMap<string, CosellCountryCode | null> | undefined;

function regionNames(language: string, style: 'long' | 'short'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([language], { type: 'region', style, fallback: 'none' });
  } catch {
    return undefined;
  }
}

/** Every accepted name by key; `null` marks a key two codes share (never guessed). */
function buildNames(): ReadonlyMap<string, CosellCountryCode | null> {
  const names = new Map<string, CosellCountryCode | null>();
  const add = (name: string | undefined, code: CosellCountryCode) => {
    if (!name) return;
    const key = countryNameKey(name);
    const known = names.get(key);
    names.set(key, known === undefined || known === code ? code : null);
  };
  for (const code of COUNTRY_CODES) add(COUNTRY_ENGLISH_NAMES[code], code);
  for (const language of COUNTRY_NAME_LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      const displayNames = regionNames(language, style);
      if (!displayNames) continue;
      for (const code of COUNTRY_CODES) {
        let name: string | undefined;
        try {
          name = displayNames.of(code);
        } catch {
          name = undefined;
        }
        if (name !== code) add(name, code);
      }
    }
  }
  for (const label of [ALL_REGIONS_DOC_NAME, ...Object.values(ALL_REGIONS_LABELS)]) {
    add(label, ALL_REGIONS_CODE);
    add(`${label} (${ALL_REGIONS_CODE})`, ALL_REGIONS_CODE);
  }
  return names;
}

/**
 * The co-sell code a contacts file means by `text`: a code in any case (`us`, `OOO`) or a
 * country/region name in one of {@link COUNTRY_NAME_LANGUAGES} ("Deutschland" → `DE`,
 * "所有国家/地区" → `OOO`). Undefined when it is neither, or when the name is ambiguous.
 */
export function parseCountryOrName(text: string): CosellCountryCode | undefined {
  const code = text.trim().toUpperCase();
  if (isCosellCountryCode(code)) return code;
  codeByKey ??= buildNames();
  return codeByKey.get(countryNameKey(text)) ?? undefined;
}
