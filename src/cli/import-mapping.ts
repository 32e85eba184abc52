import { type ColumnMapping, IMPORT_COLUMNS, type ImportKind } from '../contract/imports.js';
import { UsageError } from './command.js';

/** One `--map "Header=field"`: a header of the file read as one of the kind's columns. */
export interface HeaderMapping {
  header: string;
  field: string;
}

/**
 * The `--map` options read and their fields checked against the kind's columns, before the file
 * is read: a misspelt field is a wrong argument (exit 2) whose message lists the valid ones.
 */
export function readMapOptions(kind: ImportKind, options: readonly string[]): HeaderMapping[] {
  const columns = IMPORT_COLUMNS[kind];
  return options.map((option) => {
    // The last "=" splits: a header may hold one ("Rank = grade"), a field never does.
    const at = option.lastIndexOf('=');
    const header = at > 0 ? option.slice(0, at).trim() : '';
    const field = at > 0 ? option.slice(at + 1).trim() : '';
    if (!header || !field) {
      throw new UsageError(
        `--map takes "Header=field", e.g. --map "E-mail=email"; got "${option}"`,
      );
    }
    if (!columns.includes(field)) {
      throw new UsageError(
        `--map "${option}": ${kind} have no field "${field}"; the fields are: ${columns.join(', ')}`,
      );
    }
    return { header, field };
  });
}

const sameHeader = (a: string, b: string) =>
  a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

/**
 * The mapping the dry run uses: the one the file's headers suggest (as the web page starts
 * from), with each `--map` pointing its field at its header, as a choice on that page does.
 */
export function applyMapOptions(
  suggested: ColumnMapping,
  headers: readonly string[],
  maps: readonly HeaderMapping[],
): ColumnMapping {
  const mapping: ColumnMapping = { ...suggested };
  for (const { header, field } of maps) {
    const index = headers.findIndex((h) => sameHeader(h, header));
    if (index < 0) {
      throw new UsageError(
        `--map "${header}=${field}": the file has no column "${header}"; its headers are: ${headers.map((h) => `"${h}"`).join(', ')}`,
      );
    }
    mapping[field] = index;
  }
  return mapping;
}
