import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  type ColumnMapping,
  type DuplicateChoice,
  IMPORT_MAX_LISTED_ERRORS,
  type Import,
  type ImportCheckRequest,
  type ImportCommitRequest,
  type ImportDuplicate,
  type ImportKind,
  type ImportRowError,
  type ImportStatus,
  type ImportUpload,
} from '../../../contract/imports.js';
import type { Permission } from '../../../contract/roles.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { ImportReport } from '../../db/schema/imports.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { emitImportCommitted } from '../webhooks/events.js';
import { missingColumns, suggestMapping, unknownColumns } from './cells.js';
import { checkFileSize, type ParsedFile, parseFile } from './parse.js';
import {
  duplicateFinder,
  type PersonInput,
  presentImportDuplicate,
  readPersonRow,
} from './people-rows.js';
import * as q from './queries.js';
import { checkRecords, commitRecords, undoRecords } from './records.js';

/** Progress is written every this many rows: live enough, and no burden on the database. */
const PROGRESS_EVERY = 500;
/** People are inserted this many per statement. */
const INSERT_BATCH = 1000;

export type Progress = (done: number, total: number) => Promise<void> | void;

function present(row: q.ImportRow): Import {
  const report = row.report;
  const kind = row.kind as ImportKind;
  const choices = row.choices as Record<string, DuplicateChoice>;
  return {
    id: row.id,
    kind: row.kind as Import['kind'],
    nationCode: row.nationCode,
    fileName: row.fileName,
    digest: row.digest,
    format: row.format as Import['format'],
    encoding: row.encoding,
    separator: row.separator,
    headers: row.headers,
    mapping: row.mapping,
    missingColumns: missingColumns(kind, row.mapping),
    status: row.status as ImportStatus,
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    counts: report?.counts ?? {
      rows: 0,
      valid: 0,
      errors: 0,
      duplicates: 0,
      created: 0,
      updated: 0,
      skipped: 0,
    },
    errors: report?.errors ?? [],
    duplicates: (report?.duplicates ?? []).map((d) => presentDuplicate(d, choices)),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    checkedAt: row.checkedAt?.toISOString() ?? null,
    committedAt: row.committedAt?.toISOString() ?? null,
    undoneAt: row.undoneAt?.toISOString() ?? null,
  };
}

/** A stored duplicate as the API shows it; people's reports before other kinds lack labels. */
function presentDuplicate(
  stored: NonNullable<q.ImportRow['report']>['duplicates'][number],
  choices: Record<string, DuplicateChoice>,
): ImportDuplicate {
  const d = stored as unknown as Omit<ImportDuplicate, 'choice'>;
  const existing = d.existing;
  return {
    ...d,
    label: d.label ?? `${d.familyNameLatin}, ${d.givenNamesLatin}`,
    existingLabel:
      d.existingLabel ??
      (existing ? `${existing.familyNameLatin}, ${existing.givenNamesLatin}` : ''),
    allowed: d.allowed ?? ['skip', 'update', 'create'],
    choice: choices[String(d.row)] ?? 'skip',
  };
}

/** Who may import each kind: whoever may create such records through the API. */
const KIND_PERMISSION: Record<ImportKind, Permission> = {
  people: 'participants.manage',
  activities: 'catalogue.manage',
  sessions: 'sessions.manage',
  contacts: 'contacts.manage',
};

const wrongState = (status: string, wanted: string) =>
  new AppError(
    409,
    'import_wrong_state',
    `The import is ${status}; this needs it ${wanted}.`,
    undefined,
    undefined,
    { status },
  );

/**
 * The nation an import is for. People: a nation's officer's own, or the one centre staff chose.
 * Contacts: likewise, except that staff may leave it out (the file's nation column says). Other
 * kinds are the centre's own: no nation.
 */
function importNation(
  ctx: ServiceContext,
  kind: ImportKind,
  requested: string | null,
): string | null {
  const scope = ctx.actor.scope;
  if (kind === 'activities' || kind === 'sessions') {
    if (requested !== null) {
      throw new AppError(400, 'validation_failed', `nationCode: ${kind} belong to no nation`, [
        { field: 'nationCode', message: `${kind} belong to no nation`, code: 'not_allowed' },
      ]);
    }
    return null;
  }
  if (kind === 'contacts' && scope.kind === 'all') return requested;
  if (scope.kind === 'nation') {
    if (requested !== null && requested !== scope.nationCode) {
      throw notFound(`The nation ${requested}`);
    }
    return scope.nationCode;
  }
  if (requested === null) {
    throw new AppError(400, 'validation_failed', 'nationCode: choose the nation of the people', [
      { field: 'nationCode', message: 'choose the nation of the people', code: 'required' },
    ]);
  }
  return requested;
}

/**
 * Reads an uploaded file (CSV or XLSX) far enough to know its headers and row count, and keeps
 * it with its SHA-256 and the mapping its headers suggest. Nothing is checked or written yet.
 */
export async function uploadImport(
  ctx: ServiceContext,
  input: z.output<typeof ImportUpload>,
): Promise<Import> {
  // The decoded size is three quarters of the base64 text: known before decoding.
  checkFileSize(Math.floor((input.content.length * 3) / 4));
  return storeUpload(ctx, { ...input, bytes: Buffer.from(input.content, 'base64') });
}

/** The upload's work on the file's bytes (the command line reads them from disk). */
export async function storeUpload(
  ctx: ServiceContext,
  input: { kind: Import['kind']; nationCode: string | null; fileName: string; bytes: Buffer },
): Promise<Import> {
  if (!ctx.actor.permissions.has(KIND_PERMISSION[input.kind])) throw forbidden();
  const nationCode = importNation(ctx, input.kind, input.nationCode);
  if (nationCode !== null && !(await q.selectNationCodes(ctx.tx)).has(nationCode)) {
    throw notFound(`The nation ${nationCode}`);
  }
  const { bytes } = input;
  const parsed = await parseFile(bytes, input.fileName);
  const row = await q.insertImport(ctx.tx, {
    kind: input.kind,
    nationCode,
    fileName: input.fileName,
    digest: createHash('sha256').update(bytes).digest('hex'),
    file: bytes,
    format: parsed.format,
    encoding: parsed.encoding,
    separator: parsed.separator,
    headers: parsed.headers,
    mapping: suggestMapping(input.kind, parsed.headers),
    status: 'uploaded',
    progressTotal: parsed.rows.length,
    createdBy: ctx.actor.id,
  });
  return present(row);
}

export async function getImport(ctx: ServiceContext, id: string): Promise<Import> {
  const row = await q.selectImport(ctx.tx, ctx.actor.scope, id);
  if (!row) throw notFound('The import');
  return present(row);
}

async function loadForChange(ctx: ServiceContext, id: string, states: readonly string[]) {
  const row = await q.selectImport(ctx.tx, ctx.actor.scope, id, true);
  if (!row) throw notFound('The import');
  if (!states.includes(row.status)) throw wrongState(row.status, states.join(' or '));
  return row;
}

/**
 * Starts the dry run with this column mapping: every row checked as the API checks a person,
 * duplicates found. `enqueue: false` leaves running it to the caller (the command line).
 */
export async function requestCheck(
  ctx: ServiceContext,
  id: string,
  input: ImportCheckRequest,
  options: { enqueue: boolean } = { enqueue: true },
): Promise<Import> {
  const row = await loadForChange(ctx, id, ['uploaded', 'checked']);
  const mapping = input.mapping;
  const kind = row.kind as ImportKind;
  const unknown = unknownColumns(kind, mapping);
  if (unknown.length > 0) {
    const field = `mapping.${unknown[0]}`;
    throw new AppError(400, 'validation_failed', `${field}: no such column in a ${kind} import`, [
      { field, message: `no such column in a ${kind} import`, code: 'unrecognized_keys' },
    ]);
  }
  for (const [column, index] of Object.entries(mapping)) {
    if (index !== null && index !== undefined && index >= row.headers.length) {
      throw new AppError(
        400,
        'validation_failed',
        `mapping.${column}: the file has no such column`,
        [{ field: `mapping.${column}`, message: 'the file has no such column', code: 'too_big' }],
      );
    }
  }
  const missing = missingColumns(kind, mapping);
  if (missing.length > 0) {
    throw new AppError(
      422,
      'import_missing_columns',
      `The file has no column for: ${missing.join(', ')}. Map them, or start from the template.`,
      undefined,
      undefined,
      { columns: missing },
    );
  }
  const updated = await q.updateImport(ctx.tx, row.id, {
    mapping,
    status: 'checking',
    progressDone: 0,
  });
  if (options.enqueue) await enqueueJob(ctx.tx, 'imports.check', { importId: row.id });
  return present(updated);
}

/**
 * Commits a checked import without row errors, in one transaction run by a job: the choices
 * say what becomes of each duplicate (skip when not given).
 */
export async function requestCommit(
  ctx: ServiceContext,
  id: string,
  input: z.output<typeof ImportCommitRequest>,
  options: { enqueue: boolean } = { enqueue: true },
): Promise<Import> {
  const row = await loadForChange(ctx, id, ['checked']);
  if ((row.report?.counts.errors ?? 0) > 0) {
    throw new AppError(
      422,
      'import_has_errors',
      `${row.report?.counts.errors} row(s) have errors: correct the file and upload it again.`,
      undefined,
      undefined,
      { errors: row.report?.counts.errors ?? 0 },
    );
  }
  const allowed = new Map(
    (row.report?.duplicates ?? []).map((d) => [d.row, (d.allowed as DuplicateChoice[]) ?? null]),
  );
  const refused = input.choices.find((c) => {
    const ok = allowed.get(c.row);
    return ok !== undefined && ok !== null && !ok.includes(c.choice);
  });
  if (refused) {
    const field = 'choices';
    const message = `row ${refused.row}: "${refused.choice}" is impossible for it (a second record of one code cannot exist)`;
    throw new AppError(400, 'validation_failed', `${field}: ${message}`, [
      { field, message, code: 'choice_not_allowed' },
    ]);
  }
  const choices = Object.fromEntries(input.choices.map((c) => [String(c.row), c.choice]));
  const updated = await q.updateImport(ctx.tx, row.id, {
    choices,
    status: 'committing',
    progressDone: 0,
  });
  if (options.enqueue) {
    await enqueueJob(ctx.tx, 'imports.commit', { importId: row.id }, { maxAttempts: 5 });
  }
  return present(updated);
}

interface CheckedRows {
  report: ImportReport;
  valid: { row: number; input: PersonInput; duplicateOf: string | null }[];
}

/** Every row read and checked; the same for the dry run and the commit. */
async function checkRows(
  db: DbOrTx,
  row: q.ImportRow,
  parsed: ParsedFile,
  progress: Progress,
): Promise<CheckedRows> {
  const nationCode = row.nationCode ?? '';
  const context = { nationCode, nations: await q.selectNationCodes(db) };
  const findDuplicate = duplicateFinder(
    await q.selectKnownPeople(db, nationCode),
    await q.selectKnownPassports(db, nationCode),
  );
  const choices = row.choices as Record<string, DuplicateChoice>;
  const errors: ImportRowError[] = [];
  const duplicates: ImportDuplicate[] = [];
  const valid: CheckedRows['valid'] = [];
  const emails = new Map<string, number>();
  const passports = new Map<string, number>();
  let errorRows = 0;
  const total = parsed.rows.length;
  for (let i = 0; i < total; i += 1) {
    const cells = parsed.rows[i] ?? [];
    const rowNumber = i + 2;
    if (cells.every((c) => c.trim() === '')) continue;
    const result = readPersonRow(cells, rowNumber, row.mapping as ColumnMapping, context);
    let rowErrors = result.ok ? [] : result.errors;
    if (result.ok && result.input.email) {
      const first = emails.get(result.input.email);
      if (first !== undefined) {
        rowErrors = [
          { row: rowNumber, column: 'email', code: 'duplicate_in_file', params: { row: first } },
        ];
      } else emails.set(result.input.email, rowNumber);
    }
    // One passport is one person: a second row with it is a mistake in the file, not a match.
    if (result.ok && result.passport && rowErrors.length === 0) {
      const key = `${result.passport.nationCode}|${result.passport.number}`;
      const first = passports.get(key);
      if (first !== undefined) {
        rowErrors = [
          {
            row: rowNumber,
            column: 'passportNumber',
            code: 'duplicate_in_file',
            params: { row: first },
          },
        ];
      } else passports.set(key, rowNumber);
    }
    if (!result.ok || rowErrors.length > 0) {
      errorRows += 1;
      for (const e of rowErrors) if (errors.length < IMPORT_MAX_LISTED_ERRORS) errors.push(e);
    } else {
      const match = findDuplicate(result.input, result.passport);
      if (match) {
        duplicates.push(
          presentImportDuplicate(
            rowNumber,
            result.input,
            match,
            choices[String(rowNumber)] ?? null,
          ),
        );
      }
      valid.push({ row: rowNumber, input: result.input, duplicateOf: match?.existing.id ?? null });
    }
    if ((i + 1) % PROGRESS_EVERY === 0) await progress(i + 1, total);
  }
  await progress(total, total);
  return {
    report: {
      counts: {
        rows: valid.length + errorRows,
        valid: valid.length,
        errors: errorRows,
        duplicates: duplicates.length,
        created: 0,
        updated: 0,
        skipped: 0,
      },
      errors,
      duplicates: duplicates.map(({ choice: _choice, ...d }) => d) as ImportReport['duplicates'],
    },
    valid,
  };
}

async function loadForJob(db: Database, id: string, status: string) {
  const row = await q.selectImport(db, { kind: 'all' }, id);
  if (!row || row.status !== status || !row.file) return null;
  return { row, parsed: await parseFile(row.file, row.fileName) };
}

/** The dry run (a job, or the command line): the report kept on the import. */
export async function runCheck(
  db: Database,
  id: string,
  onProgress?: Progress,
): Promise<Import | null> {
  const loaded = await loadForJob(db, id, 'checking');
  if (!loaded) return null;
  const progress: Progress = async (done, total) => {
    await q.writeProgress(db, id, done, total);
    await onProgress?.(done, total);
  };
  const report =
    loaded.row.kind === 'people'
      ? (await checkRows(db, loaded.row, loaded.parsed, progress)).report
      : await checkRecords(db, loaded.row, loaded.parsed, onProgress);
  const row = await q.updateImport(db, id, {
    report,
    status: 'checked',
    checkedAt: new Date(),
  });
  return present(row);
}

/**
 * The commit (a job, or the command line): the rows checked again against what is true now,
 * then every person written, the import's record and its audit record, in ONE transaction. A
 * row error found now (someone registered meanwhile) sends the import back to `checked` with
 * nothing written. A process killed half-way leaves nothing: the transaction never committed.
 */
export async function runCommit(
  db: Database,
  id: string,
  onProgress?: Progress,
): Promise<Import | null> {
  const loaded = await loadForJob(db, id, 'committing');
  if (!loaded) return null;
  const { row, parsed } = loaded;
  if (row.kind !== 'people') {
    const result = await commitRecords(db, row, parsed, onProgress);
    if ('committed' in result) return present(result.committed);
    return present(await q.updateImport(db, id, { report: result.report, status: 'checked' }));
  }
  const checked = await checkRows(db, row, parsed, () => {});
  if (checked.report.counts.errors > 0) {
    return present(await q.updateImport(db, id, { report: checked.report, status: 'checked' }));
  }
  const choices = row.choices as Record<string, DuplicateChoice>;
  const nationCode = row.nationCode ?? '';
  const toCreate: PersonInput[] = [];
  const toUpdate: { id: string; input: PersonInput }[] = [];
  let skipped = 0;
  for (const v of checked.valid) {
    const choice = v.duplicateOf ? (choices[String(v.row)] ?? 'skip') : 'create';
    if (choice === 'skip') skipped += 1;
    else if (choice === 'update' && v.duplicateOf)
      toUpdate.push({ id: v.duplicateOf, input: v.input });
    else toCreate.push(v.input);
  }
  const total = toCreate.length + toUpdate.length;
  const at = new Date();
  const committed = await db.transaction(async (tx) => {
    const created: string[] = [];
    for (let i = 0; i < toCreate.length; i += INSERT_BATCH) {
      const batch = toCreate
        .slice(i, i + INSERT_BATCH)
        .map(({ confirmNotDuplicate: _c, ...fields }) => fields);
      created.push(...(await q.insertPeople(tx, batch, at)));
      // On the pool, not the transaction: readers see the progress before the commit.
      await q.writeProgress(db, id, created.length, total);
      await onProgress?.(created.length, total);
    }
    const updated: { id: string; before: Record<string, unknown> }[] = [];
    for (let i = 0; i < toUpdate.length; i += INSERT_BATCH) {
      const batch = toUpdate.slice(i, i + INSERT_BATCH).map((u) => {
        const { confirmNotDuplicate: _c, ...fields } = u.input;
        return { id: u.id, fields };
      });
      for (const before of await q.updatePeople(tx, nationCode, batch, q.PERSON_FIELDS, at)) {
        updated.push({
          id: before.id,
          before: Object.fromEntries(q.PERSON_FIELDS.map((f) => [f, before[f]])),
        });
      }
    }
    await q.writeProgress(db, id, total, total);
    await onProgress?.(total, total);
    const counts = {
      ...checked.report.counts,
      created: created.length,
      updated: updated.length,
      skipped,
    };
    const done = await q.finishCommit(tx, id, {
      status: 'committed',
      committedAt: at,
      report: { ...checked.report, counts },
      outcome: { created, updated },
      file: null,
    });
    if (!done) throw new Error('the import left the committing state under its commit');
    await recordAudit(
      { tx, requestId: `import:${id}`, actor: row.createdBy ? { id: row.createdBy } : null },
      {
        action: 'import.committed',
        entityType: 'import',
        entityId: id,
        after: {
          kind: row.kind,
          nationCode,
          fileName: row.fileName,
          digest: row.digest,
          counts,
        },
      },
    );
    // In the same transaction: the systems listening hear of the import only if it committed.
    await emitImportCommitted(tx, {
      importId: id,
      kind: row.kind,
      nationCode: row.nationCode ?? null,
      counts: { created: created.length, updated: updated.length, skipped },
      committedAt: at.toISOString(),
    });
    return done;
  });
  return present(committed);
}

/**
 * Takes a committed import back: its new people deleted, the people it updated as they were.
 * Refused when anyone changed, nominated or invited one of them since.
 */
export async function undoImport(ctx: ServiceContext, id: string): Promise<Import> {
  const row = await loadForChange(ctx, id, ['committed']);
  if (row.kind !== 'people') {
    if (!ctx.actor.permissions.has(KIND_PERMISSION[row.kind as ImportKind])) throw forbidden();
    const result = await undoRecords(ctx.tx, row.outcome ?? { created: [], updated: [] });
    const undone = await q.updateImport(ctx.tx, id, { status: 'undone', undoneAt: new Date() });
    await recordAudit(ctx, {
      action: 'import.undone',
      entityType: 'import',
      entityId: id,
      after: { kind: row.kind, digest: row.digest, ...result },
    });
    return present(undone);
  }
  const outcome = row.outcome ?? { created: [], updated: [] };
  const at = row.committedAt ?? new Date(0);
  const touched = await q.countTouched(
    ctx.tx,
    outcome.created,
    outcome.updated.map((u) => u.id),
    at,
  );
  if (touched > 0) {
    throw new AppError(
      409,
      'import_rows_changed',
      `${touched} of the people this import wrote were changed, nominated or given an account since: it can no longer be undone.`,
      undefined,
      undefined,
      { touched },
    );
  }
  await q.deletePeople(ctx.tx, outcome.created);
  for (const u of outcome.updated) await q.restorePerson(ctx.tx, u.id, u.before);
  const undone = await q.updateImport(ctx.tx, id, { status: 'undone', undoneAt: new Date() });
  await recordAudit(ctx, {
    action: 'import.undone',
    entityType: 'import',
    entityId: id,
    after: {
      digest: row.digest,
      deleted: outcome.created.length,
      restored: outcome.updated.length,
    },
  });
  return present(undone);
}
