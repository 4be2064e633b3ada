/**
 * `@cosell/core/reference-data` is what the web app bundles: plain data, so nothing it reaches
 * may import zod (or any other package), and it must hold the same values as the modules with
 * schemas that the server uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as data from './data';
import * as reference from './index';

const dir = path.dirname(fileURLToPath(import.meta.url));

/** Every module `data.ts` reaches through relative imports, with the packages each imports. */
function moduleGraph(entry: string) {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(path.join(dir, file), 'utf8');
    const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]!);
    seen.set(
      file,
      specifiers.filter((s) => !s.startsWith('.')),
    );
    for (const s of specifiers.filter((s) => s.startsWith('./'))) visit(`${s.slice(2)}.ts`);
  };
  visit(entry);
  return seen;
}

describe('reference data without zod', () => {
  it('imports no package, only other data modules', () => {
    const graph = moduleGraph('data.ts');
    expect(graph.size).toBeGreaterThan(5);
    for (const [file, packages] of graph) expect(packages, file).toEqual([]);
  });

  it('is the same data the schema modules export', () => {
    for (const [name, value] of Object.entries(data)) {
      expect(reference[name as keyof typeof reference], name).toBe(value);
    }
  });
});
