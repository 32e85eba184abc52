import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import type { ReadReplica } from '../db/replica.js';
import { countFailedOutboxMessages } from '../features/messages/queries.js';
import { readQueueDepth } from '../jobs/queue-depth.js';

/** A scrape must answer quickly, even when the database hangs or the pool is full. */
const READ_TIMEOUT_MS = 1_000;

/** One app's metrics: its requests, its pool, and the queue and outbox it shares with others. */
export interface AppMetrics {
  registry: Registry;
  /** Records a finished request under its route's pattern, never its raw URL. */
  observeRequest(request: FastifyRequest, reply: FastifyReply): void;
  /** Reads the queue and the outbox for the scrape that asks; false when the database did not answer. */
  refresh(): Promise<boolean>;
}

interface DatabaseReading {
  runnableJobs: number;
  oldestJobAgeSeconds: number;
  failedMessages: number;
}

/**
 * Built per app: a test run (or a process) may hold several apps, each with its own pool, and
 * prom-client refuses two metrics of one name in a registry.
 */
export function createAppMetrics(
  db: Database,
  pool: pg.Pool,
  replica: ReadReplica | null = null,
): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (replica) replicaMetrics(replica, registers);

  const requests = new Histogram({
    name: 'rabita_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });

  poolGauge(
    'rabita_db_pool_clients',
    'Open connections of the database pool.',
    () => pool.totalCount,
  );
  poolGauge('rabita_db_pool_idle_clients', 'Open connections not in use.', () => pool.idleCount);
  poolGauge(
    'rabita_db_pool_waiting_requests',
    'Queries waiting for a connection because all are in use.',
    () => pool.waitingCount,
  );
  poolGauge(
    'rabita_db_pool_max_clients',
    'Connections the pool may open at most.',
    () => pool.options.max ?? 10,
  );
  function poolGauge(name: string, help: string, read: () => number) {
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  }

  const databaseUp = new Gauge({
    name: 'rabita_metrics_database_up',
    help: '1 when the queue and outbox figures of this scrape were read, 0 when the read failed.',
    registers,
  });
  const runnableJobs = new Gauge({
    name: 'rabita_job_queue_runnable_jobs',
    help: 'Jobs due now, not running and with attempts left.',
    registers,
  });
  const oldestJobAge = new Gauge({
    name: 'rabita_job_queue_oldest_runnable_age_seconds',
    help: 'Seconds the longest-waiting runnable job has been due; 0 when none is.',
    registers,
  });
  const failedMessages = new Gauge({
    name: 'rabita_outbox_failed_messages',
    help: 'E-mails kept as failed after their last delivery attempt.',
    registers,
  });

  return {
    registry,
    observeRequest(request, reply) {
      requests.observe(
        {
          method: request.method,
          // Unmatched paths share one label, so a scan of random URLs adds no series.
          route: request.routeOptions.url ?? 'unmatched',
          status_class: `${Math.floor(reply.statusCode / 100)}xx`,
        },
        reply.elapsedTime / 1000,
      );
    },
    async refresh() {
      // The replica's figures as of this scrape (or of the last check, if this one is slow).
      if (replica) await settleWithin(replica.check(), READ_TIMEOUT_MS);
      const reading = await readWithin(db, READ_TIMEOUT_MS);
      databaseUp.set(reading ? 1 : 0);
      // NaN, not a stale or zero figure, when the database did not say.
      runnableJobs.set(reading?.runnableJobs ?? Number.NaN);
      oldestJobAge.set(reading?.oldestJobAgeSeconds ?? Number.NaN);
      failedMessages.set(reading?.failedMessages ?? Number.NaN);
      return reading !== null;
    },
  };
}

/** Whether the replica takes reads, how far behind it is, and which server served the reads. */
function replicaMetrics(replica: ReadReplica, registers: Registry[]) {
  new Gauge({
    name: 'rabita_db_replica_available',
    help: '1 when the read replica answered its last check as a standby within the lag limit, else 0 (its reads go to the primary).',
    registers,
    collect() {
      const { available, lagSeconds } = replica.reading;
      this.set(available && lagSeconds !== null && lagSeconds <= replica.maxLagSeconds ? 1 : 0);
    },
  });
  new Gauge({
    name: 'rabita_db_replica_lag_seconds',
    help: 'Seconds the read replica was behind the primary at its last check; NaN when unknown.',
    registers,
    collect() {
      this.set(replica.reading.lagSeconds ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'rabita_db_replica_max_lag_seconds',
    help: 'The lag past which reads go to the primary (RABITA_REPLICA_MAX_LAG_SECONDS).',
    registers,
    collect() {
      this.set(replica.maxLagSeconds);
    },
  });
  new Counter({
    name: 'rabita_db_reads_total',
    help: 'Reads that may use the replica, by the server that served them (replica or primary).',
    labelNames: ['target'] as const,
    registers,
    collect() {
      this.reset();
      for (const target of ['replica', 'primary'] as const)
        this.inc({ target }, replica.served[target]);
    },
  });
}

/** Both figures in one short transaction; a read still running after `ms` is ignored. */
async function readWithin(db: Database, ms: number): Promise<DatabaseReading | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  const read = db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.trunc(ms)}`));
      const depth = await readQueueDepth(tx);
      return {
        runnableJobs: depth.runnable,
        oldestJobAgeSeconds: depth.oldestAgeSeconds,
        failedMessages: await countFailedOutboxMessages(tx),
      };
    })
    .catch(() => null);
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([promise.catch(() => {}), late]);
  } finally {
    clearTimeout(timer);
  }
}
