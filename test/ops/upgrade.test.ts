import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.js';
import {
  isAlive,
  killStarted,
  postmasterPidOf,
  postmasterPortOf,
  type RabitaProcess,
  runRabita,
  serveRabita,
} from '../support/rabita-process.js';
import {
  type CheckedOutRelease,
  checkOutPreviousRelease,
  PREVIOUS_RELEASE,
} from './previous-release.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const journal = (
  JSON.parse(
    fs.readFileSync(path.join(root, 'src/server/db/migrations/meta/_journal.json'), 'utf8'),
  ) as { entries: Array<{ when: number; tag: string }> }
).entries;

const DEMO_PASSWORD = 'rabita-demo-2026';
/** The records a centre cannot lose, by primary key: people, delivery, the audit trail, keys. */
const KEPT_TABLES = [
  'users',
  'nations',
  'activities',
  'training_sessions',
  'participants',
  'nominations',
  'attendance_marks',
  'participant_results',
  'certificates',
  'signing_keys',
  'programmes',
  'audit_log',
];

// A data folder the previous release made and used, started by this code: everything recorded
// is still there, the old password signs in, and the certificate it signed still verifies.
describe(`upgrade from ${PREVIOUS_RELEASE.version} (${PREVIOUS_RELEASE.commit.slice(0, 7)})`, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-upgrade-'));
  // When the tests run as root, the embedded server runs as "postgres" and must reach it.
  fs.chmodSync(tmp, 0o755);
  const dataDir = path.join(tmp, 'data');
  const env = { RABITA_DATA_DIR: dataDir };
  let previous: CheckedOutRelease;
  const before: {
    certificateId?: string;
    verification?: unknown;
    keySet?: unknown;
    keys?: Map<string, string[]>;
    user?: { email: string; password: string };
  } = {};

  beforeAll(() => {
    const started = Date.now();
    previous = checkOutPreviousRelease(path.join(tmp, 'previous'));
    console.info(
      `previous release checked out in ${Date.now() - started} ms (dependencies ${previous.dependencies})`,
    );
  });

  afterAll(() => {
    killStarted();
    const left = postmasterPidOf(dataDir);
    if (left && isAlive(left)) process.kill(left, 'SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the previous release makes records and signs a certificate', async () => {
    const server = await serveRabita(env, 120_000, previous.bin);
    expect(server.output()).toContain('The demo centre is loaded');

    const registrar = await signIn(server, 'registrar@rabita.example', DEMO_PASSWORD);
    const { items } = await call<{ items: Array<{ code: string }> }>(
      server,
      registrar,
      'GET',
      '/api/v1/sessions?status=completed&limit=50',
    );
    let issued: Array<{ id: string }> = [];
    for (const { code } of items) {
      const list = await call<{ issuable: number }>(
        server,
        registrar,
        'GET',
        `/api/v1/sessions/${code}/certificates`,
      );
      if (list.issuable === 0) continue;
      ({ issued } = await call<{ issued: Array<{ id: string }> }>(
        server,
        registrar,
        'POST',
        `/api/v1/sessions/${code}/certificates`,
      ));
      break;
    }
    expect(issued.length).toBeGreaterThan(0);
    before.certificateId = issued[0]?.id;

    // A user of its own, whose password hash the new code must still accept.
    const admin = await signIn(server, 'admin@rabita.example', DEMO_PASSWORD);
    before.user = {
      email: 'upgrade.check@rabita.example',
      password: 'Lanterns over the old souq 42',
    };
    await call(server, admin, 'POST', '/api/v1/users', {
      email: before.user.email,
      displayName: 'Upgrade Check',
      roles: ['observer'],
      password: before.user.password,
    });

    before.verification = await publicJson(server, `/api/v1/verify/${before.certificateId}`);
    expect(before.verification).toMatchObject({ status: 'valid' });
    before.keySet = await publicJson(server, '/.well-known/rabita-certificate-keys.json');
    before.keys = await withDatabase(keptRows);
    console.info(
      `kept rows: ${[...before.keys].map(([table, keys]) => `${table} ${keys.length}`).join(', ')}`,
    );
    expect(before.keys.get('certificates')).toContain(before.certificateId);

    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(postmasterPidOf(dataDir)).toBeNull();
  });

  it('this release starts on its data folder, migrated, with every record kept', async () => {
    const started = Date.now();
    const server = await serveRabita(env, 120_000);
    console.info(`the upgraded server answered in ${Date.now() - started} ms`);
    expect(server.output()).not.toContain('The demo centre is loaded');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    const applied = await withDatabase(async (db) => {
      const { rows } = await db.query<{ created_at: string }>(
        'select created_at from drizzle.__drizzle_migrations order by created_at',
      );
      return rows.map((r) => Number(r.created_at));
    });
    expect(applied).toEqual(journal.map((m) => m.when));

    const after = await withDatabase(keptRows);
    for (const [table, keys] of before.keys ?? []) {
      const now = new Set(after.get(table));
      expect(
        keys.filter((key) => !now.has(key)),
        `rows of ${table} lost`,
      ).toEqual([]);
    }

    // The registrar's password still holds, and this release's policy, which asks registrars for
    // a second factor, applies to an upgraded centre too: the sign-in goes on to set one up.
    const registrar = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'registrar@rabita.example', password: DEMO_PASSWORD }),
    });
    expect(registrar.status).toBe(401);
    expect(((await registrar.json()) as { code: string }).code).toBe(
      'second_factor_enrolment_required',
    );
    const user = before.user as { email: string; password: string };
    await signIn(server, user.email, user.password);

    expect(await publicJson(server, `/api/v1/verify/${before.certificateId}`)).toEqual(
      before.verification,
    );
    expect(await publicJson(server, '/.well-known/rabita-certificate-keys.json')).toEqual(
      before.keySet,
    );

    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });

    // The previous release's audit records were chained by the migration, this one's by the
    // trigger: one unbroken chain, which a signed checkpoint then vouches for.
    const signed = await runRabita(['audit', 'checkpoint'], env, 120_000);
    expect(signed.stdout, signed.stderr).toMatch(/^Signed the chain's head at place \d+/m);
    const verified = await runRabita(['audit', 'verify'], env, 120_000);
    expect(verified.stdout, verified.stderr).toMatch(
      /^INTACT {2}\d+ records up to place \d+, 1 signed checkpoints checked/m,
    );
    expect(verified.code).toBe(0);
  });

  it('then refuses, changing nothing, once a newer release has migrated the folder', async () => {
    // A newer release is simulated by recording one migration past this code's last.
    const last = journal.at(-1) as { when: number; tag: string };
    const server = await serveRabita(env, 120_000);
    const marked = await withDatabase(async (db) => {
      await db.query(
        `insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', $1)`,
        [last.when + 60_000],
      );
      return schemaState(db);
    });
    process.kill(server.pid, 'SIGTERM');
    await server.exited;

    const refused = await runRabita(['migrate'], env, 120_000);
    const known = last.tag.slice(0, 4);
    const next = String(Number(known) + 1).padStart(4, '0');
    expect(refused.stderr).toMatch(
      new RegExp(
        `^rabita: this database was last migrated by a newer release of Rabita \\(migration ${next}\\); this is [\\d.]+, which knows migrations up to ${known}\\. Install that release or newer\\.\\n$`,
      ),
    );
    expect(refused.code).toBe(1);
    expect(postmasterPidOf(dataDir)).toBeNull();

    // Its PostgreSQL alone, to read what the refused command left.
    const database = await startEmbeddedPostgres(dataDir);
    try {
      expect(await withDatabase(schemaState)).toEqual(marked);
    } finally {
      await database.stop();
    }
  });

  /** Runs `work` on the data folder's running PostgreSQL, as its superuser. */
  async function withDatabase<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
    const password = fs.readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
    const db = new pg.Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${postmasterPortOf(dataDir)}/postgres`,
    });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end();
    }
  }
});

/**
 * What a migration run would change: the migration records of Rabita and of the job queue, and
 * every relation of their schemas with its owner and grants.
 */
async function schemaState(db: pg.Client) {
  const { rows } = await db.query(`
    select (select count(*) from drizzle.__drizzle_migrations)::int as rabita,
           (select count(*) from graphile_worker.migrations)::int as queue,
           (select md5(string_agg(c.relname || ' ' || c.relowner || ' ' || coalesce(c.relacl::text, ''),
                                  ',' order by c.oid))
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('public', 'drizzle', 'graphile_worker')) as catalog`);
  return rows[0] as { rabita: number; queue: number; catalog: string };
}

/** The primary keys of every kept table, as text. */
async function keptRows(db: pg.Client): Promise<Map<string, string[]>> {
  const kept = new Map<string, string[]>();
  for (const table of KEPT_TABLES) {
    const { rows: columns } = await db.query<{ name: string }>(
      `select a.attname as name
         from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = $1::regclass and i.indisprimary order by a.attnum`,
      [table],
    );
    const key = columns.map((c) => db.escapeIdentifier(c.name)).join(', ');
    expect(key, `${table} has a primary key`).not.toBe('');
    const { rows } = await db.query<{ key: string }>(
      `select (${key})::text as key from ${db.escapeIdentifier(table)}`,
    );
    kept.set(
      table,
      rows.map((r) => r.key),
    );
  }
  return kept;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(server: RabitaProcess, email: string, password: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status, `sign-in of ${email}`).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

async function call<T = unknown>(
  server: RabitaProcess,
  session: Session,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.ok, `${method} ${url}: ${response.status} ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

async function publicJson(server: RabitaProcess, url: string): Promise<unknown> {
  const response = await fetch(`${server.url}${url}`);
  expect(response.status, url).toBe(200);
  return response.json();
}
