/**
 * The web catalogues stay complete and clean: every locale has exactly the keys of English,
 * with the same {{placeholders}} and <tags>; every English key is used by the sources; every
 * key the sources use exists. Keys built at run time (`t(`role.${role}`)`) are only allowed
 * for the prefixes listed in DYNAMIC_KEYS, expanded from the role/kind vocabularies. A locale's
 * texts are its catalogue and its files in every area (`locales/<area>/<locale>.json`), and an
 * area's files hold the same top-level keys in every locale and none of the catalogue's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES, ORGANISATION_KINDS, ROLES } from './domain/tenant';
import {
  catalogueAreas,
  localeFiles,
  readCatalogue,
  readCataloguePart,
} from './i18n/catalogue-files';

const srcDir = path.dirname(fileURLToPath(import.meta.url));

/** Prefix of a run-time key → every value it may take. */
const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  'role.': ROLES,
  'roleHint.': ROLES,
  'kind.': ORGANISATION_KINDS,
};

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const load = (locale: string) => flatten(readCatalogue(locale));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
      ? [full]
      : [];
  });
}

// `t('key'` or `i18n.t('key'` (not `set('x'`), and `i18nKey="key"`.
const LITERAL_CALL = /(?<![\w$])t\(\s*(['"])([^'"]+)\1/g;
const TRANS_KEY = /i18nKey=(['"])([^'"]+)\1/g;
const TEMPLATE_CALL = /(?<![\w$])t\(\s*`([^`]*)`/g;

function usedKeys() {
  const literal = new Set<string>();
  const dynamicPrefixes = new Set<string>();
  const unknownDynamic: string[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(LITERAL_CALL)) literal.add(match[2]!);
    for (const match of text.matchAll(TRANS_KEY)) literal.add(match[2]!);
    for (const match of text.matchAll(TEMPLATE_CALL)) {
      const template = match[1]!;
      const hole = template.indexOf('${');
      if (hole === -1) {
        literal.add(template);
        continue;
      }
      const prefix = template.slice(0, hole);
      const rest = template.slice(template.indexOf('}', hole) + 1);
      if (prefix in DYNAMIC_KEYS && rest === '') dynamicPrefixes.add(prefix);
      else unknownDynamic.push(`${path.relative(srcDir, file)}: t(\`${template}\`)`);
    }
  }
  const all = new Set(literal);
  for (const prefix of dynamicPrefixes)
    for (const value of DYNAMIC_KEYS[prefix]!) all.add(prefix + value);
  return { all, unknownDynamic };
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}|<\/?(\w+)\s*\/?>/g)]
    .map((m) => m[1] ?? `<${m[2]}>`)
    .sort();

const en = load('en');

/**
 * i18next plural forms: `key_one`, `key_few`… are one key `key` that `t('key', { count })`
 * picks from by the language's plural rules, so languages differ in the forms they have
 * (Polish one/few/many/other, Chinese only other).
 */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');
const baseKeys = (catalogue: Map<string, string>) => new Set([...catalogue.keys()].map(baseKey));
/** The English text a translated key is compared with: a plural form compares with `_other`. */
const englishOf = (key: string) =>
  en.get(key) ?? (PLURAL_SUFFIX.test(key) ? en.get(`${baseKey(key)}_other`) : undefined);

describe('web translations', () => {
  it('has a catalogue for every supported locale and no other', () => {
    expect(localeFiles()).toEqual([...LOCALES].sort());
  });

  it('has, in every area, a file for every supported locale and no other', () => {
    expect(catalogueAreas().length).toBeGreaterThan(0);
    for (const area of catalogueAreas())
      expect({ area, locales: localeFiles(area) }).toEqual({ area, locales: [...LOCALES].sort() });
  });

  it('keeps each top-level key in one place: the catalogue or a single area', () => {
    const places = new Map<string, string[]>();
    for (const area of ['', ...catalogueAreas()])
      for (const key of Object.keys(readCataloguePart('en', area || undefined)))
        places.set(key, [...(places.get(key) ?? []), area || 'catalogue']);
    const twice = [...places].filter(([, where]) => where.length > 1);
    expect(twice).toEqual([]);
    for (const locale of LOCALES)
      for (const area of ['', ...catalogueAreas()])
        expect({
          locale,
          area,
          keys: Object.keys(readCataloguePart(locale, area || undefined)).sort(),
        }).toEqual({
          locale,
          area,
          keys: Object.keys(readCataloguePart('en', area || undefined)).sort(),
        });
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const catalogue = load(locale);
      it('has every key of en and no other (plural forms as its language needs them)', () => {
        const mine = baseKeys(catalogue);
        const english = baseKeys(en);
        const missing = [...english].filter((key) => !mine.has(key));
        const extra = [...mine].filter((key) => !english.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });
      it('keeps the placeholders and markup of en, with no empty text', () => {
        const wrong = [...catalogue.keys()]
          .map((key) => [key, englishOf(key)] as const)
          .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
          .filter(([key, text]) => {
            const translated = catalogue.get(key)!;
            return (
              translated.trim() === '' ||
              placeholders(translated).join() !== placeholders(text).join()
            );
          })
          .map(([key]) => key);
        expect(wrong).toEqual([]);
      });
    });
  }

  it('uses run-time keys only with known prefixes', () => {
    expect(usedKeys().unknownDynamic).toEqual([]);
  });

  it('defines every key the sources use', () => {
    const english = baseKeys(en);
    const missing = [...usedKeys().all].filter((key) => !english.has(key)).sort();
    expect(missing).toEqual([]);
  });

  it('uses every key it defines', () => {
    const { all } = usedKeys();
    const unused = [...en.keys()].filter((key) => !all.has(baseKey(key))).sort();
    expect(unused).toEqual([]);
  });
});
