import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabaseAccess } from './db/access.js';
import { connectDatabase, type DatabaseHandle } from './db/client.js';
import { type Supervisor, superviseEmbedded } from './db/embedded/supervisor.js';
import { type EmbeddedServer, startEmbeddedPostgres } from './db/embedded.js';
import { openReadReplica, type ReadReplica } from './db/replica.js';
import { type DemoAccount, isDemoWanted, loadDemoCentre } from './demo/load.js';
import {
  type AuditSigningKey,
  loadSigningKey,
  SigningKeyError,
} from './features/audit/chain/signing-key.js';
import { type RunningCatalogueCache, startCatalogueCache } from './features/catalogue/cache.js';
import { s3DocumentStore } from './features/documents/s3-store.js';
import { filesystemDocumentStore } from './features/documents/store.js';
import { configurePublicUrl } from './features/messages/links.js';
import { refreshReportRollups } from './features/reports/rollups.js';
import { connectRateLimitRedis, type RateLimitRedis } from './http/rate-limit-redis.js';
import { type JobWorker, startJobWorker } from './jobs/worker.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  demoAccounts: DemoAccount[] | null;
  stop(): Promise<void>;
}

export interface DatabaseConnection {
  handle: DatabaseHandle;
  url: string;
  embedded: EmbeddedServer | null;
  /** Migrations as the schema's owner, then the app role's grants. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** The configured database: the given URL, or the embedded server in the data folder. */
export async function openDatabase(config: Config): Promise<DatabaseConnection> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? embedded?.url;
  if (!url) throw new Error('no database URL');
  const access = await openDatabaseAccess({
    url,
    migrationUrl: config.migrationDatabaseUrl,
    embeddedDataDir: embedded ? config.dataDir : null,
  }).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  const handle = connectDatabase(access.appUrl);
  try {
    await handle.pool.query('select 1');
  } catch (error) {
    await handle.close();
    await embedded?.stop();
    throw new StartupError(
      `cannot reach the database at ${redactUrl(url)}: ${(error as Error).message}`,
    );
  }
  return {
    handle,
    url: access.appUrl,
    embedded,
    migrate: () => access.migrate(handle.pool),
    close: async () => {
      // A client stuck in a request must not hold the stop; the server's own shutdown ends it.
      await settleWithin(handle.close(), 3_000);
      await embedded?.stop();
    },
  };
}

/** Config -> database -> migrations -> demo on an empty embedded database -> listen. */
export async function startServer(config: Config, webRoot: string | null): Promise<RunningServer> {
  configurePublicUrl(config.publicUrl ?? `http://${config.host}:${config.port}`);
  const database = await openDatabase(config);
  let app: FastifyInstance | undefined;
  let catalogue: RunningCatalogueCache | undefined;
  let jobs: JobWorker | undefined;
  let supervisor: Supervisor | undefined;
  let redis: RateLimitRedis | undefined;
  let replica: ReadReplica | undefined;
  try {
    await database.migrate();
    const demoAccounts = (await isDemoWanted(
      database.handle.db,
      config,
      database.embedded !== null,
    ))
      ? await loadDemoCentre(database.handle.db)
      : null;
    // The demo's dashboards have figures from the first page on.
    if (demoAccounts) await refreshReportRollups(database.handle.db);
    catalogue = startCatalogueCache(database.handle.db, database.url, {
      onDown: (error) =>
        app?.log.warn({ err: error }, 'catalogue cache off until the change listener reconnects'),
    });
    await catalogue.listener.ready;
    if (config.redisUrl) redis = await connectRedis(config.redisUrl);
    // Not waited for: a replica down at start-up only sends its reads to the primary.
    if (config.replicaUrl)
      replica = openReadReplica(database.handle.pool, {
        url: config.replicaUrl,
        maxLagSeconds: config.replicaMaxLagSeconds,
      });
    app = await buildApp({
      db: database.handle.db,
      pool: database.handle.pool,
      settings: {
        sessionHours: config.sessionHours,
        sessionIdleMinutes: config.sessionIdleMinutes,
        oidcClockToleranceSeconds: config.oidcClockToleranceSeconds,
        signInAttemptsPerWindow: 10,
        trustProxy: config.trustProxy,
        webRoot,
        metricsToken: config.metricsToken ?? null,
        documentMaxBytes: config.documentMaxBytes,
      },
      documentStore: config.documentsS3
        ? s3DocumentStore(config.documentsS3)
        : filesystemDocumentStore(config.documentsDir),
      catalogueCache: catalogue.cache,
      rateLimitRedis: redis ?? null,
      replica: replica ?? null,
      // Read through the supervisor started below, once the app's logger exists.
      databaseSupervision: database.embedded
        ? {
            state: () => supervisor?.state() ?? 'up',
            givenUp: () => supervisor?.givenUp() ?? false,
          }
        : null,
      logger: {
        level: config.logLevel,
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      },
    });
    const log = app.log;
    for (const note of database.embedded?.recovered ?? []) log.warn(note);
    if (database.embedded)
      supervisor = superviseEmbedded(database.embedded, {
        logger: log,
        giveUpMs: config.databaseGiveUpMs,
      });
    if (config.jobsInProcess)
      jobs = await startJobWorker({
        // Read (or made) once the data folder is known to be there and writable.
        auditKey: openAuditSigningKey(config),
        db: database.handle.db,
        url: database.url,
        logger: app.log,
        smtpUrl: config.smtpUrl,
        mailFrom: config.mailFrom,
        concurrency: config.jobConcurrency,
      });
    await listen(app, config);
    const running = app;
    const url = `http://${config.host}:${addressPort(running)}`;
    if (!config.publicUrl) configurePublicUrl(url);
    const listener = catalogue.listener;
    const worker = jobs;
    const watchdog = supervisor;
    const counters = redis;
    const reads = replica;
    return {
      app: running,
      url,
      demoAccounts,
      stop: async () => {
        watchdog?.stop();
        await settleWithin(worker?.stop() ?? Promise.resolve(), 5_000);
        await closeHttp(running, 5_000);
        await settleWithin(listener.stop(), 2_000);
        counters?.disconnect();
        await settleWithin(reads?.close() ?? Promise.resolve(), 3_000);
        await database.close();
      },
    };
  } catch (error) {
    supervisor?.stop();
    await jobs?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await catalogue?.listener.stop();
    redis?.disconnect();
    await replica?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

async function connectRedis(url: string): Promise<RateLimitRedis> {
  try {
    return await connectRateLimitRedis(url);
  } catch (error) {
    throw new StartupError(
      `cannot reach the Redis at ${redactUrl(url)} (RABITA_REDIS_URL): ${(error as Error).message}`,
    );
  }
}

async function listen(app: FastifyInstance, config: Config) {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new StartupError(
        `port ${config.port} on ${config.host} is already in use; set PORT to another port`,
      );
    if (code === 'EACCES')
      throw new StartupError(
        `no permission to listen on port ${config.port}; choose a port above 1023`,
      );
    throw error;
  }
}

/**
 * Stops accepting connections and lets requests in flight finish for a while, then cuts the
 * connections that remain (a slow report, a client that never reads), so a stop is bounded.
 */
async function closeHttp(app: FastifyInstance, graceMs: number): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

function addressPort(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** A problem the operator can fix; printed as one line, without a stack. */
export class StartupError extends Error {}

/** The audit chain's signing key, made at the first start; an unreadable one stops the start. */
export function openAuditSigningKey(config: Config): AuditSigningKey {
  try {
    return loadSigningKey(config.auditKeyFile, { create: true });
  } catch (error) {
    if (error instanceof SigningKeyError) throw new StartupError(error.message);
    throw new StartupError(
      `the audit signing key ${config.auditKeyFile} cannot be read or created: ${(error as Error).message}`,
    );
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}
