import type { FastifyBaseLogger } from 'fastify';
import { isRefreshDue } from '../../../domain/rollup-refresh.js';
import type { Database } from '../../db/client.js';
import { countSourceChanges, readRollupState, refreshReportRollups } from './rollups.js';

export interface ReportJobs {
  stop(): Promise<void>;
}

/**
 * Keeps the report roll-ups fresh: every tick (a minute) it refreshes them when their source
 * tables changed, pausing ten times as long as the last refresh took.
 */
export function startReportJobs(options: {
  db: Database;
  logger: Pick<FastifyBaseLogger, 'info' | 'error'>;
  intervalMs?: number;
}): ReportJobs {
  const { db, logger } = options;
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = (async () => {
      try {
        const [state, changes] = await Promise.all([readRollupState(db), countSourceChanges(db)]);
        if (!isRefreshDue(state, changes, new Date())) return;
        const refreshed = await refreshReportRollups(db);
        if (refreshed) logger.info({ tookMs: refreshed.tookMs }, 'report roll-ups refreshed');
      } catch (error) {
        logger.error(
          { err: error },
          'report roll-up refresh failed; it runs again at the next tick',
        );
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(run, options.intervalMs ?? 60 * 1000);
  timer.unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
