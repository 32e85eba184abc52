import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { User } from '../../../contract/users.js';

const NEW_PASSWORD = 'handed over in person';

interface AuditRow {
  actor_id: string | null;
  before: Partial<User> | null;
  after: Partial<User> | null;
  text: string;
}

describe('user changes', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    admin = await signInAs(t, ['administrator']);
  });
  afterAll(() => t.close());

  const patch = (id: string, body: object, as: Session = admin) =>
    call(t.app, as, 'PATCH', `/api/v1/users/${id}`, body);
  const resetPassword = (id: string, body: object) =>
    call(t.app, admin, 'POST', `/api/v1/users/${id}/reset-password`, body);
  const me = (session: Session) => call(t.app, session, 'GET', '/api/v1/auth/me');

  async function auditOf(action: string, entityId: string): Promise<AuditRow[]> {
    const { rows } = await t.db.pool.query<AuditRow>(
      `select actor_id, before, after, to_jsonb(a)::text as text from audit_log a
       where action = $1 and entity_id = $2 order by id`,
      [action, entityId],
    );
    return rows;
  }

  async function auditCount(): Promise<number> {
    const { rows } = await t.db.pool.query<{ n: number }>(
      'select count(*)::int as n from audit_log',
    );
    return rows[0]?.n ?? -1;
  }

  it('changes roles and nation, with before and after in the audit trail', async () => {
    const user = await makeUser(t.db.db, ['instructor']);
    const response = await patch(user.id, { roles: ['npoc'], nationCode: 'QAT' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<User>()).toMatchObject({
      id: user.id,
      roles: ['npoc'],
      nationCode: 'QAT',
      displayName: 'Test instructor',
      active: true,
    });
    const [row, ...more] = await auditOf('user.updated', user.id);
    expect(more).toEqual([]);
    expect(row?.actor_id).toBe(admin.userId);
    expect(row?.before).toMatchObject({ roles: ['instructor'], nationCode: null });
    expect(row?.after).toMatchObject({ roles: ['npoc'], nationCode: 'QAT' });
    expect(row?.text).not.toMatch(/password|argon2/i);
    // The new role takes effect on the user's next request.
    const session = await signIn(t.app, user.email, TEST_PASSWORD);
    expect((await me(session)).json()).toMatchObject({ user: { nationCode: 'QAT' } });
  });

  it('refuses an invalid combination with 400 and writes nothing', async () => {
    const user = await makeUser(t.db.db, ['npoc'], 'KWT');
    const before = await auditCount();
    for (const body of [
      { nationCode: null },
      { nationCode: 'XYZ' },
      { roles: ['registrar', 'npoc'] },
    ]) {
      const problem = expectProblem(await patch(user.id, body), 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.field)).toEqual(['nationCode']);
    }
    const bad = expectProblem(
      await patch(user.id, { email: 'x@test.example' }),
      400,
      'validation_failed',
    );
    expect(bad.errors).toContainEqual(
      expect.objectContaining({ field: 'email', code: 'unknown_field' }),
    );
    const { rows } = await t.db.pool.query('select roles, nation_code from users where id = $1', [
      user.id,
    ]);
    expect(rows).toEqual([{ roles: ['npoc'], nation_code: 'KWT' }]);
    expect(await auditCount()).toBe(before);
  });

  it('deactivating signs the user out at once and keeps them out', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    const session = await signIn(t.app, user.email, TEST_PASSWORD);
    expect((await me(session)).statusCode).toBe(200);
    const response = await patch(user.id, { active: false });
    expect(response.json<User>().active).toBe(false);
    expectProblem(await me(session), 401, 'unauthenticated');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expectProblem(again, 401, 'invalid_credentials');
    const [row] = await auditOf('user.updated', user.id);
    expect([row?.before?.active, row?.after?.active]).toEqual([true, false]);

    expect((await patch(user.id, { active: true })).statusCode).toBe(200);
    await signIn(t.app, user.email, TEST_PASSWORD);
  });

  it('does not let an administrator deactivate or demote themselves', async () => {
    const before = await auditCount();
    expectProblem(await patch(admin.userId, { active: false }), 409, 'cannot_demote_self');
    expectProblem(await patch(admin.userId, { roles: ['registrar'] }), 409, 'cannot_demote_self');
    expect((await me(admin)).json()).toMatchObject({ user: { roles: ['administrator'] } });
    expect(await auditCount()).toBe(before);
  });

  it('answers 404 for an unknown user and 403/401 for others', async () => {
    const unknown = '0b7c2a56-0000-4000-8000-000000000000';
    expectProblem(await patch(unknown, { active: false }), 404, 'not_found');
    expectProblem(await resetPassword(unknown, { newPassword: NEW_PASSWORD }), 404, 'not_found');
    const target = await makeUser(t.db.db, ['observer']);
    const registrar = await signInAs(t, ['registrar']);
    expectProblem(await patch(target.id, { active: false }, registrar), 403, 'forbidden');
    expectProblem(
      await call(t.app, null, 'PATCH', `/api/v1/users/${target.id}`, { active: false }),
      401,
      'unauthenticated',
    );
    expect(
      (await t.db.pool.query('select active from users where id = $1', [target.id])).rows,
    ).toEqual([{ active: true }]);
  });

  describe('reset password', () => {
    it('sets the new password, drops the old one and ends open sessions', async () => {
      const user = await makeUser(t.db.db, ['instructor']);
      const session = await signIn(t.app, user.email, TEST_PASSWORD);
      const response = await resetPassword(user.id, { newPassword: NEW_PASSWORD });
      expect(response.statusCode).toBe(204);
      expectProblem(await me(session), 401, 'unauthenticated');
      const old = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expectProblem(old, 401, 'invalid_credentials');
      await signIn(t.app, user.email, NEW_PASSWORD);
      const [row, ...more] = await auditOf('user.password_reset', user.id);
      expect(more).toEqual([]);
      expect(row?.actor_id).toBe(admin.userId);
      expect(row?.text).not.toContain(NEW_PASSWORD);
      expect(row?.text).not.toMatch(/argon2/);
    });

    it('refuses a short password with 400 and writes nothing', async () => {
      const user = await makeUser(t.db.db, ['instructor']);
      const before = await auditCount();
      const problem = expectProblem(
        await resetPassword(user.id, { newPassword: 'short' }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.map((e) => e.field)).toEqual(['newPassword']);
      expect(await auditCount()).toBe(before);
      await signIn(t.app, user.email, TEST_PASSWORD);
    });
  });
});
