import { createHash } from 'node:crypto';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type pg from 'pg';

// @fastify/rate-limit's counters kept in PostgreSQL (`rate_limit_counters`), so that every app
// server counts the same requests: with two servers, a guesser gets the same tries as with one.

/** Expired rows are deleted at most this often per process, after a request's count. */
const SWEEP_EVERY_MS = 60_000;

interface Counter {
  current: number;
  ttl: number;
}
type Callback = (error: Error | null, result?: Counter) => void;

// One statement per request: a new window starts when the row's has ended, else the count grows.
const INCREMENT = `
  INSERT INTO rate_limit_counters AS c (key_hash, hits, expires_at)
  VALUES ($1, 1, clock_timestamp() + make_interval(secs => $2::double precision / 1000))
  ON CONFLICT (key_hash) DO UPDATE SET
    hits = CASE WHEN c.expires_at <= clock_timestamp() THEN 1 ELSE c.hits + 1 END,
    expires_at = CASE WHEN c.expires_at <= clock_timestamp() THEN excluded.expires_at
                      ELSE c.expires_at END
  RETURNING hits::float8 AS hits,
    greatest(0, extract(epoch FROM c.expires_at - clock_timestamp()) * 1000)::float8 AS ttl`;

const READ = `
  SELECT hits::float8 AS hits,
    greatest(0, extract(epoch FROM expires_at - clock_timestamp()) * 1000)::float8 AS ttl
  FROM rate_limit_counters WHERE key_hash = $1 AND expires_at > clock_timestamp()`;

const SWEEP = 'DELETE FROM rate_limit_counters WHERE expires_at <= clock_timestamp()';

interface Shared {
  pool: pg.Pool;
  lastSweep: number;
}

/** The row's key: the route and the limit's own key, hashed (no address or e-mail is stored). */
function keyHash(namespace: string, key: string): Buffer {
  return createHash('sha256').update(namespace).update('\0').update(key).digest();
}

class PostgresRateLimitStore {
  constructor(
    private readonly shared: Shared,
    private readonly namespace: string,
  ) {}

  incr(key: string, callback: Callback, timeWindow: number): void {
    this.shared.pool
      .query<{ hits: number; ttl: number }>(INCREMENT, [keyHash(this.namespace, key), timeWindow])
      .then(({ rows: [row] }) => {
        this.sweepNowAndThen();
        callback(null, { current: row?.hits ?? 1, ttl: Math.ceil(row?.ttl ?? timeWindow) });
      }, callback);
  }

  /** The count so far, without counting (`{ increment: false }`). */
  read(key: string, callback: Callback): void {
    this.shared.pool
      .query<{ hits: number; ttl: number }>(READ, [keyHash(this.namespace, key)])
      .then(({ rows: [row] }) => {
        callback(
          null,
          row ? { current: row.hits, ttl: Math.ceil(row.ttl) } : { current: 0, ttl: 0 },
        );
      }, callback);
  }

  /** A route's own counters (the plugin passes the route's limit with `routeInfo`). */
  child(options: object) {
    const route =
      (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
    const method = Array.isArray(route.method) ? route.method.join(',') : (route.method ?? '');
    return new PostgresRateLimitStore(this.shared, `${method} ${route.url ?? ''}`);
  }

  private sweepNowAndThen() {
    const now = Date.now();
    if (now - this.shared.lastSweep < SWEEP_EVERY_MS) return;
    this.shared.lastSweep = now;
    this.shared.pool.query(SWEEP).catch(() => {
      // The next sweep retries; a stale row only waits longer to be deleted.
    });
  }
}

/** The store class @fastify/rate-limit instantiates (`store` option), on this pool. */
export function postgresRateLimitStore(pool: pg.Pool): FastifyRateLimitStoreCtor {
  const shared: Shared = { pool, lastSweep: 0 };
  return class extends PostgresRateLimitStore {
    constructor() {
      super(shared, '');
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
