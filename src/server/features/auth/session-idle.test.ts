import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signIn, type TestApp } from '../../../../test/support/app.js';
import { makeUser, seedPartners, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import { loadConfig } from '../../config.js';
import { BACKGROUND_HEADER } from '../../http/authenticate.js';

/** A cookie session ends after 30 idle minutes (the default), whatever its absolute expiry. */
describe('session idle timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
  });
  afterAll(() => t.close());

  async function lastSeen(userId: string): Promise<Date> {
    const { rows } = await t.db.pool.query<{ last_seen_at: Date }>(
      'select last_seen_at from login_sessions where user_id = $1',
      [userId],
    );
    const seen = rows[0]?.last_seen_at;
    if (!seen) throw new Error('no session');
    return seen;
  }

  /** As if the session had last been used `minutes` ago. */
  const idle = (userId: string, minutes: number) =>
    t.db.pool.query(
      `update login_sessions set last_seen_at = now() - $2 * interval '1 minute' where user_id = $1`,
      [userId, minutes],
    );

  it('ends a session left unused for 30 minutes, though it has hours left', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    const session = await signIn(t.app, user.email, TEST_PASSWORD);
    await idle(user.id, 29);
    expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await idle(user.id, 31);
    expectProblem(await call(t.app, session, 'GET', '/api/v1/auth/me'), 401, 'unauthenticated');
    const { rows } = await t.db.pool.query(
      `select 1 from login_sessions where user_id = $1 and expires_at > now() + interval '11 hours'`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('counts each use, writing it at most once a minute', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    const session = await signIn(t.app, user.email, TEST_PASSWORD);
    const first = await lastSeen(user.id);
    // Within the minute: read, not written again.
    await call(t.app, session, 'GET', '/api/v1/auth/me');
    expect(await lastSeen(user.id)).toEqual(first);
    await idle(user.id, 20);
    const before = await lastSeen(user.id);
    await call(t.app, session, 'GET', '/api/v1/auth/me');
    const after = await lastSeen(user.id);
    expect(after.getTime()).toBeGreaterThan(before.getTime() + 19 * 60_000);
    // Twenty minutes later again: still signed in, since the use above restarted the clock.
    await t.db.pool.query(
      `update login_sessions set last_seen_at = last_seen_at - interval '20 minutes' where user_id = $1`,
      [user.id],
    );
    expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('does not count the web app’s own background polls as use', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    const session = await signIn(t.app, user.email, TEST_PASSWORD);
    await idle(user.id, 20);
    const before = await lastSeen(user.id);
    const poll = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { cookie: session.cookie, [BACKGROUND_HEADER]: '1' },
    });
    expect(poll.statusCode).toBe(200);
    expect(await lastSeen(user.id)).toEqual(before);
    await idle(user.id, 31);
    const late = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { cookie: session.cookie, [BACKGROUND_HEADER]: '1' },
    });
    expectProblem(late, 401, 'unauthenticated');
  });

  it('is set by RABITA_SESSION_IDLE_MINUTES, 30 by default, between 1 minute and a day', () => {
    expect(loadConfig({}).sessionIdleMinutes).toBe(30);
    expect(loadConfig({ RABITA_SESSION_IDLE_MINUTES: '15' }).sessionIdleMinutes).toBe(15);
    expect(() => loadConfig({ RABITA_SESSION_IDLE_MINUTES: '0' })).toThrow(
      /RABITA_SESSION_IDLE_MINUTES/,
    );
    expect(() => loadConfig({ RABITA_SESSION_IDLE_MINUTES: '1441' })).toThrow(
      /RABITA_SESSION_IDLE_MINUTES/,
    );
  });

  it('follows a shorter configured idle time', async () => {
    const short = await createTestApp({ sessionIdleMinutes: 5 });
    try {
      const user = await makeUser(short.db.db, ['observer']);
      const session = await signIn(short.app, user.email, TEST_PASSWORD);
      await short.db.pool.query(
        `update login_sessions set last_seen_at = now() - interval '6 minutes'`,
      );
      const me = await short.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: session.cookie },
      });
      expectProblem(me, 401, 'unauthenticated');
    } finally {
      await short.close();
    }
  });
});
