import type { FailedJob, FailedJobList } from '../../../contract/jobs.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import * as q from './queries.js';

/** The most failed jobs one page shows; the total says when there are more. */
const LIST_LIMIT = 200;

function present(row: q.FailedJobRow): FailedJob {
  return {
    id: Number(row.id),
    task: row.task,
    payload: row.payload ?? {},
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    failedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Jobs that used all their attempts, newest failure first. */
export async function listFailedJobs(ctx: ServiceContext): Promise<FailedJobList> {
  const [rows, total] = await Promise.all([
    q.selectFailedJobs(ctx.tx, LIST_LIMIT),
    q.countFailedJobs(ctx.tx),
  ]);
  return { items: rows.map(present), total };
}

/**
 * Runs a failed job again now, with all its attempts back. Jobs do their effect once, so a job
 * that had half-succeeded before failing finishes without repeating what it did.
 */
export async function retryFailedJob(ctx: ServiceContext, id: number): Promise<FailedJob> {
  const row = await q.rescheduleFailedJob(ctx.tx, id);
  if (!row) throw notFound('The failed job');
  await recordAudit(ctx, {
    action: 'job.retried',
    entityType: 'job',
    entityId: row.id,
    after: { task: row.task },
  });
  return present(row);
}
