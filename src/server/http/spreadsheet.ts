/** A cell as a list export gives it: text, a number, or nothing. */
export type CellValue = string | number | null;

/** One column of an exported list: its header (already in the reader's language) and its value. */
export interface Column<R> {
  header: string;
  value: (row: R) => CellValue;
  /** Width in characters in the XLSX; the CSV has none. */
  width?: number;
}

export interface XlsxOptions {
  /** Arabic readers get the sheet laid out right to left. */
  rightToLeft?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A spreadsheet program runs a cell that starts with = + - @ (or a tab or carriage return
 * before one) as a formula, so text typed by users could run in the reader's Excel. A leading
 * apostrophe makes it plain text. Numbers are ours, never typed text, and stay numbers.
 */
export function neutraliseFormula(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvField(value: CellValue): string {
  const text = value === null ? '' : String(neutraliseFormula(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The UTF-8 byte order mark: without it Excel reads a CSV as the local code page. */
export const CSV_BOM = '\uFEFF';

/** One CSV record, fields escaped and neutralised, with its CRLF line end. */
export function csvRecord(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The header row of a list's columns, then each row's values, as CSV records. */
export function csvHeader<R>(columns: readonly Column<R>[]): string {
  return csvRecord(columns.map((c) => c.header));
}
export function csvRows<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  return rows.map((row) => csvRecord(columns.map((c) => c.value(row)))).join('');
}

/**
 * RFC 4180 CSV (CRLF line ends, quoted where needed) with a UTF-8 byte order mark: without it
 * Excel reads the file as the local code page and Arabic names come out garbled.
 */
export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  return `${CSV_BOM}${csvHeader(columns)}${csvRows(columns, rows)}`;
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').trim();
  return (cleaned || 'Sheet').slice(0, 31);
}

/** One sheet with a bold, frozen, filterable header row; cells are escaped as in the CSV. */
export async function toXlsx<R>(
  columns: readonly Column<R>[],
  rows: readonly R[],
  sheetName: string,
  options: XlsxOptions = {},
): Promise<Buffer> {
  // Loaded on the first spreadsheet: half a second and a good share of memory at every start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: options.rightToLeft ?? false }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width ?? 16 }));
  const header = sheet.addRow(columns.map((c) => neutraliseFormula(c.header)));
  header.font = { bold: true };
  for (const row of rows) {
    sheet.addRow(columns.map((c) => neutraliseFormula(c.value(row))));
  }
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
