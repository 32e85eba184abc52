import { IMPORT_COLUMNS, type ImportKind } from '../contract/imports.js';
import { ROLES } from '../contract/roles.js';
import { backupCommand, restoreCommand } from './backup.js';
import { type CliCommand, UsageError } from './command.js';
import { exportCommand, searchCommand, webhooksCommand } from './data-commands.js';
import { doctorCommand } from './doctor.js';

// The server's modules load only for a command that runs it: `--help`, `--version`, a typo or a
// backup answer without a second's wait for the whole app.
const commands = () => import('./commands.js');

const serve: CliCommand = {
  name: ['serve'],
  summary: 'start the server (embedded PostgreSQL unless DATABASE_URL is set)',
  help: `Usage: rabita serve [--workers N]

Starts the web app and its API. Without DATABASE_URL it runs its own PostgreSQL in
RABITA_DATA_DIR and loads the demo centre into a new, empty one. Stops cleanly on SIGTERM.
Settings come from the environment; deploy/rabita.env lists every one.

  --workers N   N server processes sharing the port (1 to 32; e.g. one per core), kept
                running by a primary process that owns the database; a worker that dies is
                started again.
`,
  options: { workers: { type: 'string' } },
  run: async ({ config, values }) => {
    const { parseWorkers } = await import('./cluster.js');
    const given = values.workers as string | undefined;
    const workers = given === undefined ? undefined : parseWorkers(given);
    if (workers === null) throw new UsageError('--workers must be a whole number from 1 to 32');
    return (await import('./serve.js')).runServe(
      config(),
      workers === undefined ? {} : { workers },
    );
  },
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

const auditCommands = () => import('./audit.js');

const auditVerify: CliCommand = {
  name: ['audit', 'verify'],
  summary: 'check the audit trail: every record, its chain and its signed checkpoints',
  help: `Usage: rabita audit verify [--public-key FILE] [--json]

Checks every audit record against its hash and the one before it, and every signed
checkpoint against the server's key, in one consistent snapshot (records may be written
meanwhile). Names the first record that was edited, deleted, inserted or reordered, and a
rewrite that recomputed the chain after a checkpoint. The result shows on the audit page.

  --public-key FILE  check the signatures with this public key (PEM), e.g. an auditor's copy;
                     default: the server's key (RABITA_AUDIT_KEY_FILE)
  --json             print the result as one JSON object

Exit status: 0 intact; 1 broken, or the check could not be made (the message says which).
`,
  options: { 'public-key': { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ config, values }) =>
    (await auditCommands()).runAuditVerify(config(), {
      publicKey: values['public-key'] as string | undefined,
      json: values.json === true,
    }),
};

const auditCheckpoint: CliCommand = {
  name: ['audit', 'checkpoint'],
  summary: "sign the audit chain's head now",
  help: `Usage: rabita audit checkpoint

Checks the records written since the last checkpoint, then signs the chain's head with the
server's Ed25519 key (RABITA_AUDIT_KEY_FILE). The job worker does this every 10 minutes.
Exit status 1 when the chain is broken (nothing is signed).
`,
  run: async ({ config }) => (await auditCommands()).runAuditCheckpoint(config()),
};

const auditExport: CliCommand = {
  name: ['audit', 'export'],
  summary: 'write the signed checkpoints and their public keys as JSON',
  help: `Usage: rabita audit export [--output FILE]

Writes every signed checkpoint of the audit chain with its public key, as JSON (to stdout
unless --output is given), for an auditor to keep away from the server.
`,
  options: { output: { type: 'string' } },
  run: async ({ config, values }) =>
    (await auditCommands()).runAuditExport(config(), values.output as string | undefined),
};

/** The `--map` option's help: the page's column mapping, for a file whose headers differ. */
const MAP_HELP = (kind: ImportKind) =>
  `  --map HEADER=FIELD  read the file's column HEADER as FIELD when the headers are not the
                      template's; repeatable, e.g. ${MAP_EXAMPLE[kind]}. Fields:
${wrapped(IMPORT_COLUMNS[kind].join(', '), 22, 92)}`;

const MAP_EXAMPLE: Record<ImportKind, string> = {
  people: '--map "Nom de famille=familyNameLatin"\n                      --map "E-mail=email"',
  activities: '--map "Référence=code"',
  sessions: '--map "Référence=code"',
  contacts: '--map "Courriel=email"',
};

/** Text broken into lines of at most `width` characters, each indented by `indent` spaces. */
function wrapped(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`).join('\n');
}

const importPeople: CliCommand = {
  name: ['import', 'people'],
  summary: "import a nation's people from a CSV or XLSX file, all or nothing",
  help: `Usage: rabita import people FILE --nation KWT [--map HEADER=FIELD]... [--dry-run] [--duplicates skip|update|create]

Reads FILE (CSV in any common separator and encoding, or XLSX; headers in English, French or
Arabic as in the template the web's import page gives), checks every row as the API checks a
person, then writes them all in one transaction, with an import record and its audit record.
Nothing is written when any row has an error.

  --nation CODE       the nation the people belong to (a row of another nation is an error)
${MAP_HELP('people')}
  --dry-run           check only; write nothing
  --duplicates WHAT   what to do with a row that looks like someone already registered:
                      skip (default), update the existing record, or create anyway

Exit status: 0 imported (or checked); 1 rows have errors (listed on stderr, by row and
column) or the file cannot be imported; 2 wrong arguments.
`,
  options: {
    nation: { type: 'string' },
    map: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    duplicates: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  run: async ({ config, values, positionals }) =>
    (await import('./import.js')).runImportPeople(config, positionals[0] ?? '', {
      nation: values.nation as string | undefined,
      dryRun: values['dry-run'] === true,
      duplicates: values.duplicates as string | undefined,
      map: values.map as string[] | undefined,
    }),
};

const DUPLICATES_HELP = `  --dry-run           check only; write nothing
  --duplicates WHAT   what to do with a row that looks like a record that exists: skip
                      (default), update the existing record, or create anyway (where a
                      second record can exist; otherwise the row is skipped)

Exit status: 0 imported (or checked); 1 rows have errors (listed on stderr, by row and
column) or the file cannot be imported; 2 wrong arguments.
`;

/** `rabita import activities|sessions|contacts FILE`: the same flow as people. */
function importOf(
  kind: 'activities' | 'sessions' | 'contacts',
  summary: string,
  what: string,
): CliCommand {
  const nation =
    kind === 'contacts'
      ? '  --nation CODE       the nation of rows whose file has no nation column (and the only\n                      nation the file may hold)\n'
      : '';
  return {
    name: ['import', kind],
    summary,
    help: `Usage: rabita import ${kind} FILE${kind === 'contacts' ? ' [--nation KWT]' : ''} [--map HEADER=FIELD]... [--dry-run] [--duplicates skip|update|create]

Reads FILE (CSV in any common separator and encoding, or XLSX; headers in English, French or
Arabic as in the template the web's import page gives), checks every row as the API checks
${what}, then writes them all in one transaction, with an import record and its audit record.
Nothing is written when any row has an error.

${nation}${MAP_HELP(kind)}
${DUPLICATES_HELP}`,
    options: {
      ...(kind === 'contacts' ? { nation: { type: 'string' as const } } : {}),
      map: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      duplicates: { type: 'string' },
    },
    positionals: { min: 1, max: 1 },
    run: async ({ config, values, positionals }) =>
      (await import('./import.js')).runImport(config, kind, positionals[0] ?? '', {
        nation: values.nation as string | undefined,
        dryRun: values['dry-run'] === true,
        duplicates: values.duplicates as string | undefined,
        map: values.map as string[] | undefined,
      }),
  };
}

const importActivities = importOf(
  'activities',
  'import catalogue activities from a CSV or XLSX file, all or nothing',
  'an activity (discipline and provider codes must exist)',
);
const importSessions = importOf(
  'sessions',
  'import sessions with their quotas from a CSV or XLSX file, all or nothing',
  'a session (activity and venue must exist; dates on the venue\'s working days; quotas as\n"KWT:4; QAT:2")',
);
const importContacts = importOf(
  'contacts',
  "import nations' points of contact from a CSV or XLSX file, all or nothing",
  'a contact (the nation must exist; a duplicate is the same e-mail in the nation)',
);
const plan: CliCommand = {
  name: ['plan'],
  summary: "propose next year's calendar from the agreed programmes' planned seats",
  help: `Usage: rabita plan YEAR [--out FILE] [--seconds N]

Plans the year as POST /api/v1/plans/YEAR/versions does: the seats every agreed programme plans
for YEAR, the sessions already in the calendar, the venues' working weeks and holidays, Ramadan
and the Eids (Umm al-Qura), and who has run each course before. Stores the result as a new
version, prints its summary (sessions, seats met, the solver's bound, unmet seats by reason)
and, with --out, writes the whole version as JSON. Nothing reaches the calendar until the
version is accepted.

  --out FILE     write the version as JSON to FILE
  --seconds N    the solver's time limit (60 unless told, at most 600)

Exit status: 0 planned; 1 the plan could not be stored or written; 2 wrong arguments.
`,
  options: { out: { type: 'string' }, seconds: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: async ({ config, values, positionals }) =>
    (await import('./plan.js')).runPlanCommand(config, positionals[0] ?? '', {
      out: values.out as string | undefined,
      seconds: values.seconds as string | undefined,
    }),
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
  importPeople,
  importActivities,
  importSessions,
  importContacts,
  exportCommand,
  searchCommand,
  webhooksCommand,
  plan,
  auditVerify,
  auditCheckpoint,
  auditExport,
  doctorCommand,
  backupCommand,
  restoreCommand,
];
