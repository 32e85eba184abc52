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
import type { Logistics, LogisticsInput } from '../../../contract/logistics.js';
import { auditLog, nominationLogistics } from '../../db/schema/index.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { announcedSession, makeNomination } from './test-data.js';

const FULL: LogisticsInput = {
  arrivalAt: '2027-03-06T11:30:00Z',
  arrivalFlight: 'KU 102',
  departureAt: '2027-03-12T20:00:00Z',
  departureFlight: 'KU 103',
  lodging: 'centre',
  visaLetterRequested: 'yes',
  passportNumber: 'k1234567',
  dietaryNeeds: 'Halal',
  notes: 'Arrives with a colleague',
};

describe('a nomination’s logistics', () => {
  let t: TestApp;
  let npocKwt: Browser;
  let npocQat: Browser;
  let registrar: Browser;
  let participant: Browser;
  let kwtSelected: string;
  let kwtOther: string;
  let kwtSubmitted: string;
  let participantOwn: string;
  const path = (id: string) => `/api/v1/nominations/${id}/logistics`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await makeActivity(db, 'CT-BASIC');
    const sessionId = await announcedSession(db, 'CT-A-27', 'CT-BASIC');
    const account = await makeUser(db, ['participant'], 'KWT');
    participant = await signIn(t.app, account.email, account.password);
    kwtSelected = await makeNomination(db, sessionId, 'KWT', { familyNameLatin: 'Al-Sabah' });
    kwtOther = await makeNomination(db, sessionId, 'KWT', { familyNameLatin: 'Al-Ahmad' });
    kwtSubmitted = await makeNomination(
      db,
      sessionId,
      'KWT',
      { familyNameLatin: 'Later' },
      'submitted',
    );
    participantOwn = await makeNomination(db, sessionId, 'KWT', {
      familyNameLatin: 'Al-Mutairi',
      userId: account.id,
    });
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    registrar = await signInAs(t, ['registrar']);
  });
  afterAll(() => t.close());

  async function stored(id: string) {
    return t.db.db
      .select()
      .from(nominationLogistics)
      .where(eq(nominationLogistics.nominationId, id));
  }

  describe('GET', () => {
    it('gives every field null before anything is saved', async () => {
      const response = await call(t.app, npocKwt, 'GET', path(kwtSelected));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Logistics>()).toEqual({
        nominationId: kwtSelected,
        sessionCode: 'CT-A-27',
        timeZone: 'Asia/Kuwait',
        arrivalAt: null,
        arrivalFlight: null,
        departureAt: null,
        departureFlight: null,
        lodging: null,
        visaLetterRequested: null,
        passportNumber: null,
        dietaryNeeds: null,
        notes: null,
        updatedAt: null,
        updatedByName: null,
      });
    });

    it('asks for a sign-in (401)', async () => {
      expectProblem(await call(t.app, null, 'GET', path(kwtSelected)), 401, 'unauthenticated');
    });

    it('refuses roles that do not manage logistics (403)', async () => {
      for (const roles of [['observer'], ['course_director'], ['nominator']] as const) {
        const who = await signInAs(t, [...roles], roles[0] === 'nominator' ? 'KWT' : null);
        expectProblem(await call(t.app, who, 'GET', path(kwtSelected)), 403, 'forbidden');
      }
    });

    it('hides another nation’s nomination (404) and an unknown one', async () => {
      expectProblem(await call(t.app, npocQat, 'GET', path(kwtSelected)), 404, 'not_found');
      expectProblem(
        await call(t.app, npocKwt, 'GET', path('0b7e7a3c-2f7e-4c55-9f0e-2b3c4d5e6f70')),
        404,
        'not_found',
      );
    });

    it('refuses an id that is not a uuid (400)', async () => {
      expectProblem(await call(t.app, npocKwt, 'GET', path('abc')), 400, 'validation_failed');
    });

    it('is a conflict before selection (409 not_selected)', async () => {
      expectProblem(await call(t.app, npocKwt, 'GET', path(kwtSubmitted)), 409, 'not_selected');
    });
  });

  describe('PUT', () => {
    it('saves everything for the NPOC, audited without the passport number', async () => {
      const response = await call(t.app, npocKwt, 'PUT', path(kwtSelected), FULL);
      expect(response.statusCode, response.body).toBe(200);
      const saved = response.json<Logistics>();
      expect(saved).toMatchObject({
        ...FULL,
        arrivalAt: '2027-03-06T11:30:00.000Z',
        departureAt: '2027-03-12T20:00:00.000Z',
        passportNumber: 'K1234567',
        updatedByName: 'Test npoc',
      });
      expect(saved.updatedAt).not.toBeNull();
      expect((await call(t.app, npocKwt, 'GET', path(kwtSelected))).json()).toEqual(saved);

      const audits = await t.db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, kwtSelected), eq(auditLog.action, 'logistics.updated')));
      expect(audits).toHaveLength(1);
      const [audit] = audits;
      expect(audit?.entityType).toBe('nomination');
      expect(audit?.after).toMatchObject({
        arrivalFlight: 'KU 102',
        passportNumber: 'redacted',
        passportNumberChanged: true,
      });
      expect(audit?.before).toMatchObject({ passportNumber: null });
      expect(JSON.stringify([audit?.before, audit?.after])).not.toMatch(/K1234567/i);
    });

    it('keeps the fields a save leaves out, clears those sent as null or blank', async () => {
      const response = await call(t.app, registrar, 'PUT', path(kwtSelected), {
        dietaryNeeds: 'Vegetarian',
        notes: '   ',
        arrivalFlight: null,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Logistics>()).toMatchObject({
        arrivalAt: '2027-03-06T11:30:00.000Z',
        arrivalFlight: null,
        passportNumber: 'K1234567',
        lodging: 'centre',
        dietaryNeeds: 'Vegetarian',
        notes: null,
        updatedByName: 'Test registrar',
      });
    });

    it('names every bad field and writes nothing (400)', async () => {
      const response = await call(t.app, npocKwt, 'PUT', path(kwtOther), {
        lodging: 'tent',
        visaLetterRequested: 'maybe',
        arrivalFlight: 'x'.repeat(41),
        passportNumber: 'AB-12',
        arrivalAt: 'tomorrow',
        seat: 'window',
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      const fields = (problem.errors ?? []).map((e) => e.field).sort();
      expect(fields).toEqual(
        [
          'arrivalAt',
          'arrivalFlight',
          'lodging',
          'passportNumber',
          'seat',
          'visaLetterRequested',
        ].sort(),
      );
      expect(await stored(kwtOther)).toEqual([]);
    });

    it('refuses a departure before the arrival in the same body (400)', async () => {
      const response = await call(t.app, npocKwt, 'PUT', path(kwtOther), {
        arrivalAt: '2027-03-06T11:30:00Z',
        departureAt: '2027-03-05T11:30:00Z',
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.field)).toEqual(['departureAt']);
      expect(await stored(kwtOther)).toEqual([]);
    });

    it('refuses a departure before the stored arrival (400), nothing changed', async () => {
      const response = await call(t.app, npocKwt, 'PUT', path(kwtSelected), {
        departureAt: '2027-03-01T08:00:00Z',
        notes: 'must not be saved',
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors).toEqual([
        {
          field: 'departureAt',
          message: 'must not be before the arrival',
          code: 'departure_before_arrival',
        },
      ]);
      const [row] = await stored(kwtSelected);
      expect(row?.notes).toBeNull();
      expect(row?.departureAt?.toISOString()).toBe('2027-03-12T20:00:00.000Z');
    });

    it('accepts arrival and departure at the same instant', async () => {
      const response = await call(t.app, npocKwt, 'PUT', path(kwtOther), {
        arrivalAt: '2027-03-06T11:30:00+03:00',
        departureAt: '2027-03-06T08:30:00Z',
      });
      expect(response.statusCode, response.body).toBe(200);
    });

    it('asks for a sign-in (401) and the CSRF token', async () => {
      expectProblem(await call(t.app, null, 'PUT', path(kwtSelected), {}), 401, 'unauthenticated');
      const noCsrf = await t.app.inject({
        method: 'PUT',
        url: path(kwtSelected),
        headers: { cookie: npocKwt.cookie },
        payload: { notes: 'x' },
      });
      expect(noCsrf.statusCode).toBe(403);
    });

    it('refuses an observer (403)', async () => {
      const observer = await signInAs(t, ['observer']);
      expectProblem(
        await call(t.app, observer, 'PUT', path(kwtSelected), { notes: 'x' }),
        403,
        'forbidden',
      );
    });

    it('hides another nation’s nomination (404), nothing written', async () => {
      expectProblem(
        await call(t.app, npocQat, 'PUT', path(kwtOther), { notes: 'from Qatar' }),
        404,
        'not_found',
      );
      const [row] = await stored(kwtOther);
      expect(row?.notes ?? null).toBeNull();
    });

    it('is a conflict before selection (409 not_selected), nothing written', async () => {
      expectProblem(
        await call(t.app, npocKwt, 'PUT', path(kwtSubmitted), { notes: 'too early' }),
        409,
        'not_selected',
      );
      expect(await stored(kwtSubmitted)).toEqual([]);
    });
  });

  it('is described in the OpenAPI document', async () => {
    const response = await call(t.app, null, 'GET', '/api/v1/openapi.json');
    expect(response.statusCode, response.body).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/nominations/{id}/logistics',
        '/api/v1/sessions/{code}/logistics',
        '/api/v1/sessions/{code}/logistics.csv',
        '/api/v1/sessions/{code}/logistics.xlsx',
      ]),
    );
  });

  describe('the participant', () => {
    it('reads and saves their own', async () => {
      const put = await call(t.app, participant, 'PUT', path(participantOwn), {
        dietaryNeeds: 'No nuts',
        lodging: 'hotel',
      });
      expect(put.statusCode, put.body).toBe(200);
      const read = await call(t.app, participant, 'GET', path(participantOwn));
      expect(read.json<Logistics>()).toMatchObject({ dietaryNeeds: 'No nuts', lodging: 'hotel' });
    });

    it('cannot reach a colleague’s, even of the same nation (404)', async () => {
      expectProblem(await call(t.app, participant, 'GET', path(kwtSelected)), 404, 'not_found');
      expectProblem(
        await call(t.app, participant, 'PUT', path(kwtOther), { notes: 'x' }),
        404,
        'not_found',
      );
    });
  });
});
