import path from 'node:path';
import { z } from 'zod';
import type { S3Settings } from './features/documents/s3-store.js';

/** A cookie session unused this long has ended, unless RABITA_SESSION_IDLE_MINUTES says otherwise. */
export const DEFAULT_SESSION_IDLE_MINUTES = 30;

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /** The schema owner's connection, when DATABASE_URL is a least-privilege app role. */
  RABITA_MIGRATION_DATABASE_URL: z.string().url().optional(),
  /**
   * A streaming replica of DATABASE_URL's database: reports, home pages, catalogue lists and
   * calendar feeds are read there (read-only) while it keeps up. Unset or empty: every read on
   * DATABASE_URL.
   */
  DATABASE_REPLICA_URL: z.union([z.literal(''), z.string().url()]).optional(),
  /** Seconds the replica may be behind before its reads go to the primary again. */
  RABITA_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0.1).max(3600).default(10),
  RABITA_DATA_DIR: z.string().min(1).default('./data'),
  RABITA_DEMO: z.enum(['0', '1']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The TLS-terminating proxy in front, so cookies get `Secure` and the audit trail the client's
   * address: `1` for a proxy on this machine (loopback), or its addresses/subnets, comma-separated.
   * X-Forwarded-* from any other address is ignored.
   */
  RABITA_TRUST_PROXY: z
    .string()
    .regex(
      /^(0|1|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be 0, 1 (a proxy on this machine) or the proxy addresses, comma-separated',
    )
    .default('0'),
  RABITA_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Minutes without a request after which a signed-in session ends (at most one day). */
  RABITA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(DEFAULT_SESSION_IDLE_MINUTES),
  /**
   * Seconds an identity provider's ID token times (expiry, not-before) may be off by, for the
   * difference between its clock and this server's; more than this is refused.
   */
  RABITA_OIDC_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  /** The outgoing mail server, e.g. smtp://mail.example:25; unset: e-mails wait in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Rabita <no-reply@rabita.example>'),
  /** Where users reach the web app; links in e-mails start with it. */
  PUBLIC_URL: z.string().url().optional(),
  /** `off`: this server runs no queued jobs; a separate `rabita worker` process runs them. */
  RABITA_JOBS: z.enum(['on', 'off']).default('on'),
  /** Jobs (e-mails, notices, recurring work) one process runs at once. */
  RABITA_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** The embedded database down this long, /healthz answers 503 (its restarts go on). */
  RABITA_DB_GIVE_UP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * Where the embedded PostgreSQL archives its WAL, for `rabita restore --until` (point-in-time
   * recovery); unset or empty: no archiving. Read by db/embedded.ts and the restore command.
   */
  RABITA_WAL_ARCHIVE: z.string().optional(),
  /** The bearer token a Prometheus scrape sends to /metrics; unset (or empty): no /metrics. */
  /**
   * The Ed25519 private key (PEM) that signs the audit chain's checkpoints; created at the first
   * start when missing. Kept outside the database, so whoever can rewrite the database cannot
   * re-sign it. Default: audit-signing-key.pem in RABITA_DATA_DIR.
   */
  RABITA_AUDIT_KEY_FILE: z.string().min(1).optional(),
  /**
   * A Redis (redis:// or rediss://) that keeps the public routes' rate-limit counters; unset:
   * they are kept in PostgreSQL. Either way every app server counts the same requests.
   */
  RABITA_REDIS_URL: z
    .union([
      z.literal(''),
      z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://'),
    ])
    .optional(),
  /**
   * The folder that keeps uploaded documents' files; default: documents in RABITA_DATA_DIR.
   * Several app servers on several hosts must share it (a network mount).
   */
  RABITA_DOCUMENTS_DIR: z.string().min(1).optional(),
  /**
   * An S3-compatible bucket for documents instead of the folder: the service's address (e.g.
   * https://s3.eu-west-1.amazonaws.com, or a MinIO or Ceph gateway) and the bucket's name.
   */
  RABITA_DOCUMENTS_S3_ENDPOINT: z.union([z.literal(''), z.string().url()]).optional(),
  RABITA_DOCUMENTS_S3_BUCKET: z.string().optional(),
  RABITA_DOCUMENTS_S3_REGION: z.string().min(1).default('us-east-1'),
  RABITA_DOCUMENTS_S3_ACCESS_KEY_ID: z.string().optional(),
  RABITA_DOCUMENTS_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** The largest document an upload may carry, in megabytes (MiB). */
  RABITA_DOCUMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(25),
  RABITA_METRICS_TOKEN: z
    .union([z.literal(''), z.string().trim().min(16, 'must be at least 16 characters')])
    .optional(),
});

/** Every setting's name, as deploy/rabita.env and docs/operations.md must list them. */
export const SETTING_NAMES = Object.keys(Env.shape);

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Migrations and grants run here when set; else on databaseUrl (or the embedded superuser). */
  migrationDatabaseUrl: string | undefined;
  /** Undefined: no replica, every read on the primary. */
  replicaUrl: string | undefined;
  replicaMaxLagSeconds: number;
  dataDir: string;
  /** undefined: decide by the database (demo on an empty embedded one). */
  demo: boolean | undefined;
  logLevel: string;
  /** false, or the proxies whose X-Forwarded-* is believed (proxy-addr's notation). */
  trustProxy: false | string;
  sessionHours: number;
  sessionIdleMinutes: number;
  oidcClockToleranceSeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Unset: the address the server listens on. */
  publicUrl: string | undefined;
  /** How long the embedded database may stay down before /healthz reports the process useless. */
  databaseGiveUpMs: number;
  /** Whether `serve` also runs the job queue's worker in its process. */
  jobsInProcess: boolean;
  jobConcurrency: number;
  /** Undefined: /metrics is absent (404). */
  metricsToken: string | undefined;
  /** The audit chain's signing key (see RABITA_AUDIT_KEY_FILE). */
  auditKeyFile: string;
  /** Rate-limit counters in this Redis; undefined: in PostgreSQL. */
  redisUrl: string | undefined;
  /** Where uploaded documents' files are kept (see RABITA_DOCUMENTS_DIR). */
  documentsDir: string;
  /** The S3-compatible bucket that keeps them instead, when configured. */
  documentsS3: S3Settings | undefined;
  /** The largest document an upload may carry, in bytes. */
  documentMaxBytes: number;
}

/** Reads the environment once; a bad value stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.RABITA_MIGRATION_DATABASE_URL,
    replicaUrl: e.DATABASE_REPLICA_URL || undefined,
    replicaMaxLagSeconds: e.RABITA_REPLICA_MAX_LAG_SECONDS,
    dataDir: path.resolve(e.RABITA_DATA_DIR),
    demo: e.RABITA_DEMO === undefined ? undefined : e.RABITA_DEMO === '1',
    logLevel: e.LOG_LEVEL,
    trustProxy: trustedProxies(e.RABITA_TRUST_PROXY),
    sessionHours: e.RABITA_SESSION_HOURS,
    sessionIdleMinutes: e.RABITA_SESSION_IDLE_MINUTES,
    oidcClockToleranceSeconds: e.RABITA_OIDC_CLOCK_TOLERANCE_SECONDS,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    databaseGiveUpMs: e.RABITA_DB_GIVE_UP_SECONDS * 1000,
    jobsInProcess: e.RABITA_JOBS === 'on',
    jobConcurrency: e.RABITA_JOB_CONCURRENCY,
    metricsToken: e.RABITA_METRICS_TOKEN || undefined,
    redisUrl: e.RABITA_REDIS_URL || undefined,
    documentsDir: path.resolve(e.RABITA_DOCUMENTS_DIR ?? path.join(e.RABITA_DATA_DIR, 'documents')),
    documentsS3: documentsS3(e),
    documentMaxBytes: e.RABITA_DOCUMENT_MAX_MB * 1024 * 1024,
    auditKeyFile: path.resolve(
      e.RABITA_AUDIT_KEY_FILE ?? path.join(e.RABITA_DATA_DIR, 'audit-signing-key.pem'),
    ),
  };
}

export class ConfigError extends Error {}

function trustedProxies(setting: string): false | string {
  if (setting === '0') return false;
  if (setting === '1') return 'loopback';
  return setting
    .split(',')
    .map((address) => address.trim())
    .join(',');
}

/**
 * The documents' bucket: all of endpoint, bucket and both keys, or none of them. A half-given
 * set stops start-up rather than silently keeping documents in the folder.
 */
function documentsS3(e: z.infer<typeof Env>): S3Settings | undefined {
  const given = {
    RABITA_DOCUMENTS_S3_ENDPOINT: e.RABITA_DOCUMENTS_S3_ENDPOINT,
    RABITA_DOCUMENTS_S3_BUCKET: e.RABITA_DOCUMENTS_S3_BUCKET,
    RABITA_DOCUMENTS_S3_ACCESS_KEY_ID: e.RABITA_DOCUMENTS_S3_ACCESS_KEY_ID,
    RABITA_DOCUMENTS_S3_SECRET_ACCESS_KEY: e.RABITA_DOCUMENTS_S3_SECRET_ACCESS_KEY,
  };
  const missing = Object.entries(given).filter(([, value]) => !value);
  if (missing.length === 4) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(
      `${missing.map(([name]) => name).join(', ')}: needed too, since another RABITA_DOCUMENTS_S3_ setting is given`,
    );
  }
  return {
    endpoint: given.RABITA_DOCUMENTS_S3_ENDPOINT as string,
    bucket: given.RABITA_DOCUMENTS_S3_BUCKET as string,
    region: e.RABITA_DOCUMENTS_S3_REGION,
    accessKeyId: given.RABITA_DOCUMENTS_S3_ACCESS_KEY_ID as string,
    secretAccessKey: given.RABITA_DOCUMENTS_S3_SECRET_ACCESS_KEY as string,
  };
}
