/**
 * Country and state names for pickers and tables, in the UI language (Intl.DisplayNames; the
 * code itself when the browser has no name for it).
 */
import { ALL_REGIONS, COUNTRY_CODES, STATES, stateCountry } from './vocabulary';

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesFor(locale: string): Intl.DisplayNames | null {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    displayNames.set(locale, names);
  }
  return names;
}

/** The name of a two-letter code in `locale`; `allRegions` names `OOO`. */
export function countryName(code: string, locale: string, allRegions = code): string {
  if (code === ALL_REGIONS) return allRegions;
  let name: string | undefined;
  try {
    name = namesFor(locale)?.of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? name : code;
}

export interface NamedCode {
  code: string;
  name: string;
}

const collators = new Map<string, Intl.Collator>();
const collator = (locale: string) => {
  let found = collators.get(locale);
  if (!found) {
    found = new Intl.Collator(locale);
    collators.set(locale, found);
  }
  return found;
};

/** Every co-sell country with its name, sorted by name in `locale`. */
export function sortedCountries(locale: string): NamedCode[] {
  const compare = collator(locale).compare;
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    compare(a.name, b.name),
  );
}

const STATE_NAMES: ReadonlyMap<string, string> = new Map(STATES.map((s) => [s.code, s.name]));

/** A state's name with its country (`Washington, United States`). */
export function stateName(code: string, locale: string): string {
  const name = STATE_NAMES.get(code);
  return name ? `${name} (${countryName(stateCountry(code), locale)})` : code;
}

/** The states of the chosen countries (all of them for `OOO`), in list order. */
export function statesFor(countries: readonly string[]): string[] {
  const all = countries.includes(ALL_REGIONS);
  return STATES.filter((state) => all || countries.includes(state.country)).map((s) => s.code);
}

/** Matches `query` against a name or a code, ignoring case and accents. */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const needle = fold(query.trim());
  if (!needle) return true;
  return texts.some((text) => fold(text).includes(needle));
}
