// Builds what `npm start` runs: the web app (Vite) into dist/web and the server + CLI
// (esbuild, TypeScript sources of the workspace bundled, npm dependencies left external)
// into dist/cosell.js, with the SQL migrations beside it.
import { cpSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const only = process.argv[2]; // 'server' | 'web' | undefined (both)

mkdirSync(dist, { recursive: true });

if (only !== 'web') {
  await esbuild({
    entryPoints: [path.join(root, 'packages/cli/src/bin.ts')],
    outfile: path.join(dist, 'cosell.js'),
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
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@cosell/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  rmSync(path.join(dist, 'migrations'), { recursive: true, force: true });
  cpSync(path.join(root, 'packages/db/migrations'), path.join(dist, 'migrations'), {
    recursive: true,
  });
}

if (only !== 'server') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    configFile: path.join(root, 'packages/web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: path.join(dist, 'web'), emptyOutDir: true },
  });
}
