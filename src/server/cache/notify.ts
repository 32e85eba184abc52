import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';

/**
 * Tells every app server that data behind its cached results changed. Run inside the writing
 * transaction: PostgreSQL delivers the notification on commit, and never for a rollback.
 * Several in one transaction are folded into one.
 */
export async function notifyChange(tx: DbOrTx, channel: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${channel}, '')`);
}
