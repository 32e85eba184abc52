import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';

/**
 * Claims an effect for the caller's transaction: true the first time a key is claimed, false
 * after that. A job that writes notices or e-mails claims its own id in the transaction that
 * writes them, so a retry after a crash (its work committed, its completion not) writes nothing
 * twice.
 */
export async function claimEffect(tx: Tx, key: string): Promise<boolean> {
  const { rows } = await tx.execute(
    sql`insert into job_effects (key) values (${key}) on conflict do nothing returning key`,
  );
  return rows.length === 1;
}

/** Keys of effects older than a month: no retry comes that late (the queue gives up sooner). */
export async function forgetOldEffects(db: Database): Promise<void> {
  await db.execute(sql`delete from job_effects where done_at < now() - interval '31 days'`);
}
