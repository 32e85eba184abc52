import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signInAs,
  type TestApp,
} from '../../../test/support/app.js';
import { loadConfig } from '../config.js';
import { enqueueJob } from '../jobs/enqueue.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one sample of the exposition, or undefined when it is not there. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => present[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  let t: TestApp;
  let admin: Session;

  async function scrape(): Promise<string> {
    const response = await t.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.body;
  }

  beforeAll(async () => {
    t = await createTestApp({ metricsToken: TOKEN });
    admin = await signInAs(t, ['administrator']);
  });
  afterAll(() => t.close());

  it('is absent without the setting, as any unknown path', async () => {
    const plain = await createTestApp();
    try {
      const response = await plain.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'route_not_found' });
    } finally {
      await plain.close();
    }
  });

  it('refuses a missing or wrong token and answers the right one', async () => {
    const none = await t.app.inject({ url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    const wrong = await t.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('rabita_');
    const right = await scrape();
    expect(right).toContain('process_cpu_user_seconds_total');
    expect(right).toContain('nodejs_heap_size_used_bytes');
  });

  it('stays out of the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  it('times requests by route pattern and status class, never by the raw URL', async () => {
    const name = 'rabita_http_request_duration_seconds_count';
    const labels = { method: 'GET', route: '/api/v1/users/:id', status_class: '2xx' };
    const before = sample(await scrape(), name, labels) ?? 0;
    for (let i = 0; i < 3; i++)
      expect((await call(t.app, admin, 'GET', `/api/v1/users/${admin.userId}`)).statusCode).toBe(
        200,
      );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call(t.app, admin, 'GET', `/api/v1/users/${missing}`)).statusCode).toBe(404);
    await t.app.inject({ url: '/no/such/path/123' });

    const text = await scrape();
    expect(sample(text, name, labels)).toBe(before + 3);
    expect(sample(text, name, { ...labels, status_class: '4xx' })).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'rabita_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' }),
    ).toBe(before + 3);
    expect(sample(text, name, { route: 'unmatched', status_class: '4xx' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(text).not.toContain(admin.userId);
    expect(text).not.toContain('/no/such/path');
  });

  it('counts a failed sign-in by its reason', async () => {
    const name = 'rabita_sign_in_failures_total';
    const before = sample(await scrape(), name, { reason: 'unknown_email' }) ?? 0;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@test.example', password: 'not the password' },
    });
    expect(response.statusCode).toBe(401);
    expect(sample(await scrape(), name, { reason: 'unknown_email' })).toBe(before + 1);
  });

  it('reads the queue depth and the age of its oldest runnable job at scrape time', async () => {
    await t.db.pool.query('delete from graphile_worker._private_jobs');
    let text = await scrape();
    expect(sample(text, 'rabita_job_queue_runnable_jobs')).toBe(0);
    expect(sample(text, 'rabita_job_queue_oldest_runnable_age_seconds')).toBe(0);
    expect(sample(text, 'rabita_metrics_database_up')).toBe(1);

    await t.db.db.transaction((tx) =>
      enqueueJob(tx, 'surveys.send-due', {}, { runAt: new Date(Date.now() - 90_000) }),
    );
    // Due later: waiting, but not behind.
    await t.db.db.transaction((tx) =>
      enqueueJob(tx, 'reports.refresh-rollups', {}, { runAt: new Date(Date.now() + 3_600_000) }),
    );
    text = await scrape();
    expect(sample(text, 'rabita_job_queue_runnable_jobs')).toBe(1);
    const age = sample(text, 'rabita_job_queue_oldest_runnable_age_seconds') ?? 0;
    expect(age).toBeGreaterThanOrEqual(89);
    expect(age).toBeLessThan(300);
    await t.db.pool.query('delete from graphile_worker._private_jobs');
  });

  it('reports the e-mails kept as failed', async () => {
    const before = sample(await scrape(), 'rabita_outbox_failed_messages') ?? 0;
    await t.db.pool.query(
      `insert into outbox_messages (event, locale, to_address, subject, body, status)
       values ('account.invited', 'en', 'x@test.example', 's', 'b', 'failed')`,
    );
    expect(sample(await scrape(), 'rabita_outbox_failed_messages')).toBe(before + 1);
  });

  it('shows the database pool', async () => {
    const text = await scrape();
    expect(sample(text, 'rabita_db_pool_clients')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'rabita_db_pool_idle_clients')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'rabita_db_pool_waiting_requests')).toBe(0);
    expect(sample(text, 'rabita_db_pool_max_clients')).toBe(5);
  });
});

describe('RABITA_METRICS_TOKEN', () => {
  it('is off when unset or empty, and refuses a token too short to be a secret', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ RABITA_METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(loadConfig({ RABITA_METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(() => loadConfig({ RABITA_METRICS_TOKEN: 'short' })).toThrow(
      /RABITA_METRICS_TOKEN: must be at least 16 characters/,
    );
  });
});
