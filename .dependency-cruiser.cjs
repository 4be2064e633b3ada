/**
 * Import rules, checked by `npm run deps:check` (dependency-cruiser) in CI and `npm run validate`.
 * dependency-cruiser stays on 17.x: 18 needs Node.js 22, and cosell supports 20.19.
 *
 * - packages/core has no import circle, type-only imports included: a module that needs a type
 *   from another imports it from the file that defines it, and the owner never imports back.
 * - packages/core is pure (no I/O, no environment, no framework): it imports no other workspace
 *   package, no Node.js built-in, and no package but zod. Its tests may use anything.
 *   (`process.env` is a global, not an import: ESLint's no-restricted-globals forbids it there.)
 * - packages/web talks to the server over HTTP only: it imports neither server, db nor cli, nor
 *   their frameworks.
 * - Every import of packages/* resolves, so that no rule passes for want of a resolved path.
 */

/** Test files: they may import test tools and Node.js built-ins. */
const TESTS = '\\.test\\.tsx?$';

/** Packages that do I/O or serve HTTP: the server's and the database's. */
const IO_PACKAGES =
  '(^|/)node_modules/(fastify|fastify-[^/]+|@fastify/[^/]+|drizzle-orm|drizzle-kit|pg|pg-[^/]+|@electric-sql/[^/]+|nodemailer|pino|@node-rs/[^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-no-circular',
      severity: 'error',
      comment:
        'An import circle in packages/core (type-only imports count). Import the type from the ' +
        'file that defines it rather than from a barrel, or move it to the module that owns it.',
      from: { path: '^packages/core/src/' },
      to: { circular: true },
    },
    {
      name: 'core-not-to-other-packages',
      severity: 'error',
      comment: 'packages/core is the domain: server, db, cli and web depend on it, never back.',
      from: { path: '^packages/core/' },
      to: { path: '^packages/(server|db|cli|web)/' },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'packages/core does no I/O: no node:fs, fs, path, process… (tests excepted).',
      from: { path: '^packages/core/src/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-io-packages',
      severity: 'error',
      comment: 'packages/core knows no framework or database: no fastify, drizzle, pg, PGlite….',
      from: { path: '^packages/core/src/' },
      to: { path: IO_PACKAGES },
    },
    {
      name: 'core-only-zod',
      severity: 'error',
      comment:
        'packages/core depends on zod and rfc6902 (JSON Patch) alone (its package.json); tests may use their dev tools.',
      from: { path: '^packages/core/src/', pathNot: TESTS },
      to: { path: '(^|/)node_modules/', pathNot: '(^|/)node_modules/(zod|rfc6902)/' },
    },
    {
      name: 'web-not-to-server-or-db',
      severity: 'error',
      comment: 'packages/web reaches the server over HTTP (the generated client), not by import.',
      from: { path: '^packages/web/' },
      to: { path: ['^packages/(server|db|cli)/', IO_PACKAGES] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve: fix it, or teach this config to resolve it.',
      from: { path: '^packages/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages from node_modules are seen (the rules above name some) but not cruised into.
    doNotFollow: { path: '(^|/)node_modules/' },
    // Build output only: a package in node_modules may keep its code in a dist/ folder too.
    exclude: { path: ['^dist/', '^packages/[^/]+/dist/'] },
    // Type-only imports (`import type`, `import { type X }`) are dependencies too: a circle
    // made of them is still a circle.
    tsPreCompilationDeps: true,
    // process.getBuiltinModule('fs') is an import of fs too.
    detectProcessBuiltinModuleCalls: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Workspace packages (@cosell/core…) are npm workspaces: follow their symlinks and their
    // package.json `exports` to the source files.
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
