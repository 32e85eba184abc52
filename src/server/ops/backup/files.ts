import { createHash } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

const CHUNK = 1024 * 1024;
const SMALL = 4 * CHUNK;

/**
 * Copies one file and hashes what it copied, in one read. The source may change while it is
 * read (a live cluster's files do; the WAL replayed at restore repairs them): the manifest
 * records what was copied. Null when the file disappeared before it could be opened.
 */
export async function copyWithChecksum(
  from: string,
  to: string,
  progress: Progress | null,
  mode = 0o600,
): Promise<{ size: number; sha256: string } | null> {
  const source = await fs.open(from, constants.O_RDONLY).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!source) return null;
  await fs.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  // Most of a cluster's files are small: one read and one write beat a stream's set-up.
  if ((await source.stat()).size <= SMALL) {
    const content = await source.readFile().finally(() => source.close());
    await fs.writeFile(to, content, { mode, flag: 'wx' });
    progress?.add(content.length, 1);
    return { size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
  }
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      progress?.add(chunk.length);
      done(null, chunk);
    },
  });
  await pipeline(
    createReadStream('', { fd: source, highWaterMark: CHUNK }),
    tap,
    createWriteStream(to, { mode, flags: 'wx', highWaterMark: CHUNK }),
  );
  progress?.add(0, 1);
  return { size, sha256: hash.digest('hex') };
}

/** The SHA-256 of a file, streamed. */
export async function checksumOf(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: CHUNK }), hash);
  return hash.digest('hex');
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
