import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { EmbeddedDatabaseError } from './errors.js';
import { readPostmasterLock } from './leftovers.js';

export interface PostmasterOptions {
  binary: string;
  clusterDir: string;
  port: number;
  /** Under root: the "postgres" user PostgreSQL runs as (it refuses to run as root). */
  runAs: { uid: number; gid: number } | null;
  /** More `-c name=value` settings (WAL archiving). */
  settings?: string[];
}

export interface PostmasterExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last thing PostgreSQL said, to tell why it ended. */
  lastWords: string;
}

/** A running PostgreSQL server, the child of this process. */
export interface Postmaster {
  pid: number;
  /** Settles once the server has exited, for whatever reason. */
  exited: Promise<PostmasterExit>;
  /** Fast shutdown, then immediate, then a kill, each with a deadline. */
  stop(): Promise<void>;
}

/** A recovering server replays its log before it is ready; a large log takes a while. */
const READY_WITHIN_MS = 120_000;
const STOP_STEPS: { signal: NodeJS.Signals; waitMs: number }[] = [
  { signal: 'SIGINT', waitMs: 10_000 },
  { signal: 'SIGQUIT', waitMs: 5_000 },
  { signal: 'SIGKILL', waitMs: 5_000 },
];

// Every server this process started and that still runs. Whatever ends this process (a stop's
// deadline, an uncaught error) ends them too, rather than leaving them to the next start.
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGQUIT');
});

/**
 * Starts PostgreSQL on the cluster and resolves once it accepts connections (its
 * `postmaster.pid` says "ready", as pg_ctl reads it, independent of the message language).
 * Rejects with PostgreSQL's own reason when it exits first.
 */
export async function spawnPostmaster(options: PostmasterOptions): Promise<Postmaster> {
  const child = spawn(
    options.binary,
    [
      '-D',
      options.clusterDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.settings ?? []).flatMap((setting) => ['-c', setting]),
    ],
    {
      ...(options.runAs ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  running.add(child);
  const recent: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.trim()) recent.push(line.trim());
    }
    recent.splice(0, Math.max(0, recent.length - 30));
  });
  const exited = new Promise<PostmasterExit>((resolve) => {
    child.on('error', (error) => {
      recent.push(error.message);
      // A spawn failure emits no exit event of its own.
      if (child.pid === undefined) resolve({ code: null, signal: null, lastWords: error.message });
    });
    child.on('exit', (code, signal) => resolve({ code, signal, lastWords: lastWords(recent) }));
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
    running.delete(child);
  });

  const lockFile = path.join(options.clusterDir, 'postmaster.pid');
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (gone) {
      const exit = await exited;
      throw new EmbeddedDatabaseError(
        `could not start the embedded PostgreSQL in ${options.clusterDir}: ${exit.lastWords || 'it exited early'}${rootHint(options, exit.lastWords)}`,
      );
    }
    const lock = await readPostmasterLock(lockFile);
    if (lock && lock.pid === child.pid && lock.status === 'ready') break;
    if (Date.now() >= deadline) {
      child.kill('SIGKILL');
      throw new EmbeddedDatabaseError(
        `the embedded PostgreSQL in ${options.clusterDir} was not ready within ${READY_WITHIN_MS / 1000} s: ${lastWords(recent)}`,
      );
    }
    await delay(20);
  }

  const pid = child.pid as number;
  return {
    pid,
    exited,
    stop: async () => {
      for (const step of STOP_STEPS) {
        if (gone) return;
        child.kill(step.signal);
        if (await settlesWithin(exited, step.waitMs)) return;
      }
    },
  };
}

/** True when the promise settles within the time; the timer never outlives the wait. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const cancel = new AbortController();
  const late = delay(ms, false, { signal: cancel.signal }).catch(() => false);
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    cancel.abort();
  }
}

function lastWords(lines: string[]): string {
  const serious = lines.filter((line) => /\b(FATAL|PANIC|ERROR):/.test(line));
  const line = serious.at(-1) ?? lines.at(-1) ?? '';
  // Drop PostgreSQL's own time stamp and process id prefix; the logger adds its own.
  return line.replace(/^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] /, '');
}

function rootHint(options: PostmasterOptions, reason: string): string {
  return options.runAs && /permission denied/i.test(reason)
    ? '. Running as root, the server runs as the "postgres" user, which must be able to reach this folder (set RABITA_DATA_DIR to a folder it can reach)'
    : '';
}
