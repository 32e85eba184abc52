import type { Database } from '../../db/client.js';
import { describeError, MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
import { createMailer, type Mailer } from './mailer.js';
import * as q from './queries.js';

/** What the worker writes to the log: ids, events and errors, never addresses' bodies. */
export interface WorkerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface OutboxWorkerOptions {
  db: Database;
  /** e.g. smtp://mail.example:25; when unset nothing is sent and messages stay pending. */
  smtpUrl: string | null | undefined;
  from: string;
  logger: WorkerLogger;
  /** How often to look for due messages. */
  pollMs?: number;
  batchSize?: number;
  /** Jitter source, in [0, 1). */
  random?: () => number;
}

export interface OutboxWorker {
  stop(): Promise<void>;
  /** Sends everything due now, then resolves with how many messages were sent. */
  drain(): Promise<number>;
}

export const DEFAULT_MAIL_FROM = 'Rabita <no-reply@rabita.example>';

/**
 * Sends the outbox by SMTP. Rows are claimed with FOR UPDATE SKIP LOCKED, so several servers
 * can run a worker each without sending a message twice. Delivery is at least once: a crash
 * between the SMTP answer and the commit sends that message again.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  if (!options.smtpUrl) {
    options.logger.info({}, 'SMTP_URL is not set: e-mails stay in the outbox, unsent');
    return { stop: async () => {}, drain: async () => 0 };
  }
  const mailer = createMailer(options.smtpUrl, options.from);
  const batchSize = options.batchSize ?? 10;
  const random = options.random ?? Math.random;
  let current: Promise<number> = Promise.resolve(0);
  let stopped = false;

  // One pass at a time in this process: the timer and drain() queue behind each other.
  const runOnce = (): Promise<number> => {
    const next = current.catch(() => 0).then(() => sendDue(options, mailer, batchSize, random));
    current = next;
    return next;
  };

  const tick = () => {
    if (stopped) return;
    runOnce()
      .catch((error: unknown) => {
        options.logger.warn({ err: describeError(error) }, 'outbox pass failed; will try again');
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs ?? 5_000);
      });
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(tick, options.pollMs ?? 5_000);

  return {
    drain: runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current.catch(() => 0);
      mailer.close();
    },
  };
}

async function sendDue(
  options: OutboxWorkerOptions,
  mailer: Mailer,
  batchSize: number,
  random: () => number,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await options.db.transaction(async (tx) => {
      const rows = await q.claimDueMessages(tx, batchSize);
      let ok = 0;
      for (const row of rows) {
        try {
          await mailer.send(row);
          await q.updateOutboxMessage(tx, row.id, {
            status: 'sent',
            sentAt: new Date(),
            attempts: row.attempts + 1,
            lastError: null,
          });
          ok++;
        } catch (error) {
          const attempts = row.attempts + 1;
          const lastError = describeError(error);
          const failed = attempts >= MAX_ATTEMPTS;
          await q.updateOutboxMessage(tx, row.id, {
            attempts,
            lastError,
            status: failed ? 'failed' : 'pending',
            nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts, random())),
          });
          options.logger.warn(
            { outboxId: row.id, event: row.event, attempts, err: lastError },
            failed ? 'e-mail failed for good' : 'e-mail not sent; will retry',
          );
        }
      }
      return { claimed: rows.length, ok };
    });
    sent += batch.ok;
    if (batch.claimed < batchSize) return sent;
  }
}
