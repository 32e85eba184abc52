import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser, seedPartners, TEST_PASSWORD } from '../../../../test/support/factories.js';
import {
  followProvider,
  startTestProvider,
  type TestProvider,
} from '../../../../test/support/oidc-provider.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { IdentityProvider } from '../../../contract/identity-providers.js';
import { SESSION_COOKIE } from '../../http/authenticate.js';
import { redirectUri } from './presenters.js';
import { SSO_COOKIE } from './sign-in-routes.js';

const REDIRECT = redirectUri();

let t: TestApp;
let op: TestProvider;
let admin: Session;
let provider: IdentityProvider;

async function auditRows(action: string) {
  const { rows } = await t.db.pool.query<{ entity_id: string; after: Record<string, unknown> }>(
    'select entity_id, after from audit_log where action = $1 order by id',
    [action],
  );
  return rows;
}

async function lastRefusal() {
  const rows = await auditRows('auth.sso_refused');
  return rows.at(-1)?.after;
}

async function sessionCount(): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(
    'select count(*)::int as n from login_sessions',
  );
  return rows[0]?.n ?? 0;
}

/** Opens the provider's sign-in from Rabita, as the browser's click on the button does. */
async function start(key: string, redirect?: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/auth/oidc/${key}/start${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`,
  });
  const cookie = response.cookies.find((c) => c.name === SSO_COOKIE)?.value;
  return { response, location: String(response.headers.location ?? ''), cookie };
}

function callback(search: string, cookie: string | undefined) {
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/auth/oidc/callback${search}`,
    headers: cookie ? { cookie: `${SSO_COOKIE}=${cookie}` } : {},
  });
}

/** The whole round trip: Rabita -> provider (signed in as `sub`) -> Rabita's callback. */
async function signInThrough(sub: string, key = 'test', redirect?: string) {
  op.signInAs(sub);
  const started = await start(key, redirect);
  expect(started.response.statusCode, started.location).toBe(302);
  expect(started.location.startsWith(`${op.issuer}/auth?`)).toBe(true);
  const back = await followProvider(started.location, REDIRECT);
  const response = await callback(back.search, started.cookie);
  return { response, search: back.search, cookie: started.cookie };
}

function sessionOf(response: Awaited<ReturnType<typeof callback>>): string | undefined {
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

async function meWith(cookie: string) {
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
  });
}

/** Asserts a refusal: back to the sign-in page with the reason, no session, audited. */
async function expectRefused(
  response: Awaited<ReturnType<typeof callback>>,
  reason: string,
  before: number,
) {
  expect(response.statusCode).toBe(302);
  expect(response.headers.location).toBe(`/sign-in?sso=${reason}`);
  expect(sessionOf(response)).toBeUndefined();
  expect(await sessionCount()).toBe(before);
  expect(await lastRefusal()).toMatchObject({ reason });
}

function account(sub: string, email: string, verified = true) {
  op.accounts.set(sub, { sub, email, email_verified: verified, name: `Person ${sub}` });
}

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.db.db);
  op = await startTestProvider(REDIRECT);
  admin = await signInAs(t, ['administrator']);
  const created = await call(t.app, admin, 'POST', '/api/v1/identity-providers', {
    key: 'test',
    displayName: 'Test provider',
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    scopes: ['openid', 'email', 'profile', 'rabita'],
    claimMapping: { proposal: 'rabita_groups' },
  });
  expect(created.statusCode, created.body).toBe(201);
  provider = created.json<IdentityProvider>();
});
afterAll(async () => {
  await op?.close();
  await t?.close();
});
beforeEach(() => {
  op.tamper = null;
  op.foreignKey = false;
});

describe('identity providers (administration)', () => {
  it('never returns the client secret, only that one is set, and keeps it out of the audit trail', async () => {
    expect(provider).toMatchObject({
      key: 'test',
      clientSecretSet: true,
      redirectUri: REDIRECT,
      claimMapping: {
        email: 'email',
        emailVerified: 'email_verified',
        name: 'name',
        proposal: 'rabita_groups',
      },
    });
    const listed = await call(t.app, admin, 'GET', '/api/v1/identity-providers');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(op.clientSecret);
    const one = await call(t.app, admin, 'GET', `/api/v1/identity-providers/${provider.id}`);
    expect(one.body).not.toContain(op.clientSecret);
    const { rows } = await t.db.pool.query<{ text: string }>(
      "select to_jsonb(a)::text as text from audit_log a where entity_type = 'identity_provider'",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.text).not.toContain(op.clientSecret);
  });

  it('creates, changes (keeping or removing the secret), refuses a duplicate key, and removes', async () => {
    const body = {
      key: 'spare',
      displayName: 'Spare',
      issuer: 'https://login.example.org/realms/centre/',
      clientId: 'rabita',
      clientSecret: 'spare-secret-value',
    };
    const created = await call(t.app, admin, 'POST', '/api/v1/identity-providers', body);
    expect(created.statusCode, created.body).toBe(201);
    const spare = created.json<IdentityProvider>();
    expect(spare.issuer).toBe('https://login.example.org/realms/centre');
    expect(spare.scopes).toEqual(['openid', 'email', 'profile']);
    expectProblem(
      await call(t.app, admin, 'POST', '/api/v1/identity-providers', body),
      409,
      'identity_provider_exists',
    );
    const url = `/api/v1/identity-providers/${spare.id}`;
    const renamed = await call(t.app, admin, 'PATCH', url, { displayName: 'Renamed' });
    expect(renamed.json<IdentityProvider>()).toMatchObject({
      displayName: 'Renamed',
      clientSecretSet: true,
    });
    const cleared = await call(t.app, admin, 'PATCH', url, { clientSecret: null });
    expect(cleared.json<IdentityProvider>().clientSecretSet).toBe(false);
    const [changed] = (await auditRows('identity_provider.updated')).slice(-1);
    expect(changed?.after).toMatchObject({ clientSecretChanged: true, clientSecretSet: false });
    expect((await call(t.app, admin, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(t.app, admin, 'GET', url)).statusCode).toBe(404);
    expect((await auditRows('identity_provider.deleted')).at(-1)?.entity_id).toBe(spare.id);
  });

  it('refuses invalid input, anonymous callers and non-administrators', async () => {
    const bad = await call(t.app, admin, 'POST', '/api/v1/identity-providers', {
      key: 'Bad Key',
      displayName: '',
      issuer: 'ftp://x',
      clientId: 'x',
      scopes: ['email'],
    });
    const problem = expectProblem(bad, 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(
      ['displayName', 'issuer', 'key', 'scopes'].sort(),
    );
    expectProblem(
      await call(t.app, null, 'GET', '/api/v1/identity-providers'),
      401,
      'unauthenticated',
    );
    const registrar = await signInAs(t, ['registrar']);
    expectProblem(
      await call(t.app, registrar, 'GET', '/api/v1/identity-providers'),
      403,
      'forbidden',
    );
  });

  it('lists the enabled providers for the sign-in page, to anyone', async () => {
    const response = await call(t.app, null, 'GET', '/api/v1/auth/oidc/providers');
    expect(response.json()).toEqual([{ key: 'test', displayName: 'Test provider' }]);
  });
});

describe('single sign-on', () => {
  it('matches a verified e-mail the first time, binds the subject, and opens a session', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    account('sub-first', user.email.toUpperCase());
    const { response } = await signInThrough('sub-first', 'test', '/sessions?tab=open');
    expect(response.statusCode, response.body).toBe(302);
    expect(response.headers.location).toBe('/sessions?tab=open');
    const cookie = sessionOf(response);
    expect(cookie).toBeDefined();
    const me = await meWith(cookie ?? '');
    expect(me.json()).toMatchObject({ user: { id: user.id, roles: ['registrar'] } });
    expect((await auditRows('user.identity_bound')).at(-1)).toMatchObject({
      entity_id: user.id,
      after: { provider: 'test', subject: 'sub-first', issuer: op.issuer },
    });
    expect((await auditRows('auth.sso_sign_in')).at(-1)?.entity_id).toBe(user.id);
    // The browser-binding cookie is spent.
    expect(response.cookies.find((c) => c.name === SSO_COOKIE)?.value).toBe('');
  });

  it('later matches by the bound subject, even when the e-mail changed at the provider', async () => {
    const user = await makeUser(t.db.db, ['instructor']);
    account('sub-moves', user.email);
    expect(sessionOf((await signInThrough('sub-moves')).response)).toBeDefined();
    account('sub-moves', 'someone-else@elsewhere.example', false);
    const again = await signInThrough('sub-moves');
    const me = await meWith(sessionOf(again.response) ?? '');
    expect(me.json()).toMatchObject({ user: { id: user.id } });
  });

  it('does not let a second subject with the same e-mail take over a bound account', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    account('sub-owner', user.email);
    expect(sessionOf((await signInThrough('sub-owner')).response)).toBeDefined();
    account('sub-intruder', user.email);
    const before = await sessionCount();
    await expectRefused((await signInThrough('sub-intruder')).response, 'no_account', before);
  });

  it('refuses an unverified e-mail', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    account('sub-unverified', user.email, false);
    const before = await sessionCount();
    await expectRefused(
      (await signInThrough('sub-unverified')).response,
      'email_unverified',
      before,
    );
    expect(await lastRefusal()).toMatchObject({ provider: 'test' });
  });

  it('refuses someone without an account (no account is made) and a deactivated user', async () => {
    account('sub-stranger', 'stranger@nowhere.example');
    const before = await sessionCount();
    await expectRefused((await signInThrough('sub-stranger')).response, 'no_account', before);
    const { rows } = await t.db.pool.query(
      "select 1 from users where email = 'stranger@nowhere.example'",
    );
    expect(rows).toHaveLength(0);

    const user = await makeUser(t.db.db, ['observer']);
    account('sub-leaver', user.email);
    expect(sessionOf((await signInThrough('sub-leaver')).response)).toBeDefined();
    await call(t.app, admin, 'PATCH', `/api/v1/users/${user.id}`, { active: false });
    const after = await sessionCount();
    await expectRefused((await signInThrough('sub-leaver')).response, 'no_account', after);
  });

  it('refuses a replayed callback (state used once)', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    account('sub-replay', user.email);
    const first = await signInThrough('sub-replay');
    expect(sessionOf(first.response)).toBeDefined();
    const before = await sessionCount();
    await expectRefused(await callback(first.search, first.cookie), 'state_invalid', before);
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    account('sub-elsewhere', user.email);
    op.signInAs('sub-elsewhere');
    const started = await start('test');
    const back = await followProvider(started.location, REDIRECT);
    const before = await sessionCount();
    await expectRefused(await callback(back.search, undefined), 'state_invalid', before);
    await expectRefused(await callback(back.search, 'another-browser'), 'state_invalid', before);
  });

  it('says so when the user cancels at the provider', async () => {
    const started = await start('test');
    const state = new URL(started.location).searchParams.get('state') ?? '';
    const before = await sessionCount();
    await expectRefused(
      await callback(`?error=access_denied&state=${state}`, started.cookie),
      'provider_error',
      before,
    );
    expect(await lastRefusal()).toMatchObject({ detail: expect.stringMatching(/access_denied/) });
  });

  it('refuses a callback with no state, or a forged one', async () => {
    const before = await sessionCount();
    await expectRefused(await callback('', undefined), 'state_invalid', before);
    await expectRefused(await callback('?code=x&state=forged', 'x'), 'state_invalid', before);
  });

  describe('checks the ID token', () => {
    let user: { email: string };
    beforeAll(async () => {
      user = await makeUser(t.db.db, ['registrar']);
      account('sub-token', user.email);
    });
    const now = () => Math.floor(Date.now() / 1000);
    const refusedWith = async (
      tamper: (claims: Record<string, unknown>) => Record<string, unknown>,
      foreignKey = false,
    ) => {
      op.tamper = tamper;
      op.foreignKey = foreignKey;
      const before = await sessionCount();
      await expectRefused((await signInThrough('sub-token')).response, 'token_invalid', before);
    };

    it('refuses a wrong audience', async () => {
      await refusedWith((claims) => ({ ...claims, aud: 'another-client' }));
      expect(await lastRefusal()).toMatchObject({ detail: expect.stringMatching(/aud/) });
    });

    it('refuses an expired token', async () => {
      await refusedWith((claims) => ({ ...claims, iat: now() - 7200, exp: now() - 3600 }));
      expect(await lastRefusal()).toMatchObject({ detail: expect.stringMatching(/exp/) });
    });

    it('refuses a nonce that is not the one sent', async () => {
      await refusedWith((claims) => ({ ...claims, nonce: 'another-nonce' }));
      expect(await lastRefusal()).toMatchObject({ detail: expect.stringMatching(/nonce/) });
    });

    it('refuses a token from another issuer', async () => {
      await refusedWith((claims) => ({ ...claims, iss: 'https://impostor.example' }));
      expect(await lastRefusal()).toMatchObject({ detail: expect.stringMatching(/iss/) });
    });

    it('refuses a token signed with a key the provider does not publish', async () => {
      await refusedWith((claims) => claims, true);
    });

    it('tolerates a small clock skew and refuses a large one', async () => {
      op.tamper = (claims) => ({ ...claims, exp: now() - 20 });
      expect(sessionOf((await signInThrough('sub-token')).response)).toBeDefined();
      op.tamper = (claims) => ({ ...claims, nbf: now() + 20 });
      expect(sessionOf((await signInThrough('sub-token')).response)).toBeDefined();
      await refusedWith((claims) => ({ ...claims, nbf: now() + 600 }));
    });
  });

  it('says so when the provider is down or misconfigured, and opens nothing', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    for (const [key, issuer] of [
      ['down', `http://127.0.0.1:${port}`],
      ['wrong-issuer', `${op.issuer}/not-the-issuer`],
    ] as const) {
      const created = await call(t.app, admin, 'POST', '/api/v1/identity-providers', {
        key,
        displayName: key,
        issuer,
        clientId: op.clientId,
      });
      expect(created.statusCode, created.body).toBe(201);
      const started = await start(key);
      expect(started.response.statusCode).toBe(302);
      expect(started.location).toBe('/sign-in?sso=provider_unavailable');
      expect(started.cookie).toBeUndefined();
      expect(await lastRefusal()).toMatchObject({ provider: key, reason: 'provider_unavailable' });
    }
  });

  it('refuses an unknown or disabled provider', async () => {
    expect((await start('nobody')).location).toBe('/sign-in?sso=provider_unknown');
    const created = await call(t.app, admin, 'POST', '/api/v1/identity-providers', {
      key: 'off',
      displayName: 'Off',
      issuer: op.issuer,
      clientId: op.clientId,
      enabled: false,
    });
    expect(created.statusCode).toBe(201);
    expect((await start('off')).location).toBe('/sign-in?sso=provider_unknown');
  });

  it('refuses a return address on another site', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    account('sub-redirect', user.email);
    const { response } = await signInThrough('sub-redirect', 'test', '//evil.example/x');
    expect(response.headers.location).toBe('/');
  });

  it('records a role and nation proposal for administrators, and grants nothing', async () => {
    const user = await makeUser(t.db.db, ['participant'], 'KWT');
    op.accounts.set('sub-ambitious', {
      sub: 'sub-ambitious',
      email: user.email,
      email_verified: true,
      rabita_groups: ['administrator', 'QAT'],
    });
    const { response } = await signInThrough('sub-ambitious');
    const me = await meWith(sessionOf(response) ?? '');
    expect(me.json()).toMatchObject({ user: { roles: ['participant'], nationCode: 'KWT' } });
    const proposals = await call(t.app, admin, 'GET', '/api/v1/identity-providers/proposals');
    expect(proposals.json()).toContainEqual(
      expect.objectContaining({
        userId: user.id,
        providerKey: 'test',
        roles: ['administrator'],
        nationCode: 'QAT',
      }),
    );
    expect((await auditRows('user.roles_proposed')).at(-1)).toMatchObject({
      entity_id: user.id,
      after: { roles: ['administrator'], nationCode: 'QAT' },
    });
  });

  it('signs out locally and at the provider (RP-initiated logout)', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    account('sub-leaving', user.email);
    const { response } = await signInThrough('sub-leaving');
    const cookie = sessionOf(response) ?? '';
    const me = (await meWith(cookie)).json<{ csrfToken: string }>();
    const out = await call(
      t.app,
      { cookie: `${SESSION_COOKIE}=${cookie}`, csrfToken: me.csrfToken, userId: user.id },
      'POST',
      '/api/v1/auth/logout',
    );
    expect(out.statusCode).toBe(200);
    const url = new URL(out.json<{ providerSignOutUrl: string }>().providerSignOutUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${op.issuer}/session/end`);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(url.searchParams.get('post_logout_redirect_uri')).toMatch(/\/sign-in$/);
    expect((await meWith(cookie)).statusCode).toBe(401);
    // The provider accepts the hint and the return address it was registered with.
    const atProvider = await fetch(url, { redirect: 'manual' });
    expect(atProvider.status).toBe(200);

    const password = await signInAs(t, ['registrar']);
    expect((await call(t.app, password, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
  });
});

describe('SSO-only accounts', () => {
  it('cannot use a password, cannot reset one, and still sign in through the provider', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    const changed = await call(t.app, admin, 'PATCH', `/api/v1/users/${user.id}`, {
      ssoOnly: true,
    });
    expect(changed.json()).toMatchObject({ ssoOnly: true });

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expectProblem(login, 401, 'invalid_credentials');
    const [failed] = (await auditRows('auth.sign_in_failed')).filter(
      (row) => row.entity_id === user.id,
    );
    expect(failed?.after).toMatchObject({ reason: 'sso_only' });

    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: user.email },
    });
    expect(reset.statusCode).toBe(202);
    const { rows } = await t.db.pool.query(
      'select 1 from outbox_messages where lower(to_address) = lower($1)',
      [user.email],
    );
    expect(rows).toHaveLength(0);
    expect((await auditRows('user.password_reset_refused')).at(-1)).toMatchObject({
      entity_id: user.id,
      after: { reason: 'sso_only' },
    });
    expectProblem(
      await call(t.app, admin, 'POST', `/api/v1/users/${user.id}/reset-password`, {
        newPassword: 'a brand new passphrase',
      }),
      409,
      'sso_only',
    );

    account('sub-sso-only', user.email);
    const { response } = await signInThrough('sub-sso-only');
    expect((await meWith(sessionOf(response) ?? '')).json()).toMatchObject({
      user: { id: user.id },
    });
    // Back to passwords: the same password works again.
    await call(t.app, admin, 'PATCH', `/api/v1/users/${user.id}`, { ssoOnly: false });
    await expect(signIn(t.app, user.email, TEST_PASSWORD)).resolves.toMatchObject({
      userId: user.id,
    });
  });
});
