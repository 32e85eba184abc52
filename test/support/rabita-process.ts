import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

// The real `rabita` command as a child process, for tests that kill it, its database, or both.

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/rabita.js');
const started = new Set<ChildProcess>();

export interface RabitaProcess {
  pid: number;
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function launch(args: string[], env: Record<string, string>, command = bin) {
  const child = spawn(process.execPath, [command, ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
  });
  started.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      started.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/**
 * `rabita serve`, resolved once it says where it runs; rejects with its output otherwise.
 * `command`: another copy's bin/rabita.js, e.g. an installed release's; `options`: serve's own,
 * e.g. `--workers 2`.
 */
export async function serveRabita(
  env: Record<string, string>,
  withinMs = 60_000,
  command = bin,
  options: string[] = [],
): Promise<RabitaProcess & { kill(signal: NodeJS.Signals): void }> {
  const run = launch(['serve', ...options], { PORT: '0', ...env }, command);
  let gone = false;
  void run.exited.then(() => {
    gone = true;
  });
  const url = await until(
    'the server to say it runs',
    async () => {
      if (gone) throw new Error(`rabita serve exited:\n${run.stdout()}\n${run.stderr()}`);
      return /Rabita is running at (\S+)/.exec(run.stdout())?.[1];
    },
    withinMs,
  ).catch((error: Error) => {
    run.child.kill('SIGKILL');
    throw new Error(`${error.message}\n${run.stdout()}\n${run.stderr()}`);
  });
  return {
    pid: run.child.pid as number,
    url,
    output: () => `${run.stdout()}${run.stderr()}`,
    exited: run.exited,
    kill: (signal) => run.child.kill(signal),
  };
}

/** `rabita worker`, resolved once it says it runs. */
export async function startRabitaWorker(
  env: Record<string, string>,
  withinMs = 60_000,
): Promise<RabitaProcess & { kill(signal: NodeJS.Signals): void }> {
  const run = launch(['worker'], env);
  await until(
    'the worker to say it runs',
    async () => {
      if (run.child.exitCode !== null)
        throw new Error(`rabita worker exited:\n${run.stdout()}\n${run.stderr()}`);
      return run.stdout().includes('Rabita worker is running');
    },
    withinMs,
  ).catch((error: Error) => {
    run.child.kill('SIGKILL');
    throw error;
  });
  return {
    pid: run.child.pid as number,
    url: '',
    output: () => `${run.stdout()}${run.stderr()}`,
    exited: run.exited,
    kill: (signal) => run.child.kill(signal),
  };
}

/** Any `rabita` command, to its end (killed past the bound, so it never outlives the test). */
export async function runRabita(
  args: string[],
  env: Record<string, string>,
  withinMs = 60_000,
  command = bin,
) {
  const run = launch(args, env, command);
  const guard = setTimeout(() => run.child.kill('SIGKILL'), withinMs);
  const { code } = await run.exited;
  clearTimeout(guard);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** Polls until the probe gives a value (not undefined/false/null), or fails at the deadline. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  withinMs: number,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
    await delay(50);
  }
}

/** The process id in the cluster's postmaster.pid, or null without one. */
export function postmasterPidOf(dataDir: string): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  const first = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n')[0] : undefined;
  return first ? Number(first) : null;
}

/** The port in the cluster's postmaster.pid. */
export function postmasterPortOf(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Kills what the tests started and still runs (by process id, nothing else). */
export function killStarted(): void {
  for (const child of started) child.kill('SIGKILL');
}
