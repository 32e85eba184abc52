import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { isDatabaseUnavailable } from '../http/errors.js';

// A failover cuts the connections of the old primary, also those in the middle of a transaction.
// The process must live on and the request be answered 503, not crash on the client's 'error'
// event nor answer 500.
describe('a connection cut in the middle of a transaction', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('leaves the process running and fails the next statement as the database being away', async () => {
    const client = await db.pool.connect();
    let failure: unknown;
    try {
      // Checked out, the client still has a listener: without one its 'error' event would end
      // the process.
      expect(client.listenerCount('error')).toBeGreaterThan(0);
      await client.query('begin');
      const { rows } = await client.query('select pg_backend_pid() as pid');
      // Between two statements the client hears of the cut as an 'error' event, no query to fail.
      const heard = new Promise((resolve) => client.once('error', resolve));
      const admin = new pg.Client({ connectionString: db.adminUrl });
      await admin.connect();
      try {
        await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
      } finally {
        await admin.end();
      }
      await heard;
      failure = await client.query('select 1').then(
        () => undefined,
        (error: unknown) => error,
      );
    } finally {
      client.release(true);
    }
    expect(failure).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    // The pool goes on with new connections.
    const { rows } = await db.pool.query('select 1 as one');
    expect(rows[0].one).toBe(1);
  });

  it.each([
    ['admin shutdown', { code: '57P01' }],
    ['crash of another backend', { code: '57P02' }],
    ['starting up', { code: '57P03' }],
    ['a node that became a replica', { code: '25006' }],
    ['too many connections', { code: '53300' }],
    ['connection failure', { code: '08006' }],
    ['refused', { code: 'ECONNREFUSED' }],
    ['broken pipe', { code: 'EPIPE' }],
    ['cut', { message: 'Connection terminated unexpectedly' }],
    [
      'a broken client',
      { message: 'Client has encountered a connection error and is not queryable' },
    ],
    ['wrapped by Drizzle', { message: 'Failed query: select 1', cause: { code: '57P01' } }],
  ])('counts %s as the database being away', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a serialization failure', { code: '40001' }],
    ['a plain error', new Error('boom')],
  ])('does not count %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
