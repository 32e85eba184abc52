import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import type { Config } from '../config.js';
import { pendingMigrations } from '../db/migrate.js';

/** One finding of `rabita doctor`: what was checked, how it stands, what to do about it. */
export interface Finding {
  area: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do, when it is not ok. */
  fix?: string;
}

const MiB = 1024 * 1024;
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

export function checkNode(version = process.versions.node): Finding {
  const major = Number(version.split('.')[0]);
  return major === 22 || major === 24
    ? { area: 'node', status: 'ok', detail: `Node ${version}` }
    : {
        area: 'node',
        status: 'warn',
        detail: `Node ${version} is not a supported release`,
        fix: 'install Node 22 or 24 (LTS) for a real centre',
      };
}

export function checkWebBuild(webRoot: string | null): Finding {
  return webRoot
    ? { area: 'web app', status: 'ok', detail: `built, in ${webRoot}` }
    : {
        area: 'web app',
        status: 'fail',
        detail: 'not built: the server would answer the API only',
        fix: 'install the release tarball (it holds dist/web), or run "npm run build" in a checkout',
      };
}

/** Free space where the data (and the embedded database) lives. */
export function checkDisk(config: Config): Finding {
  let dir = config.dataDir;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return {
      area: 'disk',
      status: 'fail',
      detail: `${dir} cannot be written`,
      fix: `give the service's user write access to ${config.dataDir} (RABITA_DATA_DIR)`,
    };
  }
  const stats = fs.statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  const detail = `${Math.round(free / MiB).toLocaleString('en')} MiB free in ${dir}`;
  if (free < 256 * MiB)
    return { area: 'disk', status: 'fail', detail, fix: 'free space or move RABITA_DATA_DIR' };
  if (free < 2048 * MiB)
    return {
      area: 'disk',
      status: 'warn',
      detail,
      fix: 'keep at least 2 GiB free for growth and backups',
    };
  return { area: 'disk', status: 'ok', detail };
}

export function checkPublicUrl(config: Config): Finding {
  if (!config.publicUrl)
    return {
      area: 'public address',
      status: 'warn',
      detail: `PUBLIC_URL is not set: links in e-mails point at http://${config.host}:${config.port}`,
      fix: 'set PUBLIC_URL to the address users reach, e.g. https://training.example.org',
    };
  if (config.publicUrl.startsWith('https:') && !config.trustProxy)
    return {
      area: 'public address',
      status: 'warn',
      detail: `${config.publicUrl} is https, but no proxy is trusted: cookies will not be Secure`,
      fix: 'set RABITA_TRUST_PROXY=1 when nginx on this machine terminates TLS',
    };
  return { area: 'public address', status: 'ok', detail: config.publicUrl };
}

/** The external database: reachable, recent enough, migrated, holding a signing key. */
export async function checkDatabase(config: Config): Promise<Finding[]> {
  if (!config.databaseUrl) {
    const pid = path.join(config.dataDir, 'pg', 'postmaster.pid');
    const cluster = fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'));
    return [
      {
        area: 'database',
        status: 'ok',
        detail: `embedded PostgreSQL in ${config.dataDir}: ${
          cluster ? (fs.existsSync(pid) ? 'running' : 'made, not running') : 'made at first start'
        }`,
      },
    ];
  }
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 1,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 5_000,
  });
  const where = redact(config.databaseUrl);
  try {
    const version = await pool.query<{ server_version_num: string; server_version: string }>(
      `select current_setting('server_version_num') as server_version_num,
              current_setting('server_version') as server_version`,
    );
    const row = version.rows[0];
    const findings: Finding[] = [];
    if (Number(row?.server_version_num) < 150000)
      findings.push({
        area: 'database',
        status: 'fail',
        detail: `PostgreSQL ${row?.server_version} at ${where}`,
        fix: 'Rabita needs PostgreSQL 15 or newer',
      });
    else
      findings.push({
        area: 'database',
        status: 'ok',
        detail: `PostgreSQL ${row?.server_version} at ${where}`,
      });
    const pending = await pendingMigrations(pool);
    findings.push(
      pending === 0
        ? { area: 'migrations', status: 'ok', detail: 'the schema is this release’s' }
        : {
            area: 'migrations',
            status: 'warn',
            detail: pending === null ? 'cannot be read by this role' : `${pending} to apply`,
            fix: 'run "rabita migrate" (or start the server, which migrates)',
          },
    );
    if (pending === 0) findings.push(await checkSigningKey(pool));
    return findings;
  } catch (error) {
    return [
      {
        area: 'database',
        status: 'fail',
        detail: `cannot reach ${where}: ${(error as Error).message}`,
        fix: 'check DATABASE_URL (host, port, role, password) and that PostgreSQL accepts this host',
      },
    ];
  } finally {
    await pool.end();
  }
}

async function checkSigningKey(pool: pg.Pool): Promise<Finding> {
  const { rows } = await pool.query<{ keys: string }>(
    'select count(*)::text as keys from signing_keys where retired_at is null',
  );
  return Number(rows[0]?.keys) > 0
    ? { area: 'signing keys', status: 'ok', detail: 'a certificate signing key is in use' }
    : {
        area: 'signing keys',
        status: 'ok',
        detail: 'none yet: the first certificate issued makes one',
      };
}

/** The mail server answers and accepts the configured account. */
export async function checkSmtp(config: Config): Promise<Finding> {
  if (!config.smtpUrl)
    return {
      area: 'e-mail',
      status: 'warn',
      detail: 'SMTP_URL is not set: e-mails wait in the outbox, unsent',
      fix: 'set SMTP_URL to the centre’s mail server, e.g. smtp://mail.training.example.org:25',
    };
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  const where = redact(config.smtpUrl);
  try {
    await transport.verify();
    return { area: 'e-mail', status: 'ok', detail: `${where} accepts connections` };
  } catch (error) {
    return {
      area: 'e-mail',
      status: 'fail',
      detail: `${where}: ${(error as Error).message}`,
      fix: 'check SMTP_URL (host, port, user and password) and that the mail server accepts this host',
    };
  } finally {
    transport.close();
  }
}
