import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { migrationLevel } from '../../db/migrate.js';
import { openDestination } from './destination.js';
import { BackupError, describeFsError } from './errors.js';
import { checksumOf } from './files.js';
import { type Manifest, writeManifest } from './manifest.js';
import { runTool, toolMajor, withoutPassword } from './pg-tools.js';
import { formatBytes } from './progress.js';

const DUMP = 'database.dump';
const EVERY_MS = 3_000;

/**
 * A database given by URL is backed up with pg_dump's custom format: one consistent snapshot
 * (a repeatable-read transaction), signing keys and every other table included. pg_dump must be
 * at least the server's version, or it refuses to read the server correctly.
 */
export async function backupExternal(
  url: string,
  dest: string,
  say: (line: string) => void,
): Promise<Manifest> {
  const facts = await withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string; n: string; size: string }>(
      "select current_setting('server_version') as v, current_setting('server_version_num') as n, pg_database_size(current_database()) as size",
    );
    const row = rows[0];
    return {
      postgres: { version: row?.v ?? '', major: Math.floor(Number(row?.n) / 10000) },
      size: Number(row?.size ?? 0),
      migrations: await migrationLevel(client),
    };
  });
  const dumpMajor = await toolMajor('pg_dump');
  if (dumpMajor < facts.postgres.major)
    throw new BackupError(
      `pg_dump is version ${dumpMajor}, older than the database's PostgreSQL ${facts.postgres.major}; install the PostgreSQL ${facts.postgres.major} client tools`,
    );
  // A dump is compressed: a third of the database's size is a generous estimate.
  const destination = await openDestination(dest, facts.size / 3);
  const file = path.join(destination.root, DUMP);
  let last = Date.now();
  try {
    await runTool('pg_dump', url, ['--format=custom', `--file=${file}`], () => {
      if (Date.now() - last < EVERY_MS) return;
      last = Date.now();
      void fs.stat(file).then(
        (s) =>
          say(`backup: ${formatBytes(s.size)} written (database of ${formatBytes(facts.size)})`),
        () => {},
      );
    });
    await fs.chmod(file, 0o600);
    const stat = await fs.stat(file);
    say(`backup: ${formatBytes(stat.size)} written`);
    return await writeManifest(
      destination.root,
      {
        kind: 'external',
        postgres: facts.postgres,
        migrations: facts.migrations,
        wal: null,
        folders: [],
      },
      [{ path: DUMP, size: stat.size, sha256: (await checksumOf(file)).sha256 }],
    );
  } catch (error) {
    await destination.discard().catch(() => {});
    if (error instanceof BackupError) throw new BackupError(`${error.message}; nothing was kept`);
    throw new BackupError(
      `the backup to ${destination.root} failed: ${describeFsError(error)}; nothing was kept`,
    );
  }
}

/**
 * Restores a pg_dump archive into an empty database, in one transaction: a failure leaves the
 * database as empty as it was. Objects become the connecting role's (the schema owner's);
 * the grants to the app role come back with them.
 */
export async function restoreExternal(
  source: string,
  manifest: Manifest,
  url: string,
  say: (line: string) => void,
): Promise<{ tables: number }> {
  const dump = manifest.files.find((f) => f.path === DUMP);
  if (manifest.kind !== 'external' || !dump)
    throw new BackupError(
      `${source} is a backup of an embedded database; restore it without DATABASE_URL, into an empty RABITA_DATA_DIR`,
    );
  const tables = await withClient(url, countTables);
  if (tables > 0)
    throw new BackupError(
      `the database ${withoutPassword(url)} is not empty (${tables} tables); a restore goes into an empty database only: create a new one and point DATABASE_URL at it`,
    );
  await toolMajor('pg_restore');
  say('restore: checking the archive');
  if ((await checksumOf(path.join(source, DUMP))).sha256 !== dump.sha256)
    throw new BackupError(
      `${source} is damaged: ${DUMP} does not match its checksum; nothing was restored`,
    );
  say(`restore: loading ${formatBytes(dump.size)} into ${withoutPassword(url)}`);
  const started = Date.now();
  let last = started;
  const tell = () => {
    if (Date.now() - last < EVERY_MS) return;
    last = Date.now();
    say(`restore: pg_restore running for ${Math.round((last - started) / 1000)} s`);
  };
  await runTool(
    'pg_restore',
    url,
    ['--exit-on-error', '--single-transaction', '--no-owner', path.join(source, DUMP)],
    tell,
  ).catch((error: Error) => {
    throw new BackupError(`${error.message}; nothing was restored`);
  });
  return { tables: await withClient(url, countTables) };
}

/** Tables and materialized views outside PostgreSQL's own schemas. */
async function countTables(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `select count(*) as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'm') and s.nspname not in ('pg_catalog', 'information_schema')
        and s.nspname not like 'pg_toast%' and s.nspname not like 'pg_temp%'`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `cannot reach the database ${withoutPassword(url)}: ${(error as Error).message}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
