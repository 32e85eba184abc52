import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signInAs,
  type TestApp,
} from '../../../test/support/app.js';
import { seedPartners } from '../../../test/support/factories.js';
import { expectProblem } from '../../../test/support/problem.js';
import { handleError } from './errors.js';

/** A cursor as a client could forge it: any JSON, base64url-encoded like the real ones. */
const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

const auditRows = async (t: TestApp) =>
  Number((await t.db.pool.query('select count(*) from audit_log')).rows[0].count);

describe('plain bad input', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    admin = await signInAs(t, ['administrator']);
  });
  afterAll(() => t.close());

  it('refuses a NUL in a body, a query and a path with the field named (400)', async () => {
    const before = await auditRows(t);
    const body = await call(t.app, admin, 'POST', '/api/v1/frameworks', {
      code: 'NUL',
      name: { en: 'Null\u0000Byte' },
    });
    expect(expectProblem(body, 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'name.en', code: 'unstorable_character' }),
    ]);
    const query = await call(t.app, admin, 'GET', '/api/v1/participants?q=Al%00Sabah');
    expect(expectProblem(query, 400, 'validation_failed').errors?.[0]?.field).toBe('q');
    const path = await call(t.app, admin, 'GET', '/api/v1/activities/CT%00X/surveys');
    expect(expectProblem(path, 400, 'validation_failed').errors?.[0]?.field).toBe('code');
    const feed = await call(t.app, null, 'GET', '/api/v1/calendar/a%00b.ics');
    expect(expectProblem(feed, 400, 'validation_failed').errors?.[0]?.field).toBe('file');
    expect(await auditRows(t)).toBe(before);
  });

  it('refuses an unpaired surrogate in a name kept as JSON, and keeps a real emoji', async () => {
    const lone = await call(t.app, admin, 'POST', '/api/v1/frameworks', {
      code: 'LONE',
      name: { en: 'Half \ud800 a pair' },
    });
    expect(expectProblem(lone, 400, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'name.en',
      code: 'unstorable_character',
    });
    const pair = await call(t.app, admin, 'POST', '/api/v1/frameworks', {
      code: 'PAIR',
      name: { en: 'Whole \ud83d\ude00 pair' },
    });
    expect(pair.statusCode, pair.body).toBe(201);
  });

  it.each([
    ['/api/v1/users', [['a', 'b']]],
    [
      '/api/v1/participants',
      [
        ['Al-Sabah', 'not-a-uuid'],
        ['x\u0000', crypto.randomUUID()],
      ],
    ],
    [
      '/api/v1/sessions',
      [
        ['not a date', crypto.randomUUID()],
        [1, 2],
      ],
    ],
    ['/api/v1/nominations', [['2027-13-45', crypto.randomUUID()]]],
    ['/api/v1/audit', [['12345678901234567890123'], ['-1']]],
    ['/api/v1/outbox', [['abc'], [1e300]]],
    ['/api/v1/notifications', [['NaN'], [{ id: 1 }]]],
    ['/api/v1/activities', [['Course', 'x'], 'not an array']],
    ['/api/v1/activities?q=cyber', [['rank', 'high', crypto.randomUUID()]]],
  ])('refuses a forged cursor on %s (400 invalid_cursor)', async (list, keys) => {
    for (const key of keys) {
      const separator = list.includes('?') ? '&' : '?';
      const response = await call(t.app, admin, 'GET', `${list}${separator}cursor=${forged(key)}`);
      expect(expectProblem(response, 400, 'validation_failed').errors?.[0]?.code).toBe(
        'invalid_cursor',
      );
    }
  });

  it('answers a path it cannot decode or a parameter past its length in problem+json', async () => {
    const undecodable = await call(t.app, admin, 'GET', '/api/v1/users/%ff%fe');
    expectProblem(undecodable, 400, 'invalid_url');
    const long = await call(t.app, admin, 'GET', `/api/v1/nations/${'K'.repeat(500)}`);
    expectProblem(long, 414, 'invalid_url');
  });
});

describe('a value PostgreSQL refuses despite the contract', () => {
  let t: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp();
    // The real database, reached past any contract, as a hole in one would reach it.
    app = Fastify();
    app.setErrorHandler(handleError);
    app.post<{ Body: { sql: string; value: string } }>('/raw', async (request) => {
      await t.db.pool.query(request.body.sql, [request.body.value]);
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it.each([
    ['a NUL in text', 'select $1::text', 'a\u0000b'],
    ['text that is not a number', 'select $1::int', 'twelve'],
    ['a number out of range', 'select $1::int', '99999999999'],
    ['a date out of range', 'select $1::date', '0000-01-01'],
    ['a malformed date', 'select $1::date', '2027-02-30'],
    ['an unpaired surrogate in JSON', 'select $1::jsonb', '{"a":"\\ud800"}'],
  ])('answers %s as a 400, not a 500', async (_what, sql, value) => {
    const response = await app.inject({ method: 'POST', url: '/raw', payload: { sql, value } });
    expectProblem(response, 400, 'invalid_value');
  });
});
