import { defineConfig } from 'vitest/config';

// Operations tests: the packed release installed as a centre installs it, nginx in front of it,
// backups restored, upgrades from the previous release. Each runs real processes, one file at a
// time (they are heavy, and some share ports such as nginx's).
export default defineConfig({
  test: {
    include: ['test/ops/**/*.test.ts'],
    globalSetup: ['test/ops/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
});
