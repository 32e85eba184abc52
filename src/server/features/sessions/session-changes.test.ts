import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Session, SessionStatus } from '../../../contract/sessions.js';
import { makeActivity, seedSessionBasics, sessionInput } from './test-data.js';

describe('session changes', () => {
  let t: TestApp;
  let registrar: Browser;
  let npoc: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    registrar = await signInAs(t, ['registrar']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
  });
  afterAll(() => t.close());

  async function plan(code: string): Promise<Session> {
    const response = await call(t.app, registrar, 'POST', '/api/v1/sessions', {
      ...sessionInput(code, 'CT-BASIC'),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Session>();
  }
  const patch = (session: Browser | null, code: string, body: object) =>
    call(t.app, session, 'PATCH', `/api/v1/sessions/${code}`, body);
  const move = (session: Browser | null, code: string, body: object) =>
    call(t.app, session, 'POST', `/api/v1/sessions/${code}/transitions`, body);

  async function walk(code: string, ...states: SessionStatus[]) {
    for (const to of states) {
      const response = await move(registrar, code, { to, reason: 'for the test' });
      expect(response.statusCode, response.body).toBe(200);
    }
  }

  async function auditOf(action: string, id: string) {
    const { rows } = await t.db.pool.query<{ before: unknown; after: unknown }>(
      'select before, after from audit_log where action = $1 and entity_id = $2 order by id',
      [action, id],
    );
    return rows;
  }

  describe('edit', () => {
    let planned = 0;
    it('moves to another venue and recomputes the deadline and working days', async () => {
      const created = await plan('ED-1');
      const response = await patch(registrar, 'ED-1', {
        venueCode: 'ROM-NDC',
        startDate: '2027-03-08',
        endDate: '2027-03-12',
        notes: 'Moved to Rome',
      });
      expect(response.statusCode, response.body).toBe(200);
      const session = response.json<Session>();
      expect(session).toMatchObject({
        venueCode: 'ROM-NDC',
        timeZone: 'Europe/Rome',
        nominationDeadline: '2027-02-10T22:59:59.999Z',
        workingDays: ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12'],
        notes: 'Moved to Rome',
        quotas: created.quotas,
      });
      expect(await auditOf('session.updated', created.id)).toEqual([
        { before: created, after: session },
      ]);
    });

    it('replaces the quotas and the instructors when they are sent', async () => {
      await plan('ED-2');
      const instructor = await makeUser(t.db.db, ['instructor']);
      const response = await patch(registrar, 'ED-2', {
        quotas: [{ nationCode: 'QAT', seats: 5 }],
        instructorIds: [instructor.id],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Session>()).toMatchObject({
        quotas: [{ nationCode: 'QAT', seats: 5 }],
        seats: { quotaTotal: 5, pool: 15 },
        instructors: [{ id: instructor.id }],
      });
      const cleared = await patch(registrar, 'ED-2', { quotas: [], directorId: null });
      expect(cleared.json<Session>()).toMatchObject({ quotas: [], directorId: null });
    });

    it('refuses a capacity below the seats already given, naming capacity', async () => {
      const session = await plan('ED-3');
      await t.db.pool.query('update training_sessions set seats_taken = 10 where id = $1', [
        session.id,
      ]);
      const response = await patch(registrar, 'ED-3', { capacity: 9, quotas: [] });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'capacity', code: 'capacity_below_taken' }),
      ]);
      const read = await call(t.app, registrar, 'GET', '/api/v1/sessions/ED-3');
      expect(read.json<Session>()).toMatchObject({
        quotas: session.quotas,
        seats: { capacity: 20, taken: 10 },
      });
      expect(await auditOf('session.updated', session.id)).toEqual([]);
    });

    it.each([
      ['a capacity below the stored quotas', { capacity: 5 }, 'quotas', 'quotas_over_capacity'],
      ['an end before the stored start', { endDate: '2027-03-01' }, 'endDate', 'end_before_start'],
      ['an unknown venue', { venueCode: 'NOWHERE' }, 'venueCode', 'unknown_venue'],
      [
        'an unknown nation',
        { quotas: [{ nationCode: 'ZZZ', seats: 1 }] },
        'quotas.0.nationCode',
        'unknown_nation',
      ],
      [
        'an unknown instructor',
        { instructorIds: ['00000000-0000-4000-8000-000000000009'] },
        'instructorIds.0',
        'unknown_user',
      ],
      ['a code change', { code: 'ED-X' }, 'code', 'unknown_field'],
      // Year 9999 once froze the whole server in a day-by-day loop; 9999-12-30 made every
      // later view of the session take seconds.
      ['an end in year 9999', { endDate: '9999-12-31' }, 'endDate', 'date_out_of_range'],
      ['an end the day before', { endDate: '9999-12-30' }, 'endDate', 'date_out_of_range'],
      ['a start in year 0', { startDate: '0000-01-01' }, 'startDate', 'date_out_of_range'],
      ['a session lasting to 2100', { endDate: '2100-12-31' }, 'endDate', 'session_too_long'],
    ])('refuses %s with 400', async (_, body, field, code) => {
      const session = `BAD-${++planned}`;
      await plan(session);
      const response = await patch(registrar, session, body);
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
    });

    it.each(['completed', 'cancelled'] as const)(
      'refuses to edit a %s session with 409',
      async (end) => {
        const code = `ED-${end.toUpperCase()}`;
        await plan(code);
        if (end === 'completed')
          await walk(
            code,
            'announced',
            'nominations-closed',
            'confirmed',
            'in-progress',
            'completed',
          );
        else await walk(code, 'cancelled');
        expectProblem(await patch(registrar, code, { notes: 'late' }), 409, 'session_not_editable');
      },
    );

    it('answers 401, 403 and 404', async () => {
      await plan('ED-4');
      expectProblem(await patch(null, 'ED-4', { notes: 'x' }), 401, 'unauthenticated');
      expectProblem(await patch(npoc, 'ED-4', { notes: 'x' }), 403, 'forbidden');
      expectProblem(await patch(registrar, 'NOPE-1', { notes: 'x' }), 404, 'not_found');
    });
  });

  describe('transitions', () => {
    it('announces a session, audited with the states before and after', async () => {
      const created = await plan('TR-1');
      const response = await move(registrar, 'TR-1', { to: 'announced' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Session>()).toMatchObject({
        status: 'announced',
        allowedTransitions: ['nominations-closed', 'draft', 'cancelled'],
      });
      expect(await auditOf('session.transitioned', created.id)).toEqual([
        { before: { status: 'draft' }, after: { status: 'announced' } },
      ]);
      // Now the nation sees it.
      const seen = await call(t.app, npoc, 'GET', '/api/v1/sessions/TR-1');
      expect(seen.statusCode).toBe(200);
    });

    it('refuses an illegal move with 409 naming the allowed states', async () => {
      await plan('TR-2');
      await walk('TR-2', 'announced');
      const problem = expectProblem(
        await move(registrar, 'TR-2', { to: 'completed' }),
        409,
        'invalid_transition',
      );
      expect(problem.detail).toContain(
        'From announced a session can go to: nominations-closed, draft, cancelled',
      );
      const read = await call(t.app, registrar, 'GET', '/api/v1/sessions/TR-2');
      expect(read.json<Session>().status).toBe('announced');
    });

    it('needs a reason to cancel, and keeps it', async () => {
      const created = await plan('TR-3');
      const missing = expectProblem(
        await move(registrar, 'TR-3', { to: 'cancelled' }),
        400,
        'validation_failed',
      );
      expect(missing.errors?.[0]).toMatchObject({ field: 'reason' });
      const blank = expectProblem(
        await move(registrar, 'TR-3', { to: 'cancelled', reason: '  ' }),
        400,
        'validation_failed',
      );
      expect(blank.errors?.[0]?.field).toBe('reason');
      expect(await auditOf('session.transitioned', created.id)).toEqual([]);
      const response = await move(registrar, 'TR-3', {
        to: 'cancelled',
        reason: 'Too few nominations',
      });
      expect(response.json<Session>()).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Too few nominations',
        allowedTransitions: [],
      });
      const again = expectProblem(
        await move(registrar, 'TR-3', { to: 'draft' }),
        409,
        'invalid_transition',
      );
      expect(again.detail).toContain('nothing');
    });

    it('answers 400 for an unknown state, 401, 403 and 404', async () => {
      await plan('TR-4');
      const bad = expectProblem(
        await move(registrar, 'TR-4', { to: 'planned' }),
        400,
        'validation_failed',
      );
      expect(bad.errors?.[0]?.field).toBe('to');
      expectProblem(await move(null, 'TR-4', { to: 'announced' }), 401, 'unauthenticated');
      expectProblem(await move(npoc, 'TR-4', { to: 'announced' }), 403, 'forbidden');
      expectProblem(await move(registrar, 'NOPE-2', { to: 'announced' }), 404, 'not_found');
    });
  });
});
