/**
 * The web app's translations (react-i18next). English ships in the entry chunk as the fallback;
 * the other catalogues are separate chunks loaded before the language is switched to, so a
 * reader never sees a half-translated screen and the sign-in page stays light.
 *
 * The texts of the larger signed-in areas (offers, opportunities, the program's settings) are
 * not in these catalogues but in `locales/<area>/<locale>.json`, loaded with the pages that show
 * them (`loadAreas`, see `pages.ts`) and merged into the same `translation` bundle, so their
 * keys read as if they were in one catalogue.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale, LOCALES, negotiateLocale, type Locale } from '../domain/tenant';
import en from '../locales/en.json';

const STORAGE_KEY = 'cosell.locale';

type Catalogue = Record<string, unknown>;
const loaders = import.meta.glob<Catalogue>(['../locales/*.json', '!../locales/en.json'], {
  import: 'default',
});
/** `../locales/<area>/<locale>.json` → its loader. */
const areaLoaders = import.meta.glob<Catalogue>('../locales/*/*.json', { import: 'default' });

/** A group of texts loaded with the pages that show them: a folder of `locales/`. */
export type Area = 'offers' | 'opportunities' | 'program';

/** The areas the pages shown so far needed: loaded too when the language changes. */
const wantedAreas = new Set<Area>();
/** Each catalogue file requested so far (by loader key), resolved once it is in i18next. */
const added = new Map<string, Promise<void>>();
let initialised: () => void;
const ready = new Promise<void>((resolve) => {
  initialised = resolve;
});

/** Loads one file once and adds it to `locale`'s bundle (deep), after i18next has started. */
function addFile(key: string, load: (() => Promise<Catalogue>) | undefined, locale: Locale) {
  let done = added.get(key);
  if (!done) {
    if (!load) return Promise.resolve();
    done = Promise.all([load(), ready]).then(([catalogue]) => {
      i18n.addResourceBundle(locale, 'translation', catalogue, true, true);
    });
    // A failed load may be retried (the next page, the next language change).
    done.catch(() => added.delete(key));
    added.set(key, done);
  }
  return done;
}

/**
 * Loads the texts of `areas` in `locale` (the current language unless given) and remembers
 * that they are needed, so that a change of language loads them too. Resolves once every key
 * of the areas can be shown.
 */
export async function loadAreas(areas: readonly Area[], locale: Locale = currentLocale()) {
  for (const area of areas) wantedAreas.add(area);
  await Promise.all(
    areas.map((area) => {
      const key = `../locales/${area}/${locale}.json`;
      return addFile(key, areaLoaders[key], locale);
    }),
  );
}

/** The locale to start with before anyone signs in: this browser's last choice, else its languages. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be disabled (private mode, policy); fall through to the browser's languages.
  }
  return negotiateLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Remembers the choice on this device, for the next visit before sign-in. */
export function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering is acceptable; the signed-in user's choice is stored on the server.
  }
}

async function ensureCatalogue(locale: Locale) {
  const key = `../locales/${locale}.json`;
  await Promise.all([addFile(key, loaders[key], locale), loadAreas([...wantedAreas], locale)]);
}

/** The current UI language as one of the supported locales. */
export const currentLocale = (): Locale =>
  isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;

/** Loads the catalogue if needed, switches the UI language and updates `<html lang>`. */
export async function applyLocale(locale: Locale) {
  await ensureCatalogue(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** Starts i18next in `locale` (its catalogue loaded first). */
export async function initI18n(locale: Locale) {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    load: 'currentOnly',
  });
  initialised();
  await applyLocale(locale);
}

export { i18n };
