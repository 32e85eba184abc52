import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { LOCALES, type Locale } from '../contract/common.js';
import {
  ActivityExportQuery,
  AuditExportQuery,
  EXPORT_FORMATS,
  type ExportFormat,
  NominationExportQuery,
  OutboxExportQuery,
  ParticipantExportQuery,
  ProgrammeExportQuery,
  SessionExportQuery,
  UserExportQuery,
} from '../contract/exports.js';
import type { Config } from '../server/config.js';
import { type ServiceContext, systemContext } from '../server/features/context.js';
import * as exports from '../server/features/exports/service.js';
import { AppError } from '../server/http/errors.js';
import {
  csvStream,
  type ListExport,
  type RowPages,
  xlsxStream,
} from '../server/http/export-stream.js';
import { openDatabase } from '../server/main.js';
import { CommandFailed, UsageError } from './command.js';

/** A list the command exports, as the web's Export menu does: its filters, then its rows. */
interface ListChoice {
  // biome-ignore lint/suspicious/noExplicitAny: each list's query has its own shape
  query: z.ZodType<any>;
  // biome-ignore lint/suspicious/noExplicitAny: each list's rows have their own type
  run: (ctx: ServiceContext, query: any) => Promise<ListExport<any>>;
}

/** The lists by the names an operator types; a session's roster and results take --session. */
export const EXPORT_LISTS: Record<string, ListChoice> = {
  people: { query: ParticipantExportQuery, run: exports.exportParticipants },
  nominations: { query: NominationExportQuery, run: exports.exportNominations },
  sessions: { query: SessionExportQuery, run: exports.exportSessions },
  activities: { query: ActivityExportQuery, run: exports.exportActivities },
  users: { query: UserExportQuery, run: exports.exportUsers },
  audit: { query: AuditExportQuery, run: exports.exportAuditTrail },
  outbox: { query: OutboxExportQuery, run: exports.exportOutbox },
  programmes: { query: ProgrammeExportQuery, run: exports.exportProgrammes },
};
const SESSION_VIEWS = ['attendance', 'results'] as const;
export const EXPORT_LIST_NAMES = [...Object.keys(EXPORT_LISTS), ...SESSION_VIEWS];

export interface ExportOptions {
  list: string;
  format?: string;
  out?: string;
  lang?: string;
  session?: string;
  filters: string[];
}

/** `--filter nationCode=KWT --filter q=Ahmad` as the list's query string would carry them. */
function filtersOf(pairs: string[]): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`--filter takes NAME=VALUE, not ${JSON.stringify(pair)}`);
    filters[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return filters;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'filter'}: ${issue.message}`)
    .join('; ');
}

/** Counts the rows as they stream past, for the closing line. */
async function* counted<R>(rows: RowPages<R>, tally: { rows: number }): RowPages<R> {
  for await (const page of rows) {
    tally.rows += page.length;
    yield page;
  }
}

/**
 * `rabita export LIST`: the list as the centre's administrator sees it, through the same
 * service the web's Export menu calls (so the same columns, headers in the chosen language,
 * formulas neutralised, and a `data.exported` audit record for personal data), streamed to a
 * file (written beside it, then renamed, so a failed export leaves no half file) or to stdout.
 */
export async function runExport(config: () => Config, options: ExportOptions): Promise<number> {
  const format = (options.format ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError('--format takes csv or xlsx');
  const locale = (options.lang ?? 'en') as Locale;
  if (!LOCALES.includes(locale)) throw new UsageError(`--lang takes ${LOCALES.join(', ')}`);
  const isView = (SESSION_VIEWS as readonly string[]).includes(options.list);
  const choice = EXPORT_LISTS[options.list];
  if (!choice && !isView) {
    throw new UsageError(`rabita export takes one of: ${EXPORT_LIST_NAMES.join(', ')}`);
  }
  if (isView && !options.session) throw new UsageError(`${options.list} needs --session CODE`);
  if (isView && options.filters.length > 0) {
    throw new UsageError(`${options.list} takes no --filter: it is the whole session`);
  }
  const toStdout = options.out === '-';
  if (toStdout && format === 'xlsx' && process.stdout.isTTY) {
    throw new UsageError('an XLSX file is not for a terminal: give --out FILE');
  }
  let query: unknown;
  if (choice) {
    const parsed = choice.query.safeParse({ ...filtersOf(options.filters), format });
    if (!parsed.success) throw new UsageError(`bad filter: ${describeIssues(parsed.error)}`);
    query = parsed.data;
  }

  const database = await openDatabase(config());
  try {
    await database.migrate();
    const base = systemContext(database.handle.db as ServiceContext['tx'], 'cli-export');
    const ctx: ServiceContext = { ...base, actor: { ...base.actor, locale } };
    // biome-ignore lint/suspicious/noExplicitAny: the rows only pass through to the file
    const file: ListExport<any> = choice
      ? await choice.run(ctx, query)
      : options.list === 'attendance'
        ? await exports.exportAttendance(ctx, options.session ?? '', format)
        : await exports.exportResults(ctx, options.session ?? '', format);
    const tally = { rows: 0 };
    const rows = counted(file.rows, tally);
    const body: Readable =
      format === 'csv'
        ? csvStream(file.columns, rows)
        : xlsxStream(file.columns, rows, file.sheetName, file.rightToLeft);
    if (toStdout) {
      await pipeline(body, process.stdout);
      return 0;
    }
    const target = options.out ?? `${file.filename}.${format}`;
    const partial = `${target}.part`;
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CommandFailed(`${partial} exists: remove it first`);
      if (code === 'ENOENT' || code === 'EACCES') throw new CommandFailed(`cannot write ${target}`);
      throw error;
    }
    process.stderr.write(`Wrote ${tally.rows} rows to ${target}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`rabita: ${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
