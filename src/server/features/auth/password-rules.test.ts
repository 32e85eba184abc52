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
import type { User } from '../../../contract/users.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/load.js';
import { DEMO_PARTICIPANT_EMAIL } from '../../demo/surveys.js';
import { systemContext } from '../context.js';
import { inviteParticipantAccount } from '../messages/invitations.js';
import { newPasswordProblem } from './password-check.js';

/** Each bad password and the field code it is refused with. */
const REFUSED: [string, string][] = [
  // The three of the review: too short before any other rule.
  ['aaaaaaaaaaaa', 'too_small'],
  ['password1234', 'too_small'],
  [' '.repeat(12), 'too_small'],
  // Long enough, refused by the rules of NIST SP 800-63B.
  ['a'.repeat(15), 'password_repetitive'],
  [' '.repeat(16), 'password_only_spaces'],
  ['123456789012345', 'password_sequential'],
  ['password12345678', 'password_too_common'],
  ['qwertyuiopasdfgh', 'password_too_common'],
  ['iloveyou20242024', 'password_too_common'],
];

describe('new passwords follow NIST SP 800-63B wherever they are chosen', () => {
  let t: TestApp;
  let admin: Session;
  let adminUser: { id: string; email: string };
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    adminUser = await makeUser(t.db.db, ['administrator']);
    admin = await signIn(t.app, adminUser.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  function expectRefused(response: Awaited<ReturnType<typeof call>>, field: string, code: string) {
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => [e.field, e.code])).toEqual([[field, code]]);
  }

  /** The password still works: nothing was written. */
  const stillSignsIn = (email: string) => signIn(t.app, email, TEST_PASSWORD);

  it('an administrator creating an administrator', async () => {
    const body = (password: string) => ({
      email: 'new.admin@test.example',
      displayName: 'New Admin',
      roles: ['administrator'],
      password,
    });
    for (const [password, code] of REFUSED) {
      expectRefused(
        await call(t.app, admin, 'POST', '/api/v1/users', body(password)),
        'password',
        code,
      );
    }
    const personal = await call(
      t.app,
      admin,
      'POST',
      '/api/v1/users',
      body('new.admin is in charge'),
    );
    expectRefused(personal, 'password', 'password_personal');
    const { rows } = await t.db.pool.query('select 1 from users where email = $1', [
      'new.admin@test.example',
    ]);
    expect(rows).toEqual([]);
    const created = await call(t.app, admin, 'POST', '/api/v1/users', body(TEST_PASSWORD));
    expect(created.statusCode, created.body).toBe(201);
  });

  it('an administrator resetting an administrator’s password', async () => {
    const other = await makeUser(t.db.db, ['administrator']);
    const url = `/api/v1/users/${other.id}/reset-password`;
    for (const [password, code] of REFUSED) {
      expectRefused(
        await call(t.app, admin, 'POST', url, { newPassword: password }),
        'newPassword',
        code,
      );
    }
    await stillSignsIn(other.email);
  });

  it('an administrator changing their own password', async () => {
    const self = await makeUser(t.db.db, ['administrator']);
    const session = await signIn(t.app, self.email, TEST_PASSWORD);
    for (const [password, code] of REFUSED) {
      const response = await call(t.app, session, 'POST', '/api/v1/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: password,
      });
      expectRefused(response, 'newPassword', code);
    }
    const local = self.email.split('@')[0];
    const personal = await call(t.app, session, 'POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: `${local} was here long ago`,
    });
    expectRefused(personal, 'newPassword', 'password_personal');
    await stillSignsIn(self.email);
  });

  /** A link's secret, read from the newest e-mail to the address. */
  async function linkTo(address: string): Promise<string> {
    const { rows } = await t.db.pool.query<{ body: string }>(
      'select body from outbox_messages where to_address = $1 order by id desc limit 1',
      [address],
    );
    const token = /\/password\/([\w-]+)/.exec(rows[0]?.body ?? '')?.[1];
    if (!token) throw new Error(`no link to ${address}`);
    return token;
  }

  const complete = (token: string, newPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, newPassword },
    });

  it('a password reset by an e-mailed link, the link left unspent', async () => {
    const user = await makeUser(t.db.db, ['administrator']);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: user.email },
    });
    const token = await linkTo(user.email);
    for (const [password, code] of REFUSED) {
      expectRefused(await complete(token, password), 'newPassword', code);
    }
    expect((await complete(token, 'a fresh passphrase for spring')).statusCode).toBe(204);
  });

  it('a participant accepting an invitation, whose name is refused too', async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into participants (nation_code, family_name_latin, given_names_latin, rank_code,
                                 email, language_profiles)
       values ('QAT', 'Al-Thani', 'Noura', 'OF-3', 'noura@test.example', '[]') returning id`,
    );
    await t.db.db.transaction((tx) =>
      inviteParticipantAccount(systemContext(tx, 'test'), {
        id: rows[0]?.id ?? '',
        email: 'noura@test.example',
        nationCode: 'QAT',
        displayName: 'Noura Al-Thani',
        locale: 'ar',
      }),
    );
    const token = await linkTo('noura@test.example');
    for (const [password, code] of [...REFUSED, ['thani of qatar forever', 'password_personal']]) {
      expectRefused(await complete(token, password as string), 'newPassword', code as string);
    }
    expect((await complete(token, 'the camels cross at dawn')).statusCode).toBe(204);
  });

  it('takes any character: a long Arabic phrase, normalised so either form signs in', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    const decomposed = 'cafe\u0301 au lait sous la pluie';
    const reset = await call(t.app, admin, 'POST', `/api/v1/users/${user.id}/reset-password`, {
      newPassword: decomposed,
    });
    expect(reset.statusCode, reset.body).toBe(204);
    await signIn(t.app, user.email, 'café au lait sous la pluie');
    const arabic = 'الجمل يعبر الصحراء عند الفجر';
    const again = await call(t.app, admin, 'POST', `/api/v1/users/${user.id}/reset-password`, {
      newPassword: arabic,
    });
    expect(again.statusCode, again.body).toBe(204);
    await signIn(t.app, user.email, arabic);
    const created = await call(t.app, admin, 'GET', `/api/v1/users/${user.id}`);
    expect(created.json<User>().id).toBe(user.id);
  });

  it('keeps signing in users whose hash predates normalisation', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    // argon2 of the decomposed text as typed, as hashPassword made it before.
    const { hash } = await import('@node-rs/argon2');
    const typed = 'cafe\u0301 au lait sous la pluie';
    await t.db.pool.query('update users set password_hash = $1 where id = $2', [
      await hash(typed),
      user.id,
    ]);
    await signIn(t.app, user.email, typed);
  });
});

describe('the demo password', () => {
  it('passes the rules for every demo account', () => {
    // The participant's name is a person's of the demo centre; loading the demo checks it.
    const owners = [...DEMO_ACCOUNTS, { email: DEMO_PARTICIPANT_EMAIL, displayName: '' }];
    for (const owner of owners) expect(newPasswordProblem(DEMO_PASSWORD, owner)).toBeNull();
  });
});
