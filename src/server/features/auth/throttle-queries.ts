import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { signInAttempts } from '../../db/schema/index.js';

export type SignInAttemptRow = typeof signInAttempts.$inferSelect;

/**
 * The rows of these keys, created when missing and locked until the transaction ends. Keys are
 * taken in one order by every caller, so two sign-ins sharing an address cannot deadlock.
 */
export async function lockAttemptRows(
  tx: DbOrTx,
  keys: string[],
  now: Date,
): Promise<SignInAttemptRow[]> {
  const sorted = [...keys].sort();
  await tx
    .insert(signInAttempts)
    .values(sorted.map((key) => ({ key, failures: 0, lastFailureAt: now })))
    .onConflictDoNothing();
  return tx
    .select()
    .from(signInAttempts)
    .where(inArray(signInAttempts.key, sorted))
    .orderBy(signInAttempts.key)
    .for('update');
}

export async function saveAttemptRow(tx: DbOrTx, row: SignInAttemptRow): Promise<void> {
  await tx
    .update(signInAttempts)
    .set({ failures: row.failures, lastFailureAt: row.lastFailureAt })
    .where(eq(signInAttempts.key, row.key));
}

/** A successful sign-in: the account's failures are forgotten, the address gets its attempt back. */
export async function clearAttempts(tx: DbOrTx, accountKey: string, addressKey: string) {
  await tx.delete(signInAttempts).where(eq(signInAttempts.key, accountKey));
  await tx
    .update(signInAttempts)
    .set({ failures: sql`greatest(${signInAttempts.failures} - 1, 0)` })
    .where(eq(signInAttempts.key, addressKey));
  await tx
    .delete(signInAttempts)
    .where(and(eq(signInAttempts.key, addressKey), eq(signInAttempts.failures, 0)));
}

/** Forgets keys quiet for long enough that nothing they hold still counts. */
export async function deleteStaleAttempts(tx: DbOrTx, before: Date): Promise<void> {
  await tx.delete(signInAttempts).where(lt(signInAttempts.lastFailureAt, before));
}
