import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { connectDatabase } from './client.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrateDatabase } from './migrate.js';

// A server of its own, because this test stops it: the database goes away under a running app.
describe('database outage', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-outage-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('answers 503 while the database is away and recovers when it is back', async () => {
    let server = await startEmbeddedPostgres(dataDir);
    const handle = connectDatabase(server.url);
    await migrateDatabase(handle.pool);
    const app = await buildApp({
      db: handle.db,
      pool: handle.pool,
      settings: { sessionHours: 1, signInAttemptsPerWindow: 10, trustProxy: false, webRoot: null },
    });
    try {
      expect((await app.inject('/readyz')).statusCode).toBe(200);

      await server.stop();
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'someone@example.org', password: 'whatever' },
      });
      expect(login.statusCode).toBe(503);
      expect(login.json()).toMatchObject({ code: 'database_unavailable' });
      expect(login.body).not.toContain('ECONNREFUSED');
      expect((await app.inject('/healthz')).statusCode).toBe(200);

      server = await startEmbeddedPostgres(dataDir, { port: server.port });
      expect((await app.inject('/readyz')).statusCode).toBe(200);
    } finally {
      await app.close();
      await handle.close();
      await server.stop();
    }
  });

  it('lets two servers migrate the same database at once', async () => {
    const server = await startEmbeddedPostgres(dataDir);
    const admin = connectDatabase(server.url, { max: 1 });
    await admin.pool.query('create database racing');
    await admin.close();
    const url = server.url.replace(/\/postgres$/, '/racing');
    const first = connectDatabase(url);
    const second = connectDatabase(url);
    try {
      await Promise.all([migrateDatabase(first.pool), migrateDatabase(second.pool)]);
      const { rows } = await first.pool.query(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await first.close();
      await second.close();
      await server.stop();
    }
  });
});
