import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { readPostmasterLock } from '../../db/embedded/leftovers.js';
import { isRunning } from '../../db/embedded/processes.js';
import { postgresBinary } from '../../db/embedded.js';
import { BackupError } from './errors.js';

/** The cluster folder inside RABITA_DATA_DIR, and the files beside it a backup keeps. */
export const CLUSTER = 'pg';
/** The superuser's and the app role's passwords (src/server/db/embedded.ts, access.ts). */
export const SECRET_FILES = ['postgres.password', 'app.password'];
/**
 * Uploaded documents' files (the default RABITA_DOCUMENTS_DIR), copied beside the cluster:
 * written once under their key and never changed, so a copy taken after the database's is
 * consistent with it. Half-written uploads (`.part-*`) are left out.
 */
export const DOCUMENTS_FOLDER = 'documents';

// Left out of a base backup, as PostgreSQL's "Making a Base Backup Using the Low Level API"
// lists them: their contents are rebuilt at start (the folders themselves are kept).
const EMPTIED_FOLDERS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const LEFT_OUT_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'backup_label.old',
  'tablespace_map',
  'current_logfiles',
  'recovery.signal',
  'standby.signal',
]);

/** True for a cluster path (relative, "/"-separated) the base backup leaves out. */
export function leftOutOfBaseBackup(relative: string, isDirectory: boolean): boolean {
  const parts = relative.split('/');
  const name = parts.at(-1) ?? '';
  if (name.startsWith('pgsql_tmp') || name === 'pg_internal.init') return true;
  if (parts.length === 1) return isDirectory ? false : LEFT_OUT_FILES.has(name);
  const top = parts[0] ?? '';
  return (
    EMPTIED_FOLDERS.has(top) && !(isDirectory && top === 'pg_wal' && name === 'archive_status')
  );
}

/** The superuser's connection to an embedded cluster a running server holds, or null. */
export async function runningClusterUrl(dataDir: string): Promise<string | null> {
  const clusterDir = path.join(dataDir, CLUSTER);
  const lock = await readPostmasterLock(path.join(clusterDir, 'postmaster.pid'));
  if (!lock || !(await isRunning(lock.pid))) return null;
  if (lock.status !== 'ready')
    throw new BackupError(
      `the embedded PostgreSQL in ${clusterDir} is ${lock.status || 'not ready'} (process ${lock.pid}); try again once it runs`,
    );
  // postmaster.pid's fourth line is the port; the server listens on 127.0.0.1 only.
  const raw = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  const port = Number(raw.split('\n')[3]);
  const password = await fs
    .readFile(path.join(dataDir, 'postgres.password'), 'utf8')
    .then((p) => p.trim())
    .catch(() => {
      throw new BackupError(
        `cannot read ${path.join(dataDir, 'postgres.password')}; run the backup as the user Rabita runs as`,
      );
    });
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** The embedded PostgreSQL's major version (a physical copy restores only into the same). */
export async function embeddedMajor(): Promise<number> {
  const { stdout } = await promisify(execFile)(await postgresBinary(), ['--version']);
  return Number(/(\d+)(\.\d+)?/.exec(stdout)?.[1] ?? 0);
}

/** True when the folder holds a PostgreSQL cluster. */
export async function hasCluster(dataDir: string): Promise<boolean> {
  return fs.access(path.join(dataDir, CLUSTER, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}
