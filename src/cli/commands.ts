import { CreateUserRequest } from '../contract/users.js';
import type { Config } from '../server/config.js';
import { isDemoWanted, loadDemoCentre } from '../server/demo/load.js';
import {
  newPasswordProblem,
  passwordProblemMessage,
} from '../server/features/auth/password-check.js';
import { systemContext } from '../server/features/context.js';
import { refreshReportRollups } from '../server/features/reports/rollups.js';
import { createUser } from '../server/features/users/service.js';
import { AppError } from '../server/http/errors.js';
import { openDatabase } from '../server/main.js';
import { printDemoBanner } from './serve.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

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
