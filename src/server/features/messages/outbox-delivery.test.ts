import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { makeUser } from '../../../../test/support/factories.js';
import { MAX_ATTEMPTS } from './backoff.js';
import { SAMPLE_VARIABLES } from './default-templates/index.js';
import { queueEmail } from './outbox.js';
import { type SmtpFixture, startSmtpFixture } from './smtp-fixture.js';
import { type OutboxWorker, startOutboxWorker, type WorkerLogger } from './worker.js';

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

function memoryLogger(lines: LogLine[]): WorkerLogger {
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
  const workers: OutboxWorker[] = [];
  const servers: SmtpFixture[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    for (const server of servers.splice(0)) await server.close();
    await db.pool.query('delete from outbox_messages');
  });
  afterAll(() => db.destroy());

  async function smtp(options: { refuse?: boolean } = {}) {
    const server = await startSmtpFixture(options);
    servers.push(server);
    return server;
  }

  function worker(smtpUrl: string | null, logs: LogLine[] = []) {
    const started = startOutboxWorker({
      db: db.db,
      smtpUrl,
      from: 'Rabita Test <no-reply@rabita.test>',
      logger: memoryLogger(logs),
      pollMs: 60_000,
      random: () => 0.5,
    });
    workers.push(started);
    return started;
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
    expect(await workers[0]?.drain()).toBe(0);
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
        await db.pool.query('update outbox_messages set next_attempt_at = now()');
      } else {
        expect(row?.status).toBe('failed');
      }
    }
    // 1, 2, 4 ... minutes (jitter fixed at the middle), capped at one hour.
    expect(delays.slice(0, 7)).toEqual([60, 120, 240, 480, 960, 1920, 3600]);
    await db.pool.query('update outbox_messages set next_attempt_at = now()');
    expect(await running.drain()).toBe(0);
    expect((await state())[0]?.attempts).toBe(MAX_ATTEMPTS);
    // The log names the message and the error, never the body or its secret link.
    const logged = JSON.stringify(logs);
    expect(logged).toContain('451');
    expect(logged).not.toContain('SECRET-LINK');
    expect(logs.filter((l) => l.msg === 'e-mail failed for good')).toHaveLength(1);
  });

  it('keeps messages pending and sends nothing when no SMTP server is set', async () => {
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
    expect(logs.map((l) => l.msg)).toEqual([
      'SMTP_URL is not set: e-mails stay in the outbox, unsent',
    ]);
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
    const [a, b] = await Promise.all([worker(server.url).drain(), worker(server.url).drain()]);
    expect((a ?? 0) + (b ?? 0)).toBe(25);
    const recipients = server.envelopes.flat().sort();
    expect(new Set(recipients).size).toBe(25);
    expect(recipients).toHaveLength(25);
  });

  it('stops cleanly while idle and after a pass', async () => {
    const server = await smtp();
    const running = startOutboxWorker({
      db: db.db,
      smtpUrl: server.url,
      from: 'x@rabita.test',
      logger: memoryLogger([]),
      pollMs: 10,
    });
    await running.drain();
    await running.stop();
    await running.stop();
  });
});
