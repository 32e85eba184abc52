import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { migrateJobQueue } from '../jobs/queue-schema.js';
import { refuseNewerDatabase } from './newer-database.js';
import { grantAppAccess } from './roles.js';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any fixed number: every Rabita server that migrates takes the same lock. */
const MIGRATION_LOCK_KEY = 727_465_001;

export interface MigrateOptions {
  /** Migrate as this role (SET ROLE from a superuser), so what the migrations create is its own. */
  asRole?: string;
  /** Then give this role the running app's rights (see grantAppAccess). */
  grantTo?: string;
}

/**
 * Applies the job queue's and Rabita's pending migrations, then the app role's grants. Holds a session advisory lock so that
 * two servers starting together migrate one after the other instead of racing on the same DDL.
 * A database a newer release has migrated is refused first, under the lock, with nothing changed.
 */
export async function migrateDatabase(pool: pg.Pool, options: MigrateOptions = {}): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await refuseNewerDatabase(client);
      // The job queue first: Rabita's migrations add triggers that enqueue into it.
      await migrateJobQueue(pool, options.asRole);
      if (options.asRole) await client.query(`set role ${client.escapeIdentifier(options.asRole)}`);
      await migrate(drizzle(client), { migrationsFolder });
      if (options.grantTo) await grantAppAccess(client, options.grantTo);
    } finally {
      if (options.asRole) await client.query('reset role');
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/**
 * How many of this version's migrations the database lacks, read the way the migrator decides
 * (by the newest applied migration's time); null when the connection may not read the record.
 */
export async function pendingMigrations(pool: pg.Pool): Promise<number | null> {
  const all = readMigrationFiles({ migrationsFolder });
  let newest: number | null = null;
  try {
    const { rows } = await pool.query<{ created_at: string | null }>(
      'select max(created_at) as created_at from drizzle.__drizzle_migrations',
    );
    newest = rows[0]?.created_at == null ? null : Number(rows[0].created_at);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 3F000 / 42P01: no migration ever ran here. 42501: not ours to read.
    if (code === '42501') return null;
    if (code !== '3F000' && code !== '42P01') throw error;
  }
  return all.filter((m) => newest === null || newest < m.folderMillis).length;
}

/** Where a database's schema stands: what backups record and restores compare. */
export interface MigrationLevel {
  /** Migrations recorded as applied. */
  applied: number;
  /** The newest applied migration's time (the migrator's own order), null before any. */
  newestAt: number | null;
}

/** The database's migration level, read as the migrator reads it. */
export async function migrationLevel(client: pg.ClientBase | pg.Pool): Promise<MigrationLevel> {
  try {
    const { rows } = await client.query<{ applied: string; newest: string | null }>(
      'select count(*) as applied, max(created_at) as newest from drizzle.__drizzle_migrations',
    );
    const row = rows[0];
    return {
      applied: Number(row?.applied ?? 0),
      newestAt: row?.newest == null ? null : Number(row.newest),
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '3F000' || code === '42P01') return { applied: 0, newestAt: null };
    throw error;
  }
}

/** True when the level comes from a newer release than this one (a migration it lacks). */
export function isNewerThanRelease(level: MigrationLevel): boolean {
  const newestKnown = Math.max(
    0,
    ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis),
  );
  return level.newestAt !== null && level.newestAt > newestKnown;
}
