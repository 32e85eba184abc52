import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { EmbeddedDatabaseError } from './errors.js';
import {
  commandLine,
  isRunning,
  parentPid,
  processExists,
  sharedMemoryAttachments,
  waitForExit,
} from './processes.js';

/** What PostgreSQL's `postmaster.pid` says about the server that last ran on a cluster. */
export interface PostmasterLock {
  pid: number;
  /** The System V segment its processes attach to, the interlock PostgreSQL itself checks. */
  shm: { key: number; id: number } | null;
  /** "starting", "ready", "stopping"... as pg_ctl reads it. */
  status: string;
}

/** How long each step of stopping a leftover server may take before the next, harder one. */
const STOP_STEPS: { signal: NodeJS.Signals; waitMs: number }[] = [
  // Fast shutdown: ends sessions, writes a checkpoint; a large one can take a while.
  { signal: 'SIGINT', waitMs: 15_000 },
  // Immediate shutdown: no checkpoint, the next start replays the log (safe, slower start).
  { signal: 'SIGQUIT', waitMs: 5_000 },
  { signal: 'SIGKILL', waitMs: 5_000 },
];
const SHARED_MEMORY_WAIT_MS = 15_000;

/**
 * Makes a cluster startable after a server that did not stop cleanly. A PostgreSQL still
 * running on the cluster whose parent is gone (Rabita was killed) is stopped; one whose parent
 * is a live Node process is refused, naming it. A lock naming a dead process, or a process
 * that is not a PostgreSQL of this cluster (a recycled id), does not block the start. Returns
 * what was done, to be logged, or null when nothing was left over.
 */
export async function clearLeftovers(clusterDir: string): Promise<string | null> {
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  const lock = await readPostmasterLock(lockFile);
  if (!lock) return null;
  let note: string | null = null;
  let removeLock = false;
  if (await isPostmasterOf(lock.pid, clusterDir)) {
    const parent = await parentPid(lock.pid);
    if (parent !== null && (await isNodeProcess(parent))) {
      throw new EmbeddedDatabaseError(
        `the embedded PostgreSQL in ${clusterDir} (process ${lock.pid}) belongs to Rabita process ${parent}, which is still running; stop it first, or set RABITA_DATA_DIR to another folder`,
      );
    }
    await stopLeftover(lock.pid, clusterDir);
    note = `stopped the embedded PostgreSQL (process ${lock.pid}) that a previous Rabita left running`;
  } else if (processExists(lock.pid)) {
    // The id names another process now (recycled), or a dead server not yet reaped. PostgreSQL
    // would take it for a live server (as the "postgres" user it cannot even signal a root
    // process): the stale lock must go, once the shared memory check below has passed.
    removeLock = true;
    note = `removed a stale postmaster.pid naming process ${lock.pid}, which is not a running PostgreSQL of this cluster`;
  }
  if (lock.shm) await waitForSharedMemory(lock.shm, clusterDir);
  if (removeLock) await fs.rm(lockFile, { force: true });
  return note;
}

/** Reads `postmaster.pid`; null when there is none or it is torn. */
export async function readPostmasterLock(file: string): Promise<PostmasterLock | null> {
  const raw = await fs.readFile(file, 'utf8').catch(() => null);
  if (!raw) return null;
  // Lines: pid, data dir, start time, port, socket dir, listen address, "shm key  shm id", status.
  const lines = raw.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const [key, id] = (lines[6] ?? '').trim().split(/\s+/).map(Number);
  const shm = key !== undefined && id !== undefined && Number.isInteger(id) ? { key, id } : null;
  return { pid, shm, status: lines[7]?.trim() ?? '' };
}

/** True when the process is a postmaster started on this cluster (by path, symlinks resolved). */
async function isPostmasterOf(pid: number, clusterDir: string): Promise<boolean> {
  if (!(await isRunning(pid))) return false;
  const args = await commandLine(pid);
  if (!args || path.basename(args[0] ?? '') !== 'postgres') return false;
  const dataArg = args[args.indexOf('-D') + 1];
  if (args.indexOf('-D') < 0 || !dataArg) return false;
  const [theirs, ours] = await Promise.all([realPath(dataArg), realPath(clusterDir)]);
  return theirs === ours;
}

async function isNodeProcess(pid: number): Promise<boolean> {
  if (pid <= 1 || !(await isRunning(pid))) return false;
  const args = await commandLine(pid);
  return /(^|\/)node(js)?[\d.]*$/.test(args?.[0] ?? '');
}

async function stopLeftover(pid: number, clusterDir: string): Promise<void> {
  for (const step of STOP_STEPS) {
    try {
      process.kill(pid, step.signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new EmbeddedDatabaseError(
        `the embedded PostgreSQL in ${clusterDir} (process ${pid}) was left running by a previous Rabita and cannot be stopped by this user (${(error as Error).message}); stop it, then start again`,
      );
    }
    if (await waitForExit(pid, step.waitMs)) return;
  }
  throw new EmbeddedDatabaseError(
    `the embedded PostgreSQL in ${clusterDir} (process ${pid}) was left running by a previous Rabita and did not stop; stop it, then start again`,
  );
}

async function waitForSharedMemory(
  shm: { key: number; id: number },
  clusterDir: string,
): Promise<void> {
  const deadline = Date.now() + SHARED_MEMORY_WAIT_MS;
  for (;;) {
    const attached = await sharedMemoryAttachments(shm.key, shm.id);
    if (!attached) return;
    if (Date.now() >= deadline) {
      throw new EmbeddedDatabaseError(
        `${attached} processes of a previous PostgreSQL still use the shared memory of ${clusterDir} (segment ${shm.id}); stop them, then start again`,
      );
    }
    await delay(25);
  }
}

async function realPath(file: string): Promise<string> {
  return fs.realpath(file).catch(() => path.resolve(file));
}
