import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { redactSecrets } from './log-redaction.js';

/** A secret as Rabita makes them (32 random bytes), sure to mix cases and digits. */
const secret = () => `Aa1${randomBytes(32).toString('base64url')}`;

describe('redactSecrets', () => {
  const token = 'Xy3_kq-9ZBn8wLrT2vHmP4sJdQe7FgUcYa5NtRb6Wio';
  it.each([
    [`/api/v1/calendar/${token}.ics`, '/api/v1/calendar/[redacted]'],
    [`/api/v1/surveys/public/${token}/answers`, '/api/v1/surveys/public/[redacted]/answers'],
    [`/password/${token}`, '/password/[redacted]'],
    ['/survey/short-one?locale=ar', '/survey/[redacted]?locale=ar'],
    ['/check-in/ROLL-27.2027-03-01.abc', '/check-in/[redacted]'],
    [`/api/v1/x?token=${token}&page=2`, '/api/v1/x?token=[redacted]&page=2'],
    [
      `{"token":"${token}","newPassword":"a \\"quoted\\" one"}`,
      '{"token":"[redacted]","newPassword":"[redacted]"}',
    ],
    [`failed for /api/v1/later-route/${token}`, 'failed for /api/v1/later-route/[redacted]'],
    [
      '/api/v1/auth/oidc/callback?code=short&state=st-1&iss=https%3A%2F%2Fidp',
      '/api/v1/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    ],
    [
      '/session/end?id_token_hint=eyJ.x.y&client_id=r',
      '/session/end?id_token_hint=[redacted]&client_id=r',
    ],
    [
      '{"clientSecret":"s3","idToken":"eyJ"}',
      '{"clientSecret":"[redacted]","idToken":"[redacted]"}',
    ],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('leaves ids, digests, codes and words alone', () => {
    const line = JSON.stringify({
      reqId: '0b6a4c1e-3f51-4d9e-9a53-1c0f4e2b7d88',
      url: '/api/v1/sessions/ROLL-27/certificates?cursor=abc&locale=en',
      hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      err: { code: '23505', message: 'report-nomination-facts-refreshed-every-minute' },
    });
    expect(redactSecrets(line)).toBe(line);
  });
});

describe('request logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await createTestApp({ logger: { level: 'info', stream } });
  });
  afterAll(() => t.close());

  /** The log lines written for one request, found by its id. */
  const linesOf = (requestId: unknown) => lines.filter((l) => l.includes(String(requestId)));

  it('logs the routes of secret links without their secrets', async () => {
    const user = await makeUser(t.db.db, ['registrar']);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'rabita_session');
    const session = {
      cookie: `rabita_session=${cookie?.value}`,
      csrfToken: signIn.json<{ csrfToken: string }>().csrfToken,
      userId: user.id,
    };
    const feed = await call(t.app, session, 'GET', '/api/v1/calendar/feed');
    const feedPath = new URL(feed.json<{ url: string }>().url).pathname;
    const feedToken = /calendar\/([\w-]+)\.ics/.exec(feedPath)?.[1] ?? '';

    await call(t.app, null, 'POST', '/api/v1/auth/password-reset/request', { email: user.email });
    const { rows } = await t.db.pool.query<{ body: string }>(
      'select body from outbox_messages order by id desc limit 1',
    );
    const resetToken = /\/password\/([\w-]+)/.exec(rows[0]?.body ?? '')?.[1] ?? '';
    const surveyToken = secret();
    expect([feedToken.length, resetToken.length]).toEqual([43, 43]);

    const requests = [
      { method: 'GET', url: feedPath, secret: feedToken, route: '/api/v1/calendar/' },
      { method: 'GET', url: `/password/${resetToken}`, secret: resetToken, route: '/password/' },
      {
        method: 'GET',
        url: `/api/v1/surveys/public/${surveyToken}?locale=ar`,
        secret: surveyToken,
        route: '/api/v1/surveys/public/',
      },
      {
        method: 'POST',
        url: `/api/v1/surveys/public/${surveyToken}/answers`,
        secret: surveyToken,
        route: '/api/v1/surveys/public/',
        payload: { answers: {} },
      },
      { method: 'GET', url: `/survey/${surveyToken}`, secret: surveyToken, route: '/survey/' },
      {
        method: 'POST',
        url: '/api/v1/auth/password-reset/complete',
        secret: resetToken,
        route: '/api/v1/auth/password-reset/complete',
        payload: { token: resetToken, newPassword: 'a new and long passphrase' },
      },
    ] as const;
    for (const r of requests) {
      const response = await t.app.inject({
        method: r.method,
        url: r.url,
        ...('payload' in r ? { payload: r.payload } : {}),
      });
      const logged = linesOf(response.headers['x-request-id']);
      expect(logged.length, r.url).toBeGreaterThanOrEqual(2);
      expect(logged.join('\n'), r.url).toContain(r.route);
      expect(logged.join('\n'), r.url).not.toContain(r.secret);
    }
    expect(feed.statusCode).toBe(200);
    expect(lines.join('\n')).not.toContain(feedToken);
    expect(lines.join('\n')).not.toContain(resetToken);
  });

  it('keeps secrets out of the log of every public route with a path parameter', async () => {
    const routes = t.app.declaredRoutes.filter(
      (r) => r.permission === 'public' && r.url.includes(':') && r.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const route of routes) {
      const value = secret();
      const url = route.url.replace(/:(\w+)/g, value);
      const response = await t.app.inject({ method: route.method as 'GET', url });
      const logged = linesOf(response.headers['x-request-id']).join('\n');
      expect(logged, url).toContain(route.url.split(':')[0]);
      expect(logged, url).not.toContain(value);
    }
  });
});
