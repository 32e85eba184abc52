import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/database.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/rabita.js');

/** Runs `rabita <args>` to its end and returns what it printed. */
function rabita(args: string[], env: Record<string, string>, untilOutput?: RegExp) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (untilOutput?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // A bound, not a sleep: a stuck child fails its test with what it printed, and never
    // outlives the run (a first start under a cold Node compiles every file, hence the margin).
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('rabita command', { timeout: 90_000 }, () => {
  it('says in one line when the database cannot be reached', async () => {
    const result = await rabita(['serve'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^rabita: cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:1\/none/,
    );
  });

  it('says so when the data folder cannot be written', async () => {
    // Under a file, so not even root can create it.
    const dataDir = path.join(bin, 'data');
    const result = await rabita(['serve'], { RABITA_DATA_DIR: dataDir, PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `rabita: the data folder ${dataDir} cannot be created or written`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when the port is taken', async () => {
    const db = await createTestDatabase();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = String((blocker.address() as net.AddressInfo).port);
    try {
      const result = await rabita(['serve'], { DATABASE_URL: db.url, PORT: port });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `rabita: port ${port} on 127.0.0.1 is already in use; set PORT to another port`,
      );
    } finally {
      blocker.close();
      await db.destroy();
    }
  });

  it('migrates, adds a user, and serves until SIGTERM', async () => {
    const db = await createTestDatabase();
    try {
      // As in production: the app's least-privilege role, and the owner's connection to migrate.
      const migrated = await rabita(['migrate'], {
        DATABASE_URL: db.url,
        RABITA_MIGRATION_DATABASE_URL: db.adminUrl,
      });
      expect(migrated.stdout).toContain('Migrations applied.');
      expect(migrated.stderr).toBe('');
      const added = await rabita(
        [
          'user',
          'add',
          '--email',
          'chief@centre.example',
          '--name',
          'Chief',
          '--role',
          'administrator',
        ],
        { DATABASE_URL: db.url, RABITA_PASSWORD: 'a long enough password' },
      );
      expect(added.stdout).toContain('Created chief@centre.example (administrator).');
      const refreshed = await rabita(['reports', 'refresh'], { DATABASE_URL: db.url });
      expect(refreshed.stdout).toMatch(/Report figures refreshed in \d+\.\d s\./);
      expect(refreshed.code).toBe(0);
      const served = await rabita(
        ['serve'],
        { DATABASE_URL: db.url, PORT: '0' },
        /Rabita is running/,
      );
      expect(served.stdout).toContain('Received SIGTERM; stopping...');
      expect(served.code).toBe(0);
      const { rows } = await db.pool.query('select count(*)::int as n from users');
      expect(rows[0].n).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a number of workers it cannot run, before opening anything', async () => {
    for (const workers of ['0', '33', 'two', '1.5']) {
      const result = await rabita(['serve', '--workers', workers], {});
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--workers must be a whole number from 1 to 32');
    }
  });

  it('refuses a bad command and a bad user', async () => {
    expect((await rabita(['frobnicate'], {})).code).toBe(2);
    const bad = await rabita(
      ['user', 'add', '--email', 'not-an-email', '--role', 'administrator'],
      {},
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('email');
    // Checked before the database is opened: no DATABASE_URL is needed to be refused.
    const common = await rabita(
      [
        'user',
        'add',
        '--email',
        'chief@centre.example',
        '--name',
        'Chief',
        '--role',
        'administrator',
      ],
      { RABITA_PASSWORD: 'password12345678' },
    );
    expect(common.code).toBe(2);
    expect(common.stderr.trim()).toBe(
      'rabita: password: is too common or too easy to guess; a few unrelated words are better',
    );
  });
});
