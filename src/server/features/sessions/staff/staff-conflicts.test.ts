import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../../test/support/factories.js';
import { expectProblem } from '../../../../../test/support/problem.js';
import type { Session, StaffConflict } from '../../../../contract/sessions.js';
import { makeActivity, seedSessionBasics, sessionInput } from '../test-data.js';

describe('staff on two sessions at once', () => {
  let t: TestApp;
  let registrar: Browser;
  let director: string;
  let instructor: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    registrar = await signInAs(t, ['registrar']);
    director = (await makeUser(t.db.db, ['course_director'])).id;
    instructor = (await makeUser(t.db.db, ['instructor'])).id;
    const first = await plan('ST-1', { directorId: director, instructorIds: [instructor] });
    expect(first.statusCode, first.body).toBe(201);
  });
  afterAll(() => t.close());

  const plan = (code: string, overrides: object) =>
    call(t.app, registrar, 'POST', '/api/v1/sessions', {
      ...sessionInput(code, 'CT-BASIC'),
      ...overrides,
    });
  const exists = async (code: string) =>
    (await call(t.app, registrar, 'GET', `/api/v1/sessions/${code}`)).statusCode === 200;
  const auditAfter = async (code: string, action: string) => {
    const { rows } = await t.db.pool.query<{ after: Record<string, unknown> }>(
      `select a.after from audit_log a join training_sessions s on s.id = a.entity_id::uuid
        where s.code = $1 and a.action = $2 order by a.id desc limit 1`,
      [code, action],
    );
    return rows[0]?.after;
  };

  it('refuses a director already directing a session on those days, naming it, and writes nothing', async () => {
    const response = await plan('ST-2', { directorId: director });
    const problem = expectProblem(response, 409, 'staff_conflict');
    expect(problem.detail).toContain('ST-1 (2027-03-07 to 2027-03-11)');
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'directorId', code: 'staff_conflict' }),
    ]);
    expect((problem as unknown as { conflicts: StaffConflict[] }).conflicts).toEqual([
      expect.objectContaining({ userId: director, role: 'director', sessionCode: 'ST-1' }),
    ]);
    expect(await exists('ST-2')).toBe(false);
  });

  it('refuses an instructor whose other session shares a single day, naming the field', async () => {
    const response = await plan('ST-3', {
      startDate: '2027-03-11',
      endDate: '2027-03-15',
      instructorIds: [instructor],
    });
    const problem = expectProblem(response, 409, 'staff_conflict');
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'instructorIds.0', code: 'staff_conflict' }),
    ]);
  });

  it('keeps them on both when the registrar confirms, and the audit record says so', async () => {
    const response = await plan('ST-2', { directorId: director, confirmStaffConflicts: true });
    expect(response.statusCode, response.body).toBe(201);
    expect((await auditAfter('ST-2', 'session.created'))?.staffConflictsConfirmed).toEqual([
      expect.objectContaining({ sessionCode: 'ST-1', role: 'director' }),
    ]);
    // An edit that changes neither the dates nor the staff does not ask again.
    const edit = await call(t.app, registrar, 'PATCH', '/api/v1/sessions/ST-2', { notes: 'x' });
    expect(edit.statusCode, edit.body).toBe(200);
  });

  it('lets the same people run sessions that do not overlap, and asks again when one moves onto the other', async () => {
    const later = await plan('ST-4', {
      startDate: '2027-03-14',
      endDate: '2027-03-18',
      directorId: director,
      instructorIds: [instructor],
    });
    expect(later.statusCode, later.body).toBe(201);
    const moved = await call(t.app, registrar, 'PATCH', '/api/v1/sessions/ST-4', {
      startDate: '2027-03-10',
    });
    expectProblem(moved, 409, 'staff_conflict');
    const unchanged = (
      await call(t.app, registrar, 'GET', '/api/v1/sessions/ST-4')
    ).json<Session>();
    expect(unchanged.startDate).toBe('2027-03-14');
  });

  it('does not count a cancelled session', async () => {
    const cancelled = await call(t.app, registrar, 'POST', '/api/v1/sessions/ST-1/transitions', {
      to: 'cancelled',
      reason: 'Venue unavailable',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const response = await plan('ST-5', { instructorIds: [instructor] });
    expect(response.statusCode, response.body).toBe(201);
  });
});
