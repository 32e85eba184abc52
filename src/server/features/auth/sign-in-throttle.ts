import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  type ThrottlePolicy,
  waitBeforeAttempt,
  withFailure,
} from '../../../domain/sign-in-throttle.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import {
  clearAttempts,
  deleteStaleAttempts,
  lockAttemptRows,
  saveAttemptRow,
} from './throttle-queries.js';

/** The two policies sign-in applies; tests may pass their own. */
export interface SignInThrottle {
  account: ThrottlePolicy;
  address: ThrottlePolicy;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottle = {
  account: ACCOUNT_THROTTLE,
  address: ADDRESS_THROTTLE,
};

/** The keys one attempt counts against: the account as typed, and the client's address. */
export interface AttemptKeys {
  account: string;
  address: string;
}

export function attemptKeys(email: string, address: string): AttemptKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

// Rows quiet this long are deleted when the next failure is recorded.
const STALE_AFTER_MS = 86_400_000;

/**
 * Reserves one sign-in attempt against the account and the address, or refuses it with 429
 * `sign_in_delayed` and a Retry-After while either must still wait. The attempt counts as a
 * failure from the start, under a row lock, so that a hundred parallel guesses are counted one
 * after the other; a correct password gives it back (`releaseAttempt`). Nothing is checked while
 * delayed, so a correct password too must wait.
 */
export async function reserveAttempt(
  db: Database,
  keys: AttemptKeys,
  throttle: SignInThrottle,
  now: Date,
): Promise<void> {
  const policyOf = (key: string) => (key === keys.account ? throttle.account : throttle.address);
  await db.transaction(async (tx) => {
    const rows = await lockAttemptRows(tx, [keys.account, keys.address], now);
    const wait = Math.max(0, ...rows.map((row) => waitBeforeAttempt(row, now, policyOf(row.key))));
    if (wait > 0) throw delayed(wait);
    for (const row of rows) {
      await saveAttemptRow(tx, { key: row.key, ...withFailure(row, now, policyOf(row.key)) });
    }
  });
}

/** The attempt proved right: the account starts afresh, the address gets its attempt back. */
export async function releaseAttempt(tx: DbOrTx, keys: AttemptKeys): Promise<void> {
  await clearAttempts(tx, keys.account, keys.address);
}

/** Drops keys nobody has failed on for a day; run with each recorded failure. */
export async function forgetStaleAttempts(tx: DbOrTx, now: Date): Promise<void> {
  await deleteStaleAttempts(tx, new Date(now.getTime() - STALE_AFTER_MS));
}

function delayed(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1_000);
  return new AppError(
    429,
    'sign_in_delayed',
    `Too many failed sign-ins for this account or from this address; try again in ${seconds} s.`,
    undefined,
    { 'retry-after': String(seconds) },
    { retryAfter: seconds },
  );
}
