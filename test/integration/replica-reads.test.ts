import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { asRole, provisionRoles } from '../../src/server/db/access.js';
import { connectDatabase, type DatabaseHandle } from '../../src/server/db/client.js';
import { migrateDatabase } from '../../src/server/db/migrate.js';
import {
  openReadReplica,
  REPLICA_APPLICATION_NAME,
  type ReadReplica,
} from '../../src/server/db/replica.js';
import { APP_ROLE, OWNER_ROLE } from '../../src/server/db/roles.js';
import {
  type RunningCatalogueCache,
  startCatalogueCache,
} from '../../src/server/features/catalogue/cache.js';
import { activityInput, seedCatalogue } from '../../src/server/features/catalogue/fixtures.js';
import { READ_AFTER_COOKIE, READ_AFTER_HEADER } from '../../src/server/http/replica-reads.js';
import { call, type Session, signIn } from '../support/app.js';
import { makeUser, seedPartners } from '../support/factories.js';
import { withDatabase } from '../support/global-setup.js';
import { type StreamingPair, startStreamingPair } from '../support/streaming-replica.js';

const PASSWORD = 'rabita-replica-test-app';
const TOKEN = 'metrics-token-for-replica-tests-0123';

/** Polls `probe` until it gives something `accept` takes, or fails at the deadline. */
async function until<T>(
  what: string,
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One sample of the Prometheus text, or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

interface Server {
  app: FastifyInstance;
  replica: ReadReplica;
  catalogue: RunningCatalogueCache | null;
}

describe('reads from a streaming replica', () => {
  let pair: StreamingPair;
  let primary: DatabaseHandle;
  let superuser: pg.Client;
  let standby: pg.Client;
  let appUrl: string;
  let replicaUrl: string;
  const servers: Server[] = [];
  let main: Server;
  let registrar: Session;
  let reader: Session;

  async function startServer(maxLagSeconds: number, withCache = false): Promise<Server> {
    const replica = openReadReplica(primary.pool, {
      url: replicaUrl,
      maxLagSeconds,
      checkEveryMs: 50,
    });
    const catalogue = withCache ? startCatalogueCache(primary.db, appUrl, { retryMs: 20 }) : null;
    await catalogue?.listener.ready;
    const app = await buildApp({
      db: primary.db,
      pool: primary.pool,
      settings: {
        sessionHours: 12,
        signInAttemptsPerWindow: 1000,
        trustProxy: false,
        webRoot: null,
        metricsToken: TOKEN,
      },
      replica,
      catalogueCache: catalogue?.cache ?? null,
    });
    await app.ready();
    const server = { app, replica, catalogue };
    servers.push(server);
    return server;
  }

  const metrics = async (server: Server) =>
    (await server.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } }))
      .body;
  const reads = async (server: Server) => {
    const text = await metrics(server);
    return {
      replica: sample(text, 'rabita_db_reads_total', '{target="replica"}') ?? 0,
      primary: sample(text, 'rabita_db_reads_total', '{target="primary"}') ?? 0,
    };
  };
  const disciplines = async (server: Server, session: Session, cookie = '') => {
    const response = await server.app.inject({
      url: '/api/v1/disciplines',
      headers: { cookie: [session.cookie, cookie].filter(Boolean).join('; ') },
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { code: string }[]).map((d) => d.code);
  };
  const addDisciplineBehindTheApp = (code: string) =>
    primary.pool.query(`insert into disciplines (code, name) values ($1, $2)`, [
      code,
      { en: `Discipline ${code}` },
    ]);
  const pauseReplay = () => standby.query('select pg_wal_replay_pause()');
  const resumeReplay = () => standby.query('select pg_wal_replay_resume()');
  const usable = (server: Server) =>
    until(
      'the replica to take reads',
      async () => server.replica.check(),
      (r) => r.available && r.lagSeconds !== null && r.lagSeconds <= server.replica.maxLagSeconds,
    );

  beforeAll(async () => {
    pair = await startStreamingPair();
    await provisionRoles(pair.primaryUrl, PASSWORD);
    superuser = new pg.Client({ connectionString: pair.primaryUrl });
    await superuser.connect();
    await superuser.query(`create database rabita owner ${OWNER_ROLE}`);
    const owner = new pg.Pool({
      connectionString: withDatabase(pair.primaryUrl, 'rabita'),
      max: 1,
    });
    await migrateDatabase(owner, { asRole: OWNER_ROLE, grantTo: APP_ROLE });
    await owner.end();
    appUrl = asRole(withDatabase(pair.primaryUrl, 'rabita'), APP_ROLE, PASSWORD);
    // A physical copy: the same roles and passwords as the primary.
    replicaUrl = asRole(withDatabase(pair.replicaUrl, 'rabita'), APP_ROLE, PASSWORD);
    primary = connectDatabase(appUrl, { max: 5, connectionTimeoutMillis: 30_000 });
    await primary.pool.query('update two_factor_policy set required = false');
    await seedPartners(primary.db);
    await seedCatalogue(primary.db);
    standby = new pg.Client({ connectionString: withDatabase(pair.replicaUrl, 'rabita') });
    await until(
      'the replica to have the migrated database',
      () =>
        standby.connect().then(
          () => true,
          () => false,
        ),
      (ok) => ok,
    );
    main = await startServer(60, true);
    const registrarUser = await makeUser(primary.db, ['registrar']);
    registrar = await signIn(main.app, registrarUser.email, registrarUser.password);
    const npoc = await makeUser(primary.db, ['npoc'], 'KWT');
    reader = await signIn(main.app, npoc.email, npoc.password);
    await usable(main);
  }, 60_000);

  afterAll(async () => {
    await standby?.query('select pg_wal_replay_resume()').catch(() => {});
    for (const server of servers) {
      await server.app.close();
      await server.catalogue?.listener.stop();
      await server.replica.close();
    }
    await standby?.end().catch(() => {});
    await primary?.close();
    await superuser?.end().catch(() => {});
    await pair?.destroy();
  });

  it('serves a listed read from the replica, through a pool of its own', async () => {
    await pauseReplay();
    try {
      await addDisciplineBehindTheApp('PAUSED');
      // The primary has it; the replica, its replay paused, does not: the reader's list is the replica's.
      expect(await disciplines(main, reader)).not.toContain('PAUSED');
      const { rows } = await standby.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where application_name = $1`,
        [REPLICA_APPLICATION_NAME],
      );
      expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
    } finally {
      await resumeReplay();
    }
    await until(
      'the resumed replica to show the row',
      () => disciplines(main, reader),
      (codes) => codes.includes('PAUSED'),
    );
  });

  it('counts the reads of every listed route by the server that served them', async () => {
    const routes = [
      '/api/v1/reports/trained',
      '/api/v1/reports/rates',
      '/api/v1/portal/administration',
      '/api/v1/portal/my-sessions',
      '/api/v1/portal/my-training',
      '/api/v1/activities/NONE-1',
      '/api/v1/disciplines',
    ];
    const admin = await makeUser(primary.db, ['administrator']);
    const session = await signIn(main.app, admin.email, admin.password);
    await usable(main);
    for (const url of routes) {
      const before = await reads(main);
      const response = await call(main.app, session, 'GET', url);
      expect(response.statusCode, `${url} ${response.body}`).toBeLessThan(500);
      expect(await reads(main), url).toEqual({ ...before, replica: before.replica + 1 });
    }
    // The public calendar feed, with no one signed in.
    const before = await reads(main);
    const feed = await main.app.inject({ url: '/api/v1/calendar/not-a-feed.ics' });
    expect(feed.statusCode).toBe(404);
    expect(await reads(main)).toEqual({ ...before, replica: before.replica + 1 });
  });

  it("reads a user's own change on the primary until the replica has it; others read the replica", async () => {
    await pauseReplay();
    let afterWrite: LightMyRequestResponse;
    try {
      afterWrite = await call(main.app, registrar, 'POST', '/api/v1/disciplines', {
        code: 'MINE',
        name: { en: 'Mine' },
      });
      expect(afterWrite.statusCode, afterWrite.body).toBe(201);
      const position = afterWrite.headers[READ_AFTER_HEADER];
      expect(position).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const cookie = afterWrite.cookies.find((c) => c.name === READ_AFTER_COOKIE);
      expect(cookie?.value).toBe(position);
      expect(cookie?.httpOnly).toBe(true);
      const own = `${READ_AFTER_COOKIE}=${cookie?.value}`;

      const before = await reads(main);
      expect(await disciplines(main, registrar, own)).toContain('MINE');
      expect(await disciplines(main, reader)).not.toContain('MINE');
      expect(await reads(main)).toEqual({
        replica: before.replica + 1,
        primary: before.primary + 1,
      });
      // Another app server reads the same cookie: no memory of the write is needed.
      const other = await startServer(60);
      await usable(other);
      expect(await disciplines(other, registrar, own)).toContain('MINE');
      // An API client without cookies sends the position back as a header.
      const viaHeader = await other.app.inject({
        url: '/api/v1/disciplines',
        headers: { cookie: registrar.cookie, [READ_AFTER_HEADER]: String(position) },
      });
      expect(viaHeader.json()).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'MINE' })]),
      );
      expect(await reads(other)).toEqual({ replica: 0, primary: 2 });
    } finally {
      await resumeReplay();
    }
    // Once the replica has replayed past the position, the writer reads it there again.
    const own = `${READ_AFTER_COOKIE}=${afterWrite.headers[READ_AFTER_HEADER]}`;
    await until(
      'the replica to replay past the write',
      () => main.replica.check(),
      () => main.replica.targetFor(String(afterWrite.headers[READ_AFTER_HEADER])) === 'replica',
    );
    const before = await reads(main);
    expect(await disciplines(main, registrar, own)).toContain('MINE');
    expect(await reads(main)).toEqual({ ...before, replica: before.replica + 1 });
  });

  it('fills the catalogue cache only from data as new as the last change heard', async () => {
    const cache = main.catalogue?.cache;
    if (!cache) throw new Error('no catalogue cache');
    await until(
      'the cache to hear changes',
      async () => cache.enabled,
      (on) => on,
    );
    await pauseReplay();
    try {
      const generation = cache.generation;
      const created = await call(
        main.app,
        registrar,
        'POST',
        '/api/v1/activities',
        activityInput('FRESH-1'),
      );
      expect(created.statusCode, created.body).toBe(201);
      await until(
        'the change to be heard',
        async () => cache.generation,
        (g) => g > generation,
      );
      // The reader carries no position of their own, yet the page kept for everyone is the
      // primary's: the paused replica has not the new course.
      const list = async () => {
        const response = await call(main.app, reader, 'GET', '/api/v1/activities');
        expect(response.statusCode, response.body).toBe(200);
        return (response.json() as { items: { code: string }[] }).items.map((i) => i.code);
      };
      expect(await list()).toContain('FRESH-1');
      expect(cache.size).toBe(1);
      expect(await list()).toContain('FRESH-1');
    } finally {
      await resumeReplay();
    }
  });

  it('sends reads to the primary while the replica is behind by more than the limit', async () => {
    const strict = await startServer(0.5);
    await usable(strict);
    await pauseReplay();
    try {
      await addDisciplineBehindTheApp('LAGGED');
      const text = await until(
        'the lag to pass the limit',
        () => metrics(strict),
        (t) => (sample(t, 'rabita_db_replica_lag_seconds') ?? 0) > 0.5,
      );
      expect(sample(text, 'rabita_db_replica_available')).toBe(0);
      expect(sample(text, 'rabita_db_replica_max_lag_seconds')).toBe(0.5);
      expect(await disciplines(strict, reader)).toContain('LAGGED');
      // A server allowing a minute of lag still reads the paused replica.
      expect(await disciplines(main, reader)).not.toContain('LAGGED');
    } finally {
      await resumeReplay();
    }
    const text = await until(
      'the replica to catch up',
      () => metrics(strict),
      (t) => sample(t, 'rabita_db_replica_available') === 1,
    );
    expect(sample(text, 'rabita_db_replica_lag_seconds')).toBeLessThanOrEqual(0.5);
  });

  it('hands out no position without a replica', async () => {
    const plain = await buildApp({
      db: primary.db,
      pool: primary.pool,
      settings: {
        sessionHours: 12,
        signInAttemptsPerWindow: 1000,
        trustProxy: false,
        webRoot: null,
      },
    });
    try {
      const user = await makeUser(primary.db, ['registrar']);
      const writer = await signIn(plain, user.email, user.password);
      const response = await call(plain, writer, 'POST', '/api/v1/disciplines', {
        code: 'PLAIN',
        name: { en: 'Plain' },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers[READ_AFTER_HEADER]).toBeUndefined();
      expect(response.cookies.map((c) => c.name)).not.toContain(READ_AFTER_COOKIE);
    } finally {
      await plain.close();
    }
  });

  it('sends reads to the primary while the replica is down, and back once it is up', async () => {
    await addDisciplineBehindTheApp('DOWN');
    await until(
      'the replica to have the row',
      () => disciplines(main, reader),
      (codes) => codes.includes('DOWN'),
    );
    await standby.end();
    await pair.stopReplica();
    try {
      // At once: whether a check or the failed read notices first, the primary answers.
      const before = await reads(main);
      expect(await disciplines(main, reader)).toContain('DOWN');
      const text = await metrics(main);
      expect(sample(text, 'rabita_db_replica_available')).toBe(0);
      expect(Number.isNaN(sample(text, 'rabita_db_replica_lag_seconds'))).toBe(true);
      expect(await reads(main)).toMatchObject({ primary: before.primary + 1 });
    } finally {
      await pair.startReplica();
      standby = new pg.Client({ connectionString: withDatabase(pair.replicaUrl, 'rabita') });
      await standby.connect();
    }
    await until(
      'the replica to be back',
      () => metrics(main),
      (t) => sample(t, 'rabita_db_replica_available') === 1,
    );
    const before = await reads(main);
    expect(await disciplines(main, reader)).toContain('DOWN');
    expect(await reads(main)).toEqual({ ...before, replica: before.replica + 1 });
  });
});
