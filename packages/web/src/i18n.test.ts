/**
 * The web catalogues stay complete and clean: every locale has exactly the keys of English,
 * with the same {{placeholders}} and <tags>; every English key is used by the sources; every
 * key the sources use exists. Keys built at run time (`t(`role.${role}`)`) are only allowed
 * for the prefixes listed in DYNAMIC_KEYS, expanded from the role/kind vocabularies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES, ORGANISATION_KINDS, ROLES } from './domain/tenant';

const srcDir = path.dirname(fileURLToPath(import.meta.url));
const localesDir = path.join(srcDir, 'locales');

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

const load = (locale: string) =>
  flatten(JSON.parse(readFileSync(path.join(localesDir, `${locale}.json`), 'utf8')) as Catalogue);

/** i18next plural forms (`key_one`, `key_few`…): each language has the forms it needs. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, '');
/** A catalogue's keys with every plural family as its base key. */
const baseKeys = (catalogue: Map<string, string>) => new Set([...catalogue.keys()].map(baseKey));

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

describe('web translations', () => {
  it('has a catalogue for every supported locale and no other', () => {
    const files = readdirSync(localesDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const catalogue = load(locale);
      it('has every key of en and no other', () => {
        const ours = baseKeys(catalogue);
        const theirs = baseKeys(en);
        const missing = [...theirs].filter((key) => !ours.has(key));
        const extra = [...ours].filter((key) => !theirs.has(key));
        // Every plural family has its `_other` form, whatever other forms the language uses.
        const noOther = [...catalogue.keys()]
          .filter((key) => PLURAL.test(key))
          .map(baseKey)
          .filter((key) => !catalogue.has(`${key}_other`));
        expect({ missing, extra, noOther }).toEqual({ missing: [], extra: [], noOther: [] });
      });
      it('keeps the placeholders and markup of en, with no empty text', () => {
        // A plural form is held against English's form of the same name, else its `_other`.
        const wrong = [...catalogue.entries()]
          .filter(([key, translated]) => {
            const text = en.get(key) ?? en.get(`${baseKey(key)}_other`);
            if (text === undefined) return false;
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
    const defined = baseKeys(en);
    const missing = [...usedKeys().all].filter((key) => !defined.has(key)).sort();
    expect(missing).toEqual([]);
  });

  it('uses every key it defines', () => {
    const { all } = usedKeys();
    const unused = [...baseKeys(en)].filter((key) => !all.has(key)).sort();
    expect(unused).toEqual([]);
  });
});
