import { invalid } from './errors.js';

/** Keyset cursors are the last row's sort key, opaque to clients (base64url JSON). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): string[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length) return key.map(String);
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', 'is not a cursor this list gave out', 'invalid_cursor');
}
