import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { QUEUE_SCHEMA } from '../../jobs/queue-schema.js';

const queue = sql.raw(QUEUE_SCHEMA);
/** A job that used its last attempt and is not running: the queue keeps it, never runs it. */
const failed = sql`j.attempts >= j.max_attempts and j.locked_at is null`;

export type FailedJobRow = {
  id: string;
  task: string;
  payload: Record<string, unknown> | null;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
};

export async function selectFailedJobs(db: DbOrTx, limit: number): Promise<FailedJobRow[]> {
  const { rows } = await db.execute<FailedJobRow>(sql`
    select j.id::text, j.task_identifier as task, p.payload, j.attempts, j.max_attempts,
           j.last_error, j.created_at, j.updated_at
      from ${queue}.jobs j
      join ${queue}._private_jobs p on p.id = j.id
     where ${failed}
     order by j.updated_at desc, j.id desc
     limit ${limit}`);
  return rows;
}

export async function countFailedJobs(db: DbOrTx): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${queue}.jobs j where ${failed}`,
  );
  return rows[0]?.n ?? 0;
}

/** Gives a failed job fresh attempts, due now; null when it is not (or no longer) failed. */
export async function rescheduleFailedJob(db: DbOrTx, id: number): Promise<FailedJobRow | null> {
  const { rows } = await db.execute<FailedJobRow>(sql`
    update ${queue}._private_jobs j
       set attempts = 0, run_at = now(), last_error = null, updated_at = now()
      from ${queue}._private_tasks t
     where j.id = ${id} and t.id = j.task_id
       and j.attempts >= j.max_attempts and j.locked_at is null
    returning j.id::text, t.identifier as task, j.payload, j.attempts, j.max_attempts,
              j.last_error, j.created_at, j.updated_at`);
  return rows[0] ?? null;
}
