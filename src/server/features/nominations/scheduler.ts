import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import { forgetOldIdempotencyKeys, releaseDueQuotas } from './quota-release.js';

export interface NominationJobs {
  stop(): Promise<void>;
}

/**
 * Runs the nomination housekeeping on a timer: unused quota goes back to the pool on its
 * release day, and stored idempotent answers older than a day are forgotten. Each run is
 * safe on several servers at once (the release re-checks each session under a row lock).
 */
export function startNominationJobs(options: {
  db: Database;
  logger: Pick<FastifyBaseLogger, 'info' | 'error'>;
  intervalMs?: number;
}): NominationJobs {
  const { db, logger } = options;
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = (async () => {
      try {
        for (const release of await releaseDueQuotas(db)) {
          logger.info(release, 'unused quota released to the pool');
        }
        await forgetOldIdempotencyKeys(db);
      } catch (error) {
        logger.error({ err: error }, 'nomination jobs failed; they run again at the next tick');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(run, options.intervalMs ?? 10 * 60 * 1000);
  timer.unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
