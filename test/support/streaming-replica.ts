import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The machine's PostgreSQL 15, which has pg_basebackup; RABITA_TEST_PG_BIN names another. */
export const PG_BIN = process.env.RABITA_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface StreamingPair {
  /** Superuser URLs (trust on 127.0.0.1) of the primary and of its hot standby. */
  primaryUrl: string;
  replicaUrl: string;
  startReplica(): Promise<void>;
  stopReplica(): Promise<void>;
  /** Stops both servers and removes their folders; safe to call twice. */
  destroy(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, as the kernel hands one out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

/** PostgreSQL refuses to run as root: under root, it runs as "postgres". */
async function runAs(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * A primary and a streaming hot standby made by `pg_basebackup -R`, each in a temporary folder
 * on a free port, reached over 127.0.0.1 with trust. Nothing of the machine's own servers is
 * touched.
 */
export async function startStreamingPair(): Promise<StreamingPair> {
  if (!fs.existsSync(path.join(PG_BIN, 'pg_basebackup')))
    throw new Error(
      `no PostgreSQL server binaries in ${PG_BIN}: install postgresql-15 or set RABITA_TEST_PG_BIN`,
    );
  const user = await runAs();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-replica-'));
  fs.chmodSync(root, 0o755);
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  const socketDir = path.join(root, 'sockets');
  fs.mkdirSync(socketDir);
  if (user) fs.chownSync(root, user.uid, user.gid);
  if (user) fs.chownSync(socketDir, user.uid, user.gid);
  const bin = (name: string) => path.join(PG_BIN, name);
  const exec = (name: string, args: string[]) =>
    run(bin(name), args, { ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } });
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const options = (port: number) =>
    `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=replica -c hot_standby_feedback=on`;
  const running = new Set<string>();
  const start = async (dir: string, port: number) => {
    await exec('pg_ctl', ['-D', dir, '-o', options(port), '-l', `${dir}.log`, '-w', 'start']);
    running.add(dir);
  };
  const stop = async (dir: string) => {
    if (!running.has(dir)) return;
    await exec('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
    running.delete(dir);
  };
  const destroy = async () => {
    for (const dir of [replicaDir, primaryDir]) await stop(dir).catch(() => {});
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await exec('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    await start(primaryDir, primaryPort);
    await exec('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres'],
      ...['-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast'],
    ]);
    await start(replicaDir, replicaPort);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    startReplica: () => start(replicaDir, replicaPort),
    stopReplica: () => stop(replicaDir),
    destroy,
  };
}
