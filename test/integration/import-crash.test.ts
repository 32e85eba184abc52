import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Import } from '../../src/contract/imports.js';
import { DEMO_PASSWORD } from '../../src/server/demo/password.js';
import {
  isAlive,
  killStarted,
  postmasterPidOf,
  postmasterPortOf,
  serveRabita,
  until,
} from '../support/rabita-process.js';

// The real server, killed with SIGKILL while it writes an import: the import's one transaction
// never commits, so its people are all there or none are, never some.
describe('an import interrupted by a killed server', { timeout: 240_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-import-crash-'));
  fs.chmodSync(root, 0o755);
  const dataDir = path.join(root, 'data');
  const env = { RABITA_DATA_DIR: dataDir, RABITA_DB_GIVE_UP_SECONDS: '2' };
  const ROWS = 20_000;

  afterAll(() => {
    killStarted();
    const left = postmasterPidOf(dataDir);
    if (left && isAlive(left)) process.kill(left, 'SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function countImported(): Promise<number> {
    const password = fs.readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
    const db = new pg.Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${postmasterPortOf(dataDir)}/postgres`,
    });
    await db.connect();
    try {
      const r = await db.query(
        `select count(*)::int as n from participants where email like '%@crash-import.example'`,
      );
      return r.rows[0].n as number;
    } finally {
      await db.end();
    }
  }

  it('leaves none of its people written', async () => {
    const server = await serveRabita(env, 120_000);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'npoc.kwt@rabita.example', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const api = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/v1${url}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Import };
    };
    const lines = ['Family name (Latin),Given names (Latin),Rank,E-mail'];
    for (let i = 0; i < ROWS; i += 1) {
      lines.push(
        `Crash,Person ${String.fromCharCode(65 + (i % 26))},OF-2,p${i}@crash-import.example`,
      );
    }
    const content = Buffer.from(lines.join('\r\n')).toString('base64');
    const up = await api('POST', '/imports', { kind: 'people', fileName: 'big.csv', content });
    expect(up.status).toBe(201);
    const id = up.body.id;
    expect((await api('POST', `/imports/${id}/check`, { mapping: up.body.mapping })).status).toBe(
      202,
    );
    await until(
      'the dry run to finish',
      async () => (await api('GET', `/imports/${id}`)).body.status === 'checked',
      60_000,
    );
    expect((await api('POST', `/imports/${id}/commit`, {})).status).toBe(202);
    await until(
      'the commit to be under way',
      async () => {
        const now = (await api('GET', `/imports/${id}`)).body;
        return now.status === 'committing' && now.progressDone > 0;
      },
      60_000,
    );
    process.kill(server.pid, 'SIGKILL');
    await until(`process ${server.pid} to die`, async () => !isAlive(server.pid), 10_000);

    // PostgreSQL outlives Node: what it holds now is what the killed transaction left.
    const written = await countImported();
    expect([0, ROWS]).toContain(written);
    expect(written).toBe(0);
  });
});
