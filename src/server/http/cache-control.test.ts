import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signIn, type TestApp } from '../../../test/support/app.js';
import { makeUser, seedPartners, TEST_PASSWORD } from '../../../test/support/factories.js';
import type { CalendarFeed } from '../../contract/sessions.js';
import { buildApp } from '../app.js';

/** Answers that may carry personal data are kept by no cache. */
describe('Cache-Control', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
  });
  afterAll(() => t.close());

  it('is no-store on every API answer to a signed-in user, errors and downloads included', async () => {
    const user = await makeUser(t.db.db, ['npoc'], 'KWT');
    const session = await signIn(t.app, user.email, TEST_PASSWORD);
    const answers = [
      await call(t.app, session, 'GET', '/api/v1/auth/me'),
      await call(t.app, session, 'GET', '/api/v1/nations/KWT'),
      await call(t.app, session, 'GET', '/api/v1/nations/QAT'),
      await call(t.app, session, 'GET', '/api/v1/users'),
      await call(t.app, session, 'PATCH', '/api/v1/auth/me/preferences', { locale: 'fr' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 404, 403, 200]);
    for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('is no-store on the sign-in answer and on answers to secret links', async () => {
    const user = await makeUser(t.db.db, ['observer']);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');

    const session = await signIn(t.app, user.email, TEST_PASSWORD);
    const feed = (
      await call(t.app, session, 'POST', '/api/v1/calendar/feed/rotate')
    ).json<CalendarFeed>();
    const feedPath = new URL(feed.url ?? '').pathname;
    const calendar = await t.app.inject({ method: 'GET', url: feedPath });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toMatch(/^text\/calendar/);
    expect(calendar.headers['cache-control']).toBe('no-store');

    const survey = await t.app.inject({
      method: 'GET',
      url: `/api/v1/surveys/public/${'x'.repeat(43)}`,
    });
    expect(survey.statusCode).toBe(404);
    expect(survey.headers['cache-control']).toBe('no-store');
  });

  it('is no-store on the web app’s pages whose address holds a secret', async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Rabita</title>');
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'assets', 'index-Bx3f9a.js'), 'export {};');
    const app = await buildApp({
      db: t.db.db,
      pool: t.db.pool,
      settings: { sessionHours: 12, signInAttemptsPerWindow: 1000, trustProxy: false, webRoot },
    });
    try {
      const page = (url: string) => app.inject({ method: 'GET', url });
      for (const url of ['/password/abcdefghijklmnopqrstuv', '/survey/abcdefghijklmnopqrstuv']) {
        const response = await page(url);
        expect(response.statusCode).toBe(200);
        expect(response.headers['cache-control']).toBe('no-store');
      }
      // Pages without a secret may be kept, to be checked again before use.
      expect((await page('/catalogue')).headers['cache-control']).toBe('no-cache');
      // A built asset is named by its content's hash: kept for a year.
      expect((await page('/assets/index-Bx3f9a.js')).headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
    } finally {
      await app.close();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
