import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  type Session,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import type { ActivitySummary } from '../../../contract/catalogue.js';
import { buildApp } from '../../app.js';
import { LISTENER_NAME } from '../../cache/listener.js';
import { connectDatabase, type DatabaseHandle } from '../../db/client.js';
import { systemContext } from '../context.js';
import { type RunningCatalogueCache, startCatalogueCache } from './cache.js';
import { activityInput, seedCatalogue } from './fixtures.js';
import { selectNextOpenSessionsChange } from './queries.js';
import { createActivity } from './service.js';

type Page = { items: ActivitySummary[]; nextCursor: string | null };

interface Server {
  app: FastifyInstance;
  handle: DatabaseHandle;
  catalogue: RunningCatalogueCache;
}

/** One app server with its own pool and its own cache, as in production. */
async function startServer(db: TestDatabase): Promise<Server> {
  const handle = connectDatabase(db.url, { max: 3 });
  const catalogue = startCatalogueCache(handle.db, db.url, { retryMs: 20 });
  await catalogue.listener.ready;
  const app = await buildApp({
    db: handle.db,
    pool: handle.pool,
    settings: { sessionHours: 12, signInAttemptsPerWindow: 1000, trustProxy: false, webRoot: null },
    catalogueCache: catalogue.cache,
  });
  await app.ready();
  return { app, handle, catalogue };
}

/** Waits, turn by turn of the event loop, for a condition that a notification makes true. */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('catalogue cache across two app servers on one database', () => {
  let db: TestDatabase;
  let a: Server;
  let b: Server;
  let registrarOnA: Session;
  let npocOnB: Session;
  const titles = async (session: Session, url = '/api/v1/activities') => {
    const response = await call(b.app, session, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Page).items.map((i) => i.title.en);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedPartners(db.db);
    // As createTestApp does: no second factor asked of the registrar this test signs in.
    await db.pool.query('UPDATE two_factor_policy SET required = false');
    await seedCatalogue(db.db);
    a = await startServer(db);
    b = await startServer(db);
    registrarOnA = await signInAs({ app: a.app, db } as TestApp, ['registrar']);
    const npoc = await makeUser(db.db, ['npoc'], 'KWT');
    npocOnB = await signIn(b.app, npoc.email, npoc.password);
    for (const code of ['CACHE-1', 'CACHE-2']) {
      const response = await call(
        a.app,
        registrarOnA,
        'POST',
        '/api/v1/activities',
        activityInput(code),
      );
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(async () => {
    for (const server of [a, b]) {
      await server?.app.close();
      await server?.catalogue.listener.stop();
      await server?.handle.close();
    }
    await db?.destroy();
  });

  it('serves repeated reads from the cache, one entry per nation and query', async () => {
    await until(() => b.catalogue.cache.enabled, 'the listener of B');
    b.catalogue.cache.clear();
    expect(await titles(npocOnB)).toEqual(['Course CACHE-1', 'Course CACHE-2']);
    expect(b.catalogue.cache.size).toBe(1);
    // A write behind the services' back is not announced: the cached page is what B serves.
    await db.pool.query(
      `update activities set title = '{"en":"Unannounced"}' where code = 'CACHE-1'`,
    );
    expect(await titles(npocOnB)).toEqual(['Course CACHE-1', 'Course CACHE-2']);
    await titles(npocOnB, '/api/v1/activities?q=course');
    expect(b.catalogue.cache.size).toBe(2);
    await db.pool.query(
      `update activities set title = '{"en":"Course CACHE-1"}' where code = 'CACHE-1'`,
    );
  });

  it('shows on B a write made through A as soon as B hears of it', async () => {
    await titles(npocOnB);
    const before = b.catalogue.cache.generation;
    const patched = await call(a.app, registrarOnA, 'PATCH', '/api/v1/activities/CACHE-2', {
      title: { en: 'Aardvark handling' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    await until(() => b.catalogue.cache.generation > before, 'the notification on B');
    expect(await titles(npocOnB)).toEqual(['Aardvark handling', 'Course CACHE-1']);
  });

  it('announces nothing for a write that fails', async () => {
    await titles(npocOnB);
    const before = b.catalogue.cache.generation;
    const refused = await call(a.app, registrarOnA, 'PATCH', '/api/v1/activities/CACHE-2', {
      disciplineCode: 'NOPE',
    });
    expect(refused.statusCode).toBe(400);
    // A write that commits after it is heard; the refused one must not have been.
    const patched = await call(a.app, registrarOnA, 'PATCH', '/api/v1/activities/CACHE-1', {
      title: { en: 'Course CACHE-1' },
    });
    expect(patched.statusCode).toBe(200);
    await until(() => b.catalogue.cache.generation > before, 'the notification on B');
    expect(b.catalogue.cache.generation).toBe(before + 1);
  });

  it('is bypassed while its listener is down, and back once it reconnects', async () => {
    await titles(npocOnB);
    const terminated = await db.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = $1 and datname = current_database()`,
      [LISTENER_NAME],
    );
    expect(terminated.rowCount).toBe(2);
    await until(() => !b.catalogue.cache.enabled, 'B to notice its listener is gone');
    expect(b.catalogue.cache.size).toBe(0);
    await db.pool.query(
      `update activities set title = '{"en":"Zebra crossing"}' where code = 'CACHE-1'`,
    );
    expect(await titles(npocOnB)).toEqual(['Aardvark handling', 'Zebra crossing']);
    expect(b.catalogue.cache.size).toBe(0);
    await until(() => b.catalogue.cache.enabled, 'B to listen again');
    await titles(npocOnB);
    expect(b.catalogue.cache.size).toBe(1);
    const before = b.catalogue.cache.generation;
    const patched = await call(a.app, registrarOnA, 'PATCH', '/api/v1/activities/CACHE-1', {
      title: { en: 'Course CACHE-1' },
    });
    expect(patched.statusCode).toBe(200);
    await until(() => b.catalogue.cache.generation > before, 'the notification on B');
    expect(await titles(npocOnB)).toEqual(['Aardvark handling', 'Course CACHE-1']);
  });

  it('sends a cached page compressed, as browsers ask, with its whole body', async () => {
    // Enough activities for a body above the compression threshold (1 KiB).
    await db.db.transaction(async (tx) => {
      for (let n = 1; n <= 6; n++) {
        await createActivity(
          systemContext(tx, 'test'),
          activityInput(`ZIP-${n}`, { status: 'active' }),
        );
      }
    });
    const plain = await call(b.app, npocOnB, 'GET', '/api/v1/activities?limit=50');
    // Over real HTTP: in-process injection does not go through the socket where it went wrong.
    const address = await b.app.listen({ port: 0, host: '127.0.0.1' });
    for (const encoding of ['gzip', 'br', 'gzip, deflate, br']) {
      const response = await fetch(`${address}/api/v1/activities?limit=50`, {
        headers: { cookie: npocOnB.cookie, 'accept-encoding': encoding },
      });
      expect(encoding).toContain(response.headers.get('content-encoding'));
      expect(await response.json()).toEqual(plain.json());
    }
  });
});

describe('when open-session counts next change by the clock', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedPartners(db.db);
    // As createTestApp does: no second factor asked of the registrar this test signs in.
    await db.pool.query('UPDATE two_factor_policy SET required = false');
    await seedCatalogue(db.db);
    await db.pool.query(`insert into venues (code, name, kind, time_zone, working_days, holidays)
      values ('KWC', '{"en":"Kuwait City"}', 'centre', 'Asia/Kuwait', '{0,1,2,3,4}', '[]')`);
  });
  afterAll(() => db?.destroy());

  const session = (code: string, status: string, window: string) =>
    db.pool.query(
      `insert into training_sessions (code, activity_id, start_date, end_date, venue_code,
         capacity, nomination_opens, nomination_closes, nomination_deadline, status)
       select $1, a.id, current_date + 60, current_date + 64, 'KWC', 20, ${window}, $2
       from activities a where a.code = 'CLOCK-1'`,
      [code, status],
    );
  const next = async () => (await selectNextOpenSessionsChange(db.db))?.toISOString() ?? null;
  const at = async (expression: string) =>
    ((await db.pool.query(`select ${expression} as t`)).rows[0].t as Date).toISOString();

  it('is the next window opening at midnight or deadline passing, whichever is first', async () => {
    await db.db.transaction((tx) =>
      createActivity(systemContext(tx, 'test'), activityInput('CLOCK-1')),
    );
    expect(await next()).toBeNull();
    await session(
      'PAST',
      'announced',
      `current_date - 20, current_date - 1, now() - interval '1 day'`,
    );
    await session('DRAFT', 'draft', `current_date - 1, current_date, now() + interval '1 minute'`);
    expect(await next()).toBeNull();
    await session(
      'LATER',
      'announced',
      `current_date + 3, current_date + 9, now() + interval '9 days'`,
    );
    expect(await next()).toBe(await at(`(current_date + 3)::timestamptz`));
    // Closes in two days: before the start of the day in three days, when LATER opens.
    await session(
      'SOON',
      'announced',
      `current_date - 1, current_date + 1, date_trunc('second', now()) + interval '2 days'`,
    );
    const deadline = await at(
      `(select nomination_deadline from training_sessions where code = 'SOON')`,
    );
    expect(await next()).toBe(new Date(Date.parse(deadline) + 1).toISOString());
  });
});
