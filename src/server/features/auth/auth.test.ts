import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Me } from '../../../contract/auth.js';
import type { Problem } from '../../../contract/common.js';
import { permissionsOf } from '../../../domain/access.js';
import { SESSION_COOKIE } from '../../http/authenticate.js';

const NEW_PASSWORD = 'a brand new passphrase';

function login(t: TestApp, payload: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as object });
}

const fieldsOf = (problem: Problem) => problem.errors?.map((e) => [e.field, e.code]) ?? [];

async function me(t: TestApp, session: Session): Promise<LightMyRequestResponse> {
  return call(t.app, session, 'GET', '/api/v1/auth/me');
}

async function auditTexts(t: TestApp, action: string, entityId: string): Promise<string[]> {
  const { rows } = await t.db.pool.query<{ text: string }>(
    'select to_jsonb(a)::text as text from audit_log a where action = $1 and entity_id = $2',
    [action, entityId],
  );
  return rows.map((r) => r.text);
}

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
  });
  afterAll(() => t.close());

  describe('sign-in', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie and returns Me', async () => {
      const user = await makeUser(t.db.db, ['npoc'], 'KWT');
      const response = await login(t, { email: user.email, password: TEST_PASSWORD });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      const body = response.json<Me>();
      expect(body.user).toEqual({
        id: user.id,
        email: user.email,
        displayName: 'Test npoc',
        roles: ['npoc'],
        nationCode: 'KWT',
        locale: 'en',
      });
      // What the roles grant, so the web app can show only what the user may do.
      expect(body.permissions).toEqual([...permissionsOf(['npoc'])].sort());
      expect(body.permissions).toContain('contacts.manage');
      expect(body.permissions).not.toContain('partners.manage');
      expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
      expect(response.body).not.toMatch(/argon2|passwordHash/);
      expect(await auditTexts(t, 'auth.sign_in', user.id)).toHaveLength(1);
    });

    it('answers a wrong password, an unknown e-mail and a deactivated user alike', async () => {
      const user = await makeUser(t.db.db, ['registrar']);
      const inactive = await makeUser(t.db.db, ['registrar']);
      await t.db.pool.query('update users set active = false where id = $1', [inactive.id]);
      const attempts = [
        { email: user.email, password: 'not the password' },
        { email: 'nobody@test.example', password: TEST_PASSWORD },
        { email: inactive.email, password: TEST_PASSWORD },
      ];
      const details = new Set<string>();
      for (const attempt of attempts) {
        details.add(expectProblem(await login(t, attempt), 401, 'invalid_credentials').detail);
      }
      expect(details.size).toBe(1);
      expect(await auditTexts(t, 'auth.sign_in', inactive.id)).toEqual([]);
    });

    it('rejects an invalid body with 400 and names the fields', async () => {
      const missing = expectProblem(
        await login(t, { email: 'a@test.example' }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(missing).map(([field]) => field)).toContain('password');
      const extra = expectProblem(
        await login(t, { email: 'a@test.example', password: 'x', foo: 1 }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(extra)).toContainEqual(['foo', 'unknown_field']);
      const garbled = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": "a@test.example", ',
      });
      expectProblem(garbled, 400, 'invalid_json');
    });
  });

  describe('sessions', () => {
    it('GET /auth/me is 401 without a cookie and with an unknown one', async () => {
      expectProblem(await call(t.app, null, 'GET', '/api/v1/auth/me'), 401, 'unauthenticated');
      const forged = { cookie: `${SESSION_COOKIE}=forged`, csrfToken: 'x', userId: 'x' };
      expectProblem(await me(t, forged), 401, 'unauthenticated');
    });

    it('refuses a cookie-authenticated write without the CSRF header', async () => {
      const user = await makeUser(t.db.db, ['registrar']);
      const session = await signIn(t.app, user.email, TEST_PASSWORD);
      const bare = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: session.cookie },
      });
      expectProblem(bare, 403, 'csrf_failed');
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: session.cookie, 'x-csrf-token': 'not-the-token' },
      });
      expectProblem(wrong, 403, 'csrf_failed');
      expect((await me(t, session)).statusCode).toBe(200);
    });

    it('ends a session once it expires', async () => {
      const user = await makeUser(t.db.db, ['observer']);
      const session = await signIn(t.app, user.email, TEST_PASSWORD);
      expect((await me(t, session)).json<Me>().csrfToken).toBe(session.csrfToken);
      await t.db.pool.query(
        `update login_sessions set expires_at = now() - interval '1 minute' where user_id = $1`,
        [user.id],
      );
      expectProblem(await me(t, session), 401, 'unauthenticated');
    });

    it('logout deletes the session', async () => {
      const user = await makeUser(t.db.db, ['observer']);
      const session = await signIn(t.app, user.email, TEST_PASSWORD);
      const response = await call(t.app, session, 'POST', '/api/v1/auth/logout');
      expect(response.statusCode).toBe(204);
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
      expectProblem(await me(t, session), 401, 'unauthenticated');
      const { rows } = await t.db.pool.query('select 1 from login_sessions where user_id = $1', [
        user.id,
      ]);
      expect(rows).toEqual([]);
      expect(await auditTexts(t, 'auth.sign_out', user.id)).toHaveLength(1);
    });
  });

  describe('change password', () => {
    const change = (session: Session, body: object) =>
      call(t.app, session, 'POST', '/api/v1/auth/password', body);

    it('refuses a wrong current password and a short new one', async () => {
      const user = await makeUser(t.db.db, ['instructor']);
      const session = await signIn(t.app, user.email, TEST_PASSWORD);
      const wrong = expectProblem(
        await change(session, { currentPassword: 'nope', newPassword: NEW_PASSWORD }),
        400,
        'wrong_password',
      );
      expect(fieldsOf(wrong)).toEqual([['currentPassword', 'wrong_password']]);
      const short = expectProblem(
        await change(session, { currentPassword: TEST_PASSWORD, newPassword: 'short' }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(short).map(([field]) => field)).toEqual(['newPassword']);
      await signIn(t.app, user.email, TEST_PASSWORD);
      expect(await auditTexts(t, 'user.password_changed', user.id)).toEqual([]);
    });

    it('switches passwords and signs out the other sessions only', async () => {
      const user = await makeUser(t.db.db, ['instructor']);
      const current = await signIn(t.app, user.email, TEST_PASSWORD);
      const other = await signIn(t.app, user.email, TEST_PASSWORD);
      const response = await change(current, {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(response.statusCode).toBe(204);
      expect((await me(t, current)).statusCode).toBe(200);
      expectProblem(await me(t, other), 401, 'unauthenticated');
      const old = await login(t, { email: user.email, password: TEST_PASSWORD });
      expectProblem(old, 401, 'invalid_credentials');
      await signIn(t.app, user.email, NEW_PASSWORD);

      const [audit, ...more] = await auditTexts(t, 'user.password_changed', user.id);
      expect(more).toEqual([]);
      expect(audit).toContain(user.id);
      for (const secret of [TEST_PASSWORD, NEW_PASSWORD, 'argon2', 'password_hash']) {
        expect(audit).not.toContain(secret);
      }
    });
  });

  describe('preferences', () => {
    it('switches the locale to Arabic and keeps it', async () => {
      const user = await makeUser(t.db.db, ['participant'], 'QAT');
      const session = await signIn(t.app, user.email, TEST_PASSWORD);
      const response = await call(t.app, session, 'PATCH', '/api/v1/auth/me/preferences', {
        locale: 'ar',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json<Me>().user.locale).toBe('ar');
      expect(response.json<Me>().csrfToken).toBe(session.csrfToken);
      expect((await me(t, session)).json<Me>().user.locale).toBe('ar');
      const { rows } = await t.db.pool.query('select locale from users where id = $1', [user.id]);
      expect(rows).toEqual([{ locale: 'ar' }]);
    });

    it('refuses a locale Rabita does not speak', async () => {
      const user = await makeUser(t.db.db, ['participant'], 'QAT');
      const session = await signIn(t.app, user.email, TEST_PASSWORD);
      const response = await call(t.app, session, 'PATCH', '/api/v1/auth/me/preferences', {
        locale: 'de',
      });
      expect(fieldsOf(expectProblem(response, 400, 'validation_failed'))[0]?.[0]).toBe('locale');
      expect((await me(t, session)).json<Me>().user.locale).toBe('en');
    });
  });
});
