import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueEmails } from '../../src/server/features/messages/outbox.js';
import {
  type JobWorker,
  type JobWorkerOptions,
  startJobWorker,
} from '../../src/server/jobs/worker.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { killStarted, startRabitaWorker, until } from '../support/rabita-process.js';

const MESSAGES = 12;
/** The worker is killed while the mail server holds this message unanswered. */
const KILL_DURING = 5;

/**
 * A mail server that accepts messages, except that it holds the `holdAt`-th one (if any) without
 * an answer until told, so the test knows a job is in the middle of its SMTP exchange.
 */
async function holdingSmtpServer(holdAt: number | null = KILL_DURING) {
  const accepted: string[] = [];
  let seen = 0;
  let holding = false;
  let releaseHeld: () => void = () => {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        seen += 1;
        const accept = () => {
          accepted.push(mail.messageId ?? '');
          callback();
        };
        if (seen === holdAt) {
          holding = true;
          // Never accepted: its sender dies before the answer, so it must come again.
          releaseHeld = () => callback(new Error('the sender is gone'));
          return;
        }
        accept();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    isHolding: () => holding,
    release: () => releaseHeld(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A job worker in this process, sending to this mail server, logging nothing, no recurring jobs. */
function quietWorker(
  db: TestDatabase,
  smtpUrl: string,
  options: Pick<JobWorkerOptions, 'liveness' | 'pollMs'>,
) {
  return startJobWorker({
    db: db.db,
    url: db.url,
    smtpUrl,
    mailFrom: 'Rabita <no-reply@rabita.test>',
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    cron: false,
    ...options,
  });
}

/** Queues `count` password-reset e-mails, each with its own recipient. */
async function queueResets(db: TestDatabase, count: number) {
  await db.db.transaction((tx) =>
    queueEmails(
      tx,
      Array.from({ length: count }, (_, i) => ({
        event: 'password-reset' as const,
        locale: 'en' as const,
        to: `person${i}@test.example`,
        variables: { link: `https://rabita.test/password/${i}` },
      })),
    ),
  );
}

describe('a worker killed in the middle of sending', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    killStarted();
    await db.destroy();
  });

  it('loses no e-mail and sends each once when a new worker takes over', async () => {
    const smtp = await holdingSmtpServer();
    await queueResets(db, MESSAGES);
    const worker = await startRabitaWorker({
      DATABASE_URL: db.url,
      SMTP_URL: smtp.url,
      RABITA_JOB_CONCURRENCY: '1',
    });
    await until('a message to be held mid-send', async () => smtp.isHolding(), 30_000);
    worker.kill('SIGKILL');
    expect((await worker.exited).signal).toBe('SIGKILL');
    smtp.release();
    expect(smtp.accepted).toHaveLength(KILL_DURING - 1);

    // The dead worker's job stays locked until a live worker sees it has stopped beating.
    const next = await quietWorker(db, smtp.url, {
      liveness: { heartbeatMs: 250, deadAfterMs: 1_500 },
    });
    try {
      await untilAllSent(db, MESSAGES);
    } finally {
      await next.stop();
      await smtp.close();
    }
    await expectEachSentOnce(db, smtp.accepted, MESSAGES);
  });
});

/** Waits until `count` outbox messages are sent. */
async function untilAllSent(db: TestDatabase, count: number) {
  await until(
    'every message to be sent',
    async () => {
      const { rows } = await db.pool.query<{ n: number }>(
        `select count(*)::int as n from outbox_messages where status = 'sent'`,
      );
      return rows[0]?.n === count;
    },
    90_000,
  );
}

/** Each message reached the mail server once, and no job is left. */
async function expectEachSentOnce(db: TestDatabase, accepted: string[], count: number) {
  expect(accepted).toHaveLength(count);
  expect(new Set(accepted).size).toBe(count);
  const { rows } = await db.pool.query<{ n: number }>(
    'select count(*)::int as n from graphile_worker.jobs',
  );
  expect(rows[0]?.n).toBe(0);
}

// Two app servers each run a worker on the same database (as `serve --workers 2` does, or two
// machines): work that falls due is claimed by one of them and done once.
describe('scheduled work across two workers on one database', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  const workers: JobWorker[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await db.destroy();
  });

  it('runs each job that falls due once, whichever worker claims it', async () => {
    const smtp = await holdingSmtpServer(null);
    await queueResets(db, 30);
    // Due in a moment, not now: both workers are running and polling when they fall due.
    await db.pool.query(
      `update graphile_worker._private_jobs set run_at = clock_timestamp() + interval '2 seconds'`,
    );
    const start = () => quietWorker(db, smtp.url, { pollMs: 100 });
    workers.push(await start(), await start());
    const [one, two] = await Promise.all(workers.map((worker) => worker.poolId));
    expect(one).not.toBe(two);
    try {
      await untilAllSent(db, 30);
    } finally {
      await smtp.close();
    }
    await expectEachSentOnce(db, smtp.accepted, 30);
  });
});
