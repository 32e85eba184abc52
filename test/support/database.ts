import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../../src/server/db/client.js';
import { OWNER_ROLE } from '../../src/server/db/roles.js';
import { withDatabase } from './global-setup.js';

export interface TestDatabase extends DatabaseHandle {
  /** The app role's URL, which `pool` and `db` use: what the server connects as. */
  url: string;
  /** The same database as the superuser, for what only the owner may do (migrations). */
  adminUrl: string;
  name: string;
  /** Closes the pool and drops the database. */
  destroy(): Promise<void>;
}

/** A fresh, migrated database of its own, cloned from the run's template in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `rabita_t_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(
      `create database ${name} template ${inject('templateDb')} owner ${OWNER_ROLE}`,
    );
  } finally {
    await admin.end();
  }
  const url = withDatabase(inject('appUrl'), name);
  // Tests fire hundreds of requests at five connections on a busy machine: waiting for a
  // connection is expected there, and a 503 after 5 s would test the machine, not the code.
  const handle = connectDatabase(url, { max: 5, connectionTimeoutMillis: 60_000 });
  return {
    ...handle,
    url,
    adminUrl: withDatabase(adminUrl, name),
    name,
    destroy: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
