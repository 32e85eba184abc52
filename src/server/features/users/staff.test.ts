import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signInAs, type TestApp } from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';

describe('staff to name on a session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
  });
  afterAll(() => t.close());

  it('gives a registrar the names of active directors and nothing else about them', async () => {
    const director = await makeUser(t.db.db, ['course_director']);
    const retired = await makeUser(t.db.db, ['course_director']);
    await t.db.pool.query('update users set active = false where id = $1', [retired.id]);
    await makeUser(t.db.db, ['instructor']);
    const registrar = await signInAs(t, ['registrar']);

    const response = await call(
      t.app,
      registrar,
      'GET',
      '/api/v1/users/staff?role=course_director',
    );
    expect(response.statusCode, response.body).toBe(200);
    const staff = response.json<{ id: string; displayName: string }[]>();
    expect(staff.map((s) => s.id)).toEqual([director.id]);
    expect(Object.keys(staff[0] ?? {}).sort()).toEqual(['displayName', 'id']);
    expect(response.body).not.toContain(director.email);
  });

  it('refuses roles that do not manage sessions, anonymous callers and other roles to list', async () => {
    const npoc = await signInAs(t, ['npoc'], 'KWT');
    expectProblem(
      await call(t.app, npoc, 'GET', '/api/v1/users/staff?role=instructor'),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/users/staff?role=instructor'),
      401,
      'unauthenticated',
    );
    const registrar = await signInAs(t, ['registrar']);
    const bad = expectProblem(
      await call(t.app, registrar, 'GET', '/api/v1/users/staff?role=npoc'),
      400,
      'validation_failed',
    );
    expect(bad.errors?.[0]?.field).toBe('role');
  });
});
