/** PostgreSQL's SQLSTATE for a unique violation, possibly wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503';
}

/**
 * Data exceptions PostgreSQL raises on a value it will not take: a character it cannot store
 * (22P05, 22021), text that is not of the column's type (22P02, 22007), a date or number out of
 * its range (22008, 22003), text past a column's length (22001). The contract should refuse all
 * of these first; reaching the database with one is the request's fault, not the server's.
 */
const REFUSED_VALUE_STATES = new Set([
  '22P05',
  '22021',
  '22P02',
  '22007',
  '22008',
  '22003',
  '22001',
]);

/** True when PostgreSQL refused a value of the request (see REFUSED_VALUE_STATES). */
export function isRefusedValue(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && REFUSED_VALUE_STATES.has(state);
}

function sqlState(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}

/** A problem with the database the operator can fix; the CLI prints its message as one line. */
export class DatabaseAccessError extends Error {}
