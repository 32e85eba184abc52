import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Agenda, AgendaItem } from '../../../contract/agenda.js';
import type { Lecturer } from '../../../contract/lecturers.js';
import type { Room } from '../../../contract/rooms.js';
import type {
  IssuedVisaLetter,
  LetterVerification,
  SessionLecturerLetters,
} from '../../../contract/visa-letters.js';
import { agendaItems, auditLog, outboxMessages } from '../../db/schema/index.js';
import { OTHER_SESSION, SESSION, seedCertificateWorld } from '../certificates/test-data.js';
import { runQueuedJobs } from '../nominations/test-fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rabita-agenda-'));

// pdftotext writes each right-to-left run back in logical order between embedding marks.
const plainText = (pdf: Buffer, name: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .replace(/[\u202a-\u202e]/g, '')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .join('\n');
};

const AGENDA = `/api/v1/sessions/${SESSION}/agenda`;
const ITEMS = `${AGENDA}/items`;

describe('session agendas and lecturers’ invitation letters', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof seedCertificateWorld>>;
  let b: typeof world.browsers;
  let haddad: Lecturer;
  let novak: Lecturer;
  let hall: Room;

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedCertificateWorld(t);
    b = world.browsers;
    const make = async (body: object) => {
      const r = await call(t.app, b.registrar, 'POST', '/api/v1/lecturers', body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json<Lecturer>();
    };
    haddad = await make({
      kind: 'external',
      nameLatin: 'Amira Haddad',
      nameArabic: 'أميرة حداد',
      title: 'Dr',
    });
    novak = await make({ kind: 'external', nameLatin: 'Jan Novak' });
    const room = await call(t.app, b.registrar, 'POST', '/api/v1/venues/KWI-NIRC/rooms', {
      name: 'Plenary hall',
      capacity: 80,
    });
    expect(room.statusCode, room.body).toBe(201);
    hall = room.json<Room>();
  });
  afterAll(async () => {
    await t.close();
    if (!process.env.KEEP_PDF) rmSync(dir, { recursive: true, force: true });
  });

  it('builds an agenda on the venue clock, refuses clashes whole, and publishes it to the nations that take part', async () => {
    const add = (code: string, body: object) =>
      call(t.app, b.registrar, 'POST', `/api/v1/sessions/${code}/agenda/items`, body);
    const opening = await add(SESSION, {
      title: { en: 'Opening and threat picture', ar: 'الافتتاح وصورة التهديد' },
      startsAt: '2027-03-07T09:00',
      endsAt: '2027-03-07T10:30',
      speakerIds: [haddad.id, novak.id],
      roomId: hall.id,
    });
    expect(opening.statusCode, opening.body).toBe(201);
    const item = opening.json<AgendaItem>();
    // Kuwait is UTC+3: stored as the instant, shown on the venue's clock.
    expect(item.startsAt).toBe('2027-03-07T06:00:00.000Z');
    expect(item.localEndsAt).toBe('2027-03-07T10:30');
    expect(item.speakers.map((s) => s.nameLatin)).toEqual(['Amira Haddad', 'Jan Novak']);
    expect(item.room?.name).toBe('Plenary hall');

    const rows = async () => (await t.db.db.select().from(agendaItems)).length;
    const audits = async () => (await t.db.db.select().from(auditLog)).length;
    const [itemsBefore, auditsBefore] = [await rows(), await audits()];
    // The same speaker at an overlapping time, on another session: refused, nothing written.
    const speakerClash = expectProblem(
      await add(OTHER_SESSION, {
        title: { en: 'Side talk' },
        startsAt: '2027-03-07T10:00',
        endsAt: '2027-03-07T11:00',
        speakerIds: [novak.id],
      }),
      409,
      'agenda_speaker_conflict',
    );
    expect(speakerClash.detail).toContain('Jan Novak');
    expect(speakerClash.detail).toContain(SESSION);
    expectProblem(
      await add(SESSION, {
        title: { en: 'Workshop' },
        startsAt: '2027-03-07T10:00',
        endsAt: '2027-03-07T12:00',
        roomId: hall.id,
      }),
      409,
      'agenda_room_conflict',
    );
    expectProblem(
      await add(SESSION, {
        title: { en: 'Early' },
        startsAt: '2027-03-06T09:00',
        endsAt: '2027-03-06T10:00',
      }),
      422,
      'agenda_outside_session',
    );
    expectProblem(
      await add(SESSION, {
        title: { en: 'Reversed' },
        startsAt: '2027-03-08T10:00',
        endsAt: '2027-03-08T09:00',
      }),
      422,
      'agenda_times_reversed',
    );
    expect([await rows(), await audits()]).toEqual([itemsBefore, auditsBefore]);

    // Back to back is fine; an edit is checked again; an NPOC may not edit.
    const panel = await add(SESSION, {
      title: { en: 'Panel', ar: 'حلقة نقاش' },
      startsAt: '2027-03-07T10:30',
      endsAt: '2027-03-07T12:00',
      speakerIds: [novak.id],
      roomId: hall.id,
    });
    expect(panel.statusCode, panel.body).toBe(201);
    const panelId = panel.json<AgendaItem>().id;
    expectProblem(
      await call(t.app, b.registrar, 'PATCH', `${ITEMS}/${panelId}`, {
        startsAt: '2027-03-07T10:00',
      }),
      409,
      'agenda_speaker_conflict',
    );
    const moved = await call(t.app, b.registrar, 'PATCH', `${ITEMS}/${panelId}`, {
      startsAt: '2027-03-08T10:00',
      endsAt: '2027-03-08T11:00',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await call(t.app, b.npocQat, 'POST', ITEMS, { title: { en: 'x' } })).statusCode).toBe(
      403,
    );
    const scrap = await add(SESSION, {
      title: { en: 'Scrap' },
      startsAt: '2027-03-09T09:00',
      endsAt: '2027-03-09T09:30',
    });
    const removed = await call(
      t.app,
      b.registrar,
      'DELETE',
      `${ITEMS}/${scrap.json<AgendaItem>().id}`,
    );
    expect(removed.json<Agenda>().items).toHaveLength(2);

    // A draft: staff read it, nations do not.
    expect((await call(t.app, b.director, 'GET', AGENDA)).json<Agenda>().status).toBe('draft');
    expectProblem(await call(t.app, b.npocQat, 'GET', AGENDA), 404, 'not_found');
    const published = await call(t.app, b.registrar, 'PUT', `${AGENDA}/publication`, {
      published: true,
    });
    expect(published.json<Agenda>().status).toBe('published');
    const actions = await t.db.db.select({ action: auditLog.action }).from(auditLog);
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'agenda.item-created',
        'agenda.item-updated',
        'agenda.item-deleted',
        'agenda.published',
      ]),
    );

    // Qatar and Kuwait have people selected; a participant selected reads it; another session
    // where the nation has nobody is not found, published or not.
    const seen = await call(t.app, b.npocQat, 'GET', AGENDA);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<Agenda>().canEdit).toBe(false);
    expect((await call(t.app, b.salem, 'GET', AGENDA)).statusCode).toBe(200);
    await call(t.app, b.registrar, 'PUT', `/api/v1/sessions/${OTHER_SESSION}/agenda/publication`, {
      published: true,
    });
    expectProblem(
      await call(t.app, b.npocQat, 'GET', `/api/v1/sessions/${OTHER_SESSION}/agenda`),
      404,
      'not_found',
    );
    expectProblem(
      await call(
        t.app,
        b.npocQat,
        'GET',
        `${AGENDA}.pdf?locale=ar`.replace(SESSION, OTHER_SESSION),
      ),
      404,
      'not_found',
    );

    // The printed agenda, in Arabic for Qatar's NPOC: Arabic words in reading order.
    const pdf = await call(t.app, b.npocQat, 'GET', `${AGENDA}.pdf?locale=ar`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = plainText(pdf.rawPayload, 'agenda-ar.pdf');
    expect(text).toContain('جدول الأعمال');
    expect(text).toContain('الافتتاح وصورة التهديد');
    expect(text).toContain('أميرة حداد');
    // A right-to-left line puts the start on the right: the range reads 10:30–09:00 left to right.
    expect(text).toContain('10:30–09:00');
    const en = plainText(
      (await call(t.app, b.registrar, 'GET', `${AGENDA}.pdf?locale=en`)).rawPayload,
      'agenda-en.pdf',
    );
    expect(en).toContain('Opening and threat picture');
    expect(en).toContain('Plenary hall');
  });

  it('sends the published agenda with the joining instructions', async () => {
    const selected = await call(
      t.app,
      b.registrar,
      'POST',
      `/api/v1/nominations/${world.nominations.waiting}/transitions`,
      {
        action: 'select',
      },
    );
    expect(selected.statusCode, selected.body).toBe(200);
    await runQueuedJobs(t);
    const mails = await t.db.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.event, 'joining-instructions'));
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.attachments.map((a) => a.filename)).toContain(
        `agenda-${SESSION}-${mail.locale}.pdf`,
      );
      expect(mail.body).toContain(`/sessions/${SESSION}#agenda`);
    }
  });

  it("issues a lecturer's invitation letter from the registry's passport data, verifiable, and refuses one without", async () => {
    const assign = async (lecturerId: string, role: string) => {
      const r = await call(t.app, b.registrar, 'POST', `/api/v1/sessions/${SESSION}/lecturers`, {
        lecturerId,
        role,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string }>().id;
    };
    const haddadOn = await assign(haddad.id, 'speaker');
    const novakOn = await assign(novak.id, 'panellist');
    const issue = (id: string) =>
      call(t.app, b.registrar, 'POST', `/api/v1/sessions/${SESSION}/lecturers/${id}/visa-letter`);
    const refused = expectProblem(await issue(novakOn), 422, 'lecturer_passport_missing');
    expect(refused.detail).toContain('passport-number');
    expect(
      await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'visa-letter.issued')),
    ).toHaveLength(0);

    const edited = await call(t.app, b.registrar, 'PATCH', `/api/v1/lecturers/${haddad.id}`, {
      passportName: 'AMIRA HADDAD',
      passportNumber: 'N1234567',
      nationalityCode: 'QAT',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'lecturer.updated'));
    expect(JSON.stringify(audit.at(-1)?.after)).not.toContain('N1234567');
    expect(
      (
        await call(
          t.app,
          b.npocQat,
          'POST',
          `/api/v1/sessions/${SESSION}/lecturers/${haddadOn}/visa-letter`,
        )
      ).statusCode,
    ).toBe(403);

    const issued = await issue(haddadOn);
    expect(issued.statusCode, issued.body).toBe(200);
    const { letter } = issued.json<IssuedVisaLetter>();
    expect(letter.assignmentId).toBe(haddadOn);
    expect(letter.printed.invitedAs).toBe('speaker');
    expect(letter.printed.participant.passportName).toBe('AMIRA HADDAD');
    expect((await issue(haddadOn)).json<IssuedVisaLetter>().outcome).toBe('unchanged');

    const verified = await call(t.app, null, 'GET', `/api/v1/verify/letters/${letter.id}`);
    expect(verified.json<LetterVerification>().status).toBe('valid');
    // No nation reads a lecturer's letter, Qatar's NPOC included.
    expectProblem(
      await call(t.app, b.npocQat, 'GET', `/api/v1/visa-letters/${letter.id}.pdf`),
      404,
      'not_found',
    );
    const pdf = await call(t.app, b.registrar, 'GET', `/api/v1/visa-letters/${letter.id}.pdf`);
    const text = plainText(pdf.rawPayload, 'lecturer-letter.pdf');
    expect(text).toContain('to take part as a speaker in');
    expect(text).toContain('بصفة متحدث');
    expect(text).toContain('N1234567');

    const list = await call(
      t.app,
      b.registrar,
      'GET',
      `/api/v1/sessions/${SESSION}/lecturer-letters`,
    );
    const rows = list.json<SessionLecturerLetters>().rows;
    expect(rows.find((r) => r.assignmentId === novakOn)?.missing).toEqual([
      'passport-name',
      'passport-number',
      'nationality',
    ]);
    expect(rows.find((r) => r.assignmentId === haddadOn)?.letter?.id).toBe(letter.id);
  });
});
