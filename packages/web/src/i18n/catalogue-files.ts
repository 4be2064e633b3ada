/**
 * The web catalogues as files, for tests and tools (Node only): `locales/<locale>.json` holds
 * the texts every page may show, `locales/<area>/<locale>.json` those of one area loaded with
 * its pages (see `i18n.ts`). At run time both end up in one `translation` bundle; here too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type CatalogueTree = { [key: string]: string | CatalogueTree };

export const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../locales');

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CatalogueTree;

/** The areas: every folder of `locales/`. */
export function catalogueAreas(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The locales a folder (`locales/` or an area's) has a file for. */
export function localeFiles(area?: string): string[] {
  return readdirSync(area ? path.join(LOCALES_DIR, area) : LOCALES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

/** The texts of `locale` in the catalogue every page may show (`area` omitted) or in one area. */
export function readCataloguePart(locale: string, area?: string): CatalogueTree {
  const file = area
    ? path.join(LOCALES_DIR, area, `${locale}.json`)
    : path.join(LOCALES_DIR, `${locale}.json`);
  return existsSync(file) ? readJson(file) : {};
}

function mergeInto(target: CatalogueTree, source: CatalogueTree) {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') mergeInto(existing, value);
    else target[key] = typeof value === 'object' ? structuredClone(value) : value;
  }
}

/** Every text of `locale`: its catalogue with every area's file merged in (deep). */
export function readCatalogue(locale: string): CatalogueTree {
  const merged = readCataloguePart(locale);
  for (const area of catalogueAreas()) mergeInto(merged, readCataloguePart(locale, area));
  return merged;
}
