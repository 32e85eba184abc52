import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
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
import { expectProblem } from '../../../../test/support/problem.js';
import type { AttendanceBatchResult, AttendanceRoster } from '../../../contract/attendance.js';
import { addDays } from '../../../domain/venue-calendar.js';
import { attendanceMarks, auditLog } from '../../db/schema/index.js';
import { makeNomination } from '../logistics/test-data.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { attendanceSummary } from './summary.js';
import { closeResults, runningSession, seedFieldVenue, venueToday } from './test-data.js';

const ROSTER = '/api/v1/sessions/ATT-A-27/attendance';

describe('a session’s attendance roster', () => {
  let t: TestApp;
  let registrar: Browser;
  let director: Browser;
  let instructor: Browser;
  let otherDirector: Browser;
  let sessionId: string;
  let sabah: string;
  let thani: string;
  let waiting: string;
  const today = venueToday();
  const yesterday = addDays(today, -1);
  const holiday = addDays(today, -2);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await seedFieldVenue(db);
    await makeActivity(db, 'CT-BASIC');
    const directorUser = await makeUser(db, ['course_director']);
    const instructorUser = await makeUser(db, ['instructor']);
    const otherDirectorUser = await makeUser(db, ['course_director']);
    sessionId = await runningSession(db, 'ATT-A-27', 'CT-BASIC', {
      directorId: directorUser.id,
      instructorIds: [instructorUser.id],
    });
    await runningSession(db, 'ATT-B-27', 'CT-BASIC', { directorId: otherDirectorUser.id });
    const closed = await runningSession(db, 'ATT-C-27', 'CT-BASIC', {
      directorId: directorUser.id,
    });
    await makeNomination(db, closed, 'KWT', { familyNameLatin: 'Closed' });
    await closeResults(db, closed);
    sabah = await makeNomination(db, sessionId, 'KWT', {
      familyNameLatin: 'Al-Sabah',
      givenNamesLatin: 'Fahad',
      familyNameArabic: 'الصباح',
      givenNamesArabic: 'فهد',
      rankTitle: 'Major',
    });
    thani = await makeNomination(db, sessionId, 'QAT', { familyNameLatin: 'Al-Thani' });
    waiting = await makeNomination(
      db,
      sessionId,
      'KWT',
      { familyNameLatin: 'Waiting' },
      'waitlisted',
    );
    registrar = await signInAs(t, ['registrar']);
    director = await signIn(t.app, directorUser.email, directorUser.password);
    instructor = await signIn(t.app, instructorUser.email, instructorUser.password);
    otherDirector = await signIn(t.app, otherDirectorUser.email, otherDirectorUser.password);
  });
  afterAll(() => t.close());

  const mark = (
    nominationId: string,
    day: string,
    status: 'present' | 'absent' | 'excused',
    baseVersion: number | null = null,
  ) => ({ nominationId, day, status, baseVersion });

  async function auditCount(action: string) {
    const rows = await t.db.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, sessionId)));
    return rows.length;
  }

  describe('GET', () => {
    it('gives the registrar the working days, the selected participants and the marks', async () => {
      const response = await call(t.app, registrar, 'GET', ROSTER);
      expect(response.statusCode, response.body).toBe(200);
      const roster = response.json<AttendanceRoster>();
      expect(roster).toMatchObject({
        sessionCode: 'ATT-A-27',
        sessionStatus: 'in-progress',
        timeZone: 'Asia/Kuwait',
        today,
        resultsClosed: false,
        marks: [],
      });
      // Six calendar days, the holiday skipped.
      expect(roster.workingDays).toHaveLength(5);
      expect(roster.workingDays).not.toContain(holiday);
      expect(roster.participants.map((p) => [p.nationCode, p.familyNameLatin])).toEqual([
        ['KWT', 'Al-Sabah'],
        ['QAT', 'Al-Thani'],
      ]);
      expect(roster.participants[0]).toMatchObject({
        nominationId: sabah,
        givenNamesLatin: 'Fahad',
        familyNameArabic: 'الصباح',
        givenNamesArabic: 'فهد',
        rankCode: 'OF-3',
        rankTitle: 'Major',
      });
    });

    it('lets the session’s director and instructor read it', async () => {
      for (const who of [director, instructor]) {
        expect((await call(t.app, who, 'GET', ROSTER)).statusCode).toBe(200);
      }
    });

    it('refuses a director of another session, and roles that do not mark', async () => {
      expectProblem(await call(t.app, otherDirector, 'GET', ROSTER), 403, 'forbidden');
      for (const [roles, nation] of [
        [['npoc'], 'KWT'],
        [['observer'], null],
        [['participant'], 'KWT'],
      ] as const) {
        const who = await signInAs(t, [...roles], nation);
        expectProblem(await call(t.app, who, 'GET', ROSTER), 403, 'forbidden');
      }
    });

    it('needs sign-in, a valid code and an existing session', async () => {
      expectProblem(await call(t.app, null, 'GET', ROSTER), 401, 'unauthenticated');
      expectProblem(
        await call(t.app, registrar, 'GET', '/api/v1/sessions/att-a-27/attendance'),
        400,
        'validation_failed',
      );
      expectProblem(
        await call(t.app, registrar, 'GET', '/api/v1/sessions/NOPE-27/attendance'),
        404,
        'not_found',
      );
    });
  });

  describe('PUT', () => {
    it('writes marks for both participants and days, with one audit record', async () => {
      const before = await auditCount('attendance.marked');
      const response = await call(t.app, director, 'PUT', ROSTER, {
        marks: [
          mark(sabah, yesterday, 'present'),
          mark(thani, yesterday, 'absent'),
          mark(sabah, today, 'present'),
          mark(thani, today, 'excused'),
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<AttendanceBatchResult>();
      expect(body).toMatchObject({ applied: 4, unchanged: 0, conflicts: 0 });
      expect(body.results[1]).toMatchObject({
        nominationId: thani,
        day: yesterday,
        status: 'applied',
        mark: {
          status: 'absent',
          source: 'roster',
          version: 1,
          markedByName: 'Test course_director',
        },
      });
      expect(await auditCount('attendance.marked')).toBe(before + 1);
      const [record] = await t.db.db
        .select({ after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'attendance.marked'), eq(auditLog.entityId, sessionId)));
      expect((record?.after as { marks: unknown[] } | undefined)?.marks).toHaveLength(4);

      const roster = (await call(t.app, instructor, 'GET', ROSTER)).json<AttendanceRoster>();
      expect(roster.marks).toHaveLength(4);
    });

    it('does not overwrite a mark someone changed since, and applies the others', async () => {
      // The instructor changes Al-Thani's yesterday from absent (v1) to present: v2.
      const first = await call(t.app, instructor, 'PUT', ROSTER, {
        marks: [mark(thani, yesterday, 'present', 1)],
      });
      expect(first.json<AttendanceBatchResult>().results[0]?.mark.version).toBe(2);
      // The director, still showing v1, sends excused for it and a change for Al-Sabah today.
      const response = await call(t.app, director, 'PUT', ROSTER, {
        marks: [mark(thani, yesterday, 'excused', 1), mark(sabah, today, 'absent', 1)],
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<AttendanceBatchResult>();
      expect(body).toMatchObject({ applied: 1, conflicts: 1 });
      expect(body.results[0]).toMatchObject({
        status: 'conflict',
        mark: { status: 'present', version: 2, markedByName: 'Test instructor' },
      });
      expect(body.results[1]).toMatchObject({
        status: 'applied',
        mark: { status: 'absent', version: 2 },
      });
    });

    it('treats a re-sent mark as already there, and a blind overwrite as a conflict', async () => {
      const response = await call(t.app, director, 'PUT', ROSTER, {
        marks: [mark(sabah, today, 'absent', 1), mark(sabah, yesterday, 'absent', null)],
      });
      const body = response.json<AttendanceBatchResult>();
      expect(body).toMatchObject({ applied: 0, unchanged: 1, conflicts: 1 });
      expect(body.results[1]?.mark).toMatchObject({ status: 'present', version: 1 });
    });

    it('refuses days outside the session, the holiday and days not begun; nothing written', async () => {
      const count = async () => (await t.db.db.select().from(attendanceMarks)).length;
      const before = await count();
      const cases = [
        [holiday, 400, 'not_a_session_day'],
        [addDays(today, -10), 400, 'not_a_session_day'],
        [addDays(today, 1), 409, 'day_not_started'],
      ] as const;
      for (const [day, status, code] of cases) {
        const response = await call(t.app, director, 'PUT', ROSTER, {
          marks: [mark(thani, addDays(today, -3), 'present'), mark(sabah, day, 'present')],
        });
        const problem = expectProblem(response, status, code);
        expect(problem.errors?.[0]).toMatchObject({ field: 'marks.1.day', code });
      }
      expect(await count()).toBe(before);
    });

    it('refuses someone who is not a selected participant of the session', async () => {
      for (const id of [waiting, randomUUID()]) {
        const problem = expectProblem(
          await call(t.app, director, 'PUT', ROSTER, { marks: [mark(id, today, 'present')] }),
          400,
          'not_a_participant',
        );
        expect(problem.errors?.[0]?.field).toBe('marks.0.nominationId');
      }
    });

    it('refuses malformed batches', async () => {
      for (const body of [
        { marks: [] },
        { marks: [{ ...mark(sabah, today, 'present'), status: 'late' }] },
        { marks: [{ ...mark(sabah, today, 'present'), extra: 1 }] },
        { marks: [mark(sabah, 'yesterday', 'present')] },
      ]) {
        expectProblem(await call(t.app, director, 'PUT', ROSTER, body), 400, 'validation_failed');
      }
      const problem = expectProblem(
        await call(t.app, director, 'PUT', ROSTER, {
          marks: [mark(sabah, today, 'present'), mark(sabah, today, 'absent')],
        }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.[0]?.code).toBe('duplicate_mark');
    });

    it('refuses marks once results are closed', async () => {
      const roster = (
        await call(t.app, director, 'GET', '/api/v1/sessions/ATT-C-27/attendance')
      ).json<AttendanceRoster>();
      expect(roster.resultsClosed).toBe(true);
      const id = roster.participants[0]?.nominationId ?? '';
      expectProblem(
        await call(t.app, director, 'PUT', '/api/v1/sessions/ATT-C-27/attendance', {
          marks: [mark(id, today, 'present')],
        }),
        409,
        'results_closed',
      );
    });

    it('refuses the unauthenticated, a director of another session and an NPOC', async () => {
      const body = { marks: [mark(sabah, today, 'present')] };
      expectProblem(await call(t.app, null, 'PUT', ROSTER, body), 401, 'unauthenticated');
      expectProblem(await call(t.app, otherDirector, 'PUT', ROSTER, body), 403, 'forbidden');
      const npoc = await signInAs(t, ['npoc'], 'KWT');
      expectProblem(await call(t.app, npoc, 'PUT', ROSTER, body), 403, 'forbidden');
    });
  });

  it('sums each participant’s marks for the results', async () => {
    const summary = await attendanceSummary(t.db.db, sessionId);
    expect(summary.get(sabah)).toEqual({ present: 1, absent: 1, excused: 0, days: 5 });
    expect(summary.get(thani)).toEqual({ present: 1, absent: 0, excused: 1, days: 5 });
    expect(summary.has(waiting)).toBe(false);
  });
});
