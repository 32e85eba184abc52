import { spawn } from 'node:child_process';
import { freePort } from '../ops/support/nginx.js';
import { until } from './rabita-process.js';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** Debian's redis-server on a free loopback port, keeping nothing on disk. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await until(
    'redis-server to accept connections',
    async () => /Ready to accept connections/.test(output) || undefined,
    20_000,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output}`);
  });
  return {
    url: `redis://127.0.0.1:${port}/0`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
