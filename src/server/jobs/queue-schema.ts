import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';

/** The queue's tables and functions live in their own schema, next to Rabita's. */
export const QUEUE_SCHEMA = 'graphile_worker';

/** The queue's own log lines at install time are noise; errors still throw. */
const quiet = new Logger(() => () => {});

/**
 * Installs or upgrades the job queue's schema (graphile-worker's own migrations), before
 * Rabita's migrations that refer to it. `like` is the migrating pool: the same server and
 * credentials are used on a connection of its own, as `asRole` when given, so that what the
 * queue creates belongs to the schema's owner as Rabita's tables do.
 */
export async function migrateJobQueue(like: pg.Pool, asRole?: string): Promise<void> {
  const pool = queuePool({
    ...like.options,
    max: 1,
    ...(asRole ? { options: `-c role=${asRole}` } : {}),
  });
  try {
    await runMigrations({ pgPool: pool, schema: QUEUE_SCHEMA, logger: quiet });
  } finally {
    await pool.end();
  }
}

/**
 * A pool for the queue's own connections. A connection lost to a database restart must not
 * crash the process: its errors are ignored here and the queue reconnects.
 */
export function queuePool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
