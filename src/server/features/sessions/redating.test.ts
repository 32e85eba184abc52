import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Programme } from '../../../contract/programmes.js';
import type { Session } from '../../../contract/sessions.js';
import { addDays, workingDaysBetween } from '../../../domain/venue-calendar.js';
import { nominations, participants, sessionChanges } from '../../db/schema/index.js';
import {
  kuwaitToday,
  makeActivityRequiring,
  openSession,
  submitNominations,
} from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from './test-data.js';

/** The first day on or after `date` that falls on `weekday` (0 Sunday). */
function next(weekday: number, date: string): string {
  let day = date;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== weekday) day = addDays(day, 1);
  return day;
}

describe('moving a published session refuses what no longer fits, and changes nothing', () => {
  let t: TestApp;
  let registrar: Browser;
  let npoc: Browser;
  let activityId: string;
  const today = kuwaitToday();
  const sunday = next(0, addDays(today, 70));

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    activityId = await makeActivity(t.db.db, 'CT-MOVE');
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
  });
  afterAll(() => t.close());

  const patch = (code: string, body: object) =>
    call(t.app, registrar, 'PATCH', `/api/v1/sessions/${code}`, body);
  const read = async (code: string) =>
    (await call(t.app, registrar, 'GET', `/api/v1/sessions/${code}`)).json<Session>();
  const select = async (id: string) => {
    const url = `/api/v1/nominations/${id}/transitions`;
    const response = await call(t.app, registrar, 'POST', url, { action: 'select' });
    expect(response.statusCode, response.body).toBe(200);
  };

  /** Refused with `code`, the session as it was, no change recorded, nothing audited. */
  async function expectRefused(code: string, body: object, problemCode: string) {
    const before = await read(code);
    const changes = await t.db.db.$count(sessionChanges);
    const audits = await t.db.pool.query(`select count(*)::int as n from audit_log`);
    const problem = expectProblem(await patch(code, body), 409, problemCode);
    expect(await read(code)).toEqual(before);
    expect(await t.db.db.$count(sessionChanges)).toBe(changes);
    expect((await t.db.pool.query(`select count(*)::int as n from audit_log`)).rows).toEqual(
      audits.rows,
    );
    return problem as typeof problem & { conflicts: Record<string, unknown>[] };
  }

  it('refuses a first or last day on which the venue is closed, naming the day', async () => {
    await openSession(t.db.db, 'MV-VENUE', 'CT-MOVE');
    const friday = next(5, sunday);
    const problem = await expectRefused(
      'MV-VENUE',
      { startDate: friday, endDate: addDays(friday, 6) },
      'venue_closed',
    );
    expect(problem.conflicts).toEqual([
      { code: 'venue_closed', field: 'startDate', date: friday, holiday: null },
    ]);
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'startDate', code: 'venue_closed' }),
    ]);
    // Rome works Monday to Friday: the same Sunday-Thursday dates do not fit there.
    const rome = await expectRefused(
      'MV-VENUE',
      { venueCode: 'ROM-NDC', startDate: sunday, endDate: addDays(sunday, 4) },
      'venue_closed',
    );
    expect(rome.conflicts.map((c) => c.date)).toEqual([sunday]);
    const fine = await patch('MV-VENUE', { startDate: sunday, endDate: addDays(sunday, 4) });
    expect(fine.statusCode, fine.body).toBe(200);
  });

  it('names the holiday when a session would end on it', async () => {
    await openSession(t.db.db, 'MV-EID', 'CT-MOVE');
    // KWI-NIRC's test holiday, Eid al-Fitr, is on Wednesday 2027-03-10.
    const problem = await expectRefused(
      'MV-EID',
      { startDate: '2027-03-07', endDate: '2027-03-10' },
      'venue_closed',
    );
    expect(problem.conflicts).toEqual([
      {
        code: 'venue_closed',
        field: 'endDate',
        date: '2027-03-10',
        holiday: { en: 'Eid al-Fitr' },
      },
    ]);
    expect(problem.detail).toContain('Eid al-Fitr');
  });

  it('refuses dates a selected participant’s clearance does not cover', async () => {
    await makeActivityRequiring(t.db.db, 'CT-CLEAR', { clearance: 'NS' });
    await openSession(t.db.db, 'MV-CLEAR', 'CT-CLEAR');
    const [id] = await submitNominations(t, npoc, 'MV-CLEAR', 'KWT', 1);
    if (!id) throw new Error('no nomination');
    await select(id);
    const [row] = await t.db.db
      .select({ participantId: nominations.participantId })
      .from(nominations)
      .where(eq(nominations.id, id));
    const expires = addDays(sunday, 2);
    await t.db.db
      .update(participants)
      .set({ clearanceExpiresOn: expires })
      .where(eq(participants.id, String(row?.participantId)));
    const problem = await expectRefused(
      'MV-CLEAR',
      { startDate: sunday, endDate: addDays(sunday, 4) },
      'breaks_eligibility',
    );
    expect(problem.conflicts).toEqual([
      expect.objectContaining({
        code: 'breaks_eligibility',
        field: 'endDate',
        nominationId: id,
        rule: 'clearance-expiry',
        params: { expires, end: addDays(sunday, 4) },
      }),
    ]);
    // Dates the clearance still covers are fine.
    const shorter = await patch('MV-CLEAR', { startDate: sunday, endDate: addDays(sunday, 1) });
    expect(shorter.statusCode, shorter.body).toBe(200);
  });

  it('refuses dates at which a participant holds a seat on another session', async () => {
    await openSession(t.db.db, 'MV-A', 'CT-MOVE');
    const otherId = await openSession(t.db.db, 'MV-B', 'CT-MOVE');
    const [a] = await submitNominations(t, npoc, 'MV-A', 'KWT', 1);
    if (!a) throw new Error('no nomination');
    await select(a);
    const [person] = await t.db.db
      .select({ participantId: nominations.participantId })
      .from(nominations)
      .where(eq(nominations.id, a));
    // The same person, selected on MV-B too (its dates apart for now).
    const moved = await patch('MV-B', { startDate: sunday, endDate: addDays(sunday, 4) });
    expect(moved.statusCode, moved.body).toBe(200);
    const created = await call(t.app, npoc, 'POST', '/api/v1/nominations', {
      sessionCode: 'MV-B',
      participantId: person?.participantId,
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    await select(created.json<{ id: string }>().id);
    const problem = await expectRefused(
      'MV-A',
      { startDate: sunday, endDate: addDays(sunday, 4) },
      'breaks_eligibility',
    );
    expect(problem.conflicts).toEqual([
      expect.objectContaining({ rule: 'overlap', params: { session: 'MV-B', status: 'selected' } }),
    ]);
    expect(otherId).toBeTruthy();
  });

  it('lets a session be recorded on days it already ran, seats elsewhere or not', async () => {
    await openSession(t.db.db, 'MV-RAN', 'CT-MOVE');
    await openSession(t.db.db, 'MV-LATE', 'CT-MOVE');
    const [ran] = await submitNominations(t, npoc, 'MV-RAN', 'KWT', 1);
    if (!ran) throw new Error('no nomination');
    await select(ran);
    const [row] = await t.db.db
      .select({ participantId: nominations.participantId })
      .from(nominations)
      .where(eq(nominations.id, ran));
    // The last working day in Kuwait before today: both sessions ran then, as recorded late.
    const [day] = workingDaysBetween(
      addDays(today, -7),
      addDays(today, -1),
      [0, 1, 2, 3, 4],
      [],
    ).slice(-1);
    const past = {
      startDate: day,
      endDate: day,
      nominationOpens: addDays(String(day), -30),
      nominationCloses: addDays(String(day), -5),
    };
    const ranMoved = await patch('MV-RAN', past);
    expect(ranMoved.statusCode, ranMoved.body).toBe(200);
    const late = await call(t.app, npoc, 'POST', '/api/v1/nominations', {
      sessionCode: 'MV-LATE',
      participantId: row?.participantId,
      submit: true,
    });
    expect(late.statusCode, late.body).toBe(201);
    await select(late.json<{ id: string }>().id);
    // The same person on both that day: the record says what happened; no plan is at stake.
    const lateMoved = await patch('MV-LATE', past);
    expect(lateMoved.statusCode, lateMoved.body).toBe(200);
  });

  it('refuses a year the programme line of a nomination does not plan', async () => {
    await openSession(t.db.db, 'MV-PROG', 'CT-MOVE');
    const start = (await read('MV-PROG')).startDate;
    const year = Number(start.slice(0, 4));
    const created = await call(t.app, registrar, 'POST', '/api/v1/programmes', {
      nationCode: 'KWT',
      title: { en: 'KWT programme' },
      startYear: year - 1,
      endYear: year + 2,
      objectives: [
        {
          title: { en: 'Interoperability' },
          goals: [
            {
              title: { en: 'Trained planners' },
              plannedActivities: [{ activityId, years: [year], seatsPlanned: 2 }],
            },
          ],
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const programme = created.json<Programme>();
    for (const to of ['proposed', 'agreed']) {
      const moved = await call(
        t.app,
        registrar,
        'POST',
        `/api/v1/programmes/${programme.id}/transitions`,
        {
          to,
          reason: 'Signed',
        },
      );
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const line = programme.objectives[0]?.goals[0]?.plannedActivities[0]?.id;
    const [id] = await submitNominations(t, npoc, 'MV-PROG', 'KWT', 1);
    await t.db.db
      .update(nominations)
      .set({ plannedActivityId: line })
      .where(eq(nominations.id, String(id)));
    const nextYear = next(0, `${year + 1}-03-01`);
    const problem = await expectRefused(
      'MV-PROG',
      { startDate: nextYear, endDate: addDays(nextYear, 4) },
      'outside_programme_years',
    );
    expect(problem.conflicts).toEqual([
      expect.objectContaining({ code: 'outside_programme_years', nominationId: id, years: [year] }),
    ]);
  });

  it('lets a draft move freely: nations do not see it yet', async () => {
    const created = await call(t.app, registrar, 'POST', '/api/v1/sessions', {
      code: 'MV-DRAFT',
      activityCode: 'CT-MOVE',
      startDate: sunday,
      endDate: addDays(sunday, 4),
      venueCode: 'KWI-NIRC',
      capacity: 10,
      nominationOpens: today,
      nominationCloses: addDays(today, 20),
    });
    expect(created.statusCode, created.body).toBe(201);
    const friday = next(5, sunday);
    const moved = await patch('MV-DRAFT', { startDate: friday, endDate: addDays(friday, 1) });
    expect(moved.statusCode, moved.body).toBe(200);
  });
});
