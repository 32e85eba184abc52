import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { readPostmasterLock } from '../../db/embedded/leftovers.js';
import { isRunning } from '../../db/embedded/processes.js';
import { restoreCommand } from '../../db/embedded/wal-archive.js';
import { startEmbeddedPostgres } from '../../db/embedded.js';
import { migrationLevel } from '../../db/migrate.js';
import { CLUSTER, embeddedMajor } from './cluster.js';
import { BackupError, describeFsError } from './errors.js';
import { copyAll, copyWithChecksum } from './files.js';
import type { Manifest } from './manifest.js';
import { progressLines } from './progress.js';

/** Replay archived WAL past the backup's end, up to a moment (recovery_target_time). */
export interface PointInTime {
  until: Date;
  archive: string;
}

export interface RestoreResult {
  /** What the restored database holds once PostgreSQL has replayed its WAL. */
  users: number;
  migrations: number;
}

/**
 * Brings an embedded backup back into an empty data folder, then starts PostgreSQL on it once,
 * so the WAL is replayed and the copy is known to be whole before anyone relies on it. Any
 * failure (a checksum that does not match, a full disk) empties the folder again.
 */
export async function restoreEmbedded(
  source: string,
  manifest: Manifest,
  dataDir: string,
  say: (line: string) => void,
  recovery: PointInTime | null = null,
): Promise<RestoreResult> {
  const major = await embeddedMajor();
  if (manifest.postgres.major !== major)
    throw new BackupError(
      `the backup holds a PostgreSQL ${manifest.postgres.major} cluster and this Rabita embeds PostgreSQL ${major}; restore it with a Rabita that embeds ${manifest.postgres.major}`,
    );
  const created = await assertEmptyDataDir(dataDir);
  const emptyAgain = async () => {
    if (created) await fs.rm(dataDir, { recursive: true, force: true });
    else
      for (const entry of await fs.readdir(dataDir))
        await fs.rm(path.join(dataDir, entry), { recursive: true, force: true });
  };
  try {
    await copyArchive(source, manifest, dataDir, say);
    if (recovery) await requestRecovery(path.join(dataDir, CLUSTER), recovery);
    await handToPostgres(path.join(dataDir, CLUSTER));
  } catch (error) {
    await emptyAgain().catch(() => {});
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `the restore into ${dataDir} failed: ${describeFsError(error)}; the folder was emptied again`,
    );
  }
  say('restore: starting PostgreSQL on the restored cluster to replay its WAL');
  const server = await startEmbeddedPostgres(dataDir).catch(async (error: Error) => {
    await emptyAgain().catch(() => {});
    throw new BackupError(
      `the restored cluster does not start (${error.message}); the folder was emptied again`,
    );
  });
  try {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      // Recovery is over (promoted): its settings would only confuse a later reader.
      if (recovery)
        for (const setting of RECOVERY_SETTINGS)
          await client.query(`alter system reset ${setting}`);
      const users = await client
        .query<{ n: string }>('select count(*) as n from users')
        .catch(() => ({ rows: [{ n: '0' }] }));
      const level = await migrationLevel(client);
      return { users: Number(users.rows[0]?.n ?? 0), migrations: level.applied };
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
  }
}

/** Refuses a live or non-empty data folder; true when the folder did not exist. */
async function assertEmptyDataDir(dataDir: string): Promise<boolean> {
  const lock = await readPostmasterLock(path.join(dataDir, CLUSTER, 'postmaster.pid'));
  if (lock && (await isRunning(lock.pid)))
    throw new BackupError(
      `${dataDir} holds a running database (PostgreSQL process ${lock.pid}); a restore goes into an empty data folder only: stop Rabita and set RABITA_DATA_DIR to a new folder`,
    );
  const entries = await fs.readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new BackupError(`cannot read ${dataDir}: ${describeFsError(error)}`);
  });
  if (entries && entries.length > 0)
    throw new BackupError(
      `${dataDir} is not empty; a restore goes into an empty data folder only (set RABITA_DATA_DIR to a new folder, or move this one away)`,
    );
  try {
    await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new BackupError(`cannot create ${dataDir}: ${describeFsError(error)}`);
  }
  return entries === null;
}

async function copyArchive(
  source: string,
  manifest: Manifest,
  dataDir: string,
  say: (line: string) => void,
) {
  const progress = progressLines(
    'restore',
    { bytes: manifest.files.reduce((sum, f) => sum + f.size, 0), files: manifest.files.length },
    say,
  );
  for (const folder of manifest.folders)
    await fs.mkdir(path.join(dataDir, folder), { recursive: true, mode: 0o700 });
  await copyAll(manifest.files, async (file) => {
    const copied = await copyWithChecksum(
      path.join(source, file.path),
      path.join(dataDir, file.path),
      progress,
    );
    if (!copied || copied.sha256 !== file.sha256)
      throw new BackupError(
        `${source} is damaged: ${file.path} does not match its checksum; nothing was restored (the folder was emptied again)`,
      );
  });
  progress.done();
}

const RECOVERY_SETTINGS = ['restore_command', 'recovery_target_time', 'recovery_target_action'];

/**
 * Archive recovery at the first start: WAL past the copy's own is fetched from the archive and
 * replayed up to the moment, then the server is promoted (a new timeline) and runs.
 */
async function requestRecovery(clusterDir: string, recovery: PointInTime): Promise<void> {
  await fs.writeFile(path.join(clusterDir, 'recovery.signal'), '', { mode: 0o600 });
  await fs.appendFile(
    path.join(clusterDir, 'postgresql.auto.conf'),
    [
      `restore_command = '${restoreCommand(recovery.archive).replaceAll("'", "''")}'`,
      `recovery_target_time = '${postgresTime(recovery.until)}'`,
      `recovery_target_action = 'promote'`,
      '',
    ].join('\n'),
  );
}

/** recovery_target_time refuses zone abbreviations, "Z" among them: a numeric offset it takes. */
function postgresTime(moment: Date): string {
  return moment.toISOString().replace('T', ' ').replace('Z', '+00');
}

/** PostgreSQL wants its cluster 0700 and, under root, runs as "postgres", who must own it. */
async function handToPostgres(clusterDir: string): Promise<void> {
  await fs.chmod(clusterDir, 0o700);
  if (process.getuid?.() !== 0) return;
  await promisify(execFile)('chown', ['-R', 'postgres:postgres', clusterDir]);
}
