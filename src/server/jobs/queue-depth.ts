import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { QUEUE_SCHEMA } from './queue-schema.js';

const queue = sql.raw(QUEUE_SCHEMA);

export interface QueueDepth {
  /** Jobs due now that no worker holds and that have attempts left. */
  runnable: number;
  /** Seconds the longest-waiting of them has been due; 0 when none is. */
  oldestAgeSeconds: number;
}

/**
 * How far the workers are behind, read the way the queue picks its next job (`is_available`
 * and due), so the count walks the queue's own partial index and stays cheap at any depth.
 */
export async function readQueueDepth(db: DbOrTx): Promise<QueueDepth> {
  const { rows } = await db.execute<{ runnable: number; oldest: number | null }>(sql`
    select count(*)::int as runnable,
           extract(epoch from now() - min(run_at))::float8 as oldest
      from ${queue}._private_jobs
     where is_available and run_at <= now()`);
  const row = rows[0];
  return { runnable: row?.runnable ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest ?? 0) };
}
