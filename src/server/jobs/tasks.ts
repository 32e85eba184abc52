import type { Task, TaskList } from 'graphile-worker';
import type { Database } from '../db/client.js';
import { runAuditCheckpoint, runAuditVerification } from '../features/audit/chain/jobs.js';
import type { AuditSigningKey } from '../features/audit/chain/signing-key.js';
import { deleteExpiredSessions } from '../features/auth/queries.js';
import { runCheck, runCommit } from '../features/imports/service.js';
import { deliverOutboxMessage } from '../features/messages/delivery-job.js';
import type { Mailer } from '../features/messages/mailer.js';
import { runAnnouncement } from '../features/nominations/announce-job.js';
import {
  forgetOldIdempotencyKeys,
  releaseDueQuotas,
} from '../features/nominations/quota-release.js';
import { refreshRollupsIfDue } from '../features/reports/refresh-job.js';
import { sendReportsToNations } from '../features/results/nation-report.js';
import { sendAnnouncementDigest } from '../features/sessions/changes/announcements.js';
import { notifySessionChange } from '../features/sessions/changes/notify.js';
import { sendDueSurveys } from '../features/surveys/due-surveys.js';
import { deliverWebhook } from '../features/webhooks/deliver.js';
import { forgetOldEffects } from './effects.js';
import type { TaskName, TaskPayloads } from './task-names.js';

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What every job may use: the app's database (least-privilege role), the log, the mail server. */
export interface JobContext {
  db: Database;
  logger: JobLogger;
  /** Null when no SMTP server is configured; the worker then leaves e-mail jobs waiting. */
  mailer: Mailer | null;
  /** The key that signs the audit chain's checkpoints; null: none are signed. */
  auditKey?: AuditSigningKey | null;
}

/** The job being run: its id is unique for ever, a key for effects written once. */
export interface JobInfo {
  id: string;
  attempts: number;
}

export type TaskHandler<T extends TaskName> = (
  payload: TaskPayloads[T],
  ctx: JobContext,
  job: JobInfo,
) => Promise<void>;

export type TaskHandlers = { [T in TaskName]: TaskHandler<T> };

/** The handler of every task. A handler throws to be retried later with the queue's backoff. */
export const taskHandlers: TaskHandlers = {
  'mail.send': async ({ outboxId }, { db, mailer, logger }) => {
    if (!mailer) throw new Error('no SMTP server is configured');
    const result = await deliverOutboxMessage(db, mailer, outboxId);
    // Ids and the server's answer, never the message's body or links.
    if (result.outcome === 'retry' || result.outcome === 'failed')
      logger.warn(
        { outboxId, attempts: result.attempts, err: result.error },
        result.outcome === 'failed' ? 'e-mail failed for good' : 'e-mail not sent; will retry',
      );
  },
  'nominations.announce': async (payload, { db }, job) => {
    await runAnnouncement(db, job.id, payload);
  },
  'session.changed': async ({ changeId }, { db }) => {
    await notifySessionChange(db, changeId);
  },
  'session.announcement-digest': async ({ day }, { db, logger }) => {
    const sent = await sendAnnouncementDigest(db, day);
    if (sent > 0) logger.info({ day, sent }, 'announcement digests queued');
  },
  'nominations.release-quotas': async (_payload, { db, logger }) => {
    for (const release of await releaseDueQuotas(db))
      logger.info(release, 'unused quota released to the pool');
  },
  'nominations.forget-idempotency-keys': async (_payload, { db }) => {
    await forgetOldIdempotencyKeys(db);
  },
  'surveys.send-due': async (_payload, { db, logger }) => {
    for (const sent of await sendDueSurveys(db)) logger.info(sent, 'survey invitations sent');
  },
  'auth.forget-expired-sessions': async (_payload, { db }) => {
    await deleteExpiredSessions(db, new Date());
  },
  'jobs.forget-effects': async (_payload, { db }) => {
    await forgetOldEffects(db);
  },
  'reports.refresh-rollups': async (_payload, { db, logger }) => {
    const tookMs = await refreshRollupsIfDue(db);
    if (tookMs !== null) logger.info({ tookMs }, 'report roll-ups refreshed');
  },
  'results.report-to-nations': async (payload, { db, logger }, job) => {
    const sent = await sendReportsToNations(db, job.id, payload);
    if (sent > 0) logger.info({ sessionId: payload.sessionId, sent }, 'reports to nations queued');
  },
  'audit.checkpoint': async (_payload, ctx) => {
    await runAuditCheckpoint(ctx.db, ctx.auditKey ?? null, ctx.logger);
  },
  'audit.verify': async ({ requestedBy }, ctx) => {
    await runAuditVerification(ctx.db, ctx.auditKey ?? null, ctx.logger, requestedBy ?? null);
  },
  'webhooks.deliver': async ({ deliveryId }, { db, logger }) => {
    const result = await deliverWebhook(db, deliveryId);
    // Ids and the receiver's answer, never the body.
    if (result.outcome === 'retry' || result.outcome === 'failed')
      logger.warn(
        { deliveryId, attempts: result.attempts, err: result.error },
        result.outcome === 'failed'
          ? 'webhook delivery failed for good'
          : 'webhook not delivered; will retry',
      );
  },
  'imports.check': async ({ importId }, { db }) => {
    await runCheck(db, importId);
  },
  'imports.commit': async ({ importId }, { db, logger }) => {
    const done = await runCommit(db, importId);
    if (done)
      logger.info({ importId, status: done.status, counts: done.counts }, 'import committed');
  },
};

/** Recurring jobs, in cron syntax (the venue's day is worked out inside each job). */
export const schedule: { task: TaskName; match: string }[] = [
  { task: 'nominations.release-quotas', match: '*/10 * * * *' },
  { task: 'nominations.forget-idempotency-keys', match: '17 * * * *' },
  { task: 'surveys.send-due', match: '*/10 * * * *' },
  { task: 'reports.refresh-rollups', match: '* * * * *' },
  { task: 'jobs.forget-effects', match: '41 3 * * *' },
  { task: 'auth.forget-expired-sessions', match: '23 * * * *' },
  { task: 'audit.checkpoint', match: '*/10 * * * *' },
  { task: 'audit.verify', match: '47 2 * * *' },
];

/**
 * The queue's task list for these tasks, each handler given the context and its job's id.
 * Without a mail server `mail.send` is left out, so e-mail jobs wait for a worker that has one.
 */
export function queueTaskList(context: JobContext, names?: readonly TaskName[]): TaskList {
  const list: TaskList = {};
  for (const name of names ?? (Object.keys(taskHandlers) as TaskName[])) {
    if (name === 'mail.send' && !context.mailer) continue;
    const handler = taskHandlers[name] as (
      payload: unknown,
      ctx: JobContext,
      job: JobInfo,
    ) => Promise<void>;
    const task: Task = async (payload, helpers) => {
      const { id, attempts, max_attempts: maxAttempts } = helpers.job;
      try {
        await handler(payload, context, { id, attempts });
      } catch (error) {
        const message = describeJobError(error);
        logFailedAttempt(
          context.logger,
          { task: name, jobId: id, attempt: attempts, maxAttempts },
          message,
        );
        // What the queue keeps as the job's last error and an administrator reads.
        throw new LoggedJobError(message);
      }
    };
    list[name] = task;
  }
  return list;
}

/** A task's failure, already logged by it; the worker's logger does not log it again. */
export class LoggedJobError extends Error {}

/**
 * One line per failed attempt, wherever the job ran (a server, `rabita worker`, `runDueJobs`):
 * the task, the job, which attempt of how many, and the error's message. Never the payload or
 * a stack, which may carry personal data; the job's id leads to the rest.
 */
function logFailedAttempt(
  logger: JobLogger,
  job: { task: TaskName; jobId: string; attempt: number; maxAttempts: number },
  message: string,
) {
  const last = job.attempt >= job.maxAttempts;
  const line = { ...job, err: message };
  if (last) logger.error(line, 'job failed for good; an administrator may retry it');
  else logger.warn(line, 'job failed; it will be retried');
}

/**
 * One line an administrator can act on: a failed query's database error (not the query text
 * and its parameters, which may hold personal data), or the error's own message.
 */
export function describeJobError(error: unknown): string {
  const e = error as { message?: unknown; cause?: { message?: unknown; code?: unknown } };
  const cause = e?.cause;
  const message =
    typeof cause?.message === 'string'
      ? `${typeof cause.code === 'string' ? `${cause.code} ` : ''}${cause.message}`
      : typeof e?.message === 'string'
        ? e.message
        : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 500);
}
