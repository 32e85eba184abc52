import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { WebhookDelivery, WebhookEndpointWithSecret } from '../../../contract/webhooks.js';
import { runDueJobs } from '../../jobs/run-due.js';
import { openSession, submitNominations } from '../nominations/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { MAX_WEBHOOK_ATTEMPTS } from './backoff.js';
import { startReceiver } from './receiver-fixture.js';
import { isRefusedAddress, postWebhook } from './send.js';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('webhooks', () => {
  let t: TestApp;
  let admin: Session;
  let registrar: Session;
  let kuwait: Session;
  let qatar: Session;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'WH-ACT');
    admin = await signInAs(t, ['administrator']);
    registrar = await signInAs(t, ['registrar']);
    kuwait = await signInAs(t, ['npoc'], 'KWT');
    qatar = await signInAs(t, ['npoc'], 'QAT');
  });
  beforeEach(async () => {
    await t.db.pool.query('delete from webhook_endpoints');
    for (const r of receivers.splice(0)) await r.close();
  });
  afterAll(async () => {
    for (const r of receivers.splice(0)) await r.close();
    await t.close();
  });

  async function receiver(answers?: number[]) {
    const r = await startReceiver(answers);
    receivers.push(r);
    return r;
  }

  async function register(
    url: string,
    events: string[],
    nationCode: string | null = null,
  ): Promise<WebhookEndpointWithSecret> {
    const response = await call(t.app, admin, 'POST', '/api/v1/webhooks', {
      url,
      description: nationCode ? `${nationCode} system` : 'Centre system',
      events,
      nationCode,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<WebhookEndpointWithSecret>();
  }

  /** Runs the due webhook deliveries through the real queue, as a worker would. */
  const drain = () => runDueJobs({ db: t.db.db, url: t.db.url, only: ['webhooks.deliver'] });

  /** Brings every waiting retry forward to now, on the delivery and on its job. */
  async function makeDue() {
    await t.db.pool.query('update webhook_deliveries set next_attempt_at = now()');
    await t.db.pool.query(
      `update graphile_worker._private_jobs set run_at = now()
        where task_id = (select id from graphile_worker._private_tasks where identifier = 'webhooks.deliver')`,
    );
  }

  async function deliveries(endpointId: string): Promise<WebhookDelivery[]> {
    const response = await call(t.app, admin, 'GET', `/api/v1/webhooks/${endpointId}/deliveries`);
    expect(response.statusCode).toBe(200);
    return response.json<WebhookDelivery[]>();
  }

  function verified(secret: string, received: { headers: Record<string, unknown>; body: string }) {
    const headers = {
      'webhook-id': String(received.headers['webhook-id']),
      'webhook-timestamp': String(received.headers['webhook-timestamp']),
      'webhook-signature': String(received.headers['webhook-signature']),
    };
    return new Webhook(secret).verify(received.body, headers) as {
      type: string;
      timestamp: string;
      data: Record<string, unknown>;
    };
  }

  it('registers an endpoint with a whsec_ secret shown once, and never again', async () => {
    const created = await register('https://hooks.example.org/rabita', ['nomination.decided']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const read = await call(t.app, admin, 'GET', `/api/v1/webhooks/${created.id}`);
    expect(read.json()).not.toHaveProperty('secret');
    expect(read.json()).toMatchObject({ url: 'https://hooks.example.org/rabita', enabled: true });
    const listed = await call(t.app, admin, 'GET', '/api/v1/webhooks');
    expect(listed.body).not.toContain(created.secret);
    const audit = await t.db.pool.query(
      `select action, after::text from audit_log where entity_id = $1`,
      [created.id],
    );
    expect(audit.rows).toMatchObject([{ action: 'webhook_endpoint.created' }]);
    expect(audit.rows[0].after).not.toContain('whsec_');
  });

  it('refuses plain http to another machine, link-local addresses, and other roles', async () => {
    for (const url of [
      'http://hooks.example.org/x',
      'https://169.254.169.254/latest/meta-data',
      'https://[fe80::1]/x',
      'https://user:pw@hooks.example.org/x',
      'ftp://hooks.example.org/x',
    ]) {
      const response = await call(t.app, admin, 'POST', '/api/v1/webhooks', {
        url,
        description: 'x',
        events: ['session.changed'],
      });
      expectProblem(response, 400, 'validation_failed');
    }
    expectProblem(
      await call(t.app, admin, 'POST', '/api/v1/webhooks', {
        url: 'https://hooks.example.org/x',
        description: 'x',
        events: ['session.changed'],
        nationCode: 'XYZ',
      }),
      404,
      'not_found',
    );
    expectProblem(await call(t.app, registrar, 'GET', '/api/v1/webhooks'), 403, 'forbidden');
    expectProblem(await call(t.app, kuwait, 'GET', '/api/v1/webhooks'), 403, 'forbidden');
  });

  it('refuses to connect to a link-local address, whatever the name', async () => {
    expect(isRefusedAddress('169.254.169.254')).toBe(true);
    expect(isRefusedAddress('::ffff:169.254.169.254')).toBe(true);
    expect(isRefusedAddress('fe80::1')).toBe(true);
    expect(isRefusedAddress('127.0.0.1')).toBe(false);
    expect(isRefusedAddress('10.1.2.3')).toBe(false);
    const outcome = await postWebhook('http://169.254.169.254/latest', {}, '{}');
    expect(outcome).toMatchObject({ statusCode: null, error: expect.stringContaining('refused') });
  });

  it('signs each delivery as Standard Webhooks says, verified by the library', async () => {
    const r = await receiver();
    const endpoint = await register(r.url, ['nomination.decided']);
    const session = 'WH-SIGN-1';
    await openSession(t.db.db, session, 'WH-ACT');
    const [nomination] = await submitNominations(t, kuwait, session, 'KWT', 1);
    const decided = await call(
      t.app,
      registrar,
      'POST',
      `/api/v1/nominations/${nomination}/transitions`,
      {
        action: 'select',
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    await drain();
    expect(r.received).toHaveLength(1);
    const got = r.received[0];
    if (!got) throw new Error('nothing received');
    const body = verified(endpoint.secret, got);
    expect(body).toMatchObject({
      type: 'nomination.decided',
      data: {
        nominationId: nomination,
        nationCode: 'KWT',
        status: 'selected',
        previousStatus: 'submitted',
        session: { code: session },
      },
    });
    expect(String(got.headers['webhook-id'])).toMatch(/^msg_/);
    // A tampered body does not verify.
    expect(() =>
      verified(endpoint.secret, { ...got, body: got.body.replace('selected', 'rejected') }),
    ).toThrow();
    const [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204 });
    expect(log?.attemptLog).toMatchObject([{ statusCode: 204, error: null, nextAttemptAt: null }]);
  });

  it('retries a failing receiver with backoff until it recovers, each attempt logged', async () => {
    const r = await receiver([500, 503, 204]);
    const endpoint = await register(r.url, ['session.cancelled']);
    const session = 'WH-RETRY-1';
    await openSession(t.db.db, session, 'WH-ACT');
    const cancelled = await call(
      t.app,
      registrar,
      'POST',
      `/api/v1/sessions/${session}/transitions`,
      {
        to: 'cancelled',
        reason: 'The venue is closed.',
      },
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await drain();
    let [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    const wait = Date.parse(log?.nextAttemptAt ?? '') - Date.now();
    expect(wait).toBeGreaterThan(3_000);
    expect(wait).toBeLessThan(6_000);
    // Not due yet: a worker running now leaves it waiting.
    await drain();
    expect(r.received).toHaveLength(1);
    await makeDue();
    await drain();
    [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 });
    const second = Date.parse(log?.nextAttemptAt ?? '') - Date.now();
    expect(second).toBeGreaterThan(240_000);
    await makeDue();
    await drain();
    [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 204 });
    expect(log?.attemptLog.map((a) => a.statusCode)).toEqual([500, 503, 204]);
    expect(log?.attemptLog[0]?.error).toContain('500');
    // Every attempt carried the same id and a valid signature.
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(1);
    for (const got of r.received)
      expect(verified(endpoint.secret, got)).toMatchObject({
        type: 'session.cancelled',
        data: { code: session, kind: 'cancelled', reason: 'The venue is closed.' },
      });
  });

  it('gives up after the last attempt; "send again" delivers it', async () => {
    const r = await receiver([500]);
    const endpoint = await register(r.url, ['session.cancelled']);
    await openSession(t.db.db, 'WH-GIVEUP-1', 'WH-ACT');
    await call(t.app, registrar, 'POST', '/api/v1/sessions/WH-GIVEUP-1/transitions', {
      to: 'cancelled',
      reason: 'No instructor.',
    });
    for (let i = 0; i < MAX_WEBHOOK_ATTEMPTS; i += 1) {
      await makeDue();
      await drain();
    }
    let [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({
      status: 'failed',
      attempts: MAX_WEBHOOK_ATTEMPTS,
      nextAttemptAt: null,
    });
    const fetched = await call(t.app, admin, 'GET', `/api/v1/webhooks/${endpoint.id}`);
    expect(fetched.json()).toMatchObject({ failed: 1, pending: 0 });
    const recovered = await receiver([204]);
    await call(t.app, admin, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { url: recovered.url });
    const again = await call(t.app, admin, 'POST', `/api/v1/webhooks/deliveries/${log?.id}/resend`);
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await drain();
    [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(log?.attemptLog).toHaveLength(MAX_WEBHOOK_ATTEMPTS + 1);
    expect(recovered.received).toHaveLength(1);
    expectProblem(
      await call(t.app, admin, 'POST', '/api/v1/webhooks/deliveries/msg_0000000000unknown/resend'),
      404,
      'not_found',
    );
  });

  it('gives a nation’s endpoint only its nation’s events, trimmed', async () => {
    const centre = await receiver();
    const kwt = await receiver();
    const qat = await receiver();
    const events = ['nomination.decided', 'session.cancelled'];
    const centreEndpoint = await register(centre.url, events);
    const kwtEndpoint = await register(kwt.url, events, 'KWT');
    await register(qat.url, events, 'QAT');
    const session = 'WH-NATION-1';
    await openSession(t.db.db, session, 'WH-ACT');
    const [kw] = await submitNominations(t, kuwait, session, 'KWT', 1);
    const [qa] = await submitNominations(t, qatar, session, 'QAT', 1);
    await call(t.app, registrar, 'POST', `/api/v1/nominations/${kw}/transitions`, {
      action: 'select',
    });
    await call(t.app, registrar, 'POST', `/api/v1/nominations/${qa}/transitions`, {
      action: 'reject',
      reason: 'Rank too junior.',
    });
    await call(t.app, registrar, 'POST', `/api/v1/sessions/${session}/transitions`, {
      to: 'cancelled',
      reason: 'Postponed.',
    });
    await drain();
    const types = (r: Receiver, secret: string) =>
      r.received.map((got) => {
        const body = verified(secret, got);
        return `${body.type}:${JSON.stringify(body.data.nominationId ?? body.data.nominations)}`;
      });
    expect(centre.received).toHaveLength(3);
    expect(kwt.received).toHaveLength(2);
    // Qatar's nomination was rejected before the cancellation, which no longer concerns it.
    expect(qat.received).toHaveLength(1);
    const kwtBodies = kwt.received.map((got) => verified(kwtEndpoint.secret, got));
    expect(kwtBodies.find((b) => b.type === 'nomination.decided')?.data).toMatchObject({
      nominationId: kw,
      nationCode: 'KWT',
    });
    const cancelledForKuwait = kwtBodies.find((b) => b.type === 'session.cancelled')?.data;
    expect(cancelledForKuwait?.nominations).toEqual([
      expect.objectContaining({ id: kw, nationCode: 'KWT' }),
    ]);
    expect(JSON.stringify(kwtBodies)).not.toContain(qa);
    expect(JSON.stringify(kwtBodies)).not.toContain('QAT');
    const centreCancelled = centre.received
      .map((got) => verified(centreEndpoint.secret, got))
      .find((b) => b.type === 'session.cancelled')?.data;
    expect(centreCancelled?.nominations).toHaveLength(1);
    expect(centre.received.map((got) => verified(centreEndpoint.secret, got).type).sort()).toEqual([
      'nomination.decided',
      'nomination.decided',
      'session.cancelled',
    ]);
    expect(types(centre, centreEndpoint.secret)).toHaveLength(3);
  });

  it('tells of a session change, to the nations whose nominations it concerns', async () => {
    const centre = await receiver();
    const qat = await receiver();
    const centreEndpoint = await register(centre.url, ['session.changed']);
    await register(qat.url, ['session.changed'], 'QAT');
    const session = 'WH-CHANGE-1';
    await openSession(t.db.db, session, 'WH-ACT');
    const [kw] = await submitNominations(t, kuwait, session, 'KWT', 1);
    const edited = await call(t.app, registrar, 'PATCH', `/api/v1/sessions/${session}`, {
      joiningInstructions: { en: 'Report at 07:30 at gate 2.' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await drain();
    const got = centre.received[0];
    if (!got) throw new Error('nothing received');
    expect(verified(centreEndpoint.secret, got)).toMatchObject({
      type: 'session.changed',
      data: {
        code: session,
        kind: 'updated',
        changes: [{ field: 'joiningInstructions', after: { en: 'Report at 07:30 at gate 2.' } }],
        nominations: [{ id: kw, nationCode: 'KWT' }],
      },
    });
    // Qatar has no nomination there: the change is not its business.
    expect(qat.received).toEqual([]);
  });

  it('rotates the secret: later deliveries verify with the new one only', async () => {
    const r = await receiver();
    const endpoint = await register(r.url, ['session.cancelled']);
    const rotated = await call(t.app, admin, 'POST', `/api/v1/webhooks/${endpoint.id}/secret`);
    expect(rotated.statusCode).toBe(200);
    const { secret } = rotated.json<WebhookEndpointWithSecret>();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(endpoint.secret);
    expect(rotated.json()).toMatchObject({ secretRotatedAt: expect.any(String) });
    const test = await call(t.app, admin, 'POST', `/api/v1/webhooks/${endpoint.id}/test`);
    expect(test.statusCode).toBe(202);
    await drain();
    const got = r.received[0];
    if (!got) throw new Error('nothing received');
    expect(verified(secret, got)).toMatchObject({ type: 'webhook.test' });
    expect(() => verified(endpoint.secret, got)).toThrow();
  });

  it('a disabled endpoint receives nothing new; a redirect is not followed', async () => {
    const r = await receiver([302]);
    const endpoint = await register(r.url, ['session.cancelled']);
    const disabled = await call(t.app, admin, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, {
      enabled: false,
    });
    expect(disabled.json()).toMatchObject({ enabled: false });
    await openSession(t.db.db, 'WH-OFF-1', 'WH-ACT');
    await call(t.app, registrar, 'POST', '/api/v1/sessions/WH-OFF-1/transitions', {
      to: 'cancelled',
      reason: 'Off.',
    });
    expect(await deliveries(endpoint.id)).toEqual([]);
    await call(t.app, admin, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { enabled: true });
    await call(t.app, admin, 'POST', `/api/v1/webhooks/${endpoint.id}/test`);
    await drain();
    const [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({ status: 'pending', lastStatusCode: 302 });
    expect(log?.attemptLog[0]?.error).toContain('redirects are not followed');
    expect(r.received).toHaveLength(1);
    const removed = await call(t.app, admin, 'DELETE', `/api/v1/webhooks/${endpoint.id}`);
    expect(removed.statusCode).toBe(204);
    expectProblem(
      await call(t.app, admin, 'GET', `/api/v1/webhooks/${endpoint.id}`),
      404,
      'not_found',
    );
  });
});
