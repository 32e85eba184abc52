import { IsoDate, Uuid } from '../../contract/common.js';
import { hasUnstorableCharacter } from '../../contract/text.js';
import { invalid } from './errors.js';

/**
 * What each position of a list's sort key holds. A cursor comes back from the client, so each
 * part is checked before it reaches SQL: a forged one is a 400, never a database error.
 */
export type CursorPart = 'text' | 'uuid' | 'date' | 'integer' | 'number';

const NUMBER = /^-?\d{1,20}(\.\d{1,20})?(e[-+]?\d{1,3})?$/i;

const ACCEPTS: Record<CursorPart, (value: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 300 && !hasUnstorableCharacter(v),
  uuid: (v) => Uuid.safeParse(v).success,
  date: (v) => IsoDate.safeParse(v).success,
  // Ids of bigserial columns; 15 digits stay exact as a JavaScript number.
  integer: (v) => (typeof v === 'string' || typeof v === 'number') && /^\d{1,15}$/.test(String(v)),
  number: (v) =>
    (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUMBER.test(v)),
};

/** Keyset cursors are the last row's sort key, opaque to clients (base64url JSON). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key a cursor carries, each part checked against `parts`; null without a cursor. */
export function decodeCursor(
  cursor: string | undefined,
  parts: readonly CursorPart[],
): string[] | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (
    Array.isArray(key) &&
    key.length === parts.length &&
    parts.every((part, i) => ACCEPTS[part](key[i]))
  ) {
    return key.map(String);
  }
  throw invalid('cursor', 'is not a cursor this list gave out', 'invalid_cursor');
}
