import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import type { TaskName, TaskPayloads } from './task-names.js';

export interface EnqueueOptions {
  /**
   * One job per key: enqueuing again with the same key replaces the waiting job instead of
   * adding a second one, so a change made twice (or retried) has its effect once.
   */
  jobKey?: string;
  /** Not before this time; now when absent. */
  runAt?: Date;
  /** Attempts before the job is kept as failed for an administrator; the queue's default is 25. */
  maxAttempts?: number;
  /** Jobs of one named queue run one at a time, in order. */
  queueName?: string;
}

/**
 * Adds a job in the caller's transaction: a rollback takes the job with it and a commit never
 * loses it, because the queue is a table of the same database (graphile-worker's `add_job`).
 */
export async function enqueueJob<T extends TaskName>(
  db: DbOrTx,
  task: T,
  payload: TaskPayloads[T],
  options: EnqueueOptions = {},
): Promise<void> {
  await db.execute(sql`select graphile_worker.add_job(
    identifier => ${task}::text,
    payload => ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`);
}
