import { defineConfig } from 'vitest/config';

const hasPg = Boolean(process.env.TEST_DATABASE_URL);
const integrationFiles = [
  'packages/{db,server,cli}/src/**/*.test.ts',
  'test/integration/**/*.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global-setup.ts'],
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/core/src/**/*.test.ts', 'packages/web/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integrationFiles,
          env: { COSELL_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(hasPg
        ? [
            {
              extends: true as const,
              test: {
                name: 'integration-pg',
                include: integrationFiles,
                env: { COSELL_TEST_DB: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Fault injection (QUALITY R12): the built server against a private PostgreSQL cluster
        // and PGlite, one scenario at a time. Not `extends`: it needs none of the template
        // databases of the root set-up and must never touch the shared PostgreSQL.
        test: {
          name: 'fault',
          include: ['test/fault/**/*.test.ts'],
          globalSetup: ['test/fault/global-setup.ts'],
          environment: 'node',
          fileParallelism: false,
          // After the other projects, alone: its streams and time bounds get the machine.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
