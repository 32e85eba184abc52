import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../server/config.js';
import { type Supervisor, superviseEmbedded } from '../server/db/embedded/supervisor.js';
import { isDemoWanted, loadDemoCentre } from '../server/demo/load.js';
import { refreshReportRollups } from '../server/features/reports/rollups.js';
import { openAuditSigningKey, openDatabase, startServer } from '../server/main.js';
import { printDemoBanner, STOP_WITHIN_MS, serveUntilSignal } from './serve.js';
import { existingWebBuild } from './web-build.js';
import { jsonLogger } from './worker.js';

// `rabita serve --workers N`: a primary process that owns the database (the embedded PostgreSQL
// is started once, here, as are migrations and the demo) and forks N worker processes that
// share the port (node:cluster). Each worker is a whole server on the primary's database,
// running the job queue too: the queue gives each job to one worker and schedules the recurring
// ones once (see docs/decisions.md).

const print = (line: string) => process.stdout.write(`${line}\n`);

/** The most worker processes `--workers` accepts. */
export const MAX_WORKERS = 32;
/** A worker that lived this long before it died is restarted at once; else with backoff. */
const HEALTHY_AFTER_MS = 30_000;
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
/** Workers still running this long after SIGTERM are killed, leaving the database its time. */
const WORKERS_STOP_WITHIN_MS = STOP_WITHIN_MS - 4_000;

type WorkerMessage = { type: 'listening'; url: string };

/** Reads `--workers`: a whole number from 1 to MAX_WORKERS. */
export function parseWorkers(value: string): number | null {
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= MAX_WORKERS ? n : null;
}

/** The primary: database, migrations, demo, then N workers kept running until SIGTERM. */
export async function runClusterPrimary(config: Config, workers: number): Promise<number> {
  const logger = jsonLogger();
  const database = await openDatabase(config);
  let supervisor: Supervisor | undefined;
  let demoAccounts: Awaited<ReturnType<typeof loadDemoCentre>> | null = null;
  try {
    await database.migrate();
    if (await isDemoWanted(database.handle.db, config, database.embedded !== null)) {
      demoAccounts = await loadDemoCentre(database.handle.db);
      await refreshReportRollups(database.handle.db);
    }
    // Made here once, so that the workers only read it.
    openAuditSigningKey(config);
    for (const note of database.embedded?.recovered ?? []) logger.warn({}, note);
    if (database.embedded)
      supervisor = superviseEmbedded(database.embedded, {
        logger: logger as never,
        giveUpMs: config.databaseGiveUpMs,
      });
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  // The primary's own pool is not needed any more; the embedded server goes on.
  await database.handle.close().catch(() => {});

  // Every worker reaches the database the primary opened, as the app role; nothing to migrate.
  const env = { DATABASE_URL: database.url, RABITA_DEMO: '0' };
  const slots: Array<{ worker: Worker | null; failures: number; startedAt: number }> = [];
  let stopping = false;
  let announced = false;
  const listening = new Set<number>();
  const started = new Promise<string>((resolve, reject) => {
    const fork = (slot: number) => {
      const worker = cluster.fork(env);
      const state = slots[slot] ?? { worker: null, failures: 0, startedAt: 0 };
      state.worker = worker;
      state.startedAt = Date.now();
      slots[slot] = state;
      worker.on('message', (message: WorkerMessage) => {
        if (message?.type !== 'listening') return;
        print(`Worker ${slot + 1} (pid ${worker.process.pid}) is serving.`);
        listening.add(slot);
        if (listening.size === workers) resolve(message.url);
      });
      worker.on('exit', (code, signal) => {
        state.worker = null;
        listening.delete(slot);
        if (stopping) return;
        if (!announced) {
          reject(new Error(`worker ${slot + 1} stopped while starting (${signal ?? code})`));
          return;
        }
        // Quick deaths in a row wait longer each time; a worker that ran a while starts afresh.
        state.failures = Date.now() - state.startedAt > HEALTHY_AFTER_MS ? 0 : state.failures + 1;
        const delay = Math.min(
          MAX_RESTART_DELAY_MS,
          state.failures === 0 ? 0 : FIRST_RESTART_DELAY_MS * 2 ** (state.failures - 1),
        );
        logger.warn(
          { worker: slot + 1, pid: worker.process.pid, code, signal, restartInMs: delay },
          'worker process ended; starting another',
        );
        setTimeout(() => {
          if (!stopping) fork(slot);
        }, delay);
      });
    };
    for (let slot = 0; slot < workers; slot++) fork(slot);
  });

  const stopAll = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    print(`Received ${signal}; stopping ${workers} workers...`);
    const timer = setTimeout(() => {
      process.stderr.write(`rabita: not stopped within ${STOP_WITHIN_MS / 1000} s; exiting now\n`);
      process.exit(1);
    }, STOP_WITHIN_MS);
    const running = slots.flatMap((s) => (s.worker ? [s.worker] : []));
    const exits = running.map(
      (worker) =>
        new Promise<void>((resolve) =>
          worker.isDead() ? resolve() : worker.once('exit', () => resolve()),
        ),
    );
    for (const worker of running) worker.process.kill('SIGTERM');
    const cut = setTimeout(() => {
      for (const worker of running) if (!worker.isDead()) worker.process.kill('SIGKILL');
    }, WORKERS_STOP_WITHIN_MS);
    await Promise.all(exits);
    clearTimeout(cut);
    supervisor?.stop();
    await database.embedded?.stop().catch(() => {});
    clearTimeout(timer);
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stopAll(signal));
  }

  try {
    const url = await started;
    announced = true;
    print(`Rabita is running at ${url} (${workers} worker processes)`);
    if (demoAccounts) printDemoBanner(demoAccounts);
    return -1;
  } catch (error) {
    process.stderr.write(`rabita: ${(error as Error).message}\n`);
    await stopAll('a failed start', 1);
    return 1;
  }
}

/** A worker: the whole server on the primary's database, announcing itself to the primary. */
export async function runClusterWorker(config: Config): Promise<number> {
  const server = await serveUntilSignal(startServer(config, existingWebBuild()), {
    // The primary gone (killed), nobody would stop this worker: it stops itself.
    stopOn: (stop) => process.on('disconnect', () => stop('the primary’s exit')),
  });
  process.send?.({ type: 'listening', url: server.url } satisfies WorkerMessage);
  return -1;
}
