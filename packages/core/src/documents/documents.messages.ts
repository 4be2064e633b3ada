import type { ModuleCatalogue } from '../i18n/catalogue';

const en = {} as const;

export const DOCUMENT_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'zh-CN': {},
  'zh-TW': {},
  'sv-SE': {},
  'pl-PL': {},
};
