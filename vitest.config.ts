import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests get a fresh PostgreSQL database per file,
// cloned from a migrated template (see test/support/global-setup.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
