import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs everything: unit tests, and the API's integration tests on PGlite — and,
 * when TEST_DATABASE_URL is set (CI sets it), the same integration tests again on PostgreSQL.
 */
const integration = [
  'apps/api/src/**/*.routes.test.ts',
  'apps/api/src/**/*.db.test.ts',
  'packages/*/src/**/*.routes.test.ts',
  'apps/site/test/**/*.routes.test.ts',
];
const postgresUrl = process.env.TEST_DATABASE_URL;

if (process.env.SWIGS_REQUIRE_SERVICES === '1' && !postgresUrl) {
  throw new Error('SWIGS_REQUIRE_SERVICES=1 but TEST_DATABASE_URL is not set: PostgreSQL tests must run.');
}
if (!postgresUrl)
  console.warn('[skipped] PostgreSQL run of the integration tests: set TEST_DATABASE_URL to include it.');

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          exclude: [...integration, 'apps/admin/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api-pglite',
          include: integration,
          globalSetup: ['apps/api/test/global-setup.ts', 'apps/site/test/global-setup.ts'],
          env: { TEST_DB_DRIVER: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The admin's own unit and component tests, in a simulated browser.
        test: {
          name: 'admin',
          include: ['apps/admin/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        // The admin end to end: the real server serving the built admin, driven by headless
        // Chromium. Sequential: each file runs a server and a browser of its own. After the other
        // projects (groupOrder 1): a browser beside the API suites on 2 cores slows timing-sensitive tests.
        test: {
          name: 'admin-e2e',
          sequence: { groupOrder: 1 },
          include: ['apps/admin/e2e/**/*.e2e.test.ts'],
          globalSetup: ['apps/api/test/global-setup.ts'],
          env: { TEST_DB_DRIVER: 'pglite' },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: 'api-postgres',
                include: integration,
                globalSetup: ['apps/api/test/global-setup.ts', 'apps/site/test/global-setup.ts'],
                env: { TEST_DB_DRIVER: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
