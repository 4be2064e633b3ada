/**
 * A page's texts are loaded with its code (page-loaders.ts): every page names each area whose
 * keys its code (the modules it imports, followed through) uses, and the code that runs before
 * any page (the entry) uses none, so no screen ever shows a raw key.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueAreas, readCataloguePart } from './i18n/catalogue-files';
import { SHELL_SOURCE, SIGNED_IN_ROUTES, matchesPattern } from './route-table';

const srcDir = path.dirname(fileURLToPath(import.meta.url));

/** Top-level key → the area whose files hold it. */
const AREA_OF = new Map(
  catalogueAreas().flatMap((area) =>
    Object.keys(readCataloguePart('en', area)).map((key) => [key, area] as const),
  ),
);

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find(
    (file) => existsSync(file) && statSync(file).isFile() && /\.tsx?$/.test(file),
  );
}

/** The modules `file` imports for their code (not `import type`), relative ones only. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statements = /(?:^|\n)\s*(?:import|export)\s+(type\s)?[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/g;
  const bare = /(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]/g;
  return [
    ...[...text.matchAll(statements)].filter((m) => !m[1]).map((m) => m[2]!),
    ...[...text.matchAll(bare)].map((m) => m[1]!),
  ]
    .map((specifier) => resolveImport(file, specifier))
    .filter((resolved): resolved is string => resolved !== undefined);
}

function closure(entry: string): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length)
    for (const next of staticImports(queue.pop()!))
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

/** The areas whose keys `files` use, as `t('key'`, `t(\`key\``, or `i18nKey="key"`. */
function areasUsed(files: Iterable<string>): string[] {
  const keyUse = /(?<![\w$])t\(\s*['"`]([\w]+)\.|i18nKey=['"]([\w]+)\./g;
  const areas = new Set<string>();
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(keyUse)) {
      const area = AREA_OF.get(match[1] ?? match[2]!);
      if (area) areas.add(area);
    }
  return [...areas].sort();
}

/** `name: page(() => import('./module')…, ['area', …]),` in page-loaders.ts, one per page. */
const PAGES = readFileSync(path.join(srcDir, 'page-loaders.ts'), 'utf8')
  .split(/^ {2}(?=\w+: page\()/m)
  .slice(1)
  .map((entry) => {
    const [, name, specifier] = /^(\w+): page\(\s*\(\) =>\s*import\('([^']+)'\)/.exec(entry)!;
    const areas = /\[((?:\s*'\w+',?)*\s*)\]/.exec(entry)?.[1] ?? '';
    return {
      name: name!,
      file: resolveImport(path.join(srcDir, 'page-loaders.ts'), specifier!)!,
      areas: [...areas.matchAll(/'(\w+)'/g)].map((m) => m[1]!).sort(),
    };
  });

describe('page loaders', () => {
  it('finds the pages and the areas', () => {
    expect(PAGES.length).toBeGreaterThan(15);
    expect(PAGES.every((page) => page.file)).toBe(true);
    expect(AREA_OF.get('opportunities')).toBe('opportunities');
  });

  it('runs no code before a page that uses an area’s keys', () => {
    expect(areasUsed(closure(path.join(srcDir, 'main.tsx')))).toEqual([]);
  });

  it.each(PAGES.map((page) => [page.name, page] as const))(
    '%s loads the texts of every area its code uses, and no other',
    (_name, page) => {
      expect(page.areas).toEqual(areasUsed(closure(page.file)));
    },
  );
});

describe('route table', () => {
  const fileOf = (name: string) => PAGES.find((page) => page.name === name)?.file;

  it.each(SIGNED_IN_ROUTES.map((route) => [route.pattern, route] as const))(
    '%s names the module its page loader imports (the build preloads that one)',
    (_pattern, route) => {
      expect(fileOf(route.page)).toBeDefined();
      expect(fileOf(route.page)).toBe(
        resolveImport(path.join(srcDir, 'x.ts'), `./${route.source}`),
      );
    },
  );

  it('names the shell the app shell loader imports', () => {
    expect(fileOf('appShell')).toBe(resolveImport(path.join(srcDir, 'x.ts'), `./${SHELL_SOURCE}`));
  });

  it('matches paths segment by segment, the first route winning', () => {
    const first = (pathname: string) =>
      SIGNED_IN_ROUTES.find((route) => matchesPattern(route.pattern, pathname))?.page;
    expect(first('/opportunities/new')).toBe('newDeal');
    expect(first('/opportunities/5d1c')).toBe('deal');
    expect(first('/offers/')).toBe('offers');
    expect(first('/offers/abc/extra')).toBeUndefined();
    expect(first('/sign-in')).toBeUndefined();
  });
});
