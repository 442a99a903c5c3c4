import { defineConfig } from 'vitest/config';

/**
 * Tests that run the built server as real processes behind nginx (`npm run test:cluster`). Kept out
 * of `npm test`: they need the build, nginx, PostgreSQL and Redis, and take the machine's cores.
 */
export default defineConfig({
  test: {
    name: 'cluster',
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
