import { readdirSync, readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
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
import type { CreatedApiToken } from '../../../contract/auth.js';

const NEW_PASSWORD = 'a fresh passphrase for spring';

/** Every way into an account ends when its password changes or it is deactivated. */
describe('API tokens and sessions end with the password', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    admin = await signInAs(t, ['administrator']);
  });
  afterAll(() => t.close());

  const bearer = (token: string): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
  const me = (session: Session) => call(t.app, session, 'GET', '/api/v1/auth/me');

  /** A user with two browser sessions and two API tokens. */
  async function userWithTokens() {
    const user = await makeUser(t.db.db, ['registrar']);
    const first = await signIn(t.app, user.email, TEST_PASSWORD);
    const second = await signIn(t.app, user.email, TEST_PASSWORD);
    const tokens: CreatedApiToken[] = [];
    for (const name of ['nightly export', 'weekly report']) {
      const response = await call(t.app, first, 'POST', '/api/v1/auth/tokens', { name });
      expect(response.statusCode, response.body).toBe(201);
      tokens.push(response.json<CreatedApiToken>());
    }
    for (const token of tokens) expect((await bearer(token.token)).statusCode).toBe(200);
    return { user, first, second, tokens };
  }

  /** Each token is refused and stays in the table with `revoked_at` set, audited with a reason. */
  async function expectRevoked(tokens: CreatedApiToken[], reason: string) {
    for (const token of tokens) {
      expectProblem(await bearer(token.token), 401, 'invalid_token');
    }
    const { rows } = await t.db.pool.query<{ revoked: boolean; reason: string | null }>(
      `select t.revoked_at is not null as revoked,
              (select a.after->>'reason' from audit_log a
                where a.action = 'api_token.revoked' and a.entity_id = t.id::text) as reason
         from api_tokens t where t.id = any($1::uuid[])`,
      [tokens.map((token) => token.id)],
    );
    expect(rows).toEqual(tokens.map(() => ({ revoked: true, reason })));
  }

  it('a change of one’s own password revokes every token and keeps only the current session', async () => {
    const { user, first, second, tokens } = await userWithTokens();
    const response = await call(t.app, first, 'POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode, response.body).toBe(204);
    await expectRevoked(tokens, 'password_changed');
    expect((await me(first)).statusCode).toBe(200);
    expectProblem(await me(second), 401, 'unauthenticated');
    const { rows } = await t.db.pool.query(
      `select after from audit_log where action = 'user.password_changed' and entity_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([{ after: { sessionsEnded: 1, tokensRevoked: 2 } }]);
  });

  it('a password set by an e-mailed link revokes every token and ends every session', async () => {
    const { user, first, second, tokens } = await userWithTokens();
    const request = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: user.email },
    });
    expect(request.statusCode).toBe(202);
    const { rows } = await t.db.pool.query<{ body: string }>(
      'select body from outbox_messages where to_address = $1 order by id desc limit 1',
      [user.email],
    );
    const link = /\/password\/([\w-]+)/.exec(rows[0]?.body ?? '')?.[1];
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token: link, newPassword: NEW_PASSWORD },
    });
    expect(done.statusCode, done.body).toBe(204);
    await expectRevoked(tokens, 'password_set_by_link');
    expectProblem(await me(first), 401, 'unauthenticated');
    expectProblem(await me(second), 401, 'unauthenticated');
  });

  it('an administrator’s reset revokes every token and ends every session', async () => {
    const { user, first, second, tokens } = await userWithTokens();
    const response = await call(t.app, admin, 'POST', `/api/v1/users/${user.id}/reset-password`, {
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode, response.body).toBe(204);
    await expectRevoked(tokens, 'password_reset');
    expectProblem(await me(first), 401, 'unauthenticated');
    expectProblem(await me(second), 401, 'unauthenticated');
  });

  it('deactivation revokes tokens for good: re-activating the account does not revive them', async () => {
    const { user, first, tokens } = await userWithTokens();
    const off = await call(t.app, admin, 'PATCH', `/api/v1/users/${user.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    const on = await call(t.app, admin, 'PATCH', `/api/v1/users/${user.id}`, { active: true });
    expect(on.statusCode, on.body).toBe(200);
    await expectRevoked(tokens, 'deactivated');
    expectProblem(await me(first), 401, 'unauthenticated');
    // The account itself works again, with its password.
    await signIn(t.app, user.email, TEST_PASSWORD);
  });

  it('a refused password change revokes nothing', async () => {
    const { first, tokens } = await userWithTokens();
    const response = await call(t.app, first, 'POST', '/api/v1/auth/password', {
      currentPassword: 'not the password at all',
      newPassword: NEW_PASSWORD,
    });
    expectProblem(response, 400, 'wrong_password');
    for (const token of tokens) expect((await bearer(token.token)).statusCode).toBe(200);
  });

  it('a migration revokes the tokens that users deactivated before this change still hold', async () => {
    const { first: activeSession, tokens: kept } = await userWithTokens();
    const { user: leaver, tokens: blocked } = await userWithTokens();
    // Deactivated as before this change: blocked while inactive, not revoked.
    await t.db.pool.query('update users set active = false where id = $1', [leaver.id]);
    const folder = new URL('../../db/migrations/', import.meta.url);
    const file = readdirSync(folder).find((name) =>
      name.endsWith('_revoke_tokens_of_inactive_users.sql'),
    );
    const sql = readFileSync(new URL(file ?? 'missing.sql', folder), 'utf8');
    await t.db.pool.query(sql);
    await t.db.pool.query('update users set active = true where id = $1', [leaver.id]);
    for (const token of blocked) expectProblem(await bearer(token.token), 401, 'invalid_token');
    for (const token of kept) expect((await bearer(token.token)).statusCode).toBe(200);
    expect((await me(activeSession)).statusCode).toBe(200);
  });
});
