import type { ModuleCatalogue } from '../i18n/catalogue';

const en = {} as const;

export const OFFER_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'zh-CN': {},
  'zh-TW': {},
  'sv-SE': {},
  'pl-PL': {},
};
