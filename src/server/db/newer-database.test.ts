import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { runRabita } from '../../../test/support/rabita-process.js';
import { openDatabaseAccess } from './access.js';
import { migrateDatabase } from './migrate.js';
import { lastKnownMigration, NewerDatabaseError } from './newer-database.js';
import { APP_ROLE } from './roles.js';

const version = (
  JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
const last = lastKnownMigration();
const known = last.tag.slice(0, 4);
const next = String(Number(known) + 1).padStart(4, '0');
const refusal = `this database was last migrated by a newer release of Rabita (migration ${next}); this is ${version}, which knows migrations up to ${known}. Install that release or newer.`;

/**
 * What a migration run would change: the migration records of Rabita and of the job queue, and
 * every relation of their schemas with its owner and grants.
 */
async function schemaState(pool: pg.Pool) {
  const { rows } = await pool.query(`
    select (select count(*) from drizzle.__drizzle_migrations)::int as rabita,
           (select count(*) from graphile_worker.migrations)::int as queue,
           (select md5(string_agg(c.relname || ' ' || c.relowner || ' ' || coalesce(c.relacl::text, ''),
                                  ',' order by c.oid))
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('public', 'drizzle', 'graphile_worker')) as catalog,
           has_table_privilege('${APP_ROLE}', 'users', 'select') as app_reads_users`);
  return rows[0] as { rabita: number; queue: number; catalog: string; app_reads_users: boolean };
}

// A database a later release migrated, made by recording one migration past this code's last.
describe('a database migrated by a newer release', () => {
  let db: TestDatabase;
  let admin: pg.Pool;
  let before: Awaited<ReturnType<typeof schemaState>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Pool({ connectionString: db.adminUrl, max: 2 });
    admin.on('error', () => {});
    await admin.query(
      `insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', $1)`,
      [last.when + 60_000],
    );
    // A grant the migration run would give back, so a run that got that far would show.
    await admin.query(`revoke select on users from ${APP_ROLE}`);
    before = await schemaState(admin);
    expect(before.app_reads_users).toBe(false);
  });

  afterAll(async () => {
    await admin.end();
    await db.destroy();
  });

  it('is refused by the migrator with one sentence, before the job queue or the grants', async () => {
    const refused = migrateDatabase(admin, { grantTo: APP_ROLE });
    await expect(refused).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(refused).rejects.toThrow(refusal);
    expect(await schemaState(admin)).toEqual(before);
  });

  it('is refused with DATABASE_URL alone, where nothing is pending and no migration runs', async () => {
    const alone = await openDatabaseAccess({ url: db.url, warn: () => {} });
    await expect(alone.migrate(db.pool)).rejects.toThrow(refusal);
    const withOwner = await openDatabaseAccess({
      url: db.url,
      migrationUrl: db.adminUrl,
      warn: () => {},
    });
    await expect(withOwner.migrate(db.pool)).rejects.toBeInstanceOf(NewerDatabaseError);
    expect(await schemaState(admin)).toEqual(before);
  });

  it('makes "rabita migrate" exit 1 with that one line, and change nothing', async () => {
    const run = await runRabita(['migrate'], {
      DATABASE_URL: db.url,
      RABITA_MIGRATION_DATABASE_URL: db.adminUrl,
    });
    expect(run.stderr).toBe(`rabita: ${refusal}\n`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    expect(await schemaState(admin)).toEqual(before);
  });

  it('migrates again once the database is back to migrations this release knows', async () => {
    await admin.query(
      `delete from drizzle.__drizzle_migrations where hash = 'from-a-newer-release'`,
    );
    await migrateDatabase(admin, { grantTo: APP_ROLE });
    const after = await schemaState(admin);
    expect(after.rabita).toBe(before.rabita - 1);
    expect(after.app_reads_users).toBe(true);
  });
});
