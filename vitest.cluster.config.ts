import { defineConfig } from 'vitest/config';

// The failover tests: deploy/cluster's etcd, Patroni-managed PostgreSQL 15 nodes, HAProxy, two
// compiled Rabita servers and nginx, all on loopback ports, with processes killed on purpose.
// One file, its steps in order (each builds on the cluster the one before left).
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    globalSetup: ['test/cluster/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 420_000,
  },
});
