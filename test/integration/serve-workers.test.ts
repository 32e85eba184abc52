import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isAlive,
  killStarted,
  postmasterPidOf,
  serveRabita,
  until,
} from '../support/rabita-process.js';

/** One request on a connection of its own, so the primary hands each to the next worker. */
function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 5_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

/** The workers the primary announced, by slot: the last pid announced for each. */
function workersOf(output: string): Map<number, number> {
  const workers = new Map<number, number>();
  for (const match of output.matchAll(/Worker (\d+) \(pid (\d+)\) is serving\./g))
    workers.set(Number(match[1]), Number(match[2]));
  return workers;
}

/** The processes that logged a finished request (pino's `pid`) for this path. */
function pidsThatAnswered(output: string, urlPath: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{') || !line.includes(urlPath)) continue;
    try {
      const entry = JSON.parse(line) as { pid?: number; msg?: string; req?: { url?: string } };
      if (entry.msg === 'incoming request' && entry.req?.url === urlPath && entry.pid)
        pids.add(entry.pid);
    } catch {
      // A line of another shape.
    }
  }
  return pids;
}

// The real `rabita serve --workers 2` on an embedded database: one primary, two servers.
describe('rabita serve --workers 2', { timeout: 180_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-workers-'));
  fs.chmodSync(root, 0o755);
  const dataDir = path.join(root, 'data');
  const env = { RABITA_DATA_DIR: dataDir, RABITA_DEMO: '0', LOG_LEVEL: 'info' };

  afterAll(() => {
    killStarted();
    const left = postmasterPidOf(dataDir);
    if (left && isAlive(left)) process.kill(left, 'SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers through two workers, survives one killed, and stops them all on SIGTERM', async () => {
    const server = await serveRabita(env, 120_000, undefined, ['--workers', '2']);
    const first = workersOf(server.output());
    expect([...first.keys()].sort()).toEqual([1, 2]);
    const workerPids = [...first.values()];
    expect(workerPids).not.toContain(server.pid);

    // One embedded PostgreSQL, started by the primary: the data folder is the primary's.
    const postmaster = postmasterPidOf(dataDir);
    expect(postmaster).toBeTruthy();
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, 'rabita.pid'), 'utf8')) as {
      pid: number;
    };
    expect(owner.pid).toBe(server.pid);

    // Both workers answer: connections are handed out in turn.
    const probe = '/api/v1/auth/me';
    for (let i = 0; i < 20; i++) expect(await status(`${server.url}${probe}`)).toBe(401);
    await until(
      'both workers to have logged a request',
      async () => pidsThatAnswered(server.output(), probe).size === 2 || undefined,
      10_000,
    );
    expect([...pidsThatAnswered(server.output(), probe)].sort()).toEqual([...workerPids].sort());

    // kill -9 of one worker: the other goes on serving while the primary starts another.
    const victim = first.get(1) as number;
    process.kill(victim, 'SIGKILL');
    await until(
      'the primary to see the worker die',
      async () => server.output().includes('worker process ended') || undefined,
      10_000,
    );
    for (let i = 0; i < 10; i++) expect(await status(`${server.url}/healthz`)).toBe(200);
    const replacement = await until(
      'a new worker in the dead one’s place',
      async () => {
        const pid = workersOf(server.output()).get(1);
        return pid && pid !== victim ? pid : undefined;
      },
      60_000,
    );
    expect(isAlive(replacement)).toBe(true);
    expect(isAlive(first.get(2) as number)).toBe(true);
    for (let i = 0; i < 10; i++) expect(await status(`${server.url}/healthz`)).toBe(200);

    // SIGTERM to the primary: every worker and the database stop, within the bounded stop.
    server.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    for (const pid of [replacement, first.get(2) as number, postmaster as number])
      await until(`process ${pid} to be gone`, async () => !isAlive(pid), 5_000);
  });
});
