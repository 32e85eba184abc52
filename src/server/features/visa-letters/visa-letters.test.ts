import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  type TestApp,
} from '../../../../test/support/app.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type {
  IssuedVisaLetter,
  LetterVerification,
  SessionVisaLetters,
} from '../../../contract/visa-letters.js';
import {
  auditLog,
  nominationLogistics,
  nominations,
  outboxMessages,
  participants,
  users,
  visaLetters,
} from '../../db/schema/index.js';
import { extractSignature } from '../certificates/pdf/embedded.js';
import { SESSION, seedCertificateWorld } from '../certificates/test-data.js';
import { gapsIn } from '../messages/message-gaps.js';

const LIST = `/api/v1/sessions/${SESSION}/visa-letters`;
const issue = (nominationId: string) => `/api/v1/nominations/${nominationId}/visa-letter`;
const pdfOf = (id: string) => `/api/v1/visa-letters/${id}.pdf`;
const verify = (id: string) => `/api/v1/verify/letters/${id}`;

const dir = mkdtempSync(path.join(tmpdir(), 'rabita-visa-letter-'));

// pdftotext writes each right-to-left run back in logical order between embedding marks.
const plainLines = (pdf: Buffer, name: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .replace(/[\u202a-\u202e]/g, '')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
};

describe('visa invitation letters', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof seedCertificateWorld>>;
  let b: typeof world.browsers;
  let hamadLetter: IssuedVisaLetter;

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedCertificateWorld(t);
    b = world.browsers;
    const db = t.db.db;
    for (const [nominationId, passportNumber] of [
      [world.nominations.hamad, 'Q01234567'],
      [world.nominations.salem, 'K7654321'],
    ] as const) {
      await db.insert(nominationLogistics).values({ nominationId, passportNumber });
    }
    // Qatar's NPOC reads Arabic; Kuwait's English.
    await db.update(users).set({ locale: 'ar' }).where(eq(users.id, b.npocQat.userId));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (who: Browser | null, url: string) => call(t.app, who, 'GET', url);
  const post = (who: Browser | null, url: string) => call(t.app, who, 'POST', url);

  it('refuses a participant without a passport number (422), writing nothing', async () => {
    const before = await t.db.db.select().from(auditLog);
    const problem = expectProblem(
      await post(b.registrar, issue(world.nominations.fahad)),
      422,
      'passport_data_missing',
    );
    expect(problem.detail).toContain('passport-number');
    expect(await t.db.db.select().from(visaLetters)).toHaveLength(0);
    expect(await t.db.db.select().from(outboxMessages)).toHaveLength(0);
    expect(await t.db.db.select().from(auditLog)).toHaveLength(before.length);
  });

  it('lets only centre staff issue: an NPOC is refused', async () => {
    expect((await post(b.npocQat, issue(world.nominations.hamad))).statusCode).toBe(403);
  });

  it('issues a signed letter and e-mails it, PDF attached, to the NPOC in their language', async () => {
    const response = await post(b.registrar, issue(world.nominations.hamad));
    expect(response.statusCode, response.body).toBe(200);
    hamadLetter = response.json<IssuedVisaLetter>();
    expect(hamadLetter.outcome).toBe('issued');
    const printed = hamadLetter.letter.printed;
    expect(printed.participant.passportName).toBe('HAMAD AL-THANI');
    expect(printed.participant.passportNumber).toBe('Q01234567');
    expect(printed.languages).toEqual(['en', 'ar']);

    const mails = await t.db.db.select().from(outboxMessages);
    const toQatar = mails.filter((m) => m.event === 'visa-letter-issued');
    expect(toQatar).toHaveLength(1);
    const [mail] = toQatar;
    expect(mail?.locale).toBe('ar');
    expect(mail?.attachments[0]?.contentType).toBe('application/pdf');
    expect(mail?.attachments[0]?.encoding).toBe('base64');
    expect(gapsIn({ subject: mail?.subject ?? '', body: mail?.body ?? '' }, 'ar')).toEqual([]);
    const paragraphs = (mail?.body ?? '').split('\n\n');
    expect(paragraphs[1]).toContain('HAMAD AL-THANI');
    expect(paragraphs[1]).toContain('قطر');
    expect(mail?.body).toContain(hamadLetter.letter.verifyUrl);
  });

  it('prints the letter in English and Arabic in reading order, as pdftotext reads it back', async () => {
    const response = await get(b.npocQat, pdfOf(hamadLetter.letter.id));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const audit = await t.db.pool.query(
      `select after from audit_log where action = 'data.exported' and entity_id = $1`,
      [hamadLetter.letter.id],
    );
    expect(audit.rows.map((r) => r.after.export)).toEqual(['visa-letter-pdf']);
    const pdf = response.rawPayload;
    const lines = plainLines(pdf, 'hamad.pdf');
    const all = lines.join('\n');
    expect(lines).toContain('Visa Invitation Letter');
    expect(lines).toContain('رسالة دعوة لغرض الحصول على تأشيرة');
    expect(all).toContain('HAMAD AL-THANI');
    expect(all).toContain('Q01234567');
    expect(all).toContain('a national of Qatar');
    // The Arabic body: words in logical order, Latin passport data kept whole inside it.
    expect(all).toContain('حامل جواز السفر رقم');
    // A label line right to left: the label at the right, pdftotext gives it last.
    expect(lines).toContain('قطر:الجنسية');
    expect(all).toContain('من الجنسية قطر');
    expect(all).toContain('التوعية بمكافحة الإرهاب');
    expect(all).toContain(hamadLetter.letter.verifyUrl);
    // The signed content travels in the file and is the stored payload.
    const embedded = extractSignature(pdf);
    expect(embedded && JSON.parse(embedded.payload.toString('utf8')).id).toBe(
      hamadLetter.letter.id,
    );
  });

  it('shows the public only what the letter prints', async () => {
    const response = await get(null, verify(hamadLetter.letter.id));
    expect(response.statusCode).toBe(200);
    const answer = response.json<LetterVerification>();
    expect(answer.status).toBe('valid');
    expect(answer.letter).toEqual(hamadLetter.letter.printed);
    expect(Object.keys(answer).sort()).toEqual(['letter', 'status']);
    expect((await get(null, verify('nonsense'))).json<LetterVerification>()).toEqual({
      status: 'not-found',
    });
  });

  it('keeps each nation to its own letters: another nation is 404, also by direct link', async () => {
    expect((await get(b.npocKwt, pdfOf(hamadLetter.letter.id))).statusCode).toBe(404);
    const kuwait = (await get(b.npocKwt, LIST)).json<SessionVisaLetters>();
    expect(kuwait.rows.every((r) => r.nationCode === 'KWT')).toBe(true);
    expect(kuwait.canIssue).toBe(false);
    const qatar = (await get(b.npocQat, LIST)).json<SessionVisaLetters>();
    expect(qatar.rows.map((r) => r.nationCode)).toEqual(['QAT']);
    expect(qatar.rows[0]?.letter?.id).toBe(hamadLetter.letter.id);
    const staff = (await get(b.registrar, LIST)).json<SessionVisaLetters>();
    expect(staff.canIssue).toBe(true);
    expect(staff.rows.find((r) => r.familyNameLatin === 'Al-Sabah')?.missing).toEqual([
      'passport-number',
    ]);
    // A session Qatar had nobody on.
    const otherNation = await call(
      t.app,
      b.npocQat,
      'GET',
      '/api/v1/sessions/CT-B-27/visa-letters',
    );
    expect(otherNation.statusCode).toBe(404);
  });

  it('returns the same letter when nothing changed, and replaces it when data did', async () => {
    const again = (
      await post(b.registrar, issue(world.nominations.hamad))
    ).json<IssuedVisaLetter>();
    expect(again.outcome).toBe('unchanged');
    expect(again.letter.id).toBe(hamadLetter.letter.id);

    await t.db.db
      .update(nominationLogistics)
      .set({ passportNumber: 'Q09999999' })
      .where(eq(nominationLogistics.nominationId, world.nominations.hamad));
    const staff = (await get(b.registrar, LIST)).json<SessionVisaLetters>();
    expect(staff.rows.find((r) => r.nationCode === 'QAT')?.outdated).toBe(true);

    const replaced = (
      await post(b.registrar, issue(world.nominations.hamad))
    ).json<IssuedVisaLetter>();
    expect(replaced.outcome).toBe('reissued');
    expect(replaced.letter.printed.participant.passportNumber).toBe('Q09999999');
    const old = (await get(null, verify(hamadLetter.letter.id))).json<LetterVerification>();
    expect(old.status).toBe('revoked');
    expectProblem(await get(b.npocQat, pdfOf(hamadLetter.letter.id)), 409, 'letter_revoked');
    const audits = await t.db.db.select().from(auditLog);
    expect(audits.filter((a) => a.action === 'visa-letter.revoked')).toHaveLength(1);
    expect(audits.filter((a) => a.action === 'visa-letter.issued')).toHaveLength(2);
    expect(JSON.stringify(audits.map((a) => [a.before, a.after]))).not.toContain('Q09999999');
  });

  it('refuses a nomination that is not selected', async () => {
    await t.db.db
      .update(nominations)
      .set({ status: 'waitlisted' })
      .where(eq(nominations.id, world.nominations.waiting));
    expectProblem(await post(b.registrar, issue(world.nominations.waiting)), 409, 'not_selected');
    expect(participants).toBeDefined();
  });
});
