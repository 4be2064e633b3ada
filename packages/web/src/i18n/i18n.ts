/**
 * The web app's translations (react-i18next). English ships in the entry chunk as the fallback;
 * the other catalogues are separate chunks loaded before the language is switched to, so a
 * reader never sees a half-translated screen and the sign-in page stays light.
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
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const load = loaders[`../locales/${locale}.json`];
  if (!load) return;
  i18n.addResourceBundle(locale, 'translation', await load(), true, true);
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
  await applyLocale(locale);
}

export { i18n };
