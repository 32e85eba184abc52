import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signIn, type TestApp } from '../../../../test/support/app.js';
import { makeUser, seedPartners, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import { systemContext } from '../context.js';
import { inviteParticipantAccount } from './invitations.js';

const NEW_PASSWORD = 'a long and new passphrase';

function post(t: TestApp, url: string, payload: object): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/auth/password-reset/${url}`, payload });
}

/** The secret of the newest link e-mailed to an address, read from the outbox. */
async function linkSentTo(t: TestApp, address: string): Promise<{ token: string; body: string }> {
  const { rows } = await t.db.pool.query<{ body: string }>(
    'select body from outbox_messages where lower(to_address) = lower($1) order by id desc limit 1',
    [address],
  );
  const body = rows[0]?.body ?? '';
  const token = /\/password\/([\w-]+)/.exec(body)?.[1];
  if (!token) throw new Error(`no link was sent to ${address}`);
  return { token, body };
}

async function outboxCount(t: TestApp): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(
    'select count(*)::int as n from outbox_messages',
  );
  return rows[0]?.n ?? 0;
}

describe('password reset by e-mail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
  });
  afterAll(() => t.close());

  it('e-mails a one-hour link in the user’s language; the link sets the password once', async () => {
    const user = await makeUser(t.db.db, ['instructor']);
    await t.db.pool.query(`update users set locale = 'fr' where id = $1`, [user.id]);
    const session = await signIn(t.app, user.email, TEST_PASSWORD);

    const request = await post(t, 'request', { email: user.email.toUpperCase() });
    expect(request.statusCode).toBe(202);
    expect(request.body).toBe('');
    const { token, body } = await linkSentTo(t, user.email);
    expect(body).toContain('Bonjour Test instructor,');
    expect(body).toContain(`http://127.0.0.1:3000/password/${token}`);
    const { rows } = await t.db.pool.query(
      `select o.subject, o.locale, o.user_id, p.purpose,
              round(extract(epoch from p.expires_at - p.created_at))::int as ttl
         from outbox_messages o join password_tokens p on p.user_id = o.user_id
        where o.to_address = $1`,
      [user.email],
    );
    expect(rows).toEqual([
      {
        subject: 'Réinitialisation de votre mot de passe Rabita',
        locale: 'fr',
        user_id: user.id,
        purpose: 'reset',
        ttl: 3600,
      },
    ]);
    // Only the hash is kept, in the token table and in the audit trail alike.
    const stored = await t.db.pool.query<{ text: string }>(
      `select to_jsonb(p)::text as text from password_tokens p
       union all select to_jsonb(a)::text from audit_log a where entity_id = $1`,
      [user.id],
    );
    for (const { text } of stored.rows) expect(text).not.toContain(token);

    const done = await post(t, 'complete', { token, newPassword: NEW_PASSWORD });
    expect(done.statusCode, done.body).toBe(204);
    await signIn(t.app, user.email, NEW_PASSWORD);
    // The sessions opened before the reset are over.
    expectProblem(await call(t.app, session, 'GET', '/api/v1/auth/me'), 401, 'unauthenticated');
    const audit = await t.db.pool.query(
      `select action, actor_id from audit_log where entity_id = $1 and action like 'user.password%'
        order by id`,
      [user.id],
    );
    expect(audit.rows).toEqual([
      { action: 'user.password_reset_requested', actor_id: null },
      { action: 'user.password_set_by_link', actor_id: user.id },
    ]);

    const again = await post(t, 'complete', { token, newPassword: 'yet another passphrase' });
    expectProblem(again, 410, 'token_used');
    await signIn(t.app, user.email, NEW_PASSWORD);
  });

  it('answers 202 alike for unknown and deactivated accounts and sends them nothing', async () => {
    const inactive = await makeUser(t.db.db, ['observer']);
    await t.db.pool.query('update users set active = false where id = $1', [inactive.id]);
    const before = await outboxCount(t);
    const answers = await Promise.all([
      post(t, 'request', { email: 'nobody@test.example' }),
      post(t, 'request', { email: inactive.email }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(202);
      expect(answer.body).toBe('');
    }
    expect(await outboxCount(t)).toBe(before);
  });

  it('refuses an expired link with 410, an unknown one with 400', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    await post(t, 'request', { email: user.email });
    const { token } = await linkSentTo(t, user.email);
    await t.db.pool.query(
      `update password_tokens set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.id],
    );
    const expired = expectProblem(
      await post(t, 'complete', { token, newPassword: NEW_PASSWORD }),
      410,
      'token_expired',
    );
    expect(expired.errors?.[0]?.field).toBe('token');
    const unknown = await post(t, 'complete', {
      token: 'x'.repeat(43),
      newPassword: NEW_PASSWORD,
    });
    expectProblem(unknown, 400, 'token_invalid');
    await signIn(t.app, user.email, TEST_PASSWORD);
  });

  it('spends older links once a newer one has been used', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    await post(t, 'request', { email: user.email });
    const older = (await linkSentTo(t, user.email)).token;
    await post(t, 'request', { email: user.email });
    const newer = (await linkSentTo(t, user.email)).token;
    expect(newer).not.toBe(older);
    expect(
      (await post(t, 'complete', { token: newer, newPassword: NEW_PASSWORD })).statusCode,
    ).toBe(204);
    expectProblem(
      await post(t, 'complete', { token: older, newPassword: NEW_PASSWORD }),
      410,
      'token_used',
    );
  });

  it('validates the bodies', async () => {
    expectProblem(await post(t, 'request', { email: 'not an e-mail' }), 400, 'validation_failed');
    expectProblem(await post(t, 'request', {}), 400, 'validation_failed');
    expectProblem(
      await post(t, 'request', { email: 'a@test.example', extra: true }),
      400,
      'validation_failed',
    );
    const short = expectProblem(
      await post(t, 'complete', { token: 'x'.repeat(43), newPassword: 'short' }),
      400,
      'validation_failed',
    );
    expect(short.errors?.map((e) => e.field)).toEqual(['newPassword']);
    expectProblem(
      await post(t, 'complete', { token: 'bad token!', newPassword: NEW_PASSWORD }),
      400,
      'validation_failed',
    );
  });

  it('limits requests per address and e-mail with 429', async () => {
    const limited = await createTestApp({ signInAttemptsPerWindow: 2 });
    try {
      const target = { email: 'target@test.example' };
      expect((await post(limited, 'request', target)).statusCode).toBe(202);
      expect((await post(limited, 'request', target)).statusCode).toBe(202);
      expectProblem(await post(limited, 'request', target), 429, 'rate_limited');
      expectProblem(
        await post(limited, 'request', { email: 'TARGET@test.example' }),
        429,
        'rate_limited',
      );
      expect((await post(limited, 'request', { email: 'other@test.example' })).statusCode).toBe(
        202,
      );
    } finally {
      await limited.close();
    }
  });
});

describe('participant account invitations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
  });
  afterAll(() => t.close());

  async function makeParticipant(email: string | null): Promise<string> {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into participants (nation_code, family_name_latin, given_names_latin, rank_code,
                                 email, language_profiles)
       values ('QAT', 'Al-Thani', 'Noura', 'OF-3', $1, '[]') returning id`,
      [email],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('no participant');
    return id;
  }

  const invite = (id: string, email: string | null) =>
    t.db.db.transaction((tx) =>
      inviteParticipantAccount(systemContext(tx, 'test'), {
        id,
        email,
        nationCode: 'QAT',
        displayName: 'Noura Al-Thani',
        locale: 'ar',
      }),
    );

  it('creates a participant account, links it, and e-mails a 14-day link in Arabic', async () => {
    const id = await makeParticipant('noura@test.example');
    const result = await invite(id, 'noura@test.example');
    expect(result.status).toBe('invited');
    if (result.status !== 'invited') return;

    const { rows } = await t.db.pool.query(
      `select u.roles, u.nation_code, u.locale, u.display_name, p.user_id
         from participants p join users u on u.id = p.user_id where p.id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        roles: ['participant'],
        nation_code: 'QAT',
        locale: 'ar',
        display_name: 'Noura Al-Thani',
        user_id: result.userId,
      },
    ]);
    const token = await t.db.pool.query(
      `select purpose, round(extract(epoch from expires_at - created_at) / 86400)::int as days
         from password_tokens where user_id = $1`,
      [result.userId],
    );
    expect(token.rows).toEqual([{ purpose: 'invite', days: 14 }]);
    const { body, token: secret } = await linkSentTo(t, 'noura@test.example');
    expect(body).toContain('أُنشئ لكم حساب في رابطة');
    expect(body).toContain('من قطر');
    expect(body).toContain('Noura Al-Thani');
    const audit = await t.db.pool.query(
      `select action from audit_log where entity_id in ($1, $2) order by id`,
      [id, result.userId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'user.created',
      'participant.account_invited',
    ]);

    // Nobody can sign in before the link is used; after it, the participant can.
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'noura@test.example', password: TEST_PASSWORD },
      }),
      401,
      'invalid_credentials',
    );
    const done = await post(t, 'complete', { token: secret, newPassword: NEW_PASSWORD });
    expect(done.statusCode).toBe(204);
    const session = await signIn(t.app, 'noura@test.example', NEW_PASSWORD);
    expect(session.userId).toBe(result.userId);
  });

  it('names the nation in English when its name in the reader’s language is left blank', async () => {
    // The API takes a blank French or Arabic name: only the English one is required.
    await t.db.pool.query(`update nations set name = name || '{"fr": ""}' where code = 'QAT'`);
    const id = await makeParticipant('noura.fr@test.example');
    await t.db.db.transaction((tx) =>
      inviteParticipantAccount(systemContext(tx, 'test'), {
        id,
        email: 'noura.fr@test.example',
        nationCode: 'QAT',
        displayName: 'Noura Al-Thani',
        locale: 'fr',
      }),
    );
    const { body } = await linkSentTo(t, 'noura.fr@test.example');
    expect(body).toContain('en tant que stagiaire (Qatar).');
  });

  it('does nothing for a participant who already has an account', async () => {
    const id = await makeParticipant('again@test.example');
    const first = await invite(id, 'again@test.example');
    const before = await outboxCount(t);
    const second = await invite(id, 'again@test.example');
    expect(second).toEqual({
      status: 'has-account',
      userId: first.status === 'invited' ? first.userId : '',
    });
    expect(await outboxCount(t)).toBe(before);
  });

  it('does nothing without an e-mail, or when another account already uses it', async () => {
    const before = await outboxCount(t);
    const noEmail = await makeParticipant(null);
    expect(await invite(noEmail, null)).toEqual({ status: 'no-email' });
    const staff = await makeUser(t.db.db, ['registrar']);
    const clash = await makeParticipant(staff.email);
    expect(await invite(clash, staff.email)).toEqual({ status: 'email-in-use' });
    expect(await outboxCount(t)).toBe(before);
    const { rows } = await t.db.pool.query(
      'select user_id from participants where id = any($1::uuid[])',
      [[noEmail, clash]],
    );
    expect(rows).toEqual([{ user_id: null }, { user_id: null }]);
  });
});
