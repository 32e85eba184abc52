import type { z } from 'zod';
import type { ImportRowError } from '../../../../contract/index.js';
import { asciiDigits, readDate } from '../cells.js';
import type { CellReader } from './kind.js';

// Pure helpers the kinds share to read cells and word a schema's complaints by column.

/** A row's errors collected by column, with the row number filled in. */
export function rowErrors(row: number) {
  const errors: ImportRowError[] = [];
  const fail = (column: string | null, code: string, params: ImportRowError['params'] = {}) =>
    errors.push({ row, column, code, params });
  return { errors, fail };
}

/**
 * A schema's issues as row errors: the field's first path segment names the column; an empty
 * cell reads "required" whatever the schema said.
 */
export function schemaErrors(
  issues: readonly z.core.$ZodIssue[],
  fieldColumn: Record<string, string>,
  cell: CellReader,
  fail: ReturnType<typeof rowErrors>['fail'],
): void {
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    const column = fieldColumn[field] ?? null;
    const custom = (issue as { params?: { code?: string } }).params?.code;
    const blank = column !== null && cell(column) === '' && issue.code !== 'custom';
    const params: ImportRowError['params'] = {};
    if ('maximum' in issue && typeof issue.maximum === 'number') params.maximum = issue.maximum;
    if (column) params.value = cell(column).slice(0, 80);
    fail(column, blank ? 'required' : (custom ?? issue.code), params);
  }
}

/** A whole number as typed (Arabic-Indic digits too); the text itself when it is not one. */
export function readInteger(value: string): number | string | undefined {
  const v = asciiDigits(value.trim());
  if (v === '') return undefined;
  return /^-?\d{1,9}$/.test(v) ? Number(v) : v;
}

/** "Mobile training team" and "mobile-training-team" read alike for enum values. */
export function readEnum(value: string): string | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return v === '' ? undefined : v;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'o', 'vrai', 'نعم']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'faux', 'لا', '']);

/** Yes/no in three languages; null when it is neither. */
export function readYesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** A date cell read as the people import reads dates, or its error on the column. */
export function dateCell(
  cell: CellReader,
  column: string,
  fail: ReturnType<typeof rowErrors>['fail'],
): string | undefined {
  const value = cell(column);
  if (!value) return undefined;
  const read = readDate(value);
  if (read.ok) return read.value;
  fail(column, read.code, { value });
  return undefined;
}
