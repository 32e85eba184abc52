import { isDeepStrictEqual } from 'node:util';
import {
  type DuplicateChoice,
  IMPORT_MAX_LISTED_ERRORS,
  type ImportKind,
  type ImportRowError,
} from '../../../contract/imports.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import type { ImportOutcome, ImportReport } from '../../db/schema/imports.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { notifyCatalogueChanged } from '../catalogue/cache.js';
import { type ServiceContext, systemContext } from '../context.js';
import { emitImportCommitted } from '../webhooks/events.js';
import { activityKind } from './kinds/activities.js';
import { contactKind } from './kinds/contacts.js';
import type { KindHandler, Written } from './kinds/kind.js';
import { sessionKind } from './kinds/sessions.js';
import type { ParsedFile } from './parse.js';
import * as q from './queries.js';

// The dry run, commit and undo of activities, sessions and contacts. Every row is written
// through its feature's own service (create or update), each in a savepoint, so the import obeys
// every rule the API does and a failing row is named without stopping the others. The dry run
// is that same work rolled back; the commit keeps it only when no row failed: all or nothing.

export type RecordKind = Exclude<ImportKind, 'people'>;
export type Progress = (done: number, total: number) => Promise<void> | void;

const PROGRESS_EVERY = 100;

/** Thrown to roll the whole transaction back, carrying what was found. */
class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('rolled back');
  }
}

/** The services act as the person who uploaded the file, within the import's nation if any. */
function importContext(tx: Tx, row: q.ImportRow): ServiceContext {
  const system = systemContext(tx, `import:${row.id}`);
  return {
    ...system,
    actor: {
      ...system.actor,
      id: row.createdBy ?? system.actor.id,
      scope: row.nationCode ? { kind: 'nation', nationCode: row.nationCode } : { kind: 'all' },
    },
  };
}

/** A service's refusal of one row as row errors, each on the column its field comes from. */
function refusalErrors(
  error: AppError,
  rowNumber: number,
  fieldColumn: Record<string, string>,
): ImportRowError[] {
  if (error.errors && error.errors.length > 0) {
    return error.errors.map((e) => ({
      row: rowNumber,
      column: fieldColumn[e.field.split('.')[0] ?? ''] ?? null,
      code: e.code ?? 'other',
      params: { value: e.message.slice(0, 200) },
    }));
  }
  return [{ row: rowNumber, column: null, code: error.code, params: { value: error.message } }];
}

interface Pass {
  report: ImportReport;
  written: {
    written: Written;
    action: 'created' | 'updated';
    before: Record<string, unknown> | null;
  }[];
}

async function runRows<I>(
  tx: Tx,
  handler: KindHandler<I>,
  row: q.ImportRow,
  parsed: ParsedFile,
  mode: 'check' | 'commit',
  progress: Progress,
): Promise<Pass> {
  const ctx = importContext(tx, row);
  const checker = await handler.prepare(tx, {
    nationCode: row.nationCode,
    nationOnly: row.nationCode !== null,
  });
  const mapping = row.mapping;
  const choices = row.choices as Record<string, DuplicateChoice>;
  const errors: ImportRowError[] = [];
  const duplicates: ImportReport['duplicates'] = [];
  const written: Pass['written'] = [];
  const seen = new Map<string, number>();
  let errorRows = 0;
  let valid = 0;
  let skipped = 0;
  const addErrors = (list: ImportRowError[]) => {
    errorRows += 1;
    for (const e of list) if (errors.length < IMPORT_MAX_LISTED_ERRORS) errors.push(e);
  };
  /** One write in a savepoint: a refusal undoes that row alone and is reported on it. */
  const attempt = async (rowNumber: number, write: (c: ServiceContext) => Promise<Written>) => {
    try {
      return await tx.transaction((sp) => write({ ...ctx, tx: sp }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      addErrors(refusalErrors(error, rowNumber, handler.fieldColumn));
      return null;
    }
  };
  const total = parsed.rows.length;
  for (let i = 0; i < total; i += 1) {
    const cells = parsed.rows[i] ?? [];
    const rowNumber = i + 2;
    if ((i + 1) % PROGRESS_EVERY === 0) await progress(i + 1, total);
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (column: string) => {
      const index = mapping[column];
      return index === undefined || index === null ? '' : (cells[index] ?? '').trim();
    };
    const result = checker.read(cell, rowNumber);
    if (!result.ok) {
      addErrors(result.errors);
      continue;
    }
    const input = result.input;
    const again = checker.fileKeys(input).find((k) => seen.has(k.key));
    if (again) {
      const first = seen.get(again.key) ?? 0;
      addErrors([
        { row: rowNumber, column: again.column, code: 'duplicate_in_file', params: { row: first } },
      ]);
      continue;
    }
    for (const k of checker.fileKeys(input)) seen.set(k.key, rowNumber);
    const duplicate = checker.duplicate(input);
    if (duplicate) {
      duplicates.push({
        row: rowNumber,
        label: checker.label(input),
        existingLabel: duplicate.existingLabel,
        reasons: duplicate.reasons,
        allowed: duplicate.allowed,
      });
      // The dry run cannot know the choice yet: the row is checked, not written.
      if (mode === 'check') {
        valid += 1;
        continue;
      }
      const wanted = choices[String(rowNumber)] ?? 'skip';
      const choice = duplicate.allowed.includes(wanted) ? wanted : 'skip';
      if (choice === 'skip') {
        skipped += 1;
        valid += 1;
        continue;
      }
      if (choice === 'update') {
        const before = await q.snapshotRecord(tx, handler.table, duplicate.id);
        const done = await attempt(rowNumber, (c) => checker.update(c, duplicate.key, input));
        if (done) {
          valid += 1;
          written.push({ written: done, action: 'updated', before });
        }
        continue;
      }
    }
    const done = await attempt(rowNumber, (c) => checker.create(c, input));
    if (done) {
      valid += 1;
      written.push({ written: done, action: 'created', before: null });
    }
  }
  await progress(total, total);
  const created = written.filter((w) => w.action === 'created').length;
  return {
    report: {
      counts: {
        rows: valid + errorRows,
        valid,
        errors: errorRows,
        duplicates: duplicates.length,
        created: mode === 'commit' ? created : 0,
        updated: mode === 'commit' ? written.length - created : 0,
        skipped,
      },
      errors,
      duplicates,
    },
    written,
  };
}

function handlerOf(kind: RecordKind) {
  return { activities: activityKind, sessions: sessionKind, contacts: contactKind }[kind];
}

/** Progress written on the pool, not the job's transaction: readers see it live. */
function liveProgress(db: Database, id: string, onProgress?: Progress): Progress {
  return async (done, total) => {
    await q.writeProgress(db, id, done, total);
    await onProgress?.(done, total);
  };
}

/** The dry run: every row written as the commit would write it, then all of it rolled back. */
export async function checkRecords(
  db: Database,
  row: q.ImportRow,
  parsed: ParsedFile,
  onProgress?: Progress,
): Promise<ImportReport> {
  const handler = handlerOf(row.kind as RecordKind) as KindHandler<unknown>;
  const progress = liveProgress(db, row.id, onProgress);
  try {
    await db.transaction(async (tx) => {
      const pass = await runRows(tx, handler, row, parsed, 'check', progress);
      throw new RolledBack(pass.report);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.report;
    throw error;
  }
  throw new Error('unreachable: the dry run always rolls back');
}

/**
 * The commit: every row written again against what is true now, with the duplicates' choices,
 * then the import's record, its audit record and its webhook, in ONE transaction. A row
 * refused now sends back its report with nothing written.
 */
export async function commitRecords(
  db: Database,
  row: q.ImportRow,
  parsed: ParsedFile,
  onProgress?: Progress,
): Promise<{ committed: q.ImportRow } | { report: ImportReport }> {
  const handler = handlerOf(row.kind as RecordKind) as KindHandler<unknown>;
  const progress = liveProgress(db, row.id, onProgress);
  const at = new Date();
  try {
    const committed = await db.transaction(async (tx) => {
      const pass = await runRows(tx, handler, row, parsed, 'commit', progress);
      if (pass.report.counts.errors > 0) throw new RolledBack(pass.report);
      // Snapshots after every write: a later row may have changed an earlier record.
      const records: NonNullable<ImportOutcome['records']> = [];
      for (const w of pass.written) {
        records.push({
          table: w.written.table,
          id: w.written.id,
          action: w.action,
          before: w.before,
          after: await q.snapshotRecord(tx, w.written.table, w.written.id),
        });
      }
      const counts = pass.report.counts;
      const done = await q.finishCommit(tx, row.id, {
        status: 'committed',
        committedAt: at,
        report: pass.report,
        outcome: { created: [], updated: [], records },
        file: null,
      });
      if (!done) throw new Error('the import left the committing state under its commit');
      await recordAudit(
        { tx, requestId: `import:${row.id}`, actor: row.createdBy ? { id: row.createdBy } : null },
        {
          action: 'import.committed',
          entityType: 'import',
          entityId: row.id,
          after: {
            kind: row.kind,
            nationCode: row.nationCode,
            fileName: row.fileName,
            digest: row.digest,
            counts,
          },
        },
      );
      await emitImportCommitted(tx, {
        importId: row.id,
        kind: row.kind,
        nationCode: row.nationCode ?? null,
        counts: { created: counts.created, updated: counts.updated, skipped: counts.skipped },
        committedAt: at.toISOString(),
      });
      return done;
    });
    return { committed };
  } catch (error) {
    if (error instanceof RolledBack) return { report: error.report };
    throw error;
  }
}

const changedSince = (touched: number) =>
  new AppError(
    409,
    'import_rows_changed',
    `${touched} of the records this import wrote were changed or used since: it can no longer be undone.`,
    undefined,
    undefined,
    { touched },
  );

/**
 * Takes back a committed import of records: the ones it created deleted, the ones it updated
 * put back as they were. Refused when any of them differs from what the commit left (edited,
 * given sessions, quotas or nominations since).
 */
export async function undoRecords(
  tx: DbOrTx,
  outcome: ImportOutcome,
): Promise<{ deleted: number; restored: number }> {
  const records = outcome.records ?? [];
  let touched = 0;
  for (const r of records) {
    const now = await q.snapshotRecord(tx, r.table, r.id);
    if (!isDeepStrictEqual(now, r.after)) touched += 1;
  }
  if (touched > 0) throw changedSince(touched);
  let deleted = 0;
  let restored = 0;
  try {
    for (const r of [...records].reverse()) {
      if (r.action === 'created') {
        await q.deleteRecord(tx, r.table, r.id);
        deleted += 1;
      } else if (r.before) {
        await q.restoreRecord(tx, r.table, r.before);
        restored += 1;
      }
    }
  } catch (error) {
    // Something the snapshot does not show (a programme's link to an activity) holds it.
    if (isForeignKeyViolation(error)) throw changedSince(1);
    throw error;
  }
  if (records.some((r) => r.table !== 'nation_contacts')) await notifyCatalogueChanged(tx);
  return { deleted, restored };
}
