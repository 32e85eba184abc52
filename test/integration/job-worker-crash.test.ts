import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueEmails } from '../../src/server/features/messages/outbox.js';
import { startJobWorker } from '../../src/server/jobs/worker.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { killStarted, startRabitaWorker, until } from '../support/rabita-process.js';

const MESSAGES = 12;
/** The worker is killed while the mail server holds this message unanswered. */
const KILL_DURING = 5;

/**
 * A mail server that accepts messages, except that it holds the KILL_DURING-th one without an
 * answer until told, so the test knows a job is in the middle of its SMTP exchange.
 */
async function holdingSmtpServer() {
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
        if (seen === KILL_DURING) {
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
    await db.db.transaction((tx) =>
      queueEmails(
        tx,
        Array.from({ length: MESSAGES }, (_, i) => ({
          event: 'password-reset' as const,
          locale: 'en' as const,
          to: `person${i}@test.example`,
          variables: { link: `https://rabita.test/password/${i}` },
        })),
      ),
    );
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
    const next = await startJobWorker({
      db: db.db,
      url: db.url,
      smtpUrl: smtp.url,
      mailFrom: 'Rabita <no-reply@rabita.test>',
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      cron: false,
      liveness: { heartbeatMs: 250, deadAfterMs: 1_500 },
    });
    try {
      await until(
        'every message to be sent',
        async () => {
          const { rows } = await db.pool.query<{ n: number }>(
            `select count(*)::int as n from outbox_messages where status = 'sent'`,
          );
          return rows[0]?.n === MESSAGES;
        },
        30_000,
      );
    } finally {
      await next.stop();
      await smtp.close();
    }
    expect(smtp.accepted).toHaveLength(MESSAGES);
    expect(new Set(smtp.accepted).size).toBe(MESSAGES);
    const { rows } = await db.pool.query<{ n: number }>(
      'select count(*)::int as n from graphile_worker.jobs',
    );
    expect(rows[0]?.n).toBe(0);
  });
});
