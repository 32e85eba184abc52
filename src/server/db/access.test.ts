import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import { withDatabase } from '../../../test/support/global-setup.js';
import { loadConfig } from '../config.js';
import { refreshReportRollups } from '../features/reports/rollups.js';
import { openDatabase } from '../main.js';
import { DatabaseAccessError, openDatabaseAccess } from './access.js';
import { connectDatabase } from './client.js';
import { startEmbeddedPostgres } from './embedded.js';
import { APP_ROLE, OWNER_ROLE } from './roles.js';

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Objects of the public schema not owned by the owner role, as `kind name owner`. */
async function strayOwners(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ what: string }>(
    `select c.relkind::text || ' ' || c.relname || ' ' || pg_get_userbyid(c.relowner) as what
       from pg_class c where c.relnamespace = 'public'::regnamespace
        and pg_get_userbyid(c.relowner) <> $1
     union all
     select 'f ' || p.proname || ' ' || pg_get_userbyid(p.proowner)
       from pg_proc p where p.pronamespace = 'public'::regnamespace
        and pg_get_userbyid(p.proowner) <> $1`,
    [OWNER_ROLE],
  );
  return rows.map((r) => r.what);
}

async function expectLeastPrivilege(pool: pg.Pool) {
  const { rows } = await pool.query(
    'select current_user as role, count(*)::int as users from users',
  );
  expect(rows[0].role).toBe(APP_ROLE);
  await expect(pool.query(`update audit_log set action = 'x'`)).rejects.toMatchObject({
    code: '42501',
  });
  await expect(pool.query('drop table users cascade')).rejects.toMatchObject({ code: '42501' });
  return rows[0].users as number;
}

// Servers of their own: the embedded start is what is tested.
describe('database roles at start', { timeout: 180_000 }, () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-roles-'));
    fs.chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a fresh embedded database as the app role, the schema owned by the owner', async () => {
    const config = loadConfig({ RABITA_DATA_DIR: dataDir() });
    for (const start of [1, 2]) {
      const database = await openDatabase(config);
      try {
        await database.migrate();
        expect(await expectLeastPrivilege(database.handle.pool), `start ${start}`).toBe(0);
        expect(await strayOwners(database.handle.pool)).toEqual([]);
        expect(await refreshReportRollups(database.handle.db)).not.toBeNull();
      } finally {
        await database.close();
      }
    }
    const secret = fs.statSync(path.join(config.dataDir, 'app.password'));
    expect(secret.mode & 0o077).toBe(0);
  });

  it('takes over a data folder whose objects the superuser owns, as older versions left it', async () => {
    const dir = dataDir();
    // The data folder as the version before the roles made it: migrations 0000-0007, applied
    // by the superuser, which the app also ran as.
    const older = path.join(dir, 'older-migrations');
    fs.cpSync(migrations, older, { recursive: true });
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
      entries: { tag: string }[];
    };
    const last = journal.entries.findIndex((e) => e.tag === '0007_report_rollups');
    journal.entries = journal.entries.slice(0, last + 1);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const server = await startEmbeddedPostgres(dir);
    const old = connectDatabase(server.url);
    try {
      await migrate(drizzle(old.pool), { migrationsFolder: older });
      // As that version wrote a user (today's code writes columns its schema lacks).
      await old.pool.query(
        `insert into users (email, display_name, password_hash, roles)
         values ('admin@older.example', 'Older admin', 'x', '{administrator}')`,
      );
      expect(await strayOwners(old.pool)).not.toEqual([]);
    } finally {
      await old.close();
      await server.stop();
    }

    const database = await openDatabase(loadConfig({ RABITA_DATA_DIR: dir }));
    try {
      await database.migrate();
      expect(await expectLeastPrivilege(database.handle.pool)).toBe(1);
      expect(await strayOwners(database.handle.pool)).toEqual([]);
      expect(await refreshReportRollups(database.handle.db)).not.toBeNull();
    } finally {
      await database.close();
    }
  });
});

describe('database roles with DATABASE_URL', () => {
  it('warns in one line when the app would run as a superuser, and keeps working', async () => {
    const db = await createTestDatabase();
    const admin = new pg.Pool({ connectionString: db.adminUrl, max: 1 });
    admin.on('error', () => {});
    try {
      const warnings: string[] = [];
      const access = await openDatabaseAccess({ url: db.adminUrl, warn: (w) => warnings.push(w) });
      await access.migrate(admin);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^DATABASE_URL connects as the superuser "\w+", so a flaw/);
      expect(warnings[0]).not.toContain('\n');
    } finally {
      await admin.end();
      await db.destroy();
    }
  });

  it('migrates and grants through RABITA_MIGRATION_DATABASE_URL, or says it needs it', async () => {
    const db = await createTestDatabase();
    // An empty database of the run, that only the owner's connection can fill.
    const name = `${db.name}_empty`;
    await db.destroy();
    const admin = new pg.Client({ connectionString: inject('adminUrl') });
    await admin.connect();
    await admin.query(`create database ${name} owner ${OWNER_ROLE}`);
    const appUrl = withDatabase(db.url, name);
    const app = new pg.Pool({ connectionString: appUrl, max: 2 });
    // The drop below ends what is left of its connections.
    app.on('error', () => {});
    try {
      const warnings: string[] = [];
      const alone = await openDatabaseAccess({ url: appUrl, warn: (w) => warnings.push(w) });
      await expect(alone.migrate(app)).rejects.toBeInstanceOf(DatabaseAccessError);

      const withOwner = await openDatabaseAccess({
        url: appUrl,
        migrationUrl: withDatabase(db.adminUrl, name),
        warn: (w) => warnings.push(w),
      });
      await withOwner.migrate(app);
      expect(await expectLeastPrivilege(app)).toBe(0);
      // Now current, the app alone starts without the owner.
      await alone.migrate(app);
      expect(warnings).toEqual([]);
    } finally {
      await app.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
