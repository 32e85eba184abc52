// Shared by the benchmarks: child processes that announce readiness, and the figures file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { register } from 'tsx/esm/api';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let registered = false;

/** One of the server's TypeScript modules, run through tsx as bin/rabita.js runs them. */
export async function importServer(file) {
  if (!registered) {
    register();
    registered = true;
  }
  return import(pathToFileURL(path.join(root, file)).href);
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The app role's password on the benchmark's server. Roles belong to the whole cluster and the
 * test harness sets this same one (test/support/global-setup.ts), so a benchmark and a test run
 * sharing a server never lock each other out.
 */
const APP_PASSWORD = process.env.RABITA_BENCH_APP_PASSWORD ?? 'rabita-test-app';

/**
 * A new database set up as production is: it belongs to the owner role, migrations ran as that
 * role, and the app connects as the least-privilege app role (src/server/db/access.ts). `url`
 * is the superuser's, for what the benchmark itself does around the app (creating and dropping
 * the database, its own scaffolding tables); `appUrl` is what the server and worker are given.
 */
export async function createAppDatabase(server, name) {
  const { asRole, provisionRoles } = await importServer('src/server/db/access.ts');
  const { migrateDatabase } = await importServer('src/server/db/migrate.ts');
  const { APP_ROLE, OWNER_ROLE } = await importServer('src/server/db/roles.ts');
  await provisionRoles(server, APP_PASSWORD);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database ${name} owner ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  try {
    await migrateDatabase(pool, { asRole: OWNER_ROLE, grantTo: APP_ROLE });
  } finally {
    await pool.end();
  }
  return {
    name,
    url: url.toString(),
    appUrl: asRole(url.toString(), APP_ROLE, APP_PASSWORD),
    appRole: APP_ROLE,
  };
}

/** Starts a child process and resolves with it and the first stdout match of `ready`. */
export function startChild(command, args, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) resolve({ child, match });
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('exit', (code) =>
      reject(new Error(`exited with ${code} before ready:\n${out}\n${err}`)),
    );
  });
}

/** Replaces one benchmark's section of docs/benchmarks.md, keeping the others. */
export function writeSection(heading, section) {
  const file = path.join(root, 'docs', 'benchmarks.md');
  const current = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n\nFigures are medians measured beside a baseline in the same run; compare ratios, not absolute times.\n';
  const start = current.indexOf(heading);
  if (start === -1) return fs.writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
  const next = current.indexOf('\n## ', start + heading.length);
  fs.writeFileSync(
    file,
    `${current.slice(0, start)}${section}${next === -1 ? '' : current.slice(next)}`,
  );
}

/** Stops a child with SIGTERM and waits for its exit. */
export async function stopChild(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Signs a demo account in (the demo's password) and returns its session cookie. */
export async function demoCookie(base, email) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'rabita-demo-2026' }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  return login.headers.get('set-cookie')?.split(';')[0] ?? '';
}
