import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/server/db/client.js';
import { currentSigningKey } from '../../src/server/features/certificates/keys.js';
import {
  isAlive,
  killStarted,
  postmasterPidOf,
  postmasterPortOf,
  type RabitaProcess,
  runRabita,
  serveRabita,
} from '../support/rabita-process.js';

// `rabita backup` of a real `rabita serve` while it is written to, `rabita restore` into a new
// folder, and a server started on that folder; then the external database, and bad input.
describe('rabita backup and restore', { timeout: 180_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-backup-'));
  // When the tests run as root, the embedded server runs as "postgres" and must reach it.
  fs.chmodSync(root, 0o755);
  const dataDir = path.join(root, 'data');
  const backup = path.join(root, 'backup');
  const restored = path.join(root, 'restored');
  const env = { RABITA_DATA_DIR: dataDir, RABITA_DEMO: '0' };
  const email = 'keeper@backup.example';
  const password = 'Saffron lanterns along the quay 4';
  const mounts: string[] = [];
  const servers: RabitaProcess[] = [];

  beforeAll(async () => {
    const added = await runRabita(
      // A role the shipped policy asks no second factor of: the password alone signs in.
      ['user', 'add', '--email', email, '--name', 'Keeper', '--role', 'course_director'],
      { ...env, RABITA_PASSWORD: password },
      120_000,
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
  }, 180_000);

  afterAll(async () => {
    for (const mount of mounts) execFileSync('umount', [mount]);
    killStarted();
    for (const dir of [dataDir, restored]) {
      const left = postmasterPidOf(dir);
      if (left && isAlive(left)) process.kill(left, 'SIGKILL');
    }
    await delay(200);
    fs.rmSync(root, { recursive: true, force: true });
  });

  const stop = async (server: RabitaProcess) => {
    process.kill(server.pid, 'SIGTERM');
    await server.exited;
  };
  const clusterUrl = (dir: string) => {
    const secret = fs.readFileSync(path.join(dir, 'postgres.password'), 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${postmasterPortOf(dir)}/postgres`;
  };
  const keySet = async (server: RabitaProcess) =>
    (await fetch(`${server.url}/.well-known/rabita-certificate-keys.json`)).json();
  // The failure is one line; progress lines ("restore: 18 MB of 41 MB...") may come before it.
  const oneLine = (stderr: string) => {
    const lines = stderr
      .trim()
      .split('\n')
      .filter((line) => !/^(backup|restore): /.test(line));
    expect(lines).toHaveLength(1);
    return lines[0] as string;
  };

  it('backs up a running server while it is written to; the restore starts with what it held', async () => {
    const server = await serveRabita(env);
    servers.push(server);
    // A signing key, made the way the first certificate makes it.
    const handle = connectDatabase(clusterUrl(dataDir), { max: 1 });
    await currentSigningKey(handle.db);
    await handle.close();
    const keysBefore = await keySet(server);
    expect(keysBefore.keys).toHaveLength(1);

    // Pairs written in one transaction each: a consistent copy has both halves of every pair.
    const writer = new pg.Client({ connectionString: clusterUrl(dataDir) });
    await writer.connect();
    await writer.query('create table probe_a (id int primary key)');
    await writer.query('create table probe_b (id int primary key)');
    let written = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        const id = written + 1;
        await writer.query('begin');
        await writer.query('insert into probe_a values ($1)', [id]);
        await writer.query('insert into probe_b values ($1)', [id]);
        await writer.query('commit');
        written = id;
      }
    })();
    while (written < 200) await delay(10);
    const beforeBackup = written;
    const result = await runRabita(['backup', backup], env, 120_000);
    const afterBackup = written;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Backup written to .*: \d+ files, .*PostgreSQL 18/);
    expect(result.stderr).toMatch(/backup: .* files, done/);
    while (written < afterBackup + 200) await delay(10);
    writing = false;
    await writes;
    await writer.end();
    await stop(server);
    expect(afterBackup).toBeGreaterThan(beforeBackup);

    const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'rabita-backup', formatVersion: 1, kind: 'embedded' });
    expect(manifest.migrations.applied).toBeGreaterThan(0);
    const listed = manifest.files.map((f: { path: string }) => f.path);
    expect(listed).toEqual(
      expect.arrayContaining(['pg/backup_label', 'app.password', 'postgres.password']),
    );
    expect(listed).not.toContain('pg/postmaster.pid');

    const restore = await runRabita(
      ['restore', backup],
      { ...env, RABITA_DATA_DIR: restored },
      120_000,
    );
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/replayed its WAL and holds 1 users/);

    const again = await serveRabita({ ...env, RABITA_DATA_DIR: restored });
    servers.push(again);
    expect(await keySet(again)).toEqual(keysBefore);
    const login = await fetch(`${again.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const reader = new pg.Client({ connectionString: clusterUrl(restored) });
    await reader.connect();
    const { rows } = await reader.query<{ a: number; b: number; top: number }>(
      'select (select count(*)::int from probe_a) as a, (select count(*)::int from probe_b) as b, (select max(id) from probe_a) as top',
    );
    await reader.end();
    const probe = rows[0] as { a: number; b: number; top: number };
    // Every pair committed before the backup began, nothing after it ended, no half pair.
    expect(probe.a).toBe(probe.b);
    expect(probe.top).toBe(probe.a);
    expect(probe.a).toBeGreaterThanOrEqual(beforeBackup);
    expect(probe.a).toBeLessThanOrEqual(afterBackup);

    // A restore into the folder of a running server changes nothing.
    const live = await runRabita(['restore', backup], { ...env, RABITA_DATA_DIR: restored });
    expect(live.code).toBe(1);
    expect(oneLine(live.stderr)).toMatch(/holds a running database/);
    await stop(again);
  });

  it('refuses a folder that is not empty, a damaged archive and a foreign one, changing nothing', async () => {
    const notEmpty = await runRabita(['restore', backup], env);
    expect(notEmpty.code).toBe(1);
    expect(oneLine(notEmpty.stderr)).toMatch(/is not empty/);

    const damaged = path.join(root, 'damaged');
    execFileSync('cp', ['-a', backup, damaged]);
    const manifest = JSON.parse(fs.readFileSync(path.join(damaged, 'manifest.json'), 'utf8'));
    const biggest = [...manifest.files].sort((a, b) => b.size - a.size)[0];
    const file = path.join(damaged, biggest.path);
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const target = path.join(root, 'from-damaged');
    const bad = await runRabita(['restore', damaged], { ...env, RABITA_DATA_DIR: target });
    expect(bad.code).toBe(1);
    expect(oneLine(bad.stderr)).toMatch(/is damaged: .* does not match its checksum/);
    expect(fs.existsSync(target)).toBe(false);

    const foreign = path.join(root, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'manifest.json'), JSON.stringify({ name: 'photos' }));
    const other = await runRabita(['restore', foreign], { ...env, RABITA_DATA_DIR: target });
    expect(other.code).toBe(1);
    expect(oneLine(other.stderr)).toMatch(/is not a Rabita backup/);
    fs.rmSync(path.join(foreign, 'manifest.json'));
    const none = await runRabita(['restore', foreign], { ...env, RABITA_DATA_DIR: target });
    expect(oneLine(none.stderr)).toMatch(/is not a Rabita backup: it has no manifest.json/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a folder it cannot write and a disk too small, leaving nothing behind', async () => {
    const readOnly = path.join(root, 'read-only');
    const tiny = path.join(root, 'tiny');
    fs.mkdirSync(readOnly);
    fs.mkdirSync(tiny);
    if (process.getuid?.() === 0) {
      // Root writes through permission bits: a read-only mount is what it cannot write.
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', readOnly]);
      mounts.push(readOnly);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', tiny]);
      mounts.push(tiny);
    } else fs.chmodSync(readOnly, 0o555);

    const unwritable = await runRabita(['backup', path.join(readOnly, 'b')], env);
    expect(unwritable.code).toBe(1);
    expect(oneLine(unwritable.stderr)).toMatch(
      /^rabita: cannot write the backup to .*read-only\/b: (the file system is read-only|permission denied)$/,
    );
    expect(fs.readdirSync(readOnly)).toEqual([]);

    if (mounts.includes(tiny)) {
      const full = await runRabita(['backup', path.join(tiny, 'b')], env);
      expect(full.code).toBe(1);
      expect(oneLine(full.stderr)).toMatch(
        /the backup needs about .* but the disk of .* has .* free/,
      );
      expect(fs.readdirSync(tiny)).toEqual([]);
    }
  });

  it('restores to a moment after the backup from the archived WAL (--until)', async () => {
    const pitrDir = path.join(root, 'pitr');
    const archive = path.join(root, 'wal-archive');
    const pitrEnv = { ...env, RABITA_DATA_DIR: pitrDir, RABITA_WAL_ARCHIVE: archive };
    const server = await serveRabita(pitrEnv);
    const client = new pg.Client({ connectionString: clusterUrl(pitrDir) });
    await client.connect();
    await client.query(
      'create table probe (id int primary key, at timestamptz not null default clock_timestamp())',
    );
    for (let id = 1; id <= 50; id += 1)
      await client.query('insert into probe (id) values ($1)', [id]);
    const dest = path.join(root, 'pitr-backup');
    const made = await runRabita(['backup', dest], pitrEnv, 120_000);
    expect(made.code, made.stderr).toBe(0);
    for (let id = 51; id <= 100; id += 1)
      await client.query('insert into probe (id) values ($1)', [id]);
    await delay(1_100);
    const moment = (await client.query<{ t: Date }>('select clock_timestamp() as t')).rows[0]
      ?.t as Date;
    await delay(1_100);
    for (let id = 101; id <= 150; id += 1)
      await client.query('insert into probe (id) values ($1)', [id]);
    // The segment holding the last writes is archived once it is finished.
    const last = await client.query<{ name: string }>(
      'select pg_walfile_name(pg_switch_wal()) as name',
    );
    const segment = last.rows[0]?.name as string;
    const deadline = Date.now() + 30_000;
    while (!fs.existsSync(path.join(archive, segment)) && Date.now() < deadline) await delay(100);
    await client.end();
    await stop(server);

    const target = path.join(root, 'pitr-restored');
    const early = await runRabita(['restore', dest, '--until', '2001-01-01T00:00:00Z'], {
      ...pitrEnv,
      RABITA_DATA_DIR: target,
    });
    expect(early.code).toBe(1);
    expect(oneLine(early.stderr)).toMatch(/is before this backup ended/);
    const back = await runRabita(
      ['restore', dest, '--until', moment.toISOString()],
      {
        ...pitrEnv,
        RABITA_DATA_DIR: target,
      },
      120_000,
    );
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain(`up to ${moment.toISOString()}`);
    const again = await serveRabita({
      ...pitrEnv,
      RABITA_DATA_DIR: target,
      RABITA_WAL_ARCHIVE: '',
    });
    const reader = new pg.Client({ connectionString: clusterUrl(target) });
    await reader.connect();
    const { rows } = await reader.query<{ n: number; top: number }>(
      'select count(*)::int as n, max(id) as top from probe',
    );
    await reader.end();
    await stop(again);
    // Everything written before the moment, past the backup's end, and nothing after it.
    expect(rows[0]).toEqual({ n: 100, top: 100 });
  });

  describe('a database given by DATABASE_URL', () => {
    const server = 'postgres://postgres@127.0.0.1:5432';
    const names = [`rabita_bk_${process.pid}_a`, `rabita_bk_${process.pid}_b`];
    const urls = names.map((name) => `${server}/${name}`);
    const admin = new pg.Client({ connectionString: `${server}/postgres` });

    beforeAll(async () => {
      await admin.connect();
      for (const name of names) await admin.query(`create database ${name}`);
    });
    afterAll(async () => {
      for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    it('backs up with pg_dump and restores into an empty database only', async () => {
      const [source, target] = urls as [string, string];
      const external = { DATABASE_URL: source };
      const added = await runRabita(
        ['user', 'add', '--email', email, '--name', 'Keeper', '--role', 'administrator'],
        { ...external, RABITA_PASSWORD: password },
      );
      expect(added.code, added.stderr).toBe(0);
      const handle = connectDatabase(source, { max: 1 });
      const key = await currentSigningKey(handle.db);
      await handle.close();

      const dest = path.join(root, 'external');
      const made = await runRabita(['backup', dest], external);
      expect(made.code, made.stderr).toBe(0);
      expect(JSON.parse(fs.readFileSync(path.join(dest, 'manifest.json'), 'utf8'))).toMatchObject({
        kind: 'external',
        files: [{ path: 'database.dump' }],
      });

      const back = await runRabita(['restore', dest], { DATABASE_URL: target });
      expect(back.code, back.stderr).toBe(0);
      const reader = new pg.Client({ connectionString: target });
      await reader.connect();
      const users = await reader.query('select email from users');
      const keys = await reader.query('select id, private_key from signing_keys');
      await reader.end();
      expect(users.rows).toEqual([{ email }]);
      expect(keys.rows).toEqual([{ id: key.id, private_key: key.privateKey }]);

      const twice = await runRabita(['restore', dest], { DATABASE_URL: target });
      expect(twice.code).toBe(1);
      expect(oneLine(twice.stderr)).toMatch(
        /is not empty \(\d+ tables\); a restore goes into an empty database only/,
      );

      // An embedded backup's manifest (its files do not matter: the kind is refused first).
      const embedded = path.join(root, 'embedded-kind');
      fs.mkdirSync(embedded);
      fs.writeFileSync(
        path.join(embedded, 'manifest.json'),
        JSON.stringify({
          format: 'rabita-backup',
          formatVersion: 1,
          kind: 'embedded',
          rabitaVersion: '0.1.0',
          createdAt: new Date().toISOString(),
          postgres: { version: '18.4', major: 18 },
          migrations: { applied: 1, newestAt: null },
          wal: null,
          folders: [],
          files: [],
        }),
      );
      const embeddedIntoUrl = await runRabita(['restore', embedded], { DATABASE_URL: target });
      expect(oneLine(embeddedIntoUrl.stderr)).toMatch(/is a backup of an embedded database/);
    });

    it('says in one line that pg_dump is missing', async () => {
      const missing = await runRabita(['backup', path.join(root, 'no-tools')], {
        DATABASE_URL: urls[0] as string,
        PATH: '/nonexistent',
      });
      expect(missing.code).toBe(1);
      expect(oneLine(missing.stderr)).toMatch(/pg_dump is not installed/);
      expect(fs.existsSync(path.join(root, 'no-tools'))).toBe(false);
    });
  });
});
