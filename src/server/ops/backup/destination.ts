import fs from 'node:fs/promises';
import path from 'node:path';
import { BackupError, describeFsError } from './errors.js';
import { formatBytes } from './progress.js';

/** Where a backup is being written, and how to take it back if the backup fails. */
export interface Destination {
  root: string;
  /** Removes what the backup wrote, leaving the folder as it was (absent, or empty). */
  discard(): Promise<void>;
}

/**
 * Opens the backup's folder: it must not exist or be empty, and be writable, with room for
 * about `expectedBytes`. Checked before anything is asked of the database, so a refusal changes
 * nothing anywhere.
 */
export async function openDestination(dest: string, expectedBytes: number): Promise<Destination> {
  const root = path.resolve(dest);
  const existing = await fs.readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    if (error.code === 'ENOTDIR')
      throw new BackupError(`${root} is a file; give a folder for the backup`);
    throw new BackupError(`cannot read ${root}: ${describeFsError(error)}`);
  });
  if (existing && existing.length > 0)
    throw new BackupError(`${root} is not empty; give a new or empty folder for the backup`);
  const created = existing === null;
  try {
    // A recursive mkdir reports a read-only or full parent as ENOENT: the plain one first.
    if (created)
      await fs.mkdir(root, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        return fs.mkdir(root, { recursive: true, mode: 0o700 });
      });
    // Root passes permission checks, so only a real write tells a writable folder.
    const probe = path.join(root, '.rabita-write-test');
    await fs.writeFile(probe, 'x');
    await fs.rm(probe);
  } catch (error) {
    if (created) await fs.rm(root, { recursive: true, force: true }).catch(() => {});
    throw new BackupError(`cannot write the backup to ${root}: ${describeFsError(error)}`);
  }
  const free = await freeBytes(root);
  if (free !== null && free < expectedBytes * 1.05) {
    if (created) await fs.rm(root, { recursive: true, force: true }).catch(() => {});
    throw new BackupError(
      `the backup needs about ${formatBytes(expectedBytes)} but the disk of ${root} has ${formatBytes(free)} free; free some space or choose another folder`,
    );
  }
  return {
    root,
    discard: async () => {
      if (created) {
        await fs.rm(root, { recursive: true, force: true });
        return;
      }
      for (const entry of await fs.readdir(root))
        await fs.rm(path.join(root, entry), { recursive: true, force: true });
    },
  };
}

async function freeBytes(dir: string): Promise<number | null> {
  const stats = await fs.statfs(dir).catch(() => null);
  return stats ? stats.bavail * stats.bsize : null;
}
