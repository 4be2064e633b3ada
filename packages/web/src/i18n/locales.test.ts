/**
 * The five catalogues, with their areas' files, stay complete (i18n.test.ts checks keys and
 * placeholders): every plural form a language needs, no English left in another language, contact roles as a contacts
 * file accepts them, and Chinese punctuation and spacing.
 */
import { CONTACT_ROLE_IDS, CONTACT_ROLE_TRANSLATED_LABELS } from '@cosell/core/reference-data';
import { describe, expect, it } from 'vitest';
import { readCatalogue, type CatalogueTree as Tree } from './catalogue-files';
import { joinList } from './list';

const OTHERS = ['pl-PL', 'sv-SE', 'zh-CN', 'zh-TW'] as const;
/** Each locale's texts: its catalogue with its files of every area merged in. */
const CATALOGUES: Record<string, Tree> = Object.fromEntries(
  ['en', ...OTHERS].map((locale) => [locale, readCatalogue(locale)]),
);

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

const flat = Object.fromEntries(
  Object.entries(CATALOGUES).map(([locale, tree]) => [locale, flatten(tree)]),
);

/**
 * Words that are the same in English and the other language (loanwords, product and program
 * names): not a missing translation.
 */
const SAME_IN_BOTH = new Set([
  'E-mail',
  'Partner',
  'Program',
  'Alias',
  'System',
  'Segment',
  'Problem',
  'Status',
  'Policy',
  'Policy {{policy}}',
  '{{type}} · alias {{alias}}',
  'API',
  'Organisation',
  'Token',
  'Standard',
  'Premium',
  'PartnerID',
  'ISV Connect',
  'Dynamics 365 Business Central',
  'Dynamics 365 Operations Apps',
  // The product's name, a CRM's id, and words Swedish shares with English.
  'cosell',
  'CRM ID',
  'person',
  'Team',
  'Status: {{value}}',
  '{{when}} · {{who}} ({{actorKind}}) · via {{channel}}',
]);

describe('the catalogues', () => {
  it.each(Object.keys(CATALOGUES))('%s has every plural form its language needs', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const plurals = new Set(
      [...flat.en!.keys()]
        .filter((key) => PLURAL_SUFFIX.test(key))
        .map((key) => key.replace(PLURAL_SUFFIX, '')),
    );
    const missing = [...plurals].flatMap((base) =>
      categories
        .filter((form) => !flat[locale]!.has(`${base}_${form}`))
        .map((form) => `${base}_${form}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(OTHERS)('%s leaves no English text untranslated', (locale) => {
    const english = [...flat[locale]!].filter(([key, text]) => {
      const words = text.replace(/\{\{\w+\}\}/g, '');
      return flat.en!.get(key) === text && /[a-z]{3}/i.test(words) && !SAME_IN_BOTH.has(text);
    });
    expect(english.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it.each(['pl-PL', 'sv-SE', 'zh-CN', 'zh-TW'] as const)(
    '%s names contact roles as a contacts file may write them',
    (locale) => {
      const roles = CATALOGUES[locale]!.contactRole as Record<string, string>;
      for (const id of CONTACT_ROLE_IDS) {
        expect(roles[id]).toBe(CONTACT_ROLE_TRANSLATED_LABELS[locale][id]);
      }
    },
  );

  it.each(['zh-CN', 'zh-TW'])(
    '%s uses full-width punctuation beside Chinese text, without spaces around it',
    (locale) => {
      const han = '\\p{Script=Han}';
      const halfWidthNextToHan = new RegExp(`${han}[,:;?!()]|[,:;?!()]${han}|${han} \\(`, 'u');
      const spacedFullWidth = / [，。：；、！？（）「」“”]|[，。：；、！？（「“] /u;
      const wrong = [...flat[locale]!].filter(
        ([, text]) => halfWidthNextToHan.test(text) || spacedFullWidth.test(text),
      );
      expect(wrong.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    },
  );
});

describe(joinList.name, () => {
  it('separates items with the ideographic comma in Chinese, a comma elsewhere', () => {
    expect(joinList(['美国', '加拿大'], 'zh-CN')).toBe('美国、加拿大');
    expect(joinList(['美國', '加拿大'], 'zh-TW')).toBe('美國、加拿大');
    expect(joinList(['Polska', 'Niemcy'], 'pl-PL')).toBe('Polska, Niemcy');
  });
});
