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
import type {
  AttendanceBatchResult,
  CheckInCode,
  CheckInResult,
} from '../../../contract/attendance.js';
import { addDays, endOfDayIn } from '../../../domain/venue-calendar.js';
import { attendanceMarks, auditLog } from '../../db/schema/index.js';
import { makeNomination } from '../logistics/test-data.js';
import { publicUrl } from '../messages/links.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { closeResults, runningSession, seedFieldVenue, venueToday } from './test-data.js';

const codeUrl = (session: string, day: string) =>
  `/api/v1/sessions/${session}/attendance/check-in-code?day=${day}`;
const CHECK_IN = '/api/v1/attendance/check-in';

describe('QR check-in', () => {
  let t: TestApp;
  let director: Browser;
  let otherDirector: Browser;
  let participant: Browser;
  let roomMate: Browser;
  let stranger: Browser;
  let nomination: string;
  let roomMateNomination: string;
  const today = venueToday();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await seedFieldVenue(db);
    await makeActivity(db, 'CT-BASIC');
    const directorUser = await makeUser(db, ['course_director']);
    const otherDirectorUser = await makeUser(db, ['course_director']);
    const participantUser = await makeUser(db, ['participant'], 'KWT');
    const roomMateUser = await makeUser(db, ['participant'], 'QAT');
    const strangerUser = await makeUser(db, ['participant'], 'KWT');
    const sessionId = await runningSession(db, 'ATT-Q-27', 'CT-BASIC', {
      directorId: directorUser.id,
    });
    await runningSession(db, 'ATT-R-27', 'CT-BASIC', { directorId: otherDirectorUser.id });
    nomination = await makeNomination(db, sessionId, 'KWT', {
      familyNameLatin: 'Al-Sabah',
      userId: participantUser.id,
    });
    roomMateNomination = await makeNomination(db, sessionId, 'QAT', {
      familyNameLatin: 'Al-Thani',
      userId: roomMateUser.id,
    });
    // Nominated elsewhere only: not a participant of ATT-Q-27.
    const other = await runningSession(db, 'ATT-S-27', 'CT-BASIC');
    await makeNomination(db, other, 'KWT', { familyNameLatin: 'Other', userId: strangerUser.id });
    director = await signIn(t.app, directorUser.email, directorUser.password);
    otherDirector = await signIn(t.app, otherDirectorUser.email, otherDirectorUser.password);
    participant = await signIn(t.app, participantUser.email, participantUser.password);
    roomMate = await signIn(t.app, roomMateUser.email, roomMateUser.password);
    stranger = await signIn(t.app, strangerUser.email, strangerUser.password);
  });
  afterAll(() => t.close());

  async function codeFor(day: string, session = 'ATT-Q-27'): Promise<CheckInCode> {
    const response = await call(t.app, director, 'GET', codeUrl(session, day));
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CheckInCode>();
  }

  describe('the day’s code', () => {
    it('is signed, points at the check-in page, expires at the venue’s midnight', async () => {
      const code = await codeFor(today);
      expect(code.code).toMatch(new RegExp(`^ATT-Q-27\\.${today.replaceAll('-', '')}\\.`));
      expect(code.url).toBe(`${publicUrl()}/check-in/${code.code}`);
      expect(code.expiresAt).toBe(endOfDayIn(today, 'Asia/Kuwait').toISOString());
      expect(code.qrSvg).toContain('<svg');
      // The same code all day; the secret is made (and audited) once.
      expect((await codeFor(today)).code).toBe(code.code);
      const opened = await t.db.db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(eq(auditLog.action, 'attendance.check-in-opened'));
      expect(opened).toHaveLength(1);
    });

    it('differs from day to day', async () => {
      expect((await codeFor(addDays(today, -1))).code).not.toBe((await codeFor(today)).code);
    });

    it('exists only for working days of the session', async () => {
      expectProblem(
        await call(t.app, director, 'GET', codeUrl('ATT-Q-27', addDays(today, -2))),
        400,
        'not_a_session_day',
      );
      expectProblem(
        await call(t.app, director, 'GET', '/api/v1/sessions/ATT-Q-27/attendance/check-in-code'),
        400,
        'validation_failed',
      );
    });

    it('is for the session’s staff only', async () => {
      expectProblem(
        await call(t.app, null, 'GET', codeUrl('ATT-Q-27', today)),
        401,
        'unauthenticated',
      );
      expectProblem(
        await call(t.app, otherDirector, 'GET', codeUrl('ATT-Q-27', today)),
        403,
        'forbidden',
      );
      expectProblem(
        await call(t.app, participant, 'GET', codeUrl('ATT-Q-27', today)),
        403,
        'forbidden',
      );
      const npoc = await signInAs(t, ['npoc'], 'KWT');
      expectProblem(await call(t.app, npoc, 'GET', codeUrl('ATT-Q-27', today)), 403, 'forbidden');
    });
  });

  describe('scanning', () => {
    it('marks the participant present, once; a second scan changes nothing', async () => {
      const { code } = await codeFor(today);
      const first = await call(t.app, participant, 'POST', CHECK_IN, { code });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<CheckInResult>()).toMatchObject({
        sessionCode: 'ATT-Q-27',
        day: today,
        alreadyMarked: false,
        mark: { nominationId: nomination, status: 'present', source: 'check-in', version: 1 },
      });
      const audits = async () =>
        (
          await t.db.db
            .select({ id: auditLog.id })
            .from(auditLog)
            .where(
              and(eq(auditLog.action, 'attendance.checked-in'), eq(auditLog.entityId, nomination)),
            )
        ).length;
      expect(await audits()).toBe(1);

      const second = await call(t.app, participant, 'POST', CHECK_IN, { code });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json<CheckInResult>()).toMatchObject({
        alreadyMarked: true,
        mark: { version: 1, markedAt: first.json<CheckInResult>().mark.markedAt },
      });
      expect(await audits()).toBe(1);
    });

    it('keeps a mark the roster made first, and says so', async () => {
      const marked = await call(t.app, director, 'PUT', '/api/v1/sessions/ATT-Q-27/attendance', {
        marks: [
          { nominationId: roomMateNomination, day: today, status: 'absent', baseVersion: null },
        ],
      });
      expect(marked.json<AttendanceBatchResult>().applied).toBe(1);
      const { code } = await codeFor(today);
      const response = await call(t.app, roomMate, 'POST', CHECK_IN, { code });
      expect(response.json<CheckInResult>()).toMatchObject({
        alreadyMarked: true,
        mark: { status: 'absent', source: 'roster' },
      });
    });

    it('refuses yesterday’s code as expired and tomorrow’s as invalid', async () => {
      const yesterday = await codeFor(addDays(today, -1));
      expectProblem(
        await call(t.app, participant, 'POST', CHECK_IN, { code: yesterday.code }),
        410,
        'code_expired',
      );
      const tomorrow = await codeFor(addDays(today, 1));
      expectProblem(
        await call(t.app, participant, 'POST', CHECK_IN, { code: tomorrow.code }),
        400,
        'invalid_code',
      );
      const written = await t.db.db
        .select()
        .from(attendanceMarks)
        .where(eq(attendanceMarks.nominationId, nomination));
      expect(written.map((m) => m.day)).toEqual([today]);
    });

    it('refuses a tampered, malformed or made-up code', async () => {
      const { code } = await codeFor(today);
      const last = code.at(-1) === 'A' ? 'B' : 'A';
      const forged = [
        `${code.slice(0, -1)}${last}`,
        // Another day's date with today's signature.
        code.replace(today.replaceAll('-', ''), addDays(today, -1).replaceAll('-', '')),
        // Another session's code with this session's signature.
        code.replace('ATT-Q-27', 'ATT-R-27'),
        code.replace('ATT-Q-27', 'ATT-ZZ-27'),
        'not a code',
      ];
      for (const bad of forged) {
        expectProblem(
          await call(t.app, participant, 'POST', CHECK_IN, { code: bad }),
          400,
          'invalid_code',
        );
      }
      expectProblem(await call(t.app, participant, 'POST', CHECK_IN, {}), 400, 'validation_failed');
    });

    it('is "not found" for someone who is not a participant of that session', async () => {
      const { code } = await codeFor(today);
      expectProblem(await call(t.app, stranger, 'POST', CHECK_IN, { code }), 404, 'not_found');
      const npoc = await signInAs(t, ['npoc'], 'QAT');
      expectProblem(await call(t.app, npoc, 'POST', CHECK_IN, { code }), 404, 'not_found');
      expectProblem(await call(t.app, director, 'POST', CHECK_IN, { code }), 404, 'not_found');
    });

    it('needs sign-in', async () => {
      const { code } = await codeFor(today);
      expectProblem(await call(t.app, null, 'POST', CHECK_IN, { code }), 401, 'unauthenticated');
    });

    it('is refused once results are closed', async () => {
      const closedSession = await runningSession(t.db.db, 'ATT-T-27', 'CT-BASIC');
      const user = await makeUser(t.db.db, ['participant'], 'KWT');
      await makeNomination(t.db.db, closedSession, 'KWT', {
        familyNameLatin: 'Late',
        userId: user.id,
      });
      const registrar = await signInAs(t, ['registrar']);
      const response = await call(t.app, registrar, 'GET', codeUrl('ATT-T-27', today));
      const closedCode = response.json<CheckInCode>().code;
      await closeResults(t.db.db, closedSession);
      const late = await signIn(t.app, user.email, user.password);
      expectProblem(
        await call(t.app, late, 'POST', CHECK_IN, { code: closedCode }),
        409,
        'results_closed',
      );
    });
  });
});
