import {
  type ColumnMapping,
  IMPORT_COLUMNS,
  IMPORT_HEADERS,
  IMPORT_KINDS,
  type ImportKind,
  REQUIRED_IMPORT_COLUMNS,
} from '../../../contract/imports.js';
import { normaliseArabic } from '../participants/names.js';

// Pure helpers: headers matched to columns, cells read as dates. Unit-tested on their own.

/** "Date de naissance", "date-de naissance " and "DATE DE NAISSANCE" compare equal. */
function headerKey(header: string): string {
  return normaliseArabic(
    header
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

const KNOWN_HEADERS = Object.fromEntries(
  IMPORT_KINDS.map((kind) => [
    kind,
    new Map<string, string>(
      IMPORT_COLUMNS[kind].flatMap((column) => [
        [headerKey(column), column] as const,
        ...Object.values(IMPORT_HEADERS[kind][column] ?? {}).map(
          (h) => [headerKey(h), column] as const,
        ),
      ]),
    ),
  ]),
) as Record<ImportKind, Map<string, string>>;

/**
 * Each of a kind's columns whose header a file's header names in English, French or Arabic (or
 * its key).
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const column = KNOWN_HEADERS[kind].get(headerKey(header));
    if (column && mapping[column] === undefined) mapping[column] = index;
  });
  return mapping;
}

/** The required columns of a kind a mapping leaves out. */
export function missingColumns(kind: ImportKind, mapping: ColumnMapping): string[] {
  return REQUIRED_IMPORT_COLUMNS[kind].filter(
    (c) => mapping[c] === undefined || mapping[c] === null,
  );
}

/** The keys of a mapping that are no column of the kind. */
export function unknownColumns(kind: ImportKind, mapping: ColumnMapping): string[] {
  return Object.keys(mapping).filter((c) => !IMPORT_COLUMNS[kind].includes(c));
}

/** Arabic-Indic and Persian digits as ASCII ones. */
export function asciiDigits(value: string): string {
  return value
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

export type DateReading =
  | { ok: true; value: string }
  | { ok: false; code: 'ambiguous_date' | 'hijri_date' | 'invalid_date' };

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(year: number, month: number, day: number): DateReading {
  if (year >= 1300 && year < 1600) return { ok: false, code: 'hijri_date' };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { ok: false, code: 'invalid_date' };
  }
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * A date as people type it in the region: ISO (1985-04-12), or day-month-year (12/04/1985,
 * 12.4.1985, 12-04-1985) when the day cannot be read as the month (over 12, or both equal).
 * 04/05/1985 could be either and is refused; so is a year of the Hijri calendar (1300-1599).
 */
export function readDate(raw: string): DateReading {
  const value = asciiDigits(raw.trim());
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(value);
  if (ymd) return realDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!dmy) return { ok: false, code: 'invalid_date' };
  const first = Number(dmy[1]);
  const second = Number(dmy[2]);
  const year = Number(dmy[3]);
  if (year >= 1300 && year < 1600) return { ok: false, code: 'hijri_date' };
  if (first <= 12 && second <= 12 && first !== second) return { ok: false, code: 'ambiguous_date' };
  if (second > 12) return { ok: false, code: first <= 12 ? 'ambiguous_date' : 'invalid_date' };
  return realDate(year, second, first);
}
