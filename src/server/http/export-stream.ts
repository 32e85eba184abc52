import { PassThrough, Readable, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import {
  type Column,
  CSV_BOM,
  csvHeader,
  csvRows,
  neutraliseFormula,
  safeSheetName,
} from './spreadsheet.js';

export type ExportFormat = 'csv' | 'xlsx';

/** Rows read a page at a time: a list export never holds more than one page. */
export type RowPages<R> = AsyncIterable<readonly R[]>;

/** A list as one of its pages answers: the rows and where the next page starts. */
export interface KeysetPage<R> {
  items: R[];
  nextCursor: string | null;
}

/** How many rows an export reads at a time through a list's own query. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * The pages of a keyset-paged list, read through the list's own query function. The first page
 * is read before this resolves, so a refused filter or a missing record is still an ordinary
 * error response, sent before any byte of the file.
 */
export async function keysetPages<R>(
  readPage: (cursor: string | undefined) => Promise<KeysetPage<R>>,
): Promise<RowPages<R>> {
  const first = await readPage(undefined);
  return (async function* pages() {
    let page = first;
    yield page.items;
    while (page.nextCursor) {
      page = await readPage(page.nextCursor);
      yield page.items;
    }
  })();
}

/** Rows already in hand (a session's roster, its results) as the one page they are. */
export function onePage<R>(rows: readonly R[]): RowPages<R> {
  return (async function* page() {
    yield rows;
  })();
}

/** A list export: what the file is called, its columns in the reader's language, its rows. */
export interface ListExport<R> {
  /** The file's name without its extension, ASCII (it goes into a header). */
  filename: string;
  sheetName: string;
  columns: readonly Column<R>[];
  rows: RowPages<R>;
  /** Arabic readers get the XLSX laid out right to left. */
  rightToLeft: boolean;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The CSV, record by record as its pages are read: the stream pulls the next page when drained. */
export function csvStream<R>(columns: readonly Column<R>[], rows: RowPages<R>): Readable {
  return Readable.from(
    (async function* csv() {
      yield `${CSV_BOM}${csvHeader(columns)}`;
      for await (const page of rows) {
        if (page.length > 0) yield csvRows(columns, page);
      }
    })(),
    { objectMode: false },
  );
}

/** Resolves once `out` wants more, or is gone (the reader went away). */
function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * The XLSX through exceljs's streaming WorkbookWriter: each row is committed (written and let
 * go) as it comes, and the next page is read only once the reader has taken what was written.
 * A failure half-way destroys the stream, so the reader gets a broken download, not a short file.
 */
export function xlsxStream<R>(
  columns: readonly Column<R>[],
  rows: RowPages<R>,
  sheetName: string,
  rightToLeft: boolean,
): Readable {
  const out = new PassThrough();
  (async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
      views: [{ state: 'frozen', ySplit: 1, rightToLeft }],
    });
    sheet.columns = columns.map((c) => ({ width: c.width ?? 16 }));
    const header = sheet.addRow(columns.map((c) => neutraliseFormula(c.header)));
    header.font = { bold: true };
    header.commit();
    if (columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    }
    for await (const page of rows) {
      for (const row of page) {
        sheet.addRow(columns.map((c) => neutraliseFormula(c.value(row)))).commit();
      }
      await drained(out);
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** Sends a list export as an attachment, streamed: CSV or XLSX as asked. */
export function sendExport<R>(
  reply: FastifyReply,
  format: ExportFormat,
  file: ListExport<R>,
): FastifyReply {
  const body =
    format === 'csv'
      ? csvStream(file.columns, file.rows)
      : xlsxStream(file.columns, file.rows, file.sheetName, file.rightToLeft);
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${file.filename}.${format}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}
