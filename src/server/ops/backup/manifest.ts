import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { MigrationLevel } from '../../db/migrate.js';
import { BackupError } from './errors.js';
import type { ArchivedFile } from './files.js';
import { listFiles } from './files.js';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT = 'rabita-backup';
/** Raised when a restore could no longer read an older archive the same way. */
export const FORMAT_VERSION = 1;

// A path inside the archive: relative, "/"-separated, never climbing out of it.
const ArchivePath = z
  .string()
  .min(1)
  .refine(
    (p) =>
      !p.startsWith('/') &&
      !p.includes('\\') &&
      p.split('/').every((part) => part !== '..' && part !== '.' && part !== ''),
    'not a path inside the archive',
  );

const Manifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().min(1),
  kind: z.enum(['embedded', 'external']),
  rabitaVersion: z.string(),
  createdAt: z.string(),
  postgres: z.object({ version: z.string(), major: z.number().int() }),
  migrations: z.object({ applied: z.number().int().min(0), newestAt: z.number().nullable() }),
  /** Embedded only: the WAL the copy needs, from the backup's start to its end. */
  wal: z.object({ start: z.string(), stop: z.string() }).nullable(),
  /** Folders to create even when empty (a cluster needs its empty pg_notify, pg_wal...). */
  folders: z.array(ArchivePath),
  files: z.array(
    z.object({
      path: ArchivePath,
      size: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;

export interface ManifestFacts {
  kind: Manifest['kind'];
  postgres: Manifest['postgres'];
  migrations: MigrationLevel;
  wal: Manifest['wal'];
  folders: string[];
}

/** Writes the manifest last: an archive without one is unfinished. */
export async function writeManifest(
  root: string,
  facts: ManifestFacts,
  files: ArchivedFile[],
): Promise<Manifest> {
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    kind: facts.kind,
    rabitaVersion: await rabitaVersion(),
    createdAt: new Date().toISOString(),
    postgres: facts.postgres,
    migrations: facts.migrations,
    wal: facts.wal,
    folders: [...facts.folders].sort(),
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
  await fs.writeFile(path.join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  return manifest;
}

/**
 * Reads an archive's manifest and checks that its files are the ones it lists, with their
 * sizes (the checksums are compared as the files are read). Refuses, in one line, a folder that
 * is not a Rabita backup, one from a newer format, and a damaged one.
 */
export async function readManifest(root: string): Promise<Manifest> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory())
    throw new BackupError(
      `${root} is not a folder; a Rabita backup is a folder with a manifest.json`,
    );
  const raw = await fs.readFile(path.join(root, MANIFEST_FILE), 'utf8').catch(() => null);
  if (raw === null)
    throw new BackupError(`${root} is not a Rabita backup: it has no ${MANIFEST_FILE}`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new BackupError(
      `${root} is damaged or not a Rabita backup: its ${MANIFEST_FILE} is not JSON`,
    );
  }
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== FORMAT)
    throw new BackupError(
      `${root} is not a Rabita backup: its ${MANIFEST_FILE} is another program's`,
    );
  if (head.data.formatVersion > FORMAT_VERSION)
    throw new BackupError(
      `${root} was made by a newer Rabita (backup format ${head.data.formatVersion}; this one reads ${FORMAT_VERSION}); restore it with that release`,
    );
  const parsed = Manifest.safeParse(json);
  if (!parsed.success)
    throw new BackupError(
      `${root} is damaged: its ${MANIFEST_FILE} does not describe a Rabita backup (${parsed.error.issues[0]?.path.join('.') || 'format'})`,
    );
  const manifest = parsed.data;
  const present = new Map(
    (await listFiles(root, (p) => p === MANIFEST_FILE)).map((f) => [f.path, f.size]),
  );
  for (const file of manifest.files) {
    const size = present.get(file.path);
    if (size === undefined) throw new BackupError(`${root} is damaged: ${file.path} is missing`);
    if (size !== file.size)
      throw new BackupError(
        `${root} is damaged: ${file.path} has ${size} bytes, the manifest says ${file.size}`,
      );
    present.delete(file.path);
  }
  const extra = [...present.keys()][0];
  if (extra !== undefined)
    throw new BackupError(`${root} is damaged or altered: ${extra} is not in its manifest`);
  return manifest;
}

/** The version in package.json, from src/ or from the compiled dist/. */
export async function rabitaVersion(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../../..', '../../../../..']) {
    const raw = await fs.readFile(path.join(here, up, 'package.json'), 'utf8').catch(() => null);
    if (raw) {
      const parsed = JSON.parse(raw) as { name?: string; version?: string };
      if (parsed.name === 'rabita' && parsed.version) return parsed.version;
    }
  }
  return 'unknown';
}
