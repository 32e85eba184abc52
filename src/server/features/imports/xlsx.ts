import { Readable } from 'node:stream';
import { IMPORT_MAX_ROWS } from '../../../contract/imports.js';
import { AppError } from '../../http/errors.js';

/** A cell's value as text. Excel's dates come as JS dates at UTC midnight: written ISO. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    const v = value as {
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
      richText?: { text: string | null }[];
      text?: string;
      error?: string;
    };
    // A formula is never run: its text is checked like any other value. The streaming reader
    // gives a cell that shares another's formula an empty one: still a formula, never its result.
    if ('formula' in v) return `=${v.formula ?? ''}`;
    if (v.sharedFormula !== undefined) return `=${v.sharedFormula}`;
    if (v.richText) return v.richText.map((r) => r.text ?? '').join('');
    if (v.text !== undefined) return String(v.text);
    if (v.error !== undefined) return String(v.error);
    return '';
  }
  return String(value);
}

type WorkbookReaderClass = typeof import('exceljs').stream.xlsx.WorkbookReader;

/**
 * exceljs's streaming reader by its own module: the package's main entry loads the whole
 * library (writers, CSV, the workbook model), some 15 MB more of a server's memory for nothing
 * an import reads. The class is the one `ExcelJS.stream.xlsx.WorkbookReader` names.
 */
async function loadWorkbookReader(): Promise<WorkbookReaderClass> {
  // @ts-expect-error exceljs declares its types for the main entry only
  const module = await import('exceljs/lib/stream/xlsx/workbook-reader.js');
  return (module as { default: WorkbookReaderClass }).default;
}

const tooManyRows = (rows: number) =>
  new AppError(
    422,
    'import_too_many_rows',
    `The sheet has ${rows} rows; an import takes at most ${IMPORT_MAX_ROWS}. Split it into several files.`,
    undefined,
    undefined,
    { limit: IMPORT_MAX_ROWS, rows },
  );

/**
 * The first sheet's cells, row by row as exceljs's streaming reader unzips and parses them: the
 * workbook is never built whole (its object model costs many times the file's size). Rows the
 * sheet leaves out come back empty so each row keeps its spreadsheet number; past the row limit
 * rows are only counted, so the error can say how many there are.
 */
export async function readXlsxCells(bytes: Buffer): Promise<string[][]> {
  const WorkbookReader = await loadWorkbookReader();
  // Styles are read because they alone tell a date from a number.
  const reader = new WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const cells: string[][] = [];
  let lastRow = 0;
  let seenSheet = false;
  for await (const sheet of reader) {
    // Sheets arrive in the file's zip order; the first of the workbook's tab order is wanted.
    // Others are left unread (the reader drains them).
    const wanted = firstSheetName(reader);
    if (seenSheet || (wanted !== null && (sheet as { name?: string }).name !== wanted)) continue;
    seenSheet = true;
    for await (const row of sheet) {
      lastRow = row.number;
      if (row.number > IMPORT_MAX_ROWS + 1) continue;
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        values[column - 1] = cellText(cell.value);
      });
      cells[row.number - 1] = Array.from(values, (v) => v ?? '');
    }
  }
  // A zip without a sheet (a .docx, an archive) is no workbook; the caller says so.
  if (!seenSheet) throw new Error('no worksheet in the file');
  if (lastRow > IMPORT_MAX_ROWS + 1) throw tooManyRows(lastRow - 1);
  return Array.from(cells, (r) => r ?? []);
}

/** The name of the workbook's first tab; null when the workbook part was not read first. */
function firstSheetName(reader: unknown): string | null {
  const model = (reader as { model?: { sheets?: { name?: string }[] } }).model;
  return model?.sheets?.[0]?.name ?? null;
}
