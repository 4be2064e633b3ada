/**
 * The server and CLI bundled as `npm run build` does (scripts/build.mjs, server part), into a
 * private folder of the repository, so that a concurrent e2e run keeps its dist/ and a test
 * never runs a stale build. npm packages stay external and resolve from the repository's
 * node_modules above the folder; the SQL migrations are copied beside the bundle.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Builds `<dir>/cosell.js` (emptying `dir` first); returns its path. */
export async function bundleServer(dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'cosell.js');
  await build({
    entryPoints: [path.join(ROOT, 'packages/cli/src/bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    plugins: [
      {
        name: 'external-npm-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@cosell/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  cpSync(path.join(ROOT, 'packages/db/migrations'), path.join(dir, 'migrations'), {
    recursive: true,
  });
  return outfile;
}
