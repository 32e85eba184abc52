import { desc, eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../../../test/support/app.js';
import { seedPartners } from '../../../../../test/support/factories.js';
import type { Locale } from '../../../../contract/common.js';
import type { Nomination } from '../../../../contract/nominations.js';
import type { Session } from '../../../../contract/sessions.js';
import { addDays } from '../../../../domain/venue-calendar.js';
import { nominations, sessionChanges, trainingSessions } from '../../../db/schema/index.js';
import { runDueJobs } from '../../../jobs/run-due.js';
import { formatDays } from '../../messages/dates.js';
import { createMailer } from '../../messages/mailer.js';
import { gapsIn } from '../../messages/message-gaps.js';
import { startSmtpFixture } from '../../messages/smtp-fixture.js';
import {
  kuwaitToday,
  makePerson,
  openSession,
  submitNominations,
} from '../../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../test-data.js';
import { notifySessionChange } from './notify.js';
import {
  giveAccount,
  noticesOf,
  outboxOf,
  parseInvitation,
  queuedJobs,
  runSessionChangeJobs,
  userSpeaking,
} from './test-fixtures.js';

/** The first Sunday on or after `date`: Kuwait's week starts then. */
function sundayFrom(date: string): string {
  let day = date;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 0) day = addDays(day, 1);
  return day;
}

describe('a change to a session reaches the people it concerns', () => {
  let t: TestApp;
  let registrar: Browser;
  let npocKwt: Browser;
  let npocQat: Browser;
  const people: Record<string, { id: string; email: string }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC', {
      title: {
        en: 'Counter-terrorism basics',
        fr: 'Bases du contre-terrorisme',
        ar: 'أساسيات مكافحة الإرهاب',
      },
    });
    registrar = await signInAs('registrar', ['registrar'], 'en');
    npocKwt = await signInAs('npocKwt', ['npoc'], 'ar', 'KWT');
    npocQat = await signInAs('npocQat', ['npoc'], 'en', 'QAT');
    await signInAs('director', ['course_director'], 'fr');
    await signInAs('instructor', ['instructor'], 'en');
    await signInAs('newDirector', ['course_director'], 'ar');
  });
  afterAll(() => t.close());

  async function signInAs(
    name: string,
    roles: Parameters<typeof userSpeaking>[1],
    locale: Locale,
    nation: string | null = null,
  ): Promise<Browser> {
    const user = await userSpeaking(t.db.db, roles, locale, nation);
    people[name] = user;
    return signIn(t.app, user.email, user.password);
  }
  const person = (name: string) => {
    const found = people[name];
    if (!found) throw new Error(`no ${name}`);
    return found;
  };

  const decide = async (id: string, action: string, reason?: string) => {
    const url = `/api/v1/nominations/${id}/transitions`;
    const response = await call(t.app, registrar, 'POST', url, { action, reason });
    expect(response.statusCode, response.body).toBe(200);
  };
  const nomination = async (id: string) =>
    (await call(t.app, registrar, 'GET', `/api/v1/nominations/${id}`)).json<Nomination>();
  const patch = (code: string, body: object) =>
    call(t.app, registrar, 'PATCH', `/api/v1/sessions/${code}`, body);

  /** An announced session led by the director, with the instructor on it. */
  async function plan(code: string, options: Parameters<typeof openSession>[3] = {}) {
    const id = await openSession(t.db.db, code, 'CT-BASIC', {
      directorId: person('director').id,
      ...options,
    });
    const staffed = await patch(code, {
      instructorIds: [person('instructor').id],
      confirmStaffConflicts: true,
    });
    expect(staffed.statusCode, staffed.body).toBe(200);
    return id;
  }

  describe('new dates', () => {
    let sessionId: string;
    let selected: Nomination;
    let waitlisted: Nomination;
    let pending: Nomination;
    let oldDates: { startDate: string; endDate: string };
    const newStart = sundayFrom(addDays(kuwaitToday(), 75));
    const newEnd = addDays(newStart, 4);

    beforeAll(async () => {
      sessionId = await plan('CH-DATES');
      const [a, b] = await submitNominations(t, npocKwt, 'CH-DATES', 'KWT', 2);
      const [c] = await submitNominations(t, npocQat, 'CH-DATES', 'QAT', 1);
      if (!a || !b || !c) throw new Error('nominations missing');
      await decide(a, 'select');
      await decide(c, 'waitlist');
      // The decisions' joining instructions go out before the session moves.
      await runSessionChangeJobs(t);
      selected = await nomination(a);
      pending = await nomination(b);
      waitlisted = await nomination(c);
      await giveAccount(t.db.db, selected.participantId, 'KWT', 'ar');
      oldDates = { startDate: selected.startDate, endDate: selected.endDate };
      const moved = await patch('CH-DATES', { startDate: newStart, endDate: newEnd });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json<Session>()).toMatchObject({ startDate: newStart, endDate: newEnd });
      await runSessionChangeJobs(t);
    });

    const mails = async () =>
      (await outboxOf(t.db.db, 'session-changed')).filter((m) => m.body.includes('CH-DATES'));

    it('e-mails the selected participant, both nations and the staff, each in their language', async () => {
      const byAddress = new Map((await mails()).map((m) => [m.toAddress, m.locale]));
      const participantEmail = (
        await t.db.pool.query<{ email: string }>('select email from participants where id = $1', [
          selected.participantId,
        ])
      ).rows[0]?.email;
      expect(Object.fromEntries(byAddress)).toEqual({
        [String(participantEmail)]: 'ar',
        [person('npocKwt').email]: 'ar',
        [person('npocQat').email]: 'en',
        [person('director').email]: 'fr',
        [person('instructor').email]: 'en',
      });
    });

    it('says what changed, before and after, with dates written for the reader', async () => {
      const all = await mails();
      const arabic = all.find((m) => m.toAddress === person('npocKwt').email);
      expect(arabic?.subject).toContain('CH-DATES');
      expect(arabic?.body).toContain(
        `التواريخ: ${formatDays(oldDates.startDate, oldDates.endDate, 'ar')} ← ${formatDays(newStart, newEnd, 'ar')}`,
      );
      // Both of Kuwait's nominations, by their Arabic names, with where they stand.
      expect(arabic?.body).toContain('سالم العلي (مختار)');
      expect(arabic?.body).toContain('سالم العلي (مقدَّم)');
      const french = all.find((m) => m.toAddress === person('director').email);
      expect(french?.body).toContain(
        `Dates : ${formatDays(oldDates.startDate, oldDates.endDate, 'fr')} → ${formatDays(newStart, newEnd, 'fr')}`,
      );
      expect(french?.body).toContain('Vous êtes directeur du cours de cette session.');
      const qatar = all.find((m) => m.toAddress === person('npocQat').email);
      expect(qatar?.body).toMatch(/Given\d+ Family\d+ \(waitlisted\)/);
      expect(waitlisted.status).toBe('waitlisted');
      expect(qatar?.body).toContain(formatDays(newStart, newEnd, 'en'));
      // Read as the house reads every e-mail: nothing left out, every Arabic line in Arabic.
      for (const mail of all)
        expect(gapsIn(mail, mail.locale as Locale), mail.toAddress).toEqual([]);
    });

    it('updates the invitations people hold in place: same UID, higher SEQUENCE, new dates', async () => {
      const joining = (await outboxOf(t.db.db, 'joining-instructions')).find(
        (m) => m.toAddress === person('npocKwt').email && m.body.includes('CH-DATES'),
      );
      const first = parseInvitation(joining?.attachments[0]);
      expect(first.event.sequence).toBe(0);
      const all = await mails();
      for (const to of [person('npocKwt').email]) {
        const mail = all.find((m) => m.toAddress === to);
        expect(mail?.attachments).toHaveLength(1);
        const update = parseInvitation(mail?.attachments[0]);
        expect(update.method).toBe('PUBLISH');
        expect(update.event.uid).toBe(first.event.uid);
        expect(update.event.uid).toBe(`${selected.id}@rabita`);
        expect(update.event.sequence).toBe(1);
        expect(update.event.start.toISOString().slice(0, 10)).toBe(newStart);
        expect(update.event.end?.toISOString().slice(0, 10)).toBe(addDays(newEnd, 1));
        expect(update.event.summary).toBe('CH-DATES · أساسيات مكافحة الإرهاب');
      }
      // Qatar's nomination waits for a seat: it holds no invitation, so none comes.
      expect(all.find((m) => m.toAddress === person('npocQat').email)?.attachments).toEqual([]);
      const director = parseInvitation(
        all.find((m) => m.toAddress === person('director').email)?.attachments[0],
      );
      expect(director.event.uid).toBe(`staff-${sessionId}@rabita`);
      expect(director.event.sequence).toBe(1);
      expect(director.event.summary).toBe('CH-DATES · Bases du contre-terrorisme');
    });

    it('puts a notice under the bell of everyone with an account', async () => {
      const participant = await t.db.pool.query<{ user_id: string }>(
        'select user_id from participants where id = $1',
        [selected.participantId],
      );
      const ids = [
        String(participant.rows[0]?.user_id),
        person('npocKwt').id,
        person('npocQat').id,
        person('director').id,
        person('instructor').id,
      ];
      for (const id of ids) {
        const notes = await noticesOf(t.db.db, id, 'session-changed');
        expect(notes, id).toHaveLength(1);
        expect(notes[0]?.params).toEqual({
          sessionCode: 'CH-DATES',
          changed: 'dates',
          startDate: newStart,
          endDate: newEnd,
        });
      }
      expect(pending.status).toBe('submitted');
    });

    it('tells nobody of what concerns the centre alone, and keeps the sequence', async () => {
      const before = (await outboxOf(t.db.db, 'session-changed')).length;
      const edited = await patch('CH-DATES', { notes: 'Room 2 this time' });
      expect(edited.statusCode, edited.body).toBe(200);
      await runSessionChangeJobs(t);
      expect(await outboxOf(t.db.db, 'session-changed')).toHaveLength(before);
      const [row] = await t.db.db
        .select({ sequence: trainingSessions.calendarSequence })
        .from(trainingSessions)
        .where(eq(trainingSessions.id, sessionId));
      expect(row?.sequence).toBe(1);
    });

    it('tells once however often the job runs, even after a crash half-way', async () => {
      const count = async () =>
        Number(
          (
            await t.db.pool.query<{ n: string }>(
              `select (select count(*) from outbox_messages) + (select count(*) from notifications) as n`,
            )
          ).rows[0]?.n,
        );
      const edited = await patch('CH-DATES', {
        joiningInstructions: { en: 'Bring your passport.' },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      // Recorded with its job in the edit's transaction, nobody told yet.
      const [waiting] = await t.db.db
        .select()
        .from(sessionChanges)
        .where(eq(sessionChanges.sessionId, sessionId))
        .orderBy(desc(sessionChanges.createdAt))
        .limit(1);
      if (!waiting) throw new Error('no change recorded');
      expect(waiting).toMatchObject({ kind: 'updated', notifiedAt: null, calendarSequence: 2 });
      expect((await queuedJobs(t, 'session.changed')).map((j) => j.payload)).toEqual([
        { changeId: waiting.id },
      ]);
      const start = await count();
      await expect(
        t.db.db.transaction(async (tx) => {
          await notifySessionChange(tx, waiting.id);
          throw new Error('the worker died before its commit');
        }),
      ).rejects.toThrow('the worker died');
      expect(await count()).toBe(start);
      await notifySessionChange(t.db.db, waiting.id);
      const once = await count();
      // Six people, each with an e-mail and a notice: the move promoted Qatar's waitlisted
      // nomination (an edit offers free seats to the waitlist), so its participant holds a seat.
      expect(once - start).toBe(6 * 2);
      await notifySessionChange(t.db.db, waiting.id);
      await runSessionChangeJobs(t);
      expect(await count()).toBe(once);
      expect(await queuedJobs(t, 'session.changed')).toEqual([]);
    });
  });

  describe('a new director and new joining instructions', () => {
    let sessionId: string;
    beforeAll(async () => {
      sessionId = await plan('CH-STAFF');
      const [a] = await submitNominations(t, npocKwt, 'CH-STAFF', 'KWT', 1);
      if (!a) throw new Error('nomination missing');
      await decide(a, 'select');
      const edited = await patch('CH-STAFF', {
        directorId: person('newDirector').id,
        joiningInstructions: {
          en: 'Report at 07:30 in service dress.',
          ar: 'الحضور الساعة 07:30 بالزي الرسمي.',
        },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      await runSessionChangeJobs(t);
    });
    const mailTo = async (name: string) =>
      (await outboxOf(t.db.db, 'session-changed')).find(
        (m) => m.toAddress === person(name).email && m.body.includes('CH-STAFF'),
      );

    it('takes the session out of the former director’s calendar and into the new one’s', async () => {
      const former = await mailTo('director');
      expect(former?.locale).toBe('fr');
      expect(former?.body).toContain("Vous ne faites plus partie de l'équipe de cette session.");
      const removed = parseInvitation(former?.attachments[0]);
      expect(removed).toMatchObject({ method: 'CANCEL' });
      expect(removed.event).toMatchObject({
        uid: `staff-${sessionId}@rabita`,
        status: 'CANCELLED',
      });
      const arrived = await mailTo('newDirector');
      expect(arrived?.locale).toBe('ar');
      expect(arrived?.body).toContain('أنتم مدير هذه الدورة.');
      const added = parseInvitation(arrived?.attachments[0]);
      expect(added.method).toBe('PUBLISH');
      expect(added.event.sequence).toBe(removed.event.sequence);
    });

    it('gives the new instructions to those who hold a seat, in their language', async () => {
      const npoc = await mailTo('npocKwt');
      expect(npoc?.body).toContain('مدير الدورة:');
      expect(npoc?.body).toContain('الحضور الساعة 07:30 بالزي الرسمي.');
      const invitation = parseInvitation(npoc?.attachments[0]);
      expect(String(invitation.event.description)).toBe('الحضور الساعة 07:30 بالزي الرسمي.');
      const instructor = await mailTo('instructor');
      expect(instructor?.body).toContain(
        'Joining instructions: updated; they now read:\nReport at 07:30',
      );
    });
  });

  it('tells of an edit overtaken by a cancellation only the cancellation', async () => {
    await plan('CH-LATE');
    const [a] = await submitNominations(t, npocKwt, 'CH-LATE', 'KWT', 1);
    if (!a) throw new Error('nomination missing');
    await decide(a, 'select');
    await runSessionChangeJobs(t);
    const edited = await patch('CH-LATE', { joiningInstructions: { en: 'Bring a laptop.' } });
    expect(edited.statusCode, edited.body).toBe(200);
    const url = '/api/v1/sessions/CH-LATE/transitions';
    const cancelled = await call(t.app, registrar, 'POST', url, {
      to: 'cancelled',
      reason: 'Postponed to next year.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // Both jobs were queued before either ran, as with a busy worker.
    await runSessionChangeJobs(t);
    const about = async (event: string) =>
      (await outboxOf(t.db.db, event)).filter((m) => m.body.includes('CH-LATE'));
    expect(await about('session-changed')).toEqual([]);
    // The participant, Kuwait's NPOC, the director and the instructor.
    expect(await about('session-cancelled')).toHaveLength(4);
    const { rows } = await t.db.pool.query(
      `select count(*)::int as n from session_changes c join training_sessions s
          on s.id = c.session_id where s.code = 'CH-LATE' and c.notified_at is null`,
    );
    expect(rows[0]).toEqual({ n: 0 });
  });

  describe('cancellation', () => {
    let sessionId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      sessionId = await plan('CH-CANCEL', {
        capacity: 3,
        quotas: [
          { nationCode: 'KWT', seats: 1 },
          { nationCode: 'QAT', seats: 0 },
        ],
      });
      const kwt = await submitNominations(t, npocKwt, 'CH-CANCEL', 'KWT', 4);
      const qat = await submitNominations(t, npocQat, 'CH-CANCEL', 'QAT', 2);
      const [quota, pool, pending, rejected] = kwt;
      const [qatPool, qatWaiting] = qat;
      Object.assign(ids, { quota, pool, pending, rejected, qatPool, qatWaiting });
      await decide(String(quota), 'select');
      await decide(String(pool), 'select');
      await decide(String(qatPool), 'select');
      await decide(String(qatWaiting), 'waitlist');
      await decide(String(rejected), 'reject', 'Rank too junior');
      const draft = await call(t.app, npocKwt, 'POST', '/api/v1/nominations', {
        sessionCode: 'CH-CANCEL',
        participantId: await makePerson(t.db.db, 'KWT'),
      });
      expect(draft.statusCode, draft.body).toBe(201);
      ids.draft = draft.json<Nomination>().id;
      const cancelled = await call(
        t.app,
        registrar,
        'POST',
        '/api/v1/sessions/CH-CANCEL/transitions',
        { to: 'cancelled', reason: 'The venue is closed for repairs.' },
      );
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json<Session>()).toMatchObject({
        status: 'cancelled',
        seats: { taken: 0 },
      });
      await runSessionChangeJobs(t);
    });

    it('ends every live nomination as session-cancelled and releases its seat', async () => {
      const rows = await t.db.db
        .select({ id: nominations.id, status: nominations.status, seat: nominations.seatSource })
        .from(nominations)
        .where(eq(nominations.sessionId, sessionId));
      const statusOf = new Map(rows.map((r) => [r.id, r.status]));
      for (const name of ['quota', 'pool', 'pending', 'qatPool', 'qatWaiting', 'draft']) {
        expect(statusOf.get(String(ids[name])), name).toBe('session-cancelled');
      }
      expect(statusOf.get(String(ids.rejected))).toBe('rejected');
      expect(rows.every((r) => r.seat === null)).toBe(true);
      const seats = await t.db.pool.query(
        `select s.seats_taken, s.pool_taken, (select sum(taken)::int from session_quotas q
           where q.session_id = s.id) as quota_taken
           from training_sessions s where s.id = $1`,
        [sessionId],
      );
      expect(seats.rows[0]).toEqual({ seats_taken: 0, pool_taken: 0, quota_taken: 0 });
    });

    it('shows it on each timeline and to the nation', async () => {
      const seen = await call(t.app, npocKwt, 'GET', `/api/v1/nominations/${ids.quota}`);
      const read = seen.json<Nomination>();
      expect(read.status).toBe('session-cancelled');
      expect(read.allowedActions).toEqual([]);
      expect(read.timeline.at(-1)).toMatchObject({
        action: 'session-cancel',
        fromStatus: 'selected',
        toStatus: 'session-cancelled',
        reason: 'The venue is closed for repairs.',
      });
      const waiting = await nomination(String(ids.qatWaiting));
      expect(waiting.timeline.at(-1)).toMatchObject({ fromStatus: 'waitlisted' });
      // Neither withdrawn nor a no-show: nobody pulled out.
      const { rows } = await t.db.pool.query(
        `select count(*)::int as n from nominations
          where session_id = $1 and (status = 'withdrawn' or result is not null)`,
        [sessionId],
      );
      expect(rows[0]).toEqual({ n: 0 });
    });

    it('arrives by SMTP as its reader reads it, the cancellation readable by a calendar', async () => {
      const smtp = await startSmtpFixture();
      const mailer = createMailer(smtp.url, 'Rabita Test <no-reply@rabita.test>');
      try {
        await runDueJobs({ db: t.db.db, url: t.db.url, mailer, only: ['mail.send'] });
      } finally {
        mailer.close();
        await smtp.close();
      }
      const index = smtp.envelopes.findIndex(
        (to, i) =>
          to.includes(person('npocKwt').email) &&
          String(smtp.received[i]?.subject).startsWith('إلغاء الدورة CH-CANCEL'),
      );
      const mail = smtp.received[index];
      expect(mail?.subject).toBe('إلغاء الدورة CH-CANCEL: أساسيات مكافحة الإرهاب');
      expect(mail?.text).toContain('السبب: The venue is closed for repairs.');
      const calendars = (mail?.attachments ?? []).filter((a) => a.contentType === 'text/calendar');
      expect(calendars).toHaveLength(2);
      for (const attachment of calendars) {
        const parsed = ical.sync.parseICS(attachment.content.toString('utf8'));
        const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as VEvent;
        expect((parsed.vcalendar as { method?: string }).method).toBe('CANCEL');
        expect(event.status).toBe('CANCELLED');
        expect(event.sequence).toBeGreaterThan(0);
      }
    });

    it('cancels the invitations of those who held a seat and tells every nation why', async () => {
      const all = (await outboxOf(t.db.db, 'session-cancelled')).filter((m) =>
        m.body.includes('CH-CANCEL'),
      );
      const kuwait = all.find((m) => m.toAddress === person('npocKwt').email);
      expect(kuwait?.locale).toBe('ar');
      expect(kuwait?.body).toContain('The venue is closed for repairs.');
      // Two seats of Kuwait, each invitation cancelled under its own UID.
      expect(kuwait?.attachments).toHaveLength(2);
      for (const attachment of kuwait?.attachments ?? []) {
        const { method, event } = parseInvitation(attachment);
        expect(method).toBe('CANCEL');
        expect(event.status).toBe('CANCELLED');
        expect([`${ids.quota}@rabita`, `${ids.pool}@rabita`]).toContain(event.uid);
      }
      const qatar = all.find((m) => m.toAddress === person('npocQat').email);
      expect(qatar?.body).toContain('(selected)');
      expect(qatar?.body).toContain('(waitlisted)');
      expect(qatar?.body).toContain('none counts as a withdrawal');
      for (const mail of all)
        expect(gapsIn(mail, mail.locale as Locale), mail.toAddress).toEqual([]);
      const { rows: seated } = await t.db.pool.query<{ email: string; id: string }>(
        `select p.email, n.id from participants p join nominations n on n.participant_id = p.id
          where n.id = any($1)`,
        [[ids.quota, ids.pool, ids.qatPool]],
      );
      expect(seated).toHaveLength(3);
      for (const { email, id } of seated) {
        const mail = all.find((m) => m.toAddress === email);
        expect(mail?.body).toContain('Your seat on this session is released.');
        const { method, event } = parseInvitation(mail?.attachments[0]);
        expect([method, event.uid, event.status]).toEqual(['CANCEL', `${id}@rabita`, 'CANCELLED']);
      }
      // Those without a seat hear of it through their NPOC only.
      expect(all).toHaveLength(3 + 2 + 2);
      const director = all.find((m) => m.toAddress === person('director').email);
      expect(parseInvitation(director?.attachments[0]).method).toBe('CANCEL');
      for (const id of [person('npocKwt').id, person('npocQat').id, person('director').id]) {
        const notes = await noticesOf(t.db.db, id, 'session-cancelled');
        const note = notes.find((n) => n.params.sessionCode === 'CH-CANCEL');
        expect(note?.params).toEqual({
          sessionCode: 'CH-CANCEL',
          reason: 'The venue is closed for repairs.',
        });
      }
    });
  });
});
