import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { OutboxMessage, OutboxSummary } from '../../../contract/messages.js';
import { SAMPLE_VARIABLES } from './default-templates/index.js';
import { queueEmail } from './outbox.js';

type Page = { items: OutboxSummary[]; nextCursor: string | null };

describe('outbox administration', () => {
  let t: TestApp;
  let admin: Session;
  let ids: number[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    admin = await signInAs(t, ['administrator']);
    await t.db.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await queueEmail(tx, {
          event: 'joining-instructions',
          locale: 'en',
          to: `p${i}@test.example`,
          variables: { ...SAMPLE_VARIABLES, sessionCode: `S-${i}` },
          attachments: [{ filename: `S-${i}.ics`, contentType: 'text/calendar', content: 'é' }],
        });
      }
    });
    const { rows } = await t.db.pool.query<{ id: string }>(
      'select id from outbox_messages order by id',
    );
    ids = rows.map((r) => Number(r.id));
    await t.db.pool.query(
      `update outbox_messages set status = 'failed', attempts = 8, last_error = '451 busy' where id = $1`,
      [ids[1]],
    );
    await t.db.pool.query(
      `update outbox_messages set status = 'sent', attempts = 1, sent_at = now() where id = $1`,
      [ids[2]],
    );
  });
  afterAll(() => t.close());

  it('lists newest first, page by page, and filters by status', async () => {
    const first = await call(t.app, admin, 'GET', '/api/v1/outbox?limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json<Page>();
    expect(page1.items.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(page1.items[0]).not.toHaveProperty('body');
    const rest = await call(
      t.app,
      admin,
      'GET',
      `/api/v1/outbox?limit=10&cursor=${page1.nextCursor}`,
    );
    expect(rest.json<Page>()).toMatchObject({ nextCursor: null });
    expect(rest.json<Page>().items.map((m) => m.id)).toEqual([ids[2], ids[1], ids[0]]);
    const failed = await call(t.app, admin, 'GET', '/api/v1/outbox?status=failed');
    expect(failed.json<Page>().items).toMatchObject([
      { id: ids[1], status: 'failed', attempts: 8, lastError: '451 busy' },
    ]);
  });

  it('shows one message with its text and attachment names', async () => {
    const response = await call(t.app, admin, 'GET', `/api/v1/outbox/${ids[0]}`);
    expect(response.statusCode).toBe(200);
    const message = response.json<OutboxMessage>();
    expect(message).toMatchObject({
      to: 'p0@test.example',
      event: 'joining-instructions',
      status: 'pending',
      attachments: [{ filename: 'S-0.ics', contentType: 'text/calendar', size: 2 }],
    });
    expect(message.body).toContain('S-0');
    expect(response.body).not.toContain('"content"');
    expectProblem(await call(t.app, admin, 'GET', '/api/v1/outbox/999999'), 404, 'not_found');
  });

  it('retries a failed message now, refuses a sent one', async () => {
    const before = Date.now();
    const retried = await call(t.app, admin, 'POST', `/api/v1/outbox/${ids[1]}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    const message = retried.json<OutboxMessage>();
    expect(message.status).toBe('pending');
    expect(Date.parse(message.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(message.nextAttemptAt)).toBeGreaterThanOrEqual(before - 1000);
    const { rows } = await t.db.pool.query(
      `select before, after from audit_log where action = 'outbox_message.retried'`,
    );
    expect(rows).toEqual([
      {
        before: { status: 'failed', attempts: 8, lastError: '451 busy' },
        after: { status: 'pending' },
      },
    ]);
    expectProblem(
      await call(t.app, admin, 'POST', `/api/v1/outbox/${ids[2]}/retry`),
      409,
      'already_sent',
    );
    expectProblem(
      await call(t.app, admin, 'POST', '/api/v1/outbox/999999/retry'),
      404,
      'not_found',
    );
  });

  it('validates: bad status, cursor, id', async () => {
    expectProblem(
      await call(t.app, admin, 'GET', '/api/v1/outbox?status=lost'),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(t.app, admin, 'GET', '/api/v1/outbox?cursor=zzz'),
      400,
      'validation_failed',
    );
    expectProblem(await call(t.app, admin, 'GET', '/api/v1/outbox/abc'), 400, 'validation_failed');
    expectProblem(
      await call(t.app, admin, 'POST', '/api/v1/outbox/-1/retry'),
      400,
      'validation_failed',
    );
  });

  it('is for administrators only', async () => {
    expectProblem(await call(t.app, null, 'GET', '/api/v1/outbox'), 401, 'unauthenticated');
    expectProblem(
      await call(t.app, null, 'GET', `/api/v1/outbox/${ids[0]}`),
      401,
      'unauthenticated',
    );
    expectProblem(
      await call(t.app, null, 'POST', `/api/v1/outbox/${ids[0]}/retry`),
      401,
      'unauthenticated',
    );
    const registrar = await signInAs(t, ['registrar']);
    const npoc = await signInAs(t, ['npoc'], 'QAT');
    for (const session of [registrar, npoc]) {
      expectProblem(await call(t.app, session, 'GET', '/api/v1/outbox'), 403, 'forbidden');
      expectProblem(
        await call(t.app, session, 'GET', `/api/v1/outbox/${ids[0]}`),
        403,
        'forbidden',
      );
      expectProblem(
        await call(t.app, session, 'POST', `/api/v1/outbox/${ids[0]}/retry`),
        403,
        'forbidden',
      );
    }
  });
});
