import fs from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedDatabaseError } from './errors.js';
import { bootId, isRunning, startTicks } from './processes.js';

/** Who holds a data folder: written at start, removed at a clean stop. */
interface OwnerRecord {
  pid: number;
  /** With the boot id, tells this process from a later one given the same id. */
  startTicks: number | null;
  bootId: string | null;
  startedAt: string;
}

export interface DataDirClaim {
  /** The owner before us, when it ended without releasing the folder (killed, crashed). */
  previousOwner: number | null;
  release(): Promise<void>;
}

const OWNER_FILE = 'rabita.pid';

/**
 * Claims a data folder for this process. Refuses, naming the process, when another live Rabita
 * holds it; takes it over when the recorded owner is gone (its process ended, or the id now
 * belongs to another process or another boot).
 */
export async function claimDataDir(dataDir: string): Promise<DataDirClaim> {
  const file = path.join(dataDir, OWNER_FILE);
  const previous = await readOwner(file);
  if (previous && previous.pid !== process.pid && (await isAlive(previous))) {
    throw new EmbeddedDatabaseError(
      `the data folder ${dataDir} is in use by another Rabita (process ${previous.pid}, started ${previous.startedAt}); stop it first, or set RABITA_DATA_DIR to another folder`,
    );
  }
  const mine: OwnerRecord = {
    pid: process.pid,
    startTicks: await startTicks(process.pid),
    bootId: await bootId(),
    startedAt: new Date().toISOString(),
  };
  // Written aside and renamed, so a reader never sees half a record.
  const temporary = `${file}.${process.pid}`;
  await fs.writeFile(temporary, `${JSON.stringify(mine)}\n`, { mode: 0o644 });
  await fs.rename(temporary, file);
  return {
    previousOwner: previous && previous.pid !== process.pid ? previous.pid : null,
    release: async () => {
      const current = await readOwner(file);
      if (current?.pid === process.pid) await fs.rm(file, { force: true });
    },
  };
}

async function readOwner(file: string): Promise<OwnerRecord | null> {
  const raw = await fs.readFile(file, 'utf8').catch(() => null);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<OwnerRecord>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      startTicks: parsed.startTicks ?? null,
      bootId: parsed.bootId ?? null,
      startedAt: parsed.startedAt ?? 'at an unknown time',
    };
  } catch {
    // A torn or foreign file names no live owner.
    return null;
  }
}

async function isAlive(owner: OwnerRecord): Promise<boolean> {
  if (!(await isRunning(owner.pid))) return false;
  const [boot, ticks] = [await bootId(), await startTicks(owner.pid)];
  if (owner.bootId && boot && owner.bootId !== boot) return false;
  if (owner.startTicks !== null && ticks !== null && owner.startTicks !== ticks) return false;
  return true;
}
