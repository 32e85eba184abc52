import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { DatabaseAccessError } from '../server/db/access.js';
import { EmbeddedDatabaseError } from '../server/db/embedded.js';
import { StartupError } from '../server/main.js';
import { runCertificateVerify } from './certificate-verify.js';
import { runDemo, runMigrate, runReportsRefresh, runServe, runUserAdd } from './commands.js';
import { runWorker } from './worker.js';

const USAGE = `Usage: rabita <command>

Commands:
  serve [--build-web]   start the server (embedded PostgreSQL unless DATABASE_URL is set);
                        --build-web first builds the web app if it is missing or out of date
  worker                run the job queue (e-mails, notices, recurring jobs) in a process of
                        its own, beside servers started with RABITA_JOBS=off
  migrate               apply database migrations and exit
  demo                  load the demo centre into an empty database
  user add --email E --name N --role R [--role R] [--nation KWT] [--password P]
                        create a user (the password is read from RABITA_PASSWORD when not given)
  certificate verify <file.pdf> [--issuer URL | --keys FILE]
                        check a certificate PDF against its issuer's published keys and
                        register; prints VALID, REVOKED or INVALID and what was checked
  reports refresh       recompute the figures the reports read now (the server does it
                        within minutes of a change; useful after a bulk import)
`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return runServe(config, { buildWeb: sub === '--build-web' });
    case 'worker':
      return runWorker(config);
    case 'migrate':
      return runMigrate(config);
    case 'demo':
      return runDemo(config);
    case 'user':
      if (sub === 'add') {
        const { values } = parseArgs({
          args: rest,
          options: {
            email: { type: 'string' },
            name: { type: 'string' },
            role: { type: 'string', multiple: true },
            nation: { type: 'string' },
            password: { type: 'string' },
          },
        });
        return runUserAdd(config, values);
      }
      break;
    case 'certificate':
      if (sub === 'verify') return runCertificateVerify(config, rest);
      break;
    case 'reports':
      if (sub === 'refresh') return runReportsRefresh(config);
      break;
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return 0;
  }
  process.stderr.write(`rabita: unknown command "${argv.join(' ')}"\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    const known =
      error instanceof ConfigError ||
      error instanceof StartupError ||
      error instanceof DatabaseAccessError ||
      error instanceof EmbeddedDatabaseError;
    process.stderr.write(
      `rabita: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
    );
    process.exit(1);
  },
);
