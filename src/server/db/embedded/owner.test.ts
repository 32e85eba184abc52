import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPostmasterLock } from './leftovers.js';
import { claimDataDir } from './owner.js';
import { bootId, startTicks } from './processes.js';

describe('the data folder owner record', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-owner-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  let n = 0;
  const folderOwnedBy = async (record: object | null) => {
    const dir = path.join(root, String(n++));
    fs.mkdirSync(dir);
    if (record) fs.writeFileSync(path.join(dir, 'rabita.pid'), JSON.stringify(record));
    return dir;
  };
  // A live process other than this one: the test runner that started this worker.
  const live = async () => ({
    pid: process.ppid,
    startTicks: await startTicks(process.ppid),
    bootId: await bootId(),
    startedAt: '2026-12-01T08:00:00.000Z',
  });

  it('claims a free folder and gives it back', async () => {
    const dir = await folderOwnedBy(null);
    const claim = await claimDataDir(dir);
    expect(claim.previousOwner).toBeNull();
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'rabita.pid'), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await claim.release();
    expect(fs.existsSync(path.join(dir, 'rabita.pid'))).toBe(false);
  });

  it('refuses a folder a live process holds, naming it', async () => {
    const dir = await folderOwnedBy(await live());
    await expect(claimDataDir(dir)).rejects.toThrow(
      `the data folder ${dir} is in use by another Rabita (process ${process.ppid}, started 2026-12-01T08:00:00.000Z)`,
    );
  });

  it('takes over from an owner whose process has ended', async () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    const dir = await folderOwnedBy({ ...(await live()), pid: ended });
    const claim = await claimDataDir(dir);
    expect(claim.previousOwner).toBe(ended);
    await claim.release();
  });

  it('takes over when the id now belongs to a later process or another boot', async () => {
    const owner = await live();
    for (const record of [
      { ...owner, startTicks: (owner.startTicks ?? 0) + 1 },
      { ...owner, bootId: 'another-boot' },
    ]) {
      const claim = await claimDataDir(await folderOwnedBy(record));
      expect(claim.previousOwner).toBe(process.ppid);
      await claim.release();
    }
  });

  it('reads the process id, shared memory and status from postmaster.pid', async () => {
    const file = path.join(await folderOwnedBy(null), 'postmaster.pid');
    fs.writeFileSync(
      file,
      '9073\n/srv/data/pg\n1796290489\n45061\n\n127.0.0.1\n  2149811        29\nready   \n',
    );
    expect(await readPostmasterLock(file)).toEqual({
      pid: 9073,
      shm: { key: 2149811, id: 29 },
      status: 'ready',
    });
    fs.writeFileSync(file, '');
    expect(await readPostmasterLock(file)).toBeNull();
  });
});
