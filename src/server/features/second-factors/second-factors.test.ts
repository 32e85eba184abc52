import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/support/app.js';
import { makeUser } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Me } from '../../../contract/auth.js';
import type { Role } from '../../../contract/roles.js';
import { SESSION_COOKIE } from '../../http/authenticate.js';
import { PENDING_COOKIE } from './pending.js';

/** The code an authenticator app shows `offsetSteps` steps of 30 s from now. */
function codeAt(secret: string, offsetSteps = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    timestamp: Date.now() + offsetSteps * 30_000,
  });
}

/** A code that matches no step within ten minutes either way. */
function wrongCode(secret: string): string {
  const near = new Set(Array.from({ length: 41 }, (_, i) => codeAt(secret, i - 20)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

function login(t: TestApp, email: string, password: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
}

/** The pending sign-in cookie a password step set, as a Cookie header. */
function pendingOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === PENDING_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  return `${PENDING_COOKIE}=${cookie?.value}`;
}

function step(t: TestApp, pending: string, url: string, payload?: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/auth/${url}`,
    headers: { cookie: pending },
    ...(payload ? { payload } : {}),
  });
}

function sessionOf(response: LightMyRequestResponse): Session {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  const me = (response.json().me ?? response.json()) as Me;
  return {
    cookie: `${SESSION_COOKIE}=${cookie.value}`,
    csrfToken: me.csrfToken ?? '',
    userId: me.user.id,
  };
}

async function auditReasons(t: TestApp, action: string, userId: string): Promise<unknown[]> {
  const { rows } = await t.db.pool.query<{ after: { reason?: string } | null }>(
    'select after from audit_log where action = $1 and entity_id = $2 order by id',
    [action, userId],
  );
  return rows.map((r) => r.after?.reason ?? r.after);
}

async function lastEmail(t: TestApp, userId: string, event: string) {
  const { rows } = await t.db.pool.query<{ subject: string; body: string }>(
    'select subject, body from outbox_messages where user_id = $1 and event = $2 order by id desc limit 1',
    [userId, event],
  );
  return rows[0];
}

/** The paragraph after the greeting: what the e-mail is about. */
const mainParagraph = (body: string) => body.split('\n\n')[1] ?? '';

/** A user with a confirmed authenticator app, enrolled from the account page. */
async function enrolledUser(t: TestApp, roles: Role[]) {
  const user = await makeUser(t.db.db, roles);
  const session = await signIn(t.app, user.email, user.password);
  const started = await call(t.app, session, 'POST', '/api/v1/auth/second-factors/totp');
  expect(started.statusCode, started.body).toBe(200);
  const { secret, uri } = started.json<{ secret: string; uri: string }>();
  expect(uri).toMatch(/^otpauth:\/\/totp\/Rabita:/);
  const confirmed = await call(t.app, session, 'POST', '/api/v1/auth/second-factors/totp/confirm', {
    code: codeAt(secret),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
  return { ...user, session, secret, recoveryCodes };
}

describe('second factors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ shippedTwoFactorPolicy: true });
  });
  afterAll(() => t.close());

  it('enrols an authenticator app: recovery codes once, the secret never again, audited and e-mailed', async () => {
    const user = await enrolledUser(t, ['instructor']);
    expect(user.recoveryCodes).toHaveLength(10);
    expect(new Set(user.recoveryCodes).size).toBe(10);
    const factors = await call(t.app, user.session, 'GET', '/api/v1/auth/second-factors');
    expect(factors.json()).toMatchObject({ passkeys: [], recoveryCodesLeft: 10, required: false });
    expect(factors.json().totp.enrolledAt).toBeTypeOf('string');
    expect(factors.body).not.toContain(user.secret);
    // A second enrolment must not silently replace the first.
    const again = await call(t.app, user.session, 'POST', '/api/v1/auth/second-factors/totp');
    expectProblem(again, 409, 'totp_already_enrolled');
    expect(await auditReasons(t, 'second_factor.added', user.id)).toEqual([
      { kind: 'totp', recoveryCodesIssued: true },
    ]);
    const email = await lastEmail(t, user.id, 'second-factor-added');
    expect(mainParagraph(email?.body ?? '')).toContain('An authenticator app was added');
    // Only hashes are stored.
    const { rows } = await t.db.pool.query(
      'select code_hash from recovery_codes where user_id = $1',
      [user.id],
    );
    expect(rows.map((r) => r.code_hash)).not.toContain(user.recoveryCodes[0]);
  });

  it('refuses a wrong first code when confirming an enrolment', async () => {
    const user = await makeUser(t.db.db, ['instructor']);
    const session = await signIn(t.app, user.email, user.password);
    const { secret } = (
      await call(t.app, session, 'POST', '/api/v1/auth/second-factors/totp')
    ).json();
    const wrong = await call(t.app, session, 'POST', '/api/v1/auth/second-factors/totp/confirm', {
      code: wrongCode(secret),
    });
    expectProblem(wrong, 401, 'second_factor_invalid');
    const factors = await call(t.app, session, 'GET', '/api/v1/auth/second-factors');
    expect(factors.json().totp).toBeNull();
  });

  it('asks for the second step after the password and opens the session only on a right code', async () => {
    const user = await enrolledUser(t, ['instructor']);
    const first = await login(t, user.email, user.password);
    const problem = expectProblem(first, 401, 'second_factor_required');
    expect(problem).toMatchObject({ methods: ['totp', 'recovery_code'] });
    expect(first.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const pending = pendingOf(first);

    const wrong = await step(t, pending, 'second-step/totp', { code: wrongCode(user.secret) });
    expectProblem(wrong, 401, 'second_factor_invalid');
    // The code that confirmed the enrolment was spent then.
    const reused = await step(t, pending, 'second-step/totp', { code: codeAt(user.secret) });
    expectProblem(reused, 401, 'second_factor_reused');
    // A phone four minutes off: told so, never let in.
    const skewed = await step(t, pending, 'second-step/totp', { code: codeAt(user.secret, 8) });
    const skew = expectProblem(skewed, 401, 'second_factor_clock_skew');
    expect(skew.detail).toMatch(/clock/);
    expect(skewed.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

    // One step ahead is a clock slightly off: accepted.
    const code = codeAt(user.secret, 1);
    const right = await step(t, pending, 'second-step/totp', {
      code: code.replace(/^(...)/, '$1 '),
    });
    expect(right.statusCode, right.body).toBe(200);
    const session = sessionOf(right);
    expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // The pending sign-in is spent with it.
    expectProblem(await step(t, pending, 'second-step/totp', { code }), 401, 'second_step_expired');
    // And the same code cannot open another session.
    const again = pendingOf(await login(t, user.email, user.password));
    expectProblem(await step(t, again, 'second-step/totp', { code }), 401, 'second_factor_reused');

    expect(await auditReasons(t, 'auth.second_step_failed', user.id)).toEqual([
      'wrong_code',
      'reused',
      'clock_skew',
      'reused',
    ]);
  });

  it('refuses a second step without a pending sign-in', async () => {
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-step/totp',
      payload: { code: '123456' },
    });
    expectProblem(none, 401, 'second_step_expired');
    const forged = await step(t, `${PENDING_COOKIE}=forged`, 'second-step/recovery-code', {
      code: 'abcde-fghij',
    });
    expectProblem(forged, 401, 'second_step_expired');
  });

  it('takes each recovery code once, and new codes replace the old ones', async () => {
    const user = await enrolledUser(t, ['instructor']);
    const [code, second] = user.recoveryCodes as [string, string];
    const pending = pendingOf(await login(t, user.email, user.password));
    const used = await step(t, pending, 'second-step/recovery-code', { code: code.toUpperCase() });
    expect(used.statusCode, used.body).toBe(200);
    const session = sessionOf(used);
    const factors = await call(t.app, session, 'GET', '/api/v1/auth/second-factors');
    expect(factors.json().recoveryCodesLeft).toBe(9);

    const next = pendingOf(await login(t, user.email, user.password));
    const twice = await step(t, next, 'second-step/recovery-code', { code });
    expectProblem(twice, 401, 'second_factor_invalid');

    const replaced = await call(
      t.app,
      session,
      'POST',
      '/api/v1/auth/second-factors/recovery-codes',
    );
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().recoveryCodes).toHaveLength(10);
    const old = await step(t, next, 'second-step/recovery-code', { code: second });
    expectProblem(old, 401, 'second_factor_invalid');
    const fresh = await step(t, next, 'second-step/recovery-code', {
      code: replaced.json().recoveryCodes[0],
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it('sends an administrator without a second factor to set one up before any session', async () => {
    const admin = await makeUser(t.db.db, ['administrator']);
    const first = await login(t, admin.email, admin.password);
    expectProblem(first, 401, 'second_factor_enrolment_required');
    const pending = pendingOf(first);
    // A pending enrolment is not a second step.
    expectProblem(
      await step(t, pending, 'second-step/totp', { code: '123456' }),
      401,
      'second_step_expired',
    );
    const started = await step(t, pending, 'enrolment/totp');
    expect(started.statusCode, started.body).toBe(200);
    const { secret } = started.json<{ secret: string }>();
    const wrong = await step(t, pending, 'enrolment/totp/confirm', { code: wrongCode(secret) });
    expectProblem(wrong, 401, 'second_factor_invalid');
    const done = await step(t, pending, 'enrolment/totp/confirm', { code: codeAt(secret) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    const session = sessionOf(done);
    const me = await call(t.app, session, 'GET', '/api/v1/auth/me');
    expect(me.json().user.roles).toEqual(['administrator']);
    // From now on the administrator signs in with the app.
    expectProblem(await login(t, admin.email, admin.password), 401, 'second_factor_required');
  });

  it('lets an administrator change the policy, audited, and applies it at the next sign-in', async () => {
    const admin = await makeUser(t.db.db, ['administrator']);
    const adminSession = await adminSignedIn(t, admin);
    const observer = await makeUser(t.db.db, ['observer']);
    expect((await login(t, observer.email, observer.password)).statusCode).toBe(200);

    const before = await call(t.app, adminSession, 'GET', '/api/v1/two-factor-policy');
    expect(before.json().roles).toContainEqual({ role: 'registrar', required: true });
    const changed = await call(t.app, adminSession, 'PUT', '/api/v1/two-factor-policy', {
      roles: [{ role: 'observer', required: true }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().roles).toContainEqual({ role: 'observer', required: true });
    expectProblem(
      await login(t, observer.email, observer.password),
      401,
      'second_factor_enrolment_required',
    );
    const { rows } = await t.db.pool.query(
      "select after from audit_log where action = 'two_factor_policy.updated' order by id desc limit 1",
    );
    expect(rows[0].after.required).toContain('observer');

    const observerSession = await call(t.app, null, 'GET', '/api/v1/two-factor-policy');
    expectProblem(observerSession, 401, 'unauthenticated');
    const instructor = await signIn(
      t.app,
      (await makeUser(t.db.db, ['instructor'])).email,
      admin.password,
    );
    const refused = await call(t.app, instructor, 'PUT', '/api/v1/two-factor-policy', {
      roles: [{ role: 'administrator', required: false }],
    });
    expectProblem(refused, 403, 'forbidden');
    await call(t.app, adminSession, 'PUT', '/api/v1/two-factor-policy', {
      roles: [{ role: 'observer', required: false }],
    });
  });

  it("resets a user's lost second factors: admin only, sessions ended, audited, e-mailed", async () => {
    const user = await enrolledUser(t, ['instructor']);
    const admin = await makeUser(t.db.db, ['administrator']);
    const adminSession = await adminSignedIn(t, admin);
    const url = `/api/v1/users/${user.id}/second-factors`;
    expectProblem(await call(t.app, user.session, 'DELETE', url), 403, 'forbidden');

    const reset = await call(t.app, adminSession, 'DELETE', url);
    expect(reset.statusCode, reset.body).toBe(204);
    expectProblem(
      await call(t.app, user.session, 'GET', '/api/v1/auth/me'),
      401,
      'unauthenticated',
    );
    const { rows } = await t.db.pool.query(
      "select actor_id, before, after from audit_log where action = 'second_factors.reset' and entity_id = $1",
      [user.id],
    );
    expect(rows).toEqual([
      {
        actor_id: admin.id,
        before: { totp: true, passkeys: 0, recoveryCodesLeft: 10 },
        after: { sessionsEnded: 1 },
      },
    ]);
    const email = await lastEmail(t, user.id, 'second-factors-reset');
    expect(mainParagraph(email?.body ?? '')).toContain(
      'An administrator removed every second factor',
    );
    // The instructor's role requires none: the password alone signs in again.
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
    const unknown = await call(
      t.app,
      adminSession,
      'DELETE',
      '/api/v1/users/00000000-0000-4000-8000-000000000000/second-factors',
    );
    expectProblem(unknown, 404, 'not_found');
  });

  it('keeps no passkey without its options, nor one the server library cannot verify', async () => {
    const user = await makeUser(t.db.db, ['instructor']);
    const session = await signIn(t.app, user.email, user.password);
    const credential = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'oA' },
    };
    const url = '/api/v1/auth/second-factors/passkeys';
    const early = await call(t.app, session, 'POST', url, { name: 'Key', credential });
    expectProblem(early, 409, 'no_enrolment_pending');
    const options = await call(t.app, session, 'POST', `${url}/options`);
    expect(options.statusCode, options.body).toBe(200);
    // The relying party is the public address's host; a loopback address is `localhost`.
    expect(options.json()).toMatchObject({ rp: { name: 'Rabita', id: 'localhost' } });
    const forged = await call(t.app, session, 'POST', url, { name: 'Key', credential });
    expectProblem(forged, 401, 'second_factor_invalid');
    const factors = await call(t.app, session, 'GET', '/api/v1/auth/second-factors');
    expect(factors.json().passkeys).toEqual([]);
  });

  it('removes an authenticator app on request, audited and e-mailed', async () => {
    const user = await enrolledUser(t, ['instructor']);
    const removed = await call(t.app, user.session, 'DELETE', '/api/v1/auth/second-factors/totp');
    expect(removed.statusCode).toBe(204);
    const email = await lastEmail(t, user.id, 'second-factor-removed');
    expect(mainParagraph(email?.body ?? '')).toContain('An authenticator app was removed');
    expect(await auditReasons(t, 'second_factor.removed', user.id)).toEqual([
      { secondFactorLeft: false },
    ]);
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
  });
});

/** An administrator signed in through the forced enrolment the shipped policy demands. */
async function adminSignedIn(t: TestApp, admin: { email: string; password: string }) {
  const pending = pendingOf(await login(t, admin.email, admin.password));
  const { secret } = (await step(t, pending, 'enrolment/totp')).json<{ secret: string }>();
  return sessionOf(await step(t, pending, 'enrolment/totp/confirm', { code: codeAt(secret) }));
}

describe('second step rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    const slow = {
      freeFailures: 2,
      firstDelayMs: 60_000,
      maxDelayMs: 60_000,
      forgetOneEveryMs: 3_600_000,
    };
    const open = {
      freeFailures: 100_000,
      firstDelayMs: 1_000,
      maxDelayMs: 1_000,
      forgetOneEveryMs: 1_000,
    };
    t = await createTestApp({ signInThrottle: { account: slow, address: open } });
  });
  afterAll(() => t.close());

  it('slows down the account after failed second steps, even for the right code', async () => {
    const user = await enrolledUser(t, ['instructor']);
    const pending = pendingOf(await login(t, user.email, user.password));
    for (let i = 0; i < 2; i++) {
      const wrong = await step(t, pending, 'second-step/totp', { code: wrongCode(user.secret) });
      expectProblem(wrong, 401, 'second_factor_invalid');
    }
    const right = await step(t, pending, 'second-step/totp', { code: codeAt(user.secret, 1) });
    const problem = expectProblem(right, 429, 'sign_in_delayed');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(problem.detail).toMatch(/try again/);
    expect(right.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });
});
