import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../../contract/imports.js';
import { AppError } from '../../http/errors.js';
import { readXlsxCells } from './xlsx.js';

/** A file read into text cells: its header row, then its data rows. */
export interface ParsedFile {
  format: 'csv' | 'xlsx';
  /** The CSV's encoding as detected; null for XLSX. */
  encoding: string | null;
  /** The CSV's separator; null for XLSX. */
  separator: string | null;
  headers: string[];
  /** Data rows, each as many cells as it has; a row's spreadsheet number is its index + 2. */
  rows: string[][];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Refuses a file by size, with the limit in the answer, before a byte of it is read. */
export function checkFileSize(bytes: number): void {
  if (bytes > IMPORT_MAX_BYTES) throw fileTooLarge(bytes);
}

/** The file is over the limit: how large it is (when known) and the limit, in the answer. */
export function fileTooLarge(bytes: number): AppError {
  const known = Number.isFinite(bytes);
  const size = known ? `The file has ${bytes} bytes` : 'The file is too large';
  return new AppError(
    413,
    'import_file_too_large',
    `${size}; an import takes at most ${IMPORT_MAX_BYTES} (20 MB). Split it into several files.`,
    undefined,
    undefined,
    { limit: IMPORT_MAX_BYTES, size: known ? bytes : null },
  );
}

const unreadable = (detail: string) =>
  new AppError(422, 'import_unreadable', detail, undefined, undefined, {});

/**
 * The text of a CSV in whichever encoding a spreadsheet program of the region saved it: a byte
 * order mark decides first (UTF-8, or UTF-16 as Excel's "Unicode text"); then valid UTF-8 is
 * UTF-8; otherwise Windows-1256 when the high bytes look like Arabic letters, else Windows-1252.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a single-byte code page.
  }
  return looksArabic(bytes)
    ? { text: iconv.decode(bytes, 'windows-1256'), encoding: 'windows-1256' }
    : { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
}

/**
 * In Windows-1256 the Arabic letters fill 0xC1-0xFE (with a few Latin ones between); in
 * Windows-1252 the same bytes are accented Latin letters, which French text uses sparingly.
 * Arabic text has runs of them; Latin text has single ones between ASCII letters.
 */
function looksArabic(bytes: Buffer): boolean {
  let runs = 0;
  let singles = 0;
  let run = 0;
  for (const byte of bytes) {
    if (byte >= 0xc1) {
      run += 1;
      continue;
    }
    if (run >= 3) runs += 1;
    else if (run > 0) singles += 1;
    run = 0;
  }
  if (run >= 3) runs += 1;
  return runs > singles;
}

const SEPARATORS = [',', ';', '\t', '|'] as const;

/** The separator that splits the first lines into the same, largest number of fields. */
function guessSeparator(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: string = ',';
  let bestScore = 0;
  for (const separator of SEPARATORS) {
    const counts = lines.map((line) => fieldsOutsideQuotes(line, separator));
    const first = counts[0] ?? 0;
    const steady = counts.filter((c) => c === first).length;
    const score = first > 0 ? steady * 1000 + first : 0;
    if (score > bestScore) {
      bestScore = score;
      best = separator;
    }
  }
  return best;
}

function fieldsOutsideQuotes(line: string, separator: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) count += 1;
  }
  return count;
}

/** A file's text cells: a CSV of any common separator and encoding, or the first XLSX sheet. */
export async function parseFile(bytes: Buffer, fileName: string): Promise<ParsedFile> {
  checkFileSize(bytes.length);
  if (bytes.length === 0) throw emptyFile();
  const isZip = bytes.subarray(0, 4).equals(ZIP_MAGIC);
  const namedXlsx = /\.xlsx$/i.test(fileName);
  if (namedXlsx && !isZip) {
    throw unreadable(`${fileName} is not an Excel workbook (.xlsx), though its name says so.`);
  }
  const parsed = isZip ? await readXlsx(bytes, fileName) : readCsv(bytes, fileName);
  const [headers, ...rows] = parsed.cells;
  const dataRows = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (!headers || headers.every((h) => h.trim() === '') || dataRows.length === 0) {
    throw emptyFile();
  }
  if (dataRows.length > IMPORT_MAX_ROWS) {
    throw new AppError(
      422,
      'import_too_many_rows',
      `The file has ${dataRows.length} rows; an import takes at most ${IMPORT_MAX_ROWS}. Split it into several files.`,
      undefined,
      undefined,
      { limit: IMPORT_MAX_ROWS, rows: dataRows.length },
    );
  }
  // Blank rows are kept in place (as empty rows) so that row numbers match the spreadsheet's.
  let last = rows.length;
  while (last > 0 && rows[last - 1]?.every((cell) => cell.trim() === '')) last -= 1;
  return {
    format: parsed.format,
    encoding: parsed.encoding,
    separator: parsed.separator,
    headers: headers.map((h) => h.trim()),
    rows: rows.slice(0, last),
  };
}

const emptyFile = () =>
  new AppError(
    422,
    'import_empty',
    'The file has no header row or no data rows. Start from the template.',
    undefined,
    undefined,
    {},
  );

interface RawCells {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  separator: string | null;
  cells: string[][];
}

function readCsv(bytes: Buffer, fileName: string): RawCells {
  // A binary file (a PDF, an image, an old .xls) holds NUL bytes that no text file saved as
  // UTF-8 or a code page does; UTF-16 has them too, but was recognised by its byte order mark.
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) {
    throw unreadable(`${fileName} is neither a CSV text file nor an Excel workbook (.xlsx).`);
  }
  const { text, encoding } = decodeText(bytes);
  const separator = guessSeparator(text);
  let cells: string[][];
  try {
    cells = parseCsv(text, {
      delimiter: separator,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (error) {
    throw unreadable(
      `${fileName} could not be read as CSV: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
  }
  return { format: 'csv', encoding, separator, cells };
}

async function readXlsx(bytes: Buffer, fileName: string): Promise<RawCells> {
  let cells: string[][];
  try {
    cells = await readXlsxCells(bytes);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(`${fileName} is not an Excel workbook (.xlsx) that can be read.`);
  }
  return { format: 'xlsx', encoding: null, separator: null, cells };
}
