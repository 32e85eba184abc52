import { buildApp } from '../app.js';
import { connectDatabase } from '../db/client.js';

/**
 * The OpenAPI document as the server serves it, without a database: the pool is never asked
 * for a connection (building the app prepares statements, it runs none). For `npm run
 * api:client` and the test that keeps the generated client current.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = connectDatabase('postgres://rabita@127.0.0.1:1/openapi-document-only');
  const app = await buildApp({
    db: database.db,
    pool: database.pool,
    settings: { sessionHours: 12, signInAttemptsPerWindow: 10, trustProxy: false, webRoot: null },
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}
