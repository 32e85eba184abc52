import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueEmails } from '../../src/server/features/messages/outbox.js';
import { type JobWorker, startJobWorker } from '../../src/server/jobs/worker.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { until } from '../support/rabita-process.js';

const MESSAGES = 30;

/** A mail server that keeps the Message-ID of everything it accepts. */
async function countingSmtpServer() {
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        accepted.push(mail.messageId ?? '');
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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
    const smtp = await countingSmtpServer();
    await db.db.transaction((tx) =>
      queueEmails(
        tx,
        Array.from({ length: MESSAGES }, (_, i) => ({
          event: 'password-reset' as const,
          locale: 'en' as const,
          to: `due${i}@test.example`,
          variables: { link: `https://rabita.test/password/${i}` },
        })),
      ),
    );
    // Due in a moment, not now: both workers are running and polling when they fall due.
    await db.pool.query(
      `UPDATE graphile_worker._private_jobs SET run_at = clock_timestamp() + interval '2 seconds'`,
    );
    const start = () =>
      startJobWorker({
        db: db.db,
        url: db.url,
        smtpUrl: smtp.url,
        mailFrom: 'Rabita <no-reply@rabita.test>',
        logger: { info: () => {}, warn: () => {}, error: () => {} },
        cron: false,
        concurrency: 4,
        pollMs: 100,
      });
    workers.push(await start(), await start());
    const [one, two] = await Promise.all(workers.map((worker) => worker.poolId));
    expect(one).not.toBe(two);
    try {
      await until(
        'every message to be sent',
        async () => {
          const { rows } = await db.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'sent'`,
          );
          return rows[0]?.n === MESSAGES;
        },
        90_000,
      );
    } finally {
      await smtp.close();
    }
    expect(smtp.accepted).toHaveLength(MESSAGES);
    expect(new Set(smtp.accepted).size).toBe(MESSAGES);
    const { rows } = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM graphile_worker.jobs',
    );
    expect(rows[0]?.n).toBe(0);
  });
});
