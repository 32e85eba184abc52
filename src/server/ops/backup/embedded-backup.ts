import path from 'node:path';
import pg from 'pg';
import { type EmbeddedServer, startEmbeddedPostgres } from '../../db/embedded.js';
import { migrationLevel } from '../../db/migrate.js';
import {
  CLUSTER,
  DOCUMENTS_FOLDER,
  hasCluster,
  leftOutOfBaseBackup,
  runningClusterUrl,
  SECRET_FILES,
} from './cluster.js';
import { openDestination } from './destination.js';
import { BackupError, describeFsError } from './errors.js';
import { type ArchivedFile, copyAll, copyWithChecksum, listFiles, writeArchived } from './files.js';
import { type Manifest, writeManifest } from './manifest.js';
import { progressLines } from './progress.js';

export interface BackupOptions {
  /** Progress and notes, one line each. */
  say?: (line: string) => void;
}

/**
 * A consistent copy of the embedded cluster while it runs, with PostgreSQL's low-level base
 * backup API: a temporary replication slot keeps the WAL from being recycled, pg_backup_start,
 * the data files copied as they are, pg_backup_stop, its backup_label written into the copy,
 * then the WAL segments from the backup's start to its end, so the copy replays to a
 * consistent state on its own. A stopped cluster is started for the time of the backup.
 */
export async function backupEmbedded(
  dataDir: string,
  dest: string,
  options: BackupOptions = {},
): Promise<Manifest> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!(await hasCluster(dataDir)))
    throw new BackupError(
      `${dataDir} holds no embedded database; set RABITA_DATA_DIR to Rabita's data folder`,
    );
  const clusterDir = path.join(dataDir, CLUSTER);
  const before = await listFiles(clusterDir, leftOutOfBaseBackup).catch((error) => {
    throw new BackupError(
      `cannot read ${clusterDir}: ${describeFsError(error)}; run the backup as the user Rabita runs as`,
    );
  });
  const clusterBytes = before.reduce((sum, f) => sum + f.size, 0);
  // Room for the data files and a few WAL segments written meanwhile.
  const destination = await openDestination(dest, clusterBytes + 64 * 1024 * 1024);
  let started: EmbeddedServer | null = null;
  let client: pg.Client | null = null;
  try {
    let url = await runningClusterUrl(dataDir);
    if (!url) {
      say('backup: the embedded database is not running; starting it for the backup');
      started = await startEmbeddedPostgres(dataDir);
      url = started.url;
    }
    client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    const manifest = await copyCluster(client, dataDir, destination.root, say);
    return manifest;
  } catch (error) {
    await destination.discard().catch(() => {});
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code && /^E[A-Z]+$/.test(code))
      throw new BackupError(
        `the backup to ${destination.root} failed: ${describeFsError(error)}; nothing was kept`,
      );
    throw new BackupError(`the backup failed: ${(error as Error).message}; nothing was kept`);
  } finally {
    // Ending the session also ends a backup still in progress and drops the temporary slot.
    await client?.end().catch(() => {});
    await started?.stop();
  }
}

async function copyCluster(
  client: pg.Client,
  dataDir: string,
  root: string,
  say: (line: string) => void,
): Promise<Manifest> {
  const clusterDir = path.join(dataDir, CLUSTER);
  const version = await client.query<{ v: string; n: string }>(
    "select current_setting('server_version') as v, current_setting('server_version_num') as n",
  );
  const postgres = {
    version: version.rows[0]?.v ?? '',
    major: Math.floor(Number(version.rows[0]?.n) / 10000),
  };
  const migrations = await migrationLevel(client);
  // A temporary slot reserves the WAL from now on, so no segment the copy needs is recycled
  // however long the copy takes; PostgreSQL drops it when this session ends.
  await client.query('select pg_create_physical_replication_slot($1, true, true)', [
    `rabita_backup_${process.pid}`,
  ]);
  const label = `rabita backup ${new Date().toISOString()}`;
  await client.query('select pg_backup_start($1, true)', [label]);

  // The folders too, so the restore recreates the empty ones PostgreSQL needs.
  const folders: string[] = [];
  const files = await listFiles(clusterDir, (relative, isDirectory) => {
    const skip = leftOutOfBaseBackup(relative, isDirectory);
    if (isDirectory && !skip) folders.push(relative);
    return skip;
  });
  const total = {
    bytes: files.reduce((sum, f) => sum + f.size, 0),
    files: files.length,
  };
  const progress = progressLines('backup', total, say);
  const archived: ArchivedFile[] = [];
  await copyAll(files, async (file) => {
    const copied = await copyWithChecksum(
      path.join(clusterDir, file.path),
      path.join(root, CLUSTER, file.path),
      progress,
    );
    if (copied) archived.push({ path: `${CLUSTER}/${file.path}`, ...copied });
  });
  const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
    'select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)',
  );
  const { lsn, labelfile, spcmapfile } = stop.rows[0] ?? { lsn: '', labelfile: '', spcmapfile: '' };
  archived.push(await writeArchived(root, `${CLUSTER}/backup_label`, labelfile));
  if (spcmapfile) archived.push(await writeArchived(root, `${CLUSTER}/tablespace_map`, spcmapfile));

  // The WAL from the segment the backup started in to the one holding its end record;
  // pg_backup_stop has switched to a new segment, so the last one is complete.
  const startSegment = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(labelfile)?.[1];
  const stopSegment = (
    await client.query<{ name: string }>('select pg_walfile_name($1::pg_lsn) as name', [lsn])
  ).rows[0]?.name;
  if (!startSegment || !stopSegment)
    throw new BackupError('PostgreSQL did not name the WAL of the backup; nothing was kept');
  const timeline = startSegment.slice(0, 8);
  const wal = (await listFiles(path.join(clusterDir, 'pg_wal'), (_p, dir) => dir)).filter(
    (f) =>
      (/^[0-9A-F]{24}$/.test(f.path) &&
        f.path.slice(0, 8) === timeline &&
        f.path.slice(8) >= startSegment.slice(8) &&
        f.path.slice(8) <= stopSegment.slice(8)) ||
      /^[0-9A-F]{8}\.history$/.test(f.path),
  );
  for (const file of wal) {
    const copied = await copyWithChecksum(
      path.join(clusterDir, 'pg_wal', file.path),
      path.join(root, CLUSTER, 'pg_wal', file.path),
      progress,
    );
    if (!copied && file.path.length === 24)
      throw new BackupError(
        `the WAL segment ${file.path} went away during the backup; nothing was kept`,
      );
    if (copied) archived.push({ path: `${CLUSTER}/pg_wal/${file.path}`, ...copied });
  }
  for (const secret of SECRET_FILES) {
    const copied = await copyWithChecksum(
      path.join(dataDir, secret),
      path.join(root, secret),
      null,
    );
    if (copied) archived.push({ path: secret, ...copied });
  }
  // After pg_backup_stop: every document a row of the copy names was written before its row
  // committed, so it is here. A document deleted meanwhile is simply not copied.
  const documents = await listFiles(path.join(dataDir, DOCUMENTS_FOLDER), (relative) =>
    relative.includes('.part-'),
  );
  for (const file of documents) {
    const relative = `${DOCUMENTS_FOLDER}/${file.path}`;
    const copied = await copyWithChecksum(
      path.join(dataDir, relative),
      path.join(root, relative),
      progress,
    );
    if (copied) archived.push({ path: relative, ...copied });
  }
  progress.done();
  return writeManifest(
    root,
    {
      kind: 'embedded',
      postgres,
      migrations,
      wal: { start: startSegment, stop: stopSegment },
      folders: folders.map((f) => `${CLUSTER}/${f}`),
    },
    archived,
  );
}
