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
import { exportAuditsOf } from '../../../../test/support/audit.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { pdfText } from '../../../../test/support/pdf.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { MyAttendance, SessionReport } from '../../../contract/results.js';
import {
  auditLog,
  participants,
  surveyInvitations,
  surveyResponses,
  surveyTemplates,
} from '../../db/schema/index.js';
import { makePerson } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { DAYS, deliveredSession, markDays, seatedNomination } from './test-fixtures.js';

describe('post-course report and own attendance', () => {
  let t: TestApp;
  let director: Browser;
  let instructor: Browser;
  let otherInstructor: Browser;
  let registrar: Browser;
  let observer: Browser;
  let observerQat: Browser;
  let npoc: Browser;
  let participant: Browser;
  let kwtNomination: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await makeActivity(db, 'CT-REP', { title: { en: 'Crisis management', ar: 'إدارة الأزمات' } });
    await makeActivity(db, 'KWT-ONLY', { releasability: { nations: ['KWT'] } });
    const directorUser = await makeUser(db, ['course_director']);
    const instructorUser = await makeUser(db, ['instructor']);
    director = await signIn(t.app, directorUser.email, directorUser.password);
    instructor = await signIn(t.app, instructorUser.email, instructorUser.password);
    otherInstructor = await signInAs(t, ['instructor']);
    registrar = await signInAs(t, ['registrar']);
    observer = await signInAs(t, ['observer']);
    observerQat = await signInAs(t, ['observer'], 'QAT');
    npoc = await signInAs(t, ['npoc'], 'KWT');

    sessionId = await deliveredSession(db, 'REP-27', 'CT-REP', {
      directorId: directorUser.id,
      instructorIds: [instructorUser.id],
    });
    const participantUser = await makeUser(db, ['participant'], 'KWT');
    participant = await signIn(t.app, participantUser.email, participantUser.password);
    const salem = await makePerson(db, 'KWT', {
      familyNameLatin: 'Al-Ali',
      givenNamesLatin: 'Salem',
      familyNameArabic: 'العلي',
      givenNamesArabic: 'سالم',
      rankTitle: 'Colonel',
      userId: participantUser.id,
    });
    kwtNomination = await seatedNomination(db, sessionId, salem, 'KWT');
    const qat = await seatedNomination(db, sessionId, await makePerson(db, 'QAT'), 'QAT');
    await markDays(db, kwtNomination, ['present', 'present', 'absent', 'present']);
    await markDays(db, qat, ['present', 'excused', null, 'present']);
    await deliveredSession(db, 'KWT-27', 'KWT-ONLY', { directorId: directorUser.id });

    const [template] = await db
      .insert(surveyTemplates)
      .values({
        code: 'L1-STD',
        title: { en: 'End of course' },
        level: 1,
        questions: [
          { id: 'q1', kind: 'scale', text: { en: 'Overall', ar: 'بشكل عام' } },
          { id: 'q2', kind: 'text', text: { en: 'Comments' } },
        ],
      })
      .returning({ id: surveyTemplates.id });
    if (!template) throw new Error('no template');
    const invite = (nominationId: string) =>
      db
        .insert(surveyInvitations)
        .values({
          sessionId,
          nominationId,
          templateId: template.id,
          level: 1,
          respondent: 'participant',
          closesAt: new Date('2027-04-30T00:00:00Z'),
        })
        .returning({ id: surveyInvitations.id });
    await invite(kwtNomination);
    await invite(qat);
    await db.insert(surveyResponses).values({
      sessionId,
      templateId: template.id,
      level: 1,
      respondent: 'participant',
      answers: { q1: 4, q2: 'Useful' },
    });
  });
  afterAll(() => t.close());

  const report = (who: Browser | null, code = 'REP-27') =>
    call(t.app, who, 'GET', `/api/v1/sessions/${code}/report`);

  it('gathers participants by nation, attendance per day and the evaluation', async () => {
    const response = await report(instructor);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SessionReport>();
    expect(body.session).toMatchObject({ code: 'REP-27', instructorNames: [expect.any(String)] });
    expect(body.totals).toMatchObject({ participants: 2, unconfirmed: 2 });
    expect(body.nations.map((n) => [n.nationCode, n.participants, n.nationName.en])).toEqual([
      ['KWT', 1, 'Kuwait'],
      ['QAT', 1, 'Qatar'],
    ]);
    expect(body.attendance.days).toEqual([
      { day: DAYS[0], present: 2, absent: 0, excused: 0, unmarked: 0, rate: 100 },
      { day: DAYS[1], present: 1, absent: 0, excused: 1, unmarked: 0, rate: 50 },
      { day: DAYS[2], present: 0, absent: 1, excused: 0, unmarked: 1, rate: 0 },
      { day: DAYS[3], present: 2, absent: 0, excused: 0, unmarked: 0, rate: 100 },
    ]);
    expect(body.attendance.rate).toBe(62.5);
    expect(body.evaluation.level1).toEqual({
      invited: 2,
      responses: 1,
      responseRate: 50,
      questions: [{ id: 'q1', text: { en: 'Overall', ar: 'بشكل عام' }, answers: 1, mean: 4 }],
    });
    expect(body.evaluation.level2).toBeNull();
    expect(body.canEditComments).toBe(false);
    expect(body.scopedToNation).toBeNull();
  });

  it('lets observers read, scoped to their nation, and refuses others', async () => {
    expect((await report(observer)).statusCode).toBe(200);
    expect((await report(registrar)).statusCode).toBe(200);
    const scoped = (await report(observerQat)).json<SessionReport>();
    expect(scoped.scopedToNation).toBe('QAT');
    expect(scoped.participants.map((p) => p.nationCode)).toEqual(['QAT']);
    expect(scoped.nations.map((n) => n.nationCode)).toEqual(['QAT']);

    expectProblem(await report(null), 401, 'unauthenticated');
    expectProblem(await report(npoc), 403, 'forbidden');
    expectProblem(await report(participant), 403, 'forbidden');
    expectProblem(await report(otherInstructor), 403, 'forbidden');
    // A session not released to the observer's nation does not exist for them.
    expectProblem(await report(observerQat, 'KWT-27'), 404, 'not_found');
    expectProblem(await report(registrar, 'lower-case'), 400, 'validation_failed');
  });

  it("keeps the director's comments, audited", async () => {
    const comment = (who: Browser | null, body: object) =>
      call(t.app, who, 'PUT', '/api/v1/sessions/REP-27/report/comments', body);
    expectProblem(await comment(null, { text: 'x' }), 401, 'unauthenticated');
    expectProblem(await comment(instructor, { text: 'x' }), 403, 'forbidden');
    expectProblem(await comment(observer, { text: 'x' }), 403, 'forbidden');
    expectProblem(await comment(director, { text: 'x'.repeat(10001) }), 400, 'validation_failed');
    expectProblem(await comment(director, {}), 400, 'validation_failed');
    expectProblem(await comment(observerQat, { text: 'x' }), 403, 'forbidden');

    const saved = await comment(director, {
      text: 'Good group.\nالمشاركون متحمسون، والدورة ناجحة.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<SessionReport>()).toMatchObject({
      directorComments: 'Good group.\nالمشاركون متحمسون، والدورة ناجحة.',
      canEditComments: true,
    });
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'report.comments-changed'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(director.userId);
  });

  it('renders the report as a PDF, with the Arabic name in Arabic', async () => {
    const arabic = await call(
      t.app,
      instructor,
      'GET',
      '/api/v1/sessions/REP-27/report.pdf?locale=ar',
    );
    expect(arabic.statusCode, arabic.body.slice(0, 200)).toBe(200);
    expect(await exportAuditsOf(t.db.pool, arabic)).toEqual([
      {
        actorId: instructor.userId,
        entityType: 'session',
        entityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        after: {
          export: 'session-report',
          format: 'pdf',
          rows: expect.any(Number),
          filters: { locale: 'ar' },
        },
      },
    ]);
    expect(arabic.headers['content-type']).toBe('application/pdf');
    expect(arabic.headers['content-disposition']).toContain('report-REP-27-ar.pdf');
    const text = pdfText(arabic.rawPayload);
    expect(text).toContain('سالم العلي');
    expect(text).toContain('تقرير ما بعد الدورة');
    expect(text).toContain('إدارة الأزمات');
    expect(text).toContain('REP-27');
    expect(text).toContain('AL-ALI, Salem');

    const english = await call(t.app, director, 'GET', '/api/v1/sessions/REP-27/report.pdf');
    expect(english.statusCode).toBe(200);
    const en = pdfText(english.rawPayload);
    expect(en).toContain('Post-course report');
    expect(en).toContain('Crisis management');
    expect(en).toContain('AL-ALI, Salem');
    expect(en).toContain('Overall attendance: 62.5%');

    expectProblem(
      await call(t.app, director, 'GET', '/api/v1/sessions/REP-27/report.pdf?locale=de'),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/sessions/REP-27/report.pdf'),
      401,
      'unauthenticated',
    );
    expectProblem(
      await call(t.app, npoc, 'GET', '/api/v1/sessions/REP-27/report.pdf'),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, observerQat, 'GET', '/api/v1/sessions/KWT-27/report.pdf'),
      404,
      'not_found',
    );
  });

  it("shows a participant their own marks, and nobody else's", async () => {
    expectProblem(await call(t.app, null, 'GET', '/api/v1/me/attendance'), 401, 'unauthenticated');
    const response = await call(t.app, participant, 'GET', '/api/v1/me/attendance');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<MyAttendance>();
    expect(body.sessions).toHaveLength(1);
    expect(body.sessions[0]).toMatchObject({
      nominationId: kwtNomination,
      sessionCode: 'REP-27',
      summary: { days: 4, present: 3, absent: 1, excused: 0, unmarked: 0 },
      result: null,
    });
    expect(body.sessions[0]?.days.map((d) => d.status)).toEqual([
      'present',
      'present',
      'absent',
      'present',
    ]);

    const none = await call(t.app, npoc, 'GET', '/api/v1/me/attendance');
    expect(none.json<MyAttendance>()).toEqual({ participantId: null, sessions: [] });
    const [row] = await t.db.db
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.userId, participant.userId));
    expect(body.participantId).toBe(row?.id);
  });
});
