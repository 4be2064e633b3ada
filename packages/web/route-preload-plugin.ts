/**
 * The build's half of QUALITY W2: a signed-in page's code is asked for beside the entry, not
 * after it. The entry (about 540 kB) must download and run before `route-preload.ts` can start
 * the shell's and the page's chunks, so on a cold load these waited for it. This plugin writes
 * a small classic script, loaded by index.html before the entry, that knows which chunk files
 * each signed-in route needs (from `src/route-table.ts` and the bundle) and adds a
 * `<link rel="modulepreload">` for each, so the browser fetches them while the entry loads.
 * Public routes (sign-in, set-up, the storefront) match no pattern and load nothing extra.
 * The script is a hashed asset (cached for good like the others); CSP allows it ('self').
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin } from 'vite';
import { SHELL_SOURCE, SIGNED_IN_ROUTES, matchesPattern } from './src/route-table';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

/** The chunk files `fileName` needs: itself and what it imports statically, followed through. */
function closure(bundle: Record<string, { type: string }>, fileName: string): Set<string> {
  const seen = new Set<string>();
  const queue = [fileName];
  while (queue.length) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const chunk = bundle[next] as ChunkLike | undefined;
    if (chunk?.type === 'chunk') queue.push(...chunk.imports);
  }
  return seen;
}

/** The script's text: the route table with its files, and the matcher (no dependencies). */
export function preloadScript(routes: { pattern: string; files: string[] }[], base: string) {
  return `(function () {
  var routes = ${JSON.stringify(routes)};
  var matches = ${matchesPattern.toString()};
  var path = location.pathname;
  for (var i = 0; i < routes.length; i++) {
    if (!matches(routes[i].pattern, path)) continue;
    routes[i].files.forEach(function (file) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = ${JSON.stringify(base)} + file;
      document.head.appendChild(link);
    });
    return;
  }
})();
`;
}

export function routePreloadPlugin(srcDir: string): Plugin {
  let base = '/';
  return {
    name: 'cosell:route-preload',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (o): o is never => o.type === 'chunk',
      ) as ChunkLike[];
      const chunkOf = (source: string) => {
        const chunk = chunks.find(
          (c) =>
            c.facadeModuleId &&
            path.relative(srcDir, c.facadeModuleId).replace(/\.tsx?$/, '') === source,
        );
        if (!chunk) throw new Error(`route-preload: no chunk for src/${source}`);
        return chunk.fileName;
      };
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) throw new Error('route-preload: no entry chunk');
      const loaded = closure(bundle, entry.fileName);
      const shell = closure(bundle, chunkOf(SHELL_SOURCE));
      const routes = SIGNED_IN_ROUTES.map(({ pattern, source }) => ({
        pattern,
        files: [...new Set([...shell, ...closure(bundle, chunkOf(source))])]
          .filter((file) => !loaded.has(file))
          .sort(),
      }));
      const source = preloadScript(routes, base);
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
      const fileName = `assets/route-preload-${hash}.js`;
      this.emitFile({ type: 'asset', fileName, source });
      const html = bundle['index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string')
        throw new Error('route-preload: index.html is not in the bundle');
      // Before the entry's module script (classic scripts in <head> run as soon as they arrive).
      html.source = html.source.replace(
        '<script type="module"',
        `<script src="${base}${fileName}"></script>\n    <script type="module"`,
      );
    },
  };
}
