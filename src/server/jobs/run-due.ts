import { Logger, runOnce } from 'graphile-worker';
import type { Database } from '../db/client.js';
import type { AuditSigningKey } from '../features/audit/chain/signing-key.js';
import type { Mailer } from '../features/messages/mailer.js';
import { QUEUE_SCHEMA, queuePool } from './queue-schema.js';
import type { TaskName } from './task-names.js';
import { type JobContext, type JobLogger, queueTaskList } from './tasks.js';

const silent: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Runs every job that is due now, one after the other, and returns when none is left (jobs
 * scheduled for later stay). For tests and one-off maintenance; servers run `startJobWorker`.
 * `only` limits it to some tasks; the others stay queued.
 */
export async function runDueJobs(options: {
  db: Database;
  url: string;
  mailer?: Mailer | null;
  logger?: JobLogger;
  only?: TaskName[];
  auditKey?: AuditSigningKey | null;
}): Promise<void> {
  const context: JobContext = {
    db: options.db,
    logger: options.logger ?? silent,
    mailer: options.mailer ?? null,
    auditKey: options.auditKey ?? null,
  };
  const taskList = queueTaskList(context, options.only);
  if (Object.keys(taskList).length === 0) return;
  const pgPool = queuePool({ connectionString: options.url, max: 2 });
  try {
    await runOnce({
      pgPool,
      schema: QUEUE_SCHEMA,
      taskList,
      noHandleSignals: true,
      logger: new Logger(() => () => {}),
    });
  } finally {
    await pgPool.end();
  }
}
