import { isNewerThanRelease } from '../../db/migrate.js';
import { restoreEmbedded } from './embedded-restore.js';
import { BackupError } from './errors.js';
import { restoreExternal } from './external.js';
import { readManifest } from './manifest.js';

export interface RestoreTarget {
  /** DATABASE_URL's database (or the migration URL's, the schema owner), when set. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Point-in-time recovery: replay the archived WAL up to this moment. */
  until?: Date | undefined;
  /** RABITA_WAL_ARCHIVE: where the embedded server archived its WAL. */
  walArchive?: string | undefined;
}

/**
 * Restores a Rabita backup into an empty target: the data folder for an embedded backup, the
 * database of the URL for an external one. The archive is checked first (its own, of a format
 * this release reads, its files all there with their sizes, not from a newer schema); each
 * file's checksum is compared as it is read. Returns the line that tells what was restored.
 */
export async function restoreBackup(
  source: string,
  target: RestoreTarget,
  say: (line: string) => void,
): Promise<string> {
  const manifest = await readManifest(source);
  if (isNewerThanRelease(manifest.migrations))
    throw new BackupError(
      `${source} comes from Rabita ${manifest.rabitaVersion}, whose database is newer than this release's; restore it with Rabita ${manifest.rabitaVersion} or later`,
    );
  const made = `made ${manifest.createdAt} by Rabita ${manifest.rabitaVersion}`;
  if (target.until) {
    if (target.databaseUrl)
      throw new BackupError(
        "--until is for the embedded database; with DATABASE_URL use your PostgreSQL service's point-in-time recovery",
      );
    if (!target.walArchive)
      throw new BackupError(
        '--until needs RABITA_WAL_ARCHIVE, the folder the embedded server archived its WAL into',
      );
    if (target.until.getTime() <= Date.parse(manifest.createdAt))
      throw new BackupError(
        `--until ${target.until.toISOString()} is before this backup ended (${manifest.createdAt}); restore an older backup`,
      );
  }
  if (target.databaseUrl) {
    const { tables } = await restoreExternal(source, manifest, target.databaseUrl, say);
    return `Restored the backup ${made} into the database (${tables} tables); start Rabita on it.`;
  }
  if (manifest.kind !== 'embedded')
    throw new BackupError(
      `${source} is a backup of a database given by DATABASE_URL; set DATABASE_URL to an empty database to restore it`,
    );
  const recovery =
    target.until && target.walArchive ? { until: target.until, archive: target.walArchive } : null;
  const result = await restoreEmbedded(source, manifest, target.dataDir, say, recovery);
  const upTo = recovery ? ` up to ${recovery.until.toISOString()}` : '';
  return `Restored the backup ${made} into ${target.dataDir}: PostgreSQL replayed its WAL${upTo} and holds ${result.users} users at migration ${result.migrations}; start Rabita on it.`;
}
