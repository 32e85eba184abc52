import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  startAnotherServer,
  type TestApp,
  type TestAppOptions,
} from '../../../test/support/app.js';
import { makeUser } from '../../../test/support/factories.js';
import { expectProblem } from '../../../test/support/problem.js';

const LIMIT = 3;
const SLOW: TestAppOptions['signInThrottle'] = {
  // Three failures free per account, then a wait far longer than the test.
  account: {
    freeFailures: LIMIT,
    firstDelayMs: 600_000,
    maxDelayMs: 600_000,
    forgetOneEveryMs: 600_000,
  },
  address: {
    freeFailures: 100_000,
    firstDelayMs: 1_000,
    maxDelayMs: 1_000,
    forgetOneEveryMs: 1_000,
  },
};
const OPTIONS: TestAppOptions = { signInAttemptsPerWindow: LIMIT, signInThrottle: SLOW };

/** Sends tries until one is refused with 429; the number that were let through. */
async function triesBeforeRefusal(
  servers: FastifyInstance[],
  send: (server: FastifyInstance) => Promise<LightMyRequestResponse>,
): Promise<{ allowed: number; refusal: LightMyRequestResponse }> {
  for (let i = 0; i < 20; i++) {
    const response = await send(servers[i % servers.length] as FastifyInstance);
    if (response.statusCode === 429) return { allowed: i, refusal: response };
  }
  throw new Error('never refused');
}

describe('rate limits shared by two app servers on one database', () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof startAnotherServer>>;

  beforeAll(async () => {
    a = await createTestApp(OPTIONS);
    b = await startAnotherServer(a, OPTIONS);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const resetRequest = (email: string) => (server: FastifyInstance) =>
    server.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email },
    });

  it('refuses password-reset requests through A and B together at the count of one server', async () => {
    const alone = await triesBeforeRefusal([a.app], resetRequest('alone@test.example'));
    const together = await triesBeforeRefusal([a.app, b.app], resetRequest('both@test.example'));
    expect(alone.allowed).toBe(LIMIT);
    expect(together.allowed).toBe(LIMIT);
    // The answer is the one a single server gave: the stable code and how long to wait.
    const problem = expectProblem(together.refusal, 429, 'rate_limited') as { retryAfter?: number };
    expect(Number(together.refusal.headers['retry-after'])).toBeGreaterThan(850);
    expect(problem.retryAfter).toBe(Number(together.refusal.headers['retry-after']));
  });

  it('slows down failed password sign-ins through A and B together at the count of one server', async () => {
    const signIn = (email: string) => (server: FastifyInstance) =>
      server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'not the password at all' },
      });
    const one = await makeUser(a.db.db, ['registrar']);
    const two = await makeUser(a.db.db, ['registrar']);
    const alone = await triesBeforeRefusal([a.app], signIn(one.email));
    const together = await triesBeforeRefusal([a.app, b.app], signIn(two.email));
    expect(alone.allowed).toBe(LIMIT);
    expect(together.allowed).toBe(LIMIT);
    expectProblem(together.refusal, 429, 'sign_in_delayed');
    expect(Number(together.refusal.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps no address or e-mail, only hashes, and starts a new window once one has ended', async () => {
    const email = 'window@test.example';
    const { allowed } = await triesBeforeRefusal([a.app, b.app], resetRequest(email));
    expect(allowed).toBe(LIMIT);
    const { rows } = await a.db.pool.query<{ text: string }>(
      'SELECT row_to_json(c)::text AS text FROM rate_limit_counters c',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.text).not.toContain('test.example');
      expect(row.text).not.toContain('127.0.0.1');
    }
    // The window ends (as 15 minutes later): the next request opens a new one.
    await a.db.pool.query(
      `UPDATE rate_limit_counters SET expires_at = clock_timestamp() - interval '1 second'`,
    );
    expect((await resetRequest(email)(b.app)).statusCode).toBe(202);
    const counted = await a.db.pool.query<{ hits: string }>(
      `SELECT hits FROM rate_limit_counters WHERE expires_at > clock_timestamp()`,
    );
    expect(counted.rows.map((r) => Number(r.hits))).toEqual([1]);
  });

  it('deletes ended windows on the fly', async () => {
    const fresh = await startAnotherServer(a, OPTIONS);
    try {
      await a.db.pool.query(
        `INSERT INTO rate_limit_counters (key_hash, hits, expires_at)
         VALUES ('\\x00'::bytea, 9, clock_timestamp() - interval '1 hour')`,
      );
      // A new server sweeps after its first count.
      expect((await resetRequest('sweep@test.example')(fresh.app)).statusCode).toBe(202);
      await expect
        .poll(async () => {
          const { rows } = await a.db.pool.query(
            `SELECT 1 FROM rate_limit_counters WHERE key_hash = '\\x00'::bytea`,
          );
          return rows.length;
        })
        .toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
