import { ROLES } from '../contract/roles.js';
import { backupCommand, restoreCommand } from './backup.js';
import type { CliCommand } from './command.js';
import { doctorCommand } from './doctor.js';

// The server's modules load only for a command that runs it: `--help`, `--version`, a typo or a
// backup answer without a second's wait for the whole app.
const commands = () => import('./commands.js');

const serve: CliCommand = {
  name: ['serve'],
  summary: 'start the server (embedded PostgreSQL unless DATABASE_URL is set)',
  help: `Usage: rabita serve

Starts the web app and its API. Without DATABASE_URL it runs its own PostgreSQL in
RABITA_DATA_DIR and loads the demo centre into a new, empty one. Stops cleanly on SIGTERM.
Settings come from the environment; deploy/rabita.env lists every one.
`,
  run: async ({ config }) => (await import('./serve.js')).runServe(config()),
};

const worker: CliCommand = {
  name: ['worker'],
  summary: 'run the job queue in a process of its own (servers started with RABITA_JOBS=off)',
  help: `Usage: rabita worker

Runs the job queue (e-mails, notices, recurring jobs) apart from the web servers, which then
run with RABITA_JOBS=off. Needs DATABASE_URL. Several workers may run at once.
`,
  run: async ({ config }) => (await import('./worker.js')).runWorker(config()),
};

const migrate: CliCommand = {
  name: ['migrate'],
  summary: 'apply database migrations and exit',
  help: `Usage: rabita migrate

Brings the database's schema up to this release and exits. The server does it at start too;
run it alone before starting several servers. Refuses a database from a newer release.
`,
  run: async ({ config }) => (await commands()).runMigrate(config()),
};

const demo: CliCommand = {
  name: ['demo'],
  summary: 'load the demo centre into an empty database',
  help: `Usage: rabita demo

Loads the demo centre (partners, catalogue, sessions, people) into a database with no users.
`,
  run: async ({ config }) => (await commands()).runDemo(config()),
};

const userAdd: CliCommand = {
  name: ['user', 'add'],
  summary: 'create a user',
  help: `Usage: rabita user add --email E --name N --role R [--role R] [--nation KWT] [--password P]

Creates a user. The password is read from RABITA_PASSWORD when --password is not given, so it
stays out of the shell's history. Roles: ${ROLES.join(', ')}. --nation (a code such as KWT)
binds a national point of contact, nominator or participant to his nation.
`,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    nation: { type: 'string' },
    password: { type: 'string' },
  },
  run: async ({ config, values }) =>
    (await commands()).runUserAdd(
      config(),
      values as {
        email?: string;
        name?: string;
        role?: string[];
        nation?: string;
        password?: string;
      },
    ),
};

const certificateVerify: CliCommand = {
  name: ['certificate', 'verify'],
  summary: 'check a certificate PDF against its issuer (VALID, REVOKED or INVALID)',
  help: `Usage: rabita certificate verify <file.pdf> [--issuer URL | --keys FILE]

Checks a certificate PDF against its issuer's published keys, then asks the issuer's register
whether it is still valid. Nothing is read from a database.

  --issuer URL   the issuing centre's address, e.g. https://training.example.org (default:
                 PUBLIC_URL); its keys are fetched from URL/.well-known/rabita-certificate-keys.json
                 and its register from URL/api/v1/verify/<id>
  --keys FILE    check offline against a saved copy of those keys (a JWK set); the issuer is
                 not asked, so a revocation cannot be seen

Exit status: 0 valid, 1 not valid, 2 the check could not be made.
`,
  options: { issuer: { type: 'string' }, keys: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: async ({ config, values, positionals }) =>
    (await import('./certificate-verify.js')).runCertificateVerify(config(), {
      file: positionals[0] ?? '',
      issuer: values.issuer as string | undefined,
      keys: values.keys as string | undefined,
    }),
};

const reportsRefresh: CliCommand = {
  name: ['reports', 'refresh'],
  summary: 'recompute the figures the reports read, now',
  help: `Usage: rabita reports refresh

Recomputes the report figures at once (the server does it within minutes of a change);
useful after a bulk import.
`,
  run: async ({ config }) => (await commands()).runReportsRefresh(config()),
};

/** Every command, in the order `rabita --help` lists them. */
export const COMMANDS: CliCommand[] = [
  serve,
  worker,
  migrate,
  demo,
  userAdd,
  certificateVerify,
  reportsRefresh,
  doctorCommand,
  backupCommand,
  restoreCommand,
];
