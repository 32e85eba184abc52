import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { PERMISSIONS } from '../../contract/roles.js';
import { requireDeclaredPermissions } from './route-permissions.js';

describe('route permissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives every registered route a known permission', () => {
    const routes = t.app.declaredRoutes;
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      expect(PERMISSIONS, `${route.method} ${route.url}`).toContain(route.permission);
    }
  });

  it('keeps every API write behind a permission other than public, except sign-in and reset', () => {
    const publicWrites = t.app.declaredRoutes.filter(
      (r) => r.permission === 'public' && !['GET', 'HEAD'].includes(r.method),
    );
    expect(publicWrites.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      // The second half of a sign-in holds a pending sign-in cookie, not yet a session;
      // throttled per account and address like the password.
      'POST /api/v1/auth/enrolment/totp',
      'POST /api/v1/auth/enrolment/totp/confirm',
      'POST /api/v1/auth/login',
      // A forgotten password cannot wait for a sign-in; both are rate-limited.
      'POST /api/v1/auth/password-reset/complete',
      'POST /api/v1/auth/password-reset/request',
      'POST /api/v1/auth/second-step/passkey',
      'POST /api/v1/auth/second-step/passkey/options',
      'POST /api/v1/auth/second-step/recovery-code',
      'POST /api/v1/auth/second-step/totp',
      // A supervisor answers a level-3 survey by the link's secret alone; rate-limited.
      'POST /api/v1/surveys/public/:token/answers',
      // Anyone holding a certificate PDF may check it; it writes nothing and is rate-limited.
      'POST /api/v1/verify',
    ]);
  });

  it('lists every API route in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\/$/, '')}`),
      ),
    );
    const apiRoutes = t.app.declaredRoutes.filter(
      (r) =>
        r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.url !== '/api/v1/openapi.json',
    );
    for (const route of apiRoutes) {
      // Fastify registers a prefix's '/' route with and without the trailing slash.
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '');
      expect(documented, `${route.method} ${route.url}`).toContain(
        `${route.method} ${openApiPath}`,
      );
    }
  });

  it('refuses to start with an API route that declares no permission', async () => {
    const app = Fastify();
    requireDeclaredPermissions(app);
    expect(() => app.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no permission/);
    await app.close();
  });

  it('refuses at start-up a route without an operationId or a summary', async () => {
    const app = Fastify();
    requireDeclaredPermissions(app);
    const config = { permission: 'public' as const };
    expect(() =>
      app.get('/api/v1/nameless', { schema: { summary: 'No name' }, config }, async () => 'x'),
    ).toThrow(/operationId/);
    expect(() =>
      app.get('/api/v1/untold', { schema: { operationId: 'untold' }, config }, async () => 'x'),
    ).toThrow(/summary/);
    await app.close();
  });

  it('refuses two routes with one operationId', async () => {
    const app = Fastify();
    requireDeclaredPermissions(app);
    const options = { schema: { operationId: 'twice', summary: 'Twice' }, config: {} };
    app.get('/api/v1/one', { ...options, config: { permission: 'public' } }, async () => 'x');
    expect(() =>
      app.get('/api/v1/two', { ...options, config: { permission: 'public' } }, async () => 'x'),
    ).toThrow(/share the operationId twice/);
    await app.close();
  });
});
