/**
 * The message catalogue stays whole: every locale has exactly the keys of English with the
 * same placeholders, every key is used by the code, and every key the code uses exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { EVENT_TYPES } from '../events/events';
import { NOTIFICATION_KINDS } from '../reference/notification-kinds';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../errors';
import { LOCALES, type Locale } from '../accounts/accounts.types';
import { isMessageKey, MESSAGES, translate } from './messages';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const en = MESSAGES.en;
const keys = Object.keys(en).sort();
/** The values a message uses: `{name}` placeholders and `{name, plural, …}` choices, once each. */
const placeholders = (text: string) => {
  const names = new Set<string>();
  const plain = text.replace(
    /\{(\w+), plural,(?:\s*[=\w]+\s*\{[^{}]*\})+\s*\}/g,
    (_, name: string) => {
      names.add(name);
      return '';
    },
  );
  for (const m of plain.matchAll(/\{(\w+)(?:, list)?\}/g)) names.add(m[1]!);
  return [...names].sort();
};

/** Source files of packages/<name>/src, without tests, declarations and the catalogues. */
function sources(packageNames?: string[]) {
  const packagesDir = path.join(root, 'packages');
  const names = packageNames ?? readdirSync(packagesDir);
  return names.flatMap((name) => {
    const dir = path.join(packagesDir, name, 'src');
    let files: string[];
    try {
      files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      return [];
    }
    return files
      .filter((file) => /\.tsx?$/.test(file) && !/\.(test|d)\.tsx?$/.test(file))
      .map((file) => path.join(dir, file))
      .filter((file) => !file.endsWith('messages.ts'))
      .map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));
  });
}

const quoted = (key: string) => new RegExp(`['"\`]${key.replace(/[.]/g, '\\.')}['"\`]`);

describe('message catalogue', () => {
  it('ships every supported locale', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys of en', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual(keys);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s keeps every placeholder of en', (locale) => {
    const wrong = keys.filter(
      (key) =>
        placeholders(MESSAGES[locale][key as keyof typeof en]).join() !==
        placeholders(en[key as keyof typeof en]).join(),
    );
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty or untrimmed message', (locale) => {
    const wrong = Object.entries(MESSAGES[locale])
      .filter(([, text]) => text.trim() === '' || text !== text.trim())
      .map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  it('chooses the plural form of each language', () => {
    const refused = (locale: Locale, badRows: number) =>
      translate(locale, 'import.refused', { badRows });
    expect(refused('en', 1)).toMatch(/^1 row needs correcting\. Fix it /);
    expect(refused('en', 3)).toMatch(/^3 rows need correcting\. Fix them /);
    expect(refused('pl-PL', 1)).toMatch(/^1 wiersz wymaga poprawy\. Popraw go /);
    expect(refused('pl-PL', 2)).toMatch(/^2 wiersze wymagają poprawy/);
    expect(refused('pl-PL', 5)).toMatch(/^5 wierszy wymaga poprawy/);
    expect(refused('pl-PL', 22)).toMatch(/^22 wiersze wymagają/);
    expect(refused('sv-SE', 1)).toMatch(/^1 rad behöver rättas\. Rätta den /);
    expect(refused('sv-SE', 2)).toMatch(/^2 rader behöver/);
    expect(refused('zh-CN', 1)).toBe('有 1 行需要更正。请修正后重新导入文件。');
  });

  it('writes lists with the list separator of the language', () => {
    const params = { count: 2, missing: 'US, PL' };
    expect(translate('zh-CN', 'checklist.partnerSales', params)).toContain('：US、PL。');
    expect(translate('zh-TW', 'checklist.partnerSales', params)).toContain('US、PL');
    expect(translate('pl-PL', 'checklist.partnerSales', params)).toContain(': US, PL.');
  });

  it.each(LOCALES)('%s gives every plural choice an “other” form', (locale) => {
    const choices = Object.values(MESSAGES[locale]).flatMap((text) => [
      ...text.matchAll(/\{\w+, plural,((?:\s*[=\w]+\s*\{[^{}]*\})+)\s*\}/g),
    ]);
    const withoutOther = choices.filter((m) => !/(^|\s)other\s*\{/.test(m[1]!));
    expect(withoutOther.map((m) => m[0])).toEqual([]);
  });

  it('fills placeholders and falls back for unknown keys', () => {
    expect(translate('en', 'error.RATE_LIMITED', { seconds: 30 })).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    expect(translate('pl-PL', 'no.such.key')).toBe(MESSAGES['pl-PL']['issue.invalid']);
  });

  it('has a title for every error code', () => {
    const missing = [...APP_ERROR_CODES, 'INTERNAL'].filter(
      (code) => !isMessageKey(`error.${code}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses every key somewhere in packages/*/src', () => {
    const all = sources();
    expect(all.length).toBeGreaterThan(10);
    const problemTs = all.find(
      (s) => s.file === path.join('packages', 'server', 'src', 'http', 'problem.ts'),
    );
    expect(problemTs, 'packages/server/src/http/problem.ts').toBeDefined();
    const errorCodes = new Set<string>([...APP_ERROR_CODES, 'INTERNAL']);

    const unused = keys.filter((key) => {
      const code = /^error\.([A-Z_]+)$/.exec(key)?.[1];
      // Error titles are looked up as `error.${code}` for each AppError code.
      if (code) return !errorCodes.has(code);
      // Generic field issues are chosen by the validation error mapper.
      if (key.startsWith('issue.')) return !quoted(key).test(problemTs!.text);
      return !all.some((source) => quoted(key).test(source.text));
    });
    expect(unused, 'message keys nothing uses').toEqual([]);
  });

  it('knows every message key the server code refers to', () => {
    // Catalogue-shaped string literals in core, db, server and cli (the web app has its own).
    const prefixes = [...new Set(keys.map((key) => key.split('.')[0]!))].join('|');
    const literal = new RegExp(`['"\`]((?:${prefixes})\\.[A-Za-z_]+)['"\`]`, 'g');
    const found = sources(['core', 'db', 'server', 'cli']).flatMap((source) =>
      [...source.text.matchAll(literal)].map((m) => ({ file: source.file, key: m[1]! })),
    );
    expect(found.length).toBeGreaterThan(10);
    // Domain event types (`document.uploaded`) and notification kinds (`referral.closed`) share
    // the `area.verb` shape but are not messages.
    const events: readonly string[] = [...EVENT_TYPES, ...NOTIFICATION_KINDS];
    const unknown = found
      .filter(({ key }) => !isMessageKey(key) && !events.includes(key))
      .map(({ file, key }) => `${file}: ${key}`);
    expect(unknown).toEqual([]);
  });
});
