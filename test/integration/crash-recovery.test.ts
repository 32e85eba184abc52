import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isAlive,
  killStarted,
  postmasterPidOf,
  postmasterPortOf,
  type RabitaProcess,
  runRabita,
  serveRabita,
  until,
} from '../support/rabita-process.js';

// The real server as a child process on one data folder (initdb once, in beforeAll), killed in
// every way an operator meets: Node alone, its PostgreSQL alone, both. Each test leaves a
// server running on the folder for the next, and they run in order.
describe('crash recovery of the embedded PostgreSQL', { timeout: 120_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-crash-'));
  // When the tests run as root, the embedded server runs as "postgres" and must reach it.
  fs.chmodSync(root, 0o755);
  const dataDir = path.join(root, 'data');
  const env = { RABITA_DATA_DIR: dataDir, RABITA_DEMO: '0', RABITA_DB_GIVE_UP_SECONDS: '2' };
  const email = 'chief@crash.example';
  const password = 'Tangerine kites over the depot 7';
  let server: RabitaProcess;
  let cookie: string;

  beforeAll(async () => {
    const added = await runRabita(
      // A role the shipped policy asks no second factor of: this test is about the database.
      ['user', 'add', '--email', email, '--name', 'Chief', '--role', 'course_director'],
      { ...env, RABITA_PASSWORD: password },
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
  }, 120_000);

  afterAll(() => {
    killStarted();
    const left = postmasterPidOf(dataDir);
    if (left && isAlive(left)) process.kill(left, 'SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${url}`, { headers, signal: AbortSignal.timeout(5_000) }).catch(() => null);
  const ready = () =>
    until('/readyz to answer 200', async () => (await get('/readyz'))?.status === 200, 60_000);
  const killNine = async (pid: number) => {
    process.kill(pid, 'SIGKILL');
    await until(`process ${pid} to die`, async () => !isAlive(pid), 10_000);
  };

  it('takes its database back after kill -9 of Node', async () => {
    const first = await serveRabita(env);
    const orphan = postmasterPidOf(dataDir) as number;
    await killNine(first.pid);
    // The issue: the database outlives Node and used to block every later start.
    expect(isAlive(orphan)).toBe(true);

    server = await serveRabita(env);
    await ready();
    expect(isAlive(orphan)).toBe(false);
    expect(postmasterPidOf(dataDir)).not.toBe(orphan);
    expect(server.output()).toContain(
      `stopped the embedded PostgreSQL (process ${orphan}) that a previous Rabita left running`,
    );
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^rabita_session=/);
  });

  it('refuses a second start on the folder in one line naming the running one', async () => {
    const second = await runRabita(['serve'], { ...env, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^rabita: the data folder ${dataDir} is in use by another Rabita \\(process ${server.pid},`,
      ),
    );
    expect((await get('/readyz'))?.status).toBe(200);
  });

  it('brings its PostgreSQL back by itself after kill -9 of the postmaster', async () => {
    const before = postmasterPidOf(dataDir) as number;
    await killNine(before);
    await until(
      'a new postmaster',
      async () => postmasterPidOf(dataDir) !== before && isAlive(postmasterPidOf(dataDir) ?? 0),
      60_000,
    );
    await ready();
    const me = await get('/api/v1/auth/me', { cookie });
    expect(me?.status).toBe(200);
    expect(JSON.stringify(await me?.json())).toContain(email);
    expect(server.output()).toMatch(/embedded PostgreSQL exited \(SIGKILL\); restarting in 0\.5 s/);
    expect(server.output()).toMatch(/embedded PostgreSQL is back on port \d+ after/);
  });

  it('comes back at the next start after kill -9 of Node and its PostgreSQL together', async () => {
    const postmaster = postmasterPidOf(dataDir) as number;
    await Promise.all([killNine(server.pid), killNine(postmaster)]);
    server = await serveRabita(env);
    await ready();
    expect((await get('/api/v1/auth/me', { cookie }))?.status).toBe(200);
  });

  it('is not blocked by a postmaster.pid naming a live process that is not its PostgreSQL', async () => {
    await Promise.all([killNine(server.pid), killNine(postmasterPidOf(dataDir) as number)]);
    // A recycled process id: here, the test runner's own.
    const lockFile = path.join(dataDir, 'pg', 'postmaster.pid');
    const lines = fs.readFileSync(lockFile, 'utf8').split('\n');
    fs.writeFileSync(lockFile, [String(process.pid), ...lines.slice(1)].join('\n'));
    server = await serveRabita(env);
    await ready();
    expect(server.output()).toContain(
      `removed a stale postmaster.pid naming process ${process.pid}`,
    );
  });

  it('answers /healthz 503 once its PostgreSQL stays down past the limit, 200 when back', async () => {
    const blocker = await occupyPostmasterPort(dataDir);
    try {
      // The pool may notice the loss first ("unreachable"), then the supervisor ("restarting").
      const readyz = await until(
        '/readyz to say it restarts',
        async () => {
          const response = await get('/readyz');
          const body = response?.status === 503 ? await response.json() : undefined;
          return body?.database === 'restarting' ? body : undefined;
        },
        10_000,
      );
      expect(readyz).toEqual({ status: 'unavailable', database: 'restarting' });
      // RABITA_DB_GIVE_UP_SECONDS=2 for this test; the default is a minute.
      await until(
        '/healthz to answer 503',
        async () => (await get('/healthz'))?.status === 503,
        30_000,
      );
      expect(await (await get('/healthz'))?.json()).toEqual({
        status: 'unavailable',
        database: 'down',
      });
      expect(server.output()).toMatch(/embedded PostgreSQL did not start \(attempt \d+\)/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    await ready();
    expect((await get('/healthz'))?.status).toBe(200);
  });

  it('stops within the deadline on SIGTERM, its PostgreSQL included', async () => {
    const postmaster = postmasterPidOf(dataDir) as number;
    expect(isAlive(postmaster)).toBe(true);
    // A client that never finishes its request would hold a plain close for a minute.
    const { port } = new URL(server.url);
    const slow = net.connect(Number(port), '127.0.0.1');
    slow.on('error', () => {});
    await new Promise((resolve) => slow.once('connect', resolve));
    slow.write('GET /healthz HTTP/1.1\r\nHost: rabita\r\n');
    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');
    const exit = await server.exited;
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(exit.code).toBe(0);
    expect(isAlive(postmaster)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'rabita.pid'))).toBe(false);
  });
});

/**
 * Kills the postmaster and takes its port before the supervisor's restart can (it waits 0.5 s),
 * so every restart fails until the port is given back. Should the restart win the race, the
 * new postmaster is killed in turn.
 */
async function occupyPostmasterPort(dataDir: string): Promise<net.Server> {
  for (let round = 0; round < 5; round++) {
    const port = postmasterPortOf(dataDir);
    const pid = postmasterPidOf(dataDir);
    if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 2_000;
    while (Date.now() < deadline) {
      // Like a port another program took: connections are cut at once, never left hanging.
      const blocker = net.createServer((socket) => socket.destroy());
      const bound = await new Promise<boolean>((resolve) => {
        blocker.once('error', () => resolve(false));
        blocker.listen(port, '127.0.0.1', () => resolve(true));
      });
      if (bound) return blocker;
      await delay(5);
    }
  }
  throw new Error('could not take the port of the embedded PostgreSQL');
}
