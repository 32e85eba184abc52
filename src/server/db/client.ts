import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; services take one so their writes and audit records commit together. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

// Return `date` columns as the 'YYYY-MM-DD' text they are, not as a JS Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function connectDatabase(
  url: string,
  options: {
    max?: number;
    connectionTimeoutMillis?: number;
    /** How its sessions show in pg_stat_activity. */
    applicationName?: string;
    /** Every transaction read-only (a replica's pool). */
    readOnly?: boolean;
  } = {},
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle client losing its server must not crash the process; /readyz reports the outage.
  pool.on('error', () => {});
  // Nor a checked-out one: a connection cut between two statements of a transaction (a failover,
  // a restarted server) is emitted as an 'error' event on its client, which the pool listens for
  // only while the client is idle. Its next query then fails ("not queryable"), answered 503.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
