import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Lecturer } from '../../../contract/lecturers.js';
import type {
  IssuedVisaLetter,
  LetterVerification,
  SessionLecturerLetters,
} from '../../../contract/visa-letters.js';
import { auditLog, outboxMessages, visaLetters } from '../../db/schema/index.js';
import { runDueJobs } from '../../jobs/run-due.js';
import { SESSION, seedCertificateWorld } from '../certificates/test-data.js';
import { createMailer } from '../messages/mailer.js';
import { gapsIn } from '../messages/message-gaps.js';
import { startSmtpFixture } from '../messages/smtp-fixture.js';

const LETTERS = `/api/v1/sessions/${SESSION}/lecturer-letters`;
const issue = (assignmentId: string) =>
  `/api/v1/sessions/${SESSION}/lecturers/${assignmentId}/visa-letter`;

describe("lecturers' invitation letters reach the lecturer, and outlive their assignment revoked", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof seedCertificateWorld>>;
  let b: typeof world.browsers;
  let amira: Lecturer;
  let jan: Lecturer;
  let amiraOn: string;
  let janOn: string;
  let amiraLetter: IssuedVisaLetter;

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedCertificateWorld(t);
    b = world.browsers;
    const make = async (body: object) => {
      const r = await call(t.app, b.registrar, 'POST', '/api/v1/lecturers', body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json<Lecturer>();
    };
    // French is the first language of hers Rabita writes: her e-mail is in French.
    amira = await make({
      kind: 'external',
      nameLatin: 'Amira Haddad',
      nameArabic: 'أميرة حداد',
      title: 'Dr',
      email: 'amira.haddad@experts.example',
      languages: ['de', 'fr', 'ar'],
      passportName: 'AMIRA HADDAD',
      passportNumber: 'N1234567',
      nationalityCode: 'QAT',
    });
    jan = await make({
      kind: 'external',
      nameLatin: 'Jan Novak',
      passportName: 'JAN NOVAK',
      passportNumber: 'CZ998877',
      nationalityCode: 'KWT',
    });
    const assign = async (lecturerId: string, role: string) => {
      const r = await call(t.app, b.registrar, 'POST', `/api/v1/sessions/${SESSION}/lecturers`, {
        lecturerId,
        role,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string }>().id;
    };
    amiraOn = await assign(amira.id, 'speaker');
    janOn = await assign(jan.id, 'lecturer');
  });
  afterAll(() => t.close());

  const lecturerMails = () =>
    t.db.db.select().from(outboxMessages).where(eq(outboxMessages.event, 'lecturer-letter-issued'));

  it('e-mails the letter to the lecturer in their language, PDF attached, as SMTP delivers it', async () => {
    const response = await call(t.app, b.registrar, 'POST', issue(amiraOn));
    expect(response.statusCode, response.body).toBe(200);
    amiraLetter = response.json<IssuedVisaLetter>();
    expect(amiraLetter.outcome).toBe('issued');
    expect(amiraLetter.sentTo).toBe('amira.haddad@experts.example');

    const [queued, ...more] = await lecturerMails();
    expect(more).toHaveLength(0);
    expect(queued?.locale).toBe('fr');
    expect(queued?.toAddress).toBe('amira.haddad@experts.example');
    expect(gapsIn({ subject: queued?.subject ?? '', body: queued?.body ?? '' }, 'fr')).toEqual([]);

    const smtp = await startSmtpFixture();
    const mailer = createMailer(smtp.url, 'Rabita Test <no-reply@rabita.test>');
    try {
      await runDueJobs({ db: t.db.db, url: t.db.url, mailer, only: ['mail.send'] });
    } finally {
      mailer.close();
      await smtp.close();
    }
    const index = smtp.envelopes.findIndex((to) => to.includes('amira.haddad@experts.example'));
    const mail = smtp.received[index];
    expect(mail?.subject?.trim()).toBeTruthy();
    expect(mail?.subject).toBe(
      `Votre lettre d’invitation pour ${SESSION} : Counter-Terrorism Awareness`,
    );
    const main = String(mail?.text ?? '').split(/\n\s*\n/)[1] ?? '';
    expect(main.trim().length).toBeGreaterThan(40);
    expect(main).toContain('en qualité de intervenant');
    expect(main).toContain(SESSION);
    expect(mail?.text).toContain(amiraLetter.letter.verifyUrl);
    const pdf = mail?.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toContain(amiraLetter.letter.id);
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');

    const issued = await t.db.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'visa-letter.issued'),
          eq(auditLog.entityId, amiraLetter.letter.id),
        ),
      );
    expect(issued[0]?.after).toMatchObject({ emailedTo: 'amira.haddad@experts.example' });
  });

  it('issues the letter of a lecturer without an e-mail, and says it was not sent and why', async () => {
    const response = await call(t.app, b.registrar, 'POST', issue(janOn));
    expect(response.statusCode, response.body).toBe(200);
    const letter = response.json<IssuedVisaLetter>();
    expect(letter.outcome).toBe('issued');
    expect(letter.sentTo).toBeNull();
    expect((await lecturerMails()).filter((m) => m.toAddress.includes('novak'))).toHaveLength(0);
    const rows = (await call(t.app, b.registrar, 'GET', LETTERS)).json<SessionLecturerLetters>()
      .rows;
    const janRow = rows.find((r) => r.assignmentId === janOn);
    expect(janRow).toMatchObject({ hasEmail: false, sentTo: null });
    expect(janRow?.letter?.id).toBe(letter.letter.id);
    expect(rows.find((r) => r.assignmentId === amiraOn)?.sentTo).toBe(
      'amira.haddad@experts.example',
    );

    // Once the registry has his e-mail, issuing again sends the same letter, in English.
    const edited = await call(t.app, b.registrar, 'PATCH', `/api/v1/lecturers/${jan.id}`, {
      email: 'jan.novak@experts.example',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const again = (await call(t.app, b.registrar, 'POST', issue(janOn))).json<IssuedVisaLetter>();
    expect(again).toMatchObject({ outcome: 'unchanged', sentTo: 'jan.novak@experts.example' });
    expect(again.letter.id).toBe(letter.letter.id);
    const toJan = (await lecturerMails()).filter(
      (m) => m.toAddress === 'jan.novak@experts.example',
    );
    expect(toJan.map((m) => m.locale)).toEqual(['en']);
    expect(toJan[0]?.subject).toBe(
      `Your invitation letter for ${SESSION}: Counter-Terrorism Awareness`,
    );
    expect(gapsIn({ subject: toJan[0]?.subject ?? '', body: toJan[0]?.body ?? '' }, 'en')).toEqual(
      [],
    );
    // A third time sends nothing more.
    await call(t.app, b.registrar, 'POST', issue(janOn));
    expect(
      (await lecturerMails()).filter((m) => m.toAddress === 'jan.novak@experts.example'),
    ).toHaveLength(1);
  });

  it('revokes the letter when the lecturer is taken off the session, audited, and keeps it', async () => {
    const removed = await call(
      t.app,
      b.registrar,
      'DELETE',
      `/api/v1/sessions/${SESSION}/lecturers/${amiraOn}`,
    );
    expect(removed.statusCode, removed.body).toBe(204);
    const id = amiraLetter.letter.id;
    const verified = (
      await call(t.app, null, 'GET', `/api/v1/verify/letters/${id}`)
    ).json<LetterVerification>();
    expect(verified.status).toBe('revoked');
    expect(verified.reason).toBe('The lecturer was taken off the session.');
    expect(verified.letter?.participant.passportName).toBe('AMIRA HADDAD');
    expectProblem(
      await call(t.app, b.registrar, 'GET', `/api/v1/visa-letters/${id}.pdf`),
      409,
      'letter_revoked',
    );
    const [row] = await t.db.db.select().from(visaLetters).where(eq(visaLetters.id, id));
    expect(row?.sessionLecturerId).toBeNull();
    expect(row?.revokedAt).not.toBeNull();

    const revoked = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'visa-letter.revoked'), eq(auditLog.entityId, id)));
    expect(revoked).toHaveLength(1);
    expect(revoked[0]?.after).toMatchObject({
      revokeReason: 'The lecturer was taken off the session.',
    });
    const unassigned = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'lecturer.unassigned'));
    expect(unassigned.at(-1)?.after).toEqual({ revokedLetterId: id });
    // The session's list no longer shows her; Jan's letter stands.
    const rows = (await call(t.app, b.registrar, 'GET', LETTERS)).json<SessionLecturerLetters>()
      .rows;
    expect(rows.map((r) => r.assignmentId)).toEqual([janOn]);
    expect(rows[0]?.letter?.revokedAt).toBeNull();
  });

  it('takes off a lecturer who has no letter without revoking anything', async () => {
    const other = await call(t.app, b.registrar, 'POST', '/api/v1/lecturers', {
      kind: 'internal',
      nameLatin: 'Noor Salem',
    });
    const on = await call(t.app, b.registrar, 'POST', `/api/v1/sessions/${SESSION}/lecturers`, {
      lecturerId: other.json<Lecturer>().id,
      role: 'moderator',
    });
    const before = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'visa-letter.revoked'));
    const removed = await call(
      t.app,
      b.registrar,
      'DELETE',
      `/api/v1/sessions/${SESSION}/lecturers/${on.json<{ id: string }>().id}`,
    );
    expect(removed.statusCode).toBe(204);
    const after = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'visa-letter.revoked'));
    expect(after).toHaveLength(before.length);
  });
});
