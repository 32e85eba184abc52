import { EventEmitter } from 'node:events';
import {
  Logger,
  type LogLevel,
  parseCronItems,
  type Runner,
  run,
  type WorkerEvents,
} from 'graphile-worker';
import type { Database } from '../db/client.js';
import type { AuditSigningKey } from '../features/audit/chain/signing-key.js';
import { createMailer } from '../features/messages/mailer.js';
import {
  DEFAULT_LIVENESS,
  heartbeat,
  type LivenessOptions,
  releaseDeadPools,
  signOff,
} from './liveness.js';
import { QUEUE_SCHEMA, queuePool } from './queue-schema.js';
import {
  describeJobError,
  type JobContext,
  type JobLogger,
  LoggedJobError,
  queueTaskList,
  schedule,
} from './tasks.js';

export interface JobWorkerOptions {
  /** The app's database; the queue's own pool connects to `url` as the same role. */
  db: Database;
  url: string;
  logger: JobLogger;
  /** e.g. smtp://mail.example:25; without it e-mail jobs wait in the queue, unsent. */
  smtpUrl: string | null | undefined;
  mailFrom: string;
  /** Jobs run at once in this process. */
  concurrency?: number;
  /** Run the recurring jobs (quota release, surveys, roll-ups) from this process. */
  cron?: boolean;
  liveness?: LivenessOptions;
  /** How often to look for due jobs when no notification came (scheduled retries, cron). */
  pollMs?: number;
  /** Signs the audit chain's checkpoints; without it none are signed. */
  auditKey?: AuditSigningKey | null;
}

export interface JobWorker {
  /** The pool id the queue writes as `locked_by`. */
  readonly poolId: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs the job queue in this process: a graphile-worker pool on its own connections (it
 * listens for new jobs, so a job starts within milliseconds of its commit), the recurring jobs,
 * and a heartbeat that releases the jobs of pools that died (see liveness.ts).
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const concurrency = options.concurrency ?? 4;
  const liveness = options.liveness ?? DEFAULT_LIVENESS;
  const mailer = options.smtpUrl ? createMailer(options.smtpUrl, options.mailFrom) : null;
  if (!mailer) options.logger.info({}, 'SMTP_URL is not set: e-mails wait in the outbox, unsent');
  const context: JobContext = {
    db: options.db,
    logger: options.logger,
    mailer,
    auditKey: options.auditKey ?? null,
  };
  const pgPool = queuePool({ connectionString: options.url, max: concurrency + 2 });

  // Subscribed before the pool exists, so its creation (and id) cannot be missed.
  const events = new EventEmitter() as WorkerEvents;
  const poolId = new Promise<string>((resolve) => {
    events.once('pool:create', ({ workerPool }) => resolve(workerPool.id));
  });
  let runner: Runner;
  try {
    runner = await run({
      pgPool,
      schema: QUEUE_SCHEMA,
      concurrency,
      noHandleSignals: true,
      pollInterval: options.pollMs ?? 2_000,
      taskList: queueTaskList(context),
      parsedCronItems: options.cron === false ? [] : cronItems(),
      logger: queueLogger(options.logger),
      events,
    });
  } catch (error) {
    mailer?.close();
    await pgPool.end();
    throw error;
  }
  const id = await Promise.race([poolId, runner.promise.then(() => '')]);

  let stopped = false;
  let beat: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await heartbeat(options.db, id);
      const released = await releaseDeadPools(options.db, liveness.deadAfterMs);
      if (released.length > 0)
        options.logger.warn({ pools: released }, 'jobs of stopped workers returned to the queue');
    } catch (error) {
      options.logger.warn({ err: (error as Error).message }, 'job worker heartbeat failed');
    } finally {
      if (!stopped) beat = setTimeout(tick, liveness.heartbeatMs);
    }
  };
  await tick();
  options.logger.info({ concurrency, cron: options.cron !== false }, 'job queue worker started');

  return {
    poolId,
    stop: async () => {
      stopped = true;
      if (beat) clearTimeout(beat);
      await runner.stop();
      await signOff(options.db, id).catch(() => {});
      mailer?.close();
      await pgPool.end();
    },
  };
}

function cronItems() {
  return parseCronItems(
    schedule.map(({ task, match }) => ({
      task,
      match,
      identifier: task,
      // A missed tick is not replayed: each job looks at the whole of what is due.
      options: { backfillPeriod: 0, maxAttempts: 3, jobKey: `cron:${task}`, jobKeyMode: 'replace' },
    })),
  );
}

/** The queue's own log lines as Rabita's; exported for its test. */
export function queueLogger(logger: JobLogger): Logger {
  return new Logger((scope) => (level: LogLevel, message: string, meta?: unknown) => {
    const { job, error } = (meta ?? {}) as {
      job?: { id?: string; task_identifier?: string; attempts?: number; max_attempts?: number };
      error?: unknown;
    };
    // A failed attempt is logged by its task (tasks.ts), once and without the stack this line
    // carries; only a failure outside the task's own code is logged here.
    if (error instanceof LoggedJobError) return;
    if (job) {
      const line = {
        task: job.task_identifier,
        jobId: job.id,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        err: describeJobError(error ?? message),
      };
      if (level === 'error') logger.error(line, 'job failed');
      else if (level === 'warning') logger.warn(line, 'job warning');
      return;
    }
    if (level === 'error') logger.error({ ...scope }, message);
    else if (level === 'warning') logger.warn({ ...scope }, message);
    // Its info lines (one per job done) would drown the log; Rabita logs what matters itself.
  });
}
