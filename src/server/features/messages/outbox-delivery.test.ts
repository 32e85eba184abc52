import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { makeUser } from '../../../../test/support/factories.js';
import { runDueJobs } from '../../jobs/run-due.js';
import type { JobLogger } from '../../jobs/tasks.js';
import { startJobWorker } from '../../jobs/worker.js';
import { MAX_ATTEMPTS } from './backoff.js';
import { SAMPLE_VARIABLES } from './default-templates/index.js';
import { createMailer } from './mailer.js';
import { queueEmail, queueEmails } from './outbox.js';
import { type SmtpFixture, startSmtpFixture } from './smtp-fixture.js';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Rabita//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:session-m5-66-a-24@rabita.example',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;VALUE=DATE:20260308',
  'DTEND;VALUE=DATE:20260313',
  'SUMMARY:Counter-Terrorism Awareness Course',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

interface LogLine {
  level: string;
  obj: object;
  msg?: string;
}

function memoryLogger(lines: LogLine[]): JobLogger {
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

interface OutboxState {
  status: string;
  attempts: number;
  last_error: string | null;
  delay_s: number;
}

describe('outbox delivery over SMTP', () => {
  let db: TestDatabase;
  const servers: SmtpFixture[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    await db.pool.query('delete from outbox_messages');
  });
  afterAll(() => db.destroy());

  async function smtp(options: { refuse?: boolean } = {}) {
    const server = await startSmtpFixture(options);
    servers.push(server);
    return server;
  }

  async function sentCount(): Promise<number> {
    const { rows } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from outbox_messages where status = 'sent'`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Runs the e-mail jobs due now, as a worker would; resolves with how many were sent. */
  function worker(smtpUrl: string | null, logs: LogLine[] = []) {
    return {
      drain: async () => {
        const before = await sentCount();
        const mailer = smtpUrl ? createMailer(smtpUrl, 'Rabita Test <no-reply@rabita.test>') : null;
        try {
          await runDueJobs({
            db: db.db,
            url: db.url,
            mailer,
            logger: memoryLogger(logs),
            only: ['mail.send'],
          });
        } finally {
          mailer?.close();
        }
        return (await sentCount()) - before;
      },
    };
  }

  /** Brings every waiting retry forward to now, on the message and on its job. */
  async function makeDue() {
    await db.pool.query('update outbox_messages set next_attempt_at = now()');
    await db.pool.query('update graphile_worker._private_jobs set run_at = now()');
  }

  async function queuedJobs(): Promise<number> {
    const { rows } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'mail.send'`,
    );
    return rows[0]?.n ?? 0;
  }

  async function state(): Promise<OutboxState[]> {
    const { rows } = await db.pool.query<OutboxState>(
      `select status, attempts, last_error,
              round(extract(epoch from next_attempt_at - now()))::int as delay_s
         from outbox_messages order by id`,
    );
    return rows;
  }

  it('sends in the recipient’s language, with the calendar invitation attached', async () => {
    const server = await smtp();
    const user = await makeUser(db.db, ['registrar']);
    await db.db.transaction((tx) =>
      queueEmail(tx, {
        event: 'joining-instructions',
        locale: 'ar',
        to: 'ahmed@test.example',
        userId: user.id,
        variables: {
          ...SAMPLE_VARIABLES,
          recipientName: 'أحمد المطيري',
          sessionCode: 'M5-66-A-24',
          activityTitle: 'دورة التوعية بمكافحة الإرهاب',
          startDate: '2026-03-08',
          endDate: '2026-03-12',
          venue: 'مدينة الكويت',
          instructions: 'الحضور الساعة 07:30.',
        },
        attachments: [
          {
            filename: 'M5-66-A-24.ics',
            contentType: 'text/calendar; method=REQUEST',
            content: ICS,
          },
        ],
      }),
    );
    const sent = await worker(server.url).drain();
    expect(sent).toBe(1);
    expect(await queuedJobs()).toBe(0);
    expect(server.received).toHaveLength(1);
    const mail = server.received[0];
    if (!mail) throw new Error('no mail');
    expect(server.envelopes[0]).toEqual(['ahmed@test.example']);
    expect(mail.subject).toBe(
      'تعليمات الالتحاق: Maj. Ahmed Al-Mutairi، دورة التوعية بمكافحة الإرهاب (M5-66-A-24)',
    );
    expect(mail.from?.text).toContain('no-reply@rabita.test');
    expect(mail.text).toContain('السيد/السيدة أحمد المطيري');
    expect(mail.text).toContain('من 2026-03-08 إلى 2026-03-12 في مدينة الكويت');
    expect(mail.text).toContain('الحضور الساعة 07:30.');
    // A placeholder left without a value prints nothing rather than "{{link}}".
    expect(mail.text).not.toContain('{{');
    expect(mail.headers.get('content-language')).toBe('ar');
    const [attachment, ...more] = mail.attachments;
    expect(more).toEqual([]);
    expect(attachment?.filename).toBe('M5-66-A-24.ics');
    expect(attachment?.contentType).toBe('text/calendar');
    expect(attachment?.content.toString('utf8')).toContain('UID:session-m5-66-a-24@rabita.example');
    expect(attachment?.headers.get('content-type')).toMatchObject({
      value: 'text/calendar',
      params: { method: 'REQUEST' },
    });
    const [row] = await state();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    // Nothing left: a second drain sends nothing again.
    expect(await worker(server.url).drain()).toBe(0);
    expect(server.received).toHaveLength(1);
  });

  it('renders in English and French by the locale given, recipient name from the account', async () => {
    const server = await smtp();
    const user = await makeUser(db.db, ['registrar']);
    await db.db.transaction(async (tx) => {
      for (const locale of ['en', 'fr'] as const) {
        await queueEmail(tx, {
          event: 'nomination-rejected',
          locale,
          to: `npoc-${locale}@test.example`,
          userId: user.id,
          // The recipient's name is left out: it comes from their account.
          variables: {
            ...SAMPLE_VARIABLES,
            recipientName: '',
            participantName: 'Maj. Ahmed Al-Mutairi',
            sessionCode: 'M5-66-A-24',
            activityTitle: 'CT Awareness',
            reason: 'Quota used',
          },
        });
      }
    });
    expect(await worker(server.url).drain()).toBe(2);
    const bySubject = server.received.map((m) => m.subject).sort();
    expect(bySubject).toEqual([
      'Candidature non retenue : Maj. Ahmed Al-Mutairi pour M5-66-A-24',
      'Nomination not accepted: Maj. Ahmed Al-Mutairi for M5-66-A-24',
    ]);
    const english = server.received.find((m) => m.subject?.startsWith('Nomination'));
    expect(english?.text).toContain('Dear Test registrar,');
    expect(english?.text).toContain('Reason: Quota used');
  });

  it('sends nothing when the transaction that queued the e-mail rolls back', async () => {
    const server = await smtp();
    await expect(
      db.db.transaction(async (tx) => {
        await queueEmail(tx, {
          event: 'password-reset',
          locale: 'en',
          to: 'ghost@test.example',
          variables: { link: 'https://x.example' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await queuedJobs()).toBe(0);
    expect(await worker(server.url).drain()).toBe(0);
    expect(server.received).toEqual([]);
    expect(await state()).toEqual([]);
  });

  it('retries a refusing server with growing delays, then marks the message failed', async () => {
    const server = await smtp({ refuse: true });
    const logs: LogLine[] = [];
    const running = worker(server.url, logs);
    await db.db.transaction((tx) =>
      queueEmail(tx, {
        event: 'password-reset',
        locale: 'en',
        to: 'someone@test.example',
        variables: { link: 'https://rabita.test/password/SECRET-LINK' },
      }),
    );
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await running.drain()).toBe(0);
      const [row] = await state();
      expect(row?.attempts).toBe(attempt);
      expect(row?.last_error).toContain('451');
      delays.push(row?.delay_s ?? -1);
      // Not due yet: draining again does not try again.
      if (attempt === 1) {
        expect(await running.drain()).toBe(0);
        expect((await state())[0]?.attempts).toBe(1);
      }
      if (attempt < MAX_ATTEMPTS) {
        expect(row?.status).toBe('pending');
        // The retry waits in the queue as well as on the message.
        expect(await queuedJobs()).toBe(1);
        await makeDue();
      } else {
        expect(row?.status).toBe('failed');
      }
    }
    // 1, 2, 4 ... minutes, each spread by +-20 %, capped at one hour.
    [60, 120, 240, 480, 960, 1920, 3600].forEach((base, i) => {
      expect(delays[i]).toBeGreaterThanOrEqual(Math.floor(base * 0.8) - 1);
      expect(delays[i]).toBeLessThanOrEqual(Math.min(base * 1.2, 3600) + 1);
    });
    expect(await queuedJobs()).toBe(0);
    await makeDue();
    expect(await running.drain()).toBe(0);
    expect((await state())[0]?.attempts).toBe(MAX_ATTEMPTS);
    // The log names the message and the error, never the body or its secret link.
    const logged = JSON.stringify(logs);
    expect(logged).toContain('451');
    expect(logged).not.toContain('SECRET-LINK');
    expect(logs.filter((l) => l.msg === 'e-mail failed for good')).toHaveLength(1);
  });

  it('loses nothing while the mail server is down, and sends each message once when it returns', async () => {
    await db.db.transaction((tx) =>
      queueEmails(
        tx,
        Array.from({ length: 5 }, (_, i) => ({
          event: 'password-reset' as const,
          locale: 'en' as const,
          to: `down${i}@test.example`,
          variables: { link: `https://x.example/down/${i}` },
        })),
      ),
    );
    const down = await smtp({ refuse: true });
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await worker(down.url).drain()).toBe(0);
      await makeDue();
    }
    expect((await state()).map((row) => [row.status, row.attempts])).toEqual(
      Array.from({ length: 5 }, () => ['pending', 3]),
    );
    const back = await smtp();
    expect(await worker(back.url).drain()).toBe(5);
    expect(await worker(back.url).drain()).toBe(0);
    expect(back.envelopes.flat().sort()).toEqual(
      Array.from({ length: 5 }, (_, i) => `down${i}@test.example`),
    );
    expect(await queuedJobs()).toBe(0);
  });

  it('keeps messages pending and sends nothing until an SMTP server is set', async () => {
    const logs: LogLine[] = [];
    await db.db.transaction((tx) =>
      queueEmail(tx, {
        event: 'password-reset',
        locale: 'en',
        to: 'someone@test.example',
        variables: { link: 'https://x.example' },
      }),
    );
    expect(await worker(null, logs).drain()).toBe(0);
    expect(await state()).toMatchObject([{ status: 'pending', attempts: 0 }]);
    // Its job waits for a worker that has a mail server.
    expect(await queuedJobs()).toBe(1);
    const server = await smtp();
    expect(await worker(server.url).drain()).toBe(1);
  });

  it('lets two workers drain together without sending a message twice', async () => {
    const server = await smtp();
    await db.db.transaction(async (tx) => {
      for (let i = 0; i < 25; i++) {
        await queueEmail(tx, {
          event: 'password-reset',
          locale: 'en',
          to: `user${i}@test.example`,
          variables: { link: `https://x.example/${i}` },
        });
      }
    });
    await Promise.all([worker(server.url).drain(), worker(server.url).drain()]);
    expect(await sentCount()).toBe(25);
    const recipients = server.envelopes.flat().sort();
    expect(new Set(recipients).size).toBe(25);
    expect(recipients).toHaveLength(25);
  });

  it('is sent by a running worker within moments of its commit, and the worker stops cleanly', async () => {
    const server = await smtp();
    const running = await startJobWorker({
      db: db.db,
      url: db.url,
      smtpUrl: server.url,
      mailFrom: 'x@rabita.test',
      logger: memoryLogger([]),
      cron: false,
    });
    try {
      await db.db.transaction((tx) =>
        queueEmail(tx, {
          event: 'password-reset',
          locale: 'en',
          to: 'now@test.example',
          variables: { link: 'https://x.example/now' },
        }),
      );
      await expect.poll(() => server.received.length, { timeout: 10_000 }).toBe(1);
      await expect.poll(sentCount).toBe(1);
    } finally {
      await running.stop();
    }
    const { rows } = await db.pool.query('select * from job_workers');
    expect(rows).toEqual([]);
  });
});
