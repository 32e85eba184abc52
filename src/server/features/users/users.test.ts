import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Problem } from '../../../contract/common.js';
import type { CreateUserRequest, User } from '../../../contract/users.js';

interface Page {
  items: User[];
  nextCursor: string | null;
}

const fieldsOf = (problem: Problem) => problem.errors?.map((e) => e.field) ?? [];

function newUser(overrides: Partial<CreateUserRequest> = {}): CreateUserRequest {
  return {
    email: `new-${randomBytes(3).toString('hex')}@test.example`,
    displayName: 'Layla Haddad',
    roles: ['course_director'],
    password: 'a long enough password',
    ...overrides,
  };
}

describe('users', () => {
  let t: TestApp;
  let admin: Session;
  let registrar: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    admin = await signInAs(t, ['administrator']);
    registrar = await signInAs(t, ['registrar']);
  });
  afterAll(() => t.close());

  const list = async (query: string): Promise<Page> => {
    const response = await call(t.app, admin, 'GET', `/api/v1/users${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };
  const create = (body: object) => call(t.app, admin, 'POST', '/api/v1/users', body);

  /** Rows of users and audit records, to prove that a refused request wrote nothing. */
  async function counts(): Promise<{ users: number; audit: number }> {
    const { rows } = await t.db.pool.query<{ users: number; audit: number }>(
      'select (select count(*)::int from users) as users, (select count(*)::int from audit_log) as audit',
    );
    return rows[0] ?? { users: -1, audit: -1 };
  }

  describe('list', () => {
    it('walks every page with limit=2, without duplicates', async () => {
      for (let i = 0; i < 3; i++) await makeUser(t.db.db, ['instructor']);
      const all = await list('?limit=200');
      expect(all.nextCursor).toBeNull();
      expect(all.items.length).toBeGreaterThanOrEqual(5);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((u) => u.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      expect(cursor).toBeNull();
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(all.items.map((u) => u.id));
    });

    it('filters by role and by text', async () => {
      const npoc = await makeUser(t.db.db, ['npoc'], 'QAT');
      const byRole = await list('?role=npoc');
      expect(byRole.items.map((u) => u.id)).toContain(npoc.id);
      expect(byRole.items.every((u) => u.roles.includes('npoc'))).toBe(true);
      const byText = await list(`?q=${npoc.email.slice(0, 11).toUpperCase()}`);
      expect(byText.items.map((u) => u.id)).toEqual([npoc.id]);
      expect((await list('?q=%25')).items).toEqual([]);
      // Names as people are searched: Arabic without marks, Latin spellings of one name.
      await t.db.pool.query(
        `update users set display_name = 'مُحَمَّد العلي / Mohammed Al-Ali' where id = $1`,
        [npoc.id],
      );
      for (const typed of ['محمد علي', 'Muhammad', 'alali']) {
        const found = await list(`?q=${encodeURIComponent(typed)}`);
        expect(found.items.map((u) => u.id)).toEqual([npoc.id]);
      }
      const invalid = await call(t.app, admin, 'GET', '/api/v1/users?role=king');
      expect(fieldsOf(expectProblem(invalid, 400, 'validation_failed'))).toEqual(['role']);
    });

    it('is for administrators only', async () => {
      expectProblem(await call(t.app, registrar, 'GET', '/api/v1/users'), 403, 'forbidden');
      expectProblem(await call(t.app, null, 'GET', '/api/v1/users'), 401, 'unauthenticated');
    });
  });

  describe('create', () => {
    it('creates a user without ever returning the password hash', async () => {
      const body = newUser({ roles: ['npoc'], nationCode: 'KWT', locale: 'ar' });
      const before = await counts();
      const response = await create(body);
      expect(response.statusCode, response.body).toBe(201);
      const user = response.json<User>();
      expect(user).toEqual({
        id: expect.any(String),
        email: body.email,
        displayName: 'Layla Haddad',
        roles: ['npoc'],
        nationCode: 'KWT',
        locale: 'ar',
        active: true,
        ssoOnly: false,
        createdAt: expect.any(String),
        lastSignInAt: null,
      });
      expect(response.body).not.toMatch(/password|argon2/i);
      expect(await counts()).toEqual({ users: before.users + 1, audit: before.audit + 1 });
      const { rows } = await t.db.pool.query<{ actor_id: string; after: User; text: string }>(
        `select actor_id, after, to_jsonb(a)::text as text from audit_log a
         where action = 'user.created' and entity_id = $1`,
        [user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.actor_id).toBe(admin.userId);
      expect(rows[0]?.after).toEqual(user);
      expect(rows[0]?.text).not.toMatch(/password|argon2/i);
      await signIn(t.app, body.email, body.password);
    });

    it('refuses a duplicate e-mail in another case with 409', async () => {
      const body = newUser();
      expect((await create(body)).statusCode).toBe(201);
      const before = await counts();
      const again = await create(newUser({ email: body.email.toUpperCase() }));
      expectProblem(again, 409, 'email_taken');
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['an npoc without a nation', { roles: ['npoc'] }, 'nationCode'],
      ['an unknown nation', { roles: ['npoc'], nationCode: 'XYZ' }, 'nationCode'],
      [
        'staff with a nation role',
        { roles: ['registrar', 'npoc'], nationCode: 'KWT' },
        'nationCode',
      ],
      ['an invalid role', { roles: ['king'] }, 'roles.0'],
      ['no role at all', { roles: [] }, 'roles'],
      ['a short password', { password: 'short' }, 'password'],
      ['an invalid e-mail', { email: 'not-an-email' }, 'email'],
      ['an unknown field', { passwordHash: 'x' }, 'passwordHash'],
    ])('refuses %s with 400 and writes nothing', async (_, overrides, field) => {
      const before = await counts();
      const problem = expectProblem(
        await create({ ...newUser(), ...overrides }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(problem)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('is for administrators only', async () => {
      const before = await counts();
      expectProblem(
        await call(t.app, registrar, 'POST', '/api/v1/users', newUser()),
        403,
        'forbidden',
      );
      expectProblem(
        await call(t.app, null, 'POST', '/api/v1/users', newUser()),
        401,
        'unauthenticated',
      );
      expect(await counts()).toEqual(before);
    });
  });

  describe('get', () => {
    it('returns one user, 404 for an unknown id and 400 for a malformed one', async () => {
      const user = await makeUser(t.db.db, ['observer']);
      const response = await call(t.app, admin, 'GET', `/api/v1/users/${user.id}`);
      expect(response.json<User>()).toMatchObject({ id: user.id, email: user.email });
      expect(response.body).not.toMatch(/password|argon2/i);
      const unknown = '0b7c2a56-0000-4000-8000-000000000000';
      expectProblem(await call(t.app, admin, 'GET', `/api/v1/users/${unknown}`), 404, 'not_found');
      const malformed = await call(t.app, admin, 'GET', '/api/v1/users/42');
      expect(fieldsOf(expectProblem(malformed, 400, 'validation_failed'))).toEqual(['id']);
      expectProblem(
        await call(t.app, registrar, 'GET', `/api/v1/users/${user.id}`),
        403,
        'forbidden',
      );
    });
  });
});
