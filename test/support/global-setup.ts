import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { asRole, provisionRoles } from '../../src/server/db/access.js';
import { type EmbeddedServer, startEmbeddedPostgres } from '../../src/server/db/embedded.js';
import { migrateDatabase } from '../../src/server/db/migrate.js';
import { APP_ROLE, OWNER_ROLE } from '../../src/server/db/roles.js';
import { buildIfStale } from './build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    appUrl: string;
    templateDb: string;
    runId: string;
  }
}

/**
 * The app role's password in test clusters. Every run sets the same one, so runs sharing a
 * server (CI's PostgreSQL 15) never lock each other out.
 */
const TEST_APP_PASSWORD = 'rabita-test-app';

/**
 * Starts (or reaches) one PostgreSQL server for the run and migrates a template database that
 * every test file clones. RABITA_TEST_DATABASE_URL points at an existing server (CI uses the
 * machine's PostgreSQL 15); without it the embedded PostgreSQL 18 runs in a temporary folder.
 * As in production, the template belongs to the owner role and the app connects as the app
 * role, so the whole suite proves the app role's grants suffice.
 */
export default async function setup(project: TestProject) {
  // Some tests run the real `rabita` command, which runs the compiled server.
  buildIfStale('server');
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.RABITA_TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-test-'));
    // When the tests run as root, the embedded server runs as "postgres" and must reach it.
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres(dataDir);
    adminUrl = embedded.url;
  }
  const runId = randomBytes(4).toString('hex');
  const templateDb = `rabita_tpl_${runId}`;
  await provisionRoles(adminUrl, TEST_APP_PASSWORD);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${templateDb} owner ${OWNER_ROLE}`);
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, templateDb), max: 1 });
  await migrateDatabase(pool, { asRole: OWNER_ROLE, grantTo: APP_ROLE });
  await pool.end();

  project.provide('adminUrl', adminUrl);
  project.provide('appUrl', asRole(adminUrl, APP_ROLE, TEST_APP_PASSWORD));
  project.provide('templateDb', templateDb);
  project.provide('runId', runId);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`rabita_%${runId}%`],
    );
    for (const { datname } of rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
