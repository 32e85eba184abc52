import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import type {
  AdministrationHome,
  MySessionsHome,
  ParticipantHome,
} from '../../../contract/home.js';
import { addDays } from '../../../domain/venue-calendar.js';
import {
  attendanceMarks,
  certificates,
  nominations,
  participantResults,
  passwordTokens,
  signingKeys,
  surveyResponses,
  surveyTemplates,
  trainingSessions,
} from '../../db/schema/index.js';
import { runningSession, seedFieldVenue, venueToday } from '../attendance/test-data.js';
import { makeNomination } from '../logistics/test-data.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';

const MY_SESSIONS = '/api/v1/portal/my-sessions';
const ADMINISTRATION = '/api/v1/portal/administration';
const MY_TRAINING = '/api/v1/portal/my-training';

describe('the homes of directors, instructors, administrators and participants', () => {
  let t: TestApp;
  let director: Browser;
  let instructor: Browser;
  let otherDirector: Browser;
  let participant: Browser;
  let npoc: Browser;
  const today = venueToday();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await seedFieldVenue(db);
    await makeActivity(db, 'CT-BASIC');
    const directorUser = await makeUser(db, ['course_director']);
    const instructorUser = await makeUser(db, ['instructor']);
    const otherUser = await makeUser(db, ['course_director']);
    const participantUser = await makeUser(db, ['participant'], 'KWT');

    // Running today: two participants, one already marked for today.
    const running = await runningSession(db, 'HOME-A-27', 'CT-BASIC', {
      directorId: directorUser.id,
      instructorIds: [instructorUser.id],
    });
    const marked = await makeNomination(db, running, 'KWT', { familyNameLatin: 'Marked' });
    await makeNomination(db, running, 'QAT', { familyNameLatin: 'Unmarked' });
    await db.insert(attendanceMarks).values({
      nominationId: marked,
      day: today,
      status: 'present',
      source: 'roster',
      markedBy: directorUser.id,
      markedAt: new Date(),
      version: 1,
    });
    // Someone else's session, running too.
    await runningSession(db, 'HOME-B-27', 'CT-BASIC', { directorId: otherUser.id });
    // Ended yesterday, results not confirmed, with level-1 answers.
    const ended = await runningSession(db, 'HOME-C-27', 'CT-BASIC', {
      directorId: directorUser.id,
      startDate: addDays(today, -5),
      endDate: addDays(today, -1),
    });
    await makeNomination(db, ended, 'KWT', { familyNameLatin: 'Ended' });
    const [template] = await db
      .insert(surveyTemplates)
      .values({ code: 'L1-HOME', title: { en: 'Reaction' }, level: 1, questions: [] })
      .returning({ id: surveyTemplates.id });
    if (!template) throw new Error('no template');
    await db.insert(surveyResponses).values({
      sessionId: ended,
      templateId: template.id,
      level: 1,
      respondent: 'participant',
      answers: { q1: 5 },
    });

    // The participant: selected on the running session and on a finished one with a certificate.
    const own = await makeNomination(db, ended, 'KWT', {
      familyNameLatin: 'Own',
      userId: participantUser.id,
    });
    await db
      .insert(participantResults)
      .values({ nominationId: own, proposedStatus: 'completed', status: 'completed' });
    const [person] = await db
      .select({ id: nominations.participantId })
      .from(nominations)
      .where(eq(nominations.id, own));
    if (!person) throw new Error('no participant');
    await db.insert(nominations).values({
      sessionId: running,
      participantId: person.id,
      nationCode: 'KWT',
      status: 'selected',
      seatSource: 'quota',
      eligibility: { lines: [], eligible: true },
    });
    await db.insert(signingKeys).values({
      id: 'test-key-1',
      algorithm: 'Ed25519',
      publicKey: 'public',
      privateKey: 'private',
    });
    await db.insert(certificates).values({
      id: 'CERT-HOME-1',
      nominationId: own,
      payload: {},
      signature: 'sig',
      keyId: 'test-key-1',
    });

    director = await signIn(t.app, directorUser.email, directorUser.password);
    instructor = await signIn(t.app, instructorUser.email, instructorUser.password);
    otherDirector = await signIn(t.app, otherUser.email, otherUser.password);
    participant = await signIn(t.app, participantUser.email, participantUser.password);
    npoc = await signInAs(t, ['npoc'], 'KWT');
  });
  afterAll(() => t.close());

  const read = async <T>(who: Browser, url: string): Promise<T> => {
    const response = await call(t.app, who, 'GET', url);
    expect(response.statusCode).toBe(200);
    return response.json() as T;
  };

  it("shows a director their sessions, today's roster to finish, results and answers", async () => {
    const home = await read<MySessionsHome>(director, MY_SESSIONS);
    expect(home.sessions.map((s) => s.code)).toEqual(['HOME-A-27']);
    expect(home.sessions[0]).toMatchObject({ role: 'director', running: true, today });
    expect(home.rostersToMark).toEqual([
      expect.objectContaining({ code: 'HOME-A-27', day: today, participants: 3, marked: 1 }),
    ]);
    expect(home.confirmsResults).toBe(true);
    expect(home.resultsToConfirm).toEqual([
      expect.objectContaining({ code: 'HOME-C-27', participants: 2, unconfirmed: 1 }),
    ]);
    expect(home.surveysToRead).toEqual([
      expect.objectContaining({ code: 'HOME-C-27', answers: 1 }),
    ]);
  });

  it('shows an instructor only the sessions they teach, without results or survey answers', async () => {
    const home = await read<MySessionsHome>(instructor, MY_SESSIONS);
    expect(home.sessions.map((s) => [s.code, s.role])).toEqual([['HOME-A-27', 'instructor']]);
    expect(home.rostersToMark.map((r) => r.code)).toEqual(['HOME-A-27']);
    expect(home.confirmsResults).toBe(false);
    expect(home.resultsToConfirm).toEqual([]);
    expect(home.readsSurveys).toBe(false);
    expect(home.surveysToRead).toEqual([]);
  });

  it("keeps another director's sessions out", async () => {
    const home = await read<MySessionsHome>(otherDirector, MY_SESSIONS);
    expect(home.sessions.map((s) => s.code)).toEqual(['HOME-B-27']);
    expect(home.rostersToMark).toEqual([]);
    expect(home.resultsToConfirm).toEqual([]);
    expect(home.surveysToRead).toEqual([]);
  });

  it('drops a roster from the list once every participant is marked for today', async () => {
    await t.db.pool.query(
      `insert into attendance_marks (nomination_id, day, status, source, marked_by, marked_at, version)
       select n.id, $1, 'absent', 'roster', s.director_id, now(), 1
         from nominations n join training_sessions s on s.id = n.session_id
        where s.code = 'HOME-A-27' and n.status = 'selected'
       on conflict do nothing`,
      [today],
    );
    const home = await read<MySessionsHome>(director, MY_SESSIONS);
    expect(home.sessions.map((s) => s.code)).toEqual(['HOME-A-27']);
    expect(home.rostersToMark).toEqual([]);
  });

  it('refuses the sessions home to roles that keep no roster, and anonymous callers', async () => {
    expect((await call(t.app, participant, 'GET', MY_SESSIONS)).statusCode).toBe(403);
    expect((await call(t.app, npoc, 'GET', MY_SESSIONS)).statusCode).toBe(403);
    expect((await call(t.app, null, 'GET', MY_SESSIONS)).statusCode).toBe(401);
  });

  it('shows an administrator invited accounts, failures, keys, backups and the version', async () => {
    const admin = await signInAs(t, ['administrator']);
    const invitee = await makeUser(t.db.db, ['nominator'], 'KWT');
    await t.db.db.insert(passwordTokens).values({
      tokenHash: 'invite-hash-home',
      userId: invitee.id,
      purpose: 'invite',
      expiresAt: new Date(Date.now() - 1000),
    });
    const home = await read<AdministrationHome>(admin, ADMINISTRATION);
    expect(home.usersWaiting.invitedTotal).toBe(1);
    expect(home.usersWaiting.invited[0]).toMatchObject({ id: invitee.id, expired: true });
    expect(home.keys.certificates.map((k) => k.id)).toEqual(['test-key-1']);
    expect(home.keys.certificates[0]?.retiredAt).toBeNull();
    expect(home.outbox).toEqual({ pending: expect.any(Number), failed: 0 });
    expect(home.failedJobs).toBe(0);
    expect(typeof home.backups.walArchiving).toBe('boolean');
    expect(home.version).toMatch(/^\d+\.\d+\.\d+/);

    // Once the invitee has signed in, they no longer wait.
    await t.db.pool.query('update users set last_sign_in_at = now() where id = $1', [invitee.id]);
    const after = await read<AdministrationHome>(admin, ADMINISTRATION);
    expect(after.usersWaiting.invitedTotal).toBe(0);
  });

  it('refuses the administration home to everyone but administrators', async () => {
    const registrar = await signInAs(t, ['registrar']);
    for (const who of [registrar, director, participant]) {
      expect((await call(t.app, who, 'GET', ADMINISTRATION)).statusCode).toBe(403);
    }
  });

  it('tells a participant their running session, their finished course and certificate', async () => {
    const home = await read<ParticipantHome>(participant, MY_TRAINING);
    expect(home.upcoming.map((s) => [s.code, s.running])).toEqual([['HOME-A-27', true]]);
    expect(home.past).toEqual([
      expect.objectContaining({
        code: 'HOME-C-27',
        result: 'completed',
        certificate: { id: 'CERT-HOME-1', revoked: false },
      }),
    ]);
    expect(home.certificates).toEqual({ valid: 1, revoked: 0 });
  });

  it('moves a session to the past once it is completed, even before its last day', async () => {
    await t.db.db
      .update(trainingSessions)
      .set({ status: 'completed' })
      .where(eq(trainingSessions.code, 'HOME-A-27'));
    const home = await read<ParticipantHome>(participant, MY_TRAINING);
    expect(home.upcoming).toEqual([]);
    expect(home.past.map((p) => [p.code, p.result])).toEqual([
      ['HOME-A-27', null],
      ['HOME-C-27', 'completed'],
    ]);
  });

  it('gives a signed-in user without a participant record an empty record', async () => {
    const home = await read<ParticipantHome>(npoc, MY_TRAINING);
    expect(home).toEqual({
      participantId: null,
      upcoming: [],
      past: [],
      certificates: { valid: 0, revoked: 0 },
    });
  });
});
