import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Progress } from './progress.js';

/** One file of an archive, as the manifest lists it. */
export interface ArchivedFile {
  /** Relative to the archive's folder, always with "/". */
  path: string;
  size: number;
  sha256: string;
}

/** Files under a folder (relative paths, sorted), with their sizes; folders are not listed. */
export async function listFiles(
  root: string,
  skip: (relative: string, isDirectory: boolean) => boolean = () => false,
): Promise<{ path: string; size: number }[]> {
  const found: { path: string; size: number }[] = [];
  const visit = async (relative: string) => {
    const entries = await fs
      .readdir(path.join(root, relative), { withFileTypes: true })
      .catch((error: NodeJS.ErrnoException) => {
        // A folder dropped while we walk (a dropped database) is not an error.
        if (error.code === 'ENOENT') return [];
        throw error;
      });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip(child, entry.isDirectory())) continue;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile()) {
        const stat = await fs.stat(path.join(root, child)).catch(() => null);
        if (stat) found.push({ path: child, size: stat.size });
      }
    }
  };
  await visit('');
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const CHUNK = 4 * 1024 * 1024;

/**
 * Copies one file in the kernel (copy_file_range, as `cp` does), then hashes the copy: the
 * checksum is of exactly what the archive holds, though the source may change while it is read
 * (a live cluster's files do; the WAL replayed at restore repairs them). Null when the file
 * disappeared before it could be copied (a dropped table).
 */
export async function copyWithChecksum(
  from: string,
  to: string,
  progress: Progress | null,
): Promise<{ size: number; sha256: string } | null> {
  await fs.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  try {
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const { size, sha256 } = await checksumOf(to, progress);
  progress?.add(0, 1);
  return { size, sha256 };
}

/**
 * Copies files two at a time: while one is hashed (this thread), the next is copied (the
 * kernel, through libuv's pool), so the copy costs little more than the hashing.
 */
export async function copyAll<T>(items: T[], copy: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const item = items[next] as T;
      next += 1;
      await copy(item).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  // Both settle before a failure is reported, so nothing is still writing during a clean-up.
  const results = await Promise.allSettled([worker(), worker()]);
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** The SHA-256 and size of a file, read in large chunks. */
export async function checksumOf(
  file: string,
  progress: Progress | null = null,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const handle = await fs.open(file, constants.O_RDONLY);
  const buffer = Buffer.allocUnsafe(CHUNK);
  let size = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
      progress?.add(bytesRead);
    }
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** Writes a small file and returns its manifest entry. */
export async function writeArchived(
  root: string,
  relative: string,
  content: string | Buffer,
  mode = 0o600,
): Promise<ArchivedFile> {
  const target = path.join(root, relative);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await fs.writeFile(target, content, { mode, flag: 'wx' });
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    path: relative,
    size: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'),
  };
}
