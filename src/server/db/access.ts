import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { DatabaseAccessError } from './errors.js';
import { migrateDatabase, pendingMigrations } from './migrate.js';
import { refuseNewerDatabase } from './newer-database.js';
import { APP_ROLE, adoptDatabase, ensureRoles, OWNER_ROLE, whoAmI } from './roles.js';

/** How the app reaches its database, and how migrations reach it as the schema's owner. */
export interface DatabaseAccess {
  /** The app's own connection: the least-privilege role. */
  appUrl: string;
  /** Applies pending migrations as the owner, then the app role's grants; warns when the app
   * connection itself could rewrite the audit trail. `app` is a pool on `appUrl`. */
  migrate(app: pg.Pool): Promise<void>;
}

export interface AccessOptions {
  /** DATABASE_URL, or the embedded server's superuser URL. */
  url: string;
  /** RABITA_MIGRATION_DATABASE_URL: the schema owner's connection, when it is not `url`. */
  migrationUrl?: string | undefined;
  /** The embedded server's data folder: Rabita then sets up both roles itself. */
  embeddedDataDir?: string | null;
  warn?: (line: string) => void;
}

// Declared in errors.ts, so that newer-database.ts extends it without an import cycle.
export { DatabaseAccessError };

/**
 * Decides the app's connection. Embedded: Rabita creates the owner and app roles itself (the
 * app role's password is kept beside the cluster's) and migrates as the owner through the
 * superuser. External: DATABASE_URL is the app; RABITA_MIGRATION_DATABASE_URL, when set, migrates
 * and grants; without it DATABASE_URL migrates when something is pending.
 */
export async function openDatabaseAccess(options: AccessOptions): Promise<DatabaseAccess> {
  const warn = options.warn ?? ((line) => process.stderr.write(`rabita: warning: ${line}\n`));
  if (options.embeddedDataDir) {
    const superUrl = options.url;
    const password = await readOrCreateSecret(path.join(options.embeddedDataDir, 'app.password'));
    await provisionRoles(superUrl, password);
    return {
      appUrl: asRole(superUrl, APP_ROLE, password),
      migrate: () =>
        withPool(superUrl, async (pool) => {
          // Before the older database is handed to the owner: a newer one is left as it is.
          await refuseNewerDatabase(pool);
          await withClient(pool, adoptDatabase);
          await migrateDatabase(pool, { asRole: OWNER_ROLE, grantTo: APP_ROLE });
        }),
    };
  }
  const { url, migrationUrl } = options;
  return {
    appUrl: url,
    migrate: async (app) => {
      // Also when nothing is pending, so that no migration would run to notice it.
      await refuseNewerDatabase(app);
      const me = await whoAmI(app);
      if (me.superuser)
        warn(
          `DATABASE_URL connects as the superuser "${me.role}", so a flaw in the app could rewrite the audit trail or drop tables; connect as a role of its own (docs/operations.md, "Database roles")`,
        );
      if (migrationUrl) {
        await withPool(migrationUrl, async (owner) => {
          const ownerRole = (await whoAmI(owner)).role;
          // Granting the owner its own rights would take its UPDATE on the audit trail away.
          await migrateDatabase(owner, ownerRole === me.role ? {} : { grantTo: me.role });
        });
        return;
      }
      if (me.superuser || (await pendingMigrations(app)) !== 0) await migrateAs(app, me.role);
    },
  };
}

/** Creates (or updates) both roles on the cluster of a superuser URL; for the test harness too. */
export async function provisionRoles(superUrl: string, appPassword: string): Promise<void> {
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  try {
    await ensureRoles(client, appPassword);
  } finally {
    await client.end();
  }
}

async function migrateAs(app: pg.Pool, role: string) {
  try {
    await migrateDatabase(app);
  } catch (error) {
    // Drizzle wraps the driver's error in its own.
    const { code, cause } = error as { code?: string; cause?: { code?: string } };
    if ((code ?? cause?.code) !== '42501') throw error;
    throw new DatabaseAccessError(
      `migrations are pending and the role "${role}" of DATABASE_URL may not apply them; set RABITA_MIGRATION_DATABASE_URL to the schema owner's connection (or run "rabita migrate" with it)`,
    );
  }
}

/** The same server and database, as another role. */
export function asRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password;
  return parsed.toString();
}

async function withPool<T>(url: string, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => {});
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(24).toString('base64url');
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}
