import type { FastifyBaseLogger } from 'fastify';
import type { EmbeddedServer } from '../embedded.js';
import type { PostmasterExit } from './postmaster.js';

/** What the health routes ask of a supervised embedded database. */
export interface DatabaseSupervision {
  /** `up`: running; `restarting`: down, the supervisor is bringing it back. */
  state(): 'up' | 'restarting';
  /** True once it has been down longer than the supervisor allows: restart the process. */
  givenUp(): boolean;
}

export interface SupervisorOptions {
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Down longer than this, /healthz answers 503 (the restarts go on all the same). */
  giveUpMs: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export interface Supervisor extends DatabaseSupervision {
  stop(): void;
}

/**
 * Watches the embedded PostgreSQL and starts it again whenever it exits, on the same cluster
 * and port (so the pool's URL stays right and its new connections simply succeed), waiting
 * 0.5 s, 1 s, 2 s ... up to 30 s between tries. Each exit, failed try and return is one log line.
 */
export function superviseEmbedded(server: EmbeddedServer, options: SupervisorOptions): Supervisor {
  const firstDelayMs = options.firstDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const { logger } = options;
  let stopped = false;
  let downSince: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let announcedGiveUp = false;

  const watch = () => {
    const postmaster = server.postmaster();
    if (!postmaster) {
      onExit(null);
      return;
    }
    void postmaster.exited.then((exit) => {
      if (!stopped) onExit(exit, postmaster.pid);
    });
  };

  const onExit = (exit: PostmasterExit | null, pid?: number) => {
    downSince = Date.now();
    announcedGiveUp = false;
    logger.warn(
      {
        postmasterPid: pid,
        code: exit?.code,
        signal: exit?.signal,
        // After a signal, its last words are its sessions' farewells, not a cause.
        reason: (!exit?.signal && exit?.lastWords) || undefined,
      },
      `embedded PostgreSQL exited${exit?.signal ? ` (${exit.signal})` : exit ? ` (code ${exit.code})` : ''}; restarting in ${seconds(firstDelayMs)}`,
    );
    schedule(1, firstDelayMs);
  };

  const schedule = (attempt: number, delayMs: number) => {
    timer = setTimeout(() => void tryRestart(attempt, delayMs), delayMs);
  };

  const tryRestart = async (attempt: number, delayMs: number) => {
    timer = null;
    if (stopped) return;
    try {
      const postmaster = await server.restart();
      if (stopped) return;
      const downMs = Date.now() - (downSince ?? Date.now());
      downSince = null;
      logger.info(
        { postmasterPid: postmaster.pid, port: server.port, attempt, downMs },
        `embedded PostgreSQL is back on port ${server.port} after ${seconds(downMs)} (attempt ${attempt})`,
      );
      watch();
    } catch (error) {
      if (stopped) return;
      const next = Math.min(delayMs * 2, maxDelayMs);
      logger.warn(
        { attempt, err: error },
        `embedded PostgreSQL did not start (attempt ${attempt}): ${(error as Error).message}; next try in ${seconds(next)}`,
      );
      if (givenUp() && !announcedGiveUp) {
        announcedGiveUp = true;
        logger.error(
          { downMs: Date.now() - (downSince ?? Date.now()) },
          `embedded PostgreSQL down for more than ${seconds(options.giveUpMs)}; /healthz now answers 503 (restarts go on)`,
        );
      }
      schedule(attempt + 1, next);
    }
  };

  const givenUp = () => downSince !== null && Date.now() - downSince > options.giveUpMs;

  watch();
  return {
    state: () => (downSince === null ? 'up' : 'restarting'),
    givenUp,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
