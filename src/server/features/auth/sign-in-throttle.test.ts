import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeUser, seedPartners, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE } from '../../../domain/sign-in-throttle.js';
import { buildApp } from '../../app.js';
import { DEFAULT_SIGN_IN_THROTTLE } from './sign-in-throttle.js';

const WRONG = 'not the right password';

/** Behind one trusted proxy, with the real policies of src/domain/sign-in-throttle.ts. */
describe('sign-in throttle, kept in PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: true, signInThrottle: DEFAULT_SIGN_IN_THROTTLE });
    await seedPartners(t.db.db);
  });
  afterAll(() => t.close());

  const login = (
    email: string,
    password: string,
    address: string,
    app: FastifyInstance = t.app,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': address },
      payload: { email, password },
    });

  /** As if `seconds` had passed since the key's last failure. */
  async function elapse(key: string, seconds: number): Promise<void> {
    await t.db.pool.query(
      `update sign_in_attempts set last_failure_at = last_failure_at - $2 * interval '1 second'
        where key = $1`,
      [key, seconds],
    );
  }

  function expectDelayed(response: LightMyRequestResponse): number {
    const problem = expectProblem(response, 429, 'sign_in_delayed');
    const seconds = Number(response.headers['retry-after']);
    expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
    expect((problem as { retryAfter?: number }).retryAfter).toBe(seconds);
    expect(response.cookies).toEqual([]);
    return seconds;
  }

  it('counts failures per account whatever the address, and lets the right password in after the wait', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    for (let i = 0; i < ACCOUNT_THROTTLE.freeFailures; i++) {
      // A new X-Forwarded-For each time, as a guesser behind the proxy would send.
      expectProblem(await login(user.email, WRONG, `198.51.100.${i}`), 401, 'invalid_credentials');
    }
    // Even the right password waits: nothing is checked while the account is delayed.
    expect(expectDelayed(await login(user.email, TEST_PASSWORD, '198.51.100.99'))).toBe(1);
    const shouted = await login(user.email.toUpperCase(), TEST_PASSWORD, '198.51.100.98');
    expectDelayed(shouted);
    await elapse(`account:${user.email}`, 1);
    const after = await login(user.email, TEST_PASSWORD, '198.51.100.99');
    expect(after.statusCode, after.body).toBe(200);
    // A success starts the account afresh.
    const { rows } = await t.db.pool.query('select 1 from sign_in_attempts where key = $1', [
      `account:${user.email}`,
    ]);
    expect(rows).toEqual([]);
    expectProblem(await login(user.email, WRONG, '198.51.100.99'), 401, 'invalid_credentials');
  });

  it('makes each further failure double the wait, up to a cap, with no lock-out', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    const address = '198.51.100.200';
    for (let i = 0; i < ACCOUNT_THROTTLE.freeFailures; i++) await login(user.email, WRONG, address);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const wait = expectDelayed(await login(user.email, WRONG, address));
      waits.push(wait);
      await elapse(`account:${user.email}`, wait);
      await elapse(`address:${address}`, wait);
      expectProblem(await login(user.email, WRONG, address), 401, 'invalid_credentials');
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    await elapse(`account:${user.email}`, 16);
    expect((await login(user.email, TEST_PASSWORD, address)).statusCode).toBe(200);
  });

  it('slows down one address spraying many accounts, not the same people elsewhere', async () => {
    const sprayer = '203.0.113.9';
    const victims = await Promise.all(
      Array.from({ length: 5 }, () => makeUser(t.db.db, ['observer'])),
    );
    const emails = Array.from({ length: 40 }, (_, i) =>
      i < victims.length ? (victims[i]?.email ?? '') : `guess-${i}@test.example`,
    );
    const statuses: number[] = [];
    for (const email of emails) statuses.push((await login(email, WRONG, sprayer)).statusCode);
    const free = ADDRESS_THROTTLE.freeFailures;
    expect(statuses.slice(0, free)).toEqual(Array(free).fill(401));
    expect(statuses.slice(free + 1)).toEqual(Array(40 - free - 1).fill(429));
    // A victim at their own desk is not held up by the sprayer's address.
    const victim = victims[0]?.email ?? '';
    expect((await login(victim, TEST_PASSWORD, '192.0.2.50')).statusCode).toBe(200);
    // At the sprayer's address the wait is seconds, not a quarter of an hour.
    const wait = expectDelayed(await login(victims[1]?.email ?? '', TEST_PASSWORD, sprayer));
    expect(wait).toBeLessThanOrEqual(2);
    await elapse(`address:${sprayer}`, wait);
    expect((await login(victims[1]?.email ?? '', TEST_PASSWORD, sprayer)).statusCode).toBe(200);
  });

  it('lets an office sign in all at once from one address', async () => {
    const people = await Promise.all(
      Array.from({ length: 8 }, () => makeUser(t.db.db, ['observer'])),
    );
    const answers = await Promise.all(
      people.map((person) => login(person.email, TEST_PASSWORD, '198.51.104.1')),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => 200));
    const { rows } = await t.db.pool.query('select key from sign_in_attempts where key like $1', [
      '%198.51.104.1',
    ]);
    expect(rows).toEqual([]);
  });

  it('believes only the proxy’s own entry of X-Forwarded-For', async () => {
    const response = await login('nobody@test.example', WRONG, 'forged.1, 192.0.2.77');
    expect(response.statusCode).toBe(401);
    const { rows } = await t.db.pool.query(
      `select after->>'address' as address from audit_log
        where action = 'auth.sign_in_failed' and request_id = $1`,
      [response.headers['x-request-id']],
    );
    expect(rows).toEqual([{ address: '192.0.2.77' }]);
  });

  it('is shared by every app server on the database', async () => {
    const other = await buildApp({
      db: t.db.db,
      pool: t.db.pool,
      settings: {
        sessionHours: 12,
        signInAttemptsPerWindow: 1000,
        signInThrottle: DEFAULT_SIGN_IN_THROTTLE,
        trustProxy: true,
        webRoot: null,
      },
    });
    try {
      const user = await makeUser(t.db.db, ['observer']);
      for (let i = 0; i < ACCOUNT_THROTTLE.freeFailures; i++) {
        await login(user.email, WRONG, `198.51.101.${i}`);
      }
      expectDelayed(await login(user.email, TEST_PASSWORD, '198.51.101.99', other));
    } finally {
      await other.close();
    }
  });

  it('counts parallel guesses one by one', async () => {
    // A long first wait, so that the count alone decides, however slow the machine.
    const slow = { ...ACCOUNT_THROTTLE, firstDelayMs: 600_000 };
    const other = await buildApp({
      db: t.db.db,
      pool: t.db.pool,
      settings: {
        sessionHours: 12,
        signInAttemptsPerWindow: 1000,
        signInThrottle: { account: slow, address: ADDRESS_THROTTLE },
        trustProxy: true,
        webRoot: null,
      },
    });
    try {
      const user = await makeUser(t.db.db, ['observer']);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(user.email, WRONG, `198.51.102.${i}`, other)),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    } finally {
      await other.close();
    }
  });

  it('audits failed sign-ins with who was tried, from where and why, never the password', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    const inactive = await makeUser(t.db.db, ['observer']);
    await t.db.pool.query('update users set active = false where id = $1', [inactive.id]);
    const address = '198.51.103.1';
    const wrongPassword = 'Secret guess 2027!';
    await login(user.email, wrongPassword, address);
    await login('Nobody.Here@Test.example', wrongPassword, address);
    await login(inactive.email, TEST_PASSWORD, address);
    const { rows } = await t.db.pool.query(
      `select actor_id, entity_type, entity_id, after, to_jsonb(a)::text as text from audit_log a
        where action = 'auth.sign_in_failed' and after->>'address' = $1 order by id`,
      [address],
    );
    expect(rows.map(({ text: _, ...row }) => row)).toEqual([
      {
        actor_id: null,
        entity_type: 'user',
        entity_id: user.id,
        after: { email: user.email, address, reason: 'wrong_password' },
      },
      {
        actor_id: null,
        entity_type: 'sign_in',
        entity_id: 'nobody.here@test.example',
        after: { email: 'Nobody.Here@Test.example', address, reason: 'unknown_email' },
      },
      {
        actor_id: null,
        entity_type: 'user',
        entity_id: inactive.id,
        after: { email: inactive.email, address, reason: 'inactive' },
      },
    ]);
    for (const { text } of rows) {
      expect(text).not.toContain(wrongPassword);
      expect(text).not.toContain(TEST_PASSWORD);
    }
  });
});
