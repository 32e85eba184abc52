import fs from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

// Facts about other processes, read from Linux's /proc. Elsewhere (macOS) only "does it exist"
// is known, and every other fact is null, which the callers treat as "cannot tell".

/** True while a process with this id exists, a zombie (ended, not yet reaped) included. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the "postgres" user, when Rabita is root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while a process with this id exists and is not a zombie. */
export async function isRunning(pid: number): Promise<boolean> {
  if (!processExists(pid)) return false;
  const stat = await procStat(pid);
  return stat?.state !== 'Z';
}

/**
 * When the process started, in clock ticks since boot: with the boot id, it tells a process
 * from a later one that was given the same (recycled) id.
 */
export async function startTicks(pid: number): Promise<number | null> {
  return (await procStat(pid))?.startTicks ?? null;
}

/** The parent's process id, or null when unknown. */
export async function parentPid(pid: number): Promise<number | null> {
  return (await procStat(pid))?.ppid ?? null;
}

/** The arguments the process was started with, or null when unknown. */
export async function commandLine(pid: number): Promise<string[] | null> {
  const raw = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  if (!raw) return null;
  return raw.split('\0').filter((part) => part.length > 0);
}

/** This boot's random id; a process id and start time only mean something within one boot. */
export async function bootId(): Promise<string | null> {
  const id = await fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => null);
  return id?.trim() || null;
}

/** Polls until the process is gone; true if it went before the deadline. */
export async function waitForExit(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (await isRunning(pid)) {
    if (Date.now() >= deadline) return false;
    await delay(25);
  }
  return true;
}

/**
 * How many processes are attached to a System V shared memory segment; null when the segment
 * is gone or the table cannot be read. PostgreSQL refuses to start while processes of a
 * previous server still hold its segment, and so must we (two servers on one cluster corrupt it).
 */
export async function sharedMemoryAttachments(key: number, shmid: number): Promise<number | null> {
  const table = await fs.readFile('/proc/sysvipc/shm', 'utf8').catch(() => null);
  if (!table) return null;
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // key shmid perms size cpid lpid nattch ...; both, as ids are reused by later segments.
    if (Number(fields[0]) === key && Number(fields[1]) === shmid) return Number(fields[6]);
  }
  return null;
}

interface ProcStat {
  state: string;
  ppid: number;
  startTicks: number;
}

async function procStat(pid: number): Promise<ProcStat | null> {
  const raw = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!raw) return null;
  // The command name is in parentheses and may itself hold spaces and parentheses.
  const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  // Fields from the 3rd on: state, ppid, ..., starttime is the 22nd overall (index 19 here).
  return {
    state: fields[0] ?? '',
    ppid: Number(fields[1]),
    startTicks: Number(fields[19]),
  };
}
