import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { releaseVersion } from '../release.js';
import { DatabaseAccessError } from './errors.js';

const journalFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
  'meta',
  '_journal.json',
);

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

/** The database holds migrations this release does not know: a newer release migrated it. */
export class NewerDatabaseError extends DatabaseAccessError {}

/**
 * Refuses a database that a newer release of Rabita has migrated, before anything touches it.
 * Drizzle's migrator applies only the migrations newer than the newest one recorded, so on such
 * a database it would do nothing, and this older code would then run on tables it does not know
 * (columns it never fills, rows in states it cannot read). It is read the way the migrator
 * decides: recorded migrations later than this code's last journal entry. A database with no
 * record yet (fresh), or a connection that may not read it, has nothing to tell.
 */
export async function refuseNewerDatabase(db: pg.Pool | pg.ClientBase): Promise<void> {
  const last = lastKnownMigration();
  let unknown: number;
  try {
    const { rows } = await db.query<{ unknown: string }>(
      'select count(*) as unknown from drizzle.__drizzle_migrations where created_at > $1',
      [last.when],
    );
    unknown = Number(rows[0]?.unknown ?? 0);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 3F000 / 42P01: no migration ever ran here. 42501: not ours to read.
    if (code === '3F000' || code === '42P01' || code === '42501') return;
    throw error;
  }
  if (unknown === 0) return;
  // Migrations are recorded one row each, in order: the newest is that many past our last.
  throw new NewerDatabaseError(
    `this database was last migrated by a newer release of Rabita (migration ${migrationNumber(last.idx + unknown)}); this is ${releaseVersion()}, which knows migrations up to ${migrationNumber(last.idx)}. Install that release or newer.`,
  );
}

/** The last entry of this code's migration journal. */
export function lastKnownMigration(): JournalEntry {
  const { entries } = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: JournalEntry[];
  };
  const last = entries.at(-1);
  if (!last) throw new Error(`no migrations in ${journalFile}`);
  return last;
}

/** As the migration files are named: 0014_session_changes.sql is migration 0014. */
const migrationNumber = (idx: number) => String(idx).padStart(4, '0');
