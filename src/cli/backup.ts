import { backupEmbedded } from '../server/ops/backup/embedded-backup.js';
import { BackupError } from '../server/ops/backup/errors.js';
import { backupExternal } from '../server/ops/backup/external.js';
import { formatBytes } from '../server/ops/backup/progress.js';
import { restoreBackup } from '../server/ops/backup/restore.js';
import { type CliCommand, CommandFailed, UsageError } from './command.js';

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Backup problems are the operator's to act on: one line, exit status 1. */
async function failingAsCommand<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CommandFailed(error.message);
    throw error;
  }
}

/** The schema owner's connection reads every object; the app role's may not. */
const externalUrl = (config: { databaseUrl?: string; migrationDatabaseUrl?: string }) =>
  config.databaseUrl ? (config.migrationDatabaseUrl ?? config.databaseUrl) : undefined;

function parseUntil(value: unknown): Date | undefined {
  if (value === undefined) return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time))
    throw new UsageError(
      `--until ${String(value)} is not a time; give one such as 2026-12-01T14:30:00Z`,
    );
  return new Date(time);
}

export const backupCommand: CliCommand = {
  name: ['backup'],
  summary: 'make a consistent backup of the database, its signing keys and passwords',
  help: `Usage: rabita backup DEST

Writes a backup into the folder DEST (new, or empty) while Rabita keeps running: the whole
database (certificate signing keys included) and, for the embedded database, the passwords kept
in RABITA_DATA_DIR. DEST ends with a manifest.json listing every file and its SHA-256, so
"rabita restore" can refuse a damaged or foreign backup.

  embedded (no DATABASE_URL)  a copy of the PostgreSQL cluster made with PostgreSQL's base backup
                              API, plus the WAL that makes it consistent; a stopped cluster is
                              started for the time of the backup
  DATABASE_URL                pg_dump --format=custom, as RABITA_MIGRATION_DATABASE_URL when set;
                              pg_dump must be at least the server's version

Progress goes to stderr every few seconds. A failed backup leaves nothing in DEST.
`,
  positionals: { min: 1, max: 1 },
  run: ({ config, positionals }) =>
    failingAsCommand(async () => {
      const settings = config();
      const dest = positionals[0] ?? '';
      const url = externalUrl(settings);
      const manifest = url
        ? await backupExternal(url, dest, say)
        : await backupEmbedded(settings.dataDir, dest, { say });
      const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
      process.stdout.write(
        `Backup written to ${dest}: ${manifest.files.length} files, ${formatBytes(bytes)}, PostgreSQL ${manifest.postgres.version}, migration ${manifest.migrations.applied}.\n`,
      );
      return 0;
    }),
};

export const restoreCommand: CliCommand = {
  name: ['restore'],
  summary: 'bring a backup back into an empty data folder or an empty database',
  help: `Usage: rabita restore SRC

Restores the backup in the folder SRC (made by "rabita backup"): an embedded backup into
RABITA_DATA_DIR, which must be empty or absent; a DATABASE_URL backup into that database
(RABITA_MIGRATION_DATABASE_URL's role when set), which must hold no tables. Every file is
checked against the manifest's checksum; a damaged or foreign backup, or a target in use or not
empty, is refused in one line and nothing is changed. An embedded restore then starts PostgreSQL
once, so its WAL is replayed, and reports what the database holds.

  --until TIME   point-in-time recovery (embedded): replay the WAL the server archived into
                 RABITA_WAL_ARCHIVE past the backup's end, up to TIME (ISO 8601, e.g.
                 2026-12-01T14:30:00Z; without a zone, this machine's), then start from there
`,
  options: { until: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: ({ config, values, positionals }) =>
    failingAsCommand(async () => {
      const until = parseUntil(values.until);
      const settings = config();
      const line = await restoreBackup(
        positionals[0] ?? '',
        {
          databaseUrl: externalUrl(settings),
          dataDir: settings.dataDir,
          until,
          walArchive: process.env.RABITA_WAL_ARCHIVE || undefined,
        },
        say,
      );
      process.stdout.write(`${line}\n`);
      return 0;
    }),
};
