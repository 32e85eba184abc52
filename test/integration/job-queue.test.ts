import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/server/jobs/enqueue.js';
import { runDueJobs } from '../../src/server/jobs/run-due.js';
import { call, createTestApp, type Session, signInAs, type TestApp } from '../support/app.js';

describe('the job queue', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAs(t, ['administrator']);
  });
  beforeEach(async () => {
    await t.db.pool.query('delete from graphile_worker._private_jobs');
  });
  afterAll(() => t.close());

  async function jobs() {
    const { rows } = await t.db.pool.query<{ task: string; key: string | null; attempts: number }>(
      'select task_identifier as task, key, attempts from graphile_worker.jobs order by id',
    );
    return rows;
  }

  /** A job that used all its attempts, as the queue leaves one after its last failure. */
  async function failedJob(): Promise<number> {
    await t.db.db.transaction((tx) =>
      enqueueJob(tx, 'mail.send', { outboxId: 424242 }, { maxAttempts: 3 }),
    );
    const { rows } = await t.db.pool.query<{ id: string }>(
      `update graphile_worker._private_jobs
          set attempts = 3, last_error = 'Error: connect ECONNREFUSED 127.0.0.1:25'
        returning id::text`,
    );
    return Number(rows[0]?.id);
  }

  it('enqueues nothing when the change rolls back, and the job when it commits', async () => {
    await expect(
      t.db.db.transaction(async (tx) => {
        await enqueueJob(tx, 'surveys.send-due', {});
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobs()).toEqual([]);
    await t.db.db.transaction((tx) => enqueueJob(tx, 'surveys.send-due', {}));
    expect(await jobs()).toEqual([{ task: 'surveys.send-due', key: null, attempts: 0 }]);
  });

  it('keeps one waiting job per key, however often it is enqueued', async () => {
    for (let i = 0; i < 3; i++)
      await t.db.db.transaction((tx) =>
        enqueueJob(tx, 'surveys.send-due', {}, { jobKey: 'surveys.send-due' }),
      );
    expect(await jobs()).toHaveLength(1);
    await runDueJobs({ db: t.db.db, url: t.db.url, only: ['surveys.send-due'] });
    expect(await jobs()).toEqual([]);
  });

  it('shows failed jobs to an administrator, who can run one again', async () => {
    const id = await failedJob();
    const list = await call(t.app, admin, 'GET', '/api/v1/jobs/failed');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [
        {
          id,
          task: 'mail.send',
          payload: { outboxId: 424242 },
          attempts: 3,
          maxAttempts: 3,
          lastError: 'Error: connect ECONNREFUSED 127.0.0.1:25',
        },
      ],
    });
    const retried = await call(t.app, admin, 'POST', `/api/v1/jobs/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id, attempts: 0, lastError: null });
    expect(await jobs()).toEqual([{ task: 'mail.send', key: null, attempts: 0 }]);
    // No longer failed: a second retry finds nothing to retry.
    const again = await call(t.app, admin, 'POST', `/api/v1/jobs/${id}/retry`);
    expect(again.statusCode).toBe(404);
    const audit = await t.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'job.retried' and entity_id = ${String(id)}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('counts failed jobs on Centre today, and keeps the list and retry to administrators', async () => {
    const id = await failedJob();
    const registrar = await signInAs(t, ['registrar']);
    const today = await call(t.app, registrar, 'GET', '/api/v1/portal/centre');
    expect(today.statusCode).toBe(200);
    expect(today.json().failedJobs).toBe(1);
    expect((await call(t.app, registrar, 'GET', '/api/v1/jobs/failed')).statusCode).toBe(403);
    expect((await call(t.app, registrar, 'POST', `/api/v1/jobs/${id}/retry`)).statusCode).toBe(403);
    expect((await call(t.app, admin, 'POST', '/api/v1/jobs/0/retry')).statusCode).toBe(400);
  });
});
