import type { Locale } from '../accounts/accounts.types';

/**
 * A feature area's messages in every locale: English defines the keys, every other locale
 * must have exactly the same ones (the type says so; messages.test.ts checks placeholders).
 */
export type ModuleCatalogue<E extends Record<string, string>> = { en: E } & Record<
  Exclude<Locale, 'en'>,
  Record<keyof E, string>
>;
