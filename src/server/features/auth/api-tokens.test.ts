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
import type { ApiToken, CreatedApiToken } from '../../../contract/auth.js';
import type { NationSummary } from '../../../contract/partners.js';

/** A request as a script would send it: the bearer token and nothing else, no CSRF header. */
function withToken(
  t: TestApp,
  token: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
}

describe('API tokens', () => {
  let t: TestApp;
  let session: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    session = await signInAs(t, ['registrar']);
  });
  afterAll(() => t.close());

  async function createToken(owner: Session, name = 'nightly export'): Promise<CreatedApiToken> {
    const response = await call(t.app, owner, 'POST', '/api/v1/auth/tokens', { name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CreatedApiToken>();
  }

  async function listTokens(owner: Session): Promise<LightMyRequestResponse> {
    const response = await call(t.app, owner, 'GET', '/api/v1/auth/tokens');
    expect(response.statusCode).toBe(200);
    return response;
  }

  it('returns the secret once, stores only its hash, and audits without it', async () => {
    const created = await createToken(session);
    expect(created.token.startsWith(`rbt_${created.prefix}_`)).toBe(true);
    expect(created.name).toBe('nightly export');
    const days = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(90);
    const stored = await t.db.pool.query<{ text: string }>(
      `select to_jsonb(x)::text as text from api_tokens x where id = $1
       union all select to_jsonb(a)::text from audit_log a where entity_id = $1::text`,
      [created.id],
    );
    expect(stored.rows).toHaveLength(2);
    for (const { text } of stored.rows) expect(text).not.toContain(created.token);
  });

  it('authenticates as a bearer token, with no CSRF header needed for writes', async () => {
    const created = await createToken(session);
    const nations = await withToken(t, created.token, 'GET', '/api/v1/nations');
    expect(nations.statusCode).toBe(200);
    expect(nations.json<NationSummary[]>().map((n) => n.code)).toEqual(['KWT', 'QAT']);
    const contact = await withToken(t, created.token, 'POST', '/api/v1/nations/KWT/contacts', {
      name: 'Added by a script',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const me = await withToken(t, created.token, 'GET', '/api/v1/auth/me');
    expect(me.json()).toMatchObject({ user: { id: session.userId }, csrfToken: null });
  });

  it('lists tokens without their secrets and records their last use', async () => {
    const created = await createToken(session, 'listed');
    await withToken(t, created.token, 'GET', '/api/v1/nations');
    const response = await listTokens(session);
    expect(response.body).not.toContain(created.token);
    const listed = response.json<ApiToken[]>().find((token) => token.id === created.id);
    expect(listed).toBeDefined();
    expect(Object.keys(listed ?? {}).sort()).toEqual([
      'createdAt',
      'expiresAt',
      'id',
      'lastUsedAt',
      'name',
      'prefix',
    ]);
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it('stops a revoked token at once and hides it from the list', async () => {
    const created = await createToken(session);
    const revoke = await call(t.app, session, 'DELETE', `/api/v1/auth/tokens/${created.id}`);
    expect(revoke.statusCode).toBe(204);
    expectProblem(
      await withToken(t, created.token, 'GET', '/api/v1/nations'),
      401,
      'invalid_token',
    );
    const ids = (await listTokens(session)).json<ApiToken[]>().map((token) => token.id);
    expect(ids).not.toContain(created.id);
    const again = await call(t.app, session, 'DELETE', `/api/v1/auth/tokens/${created.id}`);
    expectProblem(again, 404, 'not_found');
    const { rows } = await t.db.pool.query(
      `select 1 from audit_log where action = 'api_token.revoked' and entity_id = $1`,
      [created.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses garbage, expired tokens and tokens of deactivated users', async () => {
    expectProblem(
      await withToken(t, 'rbt_garbage', 'GET', '/api/v1/nations'),
      401,
      'invalid_token',
    );
    const expired = await createToken(session);
    await t.db.pool.query(
      `update api_tokens set expires_at = now() - interval '1 second' where id = $1`,
      [expired.id],
    );
    expectProblem(
      await withToken(t, expired.token, 'GET', '/api/v1/nations'),
      401,
      'invalid_token',
    );

    const leaver = await makeUser(t.db.db, ['observer']);
    const leaverToken = await createToken(await signIn(t.app, leaver.email, TEST_PASSWORD));
    await t.db.pool.query('update users set active = false where id = $1', [leaver.id]);
    const response = await withToken(t, leaverToken.token, 'GET', '/api/v1/nations');
    expectProblem(response, 401, 'invalid_token');
  });

  it('keeps a token to its owner: another user can neither revoke nor see it', async () => {
    const created = await createToken(session);
    const strangerSession = await signInAs(t, ['administrator']);
    const revoke = await call(
      t.app,
      strangerSession,
      'DELETE',
      `/api/v1/auth/tokens/${created.id}`,
    );
    expectProblem(revoke, 404, 'not_found');
    expect((await listTokens(strangerSession)).json()).toEqual([]);
    expect((await withToken(t, created.token, 'GET', '/api/v1/nations')).statusCode).toBe(200);
  });

  it('grants a token only its owner’s permissions', async () => {
    const npoc = await makeUser(t.db.db, ['npoc'], 'KWT');
    const created = await createToken(await signIn(t.app, npoc.email, TEST_PASSWORD));
    const nations = await withToken(t, created.token, 'GET', '/api/v1/nations');
    expect(nations.json<NationSummary[]>().map((n) => n.code)).toEqual(['KWT']);
    expectProblem(await withToken(t, created.token, 'GET', '/api/v1/users'), 403, 'forbidden');
  });

  it('validates the request: name required, unknown fields and bad ids refused', async () => {
    const blank = await call(t.app, session, 'POST', '/api/v1/auth/tokens', { name: '  ' });
    expect(expectProblem(blank, 400, 'validation_failed').errors?.[0]?.field).toBe('name');
    const tooLong = await call(t.app, session, 'POST', '/api/v1/auth/tokens', {
      name: 'x',
      expiresInDays: 91,
    });
    expect(expectProblem(tooLong, 400, 'validation_failed').errors?.[0]?.field).toBe(
      'expiresInDays',
    );
    const badId = await call(t.app, session, 'DELETE', '/api/v1/auth/tokens/not-a-uuid');
    expectProblem(badId, 400, 'validation_failed');
    expectProblem(await call(t.app, null, 'GET', '/api/v1/auth/tokens'), 401, 'unauthenticated');
  });

  it('lives 90 days at most: the longest lifetime is accepted, one day more is not', async () => {
    const response = await call(t.app, session, 'POST', '/api/v1/auth/tokens', {
      name: 'quarterly',
      expiresInDays: 90,
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<CreatedApiToken>();
    const days = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(90);
    const { rows } = await t.db.pool.query<{ days: number }>(
      `select round(extract(epoch from max(expires_at - created_at)) / 86400)::int as days
         from api_tokens`,
    );
    expect(rows[0]?.days).toBeLessThanOrEqual(90);
  });

  it('refuses to let a token mint tokens, and writes nothing', async () => {
    const created = await createToken(session, 'script');
    const count = async () =>
      (await t.db.pool.query('select id from api_tokens where user_id = $1', [session.userId]))
        .rowCount;
    const before = await count();
    const minted = await withToken(t, created.token, 'POST', '/api/v1/auth/tokens', {
      name: 'minted by a token',
      expiresInDays: 90,
    });
    const problem = expectProblem(minted, 403, 'token_cannot_mint');
    expect(problem.detail).toMatch(/sign in/i);
    expect(minted.body).not.toMatch(/rbt_/);
    expect(await count()).toBe(before);
  });
});
