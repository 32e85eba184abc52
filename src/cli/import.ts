import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type DuplicateChoice,
  IMPORT_HEADERS,
  type Import,
  type ImportKind,
  type ImportRowError,
} from '../contract/imports.js';
import type { Config } from '../server/config.js';
import { systemContext } from '../server/features/context.js';
import { checkFileSize } from '../server/features/imports/parse.js';
import {
  type Progress,
  requestCheck,
  requestCommit,
  runCheck,
  runCommit,
  storeUpload,
} from '../server/features/imports/service.js';
import { AppError } from '../server/http/errors.js';
import { openDatabase } from '../server/main.js';
import { CommandFailed, UsageError } from './command.js';
import { applyMapOptions, readMapOptions } from './import-mapping.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** A bar on stderr when it is a terminal; nothing otherwise (a log, a pipe). */
function progressBar(label: string): Progress & { end(): void } {
  const tty = process.stderr.isTTY === true;
  let drawn = false;
  const bar = (done: number, total: number) => {
    if (!tty || total === 0) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`,
    );
    drawn = true;
  };
  return Object.assign(bar, {
    end: () => {
      if (drawn) process.stderr.write('\n');
    },
  });
}

function describeError(kind: ImportKind, e: ImportRowError): string {
  const column = e.column ? `${IMPORT_HEADERS[kind][e.column]?.en ?? e.column}: ` : '';
  const params = Object.entries(e.params)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
  return `row ${e.row}: ${column}${e.code}${params ? ` (${params})` : ''}`;
}

function summary(done: Import): string {
  const c = done.counts;
  return `${c.rows} rows: ${c.valid} valid, ${c.errors} with errors, ${c.duplicates} possible duplicates`;
}

interface ImportOptions {
  nation?: string;
  dryRun: boolean;
  duplicates?: string;
  /** `--map "Header=field"`, as many as given. */
  map?: readonly string[];
}

/**
 * `rabita import people FILE --nation KWT`: the file checked as the web's dry run checks it,
 * then (unless --dry-run) written in one transaction. Exit 1 with the row errors on stderr.
 */
export function runImportPeople(
  config: () => Config,
  file: string,
  options: ImportOptions,
): Promise<number> {
  if (!options.nation) throw new UsageError('--nation is required, e.g. --nation KWT');
  return runImport(config, 'people', file, options);
}

/**
 * `rabita import activities|sessions|contacts FILE`: as for people; contacts take an optional
 * --nation for a file without a nation column. A duplicate's choice that is impossible for it
 * (a second record of one code) falls back to skip.
 */
export async function runImport(
  config: () => Config,
  kind: ImportKind,
  file: string,
  options: ImportOptions,
): Promise<number> {
  if (options.nation && (kind === 'activities' || kind === 'sessions')) {
    throw new UsageError(`--nation does not apply to ${kind}`);
  }
  const nation = options.nation ? options.nation.toUpperCase() : null;
  const choice = (options.duplicates ?? 'skip') as DuplicateChoice;
  if (!['skip', 'update', 'create'].includes(choice)) {
    throw new UsageError('--duplicates takes skip, update or create');
  }
  const maps = readMapOptions(kind, options.map ?? []);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new CommandFailed(`cannot read ${file}`);
  }
  const database = await openDatabase(config());
  try {
    checkFileSize(size);
    await database.migrate();
    const db = database.handle.db;
    const bytes = await readFile(file);
    const uploaded = await db.transaction((tx) =>
      storeUpload(systemContext(tx, 'cli-import'), {
        kind,
        nationCode: nation,
        fileName: basename(file),
        bytes,
      }),
    );
    await db.transaction((tx) =>
      requestCheck(
        systemContext(tx, 'cli-import'),
        uploaded.id,
        { mapping: applyMapOptions(uploaded.mapping, uploaded.headers, maps) },
        {
          enqueue: false,
        },
      ),
    );
    const checkBar = progressBar('checked');
    const checked = await runCheck(db, uploaded.id, checkBar);
    checkBar.end();
    if (!checked) throw new CommandFailed('the import was changed by someone else meanwhile');
    print(summary(checked));
    if (checked.counts.errors > 0) {
      for (const e of checked.errors) process.stderr.write(`${describeError(kind, e)}\n`);
      if (checked.errors.length < checked.counts.errors) {
        process.stderr.write(`(the first ${checked.errors.length} errors are listed)\n`);
      }
      process.stderr.write('rabita: nothing was imported: correct the rows above.\n');
      return 1;
    }
    for (const d of checked.duplicates) {
      const chosen = d.allowed.includes(choice) ? choice : 'skip';
      print(
        `row ${d.row}: ${d.label} may be ${d.existingLabel} (${d.reasons.join(', ')}): ${chosen}`,
      );
    }
    if (options.dryRun) {
      print('Dry run: nothing was written.');
      return 0;
    }
    await db.transaction((tx) =>
      requestCommit(
        systemContext(tx, 'cli-import'),
        uploaded.id,
        {
          choices: checked.duplicates.map((d) => ({
            row: d.row,
            choice: d.allowed.includes(choice) ? choice : 'skip',
          })),
        },
        { enqueue: false },
      ),
    );
    const writeBar = progressBar('written');
    const done = await runCommit(db, uploaded.id, writeBar);
    writeBar.end();
    if (done?.status !== 'committed') {
      for (const e of done?.errors ?? []) process.stderr.write(`${describeError(kind, e)}\n`);
      process.stderr.write('rabita: nothing was imported: the rows no longer pass.\n');
      return 1;
    }
    const c = done.counts;
    print(
      `Imported: ${c.created} created, ${c.updated} updated, ${c.skipped} skipped (import ${done.id}).`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`rabita: ${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
