import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/contract/roles.js';
import type { ThrottlePolicy } from '../../src/domain/sign-in-throttle.js';
import { buildApp } from '../../src/server/app.js';
import { connectDatabase, type DatabaseHandle } from '../../src/server/db/client.js';
import type { SignInThrottle } from '../../src/server/features/auth/sign-in-throttle.js';
import {
  type DocumentStore,
  filesystemDocumentStore,
} from '../../src/server/features/documents/store.js';
import { SESSION_COOKIE } from '../../src/server/http/authenticate.js';
import type { RateLimitRedis } from '../../src/server/http/rate-limit-redis.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { makeUser } from './factories.js';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  close(): Promise<void>;
}

/** Failed sign-ins never slow down a test that is not about them. */
const NO_THROTTLE: ThrottlePolicy = {
  freeFailures: 100_000,
  firstDelayMs: 1_000,
  maxDelayMs: 1_000,
  forgetOneEveryMs: 1_000,
};

export interface TestAppOptions {
  signInAttemptsPerWindow?: number;
  /** The real policies are in src/domain/sign-in-throttle.ts; none by default. */
  signInThrottle?: SignInThrottle;
  /** As behind one proxy: the last X-Forwarded-For address is the client's. */
  trustProxy?: boolean;
  /** The app's default (30) when absent. */
  sessionIdleMinutes?: number;
  logger?: FastifyServerOptions['logger'];
  /** Serves /metrics behind this bearer token; no /metrics when absent, as in production. */
  metricsToken?: string;
  /**
   * Keep the shipped two-factor policy (administrators and registrars must enrol). Off by
   * default, so tests that sign in as an administrator are not about second factors.
   */
  shippedTwoFactorPolicy?: boolean;
  /** Rate-limit counters in this Redis; in PostgreSQL when absent, as without RABITA_REDIS_URL. */
  rateLimitRedis?: RateLimitRedis;
  /** Documents' files go here; a new temporary folder when absent. */
  documentsDir?: string;
  /** Documents kept in this store instead of a folder (an S3-compatible bucket). */
  documentStore?: DocumentStore;
  /** The documents' upload limit in bytes; the app's default (25 MB) when absent. */
  documentMaxBytes?: number;
}

/** The real app on a fresh database; no web app, no logger unless given, limits off unless asked for. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  if (!options.shippedTwoFactorPolicy) {
    await db.pool.query('UPDATE two_factor_policy SET required = false');
  }
  const app = await buildTestApp(db, options);
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

async function buildTestApp(
  handle: DatabaseHandle,
  options: TestAppOptions,
): Promise<FastifyInstance> {
  const documentsDir =
    options.documentsDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-documents-'));
  const app = await buildApp({
    db: handle.db,
    pool: handle.pool,
    settings: {
      sessionHours: 12,
      ...(options.sessionIdleMinutes ? { sessionIdleMinutes: options.sessionIdleMinutes } : {}),
      signInAttemptsPerWindow: options.signInAttemptsPerWindow ?? 1000,
      signInThrottle: options.signInThrottle ?? { account: NO_THROTTLE, address: NO_THROTTLE },
      trustProxy: options.trustProxy ?? false,
      webRoot: null,
      metricsToken: options.metricsToken ?? null,
      ...(options.documentMaxBytes ? { documentMaxBytes: options.documentMaxBytes } : {}),
    },
    documentStore: options.documentStore ?? filesystemDocumentStore(documentsDir),
    logger: options.logger,
    rateLimitRedis: options.rateLimitRedis ?? null,
  });
  // A folder made for this app goes with it.
  if (!options.documentsDir)
    app.addHook('onClose', async () => fs.rmSync(documentsDir, { recursive: true, force: true }));
  await app.ready();
  return app;
}

/**
 * Another app server on a test app's database, with its own connection pool, as a second
 * machine behind the same load balancer would be.
 */
export async function startAnotherServer(
  t: TestApp,
  options: TestAppOptions = {},
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const handle = connectDatabase(t.db.url, { max: 3, connectionTimeoutMillis: 60_000 });
  const app = await buildTestApp(handle, options);
  return {
    app,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** A signed-in browser: its cookie and CSRF token, sent with every request it makes. */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const me = response.json() as { csrfToken: string; user: { id: string } };
  return {
    cookie: `${SESSION_COOKIE}=${cookie.value}`,
    csrfToken: me.csrfToken,
    userId: me.user.id,
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A request as the given session (or anonymous when null), with the CSRF header on writes. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  }
  return app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** A new user with these roles, signed in: the usual first line of a route test. */
export async function signInAs(
  t: TestApp,
  roles: Role[],
  nationCode: string | null = null,
): Promise<Session> {
  const user = await makeUser(t.db.db, roles, nationCode);
  return signIn(t.app, user.email, user.password);
}
