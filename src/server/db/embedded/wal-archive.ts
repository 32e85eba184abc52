import fs from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedDatabaseError } from './errors.js';

/** How often, at most, a partly filled WAL segment is archived while writes go on (seconds). */
const ARCHIVE_TIMEOUT_S = 60;

/**
 * The settings that make the embedded server copy each finished WAL segment into `dir`
 * (RABITA_WAL_ARCHIVE), so `rabita restore --until` can replay past a backup's end. The folder is
 * made if missing and, under root, given to the "postgres" user the server runs as. A segment
 * already archived is never overwritten; each is copied aside and renamed, so a reader never
 * sees half of one.
 */
export async function walArchiveSettings(
  dir: string | undefined,
  runAs: { uid: number; gid: number } | null,
): Promise<string[]> {
  if (!dir) return [];
  const archive = path.resolve(dir);
  if (/['"\\%\n]/.test(archive))
    throw new EmbeddedDatabaseError(
      `RABITA_WAL_ARCHIVE=${dir}: the folder's path may not hold quotes, backslashes or %`,
    );
  try {
    await fs.mkdir(archive, { recursive: true, mode: 0o700 });
    if (runAs) await fs.chown(archive, runAs.uid, runAs.gid);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `RABITA_WAL_ARCHIVE=${dir} cannot be created or handed to the database's user: ${(error as Error).message}`,
    );
  }
  return [
    'archive_mode=on',
    `archive_command=test ! -f '${archive}/%f' && cp '%p' '${archive}/%f.part' && mv '${archive}/%f.part' '${archive}/%f'`,
    `archive_timeout=${ARCHIVE_TIMEOUT_S}`,
  ];
}

/** The command a recovering server fetches archived segments with. */
export function restoreCommand(dir: string): string {
  return `cp '${path.resolve(dir)}/%f' '%p'`;
}
